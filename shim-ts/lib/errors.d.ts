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
export declare class ShimError extends Error {
    constructor(message: string);
}
/** The shim is not configured for this call (provider, key, base URL). */
export declare class ConfigurationError extends ShimError {
}
/** The provider cannot do what was asked (an operation or a parameter value). */
export declare class UnsupportedFeature extends ShimError {
}
/** The provider's API returned an error, or a payload the shim cannot read. */
export declare class ProviderError extends ShimError {
    readonly provider: string;
    readonly statusCode: number | undefined;
    constructor(provider: string, message: string, statusCode?: number);
}
/** The job ended in failure; its output cannot be fetched. */
export declare class JobFailed extends ShimError {
    readonly job: Job;
    constructor(job: Job);
}
/** A request, or waiting for a job, ran past its deadline. */
export declare class Timeout extends ShimError {
}
