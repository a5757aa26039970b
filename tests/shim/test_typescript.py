"""The TypeScript shim: its data is the Python shim's, its own test suite passes under Node, and
`sora-migrate shim vendor --lang ts|js` writes a copy that works in an application on its own.

The Node tests need `node` and `npm ci --prefix shim-ts`. Without them these tests are skipped
on a developer's machine and FAIL in CI (`CI` or `SORA_MIGRATE_REQUIRE_NODE` set), so a CI run
can never pass without running them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from base64 import b64encode
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIM_TS = ROOT / "shim-ts"
PYTHON_SHIM = ROOT / "sora_migrate" / "shim"
TSC = SHIM_TS / "node_modules" / "typescript" / "bin" / "tsc"
# the module specifier of every import and export statement
SPECIFIER = re.compile(r"""^(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']""", re.MULTILINE)


def _node(modules: bool = False) -> str:
    """The node executable (and the dev dependencies when `modules`), or skip/fail."""
    node = shutil.which("node")
    if node is not None and (not modules or TSC.is_file()):
        return node
    reason = "the TypeScript shim's tests need node and `npm ci --prefix shim-ts`"
    if os.environ.get("CI") or os.environ.get("SORA_MIGRATE_REQUIRE_NODE"):
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def _generated(name: str) -> object:
    """A constant of src/data.ts, parsed back from its JSON."""
    text = (SHIM_TS / "src" / "data.ts").read_text(encoding="utf-8")
    match = re.search(rf"^export const {name}(?:: \w+)? = (.*?);$", text, re.MULTILINE | re.DOTALL)
    assert match, name
    return json.loads(match.group(1))


def test_the_typescript_shim_reads_the_python_shims_data() -> None:
    for constant, source in (
        ("PROVIDER_DATA", "providers.json"),
        ("PRICE_DATA", "prices.json"),
        ("SORA_DATA", "sora.json"),
    ):
        expected = json.loads((PYTHON_SHIM / source).read_text(encoding="utf-8"))
        assert _generated(constant) == expected, (
            f"shim-ts/src/data.ts differs from {source}: run "
            "`node shim-ts/scripts/generate-data.mjs` then `npm run build --prefix shim-ts`"
        )
    video = (PYTHON_SHIM / "providers" / "assets" / "fake.mp4").read_bytes()
    assert _generated("FAKE_VIDEO_BASE64") == b64encode(video).decode()


def test_the_typescript_shim_knows_every_python_provider() -> None:
    from sora_migrate.shim import PROVIDERS

    registry = (SHIM_TS / "src" / "registry.ts").read_text(encoding="utf-8")
    table = registry.split("const ADAPTERS", 1)[1].split("};", 1)[0]
    names = re.findall(r'^\s+"?([\w-]+)"?: \w+,$', table, re.MULTILINE)
    assert names == list(PROVIDERS)


def test_the_node_suite_passes() -> None:
    """shim-ts's own tests: data and lib/ fresh, `tsc --strict` on the shim alone, then every
    provider against node:http stand-ins (`npm test`)."""
    node = _node(modules=True)
    done = subprocess.run(
        [node, "scripts/run-tests.mjs", "--test-reporter=spec"],
        cwd=SHIM_TS,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    counts = dict(re.findall(r"^ℹ (tests|pass|fail) (\d+)$", done.stdout, re.MULTILINE))
    assert int(counts["tests"]) >= 100 and counts["fail"] == "0", counts


@pytest.mark.parametrize(
    ("lang", "folder", "patterns"),
    [("ts", "src", ("*.ts",)), ("js", "lib", ("*.js", "*.d.ts"))],
)
def test_vendor_writes_the_shim_and_nothing_else(  # type: ignore[no-untyped-def]
    run_cli, tmp_path: Path, lang: str, folder: str, patterns: tuple[str, ...]
) -> None:
    outcome = run_cli("shim", "vendor", str(tmp_path), "--lang", lang)
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.strip() == (
        'import { VideoClient, fromSora } from "./video_shim/index.js";'
    )
    target = tmp_path / "video_shim"
    source = SHIM_TS / folder
    shipped = sorted(
        str(path.relative_to(source))
        for path in source.rglob("*")
        if any(path.match(pattern) for pattern in patterns)
    )
    written = sorted(str(path.relative_to(target)) for path in target.rglob("*") if path.is_file())
    assert written == sorted([*shipped, *(["package.json"] if lang == "js" else [])])
    assert f"index.{lang}" in written
    for name in shipped:
        assert (target / name).read_bytes() == (source / name).read_bytes()
    for path in target.rglob(f"*.{lang}"):
        for specifier in SPECIFIER.findall(path.read_text(encoding="utf-8")):
            # no dependency: only the copy's own files, by relative path with the .js extension
            assert specifier.startswith(("./", "../")) and specifier.endswith(".js"), (
                path.name,
                specifier,
            )
    assert not list(tmp_path.glob(".*")), "the staging folder was left behind"


def test_vendor_refuses_to_overwrite_and_names_bad_input(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("shim", "vendor", str(tmp_path), "--lang", "ts").exit_code == 0
    again = run_cli("shim", "vendor", str(tmp_path), "--lang", "ts")
    assert again.exit_code == 2 and "already exists (use --force" in again.stderr
    forced = run_cli("shim", "vendor", str(tmp_path), "--lang", "js", "--force")
    assert forced.exit_code == 0
    assert (tmp_path / "video_shim" / "index.js").is_file()
    assert not (tmp_path / "video_shim" / "index.ts").exists()
    language = run_cli("shim", "vendor", str(tmp_path / "x"), "--lang", "rb")
    assert language.exit_code == 2 and "--lang must be one of py, ts, js" in language.stderr
    folder = run_cli("shim", "vendor", str(tmp_path), "--lang", "ts", "--package-name", "..")
    assert folder.exit_code == 2 and "not a usable folder name" in folder.stderr


def test_an_installed_tool_vendors_the_shim_it_ships(built_wheel: Path, tmp_path: Path) -> None:
    """The wheel holds the TypeScript shim (src/ and lib/), and vendor reads it from there."""
    site = tmp_path / "site"
    with zipfile.ZipFile(built_wheel) as wheel:
        names = set(wheel.namelist())
        wheel.extractall(site)
    for folder, suffix in (("src", ".ts"), ("lib", ".js")):
        for path in (SHIM_TS / folder).rglob(f"*{suffix}"):
            assert f"sora_migrate/shim_ts/{folder}/{path.relative_to(SHIM_TS / folder)}" in names
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from pathlib import Path\n"
        "from sora_migrate.vendor import ts_shim_root, vendor_ts_shim\n"
        "print(ts_shim_root())\n"
        "print(vendor_ts_shim(Path(sys.argv[2]), 'js'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(site), str(tmp_path / "app" / "video_shim")],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert done.stdout.splitlines()[0] == str(site / "sora_migrate" / "shim_ts")
    assert (tmp_path / "app" / "video_shim" / "index.d.ts").is_file()


def test_an_empty_target_folder_is_filled(tmp_path: Path) -> None:
    from sora_migrate.vendor import vendor_ts_shim

    (tmp_path / "src" / "video_shim").mkdir(parents=True)
    target = vendor_ts_shim(tmp_path / "src" / "video_shim", "ts")
    assert (target / "index.ts").is_file() and (target / "providers" / "kling.ts").is_file()


APP = """
import { writeFile } from "node:fs/promises";
import { VideoClient, fromSora, JobFailed } from "./video_shim/index.js";

const client = new VideoClient({ provider: "fake" });
const sora = { model: "sora-2", prompt: "a paper boat", seconds: "8", size: "1280x720" };
const job = await client.generateVideo(fromSora(sora), { pollIntervalMs: 1 });
const video = await client.getVideoOutput(job.id);
await writeFile(process.argv[2], Buffer.from(await video.arrayBuffer()));
const failed = await client.generateVideo({ prompt: "[fail] x" }, { pollIntervalMs: 1 });
let typed = false;
try {
  await client.getVideoOutput(failed.id);
} catch (error) {
  typed = error instanceof JobFailed;
}
console.log(JSON.stringify({ status: job.status, size: job.size, seconds: job.seconds, typed,
  cost: client.estimateCost({ durationSeconds: 8 }).amountText }));
"""


def test_a_vendored_js_copy_runs_an_app_under_node_in_a_commonjs_package(tmp_path: Path) -> None:
    """An app with nothing installed (no node_modules), in a package.json of type commonjs:
    the vendored folder's own package.json keeps the shim an ES module."""
    from sora_migrate.vendor import vendor_ts_shim

    node = _node()
    (tmp_path / "package.json").write_text('{"type": "commonjs"}\n')
    vendor_ts_shim(tmp_path / "video_shim", "js")
    (tmp_path / "app.mjs").write_text(APP, encoding="utf-8")
    done = subprocess.run(
        [node, "app.mjs", "out.mp4"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": os.environ.get("PATH", ""), "VIDEO_GENERATION_FAKE_POLLS": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "status": "completed",
        "size": "1280x720",
        "seconds": "8",
        "typed": True,
        "cost": "0.0000",
    }
    assert (tmp_path / "out.mp4").read_bytes()[4:8] == b"ftyp"


def test_a_vendored_js_copy_is_required_from_commonjs(tmp_path: Path) -> None:
    from sora_migrate.vendor import vendor_ts_shim

    node = _node()
    vendor_ts_shim(tmp_path / "video_shim", "js")
    script = (
        'const { VideoClient } = require("./video_shim/index.js");'
        'new VideoClient({ provider: "fake" }).createVideo({ prompt: "x" })'
        ".then((job) => console.log(job.id));"
    )
    (tmp_path / "app.cjs").write_text(script, encoding="utf-8")
    done = subprocess.run(
        [node, "app.cjs"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    if done.returncode != 0 and "ERR_REQUIRE_ESM" in done.stderr:
        pytest.skip("this Node cannot require() an ES module (Node 20.19+ / 22.12+ can)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("fake:job_")


USER_FILE = """
import { VideoClient, fromSora, type Job, type CreateVideoParams } from "./video_shim/index.js";

export async function make(prompt: string, size: "1280x720" | "720x1280"): Promise<Uint8Array> {
  const client = new VideoClient();
  const params: CreateVideoParams = fromSora({ model: "sora-2", prompt, size, seconds: "8" });
  const job: Job = await client.generateVideo(params, { pollIntervalMs: 5000, timeoutMs: 600_000 });
  if (job.status !== "completed") {
    throw new Error(job.error?.message ?? "failed");
  }
  const video = await client.getVideoOutput(job.id);
  const stream: ReadableStream<Uint8Array> = video.body;
  void stream;
  return video.bytes();
}
"""
SETTINGS = {
    "node16": {"module": "Node16", "moduleResolution": "Node16"},
    "bundler": {"module": "ESNext", "moduleResolution": "Bundler"},
    "commonjs": {"module": "CommonJS", "moduleResolution": "Node10"},
}


@pytest.mark.parametrize("resolution", sorted(SETTINGS))
def test_a_vendored_ts_copy_type_checks_in_an_app(tmp_path: Path, resolution: str) -> None:
    """`tsc --noEmit --strict` on an app that imports the vendored .ts files, under each common
    module setting (the app's tsconfig, not ours)."""
    from sora_migrate.vendor import vendor_ts_shim

    node = _node(modules=True)
    vendor_ts_shim(tmp_path / "video_shim", "ts")
    (tmp_path / "make.ts").write_text(USER_FILE, encoding="utf-8")
    options = {
        "strict": True,
        "noEmit": True,
        "skipLibCheck": True,
        "target": "ES2022",
        "lib": ["ES2022", "DOM"],
        "types": [],
        **SETTINGS[resolution],
    }
    config = {"compilerOptions": options, "include": ["*.ts", "video_shim"]}
    (tmp_path / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run(
        [node, str(TSC), "-p", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("lang", ["py", "ts", "js"])
def test_a_vendored_shim_does_not_fail_the_gate(run_cli, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The copy a team vendors must not read as a use of Sora: no Sora model id, endpoint or
    SDK call at gate level (only low-confidence mentions in its comments)."""
    assert run_cli("shim", "vendor", str(tmp_path), "--lang", lang).exit_code == 0
    outcome = run_cli("check", str(tmp_path), "--format", "json")
    assert outcome.exit_code == 0, outcome.stdout
