"""Properties, over generated trees and text: every path is owned by exactly one shard, light
files never move when files are added, and CSV cells read back as written (formula-like text
behind a quote)."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from sora_migrate.report.csv import COLUMNS, FORMULA_STARTS, write_rows
from sora_migrate.shard import HEAVY_BYTES, Shard, ShardPlan

PATHS = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\0"),
    min_size=1,
    max_size=40,
)
SIZES = st.one_of(st.integers(0, HEAVY_BYTES - 1), st.integers(HEAVY_BYTES, 50 * HEAVY_BYTES))
TREES = st.dictionaries(PATHS, SIZES, max_size=60)


def _owner(plans: list[ShardPlan], rel: str) -> int:
    owners = [plan.shard.index for plan in plans if plan.owns(rel)]
    assert len(owners) == 1, (rel, owners)
    return owners[0]


@settings(max_examples=200, deadline=None)
@given(tree=TREES, added=TREES, count=st.integers(1, 9), stranger=PATHS)
def test_one_owner_per_path_and_light_files_stay_put(
    tree: dict[str, int], added: dict[str, int], count: int, stranger: str
) -> None:
    before = [ShardPlan(Shard(k, count), tree.items()) for k in range(1, count + 1)]
    grown = {**added, **tree}
    after = [ShardPlan(Shard(k, count), grown.items()) for k in range(1, count + 1)]
    for rel, size in tree.items():
        owner = _owner(before, rel)
        if size < HEAVY_BYTES:
            assert _owner(after, rel) == owner
    _owner(after, stranger)  # a path outside the tree (a deleted file) has one owner too


@settings(max_examples=200, deadline=None)
@given(cells=st.lists(st.text(max_size=30), min_size=len(COLUMNS), max_size=len(COLUMNS)))
def test_csv_cells_read_back_as_written(cells: list[str]) -> None:
    (row,) = list(csv.reader(io.StringIO(write_rows([cells]), newline="")))[1:]
    for written, read in zip(cells, row, strict=True):
        if written.startswith(FORMULA_STARTS):
            assert read == "'" + written
        else:
            assert read == written
