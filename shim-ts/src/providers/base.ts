/**
 * What every provider adapter is: pure functions from a request to an HTTP call and from a
 * payload to a job state. The client does the I/O, retries and fallback once for all of them.
 */
import { ConfigurationError, ProviderError, UnsupportedFeature } from "../errors.js";
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
export function given(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** A JobState with defaults filled in. */
export function state(
  status: Status,
  progress = 0,
  extra: Omit<JobState, "status" | "progress"> = {},
): JobState {
  return { status, progress, ...extra };
}

/** Base class: configuration, credentials and the operations a provider may lack. */
export abstract class Adapter {
  readonly spec: ProviderSpec;
  readonly name: string;
  readonly baseUrl: string;
  readonly model: string;
  protected readonly warn: WarningHandler;
  // private (#), so neither console.log nor util.inspect ever shows a key
  readonly #secrets: Secrets;

  constructor(spec: ProviderSpec, baseUrl: string, model: string, secrets: Secrets, context: AdapterContext) {
    this.spec = spec;
    this.name = spec.name;
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.model = model;
    this.#secrets = { ...secrets };
    this.warn = context.warn;
  }

  /** Values that must never appear in messages. */
  secretValues(): string[] {
    return Object.values(this.#secrets).filter((value) => value);
  }

  /** The key held in variable `name` ("" when it is not set). */
  protected secret(name: string): string {
    return this.#secrets[name] ?? "";
  }

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
  parseResult(_rawId: string, _payload: unknown, _statusCode: number): JobState {
    throw new ProviderError(this.name, "unexpected follow-up response");
  }

  /** The request that cancels a job. */
  cancel(_rawId: string): Call {
    throw new UnsupportedFeature(`${this.name} has no API to cancel a job`);
  }

  /** The request that extends a finished video. */
  extend(_rawId: string, _state: JobState, _prompt: string, _duration: number | undefined): Call {
    throw new UnsupportedFeature(`${this.name} cannot extend a video`);
  }

  /** The new job's id and state from an extend response. */
  parseExtended(payload: unknown): [string, JobState] {
    return this.parseCreated(payload, { prompt: "", model: this.model, durationSeconds: 0, resolution: "" });
  }

  /** Advice appended to an HTTP error from this provider ("" when there is none). */
  errorHint(_call: Call, _statusCode: number): string {
    return "";
  }

  /** The HTTP URL that serves the finished video (Vertex AI's `gs://` URIs are not). */
  downloadUrl(videoUrl: string): string {
    return videoUrl;
  }

  /** Headers for fetching the finished video (most providers sign their URLs). */
  async downloadHeaders(): Promise<Record<string, string>> {
    return {};
  }

  /** An absolute URL on this provider's base URL. */
  url(path: string): string {
    return `${this.baseUrl}/${path.replace(/^\/+/, "")}`;
  }

  /**
   * The shim's status for the provider's job state `value` (from the shared data), or a
   * ProviderError for a state this adapter does not know (never guessed).
   */
  jobStatus(value: unknown): Status {
    const status = typeof value === "string" ? this.spec.statuses[value] : undefined;
    if (status === undefined) {
      throw new ProviderError(this.name, `unknown job status ${show(value)}`);
    }
    return status;
  }

  /** payload[k1][k2]..., or a ProviderError naming the missing field. */
  require(payload: unknown, ...keys: (string | number)[]): unknown {
    let current: unknown = payload;
    for (const key of keys) {
      const next =
        current !== null && typeof current === "object"
          ? (current as Record<string | number, unknown>)[key]
          : undefined;
      if (next === undefined) {
        throw new ProviderError(this.name, `response has no ${keys.join(".")}`);
      }
      current = next;
    }
    return current;
  }

  /** payload[key] as a string, or a ProviderError naming the missing field. */
  requireString(payload: unknown, ...keys: (string | number)[]): string {
    const value = this.require(payload, ...keys);
    if (typeof value !== "string" && typeof value !== "number") {
      throw new ProviderError(this.name, `response has no ${keys.join(".")}`);
    }
    return String(value);
  }
}

/** The object `value`, or an empty one. */
export function asObject(value: unknown): Payload {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Payload)
    : {};
}

/** This provider's key(s) from the environment (or `apiKeys`); a clear error names what is missing. */
export function readSecrets(
  spec: ProviderSpec,
  source: Readonly<Record<string, string | undefined>>,
  where = "set",
): Secrets {
  const found: Record<string, string> = {};
  for (const name of spec.keyEnv) {
    const value = source[name];
    if (value) {
      found[name] = value;
    }
  }
  const missing = spec.keyEnv.filter((name) => !(name in found));
  if (spec.keyEnv.length > 0 && (Object.keys(found).length === 0 || (spec.needsEveryKey && missing.length > 0))) {
    const names = spec.needsEveryKey ? missing.join(" and ") : spec.keyEnv.join(" or ");
    throw new ConfigurationError(`${spec.name}: ${where} ${names} to use this provider`);
  }
  return found;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
