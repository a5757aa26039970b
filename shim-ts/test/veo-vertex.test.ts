// Veo 3.1 on Vertex AI against stand-ins of aiplatform.googleapis.com and Cloud Storage.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ConfigurationError } from "sora-migrate-video-shim";

import { Harness, respond, withStandIns, type StandIn } from "./standin.js";

const MODEL = "projects/p/locations/us-central1/publishers/google/models/veo-3.1-generate-001";
const OPERATION = `${MODEL}/operations/op1`;
const TOKEN = "ya29.test-token";

/** fetch that sends Google's hosts to the stand-ins (the regional endpoint and Cloud Storage). */
function routed(api: StandIn, storage: StandIn): typeof fetch {
  return (input, init) => {
    const url = String(input)
      .replace("https://us-central1-aiplatform.googleapis.com", api.url)
      .replace("https://storage.googleapis.com", storage.url);
    return fetch(url, init);
  };
}

function vertex(api: StandIn, storage: StandIn, final: unknown, storageUri?: string): Harness {
  api.check = (request) => assert.equal(request.headers["authorization"], `Bearer ${TOKEN}`);
  storage.check = api.check;
  api.on("POST", `/v1beta1/${MODEL}:predictLongRunning`, { name: OPERATION });
  api.on("POST", `/v1beta1/${MODEL}:fetchPredictOperation`, { name: OPERATION, done: false }, final);
  let calls = 0;
  const env = { GOOGLE_CLOUD_PROJECT: "p", GOOGLE_CLOUD_LOCATION: "us-central1" };
  return new Harness({
    provider: "veo-vertex",
    env: storageUri === undefined ? env : { ...env, VIDEO_GENERATION_VEO_VERTEX_STORAGE_URI: storageUri },
    fetch: routed(api, storage),
    vertex: {
      accessToken: async () => {
        calls += 1;
        return calls > 0 ? TOKEN : "";
      },
    },
  });
}

test("an operation on the regional endpoint walks to an inline video", () =>
  withStandIns(2, async (api, storage) => {
    const video = Buffer.from("VERTEX").toString("base64");
    const final = { name: OPERATION, done: true, response: { videos: [{ bytesBase64Encoded: video, mimeType: "video/mp4" }] } };
    const harness = vertex(api, storage, final);
    const job = await harness.client.generateVideo({ prompt: "surf", durationSeconds: 8, audio: false });
    assert.deepEqual(api.body(0), { instances: [{ prompt: "surf" }], parameters: { durationSeconds: 8, generateAudio: false } });
    assert.deepEqual(api.body(1), { operationName: OPERATION });
    assert.deepEqual([job.id, job.status, job.videoUrl], [`veo-vertex:${OPERATION}`, "completed", `data:video/mp4;base64,${video}`]);
    assert.deepEqual([job.audio, job.providerDefaults], [false, ["aspect_ratio", "resolution"]]);
    const output = await harness.client.getVideoOutput(job.id);
    assert.equal(new TextDecoder().decode(await output.bytes()), "VERTEX");
    assert.equal(storage.requests.length, 0);
  }));

test("with a bucket, the gs:// video is downloaded through Cloud Storage with the token", () =>
  withStandIns(2, async (api, storage) => {
    const final = { done: true, response: { videos: [{ gcsUri: "gs://bucket/out/v 1.mp4", mimeType: "video/mp4" }] } };
    const harness = vertex(api, storage, final, "gs://bucket/out/");
    storage.on("GET", "/download/storage/v1/b/bucket/o/out%2Fv%201.mp4?alt=media", respond(200, "GCS"));
    const job = await harness.client.generateVideo({ prompt: "surf" });
    assert.deepEqual(api.body(0), { instances: [{ prompt: "surf" }], parameters: { storageUri: "gs://bucket/out/" } });
    assert.equal(job.videoUrl, "gs://bucket/out/v 1.mp4");
    const output = await harness.client.getVideoOutput(job.id);
    assert.equal(new TextDecoder().decode(await output.bytes()), "GCS");
  }));

test("extend sends the earlier video; images may be gs:// URIs but not https URLs", () =>
  withStandIns(2, async (api, storage) => {
    const final = { done: true, response: { videos: [{ gcsUri: "gs://bucket/v.mp4" }] } };
    const harness = vertex(api, storage, final);
    api.on("POST", `/v1beta1/${MODEL}:fetchPredictOperation`, final);
    const job = await harness.client.extendVideo(`veo-vertex:${OPERATION}`, "on");
    assert.equal(job.id, `veo-vertex:${OPERATION}`);
    assert.deepEqual(api.body(-1), { instances: [{ prompt: "on", video: { gcsUri: "gs://bucket/v.mp4", mimeType: "video/mp4" } }] });
    await harness.client.createVideo({ prompt: "x", image: "gs://bucket/first.png" });
    assert.deepEqual((api.body(-1) as { instances: unknown[] }).instances[0], {
      prompt: "x",
      image: { gcsUri: "gs://bucket/first.png", mimeType: "image/png" },
    });
    await assert.rejects(harness.client.createVideo({ prompt: "x", image: "https://img.test/a.png" }), /inline images or gs:\/\/ URIs/);
  }));

test("without a token function or a project the error says what to give", async () => {
  const noToken = new Harness({ provider: "veo-vertex", env: { GOOGLE_CLOUD_PROJECT: "p" } });
  await assert.rejects(noToken.client.createVideo({ prompt: "x" }), (error: unknown) => {
    assert.ok(error instanceof ConfigurationError);
    assert.match(error.message, /vertex: \{ accessToken \}/);
    return true;
  });
  const noProject = new Harness({ provider: "veo-vertex", vertex: { accessToken: "t" } });
  await assert.rejects(noProject.client.createVideo({ prompt: "x" }), /set GOOGLE_CLOUD_PROJECT/);
});

test("a 404 on predict names the location and the model variable", () =>
  withStandIns(2, async (api, storage) => {
    const harness = vertex(api, storage, {});
    api.on("POST", `/v1beta1/${MODEL}:predictLongRunning`, respond(404, { error: { message: "not found" } }));
    await assert.rejects(harness.client.createVideo({ prompt: "x" }), /offered in location "us-central1"\? Set GOOGLE_CLOUD_LOCATION/);
  }));
