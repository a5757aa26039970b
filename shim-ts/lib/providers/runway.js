/**
 * Runway API (version from the shared data): `POST /v1/text_to_video` / `/v1/image_to_video`,
 * poll `GET /v1/tasks/{id}`, cancel `DELETE /v1/tasks/{id}`. Bearer key from RUNWAYML_API_SECRET.
 */
import { ProviderError } from "../errors.js";
import { dataUri } from "../images.js";
import { table } from "../specs.js";
import { Adapter, asObject, state } from "./base.js";
/** Runway gen4.5 (model configurable). */
export class Runway extends Adapter {
    async authHeaders() {
        return {
            Authorization: `Bearer ${this.secret("RUNWAYML_API_SECRET")}`,
            "X-Runway-Version": String(this.spec.tables["api_version"]),
        };
    }
    create(request) {
        const body = {
            model: request.model,
            promptText: request.prompt,
            // required: fit() chose one of the offered aspect ratios, each with a ratio
            ratio: table(this.spec, "ratios")[String(request.aspectRatio)],
            duration: request.durationSeconds,
        };
        if (request.image !== undefined) {
            body["promptImage"] = dataUri(request.image);
            return { method: "POST", url: this.url("/v1/image_to_video"), json: body };
        }
        return { method: "POST", url: this.url("/v1/text_to_video"), json: body };
    }
    parseCreated(payload) {
        return [this.requireString(payload, "id"), state("pending")];
    }
    status(rawId) {
        return { method: "GET", url: this.url(`/v1/tasks/${rawId}`) };
    }
    parseStatus(_rawId, payload) {
        const value = this.require(payload, "status");
        const status = this.jobStatus(value);
        const task = asObject(payload);
        if (status === "completed") {
            const outputs = this.require(payload, "output");
            if (!Array.isArray(outputs) || outputs.length === 0) {
                throw new ProviderError(this.name, "task succeeded without an output URL");
            }
            return state("completed", 100, { videoUrl: String(outputs[0]) });
        }
        if (status === "failed") {
            const cancelled = value === "CANCELLED";
            const message = stringOr(task["failure"], cancelled ? "cancelled" : "failed");
            const code = stringOr(task["failureCode"], cancelled ? "CANCELLED" : undefined);
            return state("failed", 0, { error: { message, code } });
        }
        return state(status, Math.round(Number(task["progress"] || 0) * 100));
    }
    cancel(rawId) {
        return { method: "DELETE", url: this.url(`/v1/tasks/${rawId}`) };
    }
}
function stringOr(value, fallback) {
    return value ? String(value) : fallback;
}
