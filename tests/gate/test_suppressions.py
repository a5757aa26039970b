"""Inline suppressions in every comment syntax, on the line and the line above, with and
without a reason, unused ones, and how SARIF shows what they hide."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.gate.helpers import gate_json, statuses, write

PY_HEAD = "from openai import OpenAI\nclient = OpenAI()\n"
JS_HEAD = 'import OpenAI from "openai";\nconst openai = new OpenAI();\n'
JS_CALL = 'await openai.videos.create({ model: "sora-2", prompt: "x" });'
PY_CALL = 'client.videos.create(model="sora-2", prompt="x")'
MD_LINE = "Trailers were made with OpenAI Sora."


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        pytest.param(
            "a.py",
            f"{PY_HEAD}{PY_CALL}  # sora-migrate: ignore moving to veo\n",
            3,
            id="hash on the line",
        ),
        pytest.param(
            "a.py",
            f"{PY_HEAD}# sora-migrate: ignore moving to veo\n{PY_CALL}\n",
            4,
            id="hash on the line above",
        ),
        pytest.param(
            "b.js",
            f"{JS_HEAD}{JS_CALL} // sora-migrate: ignore moving to veo\n",
            3,
            id="slashes on the line",
        ),
        pytest.param(
            "b.js",
            f"{JS_HEAD}// sora-migrate: ignore moving to veo\n{JS_CALL}\n",
            4,
            id="slashes on the line above",
        ),
        pytest.param(
            "c.md",
            f"# Notes\n\n{MD_LINE} <!-- sora-migrate: ignore moving to veo -->\n",
            3,
            id="html comment on the line",
        ),
        pytest.param(
            "c.md",
            f"# Notes\n\n<!-- sora-migrate: ignore moving to veo -->\n{MD_LINE}\n",
            4,
            id="html comment on the line above",
        ),
    ],
)
def test_every_comment_form_suppresses(
    run_cli: Any, tmp_path: Path, name: str, text: str, line: int
) -> None:
    write(tmp_path / name, text)
    outcome = run_cli("check", str(tmp_path), "--min-confidence", "low", "--format", "json")
    assert outcome.exit_code == 0, outcome.stdout
    data = gate_json(outcome)
    assert {(path, at, status) for path, at, _, status in statuses(data)} == {
        (name, line, "suppressed")
    }
    assert {f["suppressed"] for f in data["findings"]} == {"moving to veo"}
    assert data["gate"]["warnings"] == []
    assert data["gate"]["unused_suppressions"] == []


def test_rule_list_suppresses_only_those_rules(run_cli: Any, tmp_path: Path) -> None:
    write(
        tmp_path / "a.py", f"{PY_HEAD}{PY_CALL}  # sora-migrate: ignore[sdk-call] moving to veo\n"
    )
    outcome = run_cli("check", str(tmp_path), "--format", "json")
    assert outcome.exit_code == 1
    assert statuses(gate_json(outcome)) == [
        ("a.py", 3, "sdk-call", "suppressed"),
        ("a.py", 3, "model-id", "new"),
    ]


def test_missing_reason_still_suppresses_but_warns(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "a.py", f"{PY_HEAD}# sora-migrate: ignore[sdk-call, model-id]\n{PY_CALL}\n")
    outcome = run_cli("check", str(tmp_path), "--format", "json")
    assert outcome.exit_code == 0
    assert gate_json(outcome)["gate"]["warnings"] == [
        {"path": "a.py", "line": 3, "message": "suppression has no reason; say why after it"}
    ]


def test_unused_and_unknown_rule_suppressions_are_reported(run_cli: Any, tmp_path: Path) -> None:
    write(
        tmp_path / "a.py",
        f"{PY_HEAD}x = 1  # sora-migrate: ignore[sdk-cal] typo\n"
        f"{PY_CALL}  # sora-migrate: ignore ok\n",
    )
    outcome = run_cli("check", str(tmp_path), "--format", "github")
    assert outcome.exit_code == 0
    lines = outcome.stdout.splitlines()
    unused = [line for line in lines if "unused suppression" in line]
    assert len(unused) == 1
    assert "line=3," in unused[0]
    assert any("suppression names unknown rule 'sdk-cal'" in line for line in lines)


def test_sarif_keeps_suppressed_findings_with_their_reason(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "a.py", f"{PY_HEAD}{PY_CALL}  # sora-migrate: ignore moving to veo\n")
    outcome = run_cli("check", str(tmp_path), "--format", "sarif")
    assert outcome.exit_code == 0
    results = json.loads(outcome.stdout)["runs"][0]["results"]
    assert [r["suppressions"] for r in results] == [
        [{"kind": "inSource", "justification": "moving to veo"}]
    ] * 2
