"""Parity with grep: every line that `rg --hidden -i` finds with the Sora needles is either
reported or rejected by a named look-alike rule, whatever the file's name or suffix.

The tree mixes languages the scanner parses, languages it only reads as text, infra and build
files, files with no suffix, and hidden files; each holds real references and look-alikes.
`rg` is emulated with Python's `re` (case-insensitive, hidden files, binary files skipped), and
when `rg` is installed its own answer must equal the emulation's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sora_migrate.findings import Confidence, ScanResult
from sora_migrate.options import ScanOptions
from sora_migrate.scan import run_scan

RG_PATTERN = r"sora-2|api\.openai\.com/v1/videos|openai\.azure\.com/openai/.*videos"
GREP = re.compile(RG_PATTERN, re.IGNORECASE)

# The look-alikes the scanner rejects, each named after the rule that rejects it.
LOOKALIKES = {
    "a name that merely starts with the model id (model-id: `sora-2-video-generator`)": re.compile(
        r"(?<![\w.-])sora-2-(?!pro\b|pro-\d|\d{4}-)[a-z]"
    ),
    "a host name (model-id: `sora-2.lab.internal`)": re.compile(r"sora-2\.[a-z]"),
    "a display name, not a model id (model-id: ids are lower-case)": re.compile(
        r"(?<![\w.-])(?:Sora|SORA)-2\b"
    ),
}

TREE = {
    # no suffix at all: a shell script and a licence-like note
    "bin/render": (
        "#!/bin/sh\n"
        "set -eu\n"
        'curl -s https://api.openai.com/v1/videos -H "Authorization: Bearer $OPENAI_API_KEY" \\\n'
        '  -F model=sora-2 -F prompt="$1"\n'
    ),
    "NOTICE": "This product shows a SORA-2 badge on generated clips.\n",
    "notes.txt": "Default video model: sora-2-pro\nPackage: sora-2-video-generator 0.3\n",
    "setup.cfg": "[video]\nmodel = sora-2\n",
    "chart/templates/_helpers.tpl": (
        '{{- define "video.model" -}}\n{{ .Values.video.model | default "sora-2" }}\n{{- end -}}\n'
    ),
    "infra/main.tf": (
        'resource "aws_ecs_task_definition" "render" {\n'
        "  container_definitions = jsonencode([{\n"
        "    environment = [\n"
        '      { name = "OPENAI_VIDEO_MODEL", value = "sora-2-pro" },\n'
        "    ]\n"
        "  }])\n"
        "}\n"
    ),
    "infra/terragrunt.hcl": 'inputs = {\n  video_model = "sora-2"\n}\n',
    "web/index.html": (
        "<script>\n"
        '  fetch("https://api.openai.com/v1/videos", { method: "POST" });\n'
        "</script>\n"
        "<title>SORA-2 demo</title>\n"
    ),
    "Makefile": ("render:\n\tcurl -s https://api.openai.com/v1/videos/$(ID)/content -o out.mp4\n"),
    "Procfile": "worker: python -m worker --model sora-2\n",
    "justfile": "render id:\n    curl -s https://api.openai.com/v1/videos/{{id}} | jq .status\n",
    "Gemfile": 'source "https://rubygems.org"\n# renders with sora-2 through ruby-openai\n',
    "go.mod": "module example.com/sora-2-worker\n\ngo 1.22\n",
    "main.go": (
        "package main\n\n"
        'const videosURL = "https://api.openai.com/v1/videos"\n\n'
        'var model = "sora-2"\n'
    ),
    "src/X.java": (
        "class X {\n"
        '  static final String MODEL = "sora-2-pro";\n'
        '  static final String HOST = "sora-2.lab.internal";\n'
        "}\n"
    ),
    "app.rb": 'client.post("https://api.openai.com/v1/videos", model: "sora-2")\n',
    "x.php": "<?php\n$body = ['model' => 'sora-2', 'prompt' => $prompt];\n",
    "x.rs": 'const URL: &str = "https://api.openai.com/v1/videos";\n',
    "App.vue": (
        "<template>\n  <p>Rendered with sora-2</p>\n</template>\n"
        '<script setup>\nconst model = "sora-2-pro";\n</script>\n'
    ),
    "x.svelte": '<script>\n  export let model = "sora-2";\n</script>\n',
    "Dockerfile": "FROM python:3.12-slim\nENV OPENAI_VIDEO_MODEL=sora-2\n",
    ".env.azure": (
        "AZURE_VIDEO_URL=https://studio.openai.azure.com/openai/v1/videos?api-version=preview\n"
    ),
    "styles.css": "/* the sora-2 badge */\n.badge { color: red; }\n",
    "jobs.sql": "-- jobs rendered by sora-2\nSELECT id FROM jobs WHERE model = 'sora-2';\n",
    "render.ps1": '$model = "sora-2"\n',
    "Jenkinsfile": "sh 'curl -s https://api.openai.com/v1/videos'\n",
    "api.http": "POST https://api.openai.com/v1/videos\nContent-Type: application/json\n",
    ".github/workflows/render.yml": "env:\n  OPENAI_VIDEO_MODEL: sora-2\n",
    "config.json": '{"video": {"model": "sora-2"}}\n',
    "app.py": 'MODEL = "sora-2"\nLABEL = "sora-2-video-generator"\n',
    "web/c.jsx": "export const C = () => <p>Rendered by sora-2</p>;\n",
    "docs/guide.md": "Use `sora-2` for drafts.\n\nThe Sora-2 launch changed everything.\n",
}

# Files whose only references are in comments: doc mentions, low by design.
MENTIONS_ONLY = {"Gemfile", "styles.css"}


def _grep(root: Path) -> set[tuple[str, int]]:
    """What `rg --hidden -i -n RG_PATTERN root` prints, emulated: (path, line) pairs."""
    hits = set()
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data:
            continue
        for number, line in enumerate(data.decode("utf-8").split("\n"), start=1):
            if GREP.search(line):
                hits.add((path.relative_to(root).as_posix(), number))
    return hits


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("polyglot")
    for rel, text in TREE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0sora-2\0")
    return root


@pytest.fixture(scope="module")
def scanned(tree: Path) -> ScanResult:
    return run_scan([tree], ScanOptions(jobs=1))


def test_every_grep_line_is_reported_or_a_named_lookalike(tree: Path, scanned: ScanResult) -> None:
    covered = {(f.path, line) for f in scanned.findings for line in range(f.line, f.end_line + 1)}
    missed = []
    for path, number in sorted(_grep(tree)):
        if (path, number) in covered:
            continue
        line = (tree / path).read_text(encoding="utf-8").split("\n")[number - 1]
        if not any(pattern.search(line) for pattern in LOOKALIKES.values()):
            missed.append(f"{path}:{number}: {line}")
    assert not missed, "lines grep finds that are neither reported nor a look-alike:\n" + (
        "\n".join(missed)
    )


def test_every_file_with_a_reference_is_reported_at_gate_level(scanned: ScanResult) -> None:
    gated = {f.path for f in scanned.findings if f.confidence >= Confidence.MEDIUM}
    expected = {
        rel
        for rel, text in TREE.items()
        if any(
            GREP.search(line) and not any(p.search(line) for p in LOOKALIKES.values())
            for line in text.split("\n")
        )
        and rel not in MENTIONS_ONLY
    }
    assert expected - gated == set()


def test_files_scanned_counts_every_file_read(scanned: ScanResult) -> None:
    assert scanned.files_scanned == len(TREE) + 1
    assert scanned.files_binary == 1
    assert scanned.skipped == []


@pytest.mark.skipif(shutil.which("rg") is None, reason="ripgrep is not installed")
def test_the_emulation_agrees_with_ripgrep(tree: Path) -> None:
    output = subprocess.run(
        ["rg", "--hidden", "-i", "-n", "--no-heading", "--no-config", RG_PATTERN, "."],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found = set()
    for row in output.splitlines():
        path, number, _ = row.split(":", 2)
        found.add((path.removeprefix("./"), int(number)))
    assert found == _grep(tree)


REFERENCES = (
    'MODEL = "sora-2"',
    'url = "https://api.openai.com/v1/videos"',
    "curl -s https://api.openai.com/v1/videos/$ID/content -o out.mp4",
    'endpoint: "https://studio.openai.azure.com/openai/v1/videos"',
)


@settings(max_examples=50, deadline=None)
@given(
    name=st.from_regex(r"\.?[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}", fullmatch=True),
    reference=st.sampled_from(REFERENCES),
    before=st.sampled_from(["", "# settings\n", "{\n", "<p>\n"]),
)
def test_no_file_name_hides_a_reference(name: str, reference: str, before: str) -> None:
    """Whatever a file is called, a reference in it is reported on its line, or the file is
    listed as skipped with a reason: it is never dropped silently."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / name).write_text(before + reference + "\n", encoding="utf-8")
        result = run_scan([root], ScanOptions(jobs=1))
    line = before.count("\n") + 1
    reported = any(f.line <= line <= f.end_line for f in result.findings)
    assert reported or [s.path for s in result.skipped] == [name], (name, result.findings)
