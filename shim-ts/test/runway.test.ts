// Runway adapter against a stand-in of api.dev.runwayml.com.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ProviderError, UnsupportedFeature } from "sora-migrate-video-shim";

import { Harness, respond, withStandIns, type StandIn } from "./standin.js";

const KEYS = { runway: { RUNWAYML_API_SECRET: "rk_test_secret" } };

function runway(api: StandIn, cdn: StandIn, final: unknown): Harness {
  api.check = (request) => {
    assert.equal(request.headers["authorization"], "Bearer rk_test_secret");
    assert.equal(request.headers["x-runway-version"], "2024-11-06");
  };
  cdn.check = (request) => assert.equal(request.headers["authorization"], undefined);
  api.on("POST", "/v1/text_to_video", { id: "task_1" });
  api.on(
    "GET",
    "/v1/tasks/task_1",
    { id: "task_1", status: "PENDING" },
    { id: "task_1", status: "THROTTLED" },
    { id: "task_1", status: "RUNNING", progress: 0.4 },
    final,
  );
  return new Harness({ provider: "runway", apiKeys: KEYS, baseUrls: { runway: api.url } });
}

test("text to video walks to success and downloads without the key", () =>
  withStandIns(2, async (api, cdn) => {
    const final = { id: "task_1", status: "SUCCEEDED", output: [`${cdn.url}/v.mp4`] };
    const harness = runway(api, cdn, final);
    cdn.on("GET", "/v.mp4", respond(200, "MP4DATA"));
    const job = await harness.client.generateVideo({ prompt: "a kite", durationSeconds: 8, aspectRatio: "9:16" });
    assert.deepEqual(
      [job.id, job.status, job.progress, job.error, job.videoUrl, job.model],
      ["runway:task_1", "completed", 100, undefined, `${cdn.url}/v.mp4`, "gen4.5"],
    );
    assert.deepEqual(api.body(0), { model: "gen4.5", promptText: "a kite", ratio: "720:1280", duration: 8 });
    assert.equal(api.requests[0]?.headers["content-type"], "application/json");
    assert.deepEqual(harness.sleeps, [5000, 5000, 5000, 5000]);
    const output = await harness.client.getVideoOutput(job.id);
    assert.equal(new TextDecoder().decode(await output.bytes()), "MP4DATA");
  }));

test("each status value maps to a shim status", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = runway(api, cdn, { id: "task_1", status: "CANCELLED" });
    await harness.client.createVideo({ prompt: "a kite", durationSeconds: 5 });
    const seen = [];
    for (let poll = 0; poll < 4; poll += 1) {
      seen.push(await harness.client.getJobStatus("runway:task_1"));
    }
    assert.deepEqual(
      seen.map((job) => [job.status, job.progress]),
      [["pending", 0], ["pending", 0], ["processing", 40], ["failed", 0]],
    );
    assert.deepEqual(seen[3]?.error, { message: "cancelled", code: "CANCELLED" });
    assert.deepEqual(seen[2]?.raw, { id: "task_1", status: "RUNNING", progress: 0.4 });
  }));

test("a failure keeps the provider's message", () =>
  withStandIns(2, async (api, cdn) => {
    const final = { id: "task_1", status: "FAILED", failure: "blocked", failureCode: "SAFETY.INPUT.TEXT" };
    const job = await runway(api, cdn, final).client.generateVideo({ prompt: "a kite", durationSeconds: 5 });
    assert.equal(job.status, "failed");
    assert.deepEqual(job.error, { message: "blocked", code: "SAFETY.INPUT.TEXT" });
  }));

test("image to video sends a data URI, and cancel deletes the task", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = runway(api, cdn, {});
    api.on("POST", "/v1/image_to_video", { id: "task_9" });
    api.on("DELETE", "/v1/tasks/task_9", respond(204));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 120, 120]);
    const job = await harness.client.createVideo({ prompt: "move", image: png, durationSeconds: 5 });
    const body = api.body(0) as Record<string, string>;
    assert.equal(body["promptImage"], `data:image/png;base64,${Buffer.from(png).toString("base64")}`);
    assert.equal(body["ratio"], "1280:720");
    await harness.client.cancelJob(job.id);
    assert.equal(api.requests.at(-1)?.method, "DELETE");
  }));

test("an unknown status is an error, not a guess", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = runway(api, cdn, {});
    api.on("GET", "/v1/tasks/task_1", { id: "task_1", status: "PAUSED" });
    await assert.rejects(harness.client.getJobStatus("runway:task_1"), {
      name: "ProviderError",
      message: 'runway: unknown job status "PAUSED"',
    });
  }));

test("success without an output is an error", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = runway(api, cdn, {});
    api.on("GET", "/v1/tasks/task_1", { id: "task_1", status: "SUCCEEDED" });
    await assert.rejects(harness.client.getJobStatus("runway:task_1"), (error: unknown) => {
      assert.ok(error instanceof ProviderError);
      assert.match(error.message, /response has no output/);
      return true;
    });
  }));

test("values Runway does not offer are mapped with warnings", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = runway(api, cdn, {});
    await harness.client.createVideo({ prompt: "x", durationSeconds: 12, aspectRatio: "1:1", resolution: "1080p" });
    assert.deepEqual(harness.warnings, [
      "runway does not offer durationSeconds=12; using 10",
      'runway does not offer aspectRatio="1:1"; using "16:9"',
      'runway does not offer resolution="1080p"; using "720p"',
    ]);
    const body = api.body(0) as Record<string, unknown>;
    assert.deepEqual([body["duration"], body["ratio"]], [10, "1280:720"]);
  }));

test("extend and audio are unsupported", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = runway(api, cdn, {});
    await assert.rejects(harness.client.extendVideo("runway:task_1", "more"), UnsupportedFeature);
    await assert.rejects(harness.client.createVideo({ prompt: "x", audio: true }), /audio/);
    assert.equal(api.requests.length, 0);
  }));
