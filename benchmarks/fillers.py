"""Filler file contents for the benchmark corpus: realistic code, config and prose, no Sora.

Every generator builds a `Doc` (head lines, body blocks, tail lines) from templates with varied
identifiers until it reaches a target size. A block is a unit that can be moved or preceded by
another block without breaking the file (a top-level statement, a YAML top-level key, a JSON
top-level entry, a Markdown paragraph), which is how `plants.py` snippets are inserted.

Nothing here may produce a scanner needle: the vocabulary has no word that contains `sora` or
could form it when joined (no word ends in `so`/`sor` or starts with `ora`), never says
`completed`/`failed` after a `video` identifier, never writes a `v1` route, and names no other
video vendor. `media` projects add realistic look-alike code (Django `playlist.videos.create`,
YouTube `youtube.videos().list`, Express `/videos` routes, `fetch("/api/videos")`); `plain`
documents (hosts of planted snippets) leave all of that out.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random


def _vocabulary(text: str) -> tuple[str, ...]:
    return tuple(text.split())


NOUNS = _vocabulary(
    "account invoice order customer payment cart product report metric session token profile "
    "setting message comment post feed notification schedule task job queue worker record entry "
    "batch upload asset document template workspace project team member role permission audit "
    "event ticket subscription plan coupon shipment warehouse inventory supplier region locale "
    "currency rate forecast dashboard widget chart filter query index cache bucket snapshot "
    "backup device reading alert incident build release pipeline artifact commit branch review "
    "rating tag category catalog page link image file folder share invite contact address note "
    "tenant quota ledger receipt refund lead campaign segment cohort experiment"
)
MEDIA_NOUNS = _vocabulary(
    "video playlist channel episode clip track album stream caption subtitle transcript "
    "thumbnail creator series season trailer rendition chapter poster watchlist"
)
VERBS = _vocabulary(
    "get fetch load save update create delete build parse render sync validate process handle "
    "compute resolve format export merge filter sort group count publish archive restore "
    "refresh apply collect normalize serialize schedule notify prepare enqueue list"
)
ADJECTIVES = _vocabulary(
    "active pending recent cached default remote local public private draft featured archived "
    "primary shared stale visible hidden expired new legacy weekly daily internal external paid "
    "trial pinned"
)
FIELDS = _vocabulary(
    "name title status created_at updated_at owner_id amount currency email slug description "
    "priority position enabled region kind total quantity label url checksum version score "
    "expires_at notes"
)
PY_TYPES = ("str", "int", "float", "bool", "datetime", "Decimal", "list[str]", "dict[str, Any]")
TS_TYPES = ("string", "number", "boolean", "string[]", "Date", "Record<string, number>")
STDLIB = (
    "import json",
    "import os",
    "import re",
    "import time",
    "import uuid",
    "from collections import defaultdict",
    "from datetime import datetime, timedelta",
    "from decimal import Decimal",
    "from pathlib import Path",
    "from typing import Any",
    "from dataclasses import dataclass, field",
    "from functools import lru_cache",
    "from enum import Enum",
)
THIRD_PARTY = (
    "import requests",
    "import httpx",
    "from pydantic import BaseModel, Field",
    "from sqlalchemy import Column, Integer, String, select",
    "from sqlalchemy.orm import Session",
    "from fastapi import APIRouter, Depends, HTTPException",
    "from celery import shared_task",
    "import click",
    "import redis",
    "import boto3",
    "from django.db import models",
    "from django.shortcuts import get_object_or_404, redirect",
)
NPM = _vocabulary(
    "react react-dom express zod axios dayjs lodash clsx swr @tanstack/react-query "
    "react-router-dom pino cors helmet jsonwebtoken pg ioredis uuid date-fns yup formik "
    "classnames nanoid dotenv"
)
NPM_DEV = _vocabulary(
    "typescript vite vitest eslint prettier jest ts-jest @types/node @types/react "
    "@types/express supertest nodemon tsx husky lint-staged"
)
PIP = _vocabulary(
    "requests httpx pydantic sqlalchemy fastapi celery click redis boto3 django pytest alembic"
)
IMAGES = ("python:3.12-slim", "node:20-alpine", "postgres:16", "redis:7", "nginx:1.27")
PHRASES = (
    "for the current tenant",
    "in a single transaction",
    "before the nightly job runs",
    "when the feature flag is enabled",
    "and keep the previous version",
    "without blocking",
    "from the read replica",
    "so that the cache stays warm",
    "after the retry window",
    "using the configured defaults",
    "for the selected region",
    "in batches of one hundred",
)
SENTENCES = (
    "This module is owned by the {team} team.",
    "Keep the public interface small; callers depend on it.",
    "See the runbook before changing the retry policy.",
    "The values below are safe defaults for local development.",
    "Everything here must stay backwards compatible with the mobile app.",
    "Errors are logged and re-raised so the worker can retry.",
)
OUTCOMES = ("works", "is_idempotent", "rejects_empty", "keeps_order")
CI_COMMANDS = ("make test", "npm ci", "npm test", "pytest -q", "make lint", "npm run build")
TEAMS = ("platform", "payments", "growth", "search", "infra", "data", "mobile", "billing")


def pick(rng: Random, items: tuple[str, ...]) -> str:
    """One item of a vocabulary tuple."""
    return items[rng.randrange(len(items))]


def snake(*words: str) -> str:
    """`a_b_c` from words."""
    return "_".join(words)


def camel(*words: str) -> str:
    """`aBC` from words (snake_case parts are split first)."""
    parts = [part for word in words for part in word.split("_")]
    return parts[0] + "".join(part.title() for part in parts[1:])


def pascal(*words: str) -> str:
    """`ABC` from words (snake_case parts are split first)."""
    return "".join(part.title() for word in words for part in word.split("_"))


def kebab(*words: str) -> str:
    """`a-b-c` from words (snake_case parts are split first)."""
    return "-".join(part for word in words for part in word.split("_"))


def plural(word: str) -> str:
    """English plural (or third person) of a vocabulary word."""
    if word.endswith("ies"):
        return word
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def sentence(rng: Random, nouns: tuple[str, ...]) -> str:
    """A plausible one-line description."""
    verb = pick(rng, VERBS).title()
    noun = pick(rng, nouns).replace("_", " ")
    return f"{verb} the {pick(rng, ADJECTIVES)} {noun} records {pick(rng, PHRASES)}."


def paragraph(rng: Random, nouns: tuple[str, ...], count: int) -> str:
    """Several sentences of prose."""
    parts = [sentence(rng, nouns) for _ in range(count)]
    if rng.random() < 0.3:
        parts.append(pick(rng, SENTENCES).format(team=pick(rng, TEAMS)))
    return " ".join(parts)


@dataclass
class Doc:
    """A file as head + blocks + tail; `separator` lines go between blocks (and after head)."""

    head: list[str]
    blocks: list[list[str]] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    separator: tuple[str, ...] = ("",)
    json_entries: bool = False

    def size(self) -> int:
        """Approximate size in bytes of the rendered file."""
        lines = len(self.head) + len(self.tail) + sum(len(block) for block in self.blocks)
        chars = sum(map(len, self.head)) + sum(map(len, self.tail))
        chars += sum(len(line) for block in self.blocks for line in block)
        return chars + lines + len(self.blocks) * len(self.separator)

    def render(self) -> str:
        """The file text; JSON entries get their separating commas here."""
        out = list(self.head)
        last = len(self.blocks) - 1
        for index, block in enumerate(self.blocks):
            if self.head or index:
                out.extend(self.separator)
            if self.json_entries and index < last:
                out.extend(block[:-1])
                out.append(block[-1] + ",")
            else:
                out.extend(block)
        if self.tail:
            out.extend(self.separator)
            out.extend(self.tail)
        return "\n".join(out) + "\n"


@dataclass(frozen=True)
class Style:
    """What a project looks like: its domain words and whether media look-alikes may appear."""

    nouns: tuple[str, ...]
    package: str
    media: bool
    plain: bool = False

    @property
    def lookalikes(self) -> bool:
        """Media look-alike code is allowed (a media project, not a plant host)."""
        return self.media and not self.plain


Block = Callable[[Random, Style], list[str]]


def _fill(doc: Doc, rng: Random, style: Style, blocks: tuple[Block, ...], target: int) -> Doc:
    """Append random blocks until the document reaches `target` bytes (at least one block)."""
    size = doc.size()
    extra = len(doc.separator)
    while size < target or not doc.blocks:
        block = blocks[rng.randrange(len(blocks))](rng, style)
        doc.blocks.append(block)
        size += sum(map(len, block)) + len(block) + extra
    return doc


# --- Python -------------------------------------------------------------------------------


def py_head(rng: Random, style: Style, stdlib: str = "", third_party: str = "") -> list[str]:
    """Module docstring and imports: `logging` and the given ones, plus a random few."""
    lines = [f'"""{sentence(rng, style.nouns)}"""', "", "from __future__ import annotations", ""]
    lines += sorted({"import logging", stdlib, *rng.sample(STDLIB, rng.randint(1, 4))} - {""})
    lines.append("")
    lines += sorted({third_party, *rng.sample(THIRD_PARTY, rng.randint(1, 3))} - {""})
    if rng.random() < 0.5:
        module = f"{style.package}.{plural(pick(rng, style.nouns))}"
        lines.append(f"from {module} import {pascal(pick(rng, style.nouns))}")
    lines += ["", "logger = logging.getLogger(__name__)"]
    return lines


def py_constants(rng: Random, style: Style) -> list[str]:
    """Module constants."""
    lines = []
    for _ in range(rng.randint(2, 6)):
        name = snake(
            pick(rng, ADJECTIVES), pick(rng, style.nouns), pick(rng, ("limit", "ttl", "size"))
        ).upper()
        lines.append(f"{name} = {rng.randint(2, 5000)}")
    prefix = kebab(pick(rng, style.nouns), pick(rng, ADJECTIVES))
    lines.append(f'{pick(rng, style.nouns).upper()}_PREFIX = "{prefix}"')
    return lines


def py_dataclass(rng: Random, style: Style) -> list[str]:
    """A dataclass with fields and a method."""
    noun = pick(rng, style.nouns)
    fields = rng.sample(FIELDS, rng.randint(3, 7))
    lines = [
        "@dataclass(frozen=True)",
        f"class {pascal(noun, pick(rng, ('info', 'summary', 'record', 'view', 'item')))}:",
        f'    """{sentence(rng, style.nouns)}"""',
        "",
    ]
    lines += [f"    {name}: {pick(rng, PY_TYPES)}" for name in fields]
    lines += [
        "",
        f"    def {snake(pick(rng, ('to', 'as')), 'dict')}(self) -> dict[str, Any]:",
        '        """A JSON-ready copy."""',
        "        return {",
    ]
    lines += [f'            "{name}": self.{name},' for name in fields]
    lines.append("        }")
    return lines


def py_function(rng: Random, style: Style) -> list[str]:
    """A function with a loop and branches."""
    noun, verb = pick(rng, style.nouns), pick(rng, VERBS)
    key, limit = pick(rng, FIELDS), rng.randint(5, 500)
    return [
        f"def {plural(snake(verb, pick(rng, ADJECTIVES), noun))}(",
        f"    items: list[dict[str, Any]], *, limit: int = {limit}",
        ") -> dict[str, int]:",
        f'    """{sentence(rng, style.nouns)}"""',
        "    result: dict[str, int] = {}",
        "    for item in items:",
        f'        key = str(item.get("{key}", "{pick(rng, ADJECTIVES)}"))',
        "        if key in result:",
        "            result[key] += 1",
        "        elif len(result) < limit:",
        "            result[key] = 1",
        "        else:",
        f'            logger.debug("dropping {noun} %s", key)',
        "    return result",
    ]


def py_service(rng: Random, style: Style) -> list[str]:
    """A small service class around an HTTP session."""
    noun = pick(rng, style.nouns)
    other = pick(rng, style.nouns)
    return [
        f"class {pascal(noun)}Service:",
        f'    """{sentence(rng, style.nouns)}"""',
        "",
        "    def __init__(self, session: requests.Session, base_url: str) -> None:",
        "        self.session = session",
        '        self.base_url = base_url.rstrip("/")',
        "",
        f"    def {snake(pick(rng, VERBS), noun)}(self, {noun}_id: str) -> dict[str, Any]:",
        f'        url = f"{{self.base_url}}/{plural(noun)}/{{{noun}_id}}"',
        f"        response = self.session.get(url, timeout={rng.randint(2, 30)})",
        "        response.raise_for_status()",
        "        return response.json()",
        "",
        f"    def {plural(snake(pick(rng, VERBS), other))}(self, page: int = 1) -> list[Any]:",
        f'        params = {{"page": page, "per_page": {rng.choice((20, 50, 100))}}}',
        f'        response = self.session.get(f"{{self.base_url}}/{plural(other)}", params=params)',
        "        response.raise_for_status()",
        f'        return response.json()["{pick(rng, ("items", "results", "data"))}"]',
    ]


def py_model(rng: Random, style: Style) -> list[str]:
    """A Django model."""
    noun = pick(rng, style.nouns)
    lines = [f"class {pascal(noun)}(models.Model):"]
    for name in rng.sample(FIELDS, rng.randint(3, 6)):
        column = rng.choice(
            (
                f"models.CharField(max_length={rng.choice((64, 120, 255))})",
                "models.IntegerField(default=0)",
                "models.DateTimeField(auto_now_add=True)",
                "models.BooleanField(default=False)",
                "models.TextField(blank=True)",
            )
        )
        lines.append(f"    {name} = {column}")
    lines += [
        "    owner = models.ForeignKey(",
        f'        "auth.User", on_delete=models.CASCADE, related_name="{plural(noun)}"',
        "    )",
        "",
        "    class Meta:",
        f'        ordering = ["-{pick(rng, FIELDS)}"]',
        "",
        "    def __str__(self) -> str:",
        f'        return f"{pascal(noun)} {{self.pk}}"',
    ]
    return lines


def py_route(rng: Random, style: Style) -> list[str]:
    """A FastAPI route."""
    noun = pick(rng, style.nouns)
    return [
        f'@router.get("/{plural(noun)}/{{{noun}_id}}")',
        f"async def {snake(pick(rng, VERBS), noun)}(",
        f"    {noun}_id: int, db: Session = Depends(get_db)",
        ") -> dict[str, Any]:",
        f'    """{sentence(rng, style.nouns)}"""',
        f"    record = db.get({pascal(noun)}, {noun}_id)",
        "    if record is None:",
        f'        raise HTTPException(status_code=404, detail="{noun} not found")',
        f'    return {{"id": record.id, "{pick(rng, FIELDS)}": record.{pick(rng, FIELDS)}}}',
    ]


def py_task(rng: Random, style: Style) -> list[str]:
    """A Celery task with retries."""
    noun = pick(rng, style.nouns)
    return [
        f"@shared_task(bind=True, max_retries={rng.randint(1, 8)})",
        f"def {plural(snake(pick(rng, VERBS), pick(rng, ADJECTIVES), noun))}(",
        "    self, tenant_id: int",
        ") -> int:",
        f"    # {sentence(rng, style.nouns)}",
        "    try:",
        f"        count = {snake(pick(rng, VERBS), noun)}_for_tenant(tenant_id)",
        "    except ConnectionError as error:",
        f"        raise self.retry(exc=error, countdown={rng.randint(5, 600)}) from error",
        f'    logger.info("processed %d {plural(noun)} for %s", count, tenant_id)',
        "    return count",
    ]


def py_enum(rng: Random, style: Style) -> list[str]:
    """An Enum."""
    members = rng.sample(ADJECTIVES, rng.randint(3, 6))
    lines = [f"class {pascal(pick(rng, style.nouns))}State(str, Enum):"]
    lines += [f'    {member.upper()} = "{member}"' for member in members]
    return lines


def py_test(rng: Random, style: Style) -> list[str]:
    """A pytest test function."""
    noun, verb = pick(rng, style.nouns), pick(rng, VERBS)
    return [
        f"def test_{snake(verb, pick(rng, ADJECTIVES), noun)}_{pick(rng, OUTCOMES)}(",
        "    tmp_path: Path,",
        ") -> None:",
        f'    {noun} = make_{noun}(name="{pick(rng, ADJECTIVES)}", count={rng.randint(1, 40)})',
        f"    result = {snake(verb, noun)}({noun}, root=tmp_path)",
        f"    assert result.{pick(rng, FIELDS)} == {rng.randint(0, 99)}",
        f"    assert len(result.items) == {rng.randint(0, 12)}",
    ]


def py_fixture(rng: Random, style: Style) -> list[str]:
    """A pytest fixture."""
    noun = pick(rng, style.nouns)
    return [
        "@pytest.fixture",
        f"def {pick(rng, ADJECTIVES)}_{noun}() -> dict[str, Any]:",
        "    return {",
        f'        "id": {rng.randint(1, 9999)},',
        f'        "{pick(rng, FIELDS)}": "{pick(rng, ADJECTIVES)}",',
        f'        "tags": ["{pick(rng, style.nouns)}"],',
        "    }",
    ]


def py_playlist_view(rng: Random, style: Style) -> list[str]:
    """Django view adding a video to a playlist through the related manager (look-alike)."""
    return [
        f"def {snake('add', pick(rng, ADJECTIVES), 'video')}(",
        "    request: HttpRequest, playlist_id: int",
        ") -> HttpResponse:",
        "    playlist = get_object_or_404(Playlist, pk=playlist_id)",
        f'    playlist.videos.create(title=request.POST["title"], duration={rng.randint(10, 900)})',
        '    return redirect("playlist-detail", pk=playlist.pk)',
    ]


def py_youtube(rng: Random, style: Style) -> list[str]:
    """YouTube Data API listing (look-alike)."""
    name = snake("fetch", pick(rng, ADJECTIVES), "uploads")
    return [
        f"def {name}(youtube: Any, channel_id: str) -> list[dict[str, Any]]:",
        "    request = youtube.videos().list(",
        f'        part="snippet,contentDetails", maxResults={rng.choice((25, 50))}, id=channel_id',
        "    )",
        "    response = request.execute()",
        '    return [item["snippet"] for item in response.get("items", [])]',
    ]


PY_BLOCKS: tuple[Block, ...] = (
    py_constants,
    py_dataclass,
    py_function,
    py_function,
    py_service,
    py_model,
    py_route,
    py_task,
    py_enum,
)
PY_TEST_BLOCKS: tuple[Block, ...] = (py_test, py_test, py_test, py_fixture, py_function)
PY_MEDIA_BLOCKS: tuple[Block, ...] = (py_playlist_view, py_youtube)


def python_module(rng: Random, style: Style, target: int) -> Doc:
    """A Python module."""
    blocks = PY_BLOCKS * 8 + PY_MEDIA_BLOCKS if style.lookalikes else PY_BLOCKS
    return _fill(Doc(py_head(rng, style), separator=("", "")), rng, style, blocks, target)


def python_test(rng: Random, style: Style, target: int) -> Doc:
    """A pytest module."""
    head = py_head(rng, style, third_party="import pytest")
    return _fill(Doc(head, separator=("", "")), rng, style, PY_TEST_BLOCKS, target)


def python_script(rng: Random, style: Style, target: int) -> Doc:
    """A command-line script with a main guard."""
    noun = pick(rng, style.nouns)
    head = ["#!/usr/bin/env python3", *py_head(rng, style, stdlib="import argparse")]
    tail = [
        "def main() -> int:",
        f'    parser = argparse.ArgumentParser(description="{sentence(rng, style.nouns)}")',
        f'    parser.add_argument("--{noun}", required=True)',
        '    parser.add_argument("--dry-run", action="store_true")',
        "    args = parser.parse_args()",
        f'    logger.info("running for %s", args.{noun})',
        "    return 0",
        "",
        "",
        'if __name__ == "__main__":',
        "    raise SystemExit(main())",
    ]
    doc = Doc(head, tail=tail, separator=("", ""))
    return _fill(doc, rng, style, PY_BLOCKS, target)


def python_init(rng: Random, style: Style, target: int) -> Doc:
    """A package `__init__.py`."""
    noun = pick(rng, style.nouns)
    return Doc(
        [f'"""{sentence(rng, style.nouns)}"""', ""],
        [[f"from .{plural(noun)} import {pascal(noun)}", "", f'__all__ = ["{pascal(noun)}"]']],
    )


# --- TypeScript / JavaScript ----------------------------------------------------------------


def ts_head(rng: Random, style: Style, jsx: bool) -> list[str]:
    """Import lines."""
    lines = ['import { useEffect, useMemo, useState } from "react";'] if jsx else []
    for _ in range(rng.randint(1, 4)):
        noun = pick(rng, style.nouns)
        module = kebab(pick(rng, ("lib", "types", "api")), noun)
        lines.append(f'import {{ {pascal(noun)} }} from "../{module}";')
    if rng.random() < 0.5:
        library = pick(rng, ("clsx", "dayjs", "axios"))
        lines.append(f'import {library} from "{library}";')
    return lines


def ts_interface(rng: Random, style: Style) -> list[str]:
    """An exported interface."""
    name = pascal(pick(rng, style.nouns), pick(rng, ("props", "state", "dto", "row")))
    lines = [f"export interface {name} {{"]
    lines += [
        f"  {camel(name)}{'?' if rng.random() < 0.3 else ''}: {pick(rng, TS_TYPES)};"
        for name in rng.sample(FIELDS, rng.randint(3, 8))
    ]
    lines.append("}")
    return lines


def ts_function(rng: Random, style: Style) -> list[str]:
    """A utility function."""
    noun = pick(rng, style.nouns)
    key = camel(pick(rng, FIELDS))
    return [
        f"export function {plural(camel(pick(rng, VERBS), pick(rng, ADJECTIVES), noun))}(",
        f"  items: {pascal(noun)}[],",
        f"  limit = {rng.randint(5, 200)},",
        f"): {pascal(noun)}[] {{",
        "  const seen = new Set<string>();",
        f"  const result: {pascal(noun)}[] = [];",
        "  for (const item of items) {",
        f"    if (seen.has(String(item.{key})) || result.length >= limit) {{",
        "      continue;",
        "    }",
        f"    seen.add(String(item.{key}));",
        "    result.push(item);",
        "  }",
        "  return result;",
        "}",
    ]


def ts_service(rng: Random, style: Style) -> list[str]:
    """A class calling the app's own API."""
    noun = pick(rng, style.nouns)
    return [
        f"export class {pascal(noun)}Client {{",
        "  constructor(private readonly baseUrl: string) {}",
        "",
        f"  async {camel(pick(rng, VERBS), noun)}(id: string): Promise<{pascal(noun)}> {{",
        f"    const res = await fetch(`${{this.baseUrl}}/{plural(noun)}/${{id}}`);",
        "    if (!res.ok) {",
        f"      throw new Error(`{noun} ${{id}}: ${{res.status}}`);",
        "    }",
        "    return res.json();",
        "  }",
        "}",
    ]


