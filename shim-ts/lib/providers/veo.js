/**
 * Google Veo 3.1 through the Gemini API (v1beta): `POST /v1beta/models/{model}:predictLongRunning`,
 * poll the long-running operation `GET /v1beta/{name}`, download the Files API URI with the key.
 * Key from GEMINI_API_KEY (or GOOGLE_API_KEY), sent as `x-goog-api-key`. The preview model ids
 * may already be retired on the Gemini API: set VIDEO_GENERATION_VEO_MODEL to the current one.
 */
import { ProviderError, UnsupportedFeature } from "../errors.js";
import { toBase64 } from "../images.js";
import { Adapter, asObject, given, state } from "./base.js";
/** Veo 3.1 (native audio; model configurable). */
export class Veo extends Adapter {
    key() {
        return this.secret("GEMINI_API_KEY") || this.secret("GOOGLE_API_KEY");
    }
    async authHeaders() {
        return { "x-goog-api-key": this.key() };
    }
    async downloadHeaders() {
        return this.authHeaders();
    }
    create(request) {
        const instance = { prompt: request.prompt };
        if (request.image !== undefined) {
            instance["image"] = this.image(request.image);
        }
        return this.predict(request.model, instance, this.parameters(request));
    }
    image(image) {
        if (image.kind === "url") {
            throw new UnsupportedFeature(`${this.name} takes inline images, not URLs`);
        }
        return { bytesBase64Encoded: toBase64(image.data), mimeType: image.mime };
    }
    /** The `parameters` the caller chose (none is invented). */
    parameters(request) {
        return given({
            durationSeconds: request.durationSeconds,
            aspectRatio: request.aspectRatio,
            resolution: request.resolution,
        });
    }
    modelPath(model) {
        return `/v1beta/models/${model}`;
    }
    predict(model, instance, parameters) {
        const body = { instances: [instance] };
        if (Object.keys(parameters).length > 0) {
            body["parameters"] = parameters; // like google-genai: no parameters object when nothing was chosen
        }
        return { method: "POST", url: this.url(`${this.modelPath(model)}:predictLongRunning`), json: body };
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
    videos(response) {
        const generated = asObject(response["generateVideoResponse"]);
        const samples = generated["generatedSamples"];
        const videos = Array.isArray(samples) ? samples.map((sample) => this.require(sample, "video")) : [];
        return [videos, strings(generated["raiMediaFilteredReasons"])];
    }
    videoUrl(video) {
        return this.requireString(video, "uri");
    }
    /** The `video` instance that names a finished video, to extend it. */
    earlierVideo(url) {
        return { uri: url };
    }
    extend(_rawId, job, prompt, duration) {
        const instance = { prompt, video: this.earlierVideo(String(job.videoUrl)) };
        return this.predict(this.model, instance, given({ durationSeconds: duration }));
    }
    errorHint(call, statusCode) {
        if (statusCode === 404 && call.url.endsWith(":predictLongRunning")) {
            return ("; Google may have retired this Veo model id on the Gemini API: set " +
                "VIDEO_GENERATION_VEO_MODEL (or models: { veo: ... }) to a current one, or " +
                "use Veo on Vertex AI (provider veo-vertex)");
        }
        return "";
    }
}
/** `value` as a list of strings (anything else: empty). */
export function strings(value) {
    return Array.isArray(value) ? value.map(String) : [];
}
