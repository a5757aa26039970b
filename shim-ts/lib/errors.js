/** Base class of every error the shim throws. */
export class ShimError extends Error {
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
}
/** The shim is not configured for this call (provider, key, base URL). */
export class ConfigurationError extends ShimError {
}
/** The provider cannot do what was asked (an operation or a parameter value). */
export class UnsupportedFeature extends ShimError {
}
/** The provider's API returned an error, or a payload the shim cannot read. */
export class ProviderError extends ShimError {
    provider;
    statusCode;
    constructor(provider, message, statusCode) {
        super(`${provider}: ${message}${statusCode ? ` (HTTP ${statusCode})` : ""}`);
        this.provider = provider;
        this.statusCode = statusCode;
    }
}
/** The job ended in failure; its output cannot be fetched. */
export class JobFailed extends ShimError {
    job;
    constructor(job) {
        super(`job ${job.id} failed: ${job.error?.message ?? "no reason given"}`);
        this.job = job;
    }
}
/** A request, or waiting for a job, ran past its deadline. */
export class Timeout extends ShimError {
}
