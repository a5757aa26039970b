"""The shim's public surface is exactly what `__all__` says, and it imports only httpx."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import sora_migrate.shim as shim

SHIM = Path(shim.__file__).parent

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
    "SoraValueError",
    "Timeout",
    "UnsupportedFeature",
    "VertexAI",
    "VideoClient",
    "VideoOutput",
    "from_sora",
}


def test_all_is_exact() -> None:
    assert set(shim.__all__) == EXPECTED
    assert all(hasattr(shim, name) for name in shim.__all__)


def test_registry_names_the_five_providers_and_fake() -> None:
    assert list(shim.PROVIDERS) == ["runway", "veo", "veo-vertex", "luma", "pika", "kling", "fake"]


def test_shim_depends_only_on_httpx_and_the_standard_library() -> None:
    code = (
        "import json, sys, sora_migrate.shim\n"
        "third = {m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names)\n"
        "print(json.dumps(sorted(third)))\n"
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
    assert set(json.loads(done.stdout)) <= allowed


@pytest.mark.parametrize(
    "path", sorted(SHIM.rglob("*.py")), ids=lambda path: str(path.relative_to(SHIM))
)
def test_every_import_is_relative_httpx_or_standard_library(path: Path) -> None:
    """google-auth is the one exception: imported inside veo-vertex's functions, when that
    provider is used, never when the shim is imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_functions = {
        inner
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef)
        for inner in ast.walk(function)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top == "google":
                assert path.name == "veo_vertex.py" and node in in_functions, name
                continue
            assert top in sys.stdlib_module_names or top == "httpx", f"{path.name}: {name}"
