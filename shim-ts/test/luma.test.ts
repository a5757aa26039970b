// Luma Dream Machine adapter against a stand-in of api.lumalabs.ai.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Harness, respond, withStandIns, type StandIn } from "./standin.js";

function luma(api: StandIn, cdn: StandIn, final: unknown): Harness {
  api.check = (request) => assert.equal(request.headers["authorization"], "Bearer luma_test");
  cdn.check = (request) => assert.equal(request.headers["authorization"], undefined);
  api.on("POST", "/generations/video", { id: "gen1", state: "queued" });
  api.on("GET", "/generations/gen1", { id: "gen1", state: "dreaming" }, final);
  return new Harness({ provider: "luma", apiKeys: { luma: "luma_test" }, baseUrls: { luma: api.url } });
}

test("a generation walks to success with a mapped duration", () =>
  withStandIns(2, async (api, cdn) => {
    const assets = { video: `${cdn.url}/g.mp4`, image: `${cdn.url}/g.jpg` };
    const harness = luma(api, cdn, { id: "gen1", state: "completed", assets });
    cdn.on("GET", "/g.mp4", respond(200, "RAY"));
    cdn.on("GET", "/g.jpg", respond(200, "STILL"));
    const job = await harness.client.generateVideo({ prompt: "dunes", durationSeconds: 8, resolution: "1080p" });
    assert.deepEqual(harness.warnings, ["luma does not offer durationSeconds=8; using 9"]);
    assert.deepEqual([job.id, job.status, job.videoUrl], ["luma:gen1", "completed", `${cdn.url}/g.mp4`]);
    assert.deepEqual(api.body(0), { model: "ray-2", prompt: "dunes", duration: "9s", resolution: "1080p" });
    assert.deepEqual([job.aspectRatio, job.providerDefaults], ["16:9", ["aspect_ratio"]]);
    const output = await harness.client.getVideoOutput(job.id);
    assert.equal(await (await output.blob()).text(), "RAY");
    const still = await harness.client.getVideoOutput(job.id, "thumbnail");
    assert.equal(await (await still.blob()).text(), "STILL");
  }));

test("states map to shim statuses; a failure keeps its reason", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = luma(api, cdn, { id: "gen1", state: "failed", failure_reason: "nsfw" });
    const created = await harness.client.createVideo({ prompt: "dunes", durationSeconds: 5 });
    const running = await harness.client.getJobStatus(created.id);
    assert.deepEqual([created.status, running.status], ["pending", "processing"]);
    const failed = await harness.client.getJobStatus(created.id);
    assert.deepEqual([failed.status, failed.error?.message], ["failed", "nsfw"]);
  }));

test("an unknown state is an error", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = luma(api, cdn, { id: "gen1", state: "paused" });
    await assert.rejects(harness.client.generateVideo({ prompt: "dunes", durationSeconds: 5 }), /unknown job status "paused"/);
  }));

test("extend uses the earlier generation as first keyframe; delete is the cancel", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = luma(api, cdn, {});
    api.on("GET", "/generations/gen1", { id: "gen1", state: "completed", assets: { video: `${cdn.url}/g.mp4` } });
    api.on("POST", "/generations/video", { id: "gen2", state: "queued" });
    api.on("DELETE", "/generations/gen2", respond(204));
    const job = await harness.client.extendVideo("luma:gen1", "keep going", 10);
    assert.deepEqual(harness.warnings, ["luma does not offer durationSeconds=10; using 9"]);
    assert.equal(job.id, "luma:gen2");
    assert.deepEqual(api.body(-1), {
      model: "ray-2",
      prompt: "keep going",
      keyframes: { frame0: { type: "generation", id: "gen1" } },
      duration: "9s",
    });
    await harness.client.cancelJob(job.id);
    assert.equal(api.requests.at(-1)?.method, "DELETE");
  }));

test("the image must be a URL, and an aspect ratio is mapped to the nearest", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = luma(api, cdn, {});
    await assert.rejects(
      harness.client.createVideo({ prompt: "x", image: new Uint8Array([1, 2]), durationSeconds: 5 }),
      /https URL/,
    );
    await harness.client.createVideo({ prompt: "x", aspectRatio: "12:5", durationSeconds: 5 });
    assert.deepEqual(harness.warnings, ['luma does not offer aspectRatio="12:5"; using "21:9"']);
    await harness.client.createVideo({ prompt: "x", image: "https://img.test/a.png", durationSeconds: 5 });
    assert.deepEqual((api.body(-1) as Record<string, unknown>)["keyframes"], {
      frame0: { type: "image", url: "https://img.test/a.png" },
    });
  }));
