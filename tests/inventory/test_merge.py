"""`sora-migrate merge`: shards and repositories combined into one inventory; malformed and
foreign files, duplicate shards and mixed commits are one-line errors; version differences and
missing shards are warnings."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sora_migrate.inventory.merge import video_method
from sora_migrate.pull_request.costs import estimate_call
from tests.conftest import CliOutcome
from tests.inventory.reports import (
    assert_matches_schema,
    clean_result,
    report_json,
    write_report,
)
from tests.report.sample import CALL
from tests.report.test_sarif import assert_valid_sarif

Cli = Callable[..., CliOutcome]
EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "example-repo"


def _merge(run_cli: Cli, *paths: Path, fmt: str = "json") -> CliOutcome:
    return run_cli("merge", *map(str, paths), "--format", fmt)


def _error(outcome: CliOutcome) -> str:
    assert outcome.exit_code == 2, outcome.stdout
    assert outcome.stdout == ""
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sora-migrate: error: "), outcome.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not a sora-migrate JSON report (Expecting property name"),
        ("[1, 2]", "not a sora-migrate JSON report (no 'tool' object)"),
        ({"version": "2.1.0", "runs": []}, "not a sora-migrate JSON report"),  # SARIF
        ({"tool": {"name": "semgrep"}}, "not a sora-migrate JSON report (tool is"),
        ({"schema_version": 3}, "report schema_version 3 is not one this sora-migrate reads"),
        ({"kind": "sora-migrate-inventory"}, "is a merged inventory"),
        ({"findings": [{"rule_id": "sdk-call"}]}, "finding 1: missing 'confidence'"),
        ({"summary": {"files_scanned": -1}}, "'files_scanned' must be a non-negative integer"),
        ({"shard": {"index": 3, "count": 2}}, "shard 3/2 is not a shard"),
    ],
)
def test_malformed_or_foreign_files_are_one_line_errors(
    run_cli: Cli, tmp_path: Path, content: Any, problem: str
) -> None:
    good = write_report(tmp_path / "good.json", report_json("acme/good"))
    if isinstance(content, dict) and ("tool" not in content and "version" not in content):
        content = {**report_json(), **content}
    bad = write_report(tmp_path / "bad.json", content)
    line = _error(_merge(run_cli, good, bad))
    assert f"{bad}: " in line and problem in line


def test_a_missing_file_or_a_folder_without_reports_is_an_error(
    run_cli: Cli, tmp_path: Path
) -> None:
    assert "no such file" in _error(_merge(run_cli, tmp_path / "nope.json"))
    (tmp_path / "empty").mkdir()
    assert "no *.json reports" in _error(_merge(run_cli, tmp_path / "empty"))
    only = write_report(tmp_path / "only" / "inventory.json", report_json())
    outcome = run_cli("merge", str(only), "--output", str(only))
    assert "no reports to merge" in _error(outcome)


def test_a_duplicate_shard_is_an_error_not_a_double_count(run_cli: Cli, tmp_path: Path) -> None:
    first = write_report(tmp_path / "a" / "shard.json", report_json(shard=(1, 2)))
    again = write_report(tmp_path / "b" / "shard.json", report_json(shard=(1, 2)))
    line = _error(_merge(run_cli, first, again))
    assert "duplicate shard 1/2 of acme/render" in line and str(again) in line


def test_two_unsharded_reports_of_one_repository_are_an_error(run_cli: Cli, tmp_path: Path) -> None:
    one = write_report(tmp_path / "one.json", report_json())
    two = write_report(tmp_path / "two.json", report_json())
    assert "duplicate report of acme/render" in _error(_merge(run_cli, one, two))


def test_shards_of_different_commits_or_shardings_are_errors(run_cli: Cli, tmp_path: Path) -> None:
    one = write_report(tmp_path / "1.json", report_json(shard=(1, 2), commit="aaa"))
    two = write_report(tmp_path / "2.json", report_json(shard=(2, 2), commit="bbb"))
    assert "different commits (aaa, bbb)" in _error(_merge(run_cli, one, two))
    three = write_report(tmp_path / "3.json", report_json(shard=(2, 3), commit="aaa"))
    assert "mix different shardings" in _error(_merge(run_cli, one, three))


def test_a_missing_shard_is_a_warning_and_marks_the_repository_incomplete(
    run_cli: Cli, tmp_path: Path
) -> None:
    one = write_report(tmp_path / "1.json", report_json(shard=(1, 3)))
    three = write_report(tmp_path / "3.json", report_json(shard=(3, 3), result=clean_result()))
    outcome = _merge(run_cli, one, three)
    assert outcome.exit_code == 0
    assert "warning: acme/render: shard 2/3 missing" in outcome.stderr
    data = json.loads(outcome.stdout)
    (repo,) = data["repositories"]
    assert (repo["complete"], repo["shards"]) == (False, {"count": 3, "missing": [2]})
    assert data["warnings"] == ["acme/render: shard 2/3 missing; its inventory is incomplete"]
    assert "acme/render (incomplete)" in _merge(run_cli, one, three, fmt="markdown").stdout


def test_different_tool_and_rule_versions_merge_with_a_warning_naming_them(
    run_cli: Cli, tmp_path: Path
) -> None:
    old = report_json("acme/old", tool={"name": "sora-migrate", "version": "0.0.9"})
    old["rules"]["version"] = "0123456789ab"
    older = write_report(tmp_path / "old.json", old)
    new = write_report(tmp_path / "new.json", report_json("acme/new"))
    outcome = _merge(run_cli, older, new)
    assert outcome.exit_code == 0
    warnings = json.loads(outcome.stdout)["warnings"]
    assert any(f"0.0.9 ({older})" in w and f"({new})" in w for w in warnings), warnings
    assert any("rule-set versions" in w and f"0123456789ab ({older})" in w for w in warnings)
    assert outcome.stderr.count("sora-migrate: warning: reports come from different") == 2


def test_many_repositories_clean_ones_totals_top_files_and_costs(
    run_cli: Cli, tmp_path: Path
) -> None:
    paths = [
        write_report(tmp_path / "render.json", report_json("acme/render")),
        write_report(tmp_path / "site.json", report_json("acme/site", result=clean_result())),
        write_report(tmp_path / "docs.json", report_json("acme/docs", result=clean_result())),
    ]
    outcome = _merge(run_cli, *paths)
    assert outcome.exit_code == 0, outcome.stderr
    data = json.loads(outcome.stdout)
    assert_matches_schema(data, "inventory.schema.json")
    assert data["clean"] == ["acme/docs", "acme/site"]
    totals = data["totals"]
    assert (totals["repositories"], totals["with_findings"], totals["clean"]) == (3, 1, 2)
    assert totals["by_confidence"] == {"high": 3, "medium": 1, "low": 1}
    render = next(r for r in data["repositories"] if r["name"] == "acme/render")
    assert render["top_files"][0] == {"path": "app/render.py", "findings": 2}
    assert render["repository"]["remote"] == "https://git.example.com/acme/render.git"
    # the sample's `client.videos.create(model="sora-2", prompt="x")`: no seconds or size
    _, _, _, prices = estimate_call({"model": "sora-2"})
    cost = render["cost"]
    assert (cost["call_sites"], cost["assumed"]) == (1, 1)
    assert cost["per_provider"]["runway"] == f"{prices['runway']:.2f}"
    assert cost["sites"][0]["method"] == "create" and cost["sites"][0]["seconds"] == 4


def test_every_format_renders_the_inventory(run_cli: Cli, tmp_path: Path) -> None:
    paths = [
        write_report(tmp_path / "render.json", report_json("acme/render")),
        write_report(tmp_path / "site.json", report_json("acme/site", result=clean_result())),
    ]
    markdown = _merge(run_cli, *paths, fmt="markdown").stdout
    assert markdown.startswith("# Sora migration inventory")
    assert "| acme/render | `c0ffee` | 3 | 1 | 1 | 5 | 4 | 1 |" in markdown
    assert "## Clean repositories (1)\n\n`acme/site`" in markdown
    table = _merge(run_cli, *paths, fmt="table").stdout
    assert "acme/render" in table and "Clean (1): acme/site" in table
    rows = list(csv.DictReader(io.StringIO(_merge(run_cli, *paths, fmt="csv").stdout)))
    assert {row["repository"] for row in rows} == {"acme/render"}
    assert len([row for row in rows if row["status"] == "found"]) == 5
    sarif = json.loads(_merge(run_cli, *paths, fmt="sarif").stdout)
    assert_valid_sarif(sarif)
    assert [run["automationDetails"]["id"] for run in sarif["runs"]] == [
        "sora-migrate/acme/render/",
        "sora-migrate/acme/site/",
    ]
    assert sarif["runs"][0]["versionControlProvenance"] == [
        {"repositoryUri": "https://git.example.com/acme/render.git", "revisionId": "c0ffee"}
    ]


def test_a_folder_stands_for_its_reports_and_the_output_is_never_an_input(
    run_cli: Cli, tmp_path: Path
) -> None:
    write_report(tmp_path / "reports" / "a" / "r.json", report_json("acme/a"))
    write_report(tmp_path / "reports" / "b" / "r.json", report_json("acme/b"))
    output = tmp_path / "reports" / "inventory.json"
    for _ in range(2):  # the second run finds the first run's output in the folder
        outcome = run_cli("merge", str(tmp_path / "reports"), "-f", "json", "-o", str(output))
        assert outcome.exit_code == 0, outcome.stderr
    names = [r["name"] for r in json.loads(output.read_text(encoding="utf-8"))["repositories"]]
    assert names == ["acme/a", "acme/b"]


def test_a_version_1_report_is_read_with_its_folder_as_the_name(
    run_cli: Cli, tmp_path: Path
) -> None:
    old = report_json(schema_version=1)
    for key in ("repository", "rules", "shard"):
        del old[key]
    outcome = _merge(run_cli, write_report(tmp_path / "v1.json", old))
    assert outcome.exit_code == 0, outcome.stderr
    assert [r["name"] for r in json.loads(outcome.stdout)["repositories"]] == ["project"]


def test_scan_and_check_json_match_the_report_schema(run_cli: Cli, tmp_path: Path) -> None:
    for command in ("scan", "check"):
        outcome = run_cli(command, str(EXAMPLE), "--format", "json", "--jobs", "1")
        assert outcome.exit_code in (0, 1), outcome.stderr
        assert_matches_schema(json.loads(outcome.stdout), "report.schema.json")


@pytest.mark.parametrize(
    ("message", "method"),
    [
        ("Videos call (videos.create_and_poll: client OpenAI() at line 7)", "create_and_poll"),
        ("OpenAI Videos API call (videos.createAndPoll: client new OpenAI())", "createAndPoll"),
        ("OpenAI Videos API call (videos NewAndPoll: client openai.NewClient())", "NewAndPoll"),
        ("Videos call (videos CreateVideoRemixAsync: client `c`)", "CreateVideoRemixAsync"),
        ("OpenAI Videos API call (videos extend_: client OpenAI::Client.new)", "extend_"),
        ("OpenAI Videos API call (videos.retrieve: client OpenAI())", None),
        ("OpenAI Videos API call (videos.download_content: client OpenAI())", None),
        ("OpenAI Videos API call", None),
    ],
)  # fmt: skip
def test_video_making_calls_are_recognised_in_every_sdk_spelling(
    message: str, method: str | None
) -> None:
    finding = replace(CALL, message=message)
    assert video_method(finding) == method
    assert video_method(replace(finding, rule_id="sdk-type-import")) is None
