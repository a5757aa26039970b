"""A generated monorepo for shard tests: packages whose modules import an OpenAI client from a
sibling module (so a shard must read modules it does not own), TypeScript, YAML, Markdown, heavy
JSON files, a file that is not UTF-8, a broken link and an ignored folder."""

from __future__ import annotations

import os
from pathlib import Path

CLIENTS = "from openai import OpenAI\n\nclient = OpenAI()\n"
RENDER = """from pkg{package}.clients import client


def render_{index}(prompt: str) -> str:
    video = client.videos.create_and_poll(
        model="sora-2", prompt=prompt, seconds="{seconds}", size="1280x720"
    )
    client.videos.download_content(video.id).write_to_file("clip-{index}.mp4")
    return video.id
"""
FILLER = "def helper_{index}(values):\n    return [value * {index} for value in values]\n"
TS = (
    'import OpenAI from "openai";\n\nconst openai = new OpenAI();\n\n'
    "export async function make{index}(prompt: string) {{\n"
    '  return openai.videos.create({{ model: "sora-2-pro", prompt }});\n}}\n'
)
WORKFLOW = "env:\n  SORA_API_KEY: ${{{{ secrets.SORA_API_KEY }}}}\n  OTHER_{index}: x\n"
README = "# Package {index}\n\nClips were generated with OpenAI Sora until September 2026.\n"


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def make_monorepo(root: Path, packages: int = 6, modules: int = 12) -> Path:
    """Write the tree under `root` (about packages * (modules + 4) files) and return it."""
    for package in range(packages):
        base = root / f"pkg{package}"
        write(base / "__init__.py", "")
        write(base / "clients.py", CLIENTS)
        for index in range(modules):
            if index % 3 == 0:
                text = RENDER.format(package=package, index=index, seconds=4 + index % 9)
            else:
                text = FILLER.format(index=index)
            write(base / f"module_{index}.py", text)
        write(root / "web" / f"make{package}.ts", TS.format(index=package))
        write(root / ".github" / "workflows" / f"job{package}.yml", WORKFLOW.format(index=package))
        write(base / "README.md", README.format(index=package))
    for index, size in enumerate((300_000, 420_000, 700_000)):
        body = '{"model": "sora-2", "pad": "' + "x" * size + '"}\n'
        write(root / "data" / f"big{index}.json", body)
    write(root / "legacy" / "latin1.py", 'MODEL = "sora-2"  # caf\xe9\n'.encode("latin-1"))
    write(root / ".gitignore", "generated/\n")
    write(root / "generated" / "out.py", 'MODEL = "sora-2"\n')
    os.symlink("missing-target.py", root / "legacy" / "dangling.py")
    return root
