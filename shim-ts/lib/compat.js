import { SORA_DATA } from "./data.js";
import { UnsupportedFeature } from "./errors.js";
import { defaultWarning, ignored } from "./params.js";
/** createVideo's own parameters, passed through as they are. */
const SHIM_PARAMETERS = ["durationSeconds", "aspectRatio", "resolution", "image", "audio", "model"];
const SORA_PARAMETERS = ["prompt", "model", "seconds", "size", "input_reference"];
/** A Sora-style argument `fromSora` cannot map; `nearest` lists supported values. */
export class SoraValueError extends UnsupportedFeature {
    parameter;
    value;
    nearest;
    constructor(parameter, value, nearest, hint = "") {
        let message = `${parameter}=${shown(value)} has no equivalent in the video shim`;
        if (nearest.length > 0) {
            message += `; nearest supported: ${nearest.join(", ")}`;
        }
        if (hint) {
            message += ` (${hint})`;
        }
        super(message);
        this.parameter = parameter;
        this.value = value;
        this.nearest = nearest;
    }
}
/** `createVideo` parameters for the arguments of a Sora `videos.create` call. */
export function fromSora(params, onWarning = defaultWarning) {
    if (params === null || typeof params !== "object") {
        throw new SoraValueError("params", params, [], "pass the object given to videos.create");
    }
    const { prompt, model, seconds, size, input_reference: reference, ...rest } = params;
    if (typeof prompt !== "string") {
        throw new SoraValueError("prompt", prompt, [], "a text prompt is required");
    }
    const [aspectRatio, resolution] = sizeArguments(size ?? SORA_DATA.default_size);
    const result = {
        prompt,
        durationSeconds: duration(seconds ?? SORA_DATA.default_seconds),
        aspectRatio,
        resolution,
    };
    if (reference !== undefined && reference !== null) {
        result["image"] = image(reference);
    }
    if (typeof model === "string" && !model.startsWith(SORA_DATA.model_prefix)) {
        result["model"] = model;
    }
    else if (model !== undefined && model !== null && typeof model !== "string") {
        throw new SoraValueError("model", model, [], "a model id is a string");
    }
    for (const [name, value] of Object.entries(rest)) {
        if (value === undefined) {
            continue;
        }
        if (SHIM_PARAMETERS.includes(name)) {
            result[name] = value;
        }
        else if (SORA_DATA.http_options.includes(name)) {
            ignored("fromSora", name, value, "an HTTP option of the OpenAI SDK", onWarning);
        }
        else {
            const close = closeMatches(name, [...SHIM_PARAMETERS, ...SORA_PARAMETERS]);
            throw new SoraValueError(name, value, close, "not an argument of videos.create");
        }
    }
    return result;
}
/** Sora's `seconds` ("8" or 8) as whole seconds. */
export function duration(value) {
    let number;
    if (typeof value === "number" && Number.isFinite(value)) {
        number = value;
    }
    else if (typeof value === "string" && /^\d+$/.test(value.trim())) {
        number = Number(value.trim());
    }
    if (number === undefined || number <= 0 || !Number.isInteger(number)) {
        const offered = SORA_DATA.seconds;
        const nearest = number !== undefined && number > 0
            ? [...offered].sort((a, b) => Math.abs(a - number) - Math.abs(b - number) || a - b).slice(0, 2)
            : offered.slice(0, 3);
        throw new SoraValueError("seconds", value, nearest.map((option) => `"${option}"`));
    }
    return number;
}
/** Sora's `size` ("1280x720") as [aspectRatio, resolution]. */
export function sizeArguments(value) {
    const key = typeof value === "string" ? value.trim().toLowerCase().replace(/ /g, "") : undefined;
    const row = key === undefined || !Object.hasOwn(SORA_DATA.sizes, key) ? undefined : SORA_DATA.sizes[key];
    if (row !== undefined) {
        return [row.aspect_ratio, row.resolution];
    }
    throw new SoraValueError("size", value, nearestSizes(key).map((size) => `"${size}"`));
}
/** Sora's `input_reference` as the shim's `image`. */
export function image(value) {
    if (typeof value === "string") {
        return value; // a URL, a data URI or a path (read when the video is created)
    }
    if (value instanceof Uint8Array ||
        value instanceof ArrayBuffer ||
        (typeof Blob !== "undefined" && value instanceof Blob) ||
        (typeof value === "object" && value !== null && (Symbol.asyncIterator in value || "arrayBuffer" in value))) {
        return value;
    }
    if (typeof value === "object" && value !== null) {
        const url = value.image_url;
        if (typeof url === "string" && url) {
            return url;
        }
        const hint = "an OpenAI file id means nothing to another provider; pass the image itself";
        throw new SoraValueError("input_reference", value, ["{ image_url: ... }"], hint);
    }
    throw new SoraValueError("input_reference", value, ["a URL", "a path", "bytes", "a Blob or File", "a ReadStream"]);
}
/** The two supported sizes closest in shape and then in area, or all of them. */
function nearestSizes(key) {
    const sizes = Object.keys(SORA_DATA.sizes);
    const match = /^(\d+)x(\d+)$/.exec(key ?? "");
    const width = Number(match?.[1]);
    const height = Number(match?.[2]);
    if (match === null || !width || !height) {
        return sizes;
    }
    const ratio = Math.log(width / height);
    const area = width * height;
    const distance = (option) => {
        const [w = 1, h = 1] = option.split("x").map(Number);
        return [Math.round(Math.abs(Math.log(w / h) - ratio) * 1000) / 1000, Math.abs(Math.log((w * h) / area))];
    };
    return [...sizes]
        .sort((a, b) => {
        const [a1, a2] = distance(a);
        const [b1, b2] = distance(b);
        return a1 - b1 || a2 - b2;
    })
        .slice(0, 2);
}
/** Up to two of `known` that look like `name` (difflib's ratio of at least 0.5, best first). */
function closeMatches(name, known) {
    return [...new Set(known)]
        .map((candidate) => [candidate, similarity(name, candidate)])
        .filter(([, score]) => score >= 0.5)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([candidate]) => candidate);
}
/** Ratcliff/Obershelp similarity, as Python's difflib.SequenceMatcher.ratio computes it. */
function similarity(a, b) {
    const matched = (x, y) => {
        let best = 0;
        let atX = 0;
        let atY = 0;
        for (let i = 0; i < x.length; i += 1) {
            for (let j = 0; j < y.length; j += 1) {
                let length = 0;
                while (i + length < x.length && j + length < y.length && x[i + length] === y[j + length]) {
                    length += 1;
                }
                if (length > best) {
                    [best, atX, atY] = [length, i, j];
                }
            }
        }
        if (best === 0) {
            return 0;
        }
        return best + matched(x.slice(0, atX), y.slice(0, atY)) + matched(x.slice(atX + best), y.slice(atY + best));
    };
    return a.length + b.length === 0 ? 1 : (2 * matched(a, b)) / (a.length + b.length);
}
function shown(value) {
    let text;
    try {
        text = typeof value === "string" || typeof value === "number" ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
    }
    catch {
        text = String(value);
    }
    return text.length <= 80 ? text : `${text.slice(0, 77)}...`;
}
