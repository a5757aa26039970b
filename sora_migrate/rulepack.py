"""Load and validate the rule pack: built-in `rules/*.yaml` plus user directories (`--rules DIR`).

A rule file is data: id (== file stem), category, confidence, languages (file kinds, or `[any]`
for every kind), message, hint, a `match`
section the analysers interpret, and inline `examples` that the test suite runs. Built-in rules
use `match: {builtin: NAME}`; user rules use `match: {regex: ...}` over the whole file text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sora_migrate.errors import RuleError
from sora_migrate.findings import CATEGORIES, Confidence

LANGUAGES = (
    "python",
    "notebook",
    "javascript",
    "typescript",
    "yaml",
    "dotenv",
    "dockerfile",
    "shell",
    "json",
    "toml",
    "markdown",
    "rst",
    "config",
    "go",
    "java",
    "kotlin",
    "ruby",
    "csharp",
    "php",
    "rust",
    "vue",
    "svelte",
    "astro",
    "html",
    "terraform",
    "template",
    "makefile",
    "text",
)
ANY_LANGUAGE = "any"  # `languages: [any]`: every kind, including kinds added later
BUILTINS = (
    "model-id",
    "sdk-call",
    "sdk-type-import",
    "batch-endpoint",
    "rest-endpoint",
    "webhook-event",
    "env-var",
    "doc-mention",
    "dependency",
    "mcp-server",
)
_TOP_KEYS = {
    "id",
    "category",
    "confidence",
    "languages",
    "message",
    "hint",
    "url",
    "match",
    "examples",
}
_REQUIRED = ("id", "category", "confidence", "languages", "message", "hint", "match")
_EXAMPLE_KEYS = {"name", "lang", "file", "code", "confidence", "line"}


@dataclass(frozen=True)
class Example:
    """One inline example: code that must (or must not) produce a finding of its rule."""

    name: str
    lang: str
    code: str
    confidence: Confidence | None = None
    line: int | None = None
    file: str | None = None  # the file name to write it as, when the name matters


@dataclass(frozen=True)
class Rule:
    """A validated rule. `builtin` names an analyser matcher; `regex` is a user matcher."""

    id: str
    category: str
    confidence: Confidence
    languages: tuple[str, ...]
    message: str
    hint: str
    source: str
    url: str | None = None
    builtin: str | None = None
    regex: re.Pattern[str] | None = None
    matches: tuple[Example, ...] = field(default=(), compare=False)
    no_matches: tuple[Example, ...] = field(default=(), compare=False)

    def applies_to(self, kind: str) -> bool:
        """Whether the rule runs on files of this kind."""
        return self.languages == (ANY_LANGUAGE,) or kind in self.languages


def builtin_rules_dir() -> Path:
    """The shipped rule directory: in the wheel, or `rules/` beside the package in a checkout."""
    packaged = resources.files("sora_migrate").joinpath("rules")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


@lru_cache(maxsize=8)
def load_rules(extra_dirs: tuple[Path, ...] = ()) -> tuple[Rule, ...]:
    """Load built-in rules and every `*.yaml` in `extra_dirs`; ids must be unique."""
    rules: dict[str, Rule] = {}
    for directory in (builtin_rules_dir(), *extra_dirs):
        if not directory.is_dir():
            raise RuleError(f"{directory}: rule directory not found")
        for path in sorted(directory.glob("*.yaml")):
            rule = load_rule_file(path)
            if rule.id in rules:
                raise RuleError(
                    f"{path}: duplicate rule id {rule.id!r} (also in {rules[rule.id].source})"
                )
            rules[rule.id] = rule
    return tuple(rules.values())


def select_rules(
    rules: Iterable[Rule], enabled: Sequence[str] | None, disabled: Sequence[str]
) -> tuple[Rule, ...]:
    """Apply enabled/disabled rule lists; unknown ids are an error."""
    rules = tuple(rules)
    known = {rule.id for rule in rules}
    for rule_id in [*(enabled or ()), *disabled]:
        if rule_id not in known:
            raise RuleError(f"unknown rule id {rule_id!r} (known: {', '.join(sorted(known))})")
    return tuple(
        rule
        for rule in rules
        if (enabled is None or rule.id in enabled) and rule.id not in disabled
    )


def load_rule_file(path: Path) -> Rule:
    """Parse and validate one rule file, raising RuleError('<file>: <problem>')."""
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"{path}: cannot read rule file: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise RuleError(f"{path}:{where} invalid YAML") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a mapping")
    return _build_rule(path, data)


def _build_rule(path: Path, data: dict[str, Any]) -> Rule:
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise RuleError(f"{path}: unknown key {unknown[0]!r}")
    for key in _REQUIRED:
        if key not in data:
            raise RuleError(f"{path}: missing key {key!r}")
    rule_id = _text(path, data, "id")
    if rule_id != path.stem:
        raise RuleError(f"{path}: id {rule_id!r} must equal the file name {path.stem!r}")
    category = _text(path, data, "category")
    if category not in CATEGORIES:
        raise RuleError(f"{path}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    languages = data["languages"]
    if not isinstance(languages, list) or not languages:
        raise RuleError(f"{path}: 'languages' must be a non-empty list")
    if ANY_LANGUAGE in languages and len(languages) > 1:
        raise RuleError(f"{path}: 'languages: [{ANY_LANGUAGE}]' cannot be combined with others")
    for language in languages:
        if language not in LANGUAGES and language != ANY_LANGUAGE:
            raise RuleError(f"{path}: unknown language {language!r} in 'languages'")
    builtin, regex = _matcher(path, data["match"])
    matches, no_matches = _examples(path, data.get("examples"))
    return Rule(
        id=rule_id,
        category=category,
        confidence=_confidence(path, data["confidence"], "confidence"),
        languages=tuple(languages),
        message=_text(path, data, "message"),
        hint=_text(path, data, "hint"),
        source=str(path),
        url=data.get("url"),
        builtin=builtin,
        regex=regex,
        matches=matches,
        no_matches=no_matches,
    )


def _text(path: Path, data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f"{path}: {key!r} must be a non-empty string")
    return value.strip()


def _confidence(path: Path, value: object, key: str) -> Confidence:
    try:
        return Confidence.parse(str(value))
    except ValueError:
        raise RuleError(f"{path}: {key!r} must be low, medium or high, not {value!r}") from None


def _matcher(path: Path, match: object) -> tuple[str | None, re.Pattern[str] | None]:
    if not isinstance(match, dict):
        raise RuleError(f"{path}: 'match' must be a mapping with 'builtin' or 'regex'")
    unknown = sorted(set(match) - {"builtin", "regex"})
    if unknown:
        raise RuleError(f"{path}: unknown key {unknown[0]!r} in 'match'")
    if ("builtin" in match) == ("regex" in match):
        raise RuleError(f"{path}: 'match' needs exactly one of 'builtin' or 'regex'")
    if "builtin" in match:
        if match["builtin"] not in BUILTINS:
            raise RuleError(f"{path}: unknown builtin matcher {match['builtin']!r}")
        return match["builtin"], None
    from sora_migrate.analyse.user_regex import matches_empty

    try:
        regex = re.compile(str(match["regex"]))
    except (re.error, RecursionError, OverflowError) as error:
        raise RuleError(
            f"{path}: 'match.regex' is not a valid regular expression: {error}"
        ) from None
    if matches_empty(regex):
        raise RuleError(
            f"{path}: 'match.regex' matches the empty string, so it would report every "
            "position; make it match at least one character"
        )
    return None, regex


def _examples(path: Path, examples: object) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    if examples is None:
        return (), ()
    if not isinstance(examples, dict) or set(examples) - {"match", "no_match"}:
        raise RuleError(f"{path}: 'examples' must be a mapping with 'match' and 'no_match' lists")
    built: list[tuple[Example, ...]] = []
    for key in ("match", "no_match"):
        items = examples.get(key) or []
        if not isinstance(items, list):
            raise RuleError(f"{path}: 'examples.{key}' must be a list")
        built.append(tuple(_example(path, key, index, item) for index, item in enumerate(items)))
    return built[0], built[1]


def _example(path: Path, key: str, index: int, item: object) -> Example:
    where = f"examples.{key}[{index}]"
    if not isinstance(item, dict):
        raise RuleError(f"{path}: {where} must be a mapping")
    unknown = sorted(set(item) - _EXAMPLE_KEYS)
    if unknown:
        raise RuleError(f"{path}: unknown key {unknown[0]!r} in {where}")
    if item.get("lang") not in LANGUAGES:
        raise RuleError(f"{path}: {where}.lang must be one of {', '.join(LANGUAGES)}")
    if not isinstance(item.get("code"), str):
        raise RuleError(f"{path}: {where}.code must be a string")
    confidence = item.get("confidence")
    file = item.get("file")
    if file is not None and (not isinstance(file, str) or "/" in file or not file.strip()):
        raise RuleError(f"{path}: {where}.file must be a plain file name")
    return Example(
        name=str(item.get("name") or f"{key}-{index}"),
        lang=item["lang"],
        code=item["code"],
        confidence=None if confidence is None else _confidence(path, confidence, where),
        line=item.get("line"),
        file=file,
    )
