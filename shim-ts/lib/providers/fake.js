/**
 * The `fake` provider: offline, no credentials. An in-process stand-in plays a video API (the
 * client hands it the requests for its host instead of the network), so the client runs its
 * real code path: a job answers `processing` to the first VIDEO_GENERATION_FAKE_POLLS status
 * reads (default 2) and then completes; the output is a small valid MP4. A prompt containing
 * `[fail]` makes the job fail.
 */
import { FAKE_VIDEO_BASE64 } from "../data.js";
import { fromBase64 } from "../images.js";
import { providerSpec } from "../specs.js";
import { Adapter, asObject, given, state } from "./base.js";
// a 1x1 grey PNG: the fake provider's thumbnail (the Python shim's, byte for byte)
const THUMBNAIL = fromHex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c494441" +
    "54789c636868680000030401814bd3d2100000000049454e44ae426082");
function fromHex(hex) {
    return new Uint8Array((hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16)));
}
/** Where the fake provider lives; requests to this host never leave the process. */
export const FAKE_BASE_URL = providerSpec("fake").defaultBaseUrl;
/** A local stand-in provider for tests and development. */
export class Fake extends Adapter {
    async authHeaders() {
        return {};
    }
    create(request) {
        const body = given({ prompt: request.prompt, model: request.model, seconds: request.durationSeconds });
        return { method: "POST", url: this.url("/jobs"), json: body };
    }
    parseCreated(payload) {
        return [this.requireString(payload, "id"), state("pending")];
    }
    status(rawId) {
        return { method: "GET", url: this.url(`/jobs/${rawId}`) };
    }
    parseStatus(_rawId, payload) {
        const status = this.jobStatus(this.require(payload, "status"));
        const job = asObject(payload);
        return state(status, Number(job["progress"] ?? 0), {
            error: job["error"] ? { message: String(job["error"]), code: "fake_failure" } : undefined,
            videoUrl: typeof job["video_url"] === "string" ? job["video_url"] : undefined,
            thumbnailUrl: typeof job["thumbnail_url"] === "string" ? job["thumbnail_url"] : undefined,
        });
    }
    cancel(rawId) {
        return { method: "DELETE", url: this.url(`/jobs/${rawId}`) };
    }
    extend(rawId, _job, prompt, duration) {
        return { method: "POST", url: this.url(`/jobs/${rawId}/extend`), json: given({ prompt, seconds: duration }) };
    }
}
/** The in-process server every fake client talks to; jobs live in memory for the process. */
class FakeServer {
    jobs = new Map();
    next = 1;
    async handle(request, polls) {
        const url = new URL(request.url);
        const parts = url.pathname.replace(/^\/+|\/+$/g, "").split("/");
        if (request.method === "POST" && parts.length === 1 && parts[0] === "jobs") {
            return this.create(await body(request), polls);
        }
        const job = parts[0] === "jobs" && parts[1] !== undefined ? this.jobs.get(parts[1]) : undefined;
        if (job === undefined || parts[1] === undefined) {
            return json(404, { error: "no such job" });
        }
        const rest = parts.slice(2).join("/");
        if (request.method === "DELETE") {
            job.cancelled = true;
            return new Response(null, { status: 204 });
        }
        if (request.method === "POST" && rest === "extend") {
            return this.create(await body(request), polls, parts[1]);
        }
        if (rest === "thumbnail") {
            return new Response(THUMBNAIL, { status: 200, headers: { "content-type": "image/png" } });
        }
        if (rest === "content") {
            return new Response(fromBase64(FAKE_VIDEO_BASE64), {
                status: 200,
                headers: { "content-type": "video/mp4" },
            });
        }
        return json(200, this.status(url, parts[1], job));
    }
    create(payload, polls, parent) {
        const id = `job_${this.next++}`;
        const failing = String(payload["prompt"] ?? "").includes("[fail]");
        this.jobs.set(id, { pollsLeft: polls, failing, cancelled: false, parent });
        return json(201, { id, status: "pending" });
    }
    status(url, id, job) {
        if (job.cancelled) {
            return { status: "failed", error: "cancelled" };
        }
        if (job.pollsLeft > 0) {
            job.pollsLeft -= 1;
            return { status: "processing", progress: 50 };
        }
        if (job.failing) {
            return { status: "failed", error: "the fake provider rejected the prompt" };
        }
        return {
            status: "completed",
            progress: 100,
            video_url: `${url.origin}/jobs/${id}/content`,
            thumbnail_url: `${url.origin}/jobs/${id}/thumbnail`,
        };
    }
}
const SERVER = new FakeServer();
/** Answer `request` from the in-process fake provider. */
export function fakeFetch(request, polls) {
    return SERVER.handle(request, polls);
}
async function body(request) {
    const text = await request.text();
    return text ? asObject(JSON.parse(text)) : {};
}
function json(status, payload) {
    return new Response(JSON.stringify(payload), {
        status,
        headers: { "content-type": "application/json" },
    });
}
