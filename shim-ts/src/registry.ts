/** Every provider the shim knows, by name: an explicit table, no discovery magic. */
import { ConfigurationError } from "./errors.js";
import type { Adapter, AdapterContext, Secrets } from "./providers/base.js";
import { Fake } from "./providers/fake.js";
import { Kling } from "./providers/kling.js";
import { Luma } from "./providers/luma.js";
import { Pika } from "./providers/pika.js";
import { Runway } from "./providers/runway.js";
import { Veo } from "./providers/veo.js";
import { VeoVertex } from "./providers/veo-vertex.js";
import { providerSpec, type ProviderSpec } from "./specs.js";

/** An adapter class. */
export type AdapterClass = new (
  spec: ProviderSpec,
  baseUrl: string,
  model: string,
  secrets: Secrets,
  context: AdapterContext,
) => Adapter;

const ADAPTERS: Readonly<Record<string, AdapterClass>> = {
  runway: Runway,
  veo: Veo,
  "veo-vertex": VeoVertex,
  luma: Luma,
  pika: Pika,
  kling: Kling,
  fake: Fake,
};

/** The provider names, in the order the Python shim lists them. */
export const PROVIDERS: readonly string[] = Object.keys(ADAPTERS);

/** The adapter class and spec registered under `name`. */
export function provider(name: string): { adapter: AdapterClass; spec: ProviderSpec } {
  const adapter = Object.hasOwn(ADAPTERS, name) ? ADAPTERS[name] : undefined;
  if (adapter === undefined) {
    throw new ConfigurationError(
      `unknown video provider ${JSON.stringify(name)} (known: ${PROVIDERS.join(", ")})`,
    );
  }
  return { adapter, spec: providerSpec(name) };
}
