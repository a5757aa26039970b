"""The TS/JS rewrite's safety rules and its place in `rewrite` / `pr`: files left alone when
they or their result do not parse, name collisions, the shim folder, both languages in one run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sora_migrate.rewrite import rewrite_paths
from sora_migrate.rewrite.javascript import calls
from sora_migrate.rewrite.javascript.edits import Edit, OverlappingEdits, apply_edits
from tests.conftest import CliOutcome
from tests.rewrite.helpers import FIXTURES, install_case

RunCli = Callable[..., CliOutcome]
TS = FIXTURES / "ts"
TS_CALL = (
    'import OpenAI from "openai";\n\nconst openai = new OpenAI();\nopenai.videos.retrieve("v");\n'
)
PY_CALL = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.videos.retrieve("video_1")\n'


def _vendored(root: Path, folder: str = "video_shim") -> Path:
    shim = root / folder
    shim.mkdir(parents=True)
    (shim / "index.ts").write_text("export {};\n")
    return shim


def test_unparsable_file_is_left_alone_and_reported(tmp_path: Path) -> None:
    path = install_case(TS / "engine" / "unparsable.before.ts", tmp_path)
    before = path.read_bytes()
    report = rewrite_paths([path], write=True, force=True, jobs=1)
    assert [(f.path, f.status, f.reason) for f in report.problems] == [
        ("unparsable.ts", "skipped", "does not parse (line 6); file left as it was")
    ]
    assert path.read_bytes() == before


def test_a_result_that_would_not_parse_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "app.ts").write_text(TS_CALL)
    _vendored(tmp_path)

    def broken(source, call, method):  # type: ignore[no-untyped-def]
        return calls.Rewritten((Edit(call.start_byte, call.end_byte, "videoClient().x(("),))

    monkeypatch.setattr("sora_migrate.rewrite.javascript.engine.rewrite_call", broken)
    report = rewrite_paths([tmp_path], write=True, force=True, jobs=1)
    assert [(f.status, f.reason) for f in report.problems] == [
        ("failed", "rewrite does not parse (line 12); file left as it was")
    ]
    assert (tmp_path / "app.ts").read_text() == TS_CALL


def test_a_name_the_rewrite_needs_is_taken(tmp_path: Path) -> None:
    path = install_case(TS / "engine" / "name_collision.before.ts", tmp_path)
    report = rewrite_paths([path], write=True, force=True, jobs=1)
    assert [f.reason for f in report.problems] == [
        "the file already uses the name 'VideoClient' (line 6); rename it, then run "
        "sora-migrate rewrite again"
    ]


def test_edits_that_overlap_are_refused() -> None:
    with pytest.raises(OverlappingEdits):
        apply_edits(b"abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])
    assert apply_edits(b"abcdef", [Edit(3, 3, "2"), Edit(3, 3, "3"), Edit(0, 1, "A")]) == (
        b"Abc23def"
    )


def test_import_path_is_relative_to_each_file(tmp_path: Path) -> None:
    (tmp_path / "src" / "routes" / "api").mkdir(parents=True)
    (tmp_path / "src" / "routes" / "api" / "video.ts").write_text(TS_CALL)
    (tmp_path / "src" / "worker.ts").write_text(TS_CALL)
    _vendored(tmp_path, "src/video_shim")
    rewrite_paths([tmp_path], write=True, force=True, jobs=1)
    nested = (tmp_path / "src" / "routes" / "api" / "video.ts").read_text()
    assert 'import { VideoClient } from "../../video_shim/index.js";' in nested
    assert 'from "./video_shim/index.js";' in (tmp_path / "src" / "worker.ts").read_text()


def test_extension_style_follows_the_file(tmp_path: Path) -> None:
    (tmp_path / "bundled.ts").write_text('import { db } from "./db";\n' + TS_CALL)
    (tmp_path / "deno.ts").write_text('import { db } from "./db.ts";\n' + TS_CALL)
    _vendored(tmp_path)
    rewrite_paths([tmp_path], write=True, force=True, jobs=1)
    assert 'from "./video_shim";' in (tmp_path / "bundled.ts").read_text()
    assert 'from "./video_shim/index.ts";' in (tmp_path / "deno.ts").read_text()


def test_ts_shim_option_names_the_folder(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "app.ts").write_text(TS_CALL)
    done = run_cli("rewrite", "--ts-shim", str(tmp_path / "lib" / "shim"), str(tmp_path))
    assert done.exit_code == 1
    assert '+import { VideoClient } from "./lib/shim/index.js";\n' in done.stdout
    assert done.stderr.splitlines()[-1] == (
        f"sora-migrate: --write will vendor the TypeScript shim into {tmp_path / 'lib' / 'shim'}"
    )


def test_python_and_typescript_in_one_run(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(PY_CALL)
    (tmp_path / "web.ts").write_text(TS_CALL)
    _vendored(tmp_path)
    report = rewrite_paths([tmp_path], write=True, force=True, jobs=1)
    assert sorted((s.path, s.kind) for s in report.rewritten) == [
        ("app.py", "retrieve"),
        ("web.ts", "retrieve"),
    ]
    assert "_video_client().get_job_status" in (tmp_path / "app.py").read_text()
    assert 'videoClient().getJobStatus("v")' in (tmp_path / "web.ts").read_text()


def test_the_vendored_shim_itself_is_never_rewritten(tmp_path: Path) -> None:
    shim = _vendored(tmp_path)
    (shim / "raw.ts").write_text('export const url = "https://api.openai.com/v1/videos";\n')
    report = rewrite_paths([tmp_path], write=True, force=True, jobs=1)
    assert report.files == []


def test_readme_before_after_is_what_the_rewrite_does(tmp_path: Path) -> None:
    readme = (FIXTURES.parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Rewrite TypeScript and JavaScript code", 1)[1]
    before, after = [block.split("\n```", 1)[0] + "\n" for block in section.split("```ts\n")[1:3]]
    (tmp_path / "render.ts").write_text(before)
    _vendored(tmp_path)
    rewrite_paths([tmp_path], write=True, force=True, jobs=1)
    assert (tmp_path / "render.ts").read_text() == after


def test_each_javascript_project_gets_its_own_shim(run_cli: RunCli, tmp_path: Path) -> None:
    web, worker = tmp_path / "web", tmp_path / "worker"
    (web / "src" / "app").mkdir(parents=True)
    worker.mkdir()
    for project in (web, worker):
        (project / "package.json").write_text('{"type": "module"}\n')
    (web / "src" / "app" / "route.ts").write_text(TS_CALL)
    (worker / "job.mjs").write_text(TS_CALL)
    done = run_cli("rewrite", str(tmp_path))
    assert '+import { VideoClient } from "../video_shim/index.js";' in done.stdout
    assert '+import { VideoClient } from "./video_shim/index.js";' in done.stdout
    assert done.stderr.splitlines()[-2:] == [
        f"sora-migrate: --write will vendor the TypeScript shim into {web / 'src' / 'video_shim'}",
        f"sora-migrate: --write will vendor the TypeScript shim into {worker / 'video_shim'}",
    ]


def test_a_file_with_only_todos_needs_no_shim(run_cli: RunCli, tmp_path: Path) -> None:
    path = install_case(TS / "manual" / "raw_fetch.before.mjs", tmp_path)
    done = run_cli("rewrite", "--write", str(path))
    assert done.exit_code == 0, done.stderr
    assert "vendor" not in done.stderr
    assert not (tmp_path / "video_shim").exists()
    assert path.read_bytes() == (TS / "manual" / "raw_fetch.after.mjs").read_bytes()


def test_seconds_that_only_look_like_digits_are_left_for_a_person(tmp_path: Path) -> None:
    (tmp_path / "app.mjs").write_text(
        'import OpenAI from "openai";\nconst openai = new OpenAI();\n'
        'export const start = () => openai.videos.create({ prompt: "p", seconds: "²" });\n',
        encoding="utf-8",
    )
    report = rewrite_paths([tmp_path], jobs=1)
    assert [(s.kind, s.reason) for s in report.manual] == [
        ("create", "videos.create: seconds '²' is not a number")
    ]
