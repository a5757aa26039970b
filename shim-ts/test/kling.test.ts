// Kling adapter against a stand-in that verifies the JWT it receives.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";

import { Harness, respond, withStandIns, type Recorded, type StandIn } from "./standin.js";

const KEYS = { kling: { KLING_ACCESS_KEY: "ak_test", KLING_SECRET_KEY: "sk_test" } };

function decode(part: string): unknown {
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
}

function verifyToken(request: Recorded): void {
  const token = String(request.headers["authorization"]).replace(/^Bearer /, "");
  const [header, claims, signature] = token.split(".");
  const expected = createHmac("sha256", "sk_test").update(`${header}.${claims}`).digest("base64url");
  assert.equal(signature, expected);
  assert.deepEqual(decode(String(header)), { alg: "HS256", typ: "JWT" });
  const payload = decode(String(claims)) as { iss: string; nbf: number; exp: number };
  const now = Date.now() / 1000;
  assert.equal(payload.iss, "ak_test");
  assert.ok(payload.nbf <= now && now < payload.exp && payload.exp <= now + 1800);
}

function envelope(data: unknown): unknown {
  return { code: 0, message: "SUCCEED", request_id: "r", data };
}

function kling(api: StandIn, cdn: StandIn, final: unknown): Harness {
  api.check = verifyToken;
  cdn.check = (request) => assert.equal(request.headers["authorization"], undefined);
  api.on("POST", "/v1/videos/text2video", envelope({ task_id: "t1", task_status: "submitted" }));
  api.on(
    "GET",
    "/v1/videos/text2video/t1",
    envelope({ task_id: "t1", task_status: "submitted" }),
    envelope({ task_id: "t1", task_status: "processing" }),
    envelope(final),
  );
  return new Harness({ provider: "kling", apiKeys: KEYS, baseUrls: { kling: api.url } });
}

test("a task walks to success, then extends", () =>
  withStandIns(2, async (api, cdn) => {
    const final = {
      task_id: "t1",
      task_status: "succeed",
      task_result: { videos: [{ id: "vid1", url: `${cdn.url}/t1.mp4`, duration: "5.1" }] },
    };
    const harness = kling(api, cdn, final);
    cdn.on("GET", "/t1.mp4", respond(200, "KLING"));
    const job = await harness.client.generateVideo({ prompt: "a fox", durationSeconds: 8, audio: true });
    assert.deepEqual(harness.warnings, ["kling does not offer durationSeconds=8; using 10"]);
    assert.deepEqual([job.id, job.status, job.videoUrl], ["kling:text2video/t1", "completed", `${cdn.url}/t1.mp4`]);
    // no mode, no aspect_ratio: the caller chose neither
    assert.deepEqual(api.body(0), { model_name: "kling-v2-6", prompt: "a fox", duration: "10", sound: "on" });
    assert.deepEqual(
      [job.durationSeconds, job.aspectRatio, job.resolution, job.audio, job.providerDefaults],
      [10, "16:9", "720p", true, ["aspect_ratio", "resolution"]],
    );
    const output = await harness.client.getVideoOutput(job.id);
    assert.equal(new TextDecoder().decode(await output.bytes()), "KLING");
    api.on("POST", "/v1/videos/video-extend", envelope({ task_id: "t2", task_status: "submitted" }));
    const extended = await harness.client.extendVideo(job.id, "and then", 5);
    assert.equal(harness.warnings.at(-1), "kling ignores durationSeconds=5: video-extend has a fixed length");
    assert.equal(extended.id, "kling:video-extend/t2");
    assert.deepEqual(api.body(-1), { video_id: "vid1", prompt: "and then" });
    api.on("GET", "/v1/videos/video-extend/t2", envelope({ task_id: "t2", task_status: "processing" }));
    assert.equal((await harness.client.getJobStatus(extended.id)).status, "processing");
  }));

test("a failed task, and an error envelope with HTTP 200", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = kling(api, cdn, { task_id: "t1", task_status: "failed", task_status_msg: "risk control" });
    const job = await harness.client.generateVideo({ prompt: "a fox", durationSeconds: 5 });
    assert.deepEqual([job.status, job.error?.message], ["failed", "risk control"]);
    api.on("POST", "/v1/videos/text2video", { code: 1201, message: "invalid model", data: null });
    await assert.rejects(harness.client.createVideo({ prompt: "a fox", durationSeconds: 5 }), {
      name: "ProviderError",
      message: "kling: invalid model",
    });
  }));

test("image to video sends base64 and takes the shape from the image", () =>
  withStandIns(1, async (api) => {
    api.check = verifyToken;
    api.on("POST", "/v1/videos/image2video", envelope({ task_id: "i1", task_status: "submitted" }));
    api.on("GET", "/v1/videos/image2video/i1", envelope({ task_id: "i1", task_status: "processing" }));
    const env = { KLING_ACCESS_KEY: "ak_test", KLING_SECRET_KEY: "sk_test", VIDEO_GENERATION_KLING_BASE_URL: api.url };
    const harness = new Harness({ provider: "kling", env });
    const jpeg = new Uint8Array([0xff, 0xd8, 106, 112, 101, 103]);
    const job = await harness.client.createVideo({
      prompt: "a fox",
      image: new Blob([jpeg]),
      aspectRatio: "9:16",
      resolution: "1080p",
      audio: false,
    });
    assert.deepEqual(harness.warnings, ['kling ignores aspectRatio="9:16": the image sets the shape']);
    assert.equal(job.id, "kling:image2video/i1");
    assert.deepEqual(api.body(0), {
      model_name: "kling-v2-6",
      prompt: "a fox",
      mode: "pro",
      sound: "off",
      image: Buffer.from(jpeg).toString("base64"),
    });
    assert.deepEqual([job.aspectRatio, job.durationSeconds, job.providerDefaults], [undefined, 5, ["duration_seconds"]]);
    assert.equal((await harness.client.getJobStatus(job.id)).status, "processing");
  }));

test("an unknown task status is an error", () =>
  withStandIns(2, async (api, cdn) => {
    const harness = kling(api, cdn, { task_id: "t1", task_status: "queued" });
    await assert.rejects(harness.client.generateVideo({ prompt: "a fox", durationSeconds: 5 }), /unknown job status "queued"/);
  }));

test("both keys are required", async () => {
  const harness = new Harness({ provider: "kling", env: { KLING_ACCESS_KEY: "ak" } });
  await assert.rejects(harness.client.createVideo({ prompt: "x", durationSeconds: 5 }), {
    name: "ConfigurationError",
    message: "kling: set KLING_SECRET_KEY to use this provider",
  });
});

test("deleteVideo leaves a finished Kling video to expire (Kling has no delete)", () =>
  withStandIns(2, async (api, cdn) => {
    const final = { task_id: "t1", task_status: "succeed", task_result: { videos: [{ id: "v", url: `${cdn.url}/t1.mp4` }] } };
    const harness = kling(api, cdn, final);
    api.on("GET", "/v1/videos/text2video/t1", envelope(final));
    await harness.client.deleteVideo("kling:text2video/t1");
    assert.deepEqual(api.requests.map((request) => request.method), ["GET"]);
    assert.match(harness.logs.join("\n"), /kling keeps finished videos until they expire/);
  }));
