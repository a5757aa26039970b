// The offline fake provider: finishes after N polls and returns a real MP4 container.
import assert from "node:assert/strict";
import { test } from "node:test";

import { VideoClient } from "sora-migrate-video-shim";

import { Harness } from "./standin.js";

/** Top-level ISO BMFF boxes: type -> payload (sizes must tile the data exactly). */
function boxes(data: Uint8Array): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  while (offset < data.length) {
    const size = view.getUint32(offset);
    assert.ok(size >= 8);
    found.set(new TextDecoder().decode(data.subarray(offset + 4, offset + 8)), data.subarray(offset + 8, offset + size));
    offset += size;
  }
  assert.equal(offset, data.length);
  return found;
}

test("the video is an MP4 container of 4 seconds", async () => {
  const client = new VideoClient({ provider: "fake", env: {}, sleep: async () => undefined });
  const job = await client.generateVideo({ prompt: "x" }, { pollIntervalMs: 0 });
  const data = await (await client.getVideoOutput(job.id)).bytes();
  const top = boxes(data);
  assert.deepEqual([...top.keys()], ["ftyp", "moov", "mdat"]);
  assert.equal(new TextDecoder().decode(top.get("ftyp")?.subarray(0, 4)), "isom");
  const header = boxes(top.get("moov") as Uint8Array).get("mvhd") as Uint8Array;
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  assert.equal(view.getUint32(16) / view.getUint32(12), 4);
});

test("finishes after the configured polls, with no key and no network", async () => {
  const harness = new Harness({ provider: "fake", env: { VIDEO_GENERATION_FAKE_POLLS: "3" }, fetch: () => {
    throw new Error("the fake provider must not use the network");
  } });
  const job = await harness.client.generateVideo({ prompt: "a paper boat" }, { pollIntervalMs: 1000 });
  assert.deepEqual([job.status, job.progress, job.error], ["completed", 100, undefined]);
  assert.deepEqual(harness.sleeps, [1000, 1000, 1000, 1000]);
  const output = await harness.client.getVideoOutput(job.id);
  assert.match(output.url, /^http:\/\/fake-video-provider\.invalid\/jobs\/job_\d+\/content$/);
});

test("a bad VIDEO_GENERATION_FAKE_POLLS is a configuration error", async () => {
  const harness = new Harness({ provider: "fake", env: { VIDEO_GENERATION_FAKE_POLLS: "many" } });
  await assert.rejects(harness.client.createVideo({ prompt: "x" }), {
    name: "ConfigurationError",
    message: 'VIDEO_GENERATION_FAKE_POLLS must be a whole number, not "many"',
  });
});

test("cancel and extend", async () => {
  const harness = new Harness({ provider: "fake" });
  const running = await harness.client.createVideo({ prompt: "x" });
  await harness.client.cancelJob(running.id);
  const cancelled = await harness.client.getJobStatus(running.id);
  assert.deepEqual([cancelled.status, cancelled.error?.message], ["failed", "cancelled"]);
  const done = await harness.client.generateVideo({ prompt: "y" }, { pollIntervalMs: 0 });
  const extended = await harness.client.extendVideo(done.id, "more", 4);
  assert.equal(extended.provider, "fake");
  assert.notEqual(extended.id, done.id);
  await assert.rejects(harness.client.extendVideo(running.id, "more"), /only a finished video extends/);
});

test("capabilities and cost", () => {
  const client = new VideoClient({ provider: "fake" });
  assert.equal(client.supportsNativeAudio(), true);
  assert.equal(client.estimateCost({ durationSeconds: 8, resolution: "720p" }).amountText, "0.0000");
});

test("images of every kind are read", async () => {
  const { writeFile, mkdtemp } = await import("node:fs/promises");
  const { createReadStream } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const folder = await mkdtemp(join(tmpdir(), "shim-image-"));
  const path = join(folder, "first.png");
  await writeFile(path, new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  const harness = new Harness({ provider: "fake" });
  const inputs = [
    path,
    createReadStream(path),
    new Uint8Array([1, 2, 3]),
    new Uint8Array([1, 2, 3]).buffer,
    new Blob([new Uint8Array([1])], { type: "image/png" }),
    "data:image/png;base64,AAEC",
    "https://img.test/a.png",
  ];
  for (const image of inputs) {
    assert.equal((await harness.client.createVideo({ prompt: "x", image })).status, "pending");
  }
  await assert.rejects(harness.client.createVideo({ prompt: "x", image: join(folder, "missing.png") }), {
    name: "UnsupportedFeature",
    message: /cannot read the image file .*missing\.png/,
  });
});

test("a thumbnail where the provider returns one, as downloadContent's variant", async () => {
  const client = new VideoClient({ provider: "fake", env: {}, sleep: async () => undefined });
  const job = await client.generateVideo({ prompt: "x" }, { pollIntervalMs: 0 });
  for (const variant of ["thumbnail", { variant: "thumbnail" }] as const) {
    const still = await client.getVideoOutput(job.id, variant);
    assert.equal(still.headers.get("content-type"), "image/png");
    assert.deepEqual([...(await still.bytes()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  }
  const runway = new VideoClient({ provider: "runway", apiKeys: { runway: "rk" } });
  await assert.rejects(runway.getVideoOutput("runway:t", { variant: "thumbnail" }), {
    name: "UnsupportedFeature",
    message: /runway returns no thumbnail \(it returns: video\)/,
  });
});

test("deleteVideo cancels a running job and deletes a finished one where the provider can", async () => {
  const harness = new Harness({ provider: "fake" });
  const running = await harness.client.createVideo({ prompt: "x" });
  await harness.client.deleteVideo(running.id);
  assert.deepEqual((await harness.client.getJobStatus(running.id)).error?.message, "cancelled");
  const done = await harness.client.generateVideo({ prompt: "y" }, { pollIntervalMs: 0 });
  await harness.client.deleteVideo(done.id); // fake's cancel request also deletes
  assert.equal((await harness.client.getJobStatus(done.id)).status, "failed");
});
