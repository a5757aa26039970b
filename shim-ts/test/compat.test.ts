// fromSora: the body of a Sora videos.create call becomes createVideo parameters at run time,
// or a typed error that names the value and the nearest supported ones.
import assert from "node:assert/strict";
import { test } from "node:test";

import { fromSora, ShimError, SoraValueError, VideoClient } from "sora-migrate-video-shim";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]);

test("sizes become an aspect ratio and a resolution", () => {
  const cases: [string, string, string][] = [
    ["1280x720", "16:9", "720p"],
    ["720x1280", "9:16", "720p"],
    ["1792x1024", "16:9", "1080p"],
    ["1024x1792", "9:16", "1080p"],
    ["1920x1080", "16:9", "1080p"],
    [" 1080X1920 ", "9:16", "1080p"],
  ];
  for (const [size, aspectRatio, resolution] of cases) {
    const params = fromSora({ prompt: "p", size });
    assert.deepEqual([params.aspectRatio, params.resolution], [aspectRatio, resolution], size);
  }
});

test("seconds become whole seconds", () => {
  for (const seconds of ["8", 8, 8.0, " 8"]) {
    assert.equal(fromSora({ prompt: "p", seconds }).durationSeconds, 8);
  }
  assert.equal(fromSora({ prompt: "p", seconds: "10" }).durationSeconds, 10); // the provider's to fit
});

test("missing values are Sora's defaults, and Sora model ids are dropped", () => {
  assert.deepEqual(fromSora({ prompt: "p", model: "sora-2-pro" }), {
    prompt: "p",
    durationSeconds: 4,
    aspectRatio: "9:16",
    resolution: "720p",
  });
  assert.equal(fromSora({ prompt: "p", model: "gen4.5" }).model, "gen4.5");
});

test("a params object typed as the Node SDK's maps the same way", () => {
  interface VideoCreateParams {
    prompt: string;
    model?: "sora-2" | "sora-2-pro" | (string & {});
    seconds?: "4" | "8" | "12";
    size?: "720x1280" | "1280x720" | "1024x1792" | "1792x1024";
    input_reference?: Blob;
  }
  const params: VideoCreateParams = { model: "sora-2", prompt: "boat", seconds: "12", size: "1280x720" };
  assert.deepEqual(fromSora(params), { prompt: "boat", durationSeconds: 12, aspectRatio: "16:9", resolution: "720p" });
});

test("the shim's own parameters pass through; HTTP options are dropped with a warning", () => {
  const warnings: string[] = [];
  const params = fromSora({ prompt: "p", audio: false, timeout: 30 }, (warning) => warnings.push(warning.message));
  assert.equal(params.audio, false);
  assert.ok(!("timeout" in params));
  assert.deepEqual(warnings, ["fromSora ignores timeout=30: an HTTP option of the OpenAI SDK"]);
});

test("input references become images", () => {
  const blob = new Blob([PNG], { type: "image/png" });
  const cases: [unknown, unknown][] = [
    ["https://example.com/a.png", "https://example.com/a.png"],
    ["data:image/png;base64,AAAA", "data:image/png;base64,AAAA"],
    [{ image_url: "https://example.com/b.png" }, "https://example.com/b.png"],
    [PNG, PNG],
    [PNG.buffer, PNG.buffer],
    [blob, blob],
    ["frames/first.png", "frames/first.png"],
  ];
  for (const [value, expected] of cases) {
    assert.equal(fromSora({ prompt: "p", input_reference: value }).image, expected);
  }
});

test("unmappable values throw a typed error naming the nearest supported ones", () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ size: "640x480" }, 'size="640x480" has no equivalent in the video shim; nearest supported: "1792x1024", "1280x720"'],
    [{ size: "hd" }, 'size="hd" has no equivalent in the video shim; nearest supported: "1280x720", "720x1280"'],
    [{ seconds: "7.5s" }, 'seconds="7.5s" has no equivalent'],
    [{ seconds: 7.5 }, 'seconds=7.5 has no equivalent in the video shim; nearest supported: "8", "4"'],
    [{ seconds: true }, "seconds=true has no equivalent"],
    [{ seconds: 0 }, "seconds=0 has no equivalent"],
    [{ input_reference: { file_id: "file_1" } }, "an OpenAI file id means nothing"],
    [{ input_reference: 42 }, "nearest supported: a URL, a path, bytes"],
    [{ poll_interval_ms: 500 }, "not an argument of videos.create"],
    [{ sizee: "1280x720" }, "nearest supported: size"],
  ];
  for (const [params, message] of cases) {
    assert.throws(() => fromSora({ prompt: "p", ...params }), (error: unknown) => {
      assert.ok(error instanceof SoraValueError && error instanceof ShimError, String(error));
      assert.ok(error.message.includes(message), `${error.message} / ${message}`);
      assert.equal(error.parameter, Object.keys(params)[0]);
      return true;
    });
  }
  assert.throws(() => fromSora({ seconds: "4" }), /prompt=undefined has no equivalent/);
});

test("a job started through fromSora reads like a Sora video", async () => {
  const warnings: string[] = [];
  const client = new VideoClient({ provider: "fake", env: {}, sleep: async () => undefined, onWarning: (w) => warnings.push(w.message) });
  const job = await client.generateVideo(fromSora({ prompt: "p", seconds: "8", size: "1280x720" }), { pollIntervalMs: 0 });
  assert.deepEqual(warnings, []);
  assert.deepEqual([job.status, job.progress, job.error], ["completed", 100, undefined]);
  assert.deepEqual([job.seconds, job.size, job.model, job.prompt], ["8", "1280x720", "fake-1", "p"]);
  assert.ok(Number.isInteger(job.createdAt));
  const read = await client.getJobStatus(job.id);
  assert.deepEqual([read.seconds, read.size, read.createdAt], [undefined, undefined, undefined]);
});

test("sizes are spelled like Sora's", async () => {
  const { frameSize } = await import("sora-migrate-video-shim/lib/jobs.js");
  assert.equal(frameSize("9:16", "1080p"), "1080x1920");
  assert.equal(frameSize("1:1", "540p"), "540x540");
  assert.equal(frameSize("21:9", "4k"), "5040x2160");
  assert.equal(frameSize("wide", "720p"), undefined);
});
