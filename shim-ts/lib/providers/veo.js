/**
 * Google Veo 3.1 through the Gemini API (v1beta): `POST /v1beta/models/{model}:predictLongRunning`,
 * poll the long-running operation `GET /v1beta/{name}`, download the Files API URI with the key.
 * Key from GEMINI_API_KEY (or GOOGLE_API_KEY), sent as `x-goog-api-key`. The preview model ids
 * may already be retired on the Gemini API: set VIDEO_GENERATION_VEO_MODEL to the current one.
 */
import { ProviderError, UnsupportedFeature } from "../errors.js";
import { toBase64 } from "../images.js";
import { Adapter, asObject, state } from "./base.js";
/** Veo 3.1 (native audio; model configurable). */
export class Veo extends Adapter {
    key() {
        return this.secret("GEMINI_API_KEY") || this.secret("GOOGLE_API_KEY") || "";
    }
    async authHeaders() {
        return { "x-goog-api-key": this.key() };
    }
    async downloadHeaders() {
        return { "x-goog-api-key": this.key() };
    }
    create(request) {
        const instance = { prompt: request.prompt };
        if (request.image !== undefined) {
            if (request.image.kind === "url") {
                throw new UnsupportedFeature("veo on the Gemini API takes inline images, not URLs");
            }
            instance["image"] = { bytesBase64Encoded: toBase64(request.image.data), mimeType: request.image.mime };
        }
        return this.predict(request.model, instance, request.durationSeconds, request.aspectRatio, request.resolution);
    }
    predict(model, instance, duration, aspect, resolution) {
        const parameters = { sampleCount: 1 };
        if (duration !== undefined) {
            parameters["durationSeconds"] = duration;
        }
        if (aspect !== undefined) {
            parameters["aspectRatio"] = aspect;
        }
        if (resolution !== undefined) {
            parameters["resolution"] = resolution;
        }
        return {
            method: "POST",
            url: this.url(`/v1beta/models/${model}:predictLongRunning`),
            json: { instances: [instance], parameters },
        };
    }
    parseCreated(payload) {
        return [this.requireString(payload, "name"), state("pending")];
    }
    status(rawId) {
        return { method: "GET", url: this.url(`/v1beta/${rawId}`) };
    }
    parseStatus(_rawId, payload) {
        if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
            throw new ProviderError(this.name, "operation is not a JSON object");
        }
        const operation = asObject(payload);
        const error = asObject(operation["error"]);
        if (operation["error"]) {
            const code = error["code"];
            const message = String(error["message"] || "the operation failed");
            return state("failed", 0, {
                error: { message, code: code === undefined || code === null ? undefined : String(code) },
            });
        }
        if (!operation["done"]) {
            return state("processing");
        }
        const response = asObject(asObject(operation["response"])["generateVideoResponse"]);
        const samples = response["generatedSamples"];
        if (!Array.isArray(samples) || samples.length === 0) {
            const reasons = response["raiMediaFilteredReasons"];
            const message = Array.isArray(reasons) && reasons.length > 0 ? reasons.join("; ") : "no video returned";
            return state("failed", 0, { error: { message, code: "FILTERED" } });
        }
        return state("completed", 100, { videoUrl: this.requireString(samples, 0, "video", "uri") });
    }
    extend(_rawId, job, prompt, duration) {
        const instance = { prompt, video: { uri: job.videoUrl } };
        return this.predict(this.model, instance, duration, undefined, undefined);
    }
    errorHint(call, statusCode) {
        if (statusCode === 404 && call.url.endsWith(":predictLongRunning")) {
            return ("; Google may have retired this Veo model id on the Gemini API: set " +
                "VIDEO_GENERATION_VEO_MODEL (or models: { veo: ... }) to a current one");
        }
        return "";
    }
}
