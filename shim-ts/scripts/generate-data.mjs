// Writes src/data.ts from the Python shim's data files (providers.json, prices.json, sora.json and the
// fake provider's MP4), so both shims read one source of truth. `--check` only reports drift.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const shim = join(here, "..", "..", "sora_migrate", "shim");
const target = join(here, "..", "src", "data.ts");

export function render() {
  const providers = JSON.parse(readFileSync(join(shim, "providers.json"), "utf8"));
  const prices = JSON.parse(readFileSync(join(shim, "prices.json"), "utf8"));
  const sora = JSON.parse(readFileSync(join(shim, "sora.json"), "utf8"));
  const video = readFileSync(join(shim, "providers", "assets", "fake.mp4")).toString("base64");
  return [
    "// Data shared with the Python shim, generated from its providers.json, prices.json, sora.json",
    "// and fake.mp4 (scripts/generate-data.mjs): edit those files, not this one.",
    'import type { SoraData } from "./compat.js";',
    'import type { PriceData, ProviderData } from "./specs.js";',
    "",
    `export const PROVIDER_DATA: ProviderData = ${JSON.stringify(providers, null, 2)};`,
    "",
    `export const PRICE_DATA: PriceData = ${JSON.stringify(prices, null, 2)};`,
    "",
    `export const SORA_DATA: SoraData = ${JSON.stringify(sora, null, 2)};`,
    "",
    "/** The small MP4 the fake provider serves. */",
    `export const FAKE_VIDEO_BASE64 = ${JSON.stringify(video)};`,
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = render();
  if (process.argv.includes("--check")) {
    if (readFileSync(target, "utf8") !== text) {
      console.error("src/data.ts is stale: run `npm run generate` in shim-ts");
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
}
