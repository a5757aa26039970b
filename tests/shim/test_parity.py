"""The two shims behave alike: thousands of requests go through the Python shim and through the
TypeScript shim's built lib/ (under Node), and each must send the same method, URL and JSON body,
report the same settings and provider defaults, map the same values (one warning each), refuse
the same ones, price them alike, and turn the same Sora arguments into the same parameters.

Shared data keeps their tables equal (test_typescript.py); this keeps their behaviour equal."""

from __future__ import annotations

import itertools
import json
import subprocess
import warnings
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from sora_migrate.shim import PROVIDERS, ShimError, VertexAI, from_sora
from sora_migrate.shim.config import ShimConfig
from sora_migrate.shim.params import VideoRequest, fit, settings
from sora_migrate.shim.pricing import estimate_request

from .google_credentials import MintingCredentials
from .test_defaults import KEYS
from .test_typescript import _node

RUN = Path(__file__).parent / "parity" / "run.mjs"
CAMEL = {
    "duration_seconds": "durationSeconds",
    "aspect_ratio": "aspectRatio",
    "provider_defaults": "providerDefaults",
}
# every combination of these, on every provider: offered values, values to map, and none
DURATIONS = (None, 3, 8, 11)
ASPECT_RATIOS = (None, "16:9", "1:1", "21:9")
RESOLUTIONS = (None, "540p", "1080p", "4k")
AUDIO = (None, True, False)
IMAGES = (None, "https://img.test/a.png")
SORA_CASES: list[dict[str, Any]] = [
    {"prompt": "p"},
    {"prompt": "p", "model": "sora-2-pro", "seconds": "12", "size": "1792x1024"},
    {"prompt": "p", "model": "gen4.5", "seconds": 8, "size": " 1080X1920 "},
    {"prompt": "p", "seconds": "10", "size": "1024x1792", "audio": False},
    {"prompt": "p", "input_reference": "https://example.com/a.png"},
    {"prompt": "p", "input_reference": {"image_url": "https://example.com/b.png"}},
    {"prompt": "p", "input_reference": {"file_id": "file_1"}},
    {"prompt": "p", "size": "640x480"},
    {"prompt": "p", "size": "hd"},
    {"prompt": "p", "seconds": 7.5},
    {"prompt": "p", "seconds": "7.5s"},
    {"prompt": "p", "seconds": 0},
    {"prompt": "p", "seconds": -4},
    {"prompt": "p", "timeout": 30},
    {"prompt": "p", "poll_interval_ms": 5},
    {"seconds": "4"},
]


def _outcome(run: Any) -> dict[str, Any]:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        try:
            return {"ok": run(), "warnings": len(seen)}
        except ShimError as error:
            nearest = getattr(error, "nearest", None)
            return {
                "error": type(error).__name__,
                "nearest": None if nearest is None else list(nearest),
                "warnings": len(seen),
            }


def _camel(mapping: dict[str, Any]) -> dict[str, Any]:
    return {
        CAMEL.get(key, key): list(value) if isinstance(value, tuple) else value
        for key, value in mapping.items()
        if value is not None
    }


def _create(name: str, request: dict[str, Any]) -> dict[str, Any]:
    options = {"veo-vertex": VertexAI(project="p", credentials=MintingCredentials())}

    def run() -> dict[str, Any]:
        adapter = ShimConfig(environ=KEYS, options=options).build_adapter(name)
        values = {
            "duration_seconds": request.get("durationSeconds"),
            "aspect_ratio": request.get("aspectRatio"),
            "resolution": request.get("resolution"),
            "audio": request.get("audio"),
            "image": request.get("image"),
        }
        fitted = fit(name, VideoRequest("p", **values), adapter.capabilities, adapter.model)
        call = adapter.create(fitted)
        made = _camel(asdict(settings(fitted, adapter.capabilities)))
        return {"method": call.method, "url": call.url, "json": call.json, "settings": made}

    return _outcome(run)


def _estimate(name: str, request: dict[str, Any]) -> dict[str, Any]:
    def run() -> dict[str, Any]:
        cls = PROVIDERS[name]
        wanted = VideoRequest(
            "",
            request.get("durationSeconds"),
            resolution=request.get("resolution"),
            model=cls.default_model,
            audio=request.get("audio"),
        )
        cost = estimate_request(name, cls.capabilities, wanted)
        return {
            "amount": str(cost.amount),
            "row": cost.price_row,
            "providerDefaults": list(cost.provider_defaults),
        }

    return _outcome(run)


def _sora(params: dict[str, Any]) -> dict[str, Any]:
    return _outcome(lambda: _camel(from_sora(**params)))


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for name in PROVIDERS:
        for duration, aspect, resolution, audio, image in itertools.product(
            DURATIONS, ASPECT_RATIOS, RESOLUTIONS, AUDIO, IMAGES
        ):
            values = {
                "prompt": "p",
                "durationSeconds": duration,
                "aspectRatio": aspect,
                "resolution": resolution,
                "audio": audio,
                "image": image,
            }
            request = {key: value for key, value in values.items() if value is not None}
            cases.append({"kind": "create", "name": name, "request": request})
            if aspect is None and image is None:
                priced = {k: v for k, v in request.items() if k != "prompt"}
                cases.append({"kind": "estimate", "name": name, "request": priced})
    cases.extend({"kind": "sora", "params": params} for params in SORA_CASES)
    return cases


def _python(case: dict[str, Any]) -> dict[str, Any]:
    if case["kind"] == "create":
        return _create(case["name"], case["request"])
    if case["kind"] == "estimate":
        return _estimate(case["name"], case["request"])
    found = _sora(case["params"])
    if found.get("error") and not {"seconds", "size"} & set(case["params"]):
        found["nearest"] = None  # close matches of an unknown keyword name differ by spelling
    return found


def _normalised(outcome: dict[str, Any]) -> dict[str, Any]:
    """A TypeScript outcome in the Python one's shape (no undefined fields, no nearest list on
    an error that has none)."""
    if "error" in outcome:
        return {**outcome, "nearest": outcome.get("nearest")}
    ok = outcome["ok"]
    if isinstance(ok, dict) and "settings" in ok:
        ok = {**ok, "settings": _camel(ok["settings"])}
    return {**outcome, "ok": ok}


def test_both_shims_send_report_and_refuse_alike() -> None:
    node = _node()
    cases = _cases()
    done = subprocess.run(
        [node, str(RUN)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    typescript = json.loads(done.stdout)
    assert len(typescript) == len(cases) > 2500
    differences = []
    for case, ts in zip(cases, typescript, strict=True):
        python = _python(case)
        if "error" in python and python["nearest"] is None:
            ts["nearest"] = None  # compared only where both shims read the same table
        if python != _normalised(ts):
            differences.append({"case": case, "python": python, "typescript": ts})
    assert not differences, json.dumps(differences[:5], indent=1)


@pytest.mark.parametrize("kind", ["create", "estimate", "sora"])
def test_the_cases_cover_successes_mappings_and_refusals(kind: str) -> None:
    outcomes = [_python(case) for case in _cases() if case["kind"] == kind]
    assert any("ok" in outcome and outcome["warnings"] == 0 for outcome in outcomes)
    assert any("error" in outcome for outcome in outcomes)
    if kind != "estimate":
        assert any("ok" in outcome and outcome["warnings"] > 0 for outcome in outcomes)
