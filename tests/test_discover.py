"""The file walker: what is scanned, what is skipped and why, and that nothing crashes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sora_migrate.discover import file_kind
from sora_migrate.errors import UserError
from sora_migrate.options import ScanOptions
from sora_migrate.scan import FIRST_READ, read_capped, run_scan

SORA_LINE = 'MODEL = "sora-2"\n'


def _paths(root: Path, **options: object) -> set[str]:
    result = run_scan([root], ScanOptions(jobs=1, **options))  # type: ignore[arg-type]
    return {finding.path for finding in result.findings}


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("app.py", "python"),
        ("stubs.pyi", "python"),
        ("demo.ipynb", "notebook"),
        ("index.mjs", "javascript"),
        ("App.tsx", "typescript"),
        ("ci.yml", "yaml"),
        (".env", "dotenv"),
        (".env.production", "dotenv"),
        ("env.example", "dotenv"),
        ("Dockerfile", "dockerfile"),
        ("Dockerfile.worker", "dockerfile"),
        ("deploy.sh", "shell"),
        ("package.json", "json"),
        ("pyproject.toml", "toml"),
        ("README.md", "markdown"),
        ("index.rst", "rst"),
        ("setup.cfg", "config"),
        ("main.tf", "terraform"),
        ("prod.tfvars", "terraform"),
        ("terragrunt.hcl", "terraform"),
        ("_helpers.tpl", "template"),
        ("settings.py.j2", "template"),
        ("Makefile", "makefile"),
        ("rules.mk", "makefile"),
        ("justfile", "makefile"),
        ("Procfile", "makefile"),
        ("env.txt", "dotenv"),
        ("env-template.txt", "dotenv"),
        ("prod.env.txt", "dotenv"),
        ("environment.txt", "text"),
        ("requirements-dev.txt", "text"),
        ("go.mod", "text"),
        ("Gemfile", "text"),
        ("LICENSE", "text"),
        ("photo.png", "text"),
    ],
)
def test_file_kind_by_name(name: str, kind: str) -> None:
    assert file_kind(name) == kind


def test_hidden_files_and_folders_are_scanned(tmp_path: Path) -> None:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("model: sora-2\n")
    (tmp_path / ".env").write_text("OPENAI_VIDEO_MODEL=sora-2\n")
    assert _paths(tmp_path) == {".github/workflows/ci.yml", ".env"}


def test_gitignore_and_builtin_excludes_are_respected(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("generated/\n*.local.py\n")
    for rel in ("generated/a.py", "b.local.py", "node_modules/x/c.js", ".venv/d.py", "keep.py"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SORA_LINE)
    virtualenv = tmp_path / "env-custom"
    virtualenv.mkdir()
    (virtualenv / "pyvenv.cfg").write_text("home = /usr\n")
    (virtualenv / "e.py").write_text(SORA_LINE)
    assert _paths(tmp_path) == {"keep.py"}


def test_a_virtualenv_named_on_the_command_line_is_scanned(tmp_path: Path) -> None:
    (tmp_path / "pyvenv.cfg").write_text("home = /usr\n")
    (tmp_path / "tool.py").write_text(SORA_LINE)
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "pyvenv.cfg").write_text("home = /usr\n")
    (tmp_path / "nested" / "inner.py").write_text(SORA_LINE)
    assert _paths(tmp_path) == {"tool.py"}


def test_a_gitignore_that_is_a_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").mkdir()
    (tmp_path / "app.py").write_text(SORA_LINE)
    assert _paths(tmp_path) == {"app.py"}


def test_nested_gitignore_applies_below_its_folder(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / ".gitignore").write_text("skip.py\n")
    (tmp_path / "pkg" / "skip.py").write_text(SORA_LINE)
    (tmp_path / "skip.py").write_text(SORA_LINE)
    assert _paths(tmp_path) == {"skip.py"}


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    for rel in ("src/a.py", "src/b.py", "tests/c.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(SORA_LINE)
    assert _paths(tmp_path, include=("src/",), exclude=("b.py",)) == {"src/a.py"}


def test_binary_and_huge_files_are_counted_not_scanned(tmp_path: Path) -> None:
    (tmp_path / "blob.json").write_bytes(b"\x00\x01sora-2\x00")
    (tmp_path / "big.py").write_text(SORA_LINE * 200)
    result = run_scan([tmp_path], ScanOptions(jobs=1, max_file_bytes=1000))
    assert result.findings == []
    assert result.files_binary == 1
    assert result.files_too_large == 1
    # a name that promises text is named with the reason it was not read
    assert [(item.path, item.reason) for item in result.skipped] == [
        ("big.py", "larger than 1000 bytes"),
        ("blob.json", "binary: a NUL byte at offset 0"),
    ]


@pytest.mark.parametrize("size", [0, 1, FIRST_READ - 1, FIRST_READ, FIRST_READ + 1, 200_000])
@pytest.mark.parametrize("limit", [FIRST_READ - 1, FIRST_READ, 100_000, 8 * 1024 * 1024])
def test_read_capped_returns_whole_files_up_to_the_limit(
    tmp_path: Path, size: int, limit: int
) -> None:
    data = bytes(range(1, 256)) * (size // 255) + b"x" * (size % 255)
    path = tmp_path / "file.json"
    path.write_bytes(data)
    assert read_capped(str(path), limit) == (data if size <= limit else None)


def test_read_capped_stops_after_the_probe_of_a_long_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"\0" * 10 + b"x" * (3 * FIRST_READ))
    assert read_capped(str(path), 8 * 1024 * 1024) == b"\0" * 10 + b"x" * (FIRST_READ - 10)
    assert read_capped(str(path), FIRST_READ) is None  # too large wins over binary


def test_a_sora_reference_past_the_first_read_is_found(tmp_path: Path) -> None:
    (tmp_path / "long.py").write_text("x = 1\n" * 20_000 + SORA_LINE)
    result = run_scan([tmp_path], ScanOptions(jobs=1))
    assert [(f.path, f.line) for f in result.findings] == [("long.py", 20_001)]


def test_invalid_utf8_is_listed_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "latin.py").write_bytes(b'# caf\xe9\nMODEL = "sora-2"\n')
    result = run_scan([tmp_path], ScanOptions(jobs=1))
    assert [(s.path, s.reason) for s in result.skipped] == [
        ("latin.py", "not valid UTF-8 (byte 5)")
    ]


def test_symlink_loops_and_broken_links_do_not_hang(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.py").write_text(SORA_LINE)
    os.symlink(tmp_path, tmp_path / "real" / "loop")
    os.symlink("missing.py", tmp_path / "gone.py")
    os.symlink("self.py", tmp_path / "self.py")
    os.symlink("docs/README.md\n", tmp_path / "README.md")  # a target with a newline in it
    result = run_scan([tmp_path], ScanOptions(jobs=1))
    assert {f.path for f in result.findings} == {"real/a.py"}
    reasons = {s.path: s.reason for s in result.skipped}
    assert reasons == {
        "gone.py": "broken symbolic link to missing.py",
        "self.py": "symbolic link loop",
        "README.md": "broken symbolic link to 'docs/README.md\\n'",
    }


def test_bom_and_crlf_keep_positions(tmp_path: Path) -> None:
    (tmp_path / "win.py").write_bytes(b'\xef\xbb\xbfx = 1\r\nMODEL = "sora-2"\r\n')
    (finding,) = run_scan([tmp_path], ScanOptions(jobs=1)).findings
    assert (finding.line, finding.column, finding.snippet) == (2, 10, 'MODEL = "sora-2"')


def test_missing_path_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file or directory"):
        run_scan([tmp_path / "nope"], ScanOptions(jobs=1))


def test_explicit_file_paths_are_relative_to_their_folder(tmp_path: Path) -> None:
    (tmp_path / "one.py").write_text(SORA_LINE)
    result = run_scan([tmp_path / "one.py"], ScanOptions(jobs=1))
    assert [f.path for f in result.findings] == ["one.py"]


def test_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    result = run_scan([tmp_path], ScanOptions(jobs=1))
    assert [(s.path, s.reason) for s in result.skipped] == [("pipe.py", "not a regular file")]


def test_unreadable_file_is_listed(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read every file")
    path = tmp_path / "locked.py"
    path.write_text(SORA_LINE)
    path.chmod(0)
    result = run_scan([tmp_path], ScanOptions(jobs=1))
    assert [s.path for s in result.skipped] == ["locked.py"]