def ts_constants(rng: Random, style: Style) -> list[str]:
    """Exported constants."""
    lines = []
    for _ in range(rng.randint(2, 5)):
        name = snake(
            pick(rng, ADJECTIVES), pick(rng, style.nouns), pick(rng, ("limit", "timeout"))
        ).upper()
        lines.append(f"export const {name} = {rng.randint(1, 10000)};")
    values = ", ".join(f'"{a}"' for a in rng.sample(ADJECTIVES, 4))
    lines.append(f"export const {camel(pick(rng, style.nouns), 'states')} = [{values}] as const;")
    return lines


def tsx_component(rng: Random, style: Style) -> list[str]:
    """A React function component."""
    noun = pick(rng, style.nouns)
    name = pascal(noun, pick(rng, ("list", "panel", "card", "table", "picker")))
    field_name = camel(pick(rng, FIELDS))
    return [
        f"export function {name}({{ items, onSelect }}: {pascal(noun)}ListProps) {{",
        "  const [selected, setSelected] = useState<string | null>(null);",
        "  const sorted = useMemo(",
        "    () =>",
        "      [...items].sort((a, b) =>",
        f"        String(a.{field_name}).localeCompare(String(b.{field_name})),",
        "      ),",
        "    [items],",
        "  );",
        "  useEffect(() => {",
        "    if (selected) {",
        "      onSelect(selected);",
        "    }",
        "  }, [selected, onSelect]);",
        "  return (",
        f'    <ul className="{kebab(noun, "list")}">',
        "      {sorted.map((item) => (",
        "        <li key={item.id} onClick={() => setSelected(item.id)}>",
        f"          {{item.{field_name}}}",
        "        </li>",
        "      ))}",
        "    </ul>",
        "  );",
        "}",
    ]


