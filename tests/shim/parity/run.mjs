// Feeds cases (JSON on stdin) through the TypeScript shim's built lib/ and prints what it would
// send and report (JSON on stdout), for test_parity.py to compare with the Python shim.
import { fromSora } from "../../../shim-ts/lib/compat.js";
import { fit, settings } from "../../../shim-ts/lib/params.js";
import { estimateRequest } from "../../../shim-ts/lib/pricing.js";
import { provider } from "../../../shim-ts/lib/registry.js";

const KEYS = {
  RUNWAYML_API_SECRET: "rk", GEMINI_API_KEY: "gk", LUMAAI_API_KEY: "lk", FAL_KEY: "fk",
  KLING_ACCESS_KEY: "ak", KLING_SECRET_KEY: "sk",
};

function outcome(run) {
  const warnings = [];
  try {
    return { ok: run((warning) => warnings.push(warning.message)), warnings: warnings.length };
  } catch (error) {
    return { error: error.name, nearest: error.nearest, warnings: warnings.length };
  }
}

function create({ name, request }) {
  return outcome((warn) => {
    const { adapter, spec } = provider(name);
    const options = name === "veo-vertex" ? { project: "p" } : undefined;
    const instance = new adapter(spec, spec.defaultBaseUrl, spec.defaultModel, KEYS, { warn, env: {}, options });
    const image = request.image === undefined ? undefined : { kind: "url", url: request.image };
    const fitted = fit(name, { ...request, image }, spec.capabilities, instance.model, warn);
    const call = instance.create(fitted);
    const made = settings(fitted, spec.capabilities);
    return { method: call.method, url: call.url, json: call.json ?? null, settings: made };
  });
}

function estimate({ name, request }) {
  return outcome((warn) => {
    const { spec } = provider(name);
    const cost = estimateRequest(name, spec.capabilities, { prompt: "", model: spec.defaultModel, ...request }, warn);
    return { amount: cost.amountText, row: cost.priceRow, providerDefaults: cost.providerDefaults };
  });
}

function sora({ params }) {
  return outcome((warn) => fromSora(params, warn));
}

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));
const handlers = { create, estimate, sora };
console.log(JSON.stringify(input.map((item) => handlers[item.kind](item))));
