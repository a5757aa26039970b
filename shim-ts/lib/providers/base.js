/**
 * What every provider adapter is: pure functions from a request to an HTTP call and from a
 * payload to a job state. The client does the I/O, retries and fallback once for all of them.
 */
import { ConfigurationError, ProviderError, UnsupportedFeature } from "../errors.js";
/** `body` without the keys whose value is undefined (a value the caller left out is not sent). */
export function given(body) {
    return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
/** A JobState with defaults filled in. */
export function state(status, progress = 0, extra = {}) {
    return { status, progress, ...extra };
}
/** Base class: configuration, credentials and the operations a provider may lack. */
export class Adapter {
    spec;
    name;
    baseUrl;
    model;
    warn;
    // private (#), so neither console.log nor util.inspect ever shows a key
    #secrets;
    constructor(spec, baseUrl, model, secrets, context) {
        this.spec = spec;
        this.name = spec.name;
        this.baseUrl = baseUrl.replace(/\/+$/, "");
        this.model = model;
        this.#secrets = { ...secrets };
        this.warn = context.warn;
    }
    /** Values that must never appear in messages. */
    secretValues() {
        return Object.values(this.#secrets).filter((value) => value);
    }
    /** The key held in variable `name` ("" when it is not set). */
    secret(name) {
        return this.#secrets[name] ?? "";
    }
    /** The job's state from a follow-up response. */
    parseResult(_rawId, _payload, _statusCode) {
        throw new ProviderError(this.name, "unexpected follow-up response");
    }
    /** The request that cancels a job. */
    cancel(_rawId) {
        throw new UnsupportedFeature(`${this.name} has no API to cancel a job`);
    }
    /** The request that extends a finished video. */
    extend(_rawId, _state, _prompt, _duration) {
        throw new UnsupportedFeature(`${this.name} cannot extend a video`);
    }
    /** The new job's id and state from an extend response. */
    parseExtended(payload) {
        return this.parseCreated(payload, { prompt: "", model: this.model, durationSeconds: 0, resolution: "" });
    }
    /** Advice appended to an HTTP error from this provider ("" when there is none). */
    errorHint(_call, _statusCode) {
        return "";
    }
    /** The HTTP URL that serves the finished video (Vertex AI's `gs://` URIs are not). */
    downloadUrl(videoUrl) {
        return videoUrl;
    }
    /** Headers for fetching the finished video (most providers sign their URLs). */
    async downloadHeaders() {
        return {};
    }
    /** An absolute URL on this provider's base URL. */
    url(path) {
        return `${this.baseUrl}/${path.replace(/^\/+/, "")}`;
    }
    /**
     * The shim's status for the provider's job state `value` (from the shared data), or a
     * ProviderError for a state this adapter does not know (never guessed).
     */
    jobStatus(value) {
        const status = typeof value === "string" ? this.spec.statuses[value] : undefined;
        if (status === undefined) {
            throw new ProviderError(this.name, `unknown job status ${show(value)}`);
        }
        return status;
    }
    /** payload[k1][k2]..., or a ProviderError naming the missing field. */
    require(payload, ...keys) {
        let current = payload;
        for (const key of keys) {
            const next = current !== null && typeof current === "object"
                ? current[key]
                : undefined;
            if (next === undefined) {
                throw new ProviderError(this.name, `response has no ${keys.join(".")}`);
            }
            current = next;
        }
        return current;
    }
    /** payload[key] as a string, or a ProviderError naming the missing field. */
    requireString(payload, ...keys) {
        const value = this.require(payload, ...keys);
        if (typeof value !== "string" && typeof value !== "number") {
            throw new ProviderError(this.name, `response has no ${keys.join(".")}`);
        }
        return String(value);
    }
}
/** The object `value`, or an empty one. */
export function asObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value)
        ? value
        : {};
}
/** This provider's key(s) from the environment (or `apiKeys`); a clear error names what is missing. */
export function readSecrets(spec, source, where = "set") {
    const found = {};
    for (const name of spec.keyEnv) {
        const value = source[name];
        if (value) {
            found[name] = value;
        }
    }
    const missing = spec.keyEnv.filter((name) => !(name in found));
    if (spec.keyEnv.length > 0 && (Object.keys(found).length === 0 || (spec.needsEveryKey && missing.length > 0))) {
        const names = spec.needsEveryKey ? missing.join(" and ") : spec.keyEnv.join(" or ");
        throw new ConfigurationError(`${spec.name}: ${where} ${names} to use this provider`);
    }
    return found;
}
function show(value) {
    return JSON.stringify(value) ?? String(value);
}
