/**
 * Luma Dream Machine API v1: `POST /generations/video`, poll `GET /generations/{id}`, delete
 * `DELETE /generations/{id}`; extend by a new generation whose first keyframe is the earlier one.
 * Bearer key from LUMAAI_API_KEY.
 */
import { ProviderError, UnsupportedFeature } from "../errors.js";
import type { FittedRequest } from "../params.js";
import { Adapter, asObject, given, state, type Call, type JobState } from "./base.js";

/** Luma Ray 2 (model configurable). */
export class Luma extends Adapter {

  async authHeaders(): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${this.secret("LUMAAI_API_KEY")}` };
  }

  create(request: FittedRequest): Call {
    const body = given({
      model: request.model,
      prompt: request.prompt,
      aspect_ratio: request.aspectRatio,
      duration: request.durationSeconds === undefined ? undefined : `${request.durationSeconds}s`,
      resolution: request.resolution,
    });
    if (request.image !== undefined) {
      if (request.image.kind !== "url") {
        throw new UnsupportedFeature("luma takes the start image as an https URL");
      }
      body["keyframes"] = { frame0: { type: "image", url: request.image.url } };
    }
    return { method: "POST", url: this.url("/generations/video"), json: body };
  }

  parseCreated(payload: unknown): [string, JobState] {
    const rawId = this.requireString(payload, "id");
    return [rawId, this.parseStatus(rawId, payload)];
  }

  status(rawId: string): Call {
    return { method: "GET", url: this.url(`/generations/${rawId}`) };
  }

  parseStatus(_rawId: string, payload: unknown): JobState {
    const status = this.jobStatus(this.require(payload, "state"));
    const generation = asObject(payload);
    if (status === "completed") {
      const video = asObject(generation["assets"])["video"];
      if (!video) {
        throw new ProviderError(this.name, "generation completed without assets.video");
      }
      const thumbnail = asObject(generation["assets"])["image"]; // the still Luma returns
      return state("completed", 100, {
        videoUrl: String(video),
        thumbnailUrl: typeof thumbnail === "string" ? thumbnail : undefined,
      });
    }
    if (status === "failed") {
      return state("failed", 0, { error: { message: String(generation["failure_reason"] || "failed") } });
    }
    return state(status);
  }

  override cancel(rawId: string): Call {
    return { method: "DELETE", url: this.url(`/generations/${rawId}`) };
  }

  override extend(rawId: string, _job: JobState, prompt: string, duration: number | undefined): Call {
    const body: Record<string, unknown> = {
      model: this.model,
      prompt,
      keyframes: { frame0: { type: "generation", id: rawId } },
    };
    if (duration !== undefined) {
      body["duration"] = `${duration}s`;
    }
    return { method: "POST", url: this.url("/generations/video"), json: body };
  }
}
