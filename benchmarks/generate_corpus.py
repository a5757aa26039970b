"""Generate the deterministic benchmark corpus: a monorepo-like tree with planted Sora references.

    python benchmarks/generate_corpus.py DEST [--files N] [--seed S]

The tree holds N files (default 50,000) spread over up to 60 projects, in the mix of a real
monorepo (about 43% Python, 33% TypeScript/JavaScript, 10% YAML/JSON, 3.5% Go and Java, 10% Markdown
and other),
with log-normal sizes (median about 4 KB, a few over 100 KB). `plants.planted_count(N)` files
each hold one planted reference from `plants.PLANTS` and as many hold one look-alike from
`plants.LOOKALIKES`; every other file is filler with no Sora needle.

`DEST/.bench-manifest.json` records what was planted: {"version", "seed", "files", "bytes",
"planted": [{"path", "line", "rule_id"}], "lookalikes": [path], "templates": {path: name}}.
The same (N, seed) always yields byte-identical files: the layout comes from one
`random.Random(seed)` and each file's content from its own `random.Random` seeded from
(seed, index), with no clock, uuid or filesystem-order input.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from random import Random
from typing import Any

import fillers
import plants

MANIFEST = ".bench-manifest.json"
VERSION = 2
DEFAULT_FILES = 50_000
DEFAULT_SEED = 20261122
MAX_FILE_BYTES = 600 * 1024
# Share of projects that are media apps (videos, playlists, channels): their files may say
# `videos` in look-alike code, which a scanner's prefilter cannot tell from a Sora call.
MEDIA_SHARE = 0.15
NEEDLES = ("sora", "Sora", "SORA", "video.completed", "video.failed", "/v1/videos")

# Share of the tree (percent) per filler kind.
MIX: dict[str, float] = {
    "py_module": 27.0,
    "py_test": 10.5,
    "py_script": 2.5,
    "py_init": 3.0,
    "ts": 10.5,
    "tsx": 12.0,
    "ts_test": 4.0,
    "js": 7.0,
    "workflow": 1.2,
    "compose": 0.5,
    "k8s": 1.8,
    "yaml_config": 1.5,
    "json_config": 1.5,
    "json_fixture": 1.8,
    "package_json": 1.0,
    "tsconfig": 0.7,
    "markdown": 6.0,
    "shell": 1.5,
    "dotenv": 1.0,
    "dockerfile": 0.4,
    "pyproject": 0.3,
    "requirements": 0.3,
    "css": 1.0,
    "gitignore": 0.5,
    "go": 2.0,
    "java": 1.5,
}
LANGUAGE_OF: dict[str, str] = {
    **dict.fromkeys(("py_module", "py_test", "py_script", "py_init"), "python"),
    **dict.fromkeys(("ts", "tsx", "ts_test", "js"), "ts/js"),
    **dict.fromkeys(("workflow", "compose", "k8s", "yaml_config"), "yaml/json"),
    **dict.fromkeys(("json_config", "json_fixture", "package_json", "tsconfig"), "yaml/json"),
    **dict.fromkeys(("go", "java"), "go/java"),
}
# (median bytes, log-normal sigma) per kind; kinds not listed render at their natural size.
SIZES: dict[str, tuple[int, float]] = {
    "py_module": (6000, 0.95),
    "py_test": (4800, 0.85),
    "py_script": (3500, 0.7),
    "ts": (4500, 0.85),
    "tsx": (4600, 0.75),
    "ts_test": (2600, 0.7),
    "js": (4000, 0.85),
    "workflow": (1800, 0.5),
    "compose": (1400, 0.5),
    "k8s": (2600, 0.6),
    "yaml_config": (1400, 0.7),
    "json_config": (1100, 0.7),
    "json_fixture": (4000, 1.2),
    "markdown": (4200, 1.0),
    "shell": (1800, 0.7),
    "dotenv": (450, 0.5),
    "css": (2400, 0.8),
    "go": (5000, 0.9),
    "java": (5500, 0.85),
}


@dataclass(frozen=True)
class Slot:
    """One file of the tree: where it goes, what it is, and what (if anything) it carries.
    `plant` is a catalogue entry; `chat` marks a filler with a (non-video) OpenAI chat call."""

    index: int
    path: str
    kind: str
    style: fillers.Style
    plant: plants.Plant | None = None
    chat: bool = False


@dataclass
class Project:
    """A top-level project directory and the directories allocated in it so far."""

    name: str
    style: fillers.Style
    used: set[str] = field(default_factory=set)
    current: dict[str, tuple[str, int]] = field(default_factory=dict)
    package_dirs: list[str] = field(default_factory=lambda: [""])
    singletons: dict[str, int] = field(default_factory=dict)
    python_dirs: list[str] = field(default_factory=list)


# Makes a directory path or a file name for a project.
Factory = Callable[[Random, Project], str]


@dataclass(frozen=True)
class Area:
    """Where files of one kind live: a new-directory factory, a file-name factory, and how many
    files a directory takes before a new one is opened."""

    new_dir: Factory
    new_name: Factory
    capacity: tuple[int, int] = (4, 24)


def _words(rng: Random, project: Project) -> tuple[str, str]:
    return fillers.pick(rng, fillers.ADJECTIVES), fillers.pick(rng, project.style.nouns)


def _sub(root: str, depth: tuple[int, ...] = (0, 1, 1, 2)) -> Factory:
    """Directories under `root`, nested up to max(depth) levels of `<noun>s` folders."""

    def new_dir(rng: Random, project: Project) -> str:
        parts = [root.format(package=project.style.package)]
        for _ in range(rng.choice(depth)):
            parts.append(fillers.plural(fillers.pick(rng, project.style.nouns)))
        return "/".join(parts)

    return new_dir


def _one_of(*choices: tuple[Factory, int]) -> Factory:
    """Pick one of several directory factories, with integer weights."""
    factories = [factory for factory, _ in choices]
    weights = [weight for _, weight in choices]

    def new_dir(rng: Random, project: Project) -> str:
        return rng.choices(factories, weights)[0](rng, project)

    return new_dir


def _hidden(name: str) -> Factory:
    """A hidden directory such as `.vscode` inside one of the project's package directories."""

    def new_dir(rng: Random, project: Project) -> str:
        base = project.package_dirs[rng.randrange(len(project.package_dirs))]
        return f"{base}/{name}" if base else name

    return new_dir


