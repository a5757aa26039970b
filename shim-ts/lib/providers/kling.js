/**
 * Kling official API: `POST /v1/videos/text2video` (or `image2video`), poll
 * `GET /v1/videos/{kind}/{task_id}`, extend with `POST /v1/videos/video-extend`. Each request
 * carries a 30-minute HS256 JWT signed (WebCrypto) from KLING_ACCESS_KEY / KLING_SECRET_KEY; a
 * response with `code != 0` is an error even with HTTP 200.
 */
import { ProviderError } from "../errors.js";
import { toBase64 } from "../images.js";
import { ignored } from "../params.js";
import { table } from "../specs.js";
import { Adapter, asObject, given, state } from "./base.js";
/** Kling v2.6 (model configurable). */
export class Kling extends Adapter {
    async authHeaders() {
        return { Authorization: `Bearer ${await this.token()}` };
    }
    /** A JWT valid for 30 minutes (HS256, iss = access key, signed with the secret key). */
    async token(now = Date.now()) {
        const issued = Math.floor(now / 1000);
        const header = { alg: "HS256", typ: "JWT" };
        const claims = { iss: this.secret("KLING_ACCESS_KEY"), exp: issued + 1800, nbf: issued - 5 };
        const signingInput = `${base64UrlJson(header)}.${base64UrlJson(claims)}`;
        const subtle = await webCrypto();
        const encoder = new TextEncoder();
        const key = await subtle.importKey("raw", encoder.encode(this.secret("KLING_SECRET_KEY")), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
        const signature = await subtle.sign("HMAC", key, encoder.encode(signingInput));
        return `${signingInput}.${base64Url(new Uint8Array(signature))}`;
    }
    create(request) {
        const body = given({
            model_name: request.model,
            prompt: request.prompt,
            duration: request.durationSeconds === undefined ? undefined : String(request.durationSeconds),
            mode: request.resolution === undefined ? undefined : table(this.spec, "modes")[request.resolution],
            sound: request.audio === undefined ? undefined : request.audio ? "on" : "off",
        });
        if (request.image === undefined) {
            const json = given({ ...body, aspect_ratio: request.aspectRatio });
            return { method: "POST", url: this.url("/v1/videos/text2video"), json };
        }
        body["image"] = request.image.kind === "url" ? request.image.url : toBase64(request.image.data);
        return { method: "POST", url: this.url("/v1/videos/image2video"), json: body };
    }
    parseCreated(payload, request) {
        return this.task(payload, request.image === undefined ? "text2video" : "image2video");
    }
    parseExtended(payload) {
        return this.task(payload, "video-extend");
    }
    task(payload, kind) {
        const data = this.data(payload);
        return [`${kind}/${this.requireString(data, "task_id")}`, this.taskState(data)];
    }
    status(rawId) {
        return { method: "GET", url: this.url(`/v1/videos/${rawId}`) };
    }
    parseStatus(_rawId, payload) {
        return this.taskState(this.data(payload));
    }
    extend(_rawId, job, prompt, duration) {
        if (!job.videoId) {
            throw new ProviderError(this.name, "finished task has no video id to extend");
        }
        if (duration !== undefined) {
            ignored(this.name, "durationSeconds", duration, "video-extend has a fixed length", this.warn);
        }
        return {
            method: "POST",
            url: this.url("/v1/videos/video-extend"),
            json: { video_id: job.videoId, prompt },
        };
    }
    data(payload) {
        if (payload === null || typeof payload !== "object" || Array.isArray(payload)) {
            throw new ProviderError(this.name, "response is not a JSON object");
        }
        const envelope = asObject(payload);
        if (envelope["code"] !== 0) {
            throw new ProviderError(this.name, String(envelope["message"] || `code ${envelope["code"]}`));
        }
        return this.require(payload, "data");
    }
    taskState(data) {
        const status = this.jobStatus(this.require(data, "task_status"));
        if (status === "failed") {
            return state("failed", 0, { error: { message: String(asObject(data)["task_status_msg"] || "failed") } });
        }
        if (status === "completed") {
            const video = this.require(data, "task_result", "videos", 0);
            const id = asObject(video)["id"];
            return state("completed", 100, {
                videoUrl: this.requireString(video, "url"),
                videoId: id === undefined || id === null ? undefined : String(id),
            });
        }
        return state(status);
    }
}
function base64UrlJson(value) {
    return base64Url(new TextEncoder().encode(JSON.stringify(value)));
}
function base64Url(data) {
    return toBase64(data).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
/** WebCrypto's SubtleCrypto: the global one, or Node 18's `node:crypto` webcrypto. */
async function webCrypto() {
    const global = globalThis.crypto;
    if (global?.subtle) {
        return global.subtle;
    }
    const specifier = "node:crypto";
    const nodeCrypto = (await import(specifier));
    return nodeCrypto.webcrypto.subtle;
}