def ts_test(rng: Random, style: Style) -> list[str]:
    """A vitest/jest suite."""
    noun = pick(rng, style.nouns)
    return [
        f'describe("{camel(pick(rng, VERBS), noun)}", () => {{',
        f'  it("{plural(pick(rng, VERBS))} {pick(rng, ADJECTIVES)} {plural(noun)}", () => {{',
        f'    const items = [{{ id: "a", {camel(pick(rng, FIELDS))}: {rng.randint(0, 9)} }}];',
        f"    const result = {plural(camel(pick(rng, VERBS), noun))}(items);",
        f"    expect(result).toHaveLength({rng.randint(0, 3)});",
        "  });",
        "});",
    ]


def ts_fetch_videos(rng: Random, style: Style) -> list[str]:
    """A hook reading the app's own video API (look-alike)."""
    return [
        f"export async function {camel('load', pick(rng, ADJECTIVES), 'videos')}() {{",
        '  const res = await fetch("/api/videos");',
        "  return res.json();",
        "}",
    ]


TS_BLOCKS: tuple[Block, ...] = (ts_interface, ts_function, ts_function, ts_service, ts_constants)
TS_MEDIA_BLOCKS: tuple[Block, ...] = (ts_fetch_videos,)


def typescript_module(rng: Random, style: Style, target: int) -> Doc:
    """A `.ts` module."""
    blocks = TS_BLOCKS * 8 + TS_MEDIA_BLOCKS if style.lookalikes else TS_BLOCKS
    return _fill(Doc(ts_head(rng, style, jsx=False)), rng, style, blocks, target)