def _name(style: Callable[..., str], suffix: str, prefix: str = "") -> Factory:
    """File names `<prefix><adjective noun in style><suffix>`."""

    def new_name(rng: Random, project: Project) -> str:
        return prefix + style(*_words(rng, project)) + suffix

    return new_name


def _fixed(*names: str) -> Factory:
    def new_name(rng: Random, project: Project) -> str:
        return names[rng.randrange(len(names))]

    return new_name


AREAS: dict[str, Area] = {
    "py_module": Area(_sub("src/{package}", (1, 1, 2, 3)), _name(fillers.snake, ".py"), (6, 30)),
    "py_test": Area(_sub("tests"), _name(fillers.snake, ".py", "test_"), (5, 25)),
    "py_script": Area(_sub("scripts", (0,)), _name(fillers.snake, ".py")),
    "ts": Area(
        _one_of(
            (_sub("web/src/lib"), 10),
            (_sub("web/src/hooks", (0,)), 4),
            (_sub("server/src/services"), 8),
            (_hidden(".storybook"), 1),
        ),
        _name(fillers.camel, ".ts"),
    ),
    "tsx": Area(
        _one_of((_sub("web/src/components", (1, 1, 2)), 3), (_sub("web/src/pages"), 1)),
        _name(fillers.pascal, ".tsx"),
        (2, 12),
    ),
    "ts_test": Area(_sub("web/src/__tests__"), _name(fillers.camel, ".test.ts")),
    "js": Area(_sub("server/routes"), _name(fillers.kebab, ".js")),
    "workflow": Area(_sub(".github/workflows", (0,)), _name(fillers.kebab, ".yml"), (3, 30)),
    "compose": Area(_sub("deploy/compose", (0,)), _name(fillers.kebab, ".yml", "docker-compose.")),
    "k8s": Area(
        _one_of(
            *((_sub(f"deploy/k8s/{env}", (0,)), 1) for env in ("base", "dev", "staging", "prod"))
        ),
        _name(fillers.kebab, ".yaml"),
    ),
    "yaml_config": Area(
        _one_of((_sub("config", (0, 1)), 4), (_hidden(".config"), 1)),
        _name(fillers.kebab, ".yaml"),
    ),
    "json_config": Area(
        _one_of(
            (_sub("config", (0, 1)), 4), (_hidden(".vscode"), 1), (_hidden(".devcontainer"), 1)
        ),
        _name(fillers.camel, ".json"),
        (2, 8),
    ),
    "json_fixture": Area(
        _one_of((_sub("tests/fixtures"), 3), (_sub("web/src/locales", (0,)), 1)),
        _name(fillers.snake, ".json"),
    ),
    "markdown": Area(_sub("docs"), _name(fillers.kebab, ".md")),
    "shell": Area(
        _one_of((_sub("scripts", (0,)), 4), (_hidden(".husky"), 1)), _name(fillers.kebab, ".sh")
    ),
    "css": Area(_sub("web/src/styles", (0, 1)), _name(fillers.kebab, ".css")),
    "go": Area(_sub("services/internal"), _name(fillers.snake, ".go")),
    "java": Area(_sub("backend/src/main/java/com/example"), _name(fillers.pascal, ".java")),
}
# Kinds with one file per package directory (the project root first, then packages/*, ...).
SINGLETONS: dict[str, Factory] = {
    "package_json": _fixed("package.json"),
    "tsconfig": _fixed("tsconfig.json"),
    "pyproject": _fixed("pyproject.toml"),
    "requirements": _fixed("requirements.txt"),
    "dockerfile": _fixed("Dockerfile"),
    "gitignore": _fixed(".gitignore"),
    "dotenv": _fixed(".env.example", ".env.example", ".env.sample", ".env"),
}


