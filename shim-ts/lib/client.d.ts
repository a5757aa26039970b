/**
 * `VideoClient`: create, poll and download videos on the configured provider, with fallback.
 *
 * Creating a client reads no environment variable and sends nothing. Every request has a
 * timeout; 429 and 5xx answers are retried with backoff and jitter (honouring `Retry-After`);
 * API keys are never part of an inspected client, a log line or an error message. It uses only
 * the platform's `fetch`, so it runs on Node 18+, Deno, Bun and edge runtimes.
 */
import { type ShimSettings } from "./config.js";
import { type ImageInput } from "./images.js";
import { VideoOutput, type CostEstimate, type Job } from "./jobs.js";
import { type WarningHandler } from "./params.js";
import { RetryPolicy, type RetryOptions } from "./retry.js";
/** What `createVideo` and `generateVideo` take (the Python shim's keywords, in camelCase). */
export interface CreateVideoParams {
    readonly prompt: string;
    readonly durationSeconds?: number | undefined;
    readonly aspectRatio?: string | undefined;
    readonly resolution?: string | undefined;
    /** A URL, a data URI, a file path, bytes, a Blob or a stream of bytes. */
    readonly image?: ImageInput | undefined;
    readonly model?: string | undefined;
    readonly audio?: boolean | undefined;
}
/** What `estimateCost` takes: the parameters of the video to price. */
export interface EstimateCostParams {
    readonly durationSeconds?: number | undefined;
    readonly resolution?: string | undefined;
    readonly audio?: boolean | undefined;
}
/** How `generateVideo` and `wait` poll. */
export interface WaitOptions {
    /** Between status reads (default 5000). */
    readonly pollIntervalMs?: number | undefined;
    /** Until `Timeout` is thrown (default 900000, 15 minutes). */
    readonly timeoutMs?: number | undefined;
}
/** Where the shim reports a fallback, a shadow job, or a mapped parameter of a shadow job. */
export interface ShimLogger {
    warn(message: string): void;
    info?(message: string): void;
}
/** The client's options: the provider settings, then how it sends, waits and reports. */
export interface VideoClientOptions extends ShimSettings {
    readonly fetch?: typeof fetch | undefined;
    /** Per request (default 30000). */
    readonly timeoutMs?: number | undefined;
    readonly retry?: RetryPolicy | RetryOptions | undefined;
    readonly onWarning?: WarningHandler | undefined;
    readonly logger?: ShimLogger | undefined;
    readonly sleep?: ((ms: number) => Promise<void>) | undefined;
    readonly now?: (() => number) | undefined;
    readonly random?: (() => number) | undefined;
}
/** Create, poll and download videos on the configured provider. */
export declare class VideoClient {
    #private;
    constructor(options?: VideoClientOptions);
    toString(): string;
    /** Start a video job; resolves at once with its id and status. */
    createVideo(params: CreateVideoParams): Promise<Job>;
    /** Create, then poll until the job ends; a failed job is returned (check `status`). */
    generateVideo(params: CreateVideoParams, options?: WaitOptions): Promise<Job>;
    /**
     * Poll an existing job until it ends, like Sora's `videos.poll`; a failed job is returned
     * (check `status`), a job still running at the deadline throws Timeout.
     */
    wait(jobId: string, options?: WaitOptions): Promise<Job>;
    /** The job's current status, progress and error. */
    getJobStatus(jobId: string): Promise<Job>;
    /**
     * The finished video, like the Node SDK's `downloadContent` (JobFailed if the job failed);
     * with the variant "thumbnail" (or `{ variant: "thumbnail" }`, as downloadContent took it),
     * its still where the provider returns one (UnsupportedFeature elsewhere).
     */
    getVideoOutput(jobId: string, variant?: string | {
        readonly variant?: string;
    }): Promise<VideoOutput>;
    /**
     * Like Sora's `videos.delete`: cancel a running job; remove a finished video where the
     * provider stores it (Runway, Luma), elsewhere it expires on its own.
     */
    deleteVideo(jobId: string): Promise<void>;
    /** Cancel a running job (UnsupportedFeature where the provider cannot). */
    cancelJob(jobId: string): Promise<void>;
    /** Start a job that continues a finished video. */
    extendVideo(jobId: string, prompt: string, durationSeconds?: number): Promise<Job>;
    /** Whether the primary provider generates sound with the video. */
    supportsNativeAudio(): boolean;
    /**
     * The primary provider's price for the video it would make, from the shipped price table:
     * values mapped as createVideo maps them, and a value left out priced at the provider's
     * documented default (named in `providerDefaults`).
     */
    estimateCost(params?: EstimateCostParams): CostEstimate;
}
