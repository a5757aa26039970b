/**
 * Which providers to use and how to reach them: constructor options first, then the
 * environment (read at first use, never when the client is created).
 */
import { ConfigurationError } from "./errors.js";
import type { WarningHandler } from "./params.js";
import { readSecrets, type Adapter } from "./providers/base.js";
import type { VertexAI } from "./providers/veo-vertex.js";
import { provider, PROVIDERS } from "./registry.js";

export const PROVIDER_ENV = "VIDEO_GENERATION_PROVIDER";
export const FALLBACK_ENV = "VIDEO_GENERATION_FALLBACK_PROVIDER";
export const SHADOW_ENV = "VIDEO_GENERATION_SHADOW_PROVIDER";
export const SHADOW_FRACTION_ENV = "VIDEO_GENERATION_SHADOW_FRACTION";
export const FAKE_POLLS_ENV = "VIDEO_GENERATION_FAKE_POLLS";

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
export function envPrefix(name: string): string {
  return `VIDEO_GENERATION_${name.toUpperCase().replace(/-/g, "_")}`;
}

/** The settings, resolved against the environment on demand. */
export class ShimConfig {
  readonly #settings: ShimSettings;

  constructor(settings: ShimSettings) {
    this.#settings = settings;
  }

  /** The provider named in the options (not the environment), for messages. */
  get provider(): string | undefined {
    return this.#settings.provider;
  }

  /** The fallback provider named in the options (not the environment), for messages. */
  get fallbackProvider(): string | undefined {
    return this.#settings.fallbackProvider;
  }

  /** The environment to read (the process environment unless one was given). */
  env(): Environment {
    if (this.#settings.env !== undefined) {
      return this.#settings.env;
    }
    const process = (globalThis as { process?: { env?: Environment } }).process;
    return process?.env ?? {};
  }

  /** The provider every call goes to first. */
  primary(): string {
    const name = this.#settings.provider || this.env()[PROVIDER_ENV];
    if (!name) {
      throw new ConfigurationError(
        `no video provider configured: set ${PROVIDER_ENV} (${PROVIDERS.join(", ")}) or pass provider`,
      );
    }
    provider(name);
    return name;
  }

  /** The provider tried when the primary one fails, if any. */
  fallbackName(): string | undefined {
    const name = this.#settings.fallbackProvider || this.env()[FALLBACK_ENV] || undefined;
    if (name !== undefined) {
      provider(name);
    }
    return name;
  }

  /** The shadow provider and the fraction of create calls it also receives. */
  shadowSetup(): [string | undefined, number] {
    const name = this.#settings.shadowProvider || this.env()[SHADOW_ENV] || undefined;
    let fraction = this.#settings.shadowFraction;
    if (fraction === undefined) {
      const raw = this.env()[SHADOW_FRACTION_ENV] ?? (name ? "0.1" : "0");
      fraction = raw.trim() === "" ? Number.NaN : Number(raw);
      if (Number.isNaN(fraction)) {
        throw new ConfigurationError(`${SHADOW_FRACTION_ENV} must be a number, not ${JSON.stringify(raw)}`);
      }
    }
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new ConfigurationError(`the shadow fraction must be between 0 and 1, not ${fraction}`);
    }
    if (name !== undefined) {
      provider(name);
    }
    return [name, fraction];
  }

  /** The model id used on provider `name` (option, environment, then the default). */
  modelFor(name: string): string {
    const variable = `${envPrefix(name)}_MODEL`;
    return this.#settings.models?.[name] || this.env()[variable] || provider(name).spec.defaultModel;
  }

  /** How many status reads the fake provider answers `processing` to. */
  fakePolls(): number {
    const raw = this.env()[FAKE_POLLS_ENV] ?? "2";
    const polls = Number(raw);
    if (!Number.isInteger(polls) || polls < 0) {
      throw new ConfigurationError(`${FAKE_POLLS_ENV} must be a whole number, not ${JSON.stringify(raw)}`);
    }
    return polls;
  }

  /** The adapter for `name`, with its base URL, model and key(s). */
  buildAdapter(name: string, warn: WarningHandler): Adapter {
    const { adapter, spec } = provider(name);
    const env = this.env();
    const baseUrl =
      this.#settings.baseUrls?.[name] ||
      env[`${envPrefix(name)}_BASE_URL`] ||
      spec.defaultBaseUrl;
    const given = this.#settings.apiKeys?.[name];
    let secrets;
    if (given === undefined) {
      secrets = readSecrets(spec, env);
    } else if (typeof given === "string") {
      if (spec.keyEnv.length !== 1 || spec.needsEveryKey) {
        throw new ConfigurationError(
          `${name}: apiKeys needs a mapping of ${spec.keyEnv.join(" and ") || "nothing"}`,
        );
      }
      secrets = { [spec.keyEnv[0] as string]: given };
    } else {
      secrets = readSecrets(spec, given, "give apiKeys an entry for");
    }
    const options = name === "veo-vertex" ? this.#settings.vertex : undefined;
    return new adapter(spec, baseUrl, this.modelFor(name), secrets, { warn, env, options });
  }
}
