/**
 * What each provider is and can do, from the data shared with the Python shim (data.ts is
 * generated from its providers.json and prices.json): key variables, default base URL and
 * model, capabilities, the provider's job states and its own parameter tables.
 */
import { PROVIDER_DATA } from "./data.js";
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

const STATUS_NAMES: readonly string[] = ["pending", "processing", "completed", "failed"];

/** The spec of provider `name` (an Error names what in the data is wrong). */
export function providerSpec(name: string): ProviderSpec {
  const entry = PROVIDER_DATA.providers[name];
  if (entry === undefined) {
    throw new Error(`providers.json has no provider ${JSON.stringify(name)}`);
  }
  const unknown = Object.values(entry.statuses).filter((status) => !STATUS_NAMES.includes(status));
  if (unknown.length > 0 || !["one", "all"].includes(entry.keys_needed)) {
    throw new Error(`providers.json: ${name}: bad statuses or keys_needed`);
  }
  const caps = entry.capabilities;
  return {
    name,
    keyEnv: entry.keys,
    needsEveryKey: entry.keys_needed === "all",
    defaultBaseUrl: entry.base_url,
    defaultModel: entry.model,
    docs: entry.docs,
    auth: entry.auth ?? "",
    cancelDeletes: entry.cancel_deletes ?? false,
    capabilities: {
      textToVideo: caps.text_to_video,
      imageToVideo: caps.image_to_video,
      extend: caps.extend,
      cancel: caps.cancel,
      nativeAudio: caps.native_audio,
      audioToggle: caps.audio_toggle,
      aspectRatioFromImage: caps.aspect_ratio_from_image,
      durations: caps.durations,
      aspectRatios: caps.aspect_ratios,
      resolutions: caps.resolutions,
      defaultDuration: caps.default_duration,
      defaultAspectRatio: caps.default_aspect_ratio,
      defaultResolution: caps.default_resolution,
      defaultAudio: caps.default_audio ?? false,
      required: caps.required,
      defaultsSource: caps.defaults_source,
      variants: caps.variants ?? ["video"],
    },
    statuses: entry.statuses as Readonly<Record<string, Status>>,
    tables: entry.tables,
  };
}

/** A string-to-string table of provider `spec` (e.g. Runway's `ratios`, Kling's `modes`). */
export function table(spec: ProviderSpec, name: string): Readonly<Record<string, string>> {
  return (spec.tables[name] ?? {}) as Readonly<Record<string, string>>;
}