def tsx_module(rng: Random, style: Style, target: int) -> Doc:
    """A `.tsx` React module."""
    blocks: tuple[Block, ...] = (tsx_component, tsx_component, ts_interface, ts_function) * 8
    if style.lookalikes:
        blocks += TS_MEDIA_BLOCKS
    return _fill(Doc(ts_head(rng, style, jsx=True)), rng, style, blocks, target)


def ts_test_module(rng: Random, style: Style, target: int) -> Doc:
    """A `.test.ts` suite."""
    head = ['import { describe, expect, it } from "vitest";', *ts_head(rng, style, jsx=False)]
    return _fill(Doc(head), rng, style, (ts_test,), target)


def js_route(rng: Random, style: Style) -> list[str]:
    """An Express route."""
    noun = pick(rng, style.nouns)
    return [
        f'router.get("/{plural(noun)}/:id", async (req, res, next) => {{',
        "  try {",
        f"    const row = await db.{plural(camel(noun))}.findById(req.params.id);",
        "    if (!row) {",
        f'      return res.status(404).json({{ error: "{noun} not found" }});',
        "    }",
        "    return res.json(row);",
        "  } catch (err) {",
        "    return next(err);",
        "  }",
        "});",
    ]


def js_middleware(rng: Random, style: Style) -> list[str]:
    """An Express middleware function."""
    return [
        f"function {camel('require', pick(rng, style.nouns))}(req, res, next) {{",
        f'  const value = req.get("x-{kebab(pick(rng, style.nouns), "id")}");',
        "  if (!value) {",
        f"    return res.status({rng.choice((400, 401, 403))}).end();",
        "  }",
        f"  req.{camel(pick(rng, style.nouns))} = value;",
        "  return next();",
        "}",
    ]


