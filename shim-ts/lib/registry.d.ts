import type { Adapter, AdapterContext, Secrets } from "./providers/base.js";
import { type ProviderSpec } from "./specs.js";
/** An adapter class. */
export type AdapterClass = new (spec: ProviderSpec, baseUrl: string, model: string, secrets: Secrets, context: AdapterContext) => Adapter;
/** The provider names, in the order the Python shim lists them. */
export declare const PROVIDERS: readonly string[];
/** The adapter class and spec registered under `name`. */
export declare function provider(name: string): {
    adapter: AdapterClass;
    spec: ProviderSpec;
};
