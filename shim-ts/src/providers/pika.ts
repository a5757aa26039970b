/**
 * Pika 2.2 through the fal.ai queue: `POST https://queue.fal.run/fal-ai/pika/v2.2/text-to-video`
 * (or `image-to-video`), then the `status_url`, `response_url` and `cancel_url` that the submit
 * response returns (they are built from the owner/app only, so they are never rebuilt from the
 * endpoint id). `Authorization: Key <FAL_KEY>`.
 */
import { ProviderError } from "../errors.js";
import { dataUri } from "../images.js";
import type { FittedRequest } from "../params.js";
import { Adapter, asObject, given, state, type Call, type FollowUp, type JobState } from "./base.js";

const REMEMBERED = 1024;
const URL_KEYS = ["status_url", "response_url", "cancel_url"] as const;

// request id -> URLs from the submit response, shared by every client of the process; the
// oldest are forgotten first, then the documented owner/app form is used
const urls = new Map<string, Record<string, string>>();

/** Pika v2.2 on fal.ai (endpoint configurable as the model). */
export class Pika extends Adapter {
  async authHeaders(): Promise<Record<string, string>> {
    return { Authorization: `Key ${this.secret("FAL_KEY")}` };
  }

  create(request: FittedRequest): Call {
    const body = given({ prompt: request.prompt, resolution: request.resolution, duration: request.durationSeconds });
    if (request.image !== undefined) {
      body["image_url"] = dataUri(request.image);
      return { method: "POST", url: this.url(`/${request.model}/image-to-video`), json: body };
    }
    const json = given({ ...body, aspect_ratio: request.aspectRatio });
    return { method: "POST", url: this.url(`/${request.model}/text-to-video`), json };
  }

  parseCreated(payload: unknown): [string, JobState] {
    const rawId = this.requireString(payload, "request_id");
    const submitted = asObject(payload);
    const known: Record<string, string> = {};
    for (const key of URL_KEYS) {
      if (typeof submitted[key] === "string") {
        known[key] = submitted[key];
      }
    }
    urls.delete(rawId);
    urls.set(rawId, known);
    for (const oldest of urls.keys()) {
      if (urls.size <= REMEMBERED) {
        break;
      }
      urls.delete(oldest);
    }
    return [rawId, state("pending")];
  }

  private urlFor(rawId: string, key: (typeof URL_KEYS)[number], suffix: string): string {
    const known = urls.get(rawId)?.[key];
    // another process submitted it: fal's documented owner/app form is the fallback
    const app = this.model.split("/").slice(0, 2).join("/");
    return known ?? this.url(`/${app}/requests/${rawId}${suffix}`);
  }

  status(rawId: string): Call {
    return { method: "GET", url: this.urlFor(rawId, "status_url", "/status") };
  }

  parseStatus(rawId: string, payload: unknown): JobState | FollowUp {
    const status = this.jobStatus(this.require(payload, "status"));
    if (status === "completed") {
      const url = this.urlFor(rawId, "response_url", "");
      return { followUp: { method: "GET", url, failureIsResult: true } };
    }
    return state(status);
  }

  override parseResult(_rawId: string, payload: unknown, statusCode: number): JobState {
    const result = asObject(payload);
    if (statusCode >= 400) {
      const detail = result["detail"];
      const message = detail ? stringify(detail) : Object.keys(result).length ? JSON.stringify(result) : "request failed";
      return state("failed", 0, { error: { message } });
    }
    const video = asObject(result["video"]);
    if (!video["url"]) {
      throw new ProviderError(this.name, "result has no video.url");
    }
    return state("completed", 100, { videoUrl: String(video["url"]) });
  }

  override cancel(rawId: string): Call {
    return { method: "PUT", url: this.urlFor(rawId, "cancel_url", "/cancel") };
  }
}

function stringify(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