def js_video_route(rng: Random, style: Style) -> list[str]:
    """The app's own `/videos` route (look-alike)."""
    return [f'app.get("/videos", {camel("list", pick(rng, ADJECTIVES), "videos")});']


def javascript_module(rng: Random, style: Style, target: int) -> Doc:
    """An Express server module (CommonJS)."""
    head = [
        'const express = require("express");',
        f'const db = require("../{pick(rng, ("db", "models", "store"))}");',
        "",
        "const router = express.Router();",
    ]
    blocks: tuple[Block, ...] = (js_route, js_route, js_middleware) * 8
    if style.lookalikes:
        blocks += (js_video_route,)
    doc = Doc(head, tail=["module.exports = router;"])
    return _fill(doc, rng, style, blocks, target)


# --- Go and Java ---------------------------------------------------------------------------


def go_struct(rng: Random, style: Style) -> list[str]:
    """A struct with JSON tags."""
    noun = pick(rng, style.nouns)
    fields = rng.sample(FIELDS, rng.randint(2, 5))
    lines = [f"// {pascal(noun)} is stored {pick(rng, PHRASES)}.", f"type {pascal(noun)} struct {{"]
    lines += [f'\t{pascal(field)} string `json:"{snake(field)}"`' for field in fields]
    return [*lines, "}"]


def go_function(rng: Random, style: Style) -> list[str]:
    """A function with error handling."""
    noun = pick(rng, style.nouns)
    name = pascal(pick(rng, VERBS), pick(rng, ADJECTIVES), noun)
    return [
        f"// {name} {pick(rng, PHRASES)}.",
        f"func {name}(ctx context.Context, ids []string) ([]string, error) {{",
        "\tresult := make([]string, 0, len(ids))",
        "\tfor _, id := range ids {",
        "\t\tif err := ctx.Err(); err != nil {",
        f'\t\t\treturn nil, fmt.Errorf("{kebab(pick(rng, VERBS), noun)}: %w", err)',
        "\t\t}",
        f'\t\tresult = append(result, "{snake(noun)}/"+id)',
        "\t}",
        "\treturn result, nil",
        "}",
    ]


