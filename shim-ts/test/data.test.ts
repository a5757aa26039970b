// The TypeScript shim reads the very data the Python shim ships (no copy that could drift).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { PROVIDERS, providerSpec } from "sora-migrate-video-shim";

const SHIM = new URL("../../../sora_migrate/shim/", import.meta.url);

function json(name: string): { providers: Record<string, unknown> } {
  return JSON.parse(readFileSync(new URL(name, SHIM), "utf8"));
}

test("data.ts holds exactly providers.json, prices.json and fake.mp4", async () => {
  const data = await import("sora-migrate-video-shim/lib/data.js");
  assert.deepEqual(data.PROVIDER_DATA, json("providers.json"));
  assert.deepEqual(data.PRICE_DATA, json("prices.json"));
  assert.equal(data.FAKE_VIDEO_BASE64, readFileSync(new URL("providers/assets/fake.mp4", SHIM)).toString("base64"));
});

test("the providers are the Python shim's, in its order", () => {
  assert.deepEqual(PROVIDERS, Object.keys(json("providers.json").providers));
  for (const name of PROVIDERS) {
    const capabilities = providerSpec(name).capabilities;
    assert.ok(capabilities.durations.includes(capabilities.defaultDuration), name);
  }
});
