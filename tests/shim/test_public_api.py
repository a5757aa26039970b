"""The shim's public surface is exactly what `__all__` says, and it imports only httpx."""

from __future__ import annotations

import subprocess
import sys

import sora_migrate.shim as shim

EXPECTED = {
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
    "Timeout",
    "UnsupportedFeature",
    "VideoClient",
    "VideoOutput",
}


def test_all_is_exact() -> None:
    assert set(shim.__all__) == EXPECTED
    assert all(hasattr(shim, name) for name in shim.__all__)


def test_registry_names_the_five_providers_and_fake() -> None:
    assert list(shim.PROVIDERS) == ["runway", "veo", "luma", "pika", "kling", "fake"]


def test_shim_depends_only_on_httpx_and_the_standard_library() -> None:
    code = (
        "import sys, sora_migrate.shim\n"
        "third = {m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names)\n"
        "print(sorted(third))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    allowed = {
        "__main__",
        "sora_migrate",
        "httpx",
        "httpcore",
        "anyio",
        "sniffio",
        "certifi",
        "h11",
        "idna",
        "_distutils_hack",
        "typing_extensions",
        "exceptiongroup",
    }
    assert set(eval(done.stdout)) <= allowed
