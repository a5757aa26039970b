"""Rule files: validation errors are one line naming the file and key; user rules work."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sora_migrate.errors import RuleError
from sora_migrate.options import ScanOptions
from sora_migrate.rulepack import builtin_rules_dir, load_rule_file, load_rules, select_rules
from sora_migrate.scan import run_scan

ROOT = Path(__file__).resolve().parent.parent
VALID = """\
id: {id}
category: model-id
confidence: medium
languages: [python]
message: internal video model alias
hint: use the shim
match:
  regex: 'VIDEO_ALIAS_\\w+'
examples:
  match:
    - {{lang: python, code: "x = VIDEO_ALIAS_ONE"}}
  no_match:
    - {{lang: python, code: "x = 1"}}
"""


def _write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.yaml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda t: t.replace("confidence: medium", "confidance: medium"),
            "unknown key 'confidance'",
        ),
        (lambda t: t.replace("confidence: medium", "confidence: sure"), "'confidence' must be"),
        (lambda t: t.replace("category: model-id", "category: misc"), "category 'misc'"),
        (lambda t: t.replace("languages: [python]", "languages: [cobol]"), "unknown language"),
        (lambda t: t.replace("'VIDEO_ALIAS_\\w+'", "'(unclosed'"), "not a valid regular"),
        (lambda t: t.replace("message: internal video model alias\n", ""), "missing key 'message'"),
        (lambda t: t + "  : [\n", "invalid YAML"),
    ],
    ids=[
        "typo key",
        "bad confidence",
        "bad category",
        "bad language",
        "bad regex",
        "missing message",
        "broken yaml",
    ],
)
def test_malformed_rule_is_one_line_error(tmp_path: Path, mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "alias", mutate(VALID.format(id="alias")))
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_id_must_equal_file_stem(tmp_path: Path) -> None:
    path = _write(tmp_path, "other", VALID.format(id="alias"))
    with pytest.raises(RuleError, match="must equal the file name"):
        load_rule_file(path)


def test_user_regex_rule_reports_findings(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    _write(rules, "alias", VALID.format(id="alias"))
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text("model = VIDEO_ALIAS_FAST\n")
    result = run_scan([tmp_path / "src"], ScanOptions(jobs=1, rule_dirs=(rules,)))
    assert [(f.rule_id, f.line, f.column, f.confidence.label) for f in result.findings] == [
        ("alias", 1, 9, "medium")
    ]


def test_any_language_rule_runs_on_every_kind(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    _write(rules, "alias", VALID.format(id="alias").replace("[python]", "[any]"))
    (tmp_path / "src").mkdir()
    for name in ("app.py", "main.go", "Makefile", "main.tf", "NOTES"):
        (tmp_path / "src" / name).write_text("model = VIDEO_ALIAS_FAST\n")
    result = run_scan([tmp_path / "src"], ScanOptions(jobs=1, rule_dirs=(rules,)))
    assert sorted(f.path for f in result.findings) == [
        "Makefile",
        "NOTES",
        "app.py",
        "main.go",
        "main.tf",
    ]


def test_any_cannot_be_combined_with_named_languages(tmp_path: Path) -> None:
    path = _write(tmp_path, "alias", VALID.format(id="alias").replace("[python]", "[any, python]"))
    with pytest.raises(RuleError, match=r"'languages: \[any\]' cannot be combined"):
        load_rule_file(path)


def test_text_pass_rules_apply_to_every_kind() -> None:
    text_pass = {"model-id", "rest-endpoint", "env-var", "webhook-event", "doc-mention"}
    for rule in load_rules():
        if rule.id in text_pass:
            assert rule.languages == ("any",), rule.id


def test_unknown_rule_id_in_selection_is_an_error() -> None:
    with pytest.raises(RuleError, match="unknown rule id 'sdk-calls'"):
        select_rules(load_rules(), None, ["sdk-calls"])


def test_disabled_rule_reports_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('MODEL = "sora-2"\n')
    result = run_scan([tmp_path], ScanOptions(jobs=1, disabled_rules=("model-id",)))
    assert result.findings == []


def test_every_builtin_rule_is_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in load_rules():
        assert f"`{rule.id}`" in readme, f"README does not document rule {rule.id}"


def test_checkout_finds_the_rules_folder() -> None:
    assert builtin_rules_dir() == ROOT / "rules"


def test_wheel_ships_the_rule_pack(built_wheel: Path) -> None:
    names = set(zipfile.ZipFile(built_wheel).namelist())
    for rule in sorted((ROOT / "rules").glob("*.yaml")):
        assert f"sora_migrate/rules/{rule.name}" in names
    # the shim's data files (shared with the TypeScript shim) ship too
    for data in ("prices.json", "providers.json", "sora.json", "providers/assets/fake.mp4"):
        assert f"sora_migrate/shim/{data}" in names
