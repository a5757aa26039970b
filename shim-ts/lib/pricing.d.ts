import type { CostEstimate } from "./jobs.js";
import { type Capabilities, type VideoRequest, type WarningHandler } from "./params.js";
import type { PriceSection } from "./specs.js";
/** One provider's price section (published, source, confirmed, rows). */
export declare function providerPrices(provider: string): PriceSection;
/**
 * The price of the video `request` makes on `provider`: values mapped as createVideo maps them,
 * and a value left out priced at the provider's documented default (named in
 * `providerDefaults`).
 */
export declare function estimateRequest(provider: string, capabilities: Capabilities, request: VideoRequest, warn: WarningHandler): CostEstimate;
/** The cost of `durationSeconds` of video from the best-matching price row. */
export declare function estimate(provider: string, model: string, durationSeconds: number, resolution: string | undefined, audio: boolean, providerDefaults?: readonly string[]): CostEstimate;
/** `left * right` for decimal strings, rounded half-even to 4 places ("0.9600"). */
export declare function multiply(left: string, right: string): string;
