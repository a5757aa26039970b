/**
 * Retries with exponential backoff and jitter on 429 and 5xx, honouring `Retry-After`.
 *
 * A `Retry-After` longer than `maxDelayMs` ends the retries (Runway answers 429 for a spent daily
 * quota): the error goes to the caller, or to the fallback provider, instead of a wait that does
 * not honour the header. The random source is injectable, and so are the client's sleep and
 * clock, so tests never sleep.
 */

/** 429 Too Many Requests and every 5xx answer earn another attempt. */
export function isRetryable(statusCode: number): boolean {
  return statusCode === 429 || (statusCode >= 500 && statusCode <= 599);
}

export interface RetryOptions {
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly random?: () => number;
}

/** How often and how long to wait between attempts. */
export class RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly random: () => number;

  constructor(options: RetryOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  /** Milliseconds to wait before retrying a response with this status, or undefined. */
  afterStatus(statusCode: number, attempt: number, retryAfter?: string | null): number | undefined {
    if (!isRetryable(statusCode) || attempt + 1 >= this.maxAttempts) {
      return undefined;
    }
    const hinted = retryAfter ? parseRetryAfter(retryAfter) : undefined;
    if (hinted === undefined) {
      return this.backoff(attempt);
    }
    return hinted <= this.maxDelayMs ? hinted : undefined;
  }

  /** Milliseconds to wait before retrying a request that timed out, or undefined: give up. */
  afterTimeout(attempt: number): number | undefined {
    return attempt + 1 < this.maxAttempts ? this.backoff(attempt) : undefined;
  }

  /** Exponential delay for 0-based `attempt`, jittered between half and all of it. */
  backoff(attempt: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
    return ceiling * (0.5 + this.random() / 2);
  }
}

/** Milliseconds from a `Retry-After` header (delta-seconds or an HTTP date); undefined if unreadable. */
export function parseRetryAfter(value: string, now: number = Date.now()): number | undefined {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Number(text) * 1000;
  }
  const when = Date.parse(text);
  if (Number.isNaN(when) || !/[a-z]/i.test(text)) {
    return undefined;
  }
  return Math.max(0, when - now);
}
