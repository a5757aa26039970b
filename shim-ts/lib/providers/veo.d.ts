import { type Image } from "../images.js";
import type { FittedRequest } from "../params.js";
import { Adapter, type Call, type JobState } from "./base.js";
/** Veo 3.1 (native audio; model configurable). */
export declare class Veo extends Adapter {
    private key;
    authHeaders(): Promise<Record<string, string>>;
    downloadHeaders(): Promise<Record<string, string>>;
    create(request: FittedRequest): Call;
    protected image(image: Image): Record<string, string>;
    /** The `parameters` the caller chose (none is invented). */
    protected parameters(request: FittedRequest): Record<string, unknown>;
    protected modelPath(model: string): string;
    private predict;
    parseCreated(payload: unknown): [string, JobState];
    status(rawId: string): Call;
    parseStatus(_rawId: string, payload: unknown): JobState;
    /** [the videos, the safety filter's reasons] of a finished operation's response. */
    protected videos(response: Record<string, unknown>): [unknown[], string[]];
    protected videoUrl(video: unknown): string;
    /** The `video` instance that names a finished video, to extend it. */
    protected earlierVideo(url: string): Record<string, string>;
    extend(_rawId: string, job: JobState, prompt: string, duration: number | undefined): Call;
    errorHint(call: Call, statusCode: number): string;
}
/** `value` as a list of strings (anything else: empty). */
export declare function strings(value: unknown): string[];
