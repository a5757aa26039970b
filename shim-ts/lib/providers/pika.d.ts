import type { FittedRequest } from "../params.js";
import { Adapter, type Call, type FollowUp, type JobState } from "./base.js";
/** Pika v2.2 on fal.ai (endpoint configurable as the model). */
export declare class Pika extends Adapter {
    authHeaders(): Promise<Record<string, string>>;
    create(request: FittedRequest): Call;
    parseCreated(payload: unknown): [string, JobState];
    private urlFor;
    status(rawId: string): Call;
    parseStatus(rawId: string, payload: unknown): JobState | FollowUp;
    parseResult(_rawId: string, payload: unknown, statusCode: number): JobState;
    cancel(rawId: string): Call;
}
