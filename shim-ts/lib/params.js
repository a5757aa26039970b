/**
 * A provider-neutral request, and how it is fitted to one provider's capabilities.
 *
 * A value the provider does not offer is mapped to the nearest one it does, with a
 * `ParameterMapped` warning; a value it cannot use at all is named in a warning as ignored; an
 * operation or input it cannot take throws `UnsupportedFeature`. Nothing is dropped silently.
 *
 * A value the caller did not give is not invented: it stays out of the request and the provider
 * applies its own default, which `settings()` reports (marked as the provider's). Only a field
 * the provider requires gets the shim's documented choice (`Capabilities.required`).
 */
import { UnsupportedFeature } from "./errors.js";
/** The fields a provider may default, as the shared data names them. */
export const DURATION = "duration_seconds";
export const ASPECT_RATIO = "aspect_ratio";
export const RESOLUTION = "resolution";
export const AUDIO = "audio";
/** A parameter was changed to the nearest value the provider supports, or ignored. */
export class ParameterMapped extends Error {
    name = "ParameterMapped";
}
/** Node's process warning (`(node:1) ParameterMapped: ...`), else `console.warn`. */
export function defaultWarning(warning) {
    const process = globalThis.process;
    if (typeof process?.emitWarning === "function") {
        process.emitWarning(warning.message, warning.name);
    }
    else {
        console.warn(`${warning.name}: ${warning.message}`);
    }
}
/** The request with every value one the provider offers (warning when something moved). */
export function fit(provider, request, capabilities, model, warn) {
    if (request.image !== undefined && !capabilities.imageToVideo) {
        throw new UnsupportedFeature(`${provider} cannot start a video from an image`);
    }
    if (request.image === undefined && !capabilities.textToVideo) {
        throw new UnsupportedFeature(`${provider} needs an image to start a video`);
    }
    if (request.audio === true && !capabilities.nativeAudio) {
        throw new UnsupportedFeature(`${provider} does not generate audio with the video`);
    }
    if (request.audio === false && capabilities.nativeAudio && !capabilities.audioToggle) {
        ignored(provider, "audio", false, "its videos always have sound", warn);
    }
    const required = capabilities.required;
    const duration = request.durationSeconds ?? (required.includes(DURATION) ? capabilities.defaultDuration : undefined);
    const resolution = request.resolution ?? (required.includes(RESOLUTION) ? capabilities.defaultResolution : undefined);
    return {
        ...request,
        model: request.model || model,
        durationSeconds: duration === undefined ? undefined : nearestDuration(provider, duration, capabilities, warn),
        aspectRatio: fitAspectRatio(provider, request, capabilities, warn),
        resolution: resolution === undefined ? undefined : nearestResolution(provider, resolution, capabilities, warn),
    };
}
/**
 * The settings of a fitted request, with the provider's defaults filled in and named.
 * `aspectRatio` is undefined when the provider takes the shape from the start image.
 */
