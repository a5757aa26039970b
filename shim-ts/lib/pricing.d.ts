import type { CostEstimate } from "./jobs.js";
import type { PriceSection } from "./specs.js";
/** One provider's price section (published, source, confirmed, rows). */
export declare function providerPrices(provider: string): PriceSection;
/** The cost of `durationSeconds` of video from the best-matching price row. */
export declare function estimate(provider: string, model: string, durationSeconds: number, resolution: string | undefined, audio: boolean): CostEstimate;
/** `left * right` for decimal strings, rounded half-even to 4 places ("0.9600"). */
export declare function multiply(left: string, right: string): string;
