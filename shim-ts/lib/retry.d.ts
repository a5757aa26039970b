/**
 * Retries with exponential backoff and jitter on 429 and 5xx, honouring `Retry-After`.
 *
 * A `Retry-After` longer than `maxDelayMs` ends the retries (Runway answers 429 for a spent daily
 * quota): the error goes to the caller, or to the fallback provider, instead of a wait that does
 * not honour the header. The random source is injectable, and so are the client's sleep and
 * clock, so tests never sleep.
 */
/** 429 Too Many Requests and every 5xx answer earn another attempt. */
export declare function isRetryable(statusCode: number): boolean;
export interface RetryOptions {
    readonly maxAttempts?: number;
    readonly baseDelayMs?: number;
    readonly maxDelayMs?: number;
    readonly random?: () => number;
}
/** How often and how long to wait between attempts. */
export declare class RetryPolicy {
    readonly maxAttempts: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
    readonly random: () => number;
    constructor(options?: RetryOptions);
    /** Milliseconds to wait before retrying a response with this status, or undefined. */
    afterStatus(statusCode: number, attempt: number, retryAfter?: string | null): number | undefined;
    /** Milliseconds to wait before retrying a request that timed out, or undefined: give up. */
    afterTimeout(attempt: number): number | undefined;
    /** Exponential delay for 0-based `attempt`, jittered between half and all of it. */
    backoff(attempt: number): number;
}
/** Milliseconds from a `Retry-After` header (delta-seconds or an HTTP date); undefined if unreadable. */
export declare function parseRetryAfter(value: string, now?: number): number | undefined;
