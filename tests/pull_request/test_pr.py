"""`sora-migrate pr` against real temporary git repositories with a bare remote."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

PY_APP = """from openai import OpenAI

client = OpenAI()


def render(text):
    video = client.videos.create_and_poll(model="sora-2", prompt=text, seconds="8", size="1280x720")
    return video.id


def again(video_id):  # another flow: a remix holds back only the calls on its own video
    return client.videos.remix(video_id, prompt="again")
"""
TS_APP = """import OpenAI from "openai";
const openai = new OpenAI();
export const start = (prompt: string) => openai.videos.create({ prompt });
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture(autouse=True)
def identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{key}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{key}_EMAIL", "test@example.com")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q", "-b", "main")
    (work / "app.py").write_text(PY_APP)
    (work / "web.ts").write_text(TS_APP)
    (work / "notes.py").write_text("print('no video here')\n")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "init")
    git(work, "remote", "add", "origin", str(remote))
    git(work, "push", "-q", "-u", "origin", "main")
    return work


def test_branch_commit_and_body(run_cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = run_cli("pr", str(repo))
    assert outcome.exit_code == 0, outcome.stderr
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD") == "main"
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "log", "--format=%s", "-1", "sora-migrate/rewrite") == (
        "Migrate 2 Sora call sites to the video provider shim"
    )
    changed = git(repo, "diff", "--name-only", "main", "sora-migrate/rewrite").splitlines()
    assert {"app.py", "web.ts", "video_shim/index.ts"} <= set(changed)
    assert {path for path in changed if not path.startswith("video_shim/")} == {"app.py", "web.ts"}
    rewritten = git(repo, "show", "sora-migrate/rewrite:app.py")
    assert "_video_client().generate_video(" in rewritten
    body = outcome.stdout
    assert "| sdk-call | 3 | 1 |" in body
    assert "`app.py:7` `videos.create_and_poll`" in body
    assert "- [ ] `app.py:12` remix:" in body
    assert "- `web.ts:3` `videos.create`" in body
    assert "The TypeScript shim was vendored into `video_shim/`" in body
    assert "VIDEO_GENERATION_PROVIDER" in body and "RUNWAYML_API_SECRET" in body
    assert "| `app.py:7` | 8 s, 720p | 0.96 | 3.20 | 3.20 | 0.32 | 0.34 |" in body
    assert (
        not list((repo / ".git" / "worktrees").glob("*"))
        if (repo / ".git" / "worktrees").exists()
        else True
    )


