/**
 * Google Veo 3.1 on Vertex AI, the route Google Cloud projects use: `POST /v1beta1/projects/
 * {project}/locations/{location}/publishers/google/models/{model}:predictLongRunning`, poll with
 * `POST .../{model}:fetchPredictOperation` `{"operationName": ...}`, as google-genai's Vertex
 * mode does.
 *
 * The shim has no dependencies, so it does not load Google credentials itself: give the client
 * `vertex: { accessToken }`, a function that returns a current OAuth access token (for example
 * `() => new GoogleAuth({ scopes: "https://www.googleapis.com/auth/cloud-platform" })
 * .getAccessToken()` from google-auth-library), called before every request. Project and
 * location come from `vertex` or GOOGLE_CLOUD_PROJECT / GOOGLE_CLOUD_LOCATION (location `global`
 * when unset). A finished video is a `gs://` URI when a bucket was named (`storageUri` or
 * VIDEO_GENERATION_VEO_VERTEX_STORAGE_URI), downloaded through the Cloud Storage JSON API with the
 * same token; otherwise Vertex returns it inline and `Job.videoUrl` is a `data:` URI.
 */
import { ConfigurationError, UnsupportedFeature } from "../errors.js";
import { fromBase64, toBase64 } from "../images.js";
import { asObject } from "./base.js";
import { strings, Veo } from "./veo.js";
export const PROJECT_ENV = "GOOGLE_CLOUD_PROJECT";
export const LOCATION_ENV = "GOOGLE_CLOUD_LOCATION";
export const STORAGE_ENV = "VIDEO_GENERATION_VEO_VERTEX_STORAGE_URI";
const MULTI_REGIONAL = ["us", "eu"]; // served from aiplatform.{location}.rep.googleapis.com
const GCS_DOWNLOAD = "https://storage.googleapis.com/download/storage/v1/b";
/** Veo 3.1 on Vertex AI (audio on or off; model configurable). */
export class VeoVertex extends Veo {
    location;
    storageUri;
    #project;
    #settings;
    constructor(spec, baseUrl, model, secrets, context) {
        const settings = (context.options ?? {});
        const location = settings.location || context.env[LOCATION_ENV] || "global";
        const chosen = baseUrl.replace(/\/+$/, "") === spec.defaultBaseUrl ? regionalBaseUrl(location) : baseUrl;
        super(spec, chosen, model, secrets, context);
        this.location = location;
        this.#project = settings.project || context.env[PROJECT_ENV] || undefined;
        this.storageUri = settings.storageUri || context.env[STORAGE_ENV] || undefined;
        this.#settings = settings;
    }
    /** The Google Cloud project (ConfigurationError when none is named). */
    get project() {
        if (!this.#project) {
            throw new ConfigurationError(`${this.name}: set ${PROJECT_ENV} (or vertex: { project })`);
        }
        return this.#project;
    }
    async authHeaders() {
        const given = this.#settings.accessToken;
        if (given === undefined) {
            throw new ConfigurationError(`${this.name}: give the client vertex: { accessToken } (a function returning a Google ` +
                "OAuth token, e.g. GoogleAuth#getAccessToken from google-auth-library); the shim " +
                "loads no Google credentials itself");
        }
        const token = typeof given === "function" ? await given() : given;
        if (!token) {
            throw new ConfigurationError(`${this.name}: vertex.accessToken gave no token`);
        }
        const headers = { Authorization: `Bearer ${token}` };
        if (this.#settings.quotaProject) {
            headers["x-goog-user-project"] = this.#settings.quotaProject;
        }
        return headers;
    }
    downloadUrl(videoUrl) {
        if (!videoUrl.startsWith("gs://")) {
            return videoUrl;
        }
        const rest = videoUrl.slice("gs://".length);
        const slash = rest.indexOf("/");
        const bucket = slash < 0 ? rest : rest.slice(0, slash);
        const name = slash < 0 ? "" : rest.slice(slash + 1);
        return `${GCS_DOWNLOAD}/${encodeURIComponent(bucket)}/o/${encodeURIComponent(name)}?alt=media`;
    }
    modelPath(model) {
        return `/v1beta1/projects/${this.project}/locations/${this.location}/publishers/google/models/${model}`;
    }
    image(image) {
        if (image.kind === "url" && image.url.startsWith("gs://")) {
            const mime = mimeOf(image.url);
            return mime === undefined ? { gcsUri: image.url } : { gcsUri: image.url, mimeType: mime };
        }
        if (image.kind === "url") {
            throw new UnsupportedFeature(`${this.name} takes inline images or gs:// URIs, not URLs`);
        }
        return super.image(image);
    }
    parameters(request) {
        const parameters = super.parameters(request);
        if (request.audio !== undefined) {
            parameters["generateAudio"] = request.audio;
        }
        if (this.storageUri) {
            parameters["storageUri"] = this.storageUri;
        }
        return parameters;
    }
    status(rawId) {
        const at = rawId.lastIndexOf("/operations/");
        if (at <= 0) {
            throw new ConfigurationError(`not a Vertex AI operation name: ${JSON.stringify(rawId)}`);
        }
        return {
            method: "POST",
            url: this.url(`/v1beta1/${rawId.slice(0, at)}:fetchPredictOperation`),
            json: { operationName: rawId },
        };
    }
    videos(response) {
        const videos = response["videos"];
        return [Array.isArray(videos) ? videos : [], strings(response["raiMediaFilteredReasons"])];
    }
    videoUrl(video) {
        const found = asObject(video);
        if (found["gcsUri"]) {
            return String(found["gcsUri"]);
        }
        const data = this.requireString(video, "bytesBase64Encoded");
        return `data:${String(found["mimeType"] || "video/mp4")};base64,${data}`;
    }
    earlierVideo(url) {
        if (url.startsWith("data:")) {
            const comma = url.indexOf(",");
            const mime = url.slice(5, comma).split(";")[0] || "video/mp4";
            return { bytesBase64Encoded: toBase64(fromBase64(url.slice(comma + 1))), mimeType: mime };
        }
        return { gcsUri: url, mimeType: "video/mp4" };
    }
    errorHint(call, statusCode) {
        if (statusCode === 404 && call.url.endsWith(":predictLongRunning")) {
            return (`; is ${JSON.stringify(this.model)} offered in location ${JSON.stringify(this.location)}? ` +
                `Set ${LOCATION_ENV} (e.g. us-central1) or VIDEO_GENERATION_VEO_VERTEX_MODEL`);
        }
        if (statusCode === 403) {
            return (`; the credentials need the Vertex AI User role on project ${JSON.stringify(this.#project)}, ` +
                "and the Vertex AI API must be enabled there");
        }
        return "";
    }
}
/** The Vertex AI endpoint of a location, as google-genai picks it. */
export function regionalBaseUrl(location) {
    if (location === "global") {
        return "https://aiplatform.googleapis.com";
    }
    if (MULTI_REGIONAL.includes(location)) {
        return `https://aiplatform.${location}.rep.googleapis.com`;
    }
    return `https://${location}-aiplatform.googleapis.com`;
}
function mimeOf(name) {
    const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    return { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif" }[extension];
}
