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
 * `model`, `durationSeconds`, `aspectRatio`, `resolution` and `audio` are what the job was
 * started with; a value the caller left out is the provider's documented default, and its name
 * is in `providerDefaults`. With `prompt`, `createdAt` (Unix seconds) and Sora's spellings
 * `seconds` ("8") and `size` ("1280x720") they are known on the Job that `createVideo`,
 * `generateVideo` and `extendVideo` return, and undefined on a Job read by `getJobStatus` or
 * `wait`.
 */
export interface Job {
    readonly id: string;
    readonly provider: string;
    readonly status: Status;
    readonly progress: number;
    readonly error?: JobError | undefined;
    readonly videoUrl?: string | undefined;
    /** A still of the video, where the provider returns one (`getVideoOutput(id, "thumbnail")`). */
    readonly thumbnailUrl?: string | undefined;
    readonly model?: string | undefined;
    readonly durationSeconds?: number | undefined;
    readonly aspectRatio?: string | undefined;
    readonly resolution?: string | undefined;
    readonly audio?: boolean | undefined;
    /** Fields left to the provider's documented default (`duration_seconds`, `aspect_ratio`, ...). */
    readonly providerDefaults: readonly string[];
    readonly prompt?: string | undefined;
    readonly createdAt?: number | undefined;
    /** The duration as Sora spelled it ("8"), when known. */
    readonly seconds?: string | undefined;
    /** The frame size as Sora spelled it ("1280x720"), when known. */
    readonly size?: string | undefined;
    /** True once the job has completed or failed. */
    readonly done: boolean;
    /** The provider's own payload, for what the shim does not map. */
    readonly raw: Readonly<Record<string, unknown>>;
}
/** What a job was started with: known from the create call, not from a status read. */
export declare const STARTED_WITH: readonly ["model", "durationSeconds", "aspectRatio", "resolution", "audio", "providerDefaults", "prompt", "createdAt", "seconds", "size"];
/** `later` (a status read of `started`) with what only the start knew kept from `started`. */
export declare function updated(started: Job, later: Job): Job;
/** "16:9" at "720p" is "1280x720"; undefined for a value that is not W:H or NNNp/4k. */
export declare function frameSize(aspectRatio: string, resolution: string): string | undefined;
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
    /** What was priced: the duration, resolution and audio setting the provider will use. */
    readonly durationSeconds: number;
    readonly resolution: string | undefined;
    readonly audio: boolean;
    /** Priced fields that are the provider's documented default, not the caller's choice. */
    readonly providerDefaults: readonly string[];
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