export function settings(fitted, capabilities) {
    const defaulted = [];
    if (fitted.durationSeconds === undefined) {
        defaulted.push(DURATION);
    }
    const shapedByImage = fitted.image !== undefined && capabilities.aspectRatioFromImage;
    if (fitted.aspectRatio === undefined && !shapedByImage) {
        defaulted.push(ASPECT_RATIO);
    }
    if (fitted.resolution === undefined) {
        defaulted.push(RESOLUTION);
    }
    if (fitted.audio === undefined && capabilities.nativeAudio) {
        defaulted.push(AUDIO);
    }
    let audio;
    if (!capabilities.nativeAudio) {
        audio = false;
    }
    else if (!capabilities.audioToggle) {
        audio = true; // always on; a caller's audio: false was ignored with a warning
    }
    else {
        audio = fitted.audio ?? capabilities.defaultAudio;
    }
    return {
        durationSeconds: fitted.durationSeconds ?? capabilities.defaultDuration,
        aspectRatio: shapedByImage ? undefined : (fitted.aspectRatio ?? capabilities.defaultAspectRatio),
        resolution: fitted.resolution ?? capabilities.defaultResolution,
        audio,
        providerDefaults: defaulted,
    };
}
function fitAspectRatio(provider, request, capabilities, warn) {
    if (request.image !== undefined && capabilities.aspectRatioFromImage) {
        if (request.aspectRatio !== undefined) {
            ignored(provider, "aspectRatio", request.aspectRatio, "the image sets the shape", warn);
        }
        return undefined;
    }
    const offered = capabilities.aspectRatios;
    let aspect = request.aspectRatio;
    if (aspect === undefined && capabilities.required.includes(ASPECT_RATIO)) {
        aspect = capabilities.defaultAspectRatio;
    }
    if (aspect === undefined || offered.includes(aspect)) {
        return aspect;
    }
    // distance in log space, so 16:9 and 9:16 are equally far from 1:1 (the first offered wins)
    const wanted = Math.log(ratio(aspect));
    const nearest = closest(offered, (option) => round9(Math.abs(Math.log(ratio(option)) - wanted)));
    mapped(provider, "aspectRatio", aspect, nearest, warn);
    return nearest;
}
/** The offered duration closest to `value` (the longer one on a tie). */
export function nearestDuration(provider, value, capabilities, warn) {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
        throw new UnsupportedFeature(`not a duration in seconds: ${JSON.stringify(value)}`);
    }
    if (capabilities.durations.includes(value)) {
        return value;
    }
    const nearest = closest(capabilities.durations, (option) => [Math.abs(option - value), -option]);
    mapped(provider, "durationSeconds", value, nearest, warn);
    return nearest;
}
/** The offered resolution closest to `value` (the higher one on a tie). */
export function nearestResolution(provider, value, capabilities, warn) {
    const offered = capabilities.resolutions;
    if (offered.includes(value)) {
        return value;
    }
    const wanted = lines(value);
    const nearest = closest(offered, (option) => [Math.abs(lines(option) - wanted), -lines(option)]);
    mapped(provider, "resolution", value, nearest, warn);
    return nearest;
}
/** Warn that `name=value` cannot be honoured by `provider` and is left out. */
export function ignored(provider, name, value, reason, warn) {
    warn(new ParameterMapped(`${provider} ignores ${name}=${show(value)}: ${reason}`));
}
function mapped(provider, name, value, nearest, warn) {
    warn(new ParameterMapped(`${provider} does not offer ${name}=${show(value)}; using ${show(nearest)}`));
}
/** `W:H` as a number, or UnsupportedFeature. */
export function ratio(text) {
    const [width, height, ...rest] = String(text).split(":");
    const value = rest.length === 0 ? Number(width) / Number(height) : Number.NaN;
    if (Number.isFinite(value) && value > 0 && width?.trim() && height?.trim()) {
        return value;
    }
    throw new UnsupportedFeature(`not an aspect ratio: ${show(text)} (expected 'W:H')`);
}
/** The number of lines of `720p`, `1080p`, `4k`, or UnsupportedFeature. */
export function lines(resolution) {
    const text = String(resolution);
    if (text.toLowerCase() === "4k") {
        return 2160;
    }
    const match = /^\s*(\d+)p?\s*$/.exec(text);
    if (match === null) {
        throw new UnsupportedFeature(`not a resolution: ${show(text)} (expected e.g. '720p')`);
    }
    return Number(match[1]);
}
/** The first option with the smallest key (keys compare element by element). */
function closest(options, key) {
    let best = options[0];
    let bestKey = [key(best)].flat();
    for (const option of options.slice(1)) {
        const candidate = [key(option)].flat();
        if (less(candidate, bestKey)) {
            best = option;
            bestKey = candidate;
        }
    }
    return best;
}
function less(left, right) {
    for (let index = 0; index < left.length; index += 1) {
        const a = left[index];
        const b = right[index];
        if (a !== b) {
            return a < b;
        }
    }
    return false;
}
function round9(value) {
    return Math.round(value * 1e9) / 1e9;
}
function show(value) {
    return typeof value === "string" ? JSON.stringify(value) : String(value);
}
