import { type FittedRequest } from "../params.js";
import { Adapter, type Call, type JobState } from "./base.js";
/** Kling v2.6 (model configurable). */
export declare class Kling extends Adapter {
    authHeaders(): Promise<Record<string, string>>;
    /** A JWT valid for 30 minutes (HS256, iss = access key, signed with the secret key). */
    token(now?: number): Promise<string>;
    create(request: FittedRequest): Call;
    parseCreated(payload: unknown, request: FittedRequest): [string, JobState];
    parseExtended(payload: unknown): [string, JobState];
    private task;
    status(rawId: string): Call;
    parseStatus(_rawId: string, payload: unknown): JobState;
    extend(_rawId: string, job: JobState, prompt: string, duration: number | undefined): Call;
    private data;
    private taskState;
}
