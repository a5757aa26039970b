/**
 * What each provider is and can do, from the data shared with the Python shim (data.ts is
 * generated from its providers.json and prices.json): key variables, default base URL and
 * model, capabilities, the provider's job states and its own parameter tables.
 */
import { PROVIDER_DATA } from "./data.js";
const STATUS_NAMES = ["pending", "processing", "completed", "failed"];
/** The spec of provider `name` (an Error names what in the data is wrong). */
export function providerSpec(name) {
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
        statuses: entry.statuses,
        tables: entry.tables,
    };
}
/** A string-to-string table of provider `spec` (e.g. Runway's `ratios`, Kling's `modes`). */
export function table(spec, name) {
    return (spec.tables[name] ?? {});
}
