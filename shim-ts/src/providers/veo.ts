/**
 * Google Veo 3.1 through the Gemini API (v1beta): `POST /v1beta/models/{model}:predictLongRunning`,
 * poll the long-running operation `GET /v1beta/{name}`, download the Files API URI with the key.
 * Key from GEMINI_API_KEY (or GOOGLE_API_KEY), sent as `x-goog-api-key`. The preview model ids
 * may already be retired on the Gemini API: set VIDEO_GENERATION_VEO_MODEL to the current one.
 */
import { ProviderError, UnsupportedFeature } from "../errors.js";
import { toBase64, type Image } from "../images.js";
import type { FittedRequest } from "../params.js";
import { Adapter, asObject, given, state, type Call, type JobState } from "./base.js";

/** Veo 3.1 (native audio; model configurable). */
export class Veo extends Adapter {
  private key(): string {
    return this.secret("GEMINI_API_KEY") || this.secret("GOOGLE_API_KEY");
  }

  async authHeaders(): Promise<Record<string, string>> {
    return { "x-goog-api-key": this.key() };
  }

  override async downloadHeaders(): Promise<Record<string, string>> {
    return this.authHeaders();
  }

  create(request: FittedRequest): Call {
    const instance: Record<string, unknown> = { prompt: request.prompt };
    if (request.image !== undefined) {
      instance["image"] = this.image(request.image);
    }
    return this.predict(request.model, instance, this.parameters(request));
  }

  protected image(image: Image): Record<string, string> {
    if (image.kind === "url") {
      throw new UnsupportedFeature(`${this.name} takes inline images, not URLs`);
    }
    return { bytesBase64Encoded: toBase64(image.data), mimeType: image.mime };
  }

  /** The `parameters` the caller chose (none is invented). */
  protected parameters(request: FittedRequest): Record<string, unknown> {
    return given({
      durationSeconds: request.durationSeconds,
      aspectRatio: request.aspectRatio,
      resolution: request.resolution,
    });
  }

  protected modelPath(model: string): string {
    return `/v1beta/models/${model}`;
  }

  private predict(model: string, instance: Record<string, unknown>, parameters: Record<string, unknown>): Call {
    const body: Record<string, unknown> = { instances: [instance] };
    if (Object.keys(parameters).length > 0) {
      body["parameters"] = parameters; // like google-genai: no parameters object when nothing was chosen
    }
    return { method: "POST", url: this.url(`${this.modelPath(model)}:predictLongRunning`), json: body };
  }

  parseCreated(payload: unknown): [string, JobState] {
    return [this.requireString(payload, "name"), state("pending")];
  }

  status(rawId: string): Call {
    return { method: "GET", url: this.url(`/v1beta/${rawId}`) };
  }

  parseStatus(_rawId: string, payload: unknown): JobState {
    if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
      throw new ProviderError(this.name, "operation is not a JSON object");
    }
    const operation = asObject(payload);
    if (operation["error"]) {
      const error = asObject(operation["error"]);
      const code = error["code"];
      const message = String(error["message"] || "the operation failed");
      return state("failed", 0, {
        error: { message, code: code === undefined || code === null ? undefined : String(code) },
      });
    }
    if (!operation["done"]) {
      return state("processing");
    }
    const [videos, filtered] = this.videos(asObject(operation["response"]));
    if (videos.length === 0) {
      const message = filtered.length > 0 ? filtered.join("; ") : "no video returned";
      return state("failed", 0, { error: { message, code: "FILTERED" } });
    }
    return state("completed", 100, { videoUrl: this.videoUrl(videos[0]) });
  }

  /** [the videos, the safety filter's reasons] of a finished operation's response. */
  protected videos(response: Record<string, unknown>): [unknown[], string[]] {
    const generated = asObject(response["generateVideoResponse"]);
    const samples = generated["generatedSamples"];
    const videos = Array.isArray(samples) ? samples.map((sample) => this.require(sample, "video")) : [];
    return [videos, strings(generated["raiMediaFilteredReasons"])];
  }

  protected videoUrl(video: unknown): string {
    return this.requireString(video, "uri");
  }

  /** The `video` instance that names a finished video, to extend it. */
  protected earlierVideo(url: string): Record<string, string> {
    return { uri: url };
  }

  override extend(_rawId: string, job: JobState, prompt: string, duration: number | undefined): Call {
    const instance = { prompt, video: this.earlierVideo(String(job.videoUrl)) };
    return this.predict(this.model, instance, given({ durationSeconds: duration }));
  }

  override errorHint(call: Call, statusCode: number): string {
    if (statusCode === 404 && call.url.endsWith(":predictLongRunning")) {
      return (
        "; Google may have retired this Veo model id on the Gemini API: set " +
        "VIDEO_GENERATION_VEO_MODEL (or models: { veo: ... }) to a current one, or " +
        "use Veo on Vertex AI (provider veo-vertex)"
      );
    }
    return "";
  }
}

/** `value` as a list of strings (anything else: empty). */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
