// API keys never appear in an inspected client, an error message or a log line.
import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";

import { PROVIDERS, providerSpec, ProviderError, VideoClient } from "sora-migrate-video-shim";

import { Harness, respond, withStandIns, type Recorded } from "./standin.js";

const SECRET = "rk_live_SHOULD_NEVER_LEAK";
const REAL = PROVIDERS.filter((name) => name !== "fake");

function keys(name: string): Record<string, Record<string, string>> {
  return { [name]: Object.fromEntries(providerSpec(name).keyEnv.map((variable) => [variable, SECRET])) };
}

/** A provider that quotes the credentials it received back in its error. */
function echo(request: Recorded) {
  const sent = Object.entries(request.headers).map(([name, value]) => `${name}=${String(value)}`).join(" ");
  return respond(401, { error: `bad credentials ${sent} ${SECRET}` });
}

for (const name of REAL) {
  test(`an error echoing the key is redacted: ${name}`, () =>
    withStandIns(1, async (api) => {
      const vertex = { project: "p", accessToken: async () => SECRET };
      const harness = new Harness({ provider: name, apiKeys: keys(name), baseUrls: { [name]: api.url }, vertex });
      api.on("POST", "/v1/text_to_video", echo);
      api.on("POST", "/v1beta/models/veo-3.1-generate-preview:predictLongRunning", echo);
      api.on("POST", "/generations/video", echo);
      api.on("POST", "/fal-ai/pika/v2.2/text-to-video", echo);
      api.on("POST", "/v1/videos/text2video", echo);
      api.on("POST", "/v1beta1/projects/p/locations/global/publishers/google/models/veo-3.1-generate-001:predictLongRunning", echo);
      const error = await harness.client.createVideo({ prompt: "x" }).catch((caught: unknown) => caught);
      assert.ok(error instanceof ProviderError, String(error));
      assert.match(error.message, /bad credentials/);
      assert.match(error.message, /\*\*\*/);
      for (const text of [error.message, String(error.stack), inspect(error), inspect(harness.client, { showHidden: true }), harness.logs.join("\n")]) {
        assert.ok(!text.includes(SECRET), text);
      }
      if (name === "kling") {
        assert.doesNotMatch(error.message, /Bearer ey/); // the signed token is masked too
      }
    }));
}

test("the fallback log holds no key", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", echo);
    const harness = new Harness({ provider: "runway", fallbackProvider: "fake", apiKeys: keys("runway"), baseUrls: { runway: api.url } });
    const job = await harness.client.createVideo({ prompt: "x", durationSeconds: 8 });
    assert.equal(job.provider, "fake");
    assert.match(harness.logs.join("\n"), /bad credentials/);
    assert.ok(!harness.logs.join("\n").includes(SECRET));
  }));

test("clients hold no key where inspection shows it", () => {
  for (const name of PROVIDERS) {
    const client = new VideoClient({ provider: name, apiKeys: keys(name) });
    assert.ok(!inspect(client, { showHidden: true, depth: 10 }).includes(SECRET));
    assert.ok(!String(client).includes(SECRET));
    assert.ok(!JSON.stringify(client).includes(SECRET));
  }
});
