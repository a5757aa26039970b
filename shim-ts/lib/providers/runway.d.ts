import type { FittedRequest } from "../params.js";
import { Adapter, type Call, type JobState } from "./base.js";
/** Runway gen4.5 (model configurable). */
export declare class Runway extends Adapter {
    authHeaders(): Promise<Record<string, string>>;
    create(request: FittedRequest): Call;
    parseCreated(payload: unknown): [string, JobState];
    status(rawId: string): Call;
    parseStatus(_rawId: string, payload: unknown): JobState;
    cancel(rawId: string): Call;
}
