"""Building the library: tables in (streamed), entries out; an earlier library is extended, never redone.

``build_library(tables, previous)`` mines every table not mined before (stage 1, `mining`), groups the
keys (stage 2, `grouping`: earlier groups kept, new keys join them or form new groups) and builds one
`Entry` per group (`entries`). The result keeps its mined state (per-key statistics, groups and the
fingerprints of the tables mined) so the next build only adds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from jixiao.library.entries import Entry, build_entry
from jixiao.library.grouping import Group, Member, group_keys
from jixiao.library.mining import KeyStats, Miner, TableRows

Progress = Callable[[int], None]  # called with the number of indicator rows of each table mined


@dataclass
class Library:
    """Entries with the state they were mined from."""

    entries: tuple[Entry, ...]
    stats: dict[str, KeyStats]
    groups: tuple[Group, ...]
    seen: set[str] = field(default_factory=set)
    table_years: Sequence[int] = ()  # the year of each table mined, by ordinal (0: unknown)
    table_publishers: Sequence[int] = ()  # who published each table: a number into publisher_names
    publisher_names: Sequence[str] = ("",)  # 0 is "" (no publisher named)
    added_tables: int = 0
    skipped_tables: int = 0
    added_rows: int = 0

    @property
    def tables(self) -> int:
        """How many distinct tables the library was mined from."""
        return len(self.table_years)

    @property
    def rows(self) -> int:
        """How many indicator rows were mined in all."""
        return sum(s.rows for s in self.stats.values())

    @property
    def conflicts(self) -> tuple[Entry, ...]:
        """Entries used under more than one 二级: reported for a curator to decide."""
        return tuple(e for e in self.entries if e.placement_conflict)

    def by_code(self, code: str) -> Entry | None:
        """The entry with that code, or None."""
        return next((e for e in self.entries if e.code == code), None)


def dominant_level2(stats: KeyStats) -> str:
    """The 二级 most rows of a key put it under (of a tie, the first in sort order); "" when none."""
    by_level2: dict[str, int] = {}
    for (_, level2), count in stats.placements.items():
        by_level2[level2] = by_level2.get(level2, 0) + count
    return min(by_level2, key=lambda k: (-by_level2[k], k)) if by_level2 else ""


def entries_of(
    groups: Iterable[Group],
    stats: dict[str, KeyStats],
    table_years: Sequence[int],
    table_publishers: Sequence[int] = (),
) -> tuple[Entry, ...]:
    """One entry per group that has statistics, the most used first."""
    entries = [
        build_entry(g, stats, table_years, table_publishers)
        for g in groups
        if any(m.key in stats for m in g.members)
    ]
    entries.sort(key=lambda e: (-e.provenance.tables, -e.provenance.rows, e.key))
    return tuple(entries)


def build_library(
    tables: Iterable[TableRows],
    previous: Library | None = None,
    progress: Progress | None = None,
) -> Library:
    """Mine ``tables`` (an iterator is consumed once, table by table) into a library.

    With ``previous``, its statistics are extended, tables already mined are skipped, and its groups
    are kept: new keys may join them, but they are neither merged with each other nor split.
    """
    miner = (
        Miner(previous.seen, previous.table_years, previous.table_publishers, previous.publisher_names)
        if previous
        else Miner()
    )
    if previous:
        miner.stats = {key: _copy(stats) for key, stats in previous.stats.items()}
    for table in tables:
        miner.add(table)
        if progress is not None:
            progress(len(table.rows))
    existing = {m.key: g.key for g in previous.groups for m in g.members} if previous is not None else None
    level2_of = {key: dominant_level2(stats) for key, stats in miner.stats.items()}
    weight = {key: stats.rows for key, stats in miner.stats.items()}
    groups = group_keys(miner.stats, level2_of, weight, existing)
    if previous is not None:
        groups = keep_similarities(groups, {m.key: m for g in previous.groups for m in g.members})
    return Library(
        entries=entries_of(groups, miner.stats, miner.table_years, miner.table_publishers),
        stats=miner.stats,
        groups=tuple(groups),
        seen=miner.seen,
        table_years=miner.table_years,
        table_publishers=miner.table_publishers,
        publisher_names=miner.publisher_names,
        added_tables=miner.tables_added,
        skipped_tables=miner.tables_skipped,
        added_rows=miner.rows_added,
    )


def _copy(stats: KeyStats) -> KeyStats:
    fresh = KeyStats(stats.key)
    fresh.merge(stats)
    return fresh


def keep_similarities(groups: list[Group], before: Mapping[str, Member]) -> list[Group]:
    """Members kept from an earlier build (``before``: by key) keep how they joined (key, core,
    fuzzy), not "exact"."""
    return [
        Group(g.key, tuple(before.get(m.key, m) if m.how == "exact" else m for m in g.members))
        for g in groups
    ]


__all__ = [
    "Library",
    "Member",
    "Progress",
    "build_library",
    "dominant_level2",
    "entries_of",
    "keep_similarities",
]
