"""Inventory reporters: one module per format, each `render(inventory: Inventory) -> str`."""

from __future__ import annotations

from importlib import import_module

from sora_migrate.inventory.merge import Inventory

FORMATS = ("table", "json", "markdown", "sarif", "csv")


def render(inventory: Inventory, fmt: str) -> str:
    """The inventory in one of FORMATS."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = import_module(f"sora_migrate.inventory.render.{fmt}")
    text: str = module.render(inventory)
    return text
