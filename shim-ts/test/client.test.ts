// What the client does for every provider: retries, timeouts, fallback, shadow, configuration,
// waiting and downloads.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  ConfigurationError,
  JobFailed,
  parseRetryAfter,
  ProviderError,
  RetryPolicy,
  Timeout,
  VideoClient,
  type VideoClientOptions,
} from "sora-migrate-video-shim";

import { HANG, Harness, respond, withStandIns, type StandIn } from "./standin.js";

const KEYS = { runway: { RUNWAYML_API_SECRET: "rk_test_secret" } };

function runway(api: StandIn, options: VideoClientOptions = {}): Harness {
  return new Harness({ provider: "runway", apiKeys: KEYS, baseUrls: { runway: api.url }, ...options });
}

test("429 waits for Retry-After", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", respond(429, "", { "retry-after": "7" }), { id: "t" });
    const harness = runway(api);
    assert.equal((await harness.client.createVideo({ prompt: "x", durationSeconds: 8 })).id, "runway:t");
    assert.deepEqual(harness.sleeps, [7000]);
  }));

test("a Retry-After longer than the longest delay gives up at once", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", respond(429, { error: "daily quota" }, { "retry-after": "3600" }), { id: "t" });
    const harness = runway(api);
    await assert.rejects(harness.client.createVideo({ prompt: "x", durationSeconds: 8 }), (error: unknown) => {
      assert.ok(error instanceof ProviderError);
      assert.equal(error.statusCode, 429);
      assert.equal(error.message, "runway: daily quota (HTTP 429)");
      return true;
    });
    assert.deepEqual(harness.sleeps, []);
  }));

test("5xx backs off exponentially, then gives up", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", respond(503), respond(500), respond(502), respond(500));
    const retry = new RetryPolicy({ maxAttempts: 4, baseDelayMs: 1000, random: () => 1 });
    const harness = runway(api, { retry });
    await assert.rejects(harness.client.createVideo({ prompt: "x", durationSeconds: 8 }), { statusCode: 500 });
    assert.deepEqual(harness.sleeps, [1000, 2000, 4000]);
    assert.equal(api.requests.length, 4);
  }));

test("backoff, jitter and Retry-After parsing", () => {
  assert.equal(new RetryPolicy({ baseDelayMs: 2000, random: () => 0 }).backoff(2), 4000);
  assert.ok(Math.abs(new RetryPolicy({ baseDelayMs: 2000, random: () => 0.999 }).backoff(2) - 8000) < 8);
  assert.equal(new RetryPolicy({ baseDelayMs: 2000, maxDelayMs: 5000, random: () => 1 }).backoff(9), 5000);
  assert.equal(parseRetryAfter("12"), 12000);
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.UTC(2015, 9, 21, 7, 27, 50)), 10000);
  assert.equal(parseRetryAfter("soon"), undefined);
  const policy = new RetryPolicy({ random: () => 0 });
  for (const [status, retried] of [[429, true], [500, true], [503, true], [599, true], [400, false], [404, false]] as const) {
    assert.equal(policy.afterStatus(status, 0) !== undefined, retried, String(status));
  }
});

test("request timeouts are retried, then throw Timeout", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", HANG);
    // long enough for a loaded machine to deliver both requests before the client gives up
    const harness = runway(api, { retry: new RetryPolicy({ maxAttempts: 2, random: () => 0 }), timeoutMs: 1000 });
    await assert.rejects(harness.client.createVideo({ prompt: "x", durationSeconds: 8 }), (error: unknown) => {
      assert.ok(error instanceof Timeout);
      assert.equal(error.message, "runway: no answer within 1 s");
      return true;
    });
    assert.equal(api.requests.length, 2);
    assert.deepEqual(harness.sleeps, [250]);
  }));

test("connection errors are provider errors", async () => {
  const closed = await withStandIns(1, async (api) => api.url);
  const harness = new Harness({ provider: "runway", apiKeys: KEYS, baseUrls: { runway: closed } });
  await assert.rejects(harness.client.createVideo({ prompt: "x", durationSeconds: 8 }), {
    name: "ProviderError",
    message: /^runway: connection failed: fetch failed/,
  });
});

