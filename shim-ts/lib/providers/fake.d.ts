import type { FittedRequest } from "../params.js";
import { Adapter, type Call, type JobState } from "./base.js";
/** Where the fake provider lives; requests to this host never leave the process. */
export declare const FAKE_BASE_URL: string;
/** A local stand-in provider for tests and development. */
export declare class Fake extends Adapter {
    authHeaders(): Promise<Record<string, string>>;
    create(request: FittedRequest): Call;
    parseCreated(payload: unknown): [string, JobState];
    status(rawId: string): Call;
    parseStatus(_rawId: string, payload: unknown): JobState;
    cancel(rawId: string): Call;
    extend(rawId: string, _job: JobState, prompt: string, duration: number | undefined): Call;
}
/** Answer `request` from the in-process fake provider. */
export declare function fakeFetch(request: Request, polls: number): Promise<Response>;