def go_handler(rng: Random, style: Style) -> list[str]:
    """A net/http handler."""
    noun = pick(rng, style.nouns)
    return [
        f"func {camel('handle', plural(noun))}(w http.ResponseWriter, r *http.Request) {{",
        f'\tid := r.URL.Query().Get("{snake(noun, "id")}")',
        '\tif id == "" {',
        '\t\thttp.Error(w, "missing id", http.StatusBadRequest)',
        "\t\treturn",
        "\t}",
        f'\tfmt.Fprintf(w, "{{\\"{snake(noun)}\\": %q}}", id)',
        "}",
    ]


def go_module(rng: Random, style: Style, target: int) -> Doc:
    """A Go source file of a service."""
    package = pick(rng, style.nouns).replace("-", "")
    head = [
        f"// Package {package} {pick(rng, PHRASES)}.",
        f"package {package}",
        "",
        "import (",
        '\t"context"',
        '\t"fmt"',
        '\t"net/http"',
        ")",
    ]
    return _fill(Doc(head), rng, style, (go_struct, go_function, go_handler), target)


def java_method(rng: Random, style: Style) -> list[str]:
    """A service method."""
    noun = pick(rng, style.nouns)
    kind = pascal(noun)
    return [
        f"    /** {sentence(rng, style.nouns)} */",
        f"    public List<{kind}> {camel(pick(rng, VERBS), plural(noun))}(String key, int max) {{",
        f"        List<{kind}> result = new ArrayList<>();",
        f"        for ({kind} item : repository.findAll(key)) {{",
        "            if (result.size() >= limit) {",
        "                break;",
        "            }",
        "            result.add(item);",
        "        }",
        "        return result;",
        "    }",
    ]


def java_getter(rng: Random, style: Style) -> list[str]:
    """A field with its getter."""
    field = camel(pick(rng, FIELDS))
    return [
        f'    private String {field} = "{kebab(pick(rng, style.nouns))}";',
        "",
        f"    public String get{pascal(field)}() {{",
        f"        return {field};",
        "    }",
    ]


def java_class(rng: Random, style: Style, target: int) -> Doc:
    """A Java service class."""
    noun = pick(rng, style.nouns)
    head = [
        f"package com.example.{pick(rng, style.nouns).replace('-', '')};",
        "",
        "import java.util.ArrayList;",
        "import java.util.List;",
        "",
        f"public class {pascal(noun)}Service {{",
        f"    private final {pascal(noun)}Repository repository;",
        "",
        f"    public {pascal(noun)}Service({pascal(noun)}Repository repository) {{",
        "        this.repository = repository;",
        "    }",
    ]
    return _fill(Doc(head, tail=["}"]), rng, style, (java_method, java_getter), target)


# --- YAML, JSON, TOML -----------------------------------------------------------------------


def yaml_job(rng: Random, style: Style) -> list[str]:
    """One GitHub Actions job (indented under `jobs:`)."""
    name = kebab(pick(rng, VERBS), pick(rng, style.nouns))
    lines = [
        f"  {name}:",
        "    runs-on: ubuntu-latest",
        f"    timeout-minutes: {rng.randint(5, 60)}",
        "    steps:",
        "      - uses: actions/checkout@v4",
        f"      - uses: actions/setup-{pick(rng, ('python', 'node'))}@v5",
        f"      - run: {pick(rng, CI_COMMANDS)}",
    ]
    if rng.random() < 0.5:
        secret = snake(pick(rng, style.nouns), "token").upper()
        lines += [
            f"      - name: {sentence(rng, style.nouns)[:-1]}",
            f"        run: ./scripts/{kebab(pick(rng, VERBS), pick(rng, style.nouns))}.sh",
            "        env:",
            f"          {secret}: ${{{{ secrets.{secret} }}}}",
        ]
    return lines


def workflow(rng: Random, style: Style, target: int) -> Doc:
    """A GitHub Actions workflow."""
    head = [
        f"name: {pick(rng, VERBS).title()} {plural(pick(rng, style.nouns))}",
        "on:",
        "  push:",
        "    branches: [main]",
        "  pull_request:",
        "",
        "jobs:",
    ]
    return _fill(Doc(head, separator=()), rng, style, (yaml_job,), target)


def compose_service(rng: Random, style: Style) -> list[str]:
    """One docker-compose service (indented under `services:`)."""
    noun = pick(rng, style.nouns)
    name = kebab(noun, pick(rng, ("api", "worker", "web", "db", "cache")))
    return [
        f"  {name}:",
        f"    image: {pick(rng, IMAGES)}",
        "    restart: unless-stopped",
        "    ports:",
        f'      - "{rng.randint(3000, 9999)}:{rng.randint(3000, 9999)}"',
        "    environment:",
        f"      {snake(noun, 'url').upper()}: postgres://app@db/{plural(noun)}",
        f"      LOG_LEVEL: {pick(rng, ('info', 'debug', 'warning'))}",
    ]


def compose(rng: Random, style: Style, target: int) -> Doc:
    """A docker-compose file."""
    return _fill(Doc(["services:"], separator=()), rng, style, (compose_service,), target)


def k8s_object(rng: Random, style: Style) -> list[str]:
    """One Kubernetes document."""
    name = kebab(pick(rng, style.nouns), pick(rng, ("api", "worker", "web")))
    return [
        "---",
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        f"  name: {name}",
        "  labels:",
        f"    app: {name}",
        "spec:",
        f"  replicas: {rng.randint(1, 6)}",
        "  selector:",
        "    matchLabels:",
        f"      app: {name}",
        "  template:",
        "    spec:",
        "      containers:",
        f"        - name: {name}",
        f"          image: registry.example.com/{name}:{rng.randint(1, 40)}.{rng.randint(0, 20)}.0",
        "          resources:",
        "            limits:",
        f"              memory: {rng.choice((128, 256, 512))}Mi",
        f'              cpu: "{rng.choice(("250m", "500m", "1"))}"',
    ]


def k8s(rng: Random, style: Style, target: int) -> Doc:
    """A multi-document Kubernetes manifest."""
    return _fill(Doc([], separator=()), rng, style, (k8s_object,), target)


