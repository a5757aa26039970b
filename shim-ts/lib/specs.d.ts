import type { Status } from "./jobs.js";
import type { Capabilities } from "./params.js";
/** The shape of providers.json. */
export interface ProviderData {
    readonly schema_version: number;
    readonly about: string;
    readonly providers: Readonly<Record<string, ProviderEntry>>;
}
/** One provider in providers.json. */
export interface ProviderEntry {
    readonly keys: readonly string[];
    readonly keys_needed: string;
    readonly base_url: string;
    readonly model: string;
    readonly docs: string;
    readonly auth?: string;
    readonly cancel_deletes?: boolean;
    readonly capabilities: {
        readonly text_to_video: boolean;
        readonly image_to_video: boolean;
        readonly extend: boolean;
        readonly cancel: boolean;
        readonly native_audio: boolean;
        readonly audio_toggle: boolean;
        readonly aspect_ratio_from_image: boolean;
        readonly durations: readonly number[];
        readonly aspect_ratios: readonly string[];
        readonly resolutions: readonly string[];
        readonly default_duration: number;
        readonly default_aspect_ratio: string;
        readonly default_resolution: string;
        readonly default_audio?: boolean;
        readonly required: readonly string[];
        readonly defaults_source: string;
        readonly variants?: readonly string[];
    };
    readonly statuses: Readonly<Record<string, string>>;
    readonly tables: Readonly<Record<string, unknown>>;
}
/** The shape of prices.json. */
export interface PriceData {
    readonly currency: string;
    readonly providers: Readonly<Record<string, PriceSection>>;
}
/** One provider's prices: when and where they were published, and the rows. */
export interface PriceSection {
    readonly published: string;
    readonly source: string;
    readonly confirmed: boolean;
    readonly rows: readonly PriceRow[];
}
/** A price per second of video for a model (and a resolution or audio setting, if named). */
export interface PriceRow {
    readonly model: string;
    readonly per_second: string;
    readonly resolution?: string;
    readonly audio?: boolean;
    readonly confirmed?: boolean;
}
/** One provider, read from the shared data. */
export interface ProviderSpec {
    readonly name: string;
    readonly keyEnv: readonly string[];
    readonly needsEveryKey: boolean;
    readonly defaultBaseUrl: string;
    readonly defaultModel: string;
    readonly docs: string;
    /** How a provider without key variables authenticates. */
    readonly auth: string;
    /** The cancel request also removes a finished video (so deleteVideo can). */
    readonly cancelDeletes: boolean;
    readonly capabilities: Capabilities;
    readonly statuses: Readonly<Record<string, Status>>;
    readonly tables: Readonly<Record<string, unknown>>;
}
/** The spec of provider `name` (an Error names what in the data is wrong). */
export declare function providerSpec(name: string): ProviderSpec;
/** A string-to-string table of provider `spec` (e.g. Runway's `ratios`, Kling's `modes`). */
export declare function table(spec: ProviderSpec, name: string): Readonly<Record<string, string>>;
