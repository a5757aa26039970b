/**
 * The shim's error tree. Every message is safe to log: API keys never appear in it.
 *
 * ShimError
 * ├── ConfigurationError   no provider chosen, unknown provider, missing key variable
 * ├── UnsupportedFeature   the provider cannot honour a parameter or an operation
 * ├── ProviderError        the provider answered with an error (status code, its message)
 * ├── JobFailed            the job ended in failure; `.job` holds the failed Job
 * └── Timeout              a request or generateVideo() ran out of time
 */
import type { Job } from "./jobs.js";

/** Base class of every error the shim throws. */
export class ShimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The shim is not configured for this call (provider, key, base URL). */
export class ConfigurationError extends ShimError {}

/** The provider cannot do what was asked (an operation or a parameter value). */
export class UnsupportedFeature extends ShimError {}

/** The provider's API returned an error, or a payload the shim cannot read. */
export class ProviderError extends ShimError {
  readonly provider: string;
  readonly statusCode: number | undefined;

  constructor(provider: string, message: string, statusCode?: number) {
    super(`${provider}: ${message}${statusCode ? ` (HTTP ${statusCode})` : ""}`);
    this.provider = provider;
    this.statusCode = statusCode;
  }
}

/** The job ended in failure; its output cannot be fetched. */
export class JobFailed extends ShimError {
  readonly job: Job;

  constructor(job: Job) {
    super(`job ${job.id} failed: ${job.error?.message ?? "no reason given"}`);
    this.job = job;
  }
}

/** A request, or waiting for a job, ran past its deadline. */
export class Timeout extends ShimError {}