def yaml_section(rng: Random, style: Style) -> list[str]:
    """A top-level section of an application config."""
    lines = [f"{snake(pick(rng, style.nouns), pick(rng, ('settings', 'limits', 'options')))}:"]
    for _ in range(rng.randint(2, 7)):
        value = rng.choice((str(rng.randint(0, 9000)), pick(rng, ADJECTIVES), "true", "false"))
        lines.append(f"  {snake(pick(rng, ADJECTIVES), pick(rng, FIELDS))}: {value}")
    return lines


def yaml_config(rng: Random, style: Style, target: int) -> Doc:
    """An application config file."""
    head = [f"# {sentence(rng, style.nouns)}", f"version: {rng.randint(1, 4)}"]
    return _fill(Doc(head), rng, style, (yaml_section,), target)


def json_entry(rng: Random, style: Style) -> list[str]:
    """A top-level JSON entry with a nested value."""
    key = camel(pick(rng, style.nouns), pick(rng, ("settings", "limits", "labels", "defaults")))
    value = {
        camel(pick(rng, FIELDS)): rng.choice((rng.randint(0, 999), pick(rng, ADJECTIVES), True))
        for _ in range(rng.randint(2, 6))
    }
    return _json_lines(key, value)


def _json_lines(key: str, value: object) -> list[str]:
    rendered = json.dumps(value, indent=2).split("\n")
    return [f"  {json.dumps(key)}: {rendered[0]}", *(f"  {line}" for line in rendered[1:])]


def json_config(rng: Random, style: Style, target: int) -> Doc:
    """A JSON settings file."""
    return _fill(
        Doc(["{"], tail=["}"], separator=(), json_entries=True), rng, style, (json_entry,), target
    )


def json_fixture(rng: Random, style: Style, target: int) -> Doc:
    """A JSON test fixture: a list of records under one key per block."""

    def records(rng: Random, style: Style) -> list[str]:
        rows = [
            {
                camel(name): rng.choice((rng.randint(0, 99999), pick(rng, ADJECTIVES)))
                for name in rng.sample(FIELDS, 5)
            }
            for _ in range(rng.randint(2, 8))
        ]
        return _json_lines(f"{plural(pick(rng, style.nouns))}{rng.randint(1, 99)}", rows)

    return _fill(
        Doc(["{"], tail=["}"], separator=(), json_entries=True), rng, style, (records,), target
    )


def package_json(rng: Random, style: Style, target: int) -> Doc:
    """A package.json."""
    deps = {
        name: f"^{rng.randint(1, 18)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}"
        for name in sorted(rng.sample(NPM, rng.randint(3, 12)))
    }
    dev = {
        name: f"^{rng.randint(1, 9)}.{rng.randint(0, 12)}.0"
        for name in sorted(rng.sample(NPM_DEV, rng.randint(2, 8)))
    }
    scripts = {"build": "tsc -p .", "test": "vitest run", "lint": "eslint .", "dev": "vite"}
    scope = style.package.replace("_", "-")
    name = f"@{scope}/{kebab(pick(rng, style.nouns), pick(rng, ('ui', 'api', 'core', 'web')))}"
    entries = [
        _json_lines("name", name),
        _json_lines("version", f"{rng.randint(0, 3)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"),
        _json_lines("private", True),
        _json_lines("scripts", scripts),
        _json_lines("dependencies", deps),
        _json_lines("devDependencies", dev),
    ]
    return Doc(["{"], entries, ["}"], separator=(), json_entries=True)


def tsconfig(rng: Random, style: Style, target: int) -> Doc:
    """A tsconfig.json."""
    options = {
        "target": rng.choice(("ES2020", "ES2022")),
        "module": "ESNext",
        "moduleResolution": "bundler",
        "strict": True,
        "jsx": "react-jsx",
        "skipLibCheck": True,
        "outDir": "dist",
    }
    entries = [_json_lines("compilerOptions", options), _json_lines("include", ["src"])]
    return Doc(["{"], entries, ["}"], separator=(), json_entries=True)


def pyproject(rng: Random, style: Style, target: int) -> Doc:
    """A pyproject.toml."""
    deps = ", ".join(
        f'"{name}>={rng.randint(1, 4)}.{rng.randint(0, 9)}"' for name in rng.sample(PIP, 4)
    )
    head = [
        "[project]",
        f'name = "{kebab(style.package)}"',
        f'version = "{rng.randint(0, 3)}.{rng.randint(0, 20)}.0"',
        'requires-python = ">=3.10"',
        f"dependencies = [{deps}]",
    ]
    tail = ["[tool.ruff]", f"line-length = {rng.choice((88, 100, 120))}"]
    return Doc(head, [["[tool.pytest.ini_options]", 'testpaths = ["tests"]']], tail)


# --- Markdown, shell, dotenv and the rest -------------------------------------------------


def md_paragraph(rng: Random, style: Style) -> list[str]:
    """A paragraph of prose."""
    return [paragraph(rng, style.nouns, rng.randint(2, 6))]


def md_heading(rng: Random, style: Style) -> list[str]:
    """A section heading and a paragraph."""
    return [
        f"## {pick(rng, VERBS).title()} {plural(pick(rng, style.nouns))}",
        "",
        paragraph(rng, style.nouns, rng.randint(1, 4)),
    ]


def md_list(rng: Random, style: Style) -> list[str]:
    """A bullet list."""
    return [f"- {sentence(rng, style.nouns)}" for _ in range(rng.randint(3, 8))]


def md_code(rng: Random, style: Style) -> list[str]:
    """A fenced shell example."""
    return [
        "```bash",
        f"make {pick(rng, VERBS)}-{pick(rng, style.nouns)}",
        f"./scripts/{kebab(pick(rng, VERBS), pick(rng, style.nouns))}.sh --{pick(rng, ADJECTIVES)}",
        "```",
    ]


