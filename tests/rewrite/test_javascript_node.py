"""The TS/JS rewrite's output against the real TypeScript shim, under the real tools:
`tsc --noEmit --strict` on every rewritten TypeScript fixture together with the vendored shim,
and the rewritten example apps (ESM, CommonJS, TypeScript compiled by tsc) run end to end under
Node on the shim's `fake` provider and write an MP4.

The `openai` package is a stand-in (tests/rewrite/node/openai): typed like the SDK's `videos`
resource, and touching `videos` at run time throws, so a rewritten app that still reaches Sora
fails. tsc comes from the repository's own npm install (`npm ci` in shim-ts/, as .ci/run does).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sora_migrate.rewrite import RewriteReport, rewrite_paths
from tests.rewrite.helpers import FIXTURES, REPO

TS_FIXTURES = FIXTURES / "ts"
NODE_SUPPORT = Path(__file__).resolve().parent / "node"
STUB = NODE_SUPPORT / "openai"
TSC = REPO / "shim-ts" / "node_modules" / ".bin" / "tsc"
TYPE_ROOTS = REPO / "shim-ts" / "node_modules" / "@types"
TYPESCRIPT = (".ts", ".tsx", ".mts", ".cts")


def _tools(tsc: bool) -> tuple[str, Path]:
    """node (and tsc when asked), or skip on a developer's machine and fail in CI, like the
    TypeScript shim's own tests (tests/shim/test_typescript.py)."""
    node = shutil.which("node")
    if node is not None and (not tsc or TSC.exists()):
        return node, TSC
    reason = "needs node and `npm ci --prefix shim-ts` (as .ci/run does)"
    if os.environ.get("CI") or os.environ.get("SORA_MIGRATE_REQUIRE_NODE"):
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def _project(directory: Path) -> None:
    """An ES-module project with the `openai` stand-in installed."""
    (directory / "node_modules").mkdir(parents=True)
    shutil.copytree(STUB, directory / "node_modules" / "openai")
    (directory / "package.json").write_text('{"type": "module"}\n')


def _tsconfig(directory: Path, include: list[str], emit: bool) -> None:
    options = {
        "target": "ES2022",
        "lib": ["ES2022", "DOM"],
        "module": "NodeNext",
        "moduleResolution": "NodeNext",
        "jsx": "preserve",
        "strict": True,
        "types": ["node"],
        "typeRoots": [str(TYPE_ROOTS)],
        **({"outDir": "out"} if emit else {"noEmit": True}),
    }
    config = {"compilerOptions": options, "include": include}
    (directory / "tsconfig.json").write_text(json.dumps(config, indent=2))


def _rewrite(paths: list[Path], shim: Path) -> RewriteReport:
    report = rewrite_paths(paths, write=True, force=True, jobs=1, ts_shim=shim)
    assert not report.problems, report.problems
    assert report.vendored
    return report


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("OPENAI_")}
    env["VIDEO_GENERATION_PROVIDER"] = "fake"
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_rewritten_typescript_fixtures_type_check_with_the_shim(tmp_path: Path) -> None:
    _, tsc = _tools(tsc=True)
    _project(tmp_path)
    shutil.copy2(NODE_SUPPORT / "jsx.d.ts", tmp_path / "jsx.d.ts")
    rewritten = []
    for before in sorted(TS_FIXTURES.glob("*/*.before.*")):
        if (
            before.suffix not in TYPESCRIPT
            or not before.with_name(before.name.replace(".before", ".after")).exists()
        ):
            continue
        folder = tmp_path / before.parent.name
        folder.mkdir(exist_ok=True)
        for support in before.parent.iterdir():
            if ".before." not in support.name and ".after." not in support.name:
                shutil.copy2(support, folder / support.name)
        target = folder / before.name.replace(".before", "")
        shutil.copy2(before, target)
        rewritten.append(target)
    report = rewrite_paths(
        rewritten, write=True, force=True, jobs=1, ts_shim=tmp_path / "video_shim"
    )
    assert report.vendored and {Path(f.path).name for f in report.changed} == {
        path.name for path in rewritten
    }
    _tsconfig(tmp_path, ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"], emit=False)
    done = _run([str(tsc), "-p", str(tmp_path)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", ["make_clip.before.mjs", "make_clip_cjs.before.cjs"])
def test_rewritten_javascript_app_writes_a_video(name: str, tmp_path: Path) -> None:
    node, _ = _tools(tsc=False)
    _project(tmp_path)
    app = tmp_path / name.replace(".before", "")
    shutil.copy2(TS_FIXTURES / "app" / name, app)
    report = _rewrite([app], tmp_path / "video_shim")
    assert len(report.rewritten) >= 2 and not report.manual
    done = _run([node, app.name, "a paper boat in the rain", "clip.mp4"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("fake:")
    assert (tmp_path / "clip.mp4").read_bytes()[4:8] == b"ftyp"


def test_rewritten_typescript_app_compiles_and_writes_a_video(tmp_path: Path) -> None:
    node, tsc = _tools(tsc=True)
    _project(tmp_path)
    app = tmp_path / "make_clip_ts.ts"
    shutil.copy2(TS_FIXTURES / "app" / "make_clip_ts.before.ts", app)
    _rewrite([app], tmp_path / "video_shim")
    _tsconfig(tmp_path, ["make_clip_ts.ts", "video_shim"], emit=True)
    compiled = _run([str(tsc), "-p", str(tmp_path)], tmp_path)
    assert compiled.returncode == 0, compiled.stdout
    shutil.copy2(tmp_path / "package.json", tmp_path / "out" / "package.json")
    done = _run([node, "out/make_clip_ts.js", "a paper boat in the rain", "clip.mp4"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "clip.mp4").read_bytes()[4:8] == b"ftyp"


def test_an_app_that_still_calls_sora_fails_under_the_stand_in(tmp_path: Path) -> None:
    node, _ = _tools(tsc=False)
    _project(tmp_path)
    app = tmp_path / "make_clip.mjs"
    shutil.copy2(TS_FIXTURES / "app" / "make_clip.before.mjs", app)
    done = _run([node, app.name, "a boat", "clip.mp4"], tmp_path)
    assert done.returncode != 0
    assert "videos.create was called: the Sora API is gone" in done.stderr