def test_push_puts_the_branch_on_the_remote(run_cli, repo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = tmp_path / "body.md"
    outcome = run_cli(
        "pr", str(repo), "--push", "--branch", "migrate/sora", "--body-file", str(body)
    )
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout == ""
    assert body.read_text().startswith("OpenAI shut down")
    remote_ref = git(tmp_path / "remote.git", "rev-parse", "refs/heads/migrate/sora")
    assert remote_ref == git(repo, "rev-parse", "migrate/sora")


def _stub_gh(directory: Path, auth_ok: bool) -> Path:
    directory.mkdir()
    log = directory / "gh.log"
    script = directory / "gh"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{log}"\n'
        f'if [ "$1" = auth ]; then exit {0 if auth_ok else 1}; fi\n'
        'echo "https://github.test/acme/app/pull/7"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


def test_open_calls_gh_with_the_branch(run_cli, repo: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    log = _stub_gh(tmp_path / "bin", auth_ok=True)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    outcome = run_cli("pr", str(repo), "--open")
    assert outcome.exit_code == 0, outcome.stderr
    calls = log.read_text().splitlines()
    assert calls[0] == "auth status"
    assert calls[1].startswith(
        "pr create --base main --head sora-migrate/rewrite --title Migrate 2"
    )
    assert "--body-file" in calls[1]
    assert "opened https://github.test/acme/app/pull/7" in outcome.stderr
    assert git(tmp_path / "remote.git", "rev-parse", "--verify", "refs/heads/sora-migrate/rewrite")


def test_open_without_gh_says_what_to_run(run_cli, repo: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    log = _stub_gh(tmp_path / "bin", auth_ok=False)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    outcome = run_cli("pr", str(repo), "--open")
    assert outcome.exit_code == 0
    assert (
        "gh is not logged in (gh auth login); then run: gh pr create --base main" in outcome.stderr
    )
    assert log.read_text().splitlines() == ["auth status"]


def test_dry_run_creates_nothing(run_cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = run_cli("pr", str(repo), "--dry-run")
    assert outcome.exit_code == 0
    assert "dry run: would commit 2 files on" in outcome.stderr
    assert "## Rewritten call sites" in outcome.stdout
    assert git(repo, "branch", "--list") == "* main"
    assert git(repo, "worktree", "list").count("\n") == 0


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda repo: (repo / "app.py").write_text("x = 1\n"), "uncommitted changes (app.py)"),
        (lambda repo: git(repo, "checkout", "-q", "--detach"), "HEAD is detached"),
        (lambda repo: git(repo, "branch", "sora-migrate/rewrite"), "already exists"),
    ],
    ids=["dirty work tree", "detached head", "existing branch"],
)
def test_refusals_are_clear_and_change_nothing(run_cli, repo: Path, prepare, message: str) -> None:  # type: ignore[no-untyped-def]
    prepare(repo)
    branches = git(repo, "branch", "--list")
    outcome = run_cli("pr", str(repo))
    assert outcome.exit_code == 2
    assert message in outcome.stderr
    assert git(repo, "branch", "--list") == branches


def test_nothing_to_rewrite_is_a_clear_no_op(run_cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    (repo / "app.py").write_text("print('migrated already')\n")
    (repo / "web.ts").write_text("export const migrated = true;\n")
    git(repo, "commit", "-q", "-am", "done")
    outcome = run_cli("pr", str(repo))
    assert outcome.exit_code == 0
    assert "nothing to rewrite" in outcome.stderr
    assert git(repo, "branch", "--list") == "* main"


def test_outside_a_git_work_tree(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "lonely").mkdir()
    outcome = run_cli("pr", str(tmp_path / "lonely"))
    assert outcome.exit_code == 2
    assert "not inside a git work tree" in outcome.stderr


def test_a_failing_commit_leaves_no_branch(run_cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
    hook.chmod(0o755)
    outcome = run_cli("pr", str(repo))
    assert outcome.exit_code == 2
    assert "git commit failed: hook says no" in outcome.stderr
    assert git(repo, "branch", "--list") == "* main"
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "worktree", "list").count("\n") == 0


def test_a_single_file_path_is_rewritten_and_committed(run_cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    (repo / "src").mkdir()
    git(repo, "mv", "app.py", "src/app.py")
    git(repo, "commit", "-q", "-m", "move")
    outcome = run_cli("pr", str(repo / "src" / "app.py"))
    assert outcome.exit_code == 0, outcome.stderr
    assert "committed 1 file on branch" in outcome.stderr
    assert git(repo, "diff", "--name-only", "main", "sora-migrate/rewrite") == "src/app.py"


def test_only_manual_sites_make_no_branch(run_cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    (repo / "app.py").write_text(
        "from openai import OpenAI\n\nclient = OpenAI()\nclient.videos.remix('v', prompt='p')\n"
    )
    (repo / "web.ts").write_text("export const migrated = true;\n")
    git(repo, "commit", "-q", "-am", "manual only")
    outcome = run_cli("pr", str(repo))
    assert outcome.exit_code == 0
    assert "nothing to rewrite" in outcome.stderr and "1 left for a person" in outcome.stderr
    assert git(repo, "branch", "--list") == "* main"


def test_unknown_base_is_refused_before_anything_is_made(run_cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = run_cli("pr", str(repo), "--base", "no-such-branch", "--push")
    assert outcome.exit_code == 2
    assert "--base 'no-such-branch' is not a branch" in outcome.stderr
    assert git(repo, "branch", "--list") == "* main"
