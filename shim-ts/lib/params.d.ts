import type { Image } from "./images.js";
/** The fields a provider may default, as the shared data names them. */
export declare const DURATION = "duration_seconds";
export declare const ASPECT_RATIO = "aspect_ratio";
export declare const RESOLUTION = "resolution";
export declare const AUDIO = "audio";
/**
 * What a provider (with its default model) can do, and what it does with a value left out:
 * `default*` is the provider's documented default, except for the fields in `required`, which
 * the provider needs in every request and for which `default*` is the shim's choice.
 */
export interface Capabilities {
    readonly textToVideo: boolean;
    readonly imageToVideo: boolean;
    readonly extend: boolean;
    readonly cancel: boolean;
    readonly nativeAudio: boolean;
    readonly audioToggle: boolean;
    readonly aspectRatioFromImage: boolean;
    readonly durations: readonly number[];
    readonly aspectRatios: readonly string[];
    readonly resolutions: readonly string[];
    readonly defaultDuration: number;
    readonly defaultAspectRatio: string;
    readonly defaultResolution: string;
    readonly defaultAudio: boolean;
    /** Fields (`duration_seconds`, `aspect_ratio`, `resolution`) every request must carry. */
    readonly required: readonly string[];
    /** Where the defaults come from. */
    readonly defaultsSource: string;
    /** What getVideoOutput(jobId, variant) can return: "video", and "thumbnail" where offered. */
    readonly variants: readonly string[];
}
/** What the caller asked for, with the image already read. */
export interface VideoRequest {
    readonly prompt: string;
    readonly durationSeconds?: number | undefined;
    readonly aspectRatio?: string | undefined;
    readonly resolution?: string | undefined;
    readonly image?: Image | undefined;
    readonly model?: string | undefined;
    readonly audio?: boolean | undefined;
}
/** A request after `fit`: every value is one the provider offers; `model` is set. */
export interface FittedRequest extends VideoRequest {
    readonly model: string;
}
/**
 * What a job is made with: the caller's values (as fitted), the shim's choice for a field the
 * provider requires, and otherwise the provider's documented default, whose field names are
 * listed in `providerDefaults`.
 */
export interface Settings {
    readonly durationSeconds: number;
    /** Undefined when the provider takes the shape from the start image. */
    readonly aspectRatio: string | undefined;
    readonly resolution: string;
    readonly audio: boolean;
    readonly providerDefaults: readonly string[];
}
/** A parameter was changed to the nearest value the provider supports, or ignored. */
export declare class ParameterMapped extends Error {
    readonly name = "ParameterMapped";
}
/** Receives every ParameterMapped warning. */
export type WarningHandler = (warning: ParameterMapped) => void;
/** Node's process warning (`(node:1) ParameterMapped: ...`), else `console.warn`. */
export declare function defaultWarning(warning: ParameterMapped): void;
/** The request with every value one the provider offers (warning when something moved). */
export declare function fit(provider: string, request: VideoRequest, capabilities: Capabilities, model: string, warn: WarningHandler): FittedRequest;
/**
 * The settings of a fitted request, with the provider's defaults filled in and named.
 * `aspectRatio` is undefined when the provider takes the shape from the start image.
 */
export declare function settings(fitted: VideoRequest, capabilities: Capabilities): Settings;
/** The offered duration closest to `value` (the longer one on a tie). */
export declare function nearestDuration(provider: string, value: number, capabilities: Capabilities, warn: WarningHandler): number;
/** The offered resolution closest to `value` (the higher one on a tie). */
export declare function nearestResolution(provider: string, value: string, capabilities: Capabilities, warn: WarningHandler): string;
/** Warn that `name=value` cannot be honoured by `provider` and is left out. */
export declare function ignored(provider: string, name: string, value: unknown, reason: string, warn: WarningHandler): void;
/** `W:H` as a number, or UnsupportedFeature. */
export declare function ratio(text: string): number;
/** The number of lines of `720p`, `1080p`, `4k`, or UnsupportedFeature. */
export declare function lines(resolution: string): number;
