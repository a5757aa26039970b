/**
 * `VideoClient`: create, poll and download videos on the configured provider, with fallback.
 *
 * Creating a client reads no environment variable and sends nothing. Every request has a
 * timeout; 429 and 5xx answers are retried with backoff and jitter (honouring `Retry-After`);
 * API keys are never part of an inspected client, a log line or an error message. It uses only
 * the platform's `fetch`, so it runs on Node 18+, Deno, Bun and edge runtimes.
 */
import { ShimConfig, type ShimSettings } from "./config.js";
import { JobFailed, ProviderError, ShimError, Timeout, UnsupportedFeature } from "./errors.js";
import { fromBase64, readImage, type ImageInput } from "./images.js";
import { frameSize, makeJobId, splitJobId, updated, VideoOutput, type CostEstimate, type Job } from "./jobs.js";
import {
  defaultWarning,
  fit,
  nearestDuration,
  settings,
  type FittedRequest,
  type ParameterMapped,
  type Settings,
  type VideoRequest,
  type WarningHandler,
} from "./params.js";
import { estimateRequest } from "./pricing.js";
import type { Adapter, Call, JobState } from "./providers/base.js";
import { FAKE_BASE_URL, fakeFetch } from "./providers/fake.js";
import { provider } from "./registry.js";
import { RetryPolicy, type RetryOptions } from "./retry.js";

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_POLL_INTERVAL_MS = 5_000;
const DEFAULT_WAIT_TIMEOUT_MS = 900_000;
const MAX_REDIRECTS = 5;
const FAKE_ORIGIN = new URL(FAKE_BASE_URL).origin;

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

interface Reply {
  readonly statusCode: number;
  readonly payload: unknown;
}

/** Create, poll and download videos on the configured provider. */
export class VideoClient {
  readonly #config: ShimConfig;
  readonly #adapters = new Map<string, Adapter>();
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #warn: WarningHandler;
  readonly #logger: ShimLogger;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #now: () => number;
  readonly #random: () => number;

  constructor(options: VideoClientOptions = {}) {
    this.#config = new ShimConfig(options);
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#retry = options.retry instanceof RetryPolicy ? options.retry : new RetryPolicy(options.retry);
    this.#warn = options.onWarning ?? defaultWarning;
    this.#logger = options.logger ?? { warn: (message) => console.warn(message) };
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#now = options.now ?? (() => globalThis.performance?.now() ?? Date.now());
    this.#random = options.random ?? Math.random;
  }

  toString(): string {
    return `VideoClient(provider=${this.#config.provider}, fallbackProvider=${this.#config.fallbackProvider})`;
  }

  /** Start a video job; resolves at once with its id and status. */
  async createVideo(params: CreateVideoParams): Promise<Job> {
    const request = await this.#request(params);
    const primary = this.#config.primary();
    const fallback = this.#config.fallbackName();
    const [shadow, fraction] = this.#config.shadowSetup();
    let job: Job;
    try {
      job = await this.#createOn(primary, request, this.#warn);
    } catch (error) {
      if (!(error instanceof ShimError) || fallback === undefined || fallback === primary) {
        throw error;
      }
      this.#logger.warn(`video provider ${primary} failed (${error.message}); falling back to ${fallback}`);
      job = await this.#createOn(fallback, this.#forSecond(request, fallback), this.#warn);
    }
    if (shadow !== undefined && shadow !== primary && this.#random() < fraction) {
      await this.#shadow(shadow, request);
    }
    return job;
  }