def _allocate(rng: Random, project: Project, kind: str) -> str:
    """A new, unique path (relative to the corpus root) for a file of `kind` in `project`."""
    if kind == "py_init":
        return _allocate_init(rng, project)
    if kind in SINGLETONS:
        return _allocate_singleton(rng, project, kind)
    area = AREAS[kind]
    directory, room = project.current.get(kind, ("", 0))
    for _ in range(100):
        if room <= 0:
            directory = area.new_dir(rng, project)
            room = rng.randint(*area.capacity)
            if kind == "py_module":
                project.python_dirs.append(directory)
        path = f"{project.name}/{directory}/{area.new_name(rng, project)}"
        if path not in project.used:
            project.used.add(path)
            project.current[kind] = (directory, room - 1)
            return path
    raise RuntimeError(f"cannot place another {kind} file in {project.name}")


def _allocate_singleton(rng: Random, project: Project, kind: str) -> str:
    while True:
        count = project.singletons.get(kind, 0)
        project.singletons[kind] = count + 1
        while count >= len(project.package_dirs):
            group = fillers.pick(rng, ("packages", "services", "apps"))
            directory = f"{group}/{fillers.kebab(*_words(rng, project))}"
            if directory not in project.package_dirs:
                project.package_dirs.append(directory)
        directory = project.package_dirs[count]
        name = SINGLETONS[kind](rng, project)
        path = f"{project.name}/{directory}/{name}" if directory else f"{project.name}/{name}"
        if path not in project.used:
            project.used.add(path)
            return path


def _allocate_init(rng: Random, project: Project) -> str:
    while True:
        for directory in project.python_dirs:
            path = f"{project.name}/{directory}/__init__.py"
            if path not in project.used:
                project.used.add(path)
                return path
        # Every package has its __init__.py: open a new package directory (allocating a
        # module path there, then giving the path back) and use that.
        project.current["py_module"] = ("", 0)
        project.used.discard(_allocate(rng, project, "py_module"))


