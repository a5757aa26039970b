"""A small runtime library that puts Runway, Google Veo, Luma, Pika (fal.ai) and Kling behind one
interface, so code that called OpenAI's Sora video API keeps working.

    client = VideoClient()          # provider from VIDEO_GENERATION_PROVIDER, keys from each
    job = client.generate_video("a paper boat in the rain", duration_seconds=8)
    if job.status == "completed":
        client.get_video_output(job.id).write_to_file("boat.mp4")

Code written for Sora passes its arguments through `from_sora(...)` (compat.py) and waits for
an existing job with `wait(job_id)`.

It depends only on httpx and the standard library, and every import inside it is relative, so
`sora-migrate shim vendor DEST` can copy it into an application under any package name."""

from .client import AsyncVideoClient, VideoClient
from .compat import SoraValueError, from_sora
from .errors import (
    ConfigurationError,
    JobFailed,
    ProviderError,
    ShimError,
    Timeout,
    UnsupportedFeature,
)
from .jobs import AsyncVideoOutput, CostEstimate, Job, JobError, VideoOutput
from .params import Capabilities, ParameterMapped
from .providers.veo_vertex import VertexAI
from .registry import PROVIDERS
from .retry import RetryPolicy

__all__ = [
    "PROVIDERS",
    "AsyncVideoClient",
    "AsyncVideoOutput",
    "Capabilities",
    "ConfigurationError",
    "CostEstimate",
    "Job",
    "JobError",
    "JobFailed",
    "ParameterMapped",
    "ProviderError",
    "RetryPolicy",
    "ShimError",
    "SoraValueError",
    "Timeout",
    "UnsupportedFeature",
    "VertexAI",
    "VideoClient",
    "VideoOutput",
    "from_sora",
]
