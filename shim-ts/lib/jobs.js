/**
 * What the shim returns: `Job` (like Sora's `Video`), `VideoOutput` (like the Node SDK's
 * `downloadContent` Response), `CostEstimate`, and provider-tagged job ids (`runway:<task id>`).
 */
import { ConfigurationError } from "./errors.js";
export const STATUSES = ["pending", "processing", "completed", "failed"];
/** What a job was started with: known from the create call, not from a status read. */
export const STARTED_WITH = [
    "model",
    "durationSeconds",
    "aspectRatio",
    "resolution",
    "audio",
    "providerDefaults",
    "prompt",
    "createdAt",
    "seconds",
    "size",
];
/** `later` (a status read of `started`) with what only the start knew kept from `started`. */
export function updated(started, later) {
    const kept = {};
    for (const name of STARTED_WITH) {
        kept[name] = started[name];
    }
    return { ...later, ...kept };
}
/** "16:9" at "720p" is "1280x720"; undefined for a value that is not W:H or NNNp/4k. */
export function frameSize(aspectRatio, resolution) {
    const [width = "", height = ""] = aspectRatio.split(":");
    const text = resolution.toLowerCase();
    const short = text === "4k" ? 2160 : /^\d+p?$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
    const wide = Number(width);
    const tall = Number(height);
    if (!width.trim() || !height.trim() || !(wide > 0) || !(tall > 0) || Number.isNaN(short)) {
        return undefined;
    }
    return wide >= tall ? `${even((short * wide) / tall)}x${short}` : `${short}x${even((short * tall) / wide)}`;
}
function even(value) {
    // Python's round() (half to even) of value / 2, times 2
    const half = value / 2;
    const floor = Math.floor(half);
    const rounded = half - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(half);
    return rounded * 2;
}
/** `provider:rawId`. */
export function makeJobId(provider, rawId) {
    return `${provider}:${rawId}`;
}
/** [provider, the provider's own id] of a shim job id. */
export function splitJobId(jobId) {
    const at = typeof jobId === "string" ? jobId.indexOf(":") : -1;
    if (at <= 0 || at === jobId.length - 1) {
        throw new ConfigurationError(`not a shim job id (expected 'provider:id'): ${JSON.stringify(jobId)}`);
    }
    return [jobId.slice(0, at), jobId.slice(at + 1)];
}
/**
 * A finished video, as the Node SDK's `downloadContent` Response was: `url`, `ok`, `status`,
 * `headers`, `body` (a ReadableStream), `arrayBuffer()`, `blob()`, `bytes()`. As with a
 * Response, the video is either streamed from `body` or read whole; unlike a Response, the
 * whole-body readers may be called more than once (the bytes are kept, and `body` then streams
 * them again).
 */
export class VideoOutput {
    url;
    ok = true;
    status;
    headers;
    #response;
    #bytes;
    constructor(url, response) {
        this.url = url;
        this.status = response.status;
        this.headers = response.headers;
        this.#response = response;
    }
    /** The video as a stream (read once, like a Response body). */
    get body() {
        if (this.#bytes === undefined && this.#response.body !== null) {
            return this.#response.body;
        }
        const bytes = this.bytes();
        return new ReadableStream({
            async start(controller) {
                controller.enqueue(await bytes);
                controller.close();
            },
        });
    }
    /** Whether the body stream was handed out or read. */
    get bodyUsed() {
        return this.#response.bodyUsed;
    }
    /** The whole video. */
    bytes() {
        this.#bytes ??= this.#response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
        return this.#bytes;
    }
    /** The whole video (a copy, so callers may keep or change it). */
    async arrayBuffer() {
        return (await this.bytes()).slice().buffer;
    }
    /** The whole video as a Blob (`video/mp4` unless the provider said otherwise). */
    async blob() {
        const type = this.headers.get("content-type") ?? "video/mp4";
        return new Blob([await this.bytes()], { type });
    }
}
