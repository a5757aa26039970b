// Veo 3.1 adapter against a stand-in of the Gemini API's long-running operations.
import assert from "node:assert/strict";
import { test } from "node:test";

import { UnsupportedFeature } from "sora-migrate-video-shim";

import { Harness, respond, withStandIns, type StandIn } from "./standin.js";

const OPERATION = "models/veo-3.1-generate-preview/operations/op1";
const CREATE = "/v1beta/models/veo-3.1-generate-preview:predictLongRunning";
const KEY = { GEMINI_API_KEY: "gk_test" };

function veo(api: StandIn, cdn: StandIn, final: unknown, env: Record<string, string> = KEY): Harness {
  api.check = (request) => assert.equal(request.headers["x-goog-api-key"], "gk_test");
  cdn.check = (request) => assert.equal(request.headers["x-goog-api-key"], undefined);
  api.on("POST", CREATE, { name: OPERATION });
  api.on("GET", `/v1beta/${OPERATION}`, { name: OPERATION }, { done: false }, final);
  return new Harness({ provider: "veo", env, baseUrls: { veo: api.url } });
}

function finished(uri: string): unknown {
  return { name: OPERATION, done: true, response: { generateVideoResponse: { generatedSamples: [{ video: { uri } }] } } };
}

test("the operation walks to success; the download sends the key to Google only", () =>
  withStandIns(2, async (api, cdn) => {
    const file = `${api.url}/v1beta/files/f1:download?alt=media`;
    const harness = veo(api, cdn, finished(file));
    api.on("GET", "/v1beta/files/f1:download?alt=media", respond(302, "", { location: `${cdn.url}/v.mp4` }));
    cdn.on("GET", "/v.mp4", respond(200, "VEO"));
    const job = await harness.client.generateVideo({ prompt: "surf", durationSeconds: 8, resolution: "1080p" });
    assert.deepEqual([job.id, job.status, job.videoUrl], [`veo:${OPERATION}`, "completed", file]);
    assert.deepEqual(api.body(0), {
      instances: [{ prompt: "surf" }],
      parameters: { durationSeconds: 8, resolution: "1080p" },
    });
    assert.deepEqual([job.aspectRatio, job.audio, job.providerDefaults], ["16:9", true, ["aspect_ratio", "audio"]]);
    const output = await harness.client.getVideoOutput(job.id);
    assert.equal(Buffer.from(await output.arrayBuffer()).toString(), "VEO");
    assert.equal(api.requests.at(-1)?.path, "/v1beta/files/f1:download?alt=media");
    assert.equal(cdn.requests.length, 1);
  }));

test("GOOGLE_API_KEY is accepted too", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = veo(api, cdn, { done: false }, { GOOGLE_API_KEY: "gk_test" });
    const job = await harness.client.createVideo({ prompt: "x", durationSeconds: 8 });
    assert.deepEqual([job.status, job.progress], ["pending", 0]);
    assert.equal((await harness.client.getJobStatus(job.id)).status, "processing");
  }));

const FAILURES: [string, unknown, string, string | undefined][] = [
  ["operation error", { done: true, error: { code: 3, message: "prompt rejected" } }, "prompt rejected", "3"],
  ["operation error without a code", { done: true, error: { message: "internal" } }, "internal", undefined],
  [
    "safety filter",
    { done: true, response: { generateVideoResponse: { raiMediaFilteredReasons: ["unsafe"] } } },
    "unsafe",
    "FILTERED",
  ],
];

for (const [name, final, message, code] of FAILURES) {
  test(`failure: ${name}`, () =>
    withStandIns(2, async (api, cdn) => {
      const job = await veo(api, cdn, final).client.generateVideo({ prompt: "surf", durationSeconds: 8 });
      assert.equal(job.status, "failed");
      assert.deepEqual(job.error, { message, code });
    }));
}

test("an inline image; cancel and image URLs are unsupported", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = veo(api, cdn, { done: false });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 100, 97, 116, 97]);
    await harness.client.createVideo({ prompt: "x", image: png, durationSeconds: 8 });
    const body = api.body(0) as { instances: { image: unknown }[] };
    assert.deepEqual(body.instances[0]?.image, {
      bytesBase64Encoded: Buffer.from(png).toString("base64"),
      mimeType: "image/png",
    });
    await assert.rejects(harness.client.cancelJob(`veo:${OPERATION}`), UnsupportedFeature);
    await assert.rejects(harness.client.createVideo({ prompt: "x", image: "https://img.test/a.png" }), /inline images/);
  }));

test("audio cannot be turned off", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = veo(api, cdn, { done: false });
    assert.equal(harness.client.supportsNativeAudio(), true);
    await harness.client.createVideo({ prompt: "x", durationSeconds: 8, audio: false });
    assert.deepEqual(harness.warnings, ["veo ignores audio=false: its videos always have sound"]);
  }));

test("extend passes the earlier video", () =>
  withStandIns(2, async (api, cdn) => {
    const file = `${cdn.url}/f1`;
    const harness = veo(api, cdn, finished(file));
    api.on("GET", `/v1beta/${OPERATION}`, finished(file));
    api.on("POST", CREATE, { name: "models/veo-3.1-generate-preview/operations/op2" });
    const job = await harness.client.extendVideo(`veo:${OPERATION}`, "on", 7);
    assert.deepEqual(harness.warnings, ["veo does not offer durationSeconds=7; using 8"]);
    assert.equal(job.id, "veo:models/veo-3.1-generate-preview/operations/op2");
    assert.deepEqual(api.body(-1), {
      instances: [{ prompt: "on", video: { uri: file } }],
      parameters: { durationSeconds: 8 },
    });
  }));

test("the model id is configurable", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1beta/models/veo-3.1-generate-001:predictLongRunning", { name: "op" });
    const env = { ...KEY, VIDEO_GENERATION_VEO_MODEL: "veo-3.1-generate-001", VIDEO_GENERATION_VEO_BASE_URL: api.url };
    const harness = new Harness({ provider: "veo", env });
    assert.equal((await harness.client.createVideo({ prompt: "x", durationSeconds: 8 })).id, "veo:op");
  }));

test("a retired model's error says how to switch", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = veo(api, cdn, {});
    api.on("POST", CREATE, respond(404, { error: { code: 404, message: "model is no longer available" } }));
    await assert.rejects(harness.client.createVideo({ prompt: "x", durationSeconds: 8 }), {
      name: "ProviderError",
      message: /no longer available; .* VIDEO_GENERATION_VEO_MODEL.*\(HTTP 404\)$/,
    });
  }));
