import type { JobError, Status } from "../jobs.js";
import type { FittedRequest, WarningHandler } from "../params.js";
import type { ProviderSpec } from "../specs.js";
/**
 * One HTTP request for the client to send. With `failureIsResult`, an error response is handed
 * to the adapter (fal reports a failed job by failing the result request).
 */
export interface Call {
    readonly method: string;
    readonly url: string;
    readonly json?: unknown;
    readonly failureIsResult?: boolean;
}
/** A provider's job, read from its payload. */
export interface JobState {
    readonly status: Status;
    readonly progress: number;
    readonly error?: JobError | undefined;
    readonly videoUrl?: string | undefined;
    readonly videoId?: string | undefined;
    /** A still of the video, where the provider returns one. */
    readonly thumbnailUrl?: string | undefined;
}
/** Another request is needed to learn the job's state (fal's result URL). */
export interface FollowUp {
    readonly followUp: Call;
}
/** A provider's keys, by variable name. */
export type Secrets = Readonly<Record<string, string>>;
/** What an adapter may read besides its keys. */
export interface AdapterContext {
    readonly warn: WarningHandler;
    /** The environment the client reads (VIDEO_GENERATION_* and the provider's own variables). */
    readonly env: Readonly<Record<string, string | undefined>>;
    /** Settings given to the client for this provider alone (`vertex` for veo-vertex). */
    readonly options?: unknown;
}
/** A JSON payload as the adapters read it. */
export type Payload = Record<string, unknown>;
/** `body` without the keys whose value is undefined (a value the caller left out is not sent). */
export declare function given(body: Record<string, unknown>): Record<string, unknown>;
/** A JobState with defaults filled in. */
export declare function state(status: Status, progress?: number, extra?: Omit<JobState, "status" | "progress">): JobState;
/** Base class: configuration, credentials and the operations a provider may lack. */
export declare abstract class Adapter {
    #private;
    readonly spec: ProviderSpec;
    readonly name: string;
    readonly baseUrl: string;
    readonly model: string;
    protected readonly warn: WarningHandler;
    constructor(spec: ProviderSpec, baseUrl: string, model: string, secrets: Secrets, context: AdapterContext);
    /** Values that must never appear in messages. */
    secretValues(): string[];
    /** The key held in variable `name` ("" when it is not set). */
    protected secret(name: string): string;
    /** Headers that authenticate every request. */
    abstract authHeaders(): Promise<Record<string, string>>;
    /** The request that starts a job. */
    abstract create(request: FittedRequest): Call;
    /** The provider's job id and initial state from the create response. */
    abstract parseCreated(payload: unknown, request: FittedRequest): [string, JobState];
    /** The request that reads a job. */
    abstract status(rawId: string): Call;
    /** The job's state, or a further request to make. */
    abstract parseStatus(rawId: string, payload: unknown): JobState | FollowUp;
    /** The job's state from a follow-up response. */
    parseResult(_rawId: string, _payload: unknown, _statusCode: number): JobState;
    /** The request that cancels a job. */
    cancel(_rawId: string): Call;
    /** The request that extends a finished video. */
    extend(_rawId: string, _state: JobState, _prompt: string, _duration: number | undefined): Call;
    /** The new job's id and state from an extend response. */
    parseExtended(payload: unknown): [string, JobState];
    /** Advice appended to an HTTP error from this provider ("" when there is none). */
    errorHint(_call: Call, _statusCode: number): string;
    /** The HTTP URL that serves the finished video (Vertex AI's `gs://` URIs are not). */
    downloadUrl(videoUrl: string): string;
    /** Headers for fetching the finished video (most providers sign their URLs). */
    downloadHeaders(): Promise<Record<string, string>>;
    /** An absolute URL on this provider's base URL. */
    url(path: string): string;
    /**
     * The shim's status for the provider's job state `value` (from the shared data), or a
     * ProviderError for a state this adapter does not know (never guessed).
     */
    jobStatus(value: unknown): Status;
    /** payload[k1][k2]..., or a ProviderError naming the missing field. */
    require(payload: unknown, ...keys: (string | number)[]): unknown;
    /** payload[key] as a string, or a ProviderError naming the missing field. */
    requireString(payload: unknown, ...keys: (string | number)[]): string;
}
/** The object `value`, or an empty one. */
export declare function asObject(value: unknown): Payload;
/** This provider's key(s) from the environment (or `apiKeys`); a clear error names what is missing. */
export declare function readSecrets(spec: ProviderSpec, source: Readonly<Record<string, string | undefined>>, where?: string): Secrets;
