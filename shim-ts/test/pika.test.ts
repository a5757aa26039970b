// Pika 2.2 through a stand-in of the fal.ai queue: status and result URLs come from submit.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ConfigurationError } from "sora-migrate-video-shim";

import { Harness, respond, withStandIns, type Answer, type StandIn } from "./standin.js";

function submit(api: StandIn, id = "req1") {
  return {
    request_id: id,
    status_url: `${api.url}/fal-ai/pika/requests/${id}/status?from=submit`,
    response_url: `${api.url}/fal-ai/pika/requests/${id}?from=submit`,
    cancel_url: `${api.url}/fal-ai/pika/requests/${id}/cancel?from=submit`,
    queue_position: 0,
  };
}

function pika(api: StandIn, cdn: StandIn, result: Answer, endpoint = "text-to-video", id = "req1"): Harness {
  api.check = (request) => assert.equal(request.headers["authorization"], "Key fal_test");
  cdn.check = (request) => assert.equal(request.headers["authorization"], undefined);
  api.on("POST", `/fal-ai/pika/v2.2/${endpoint}`, submit(api, id));
  api.on(
    "GET",
    `/fal-ai/pika/requests/${id}/status?from=submit`,
    { status: "IN_QUEUE", queue_position: 2 },
    { status: "IN_PROGRESS" },
    { status: "COMPLETED" },
  );
  api.on("GET", `/fal-ai/pika/requests/${id}?from=submit`, result);
  return new Harness({ provider: "pika", env: { FAL_KEY: "fal_test" }, baseUrls: { pika: api.url } });
}

test("the queue walks to success using the URLs that submit returned", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = pika(api, cdn, { video: { url: `${cdn.url}/out.mp4` } });
    cdn.on("GET", "/out.mp4", respond(200, "PIKA"));
    const job = await harness.client.generateVideo({ prompt: "neon city", durationSeconds: 10, resolution: "1080p" });
    assert.deepEqual([job.id, job.status, job.videoUrl], ["pika:req1", "completed", `${cdn.url}/out.mp4`]);
    assert.deepEqual(api.body(0), { prompt: "neon city", resolution: "1080p", duration: 10 });
    assert.deepEqual([job.aspectRatio, job.providerDefaults], ["16:9", ["aspect_ratio"]]);
    assert.ok(api.requests.slice(1).every((request) => request.path.includes("from=submit")));
    const output = await harness.client.getVideoOutput(job.id);
    assert.equal(new TextDecoder().decode(await output.bytes()), "PIKA");
  }));

test("queue statuses map to shim statuses", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = pika(api, cdn, { video: { url: `${cdn.url}/out.mp4` } }, "text-to-video", "req2");
    await harness.client.createVideo({ prompt: "x", durationSeconds: 5 });
    const statuses = [];
    for (let poll = 0; poll < 3; poll += 1) {
      statuses.push((await harness.client.getJobStatus("pika:req2")).status);
    }
    assert.deepEqual(statuses, ["pending", "processing", "completed"]);
  }));

test("a failure surfaces from the result request", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = pika(api, cdn, respond(422, { detail: "prompt flagged" }), "text-to-video", "req3");
    const job = await harness.client.generateVideo({ prompt: "neon city", durationSeconds: 5 });
    assert.deepEqual([job.status, job.error?.message], ["failed", "prompt flagged"]);
  }));

test("an unknown queue status is an error", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = pika(api, cdn, {}, "text-to-video", "req4");
    api.on("GET", "/fal-ai/pika/requests/req4/status?from=submit", { status: "SLEEPING" });
    await assert.rejects(harness.client.generateVideo({ prompt: "x", durationSeconds: 5 }), /unknown job status "SLEEPING"/);
  }));

test("image to video takes its shape from the image", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = pika(api, cdn, {}, "image-to-video", "req5");
    await harness.client.createVideo({ prompt: "x", image: "https://img.test/a.png", aspectRatio: "9:16" });
    assert.deepEqual(harness.warnings, ['pika ignores aspectRatio="9:16": the image sets the shape']);
    assert.deepEqual(api.body(0), { prompt: "x", image_url: "https://img.test/a.png" });
  }));

test("cancel uses the cancel URL", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = pika(api, cdn, {}, "text-to-video", "req6");
    api.on("PUT", "/fal-ai/pika/requests/req6/cancel?from=submit", { status: "CANCELLATION_REQUESTED" });
    const job = await harness.client.createVideo({ prompt: "x", durationSeconds: 5 });
    await harness.client.cancelJob(job.id);
    assert.equal(api.requests.at(-1)?.method, "PUT");
  }));

test("a request submitted elsewhere is read at fal's owner/app URL", () =>
  withStandIns(1, async (api) => {
    api.on("GET", "/fal-ai/pika/requests/other/status", { status: "IN_PROGRESS" });
    const harness = new Harness({ provider: "pika", env: { FAL_KEY: "fal_test" }, baseUrls: { pika: api.url } });
    assert.equal((await harness.client.getJobStatus("pika:other")).status, "processing");
  }));

test("a missing key names the variable", async () => {
  const harness = new Harness({ provider: "pika" });
  await assert.rejects(harness.client.createVideo({ prompt: "x" }), (error: unknown) => {
    assert.ok(error instanceof ConfigurationError);
    assert.equal(error.message, "pika: set FAL_KEY to use this provider");
    return true;
  });
});