  /** Create, then poll until the job ends; a failed job is returned (check `status`). */
  async generateVideo(params: CreateVideoParams, options: WaitOptions = {}): Promise<Job> {
    const deadline = this.#now() + (options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS);
    const created = await this.createVideo(params);
    return updated(created, await this.#poll(created, deadline, options));
  }

  /**
   * Poll an existing job until it ends, like Sora's `videos.poll`; a failed job is returned
   * (check `status`), a job still running at the deadline throws Timeout.
   */
  async wait(jobId: string, options: WaitOptions = {}): Promise<Job> {
    const deadline = this.#now() + (options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS);
    return this.#poll(await this.getJobStatus(jobId), deadline, options);
  }

  /** The job's current status, progress and error. */
  async getJobStatus(jobId: string): Promise<Job> {
    const [name, rawId] = splitJobId(jobId);
    const adapter = this.#adapter(name);
    const [state, payload] = await this.#state(adapter, rawId);
    return toJob(adapter, rawId, state, payload, undefined);
  }

  /**
   * The finished video, like the Node SDK's `downloadContent` (JobFailed if the job failed);
   * with the variant "thumbnail" (or `{ variant: "thumbnail" }`, as downloadContent took it),
   * its still where the provider returns one (UnsupportedFeature elsewhere).
   */
  async getVideoOutput(jobId: string, variant: string | { readonly variant?: string } = "video"): Promise<VideoOutput> {
    const wanted = typeof variant === "string" ? variant : (variant.variant ?? "video");
    const [name] = splitJobId(jobId);
    const adapter = this.#adapter(name);
    const offered = adapter.spec.capabilities.variants;
    if (!offered.includes(wanted)) {
      throw new UnsupportedFeature(
        `${name} returns no ${wanted} (it returns: ${offered.join(", ")}); cut one from the video instead (e.g. ffmpeg)`,
      );
    }
    const job = await this.getJobStatus(jobId);
    if (job.status === "failed") {
      throw new JobFailed(job);
    }
    if (job.status !== "completed" || !job.videoUrl) {
      throw new ProviderError(job.provider, `job ${job.id} is ${job.status}; wait for it (generateVideo or wait) first`);
    }
    const url = wanted === "video" ? job.videoUrl : job.thumbnailUrl;
    if (!url) {
      throw new ProviderError(name, `job ${job.id} finished without a ${wanted}`);
    }
    return new VideoOutput(url, await this.#download(adapter, url));
  }

  /**
   * Like Sora's `videos.delete`: cancel a running job; remove a finished video where the
   * provider stores it (Runway, Luma), elsewhere it expires on its own.
   */
  async deleteVideo(jobId: string): Promise<void> {
    const [name, rawId] = splitJobId(jobId);
    const adapter = this.#adapter(name);
    const job = await this.getJobStatus(jobId);
    if (job.done && !adapter.spec.cancelDeletes) {
      this.#logger.info?.(`${name} keeps finished videos until they expire; nothing to delete`);
      return;
    }
    await this.#send(adapter, adapter.cancel(rawId));
  }

  /** Cancel a running job (UnsupportedFeature where the provider cannot). */
  async cancelJob(jobId: string): Promise<void> {
    const [name, rawId] = splitJobId(jobId);
    const adapter = this.#adapter(name);
    await this.#send(adapter, adapter.cancel(rawId));
  }

  /** Start a job that continues a finished video. */
  async extendVideo(jobId: string, prompt: string, durationSeconds?: number): Promise<Job> {
    const [name, rawId] = splitJobId(jobId);
    const adapter = this.#adapter(name);
    if (!adapter.spec.capabilities.extend) {
      throw new UnsupportedFeature(`${name} cannot extend a video`);
    }
    const [state] = await this.#state(adapter, rawId);
    if (state.status !== "completed") {
      throw new ProviderError(name, `job ${jobId} is ${state.status}; only a finished video extends`);
    }
    const duration =
      durationSeconds === undefined
        ? undefined
        : nearestDuration(name, durationSeconds, adapter.spec.capabilities, this.#warn);
    const reply = await this.#send(adapter, adapter.extend(rawId, state, prompt, duration));
    const [newId, newState] = adapter.parseExtended(reply.payload);
    return toJob(adapter, newId, newState, reply.payload, adapter.model, undefined, prompt);
  }

  /** Whether the primary provider generates sound with the video. */
  supportsNativeAudio(): boolean {
    return provider(this.#config.primary()).spec.capabilities.nativeAudio;
  }

  /**
   * The primary provider's price for the video it would make, from the shipped price table:
   * values mapped as createVideo maps them, and a value left out priced at the provider's
   * documented default (named in `providerDefaults`).
   */
  estimateCost(params: EstimateCostParams = {}): CostEstimate {
    const name = this.#config.primary();
    const request: VideoRequest = {
      prompt: "",
      durationSeconds: params.durationSeconds,
      resolution: params.resolution,
      model: this.#config.modelFor(name),
      audio: params.audio,
    };
    return estimateRequest(name, provider(name).spec.capabilities, request, this.#warn);
  }

  #adapter(name: string): Adapter {
    let adapter = this.#adapters.get(name);
    if (adapter === undefined) {
      adapter = this.#config.buildAdapter(name, this.#warn);
      this.#adapters.set(name, adapter);
    }
    return adapter;
  }

  async #request(params: CreateVideoParams): Promise<VideoRequest> {
    if (params === null || typeof params !== "object" || typeof params.prompt !== "string") {
      throw new UnsupportedFeature("createVideo needs { prompt: string, ... }");
    }
    return {
      prompt: params.prompt,
      durationSeconds: params.durationSeconds,
      aspectRatio: params.aspectRatio,
      resolution: params.resolution,
      image: params.image === undefined || params.image === null ? undefined : await readImage(params.image),
      model: params.model,
      audio: params.audio,
    };
  }

  /** A model id named for the primary provider means nothing to another one. */
  #forSecond(request: VideoRequest, name: string): VideoRequest {
    if (request.model === undefined) {
      return request;
    }
    this.#logger.info?.(
      `model=${JSON.stringify(request.model)} is for the primary provider; ${name} uses ${this.#config.modelFor(name)}`,
    );
    return { ...request, model: undefined };
  }

  async #createOn(name: string, request: VideoRequest, warn: WarningHandler): Promise<Job> {
    const adapter = this.#adapter(name);
    const fitted: FittedRequest = fit(name, request, adapter.spec.capabilities, adapter.model, warn);
    const reply = await this.#send(adapter, adapter.create(fitted));
    const [rawId, state] = adapter.parseCreated(reply.payload, fitted);
    const made = settings(fitted, adapter.spec.capabilities);
    return toJob(adapter, rawId, state, reply.payload, fitted.model, made, fitted.prompt);
  }