def md_table(rng: Random, style: Style) -> list[str]:
    """A small table."""
    lines = ["| Name | Default | Description |", "| --- | --- | --- |"]
    for _ in range(rng.randint(2, 6)):
        setting = snake(pick(rng, ADJECTIVES), pick(rng, FIELDS))
        lines.append(f"| `{setting}` | {rng.randint(0, 500)} | {sentence(rng, style.nouns)} |")
    return lines


def markdown(rng: Random, style: Style, target: int) -> Doc:
    """A README or docs page."""
    head = [
        f"# {pascal(pick(rng, style.nouns))} {pick(rng, ('service', 'guide', 'notes', 'design'))}",
        "",
        paragraph(rng, style.nouns, 2),
    ]
    blocks = (md_paragraph, md_paragraph, md_heading, md_list, md_code, md_table)
    return _fill(Doc(head), rng, style, blocks, target)


def sh_function(rng: Random, style: Style) -> list[str]:
    """A shell function."""
    noun = pick(rng, style.nouns)
    return [
        f"{snake(pick(rng, VERBS), noun)}() {{",
        f'  local target="${{1:-{pick(rng, ADJECTIVES)}}}"',
        f'  echo "{pick(rng, VERBS)}: {plural(noun)} for $target"',
        f'  curl -fsS "$API_URL/{plural(noun)}?scope=$target" -o "$WORKDIR/{plural(noun)}.json"',
        "}",
    ]


def sh_command(rng: Random, style: Style) -> list[str]:
    """A few top-level commands."""
    return [
        f"# {sentence(rng, style.nouns)}",
        f'mkdir -p "$WORKDIR/{plural(pick(rng, style.nouns))}"',
        f"{pick(rng, ('python -m pytest', 'npx eslint', 'ruff check'))} {pick(rng, ('.', 'src'))}",
    ]


def shell(rng: Random, style: Style, target: int) -> Doc:
    """A bash script."""
    head = [
        "#!/usr/bin/env bash",
        "set -euo pipefail",
        "",
        'WORKDIR="${WORKDIR:-/tmp/work}"',
        'API_URL="${API_URL:-http://localhost:8000}"',
    ]
    return _fill(Doc(head), rng, style, (sh_function, sh_command), target)


def dotenv_block(rng: Random, style: Style) -> list[str]:
    """A commented group of variables."""
    lines = [f"# {pick(rng, style.nouns).title()} settings"]
    for _ in range(rng.randint(1, 4)):
        noun = pick(rng, style.nouns)
        setting, value = rng.choice(
            (
                ("url", f"http://localhost:{rng.randint(3000, 9999)}/{plural(noun)}"),
                ("timeout_seconds", str(rng.randint(1, 120))),
                ("pool_size", str(rng.randint(1, 64))),
                ("enabled", rng.choice(("true", "false"))),
                ("token", "changeme"),
            )
        )
        lines.append(f"{snake(noun, setting).upper()}={value}")
    return lines


def dotenv(rng: Random, style: Style, target: int) -> Doc:
    """A `.env.example` file."""
    head = [
        "DATABASE_URL=postgres://app:app@localhost:5432/app",
        "REDIS_URL=redis://localhost:6379/0",
    ]
    return _fill(Doc(head), rng, style, (dotenv_block,), target)


def dockerfile(rng: Random, style: Style, target: int) -> Doc:
    """A Dockerfile."""
    image = pick(rng, IMAGES[:2])
    return Doc(
        [f"FROM {image} AS base", "WORKDIR /app"],
        [
            [
                "COPY . .",
                f"RUN {pick(rng, ('pip install --no-cache-dir .', 'npm ci && npm run build'))}",
            ],
            [
                f"EXPOSE {rng.randint(3000, 9000)}",
                f'CMD ["{pick(rng, ("gunicorn", "uvicorn"))}", "app:app"]',
            ],
        ],
    )


def css(rng: Random, style: Style, target: int) -> Doc:
    """A stylesheet."""

    def rule(rng: Random, style: Style) -> list[str]:
        return [
            f".{kebab(pick(rng, style.nouns), pick(rng, ('list', 'card', 'header', 'item')))} {{",
            f"  margin: {rng.randint(0, 24)}px;",
            f"  color: #{rng.randrange(0x1000000):06x};",
            "  display: flex;",
            "}",
        ]

    return _fill(Doc([]), rng, style, (rule,), target)


def requirements(rng: Random, style: Style, target: int) -> Doc:
    """A requirements.txt."""
    lines = [
        f"{name}=={rng.randint(1, 5)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
        for name in sorted(rng.sample(PIP, rng.randint(3, 10)))
    ]
    return Doc(lines, separator=())


def gitignore(rng: Random, style: Style, target: int) -> Doc:
    """A .gitignore that ignores nothing the generator writes."""
    return Doc(
        ["node_modules/", "dist/", "coverage/", "*.log", ".venv/", "__pycache__/"], separator=()
    )


FILLERS: dict[str, Callable[[Random, Style, int], Doc]] = {
    "py_module": python_module,
    "py_test": python_test,
    "py_script": python_script,
    "py_init": python_init,
    "ts": typescript_module,
    "tsx": tsx_module,
    "ts_test": ts_test_module,
    "js": javascript_module,
    "workflow": workflow,
    "compose": compose,
    "k8s": k8s,
    "yaml_config": yaml_config,
    "json_config": json_config,
    "json_fixture": json_fixture,
    "package_json": package_json,
    "tsconfig": tsconfig,
    "pyproject": pyproject,
    "markdown": markdown,
    "shell": shell,
    "dotenv": dotenv,
    "dockerfile": dockerfile,
    "css": css,
    "go": go_module,
    "java": java_class,
    "requirements": requirements,
    "gitignore": gitignore,
}


def chat_completion_block() -> list[str]:
    """A non-video OpenAI use: the only filler that may say `openai`."""
    return [
        "from openai import OpenAI",
        "",
        "client = OpenAI()",
        "",
        "",
        "def summarise_ticket(text: str) -> str:",
        '    """Summarise a support ticket in two sentences."""',
        "    response = client.chat.completions.create(",
        '        model="gpt-4o",',
        '        messages=[{"role": "user", "content": f"Summarise: {text}"}],',
        "    )",
        '    return response.choices[0].message.content or ""',
    ]
