"""`sora-migrate fleet` over generated git repositories (file:// URLs, bare repository paths, a
plain folder): 50 repositories, some with Sora, some clean, some failing to fetch or scan; the
run goes on, the cache is reused and updated on the next run."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sora_migrate.errors import UserError
from sora_migrate.inventory.repos_file import read_repos_file, split_ref
from tests.conftest import CliOutcome
from tests.inventory.git_fleet import CLEAN_PY, README, SORA_ENV, SORA_PY, bare_repo, commit
from tests.inventory.reports import assert_matches_schema

Cli = Callable[..., CliOutcome]
OWN_RULE = """id: hello
category: model-id
confidence: high
languages: [python]
message: says hello
hint: none
match:
  regex: 'HELLO'
"""
SORA_REPOS, CLEAN_REPOS = 30, 15


@pytest.fixture(scope="module")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sources, the list file naming them in every supported way, and what to expect."""
    base = tmp_path_factory.mktemp("fleet")
    lines = ["# the organisation's repositories", ""]
    heads = {}
    for index in range(SORA_REPOS):
        files: dict[str, str | None] = {"app/render.py": SORA_PY, "README.md": README}
        if index % 3 == 0:
            files[".env.example"] = SORA_ENV
        repo, heads[f"sora-{index:02}"] = bare_repo(base / "src" / f"sora-{index:02}.git", files)
        # as a file:// URL, as a path to the bare repository, or with a comment after it
        lines.append(repo.as_uri() if index % 2 else f"{repo}  # owned by team {index}")
    lines[-1] = f"{repo.as_uri()}@{heads['sora-29']}"  # a commit as the ref
    for index in range(CLEAN_REPOS):
        repo, heads[f"clean-{index:02}"] = bare_repo(
            base / "src" / f"clean-{index:02}.git", {"lib/add.py": CLEAN_PY, "README.md": README}
        )
        lines.append(repo.as_uri())
    # a release branch that differs from main, fetched with @ref
    repo, _ = bare_repo(base / "src" / "branchy.git", {"lib/add.py": CLEAN_PY})
    heads["branchy"] = commit(repo, {"app/render.py": SORA_PY}, branch="release/2026.09")
    lines.append(f"{repo.as_uri()}@release/2026.09")
    # a folder that is not a git repository: scanned in place
    plain = base / "exports" / "notebooks"
    plain.mkdir(parents=True)
    (plain / "notes.md").write_text("We used OpenAI Sora for the trailers.\n")
    lines.append("exports/notebooks")
    # failures: no such repository, no such branch, a config the scan refuses
    lines.append((base / "src" / "gone.git").as_uri())
    lines.append(f"{(base / 'src' / 'clean-00.git').as_uri()}@no-such-branch")
    bad, _ = bare_repo(base / "src" / "badconfig.git", {".sora-migrate.toml": "unknown = 1\n"})
    lines.append(bad.as_uri())
    # a repository whose config asks for its own regex rule: not loaded
    own = {".sora-migrate.toml": 'rule-dirs = ["rules"]\n', "rules/mine.yaml": OWN_RULE}
    heads["clean-14"] = commit(
        base / "src" / "clean-14.git", {**own, "x.py": "HELLO = 1\n"}, tick=1
    )
    listing = base / "repos.txt"
    listing.write_text("\n".join(lines) + "\n")
    return {"base": base, "listing": listing, "heads": heads}


def _run(run_cli: Cli, fleet: dict[str, Any], *extra: str) -> tuple[CliOutcome, dict[str, Any]]:
    base = fleet["base"]
    output = base / "inventory.json"
    outcome = run_cli(
        "fleet", str(fleet["listing"]), "--cache", str(base / "cache"), "--jobs", "2",
        "--format", "json", "--output", str(output), *extra,
    )  # fmt: skip
    return outcome, json.loads(output.read_text(encoding="utf-8"))


def test_fifty_repositories_scanned_with_failures_reported_and_the_rest_merged(
    run_cli: Cli, fleet: dict[str, Any]
) -> None:
    reports = fleet["base"] / "reports"
    outcome, data = _run(run_cli, fleet, "--reports", str(reports))
    assert outcome.exit_code == 1  # some repositories failed; the inventory covers the rest
    assert_matches_schema(data, "inventory.schema.json")
    totals = data["totals"]
    assert totals["repositories"] == SORA_REPOS + CLEAN_REPOS + 5 == 50
    assert (totals["failed"], totals["clean"]) == (3, CLEAN_REPOS)
    assert totals["with_findings"] == SORA_REPOS + 2  # + the release branch and the folder
    failed = {f["name"]: f["reason"] for f in data["failed"]}
    assert set(failed) == {"gone", "clean-00@no-such-branch", "badconfig"}
    assert failed["gone"].startswith("git clone failed: ")
    assert "no-such-branch" in failed["clean-00@no-such-branch"]
    assert failed["badconfig"].startswith("cannot scan: ") and "'unknown'" in failed["badconfig"]
    for name in ("gone", "clean-00@no-such-branch", "badconfig"):
        assert f"sora-migrate: failed: {name}: " in outcome.stderr
    repositories = {repo["name"]: repo for repo in data["repositories"]}
    sora = repositories["sora-03"]
    assert sora["repository"]["commit"] == fleet["heads"]["sora-03"]
    assert sora["summary"]["by_category"]["sdk-call"]["high"] == 1
    assert [f["path"] for f in sora["top_files"]] == [".env.example", "app/render.py"]
    assert sora["cost"]["call_sites"] == 1 and sora["cost"]["sites"][0]["seconds"] == 8
    assert repositories["sora-01"]["repository"]["remote"].startswith("file:///")
    assert repositories["sora-29"]["repository"]["commit"] == fleet["heads"]["sora-29"]
    branchy = repositories["branchy"]
    assert branchy["repository"]["commit"] == fleet["heads"]["branchy"]
    assert not branchy["clean"]
    assert repositories["notebooks"]["summary"]["by_category"] == {
        "doc-mention": {"high": 0, "medium": 0, "low": 1}
    }
    assert all(repositories[f"clean-{i:02}"]["clean"] for i in range(1, CLEAN_REPOS))
    # clean-14's own rule (which would flag HELLO) was not loaded: same rules as the others
    assert repositories["clean-14"]["repository"]["commit"] == fleet["heads"]["clean-14"]
    assert repositories["clean-14"]["rules_versions"] == repositories["clean-01"]["rules_versions"]
    kept = sorted(reports.glob("*.json"))
    assert len(kept) == 47
    for path in kept[:3]:
        assert_matches_schema(json.loads(path.read_text()), "report.schema.json")