  /** Send the same request to the shadow provider; its outcome is only logged. */
  async #shadow(name: string, request: VideoRequest): Promise<void> {
    // a shadow provider's parameter mapping is logged, never shown to the caller
    const quiet = (warning: ParameterMapped) =>
      this.#logger.info?.(`shadow video provider ${name}: ${warning.message}`);
    try {
      const job = await this.#createOn(name, this.#forSecond(request, name), quiet);
      this.#logger.info?.(`shadow video job ${job.id} started on ${name}`);
    } catch (error) {
      if (!(error instanceof ShimError)) {
        throw error;
      }
      this.#logger.warn(`shadow video provider ${name} failed: ${error.message}`);
    }
  }

  async #state(adapter: Adapter, rawId: string): Promise<[JobState, unknown]> {
    const reply = await this.#send(adapter, adapter.status(rawId));
    const state = adapter.parseStatus(rawId, reply.payload);
    if ("followUp" in state) {
      const follow = await this.#send(adapter, state.followUp);
      return [adapter.parseResult(rawId, follow.payload, follow.statusCode), follow.payload];
    }
    return [state, reply.payload];
  }

  /** Poll until the job ends; the last poll happens at the deadline, then Timeout. */
  async #poll(first: Job, deadline: number, options: WaitOptions): Promise<Job> {
    const interval = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    const timeout = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    let job = first;
    while (!job.done) {
      const remaining = deadline - this.#now();
      if (remaining <= 0) {
        throw new Timeout(`job ${job.id} did not finish within ${timeout / 1000} s (last: ${job.status})`);
      }
      await this.#sleep(Math.min(interval, remaining));
      job = await this.getJobStatus(job.id);
    }
    return job;
  }

  /** One API call with retries; an error answer becomes a ProviderError (keys masked). */
  async #send(adapter: Adapter, call: Call): Promise<Reply> {
    const auth = await adapter.authHeaders();
    const headers: Record<string, string> = { ...auth };
    const init: RequestInit = { method: call.method, headers };
    if (call.json !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(call.json);
    }
    for (let attempt = 0; ; attempt += 1) {
      let delay: number | undefined;
      try {
        const reply = await this.#exchange(adapter, call.url, init, async (response) => {
          delay = this.#retry.afterStatus(response.status, attempt, response.headers.get("retry-after"));
          return delay === undefined ? reply_(adapter, call, response) : undefined;
        });
        if (reply !== undefined) {
          return reply;
        }
      } catch (error) {
        if (!(error instanceof Timeout)) {
          throw redacted(error, adapter, auth);
        }
        delay = this.#retry.afterTimeout(attempt);
        if (delay === undefined) {
          throw error;
        }
      }
      await this.#sleep(delay ?? 0);
    }
  }

  /** Fetch `url` and read the answer with `read`, all within the request timeout. */
  async #exchange<T>(
    adapter: Adapter,
    url: string,
    init: RequestInit,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      const response = await this.#fetchOrFake(url, { ...init, signal: controller.signal });
      try {
        return await read(response);
      } finally {
        if (!response.bodyUsed) {
          await response.body?.cancel().catch(() => undefined);
        }
      }
    } catch (error) {
      throw this.#typed(error, adapter, controller.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
  }

  #typed(error: unknown, adapter: Adapter, aborted: boolean): unknown {
    if (error instanceof ShimError) {
      return error;
    }
    if (aborted) {
      return new Timeout(`${adapter.name}: no answer within ${this.#timeoutMs / 1000} s`);
    }
    const cause = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
    const message = error instanceof Error ? error.message : String(error);
    return new ProviderError(adapter.name, `connection failed: ${message}${cause ? ` (${String(cause)})` : ""}`);
  }

  #fetchOrFake(url: string, init: RequestInit): Promise<Response> {
    if (new URL(url).origin === FAKE_ORIGIN) {
      return fakeFetch(new Request(url, init), this.#config.fakePolls());
    }
    return this.#fetch(url, init);
  }

  /** The video's Response, after retries on 429/5xx; its body is left to the caller. */
  async #download(adapter: Adapter, url: string): Promise<Response> {
    if (url.startsWith("data:")) {
      // the provider returned the video inside the job (Vertex AI without a bucket)
      const comma = url.indexOf(",");
      const type = url.slice(5, comma).split(";")[0] || "video/mp4";
      return new Response(fromBase64(url.slice(comma + 1)), { headers: { "content-type": type } });
    }
    const headers = await adapter.downloadHeaders();
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await this.#open(adapter, adapter.downloadUrl(url), headers);
      } catch (error) {
        throw redacted(error, adapter, headers);
      }
      const delay = this.#retry.afterStatus(response.status, attempt, response.headers.get("retry-after"));
      if (delay === undefined) {
        if (response.status >= 400) {
          await response.body?.cancel().catch(() => undefined);
          throw new ProviderError(adapter.name, "video download failed", response.status);
        }
        return response;
      }
      await response.body?.cancel().catch(() => undefined);
      await this.#sleep(delay);
    }
  }

  /**
   * GET the video, following redirects by hand so the provider's download key is dropped once
   * the redirect leaves its origin (fetch drops only `Authorization`; Veo's key is
   * `x-goog-api-key`). The timeout covers the answer's headers, not the streaming body.
   */
  async #open(adapter: Adapter, url: string, keyHeaders: Record<string, string>): Promise<Response> {
    let target = url;
    let headers: Record<string, string> = { ...keyHeaders };
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
      let response: Response;
      try {
        response = await this.#fetchOrFake(target, { headers, redirect: "manual", signal: controller.signal });
      } catch (error) {
        throw this.#typed(error, adapter, controller.signal.aborted);
      } finally {
        clearTimeout(timer);
      }
      const location = response.headers.get("location");
      if (response.type === "opaqueredirect") {
        // a browser hides redirects from "manual": let it follow them itself
        return this.#fetchOrFake(target, { headers, redirect: "follow" });
      }
      if (response.status < 300 || response.status > 399 || location === null) {
        return response;
      }
      await response.body?.cancel().catch(() => undefined);
      const next = new URL(location, target);
      if (next.origin !== new URL(target).origin) {
        headers = {};
      }
      target = next.toString();
    }
    throw new ProviderError(adapter.name, `video download redirected more than ${MAX_REDIRECTS} times`);
  }
}