test("client errors are not retried", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", respond(400, { error: "promptText is too long" }));
    const harness = runway(api);
    await assert.rejects(harness.client.createVideo({ prompt: "x", durationSeconds: 8 }), /promptText is too long/);
    assert.deepEqual(harness.sleeps, []);
  }));

test("after a failure the fallback runs the job, and later calls follow the job id", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", respond(400, { error: "out of credits" }));
    const harness = runway(api, { fallbackProvider: "fake" });
    const job = await harness.client.createVideo({ prompt: "x", durationSeconds: 8 });
    assert.match(job.id, /^fake:/);
    assert.match(harness.logs.join("\n"), /WARNING video provider runway failed \(runway: out of credits \(HTTP 400\)\); falling back to fake/);
    assert.equal((await harness.client.getJobStatus(job.id)).provider, "fake");
  }));

test("a missing primary key falls back too", async () => {
  const harness = new Harness({ provider: "runway", fallbackProvider: "fake" });
  assert.equal((await harness.client.createVideo({ prompt: "x" })).provider, "fake");
});

test("the fallback comes from the environment", async () => {
  const harness = new Harness({ env: { VIDEO_GENERATION_PROVIDER: "runway", VIDEO_GENERATION_FALLBACK_PROVIDER: "fake" } });
  assert.equal((await harness.client.createVideo({ prompt: "x" })).provider, "fake");
});

test("the model argument goes to the primary provider only", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", { id: "t" });
    const harness = runway(api, { fallbackProvider: "fake" });
    let job = await harness.client.createVideo({ prompt: "x", durationSeconds: 5, model: "gen4_turbo" });
    assert.deepEqual([(api.body(0) as Record<string, unknown>)["model"], job.model], ["gen4_turbo", "gen4_turbo"]);
    api.on("POST", "/v1/text_to_video", respond(400, { error: "no" }));
    job = await harness.client.createVideo({ prompt: "x", durationSeconds: 4, model: "gen4_turbo" });
    assert.deepEqual([job.provider, job.model], ["fake", "fake-1"]);
    assert.ok(harness.logs.includes('INFO model="gen4_turbo" is for the primary provider; fake uses fake-1'));
  }));

test("shadow mode does not change the result; its mapping is logged, not warned", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", { id: "t" });
    const harness = runway(api, { shadowProvider: "fake", shadowFraction: 1 });
    const job = await harness.client.createVideo({ prompt: "x", durationSeconds: 5 });
    assert.equal(job.id, "runway:t");
    assert.deepEqual(harness.warnings, []);
    const logs = harness.logs.join("\n");
    assert.match(logs, /INFO shadow video job fake:job_\d+ started on fake/);
    assert.match(logs, /fake does not offer durationSeconds=5; using 4/);
  }));

test("a shadow failure is logged and ignored", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", { id: "t" });
    const harness = runway(api, { shadowProvider: "luma", shadowFraction: 1 });
    assert.equal((await harness.client.createVideo({ prompt: "x", durationSeconds: 8 })).id, "runway:t");
    assert.match(harness.logs.join("\n"), /WARNING shadow video provider luma failed: luma: set LUMAAI_API_KEY/);
  }));

test("the shadow fraction samples requests, and comes from the environment", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", { id: "t" });
    const draws = [0.05, 0.5];
    const env = { VIDEO_GENERATION_SHADOW_PROVIDER: "fake", VIDEO_GENERATION_SHADOW_FRACTION: "0.1" };
    const harness = runway(api, { env, random: () => draws.shift() ?? 1 });
    await harness.client.createVideo({ prompt: "x", durationSeconds: 8 });
    await harness.client.createVideo({ prompt: "y", durationSeconds: 8 });
    assert.equal(harness.logs.filter((line) => line.includes("shadow video job")).length, 1);
  }));

