"""The analysers of the other SDK languages and of single-file components, beyond the annotated
fixtures: grammars load only when a file of their language is analysed, component findings sit
at raw-file positions, and the prefilter lets through the call shapes these SDKs use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scan_helpers import scan_snippet
from sora_migrate.analyse.components import analyse_component
from sora_migrate.analyse.context import FileContext, RuleSet
from sora_migrate.prefilter import Prefilter, python_search
from sora_migrate.rulepack import load_rules

GRAMMAR_MODULES = (
    "tree_sitter_go",
    "tree_sitter_java",
    "tree_sitter_kotlin",
    "tree_sitter_ruby",
    "tree_sitter_c_sharp",
    "tree_sitter_php",
    "tree_sitter_rust",
)
LOADED = (
    "import sys\nfrom pathlib import Path\n"
    "from sora_migrate.options import ScanOptions\nfrom sora_migrate.scan import run_scan\n"
    "found = run_scan([Path(sys.argv[1])], ScanOptions(jobs=1)).findings\n"
    "print(len(found), sorted(m for m in sys.modules if m in {modules!r}))\n"
)


def _loaded_after_scan(directory: Path) -> tuple[int, list[str]]:
    code = LOADED.format(modules=set(GRAMMAR_MODULES))
    done = subprocess.run(
        [sys.executable, "-c", code, str(directory)], capture_output=True, text=True, check=True
    )
    count, modules = done.stdout.strip().split(" ", 1)
    return int(count), eval(modules)


def test_grammars_load_only_for_their_language(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text('MODEL = "sora-2"\n', encoding="utf-8")
    (tmp_path / "Unrelated.java").write_text("class Unrelated {}\n", encoding="utf-8")
    count, modules = _loaded_after_scan(tmp_path)
    assert (count, modules) == (1, [])
    (tmp_path / "main.go").write_text('package main\n\nconst model = "sora-2"\n', encoding="utf-8")
    count, modules = _loaded_after_scan(tmp_path)
    assert (count, modules) == (2, ["tree_sitter_go"])


def test_component_findings_sit_at_raw_positions(tmp_path: Path) -> None:
    code = (
        "<template>\n  <p>Vidéo 🎬 générée</p>\n</template>\n"
        '<script setup lang="ts">\nimport OpenAI from "openai";\n'
        "const client = new OpenAI();\n"
        "const v = await client.videos.create({ prompt: \"é\", model: 'sora-2' });\n"
        "</script>\n"
    )
    findings = scan_snippet(tmp_path, "vue", code)
    lines = code.split("\n")
    by_rule = {f.rule_id: f for f in findings}
    call, model = by_rule["sdk-call"], by_rule["model-id"]
    assert (call.line, call.column) == (7, lines[6].index("client") + 1)
    assert (model.line, model.column) == (7, lines[6].index("sora-2") + 1)
    assert call.snippet == lines[6].strip()


def test_script_on_the_same_line_as_markup(tmp_path: Path) -> None:
    code = '<div>é</div><script>fetch("https://api.openai.com/v1/videos")</script>\n'
    findings = scan_snippet(tmp_path, "html", code)
    assert [(f.rule_id, f.line, f.column) for f in findings] == [
        ("rest-endpoint", 1, code.index("https") + 1)
    ]


def test_astro_frontmatter_is_typescript(tmp_path: Path) -> None:
    code = (
        '---\nimport OpenAI from "openai";\nconst ai = new OpenAI();\n'
        "const list = await ai.videos.list({ limit: 5 } satisfies { limit: number });\n---\n"
        "<ul>{list.data.map((v) => <li>{v.id}</li>)}</ul>\n"
    )
    findings = scan_snippet(tmp_path, "astro", code)
    assert [(f.rule_id, f.line, f.confidence.label) for f in findings] == [("sdk-call", 4, "high")]


def test_json_script_blocks_are_text(tmp_path: Path) -> None:
    code = (
        '<script type="application/json" id="config">{"model": "sora-2"}</script>\n'
        "<script>const x = 1;</script>\n"
    )
    findings = scan_snippet(tmp_path, "html", code)
    assert [(f.rule_id, f.line) for f in findings] == [("model-id", 1)]


@pytest.mark.parametrize(
    "source",
    [
        b"job, err := client.Videos.New(ctx, params) // openai",
        b"v, _ := svc.Videos.NewAndPoll(ctx, p, 0)",
        b"var x = client.videos().create(params); // com.openai",
        b"client.videos().downloadContent(id)",
        b"client.async().videos().withRawResponse().remix(id, p)",
        b"@client.videos.create prompt: p # OpenAI::Client",
        b"client.videos.extend_(prompt: p)",
        b"$client->videos()->create(['prompt' => $p]); // OpenAI\\Client",
        b"let job = client.videos().create(req).await?; // async_openai",
        b"use async_openai::types::videos::VideoSize;",
        b"import com.openai.models.videos.VideoCreateParams;",
        b"using OpenAI.Videos;",
        b"var vc = client.GetVideoClient();",
        b"Video: openai.VideoExtendParamsVideoUnion{}",
        b"Endpoint: openai.BatchNewParamsEndpointV1Videos,",
        b'$http->get("videos/{$id}", []); // https://api.openai.com/v1/',
        b"VideoService videos = client.videos();",
    ],
)
def test_prefilter_passes_sdk_shapes(source: bytes) -> None:
    assert python_search(source)
    assert Prefilter(backend="auto").is_candidate(source)


@pytest.mark.parametrize(
    "source",
    [
        b'resp, err := service.Videos.List([]string{"snippet"}).Do()',
        b"youtube.videos().list(parts).execute();",
        b"has_many :videos\nvideos.create(title: t)",
        b"Route::get('/videos', [VideoController::class, 'index']);",
        b"hub.videos().list(&parts).doit().await?;",
    ],
)
def test_prefilter_drops_lookalikes(source: bytes) -> None:
    assert not python_search(source)
    assert not Prefilter(backend="auto").is_candidate(source)


RULES = RuleSet.from_rules(load_rules())
PIECES = [*"abc xyz=\"'/{}é🎬中\t\n", "\r\n", "<p>", "</p>", "<!-- x -->"]
MARKUP = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(before=MARKUP, after=MARKUP, indent=st.sampled_from(["", "  ", "\t"]))
def test_component_positions_are_raw_positions(before: str, after: str, indent: str) -> None:
    script = (
        f'\n{indent}import OpenAI from "openai";\n{indent}const c = new OpenAI();\n'
        f'{indent}c.videos.remix(id, {{ prompt: "é" }});\n'
    )
    text = f"{before}<script>{script}</script>{after}"
    ctx = FileContext("Page.vue", "vue", text, RULES, Path("."))
    analyse_component(ctx)
    at = text.index("c.videos.remix")
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    calls = [(f.line, f.column) for f in ctx.findings if f.rule_id == "sdk-call"]
    assert calls == [(line, column)]