async function reply_(adapter: Adapter, call: Call, response: Response): Promise<Reply> {
  const payload = await readPayload(adapter, response);
  if (response.status >= 400 && !call.failureIsResult) {
    const message = errorMessage(payload, response);
    const hint = adapter.errorHint(call, response.status);
    throw new ProviderError(adapter.name, `${message}${hint}`, response.status);
  }
  return { statusCode: response.status, payload };
}

async function readPayload(adapter: Adapter, response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) {
    return {};
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (response.status >= 400) {
      return { detail: text.slice(0, 300) };
    }
    throw new ProviderError(adapter.name, "response is not JSON", response.status);
  }
}

function errorMessage(payload: unknown, response: Response): string {
  if (payload !== null && typeof payload === "object" && !Array.isArray(payload)) {
    const body = payload as Record<string, unknown>;
    const error = body["error"];
    if (error !== null && typeof error === "object" && (error as Record<string, unknown>)["message"]) {
      return String((error as Record<string, unknown>)["message"]);
    }
    for (const key of ["error", "message", "detail", "failure"]) {
      if (body[key]) {
        return typeof body[key] === "string" ? body[key] : JSON.stringify(body[key]);
      }
    }
  }
  return response.statusText || "request failed";
}

/**
 * The error with any of the adapter's secrets masked out: its keys, and the credentials it sent
 * (a whole header value and the token in `Bearer <token>`).
 */
