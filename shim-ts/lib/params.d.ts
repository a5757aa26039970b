import type { Image } from "./images.js";
/** What a provider (with its default model) can do. */
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
/** A request after `fit`: every value is one the provider offers. */
export interface FittedRequest extends VideoRequest {
    readonly model: string;
    readonly durationSeconds: number;
    readonly resolution: string;
}
/** A parameter was changed to the nearest value the provider supports, or ignored. */
export declare class ParameterMapped extends Error {
    readonly name = "ParameterMapped";
}
/** Receives every ParameterMapped warning. */
export type WarningHandler = (warning: ParameterMapped) => void;
/** The request with every value one the provider offers (warning when something moved). */
export declare function fit(provider: string, request: VideoRequest, capabilities: Capabilities, model: string, warn: WarningHandler): FittedRequest;
/** The offered duration closest to `value` (the longer one on a tie; default if undefined). */
export declare function nearestDuration(provider: string, value: number | undefined, capabilities: Capabilities, warn: WarningHandler): number;
/** The offered resolution closest to `value` (the higher one on a tie; default if undefined). */
export declare function nearestResolution(provider: string, value: string | undefined, capabilities: Capabilities, warn: WarningHandler): string;
/** Warn that `name=value` cannot be honoured by `provider` and is left out. */
export declare function ignored(provider: string, name: string, value: unknown, reason: string, warn: WarningHandler): void;
/** `W:H` as a number, or UnsupportedFeature. */
export declare function ratio(text: string): number;
/** The number of lines of `720p`, `1080p`, `4k`, or UnsupportedFeature. */
export declare function lines(resolution: string): number;