test("generateVideo polls once more at the deadline, then throws Timeout", () =>
  withStandIns(1, async (api) => {
    const done = { id: "t", status: "SUCCEEDED", output: ["https://cdn.test/t.mp4"] };
    api.on("POST", "/v1/text_to_video", { id: "t" });
    api.on("GET", "/v1/tasks/t", { id: "t", status: "RUNNING" });
    const harness = runway(api);
    const wait = { pollIntervalMs: 10_000, timeoutMs: 15_000 };
    await assert.rejects(harness.client.generateVideo({ prompt: "x", durationSeconds: 8 }, wait), {
      name: "Timeout",
      message: "job runway:t did not finish within 15 s (last: processing)",
    });
    assert.deepEqual(harness.sleeps, [10_000, 5000]);
    api.on("GET", "/v1/tasks/t", { id: "t", status: "RUNNING" }, done);
    const job = await harness.client.generateVideo({ prompt: "x", durationSeconds: 8 }, wait);
    assert.deepEqual([job.status, job.model], ["completed", "gen4.5"]);
  }));

test("wait polls an existing job until it ends", () =>
  withStandIns(1, async (api) => {
    const done = { id: "t", status: "SUCCEEDED", output: ["https://cdn.test/t.mp4"] };
    api.on("GET", "/v1/tasks/t", { id: "t", status: "PENDING" }, { id: "t", status: "RUNNING", progress: 0.5 }, done);
    const harness = runway(api);
    const job = await harness.client.wait("runway:t", { pollIntervalMs: 2000 });
    assert.deepEqual([job.status, job.videoUrl], ["completed", "https://cdn.test/t.mp4"]);
    assert.deepEqual(harness.sleeps, [2000, 2000]);
    const finished = await harness.client.wait("runway:t");
    assert.equal(finished.status, "completed");
    assert.deepEqual(harness.sleeps, [2000, 2000]);
  }));

test("the output of a failed job throws JobFailed; of a running one, ProviderError", async () => {
  const harness = new Harness({ provider: "fake" });
  const job = await harness.client.generateVideo({ prompt: "[fail] x" }, { pollIntervalMs: 0 });
  assert.deepEqual([job.status, job.error?.message], ["failed", "the fake provider rejected the prompt"]);
  await assert.rejects(harness.client.getVideoOutput(job.id), (error: unknown) => {
    assert.ok(error instanceof JobFailed);
    assert.equal(error.job.id, job.id);
    assert.match(error.message, /rejected the prompt/);
    return true;
  });
  const running = await harness.client.createVideo({ prompt: "x" });
  await assert.rejects(harness.client.getVideoOutput(running.id), {
    name: "ProviderError",
    message: /is processing; wait for it/,
  });
});

test("a download retries 5xx, then streams", () =>
  withStandIns(2, async (api, cdn) => {
    api.on("GET", "/v1/tasks/t", { id: "t", status: "SUCCEEDED", output: [`${cdn.url}/t.mp4`] });
    cdn.on("GET", "/t.mp4", respond(503), respond(200, "VIDEO", { "content-type": "video/mp4" }));
    const harness = runway(api);
    const output = await harness.client.getVideoOutput("runway:t");
    assert.deepEqual(harness.sleeps, [250]);
    assert.equal(output.url, `${cdn.url}/t.mp4`);
    const chunks: Uint8Array[] = [];
    const reader = output.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
    }
    assert.equal(Buffer.concat(chunks).toString(), "VIDEO");
    assert.equal(output.bodyUsed, true); // like a Response: stream it, or read it whole
  }));

test("download errors are typed", () =>
  withStandIns(2, async (api, cdn) => {
    api.on("GET", "/v1/tasks/t", { id: "t", status: "SUCCEEDED", output: [`${cdn.url}/t.mp4`] });
    cdn.on("GET", "/t.mp4", respond(403));
    const harness = runway(api, { timeoutMs: 50 });
    await assert.rejects(harness.client.getVideoOutput("runway:t"), {
      name: "ProviderError",
      message: "runway: video download failed (HTTP 403)",
    });
    cdn.on("GET", "/t.mp4", HANG);
    await assert.rejects(harness.client.getVideoOutput("runway:t"), {
      name: "Timeout",
      message: "runway: no answer within 0.05 s",
    });
  }));

