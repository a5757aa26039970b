import type { WarningHandler } from "./params.js";
import { type Adapter } from "./providers/base.js";
import type { VertexAI } from "./providers/veo-vertex.js";
export declare const PROVIDER_ENV = "VIDEO_GENERATION_PROVIDER";
export declare const FALLBACK_ENV = "VIDEO_GENERATION_FALLBACK_PROVIDER";
export declare const SHADOW_ENV = "VIDEO_GENERATION_SHADOW_PROVIDER";
export declare const SHADOW_FRACTION_ENV = "VIDEO_GENERATION_SHADOW_FRACTION";
export declare const FAKE_POLLS_ENV = "VIDEO_GENERATION_FAKE_POLLS";
/** Environment variables, by name. */
export type Environment = Readonly<Record<string, string | undefined>>;
/** A provider's key: one string (providers with one key variable) or keys by variable name. */
export type ApiKey = string | Readonly<Record<string, string>>;
/** Which providers to use and how to reach them; undefined means "ask the environment". */
export interface ShimSettings {
    /** runway, veo, veo-vertex, luma, pika, kling or fake (default: VIDEO_GENERATION_PROVIDER). */
    readonly provider?: string | undefined;
    /** Tried when the primary provider fails (default: VIDEO_GENERATION_FALLBACK_PROVIDER). */
    readonly fallbackProvider?: string | undefined;
    /** Also receives a fraction of create calls; its outcome is only logged. */
    readonly shadowProvider?: string | undefined;
    readonly shadowFraction?: number | undefined;
    /** Keys by provider: `{ runway: "..." }` or `{ kling: { KLING_ACCESS_KEY, KLING_SECRET_KEY } }`. */
    readonly apiKeys?: Readonly<Record<string, ApiKey>> | undefined;
    readonly baseUrls?: Readonly<Record<string, string>> | undefined;
    readonly models?: Readonly<Record<string, string>> | undefined;
    /** The environment to read instead of `process.env` (edge runtimes pass their bindings). */
    readonly env?: Environment | undefined;
    /** Settings of the veo-vertex provider: project, location, bucket and an access token. */
    readonly vertex?: VertexAI | undefined;
}
/** `VIDEO_GENERATION_<NAME>`, the prefix of a provider's own variables (`veo-vertex`:
 * `VIDEO_GENERATION_VEO_VERTEX`). */
export declare function envPrefix(name: string): string;
/** The settings, resolved against the environment on demand. */
export declare class ShimConfig {
    #private;
    constructor(settings: ShimSettings);
    /** The provider named in the options (not the environment), for messages. */
    get provider(): string | undefined;
    /** The fallback provider named in the options (not the environment), for messages. */
    get fallbackProvider(): string | undefined;
    /** The environment to read (the process environment unless one was given). */
    env(): Environment;
    /** The provider every call goes to first. */
    primary(): string;
    /** The provider tried when the primary one fails, if any. */
    fallbackName(): string | undefined;
    /** The shadow provider and the fraction of create calls it also receives. */
    shadowSetup(): [string | undefined, number];
    /** The model id used on provider `name` (option, environment, then the default). */
    modelFor(name: string): string;
    /** How many status reads the fake provider answers `processing` to. */
    fakePolls(): number;
    /** The adapter for `name`, with its base URL, model and key(s). */
    buildAdapter(name: string, warn: WarningHandler): Adapter;
}