def _projects(rng: Random, files: int) -> list[Project]:
    count = max(1, min(60, files // 1000))
    projects: list[Project] = []
    names: set[str] = set()
    while len(projects) < count:
        media = rng.random() < MEDIA_SHARE
        first, second = fillers.pick(rng, fillers.NOUNS), fillers.pick(rng, fillers.NOUNS)
        name = fillers.kebab(first, second)
        if first == second or name in names:
            continue
        names.add(name)
        nouns = fillers.MEDIA_NOUNS + fillers.NOUNS if media else fillers.NOUNS
        style = fillers.Style(nouns=nouns, package=fillers.snake(first, second), media=media)
        projects.append(Project(name, style))
    return projects


def plan(files: int, seed: int) -> list[Slot]:
    """Lay out the whole tree: every file's path and kind, and which files carry plants."""
    if files < 200:
        raise ValueError("the corpus needs at least 200 files")
    rng = Random(seed)
    count = plants.planted_count(files)
    special: list[plants.Plant | None] = [
        plants.PLANTS[i % len(plants.PLANTS)] for i in range(count)
    ]
    special += [plants.LOOKALIKES[i % len(plants.LOOKALIKES)] for i in range(count)]
    special += [None] * max(1, files // 5000)  # chat-completion fillers
    carried = dict(zip(rng.sample(range(files), len(special)), special, strict=True))
    drawn = iter(rng.choices(list(MIX), list(MIX.values()), k=files - len(special)))
    projects = _projects(rng, files)
    owners = rng.choices(projects, [rng.lognormvariate(0.0, 0.6) for _ in projects], k=files)
    slots = []
    for index, project in enumerate(owners):
        if index in carried:
            plant = carried[index]
            kind = plant.host if plant is not None else "py_module"
            slot = Slot(index, "", kind, project.style, plant, plant is None)
        else:
            slot = Slot(index, "", next(drawn), project.style)
        slots.append(replace(slot, path=_allocate(rng, project, slot.kind)))
    return slots


def _target_size(rng: Random, kind: str) -> int:
    median, sigma = SIZES.get(kind, (0, 0.0))
    if not median:
        return 0
    return min(MAX_FILE_BYTES, int(rng.lognormvariate(math.log(median), sigma)))


def render(slot: Slot, seed: int) -> tuple[str, int | None]:
    """The text of one file and, for a planted reference, the 1-based line of its finding."""
    rng = Random(f"{seed}:{slot.index}")
    carrier = slot.plant is not None or slot.chat
    style = replace(slot.style, plain=True) if carrier else slot.style
    doc = fillers.FILLERS[slot.kind](rng, style, _target_size(rng, slot.kind))
    if not carrier:
        text = doc.render()
        _check_filler(slot, text)
        return text, None
    _check_filler(slot, doc.render())
    insert = slot.plant.lines if slot.plant is not None else fillers.chat_completion_block()
    doc.blocks.insert(rng.randint(0, len(doc.blocks)), list(insert))
    text = doc.render()
    if slot.plant is None or slot.plant.marker is None:
        return text, None
    lines = [n for n, line in enumerate(text.split("\n"), 1) if slot.plant.marker in line]
    if len(lines) != 1:
        raise RuntimeError(f"{slot.path}: marker of {slot.plant.name} found {len(lines)} times")
    return text, lines[0]


def _check_filler(slot: Slot, text: str) -> None:
    found = [needle for needle in NEEDLES if needle in text]
    if "openai" in text.lower():
        found.append("openai")
    if found:
        raise RuntimeError(f"filler {slot.path} ({slot.kind}) contains {found}: template bug")


def _needle_free(path: str) -> bool:
    return not any(needle.lower() in path.lower() for needle in NEEDLES)


def read_manifest(dest: Path) -> dict[str, Any] | None:
    """The manifest of a generated corpus, or None when there is none (or it is unreadable)."""
    try:
        data = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_current(dest: Path, files: int, seed: int) -> bool:
    """True when `dest` already holds the corpus this generator would write for (files, seed)."""
    manifest = read_manifest(dest)
    return manifest is not None and (
        manifest.get("version"),
        manifest.get("seed"),
        manifest.get("files"),
    ) == (VERSION, seed, files)


def generate(dest: Path, files: int = DEFAULT_FILES, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """Write the corpus into `dest` (which must be empty, missing, or an older corpus) and
    return its manifest."""
    _prepare(dest)
    slots = plan(files, seed)
    planted: list[dict[str, Any]] = []
    lookalikes: list[str] = []
    templates: dict[str, str] = {}
    total = 0
    made: set[Path] = set()
    for slot in slots:
        if not _needle_free(slot.path):
            raise RuntimeError(f"path {slot.path} contains a needle word")
        text, line = render(slot, seed)
        path = dest / slot.path
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
        if slot.plant is not None:
            templates[slot.path] = slot.plant.name
            if slot.plant.rule_id is None:
                lookalikes.append(slot.path)
            else:
                planted.append({"path": slot.path, "line": line, "rule_id": slot.plant.rule_id})
    manifest = {
        "version": VERSION,
        "seed": seed,
        "files": files,
        "bytes": total,
        "planted": sorted(planted, key=lambda item: (item["path"], item["line"])),
        "lookalikes": sorted(lookalikes),
        "templates": dict(sorted(templates.items())),
    }
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def _prepare(dest: Path) -> None:
    if dest.exists() and any(dest.iterdir()):
        if read_manifest(dest) is None:
            raise SystemExit(f"{dest}: not empty and not a benchmark corpus; refusing to overwrite")
        shutil.rmtree(dest)
    dest.mkdir(parents=True, exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="directory to write (empty, missing or a corpus)")
    parser.add_argument("--files", type=int, default=DEFAULT_FILES, help="number of files")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = parser.parse_args(argv)
    manifest = generate(args.dest, args.files, args.seed)
    print(
        f"wrote {manifest['files']} files ({manifest['bytes'] / 1e6:.1f} MB) to {args.dest}: "
        f"{len(manifest['planted'])} planted references, {len(manifest['lookalikes'])} look-alikes",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