test("a redirect loop ends with an error", () =>
  withStandIns(2, async (api, cdn) => {
    api.on("GET", "/v1/tasks/t", { id: "t", status: "SUCCEEDED", output: [`${cdn.url}/loop`] });
    cdn.on("GET", "/loop", respond(302, "", { location: "/loop" }));
    await assert.rejects(runway(api).client.getVideoOutput("runway:t"), /redirected more than 5 times/);
  }));

test("the output reads like the Node SDK's downloadContent Response", async () => {
  const client = new VideoClient({ provider: "fake", env: {}, sleep: async () => undefined });
  const job = await client.generateVideo({ prompt: "x" }, { pollIntervalMs: 0 });
  const output = await client.getVideoOutput(job.id);
  assert.equal(output.ok, true);
  assert.equal(output.status, 200);
  assert.equal(output.headers.get("content-type"), "video/mp4");
  const bytes = await output.bytes();
  assert.equal(new TextDecoder().decode(bytes.subarray(4, 8)), "ftyp");
  assert.deepEqual(new Uint8Array(await output.arrayBuffer()), bytes);
  const blob = await output.blob();
  assert.deepEqual([blob.type, blob.size], ["video/mp4", bytes.length]);
  const fromBody = new Uint8Array(await new Response(output.body).arrayBuffer());
  assert.deepEqual(fromBody, bytes);
  assert.deepEqual(Buffer.from(await output.arrayBuffer()), Buffer.from(bytes));
});

test("the environment chooses the provider and its base URL", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/runway/v1/text_to_video", { id: "t" });
    const env = {
      VIDEO_GENERATION_PROVIDER: "runway",
      VIDEO_GENERATION_RUNWAY_BASE_URL: `${api.url}/runway/`,
      RUNWAYML_API_SECRET: "rk",
    };
    const harness = new Harness({ env });
    assert.equal((await harness.client.createVideo({ prompt: "x", durationSeconds: 8 })).id, "runway:t");
  }));

test("options win over the environment", () =>
  withStandIns(1, async (api) => {
    api.on("POST", "/v1/text_to_video", { id: "t" });
    const env = {
      VIDEO_GENERATION_PROVIDER: "fake",
      VIDEO_GENERATION_RUNWAY_BASE_URL: "http://127.0.0.1:9",
      RUNWAYML_API_SECRET: "from-env",
    };
    const harness = new Harness({ provider: "runway", baseUrls: { runway: api.url }, apiKeys: { runway: "from-ctor" }, env });
    assert.equal((await harness.client.createVideo({ prompt: "x", durationSeconds: 8 })).id, "runway:t");
    assert.equal(api.requests[0]?.headers["authorization"], "Bearer from-ctor");
  }));

test("the process environment is read at first use, not at construction", async () => {
  const variables = ["VIDEO_GENERATION_PROVIDER", "VIDEO_GENERATION_FAKE_POLLS"];
  const saved = variables.map((name) => process.env[name]);
  try {
    const client = new VideoClient({ sleep: async () => undefined });
    process.env["VIDEO_GENERATION_PROVIDER"] = "fake";
    process.env["VIDEO_GENERATION_FAKE_POLLS"] = "0";
    const job = await client.createVideo({ prompt: "x" });
    assert.equal((await client.getJobStatus(job.id)).status, "completed");
  } finally {
    variables.forEach((name, index) => {
      const value = saved[index];
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    });
  }
});

test("creating a client reads nothing", () => {
  const exploding = new Proxy({}, {
    get() {
      throw new Error("environment read at construction");
    },
  });
  const client = new VideoClient({ env: exploding });
  assert.equal(String(client), "VideoClient(provider=undefined, fallbackProvider=undefined)");
});