def test_the_next_run_reuses_the_cache_sees_new_commits_and_writes_markdown(
    run_cli: Cli, fleet: dict[str, Any]
) -> None:
    base = fleet["base"]
    cache = base / "cache"
    if not cache.exists():  # filled by the test above, unless this one runs alone
        _run(run_cli, fleet)
    folders = sorted(path.name for path in cache.iterdir())
    migrated = commit(base / "src" / "sora-04.git", {"app/render.py": CLEAN_PY}, tick=1)
    regressed = commit(base / "src" / "clean-05.git", {"app/video.py": SORA_PY}, tick=1)
    stray = next(cache.glob("sora-04-*")) / "stray.py"
    stray.write_text('MODEL = "sora-2"\n')  # the update cleans it away
    reports = base / "second-run"
    outcome = run_cli(
        "fleet", str(fleet["listing"]), "--cache", str(cache), "--format", "markdown",
        "--reports", str(reports),
    )  # fmt: skip
    assert outcome.exit_code == 1
    assert sorted(path.name for path in cache.iterdir()) == folders
    text = outcome.stdout
    assert "**50 repositories**: 32 with Sora findings, 15 clean, 3 failed." in text
    assert "## Failed repositories (3)" in text and "| gone |" in text
    assert "`sora-04`" in text and "`clean-05`" not in text  # clean now; findings now
    by_name = {}
    for path in reports.glob("*.json"):
        report = json.loads(path.read_text(encoding="utf-8"))
        by_name[report["repository"]["name"]] = report
    assert by_name["sora-04"]["repository"]["commit"] == migrated
    assert by_name["sora-04"]["findings"] == []
    assert by_name["clean-05"]["repository"]["commit"] == regressed
    assert {f["path"] for f in by_name["clean-05"]["findings"]} == {"app/video.py"}


@pytest.mark.parametrize(
    ("line", "location", "ref"),
    [
        ("https://github.com/acme/app.git", "https://github.com/acme/app.git", None),
        ("https://github.com/acme/app.git@v1.2", "https://github.com/acme/app.git", "v1.2"),
        ("https://bot@github.com/acme/app", "https://bot@github.com/acme/app", None),
        ("https://bot@github.com/acme/app@main", "https://bot@github.com/acme/app", "main"),
        ("git@github.com:acme/app.git", "git@github.com:acme/app.git", None),
        ("git@github.com:acme/app.git@feature/x", "git@github.com:acme/app.git", "feature/x"),
        ("ssh://git@host:2222/acme/app@dev", "ssh://git@host:2222/acme/app", "dev"),
        ("../checkouts/app@v2", "../checkouts/app", "v2"),
    ],
)
def test_the_ref_is_the_last_at_after_the_host(line: str, location: str, ref: str | None) -> None:
    assert split_ref(line) == (location, ref)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("# nothing\n\n", "no repositories listed"),
        ("https://h/a.git@-x\n", "'-x' is not a git ref"),
        ("https://h/a.git@a..b\n", "'a..b' is not a git ref"),
        ("--upload-pack=touch /tmp/x\n", "is not a repository URL or path"),
        ("https://h/a.git\nhttps://h/a.git\n", "repeats line 1"),
    ],
)
def test_a_bad_repository_list_is_a_one_line_error(
    tmp_path: Path, content: str, problem: str
) -> None:
    listing = tmp_path / "repos.txt"
    listing.write_text(content)
    with pytest.raises(UserError, match=r"repos\.txt") as caught:
        read_repos_file(listing)
    assert problem in str(caught.value)


def test_names_are_made_unique_and_credentials_never_shown(tmp_path: Path) -> None:
    listing = tmp_path / "repos.txt"
    listing.write_text(
        "https://x:secret@git.one/acme/app.git\nhttps://git.two/acme/app.git@v1\n"
        "https://git.three/acme/app.git@v1\n"
    )
    names = [spec.name for spec in read_repos_file(listing)]
    assert names == ["acme/app", "acme/app@v1 (line 2)", "acme/app@v1 (line 3)"]
    assert all("secret" not in name for name in names)