function redacted(error: unknown, adapter: Adapter, auth: Record<string, string>): unknown {
  if (!(error instanceof Error)) {
    return error;
  }
  const sent = Object.entries(auth)
    .filter(([name]) => /auth|key|token/i.test(name))
    .flatMap(([, value]) => [value, value.slice(value.lastIndexOf(" ") + 1)]);
  const secrets = [...adapter.secretValues(), ...sent]
    .filter((secret) => secret.length >= 8) // never mask every "v1" or "Key" in a message
    .sort((a, b) => b.length - a.length);
  for (const secret of secrets) {
    error.message = error.message.split(secret).join("***");
  }
  if (error.stack !== undefined) {
    for (const secret of secrets) {
      error.stack = error.stack.split(secret).join("***");
    }
  }
  return error;
}

/**
 * A Job from a provider's state; `made` and `prompt` are given when this call started the job
 * (then `createdAt` is now).
 */
function toJob(
  adapter: Adapter,
  rawId: string,
  state: JobState,
  payload: unknown,
  model: string | undefined,
  made?: Settings,
  prompt?: string,
): Job {
  const size = made?.aspectRatio === undefined ? undefined : frameSize(made.aspectRatio, made.resolution);
  return {
    id: makeJobId(adapter.name, rawId),
    provider: adapter.name,
    status: state.status,
    progress: state.progress,
    error: state.error,
    videoUrl: state.videoUrl,
    thumbnailUrl: state.thumbnailUrl,
    model,
    durationSeconds: made?.durationSeconds,
    aspectRatio: made?.aspectRatio,
    resolution: made?.resolution,
    audio: made?.audio,
    providerDefaults: made?.providerDefaults ?? [],
    prompt: prompt || undefined,
    createdAt: prompt === undefined ? undefined : Math.floor(Date.now() / 1000),
    seconds: made === undefined ? undefined : String(made.durationSeconds),
    size,
    done: state.status === "completed" || state.status === "failed",
    raw:
      payload !== null && typeof payload === "object" && !Array.isArray(payload)
        ? (payload as Record<string, unknown>)
        : { payload },
  };
}
