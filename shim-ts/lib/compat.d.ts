/**
 * Sora-style inputs at run time: `fromSora(params)` turns the body of the Node SDK's
 * `videos.create` into `createVideo` / `generateVideo` parameters, like the Python shim's
 * `from_sora` (both read the same table, sora.json).
 *
 *     const job = await client.createVideo(fromSora({ model: "sora-2", prompt, seconds: "8", size }));
 *
 * `size` ("1280x720") becomes `aspectRatio` + `resolution`; `seconds` ("8" or 8) becomes
 * `durationSeconds`; `input_reference` (a URL, a data URI, a path, bytes, a Blob or File, a
 * ReadStream, a Response, or `{ image_url }`) becomes `image`; a Sora model id is dropped (the
 * shim's configuration picks the provider's model). A missing `seconds` or `size` is Sora's
 * default (4 s, 720x1280), so a migrated call keeps its length and orientation. A value that has
 * no mapping throws `SoraValueError`, which names the value and the nearest supported ones.
 */
import type { CreateVideoParams } from "./client.js";
import { UnsupportedFeature } from "./errors.js";
import { type WarningHandler } from "./params.js";
/** The shape of sora.json. */
export interface SoraData {
    readonly about: string;
    readonly sizes: Readonly<Record<string, {
        readonly aspect_ratio: string;
        readonly resolution: string;
    }>>;
    readonly seconds: readonly number[];
    readonly default_seconds: number;
    readonly default_size: string;
    readonly model_prefix: string;
    readonly statuses: Readonly<Record<string, string>>;
    readonly http_options: readonly string[];
}
/** The arguments of a Sora `videos.create` call (the Node SDK's `VideoCreateParams`). */
export interface SoraCreateParams {
    readonly prompt?: unknown;
    readonly model?: unknown;
    readonly seconds?: unknown;
    readonly size?: unknown;
    readonly input_reference?: unknown;
}
/** A Sora-style argument `fromSora` cannot map; `nearest` lists supported values. */
export declare class SoraValueError extends UnsupportedFeature {
    readonly parameter: string;
    readonly value: unknown;
    readonly nearest: readonly string[];
    constructor(parameter: string, value: unknown, nearest: readonly string[], hint?: string);
}
/** `createVideo` parameters for the arguments of a Sora `videos.create` call. */
export declare function fromSora<T extends SoraCreateParams>(params: T, onWarning?: WarningHandler): CreateVideoParams;
/** Sora's `seconds` ("8" or 8) as whole seconds. */
export declare function duration(value: unknown): number;
/** Sora's `size` ("1280x720") as [aspectRatio, resolution]. */
export declare function sizeArguments(value: unknown): [string, string];
/** Sora's `input_reference` as the shim's `image`. */
export declare function image(value: unknown): NonNullable<CreateVideoParams["image"]>;
