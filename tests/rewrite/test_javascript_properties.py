"""Properties of the TS/JS rewrite on generated files: whatever surrounds a Sora call (quotes,
semicolons or none, CRLF, tabs, a BOM, comments and strings that mention Sora), the result
parses, every surrounding statement comes out byte for byte, the line endings and BOM stay,
and a second rewrite changes nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sora_migrate.rewrite.javascript.engine import rewrite_javascript_bytes
from sora_migrate.rewrite.javascript.source import Source

NOISE = [
    "const limit = 3{semi}",
    "let label = {q}it\\{q}s videos.create({q}{semi}",
    "// a comment that says openai.videos.create({{ prompt }})",
    "/* sora-2 was removed;\n   keep this note */",
    "const path = `/api/${{limit}}/videos`{semi}",
    "const re = /videos\\.create\\(/g{semi}",
    "function helper(value) {{\n{ind}return [value, {q}in_progress{q}]{semi}\n}}",
    "export const config = {{ runtime: {q}nodejs{q} }}{semi}",
    "if (limit > 2) console.log({q}queued{q}){semi}",
]
CALLS = [
    "const video = await openai.videos.create({{ model: {q}sora-2{q}, prompt: p, "
    "seconds: {q}8{q}, size: {q}1280x720{q} }}){semi}",
    "const video = await openai.videos.create({{\n{ind}{ind}prompt: p,\n"
    "{ind}{ind}// keep the default size\n{ind}{ind}model: {q}sora-2-pro{q},\n{ind}}}){semi}",
    "const video = await openai.videos.retrieve(p){semi}",
    "const video = await openai.videos.create(settings){semi}",
    "const video = await openai.videos.poll(p, {{ pollIntervalMs: 10 }}){semi}",
    "const video = await openai.videos.createAndPoll({{ prompt: p }}, "
    "{{ pollIntervalMs: 10 }}){semi}",
    "const video = await openai.videos.delete(p){semi}",
    "const video = await openai.videos.remix(p, {{ prompt: p }}){semi}",
]
TAIL = "{ind}if (video.status === {q}queued{q}) return null{semi}\n{ind}return video.id{semi}"


@st.composite
def files(draw: st.DrawFn) -> tuple[bytes, list[str], str]:
    q = draw(st.sampled_from(['"', "'"]))
    semi = draw(st.sampled_from([";", ""]))
    ind = draw(st.sampled_from(["  ", "    ", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.booleans())
    fill = {"q": q, "semi": semi, "ind": ind}
    before = [n.format(**fill) for n in draw(st.lists(st.sampled_from(NOISE), max_size=3))]
    after = [n.format(**fill) for n in draw(st.lists(st.sampled_from(NOISE), max_size=3))]
    inside = [n.format(**fill) for n in draw(st.lists(st.sampled_from(NOISE[:2]), max_size=2))]
    call = draw(st.sampled_from(CALLS)).format(**fill)
    lines = [
        f"import OpenAI from {q}openai{q}{semi}",
        *before,
        f"const openai = new OpenAI(){semi}",
        "",
        "export async function run(p, settings) {",
        *(ind + statement for statement in inside),
        ind + call,
        TAIL.format(**fill),
        "}",
        *after,
        "",
    ]
    text = "\n".join(lines).replace("\n", newline)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    kept = [s.replace("\n", newline) for s in [*before, *after, *inside]]
    return data, kept, newline


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=files(), typescript=st.booleans())
def test_rewrite_keeps_everything_around_the_call(
    case: tuple[bytes, list[str], str], typescript: bool
) -> None:
    data, kept, newline = case
    rel = "app.ts" if typescript else "app.mjs"
    root = Path("/nonexistent-root")
    result = rewrite_javascript_bytes(data, rel, root, root / "video_shim")
    assert result.outcome.status == "changed", result.outcome.reason
    new = data if result.new_data is None else result.new_data
    assert new.startswith(b"\xef\xbb\xbf") == data.startswith(b"\xef\xbb\xbf")
    body = new.removeprefix(b"\xef\xbb\xbf")
    assert not Source(rel, body).root.has_error
    text = body.decode("utf-8")
    for statement in kept:
        assert statement in text
    if newline == "\r\n":
        assert text.count("\n") == text.count("\r\n")
    else:
        assert "\r" not in text
    again = rewrite_javascript_bytes(new, rel, root, root / "video_shim")
    assert again.outcome.status == "unchanged", again.outcome
