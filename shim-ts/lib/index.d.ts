/**
 * A small runtime library that puts Runway, Google Veo, Luma, Pika (fal.ai) and Kling behind one
 * interface, so code that called OpenAI's Sora video API keeps working. It uses only the
 * platform's `fetch` (Node 18+, Deno, Bun, edge runtimes) and has no dependencies.
 *
 *     const client = new VideoClient(); // provider from VIDEO_GENERATION_PROVIDER, keys from each
 *     const job = await client.generateVideo({ prompt: "a paper boat in the rain", durationSeconds: 8 });
 *     if (job.status === "completed") {
 *       const video = await client.getVideoOutput(job.id);
 *       await writeFile("boat.mp4", await video.bytes());
 *     }
 */
export { VideoClient, type CreateVideoParams, type EstimateCostParams, type ShimLogger, type VideoClientOptions, type WaitOptions, } from "./client.js";
export { fromSora, SoraValueError, type SoraCreateParams } from "./compat.js";
export type { ApiKey, Environment, ShimSettings } from "./config.js";
export { ConfigurationError, JobFailed, ProviderError, ShimError, Timeout, UnsupportedFeature, } from "./errors.js";
export type { ImageInput } from "./images.js";
export { STATUSES, VideoOutput, type CostEstimate, type Job, type JobError, type Status } from "./jobs.js";
export { ParameterMapped, type Capabilities, type WarningHandler } from "./params.js";
export type { VertexAI } from "./providers/veo-vertex.js";
export { PROVIDERS } from "./registry.js";
export { parseRetryAfter, RetryPolicy, type RetryOptions } from "./retry.js";
export { providerSpec, type ProviderSpec } from "./specs.js";
