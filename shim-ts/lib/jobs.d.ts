export type Status = "pending" | "processing" | "completed" | "failed";
export declare const STATUSES: readonly Status[];
/** Why a job failed, in the provider's own words (`code` when the provider gives one). */
export interface JobError {
    readonly message: string;
    readonly code?: string | undefined;
}
/**
 * A video generation job on one provider, shaped like Sora's `Video`: `id` (which carries the
 * provider, `runway:...`), `status`, `progress` (0-100) and `error` (`.message`, `.code`).
 * `model` is the model the job was started with (undefined when only its status was read).
 */
export interface Job {
    readonly id: string;
    readonly provider: string;
    readonly status: Status;
    readonly progress: number;
    readonly error?: JobError | undefined;
    readonly videoUrl?: string | undefined;
    readonly model?: string | undefined;
    /** True once the job has completed or failed. */
    readonly done: boolean;
    /** The provider's own payload, for what the shim does not map. */
    readonly raw: Readonly<Record<string, unknown>>;
}
/** `provider:rawId`. */
export declare function makeJobId(provider: string, rawId: string): string;
/** [provider, the provider's own id] of a shim job id. */
export declare function splitJobId(jobId: string): [string, string];
/** An estimated price in USD, the price row used, and when those prices were published. */
export interface CostEstimate {
    /** The price in `currency`, rounded to 4 decimal places. */
    readonly amount: number;
    /** The same amount as an exact decimal string ("0.9600"). */
    readonly amountText: string;
    readonly currency: string;
    readonly provider: string;
    readonly model: string;
    readonly priceRow: Readonly<Record<string, unknown>>;
    /** ISO date the prices were published. */
    readonly published: string;
    readonly confirmed: boolean;
    readonly note: string;
}
/**
 * A finished video, as the Node SDK's `downloadContent` Response was: `url`, `ok`, `status`,
 * `headers`, `body` (a ReadableStream), `arrayBuffer()`, `blob()`, `bytes()`. As with a
 * Response, the video is either streamed from `body` or read whole; unlike a Response, the
 * whole-body readers may be called more than once (the bytes are kept, and `body` then streams
 * them again).
 */
export declare class VideoOutput {
    #private;
    readonly url: string;
    readonly ok = true;
    readonly status: number;
    readonly headers: Headers;
    constructor(url: string, response: Response);
    /** The video as a stream (read once, like a Response body). */
    get body(): ReadableStream<Uint8Array>;
    /** Whether the body stream was handed out or read. */
    get bodyUsed(): boolean;
    /** The whole video. */
    bytes(): Promise<Uint8Array<ArrayBuffer>>;
    /** The whole video (a copy, so callers may keep or change it). */
    arrayBuffer(): Promise<ArrayBuffer>;
    /** The whole video as a Blob (`video/mp4` unless the provider said otherwise). */
    blob(): Promise<Blob>;
}