const CONFIGURATION_ERRORS: [string, VideoClientOptions, RegExp][] = [
  ["no provider", {}, /set VIDEO_GENERATION_PROVIDER/],
  ["unknown provider", { provider: "sora" }, /unknown video provider "sora" \(known: runway, veo, veo-vertex, luma, pika, kling, fake\)/],
  ["missing runway key", { provider: "runway" }, /^runway: set RUNWAYML_API_SECRET to use this provider$/],
  ["missing veo key", { provider: "veo" }, /set GEMINI_API_KEY or GOOGLE_API_KEY/],
  ["unknown fallback", { provider: "fake", fallbackProvider: "sora" }, /unknown video provider "sora"/],
  [
    "apiKeys without the secret key",
    { provider: "kling", apiKeys: { kling: { KLING_ACCESS_KEY: "ak" } } },
    /kling: give apiKeys an entry for KLING_SECRET_KEY/,
  ],
  [
    "one string for two kling keys",
    { provider: "kling", apiKeys: { kling: "one-key" } },
    /apiKeys needs a mapping of KLING_ACCESS_KEY and KLING_SECRET_KEY/,
  ],
  ["shadow fraction above 1", { provider: "fake", shadowProvider: "fake", shadowFraction: 2 }, /between 0 and 1/],
  ["a prototype key as provider", { provider: "constructor" }, /unknown video provider "constructor"/],
];

for (const [name, options, message] of CONFIGURATION_ERRORS) {
  test(`configuration error names the fix: ${name}`, async () => {
    const harness = new Harness(options);
    await assert.rejects(harness.client.createVideo({ prompt: "x" }), (error: unknown) => {
      assert.ok(error instanceof ConfigurationError, String(error));
      assert.match(error.message, message);
      return true;
    });
  });
}

test("job ids must name a provider", async () => {
  const harness = new Harness({ provider: "fake" });
  for (const id of ["video_123", ":x", "fake:"]) {
    await assert.rejects(harness.client.getJobStatus(id), /not a shim job id/);
  }
});

test("estimateCost prices what the provider will make, from the shared price table", () => {
  const pika = new Harness({ provider: "pika" });
  const estimate = pika.client.estimateCost({ durationSeconds: 8, resolution: "1080p" });
  assert.deepEqual(pika.warnings, ["pika does not offer durationSeconds=8; using 10"]);
  assert.deepEqual([estimate.amount, estimate.amountText, estimate.currency], [0.9, "0.9000", "USD"]);
  const runway = new Harness({ provider: "runway" }).client.estimateCost({ durationSeconds: 8, resolution: "720p" });
  assert.deepEqual([runway.amountText, runway.priceRow, runway.published], ["0.9600", { model: "gen4.5", per_second: "0.12" }, "2026-07-27"]);
  const kling = new Harness({ provider: "kling" }).client.estimateCost({ durationSeconds: 10, resolution: "1080p" });
  assert.deepEqual([kling.amountText, kling.confirmed], ["0.7000", false]);
  const veo = new Harness({ provider: "veo", models: { veo: "veo-3.1-fast-generate-preview" } });
  assert.equal(veo.client.estimateCost({ durationSeconds: 8, resolution: "4k" }).amountText, "2.4000");
  assert.throws(() => new Harness({ provider: "luma" }).client.estimateCost({ durationSeconds: 5 }), /no published price/);
});

test("supportsNativeAudio reads the primary provider's capabilities", () => {
  assert.equal(new Harness({ provider: "runway" }).client.supportsNativeAudio(), false);
  assert.equal(new Harness({ provider: "kling" }).client.supportsNativeAudio(), true);
  assert.throws(() => new Harness({}).client.supportsNativeAudio(), ConfigurationError);
});

test("bad parameter values are typed errors", async () => {
  const harness = new Harness({ provider: "fake" });
  await assert.rejects(harness.client.createVideo({ prompt: "x", aspectRatio: "wide" }), {
    name: "UnsupportedFeature",
    message: `not an aspect ratio: "wide" (expected 'W:H')`,
  });
  await assert.rejects(harness.client.createVideo({ prompt: "x", resolution: "HD" }), /not a resolution: "HD"/);
  await assert.rejects(harness.client.createVideo({ prompt: "x", durationSeconds: -1 }), /not a duration in seconds: -1/);
});
