import type { FittedRequest } from "../params.js";
import { Adapter, type Call, type JobState } from "./base.js";
/** Luma Ray 2 (model configurable). */
export declare class Luma extends Adapter {
    authHeaders(): Promise<Record<string, string>>;
    create(request: FittedRequest): Call;
    parseCreated(payload: unknown): [string, JobState];
    status(rawId: string): Call;
    parseStatus(_rawId: string, payload: unknown): JobState;
    cancel(rawId: string): Call;
    extend(rawId: string, _job: JobState, prompt: string, duration: number | undefined): Call;
}
