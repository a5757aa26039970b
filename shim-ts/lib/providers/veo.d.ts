import type { FittedRequest } from "../params.js";
import { Adapter, type Call, type JobState } from "./base.js";
/** Veo 3.1 (native audio; model configurable). */
export declare class Veo extends Adapter {
    private key;
    authHeaders(): Promise<Record<string, string>>;
    downloadHeaders(): Promise<Record<string, string>>;
    create(request: FittedRequest): Call;
    private predict;
    parseCreated(payload: unknown): [string, JobState];
    status(rawId: string): Call;
    parseStatus(_rawId: string, payload: unknown): JobState;
    extend(_rawId: string, job: JobState, prompt: string, duration: number | undefined): Call;
    errorHint(call: Call, statusCode: number): string;
}
