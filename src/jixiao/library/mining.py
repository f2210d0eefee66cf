"""Mining, stage 1: stream tables into per-key statistics (exact normalised keys), in bounded memory.

Each table is turned into a `TableRows` (where it came from, who published it, its year, its
indicator rows); `Miner.add` folds it into one `KeyStats` per normalised key. Memory grows with the
number of distinct keys and of their distinct spellings, units and placements — never with the
number of rows: target values are kept per unit in a bounded `ValueSketch` (exact while a key has
few distinct values, logarithmic buckets beyond), publishers in a bounded `DistinctSketch`, sources
as a short sample plus the first row that set each value the sketch keeps; what grows with the
tables is one 4-byte ordinal per table that uses a key. A table already mined (same content fingerprint) is
skipped, so building again after new imports only adds.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, TypeVar

from jixiao.library.normalise import normalise_name
from jixiao.library.sketch import ValueSketch
from jixiao.model import Kind, Op, Table, Target
from jixiao.values import parse_target

SOURCE_SAMPLE = 20  # table references kept per key besides the first table of each value


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One 三级指标 of a table, as mining needs it: its place, its name and the target it set."""

    level1: str
    level2: str
    name: str
    target: Target
    line: int | None = None


@dataclass(frozen=True, slots=True)
class TableRows:
    """One table for mining: a reference a person can follow (``file:line`` or ``table:17``), the
    publisher (用款单位, else 主管部门), the year, a content fingerprint, and the indicator rows."""

    ref: str
    publisher: str
    year: int | None
    fingerprint: str
    rows: tuple[IndicatorRow, ...]
    file: str | None = None  # rows of a file are referenced as file:line

    def where(self, row: IndicatorRow) -> str:
        """The reference of one row: ``file:line`` when read from a file, else the table's."""
        return f"{self.file}:{row.line}" if self.file and row.line is not None else self.ref


def _fingerprint(parts: Iterable[str]) -> str:
    digest = hashlib.blake2b(digest_size=10)
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def _chosen(annual: Target, period: Target) -> Target:
    """The 年度 value when there is one (the value monitored and evaluated), else the 实施周期 value."""
    return annual if not annual.is_empty else period


def rows_from_table(table: Table, ref: str | None = None) -> TableRows:
    """A table read from a file; its reference is its source (``file:line``) unless one is given."""
    project = table.project
    rows = tuple(
        IndicatorRow(i.level1, i.level2, i.name, _chosen(i.annual, i.period), i.source.line)
        for i in table.indicators
    )
    fingerprint = _fingerprint(
        [project.name, project.unit or "", project.department or "", str(project.year)]
        + [f"{r.level2}|{r.name}|{r.target.raw}" for r in rows]
    )
    return TableRows(
        ref or str(table.source),
        sys.intern(project.unit or project.department or ""),
        project.year,
        fingerprint,
        rows,
        table.source.file if ref is None else None,
    )


def _target_from_dict(data: Mapping[str, Any] | None, name: str) -> Target:
    """A TARGET of the open data format (§6); the raw text is parsed again when the fields are missing."""
    if not data or not data.get("raw"):
        return Target(raw="", kind=Kind.UNKNOWN)
    try:
        kind = Kind(data["kind"])
        op = Op(data["op"]) if data.get("op") else None
        value = Decimal(data["value"]) if data.get("value") is not None else None
    except (KeyError, ValueError, InvalidOperation):
        return parse_target(str(data["raw"]), name)
    return Target(raw=str(data["raw"]), kind=kind, op=op, value=value, unit=data.get("unit"))


def rows_from_document(document: Mapping[str, Any]) -> TableRows:
    """A stored table as the service lists it (the jixiao.table/1 document plus ``id``)."""
    project = document.get("project") or {}
    indicators = document.get("indicators") or []
    rows = tuple(
        IndicatorRow(
            str(item.get("level1") or ""),
            str(item.get("level2") or ""),
            str(item.get("name") or ""),
            _chosen(
                _target_from_dict(item.get("annual"), str(item.get("name") or "")),
                _target_from_dict(item.get("period"), str(item.get("name") or "")),
            ),
            (item.get("source") or {}).get("line"),
        )
        for item in indicators
    )
    fingerprint = _fingerprint(
        [str(project.get(k) or "") for k in ("name", "unit", "department", "year")]
        + [f"{r.level2}|{r.name}|{r.target.raw}" for r in rows]
    )
    ref = f"table:{document['id']}" if document.get("id") is not None else str(project.get("name") or "")
    return TableRows(
        ref,
        sys.intern(str(project.get("unit") or project.get("department") or "")),
        project.get("year"),
        fingerprint,
        rows,
    )


K = TypeVar("K")


def bump(counts: dict[K, int], key: K, n: int = 1) -> None:
    """Count ``key`` (plain dicts: a `Counter` per field costs more than the rows it counts)."""
    counts[key] = counts.get(key, 0) + n


def add_counts(counts: dict[K, int], more: Mapping[K, int]) -> None:
    """Add the counts of ``more`` into ``counts`` in place."""
    for key, n in more.items():
        counts[key] = counts.get(key, 0) + n


@dataclass(slots=True)
class KeyStats:
    """Everything mined about one normalised key: spellings, places, targets, tables, publishers."""

    key: str
    rows: int = 0
    table_ids: array[int] = field(default_factory=lambda: array("I"))  # tables by ordinal, once each
    names: dict[str, int] = field(default_factory=dict)
    placements: dict[tuple[str, str], int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    ops: dict[str, int] = field(default_factory=dict)
    units: dict[str, int] = field(default_factory=dict)
    name_units: dict[str, int] = field(default_factory=dict)
    values: dict[str, ValueSketch] = field(default_factory=dict)  # target values per unit, bounded
    grades: dict[str, int] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    @property
    def tables(self) -> int:
        """How many distinct tables used this key."""
        return len(self.table_ids)

    def add_row(self, row: IndicatorRow, table: TableRows, unit_hint: str | None) -> None:
        """Count one indicator row under this key: its spelling, place, target kind, value, unit and table."""
        self.rows += 1
        bump(self.names, row.name.strip())
        bump(self.placements, _placement(row.level1, row.level2))
        target = row.target
        kind = target.kind
        bump(self.kinds, kind.value)
        if unit_hint:
            bump(self.name_units, unit_hint)
        if kind is Kind.QUANTITATIVE and target.value is not None:
            op = target.op.value if target.op else ""
            unit = target.unit or unit_hint or ""
            bump(self.ops, op)
            bump(self.units, unit)
            sketch = self.values.get(unit)
            if sketch is None:
                sketch = self.values[unit] = ValueSketch()
            sketch.add(op, _plain(target.value), table.where(row))
        elif kind is Kind.QUALITATIVE:
            bump(self.grades, target.raw)
        elif kind in (Kind.DEADLINE, Kind.RANGE) and target.unit:
            bump(self.units, target.unit)

    def merge(self, other: KeyStats) -> None:
        """Fold another key's statistics in (an earlier build's, or a group member's)."""
        self.rows += other.rows
        self.table_ids.extend(other.table_ids)
        add_counts(self.names, other.names)
        add_counts(self.placements, other.placements)
        add_counts(self.kinds, other.kinds)
        add_counts(self.ops, other.ops)
        add_counts(self.units, other.units)
        add_counts(self.name_units, other.name_units)
        for unit, sketch in other.values.items():
            mine = self.values.get(unit)
            if mine is None:
                mine = self.values[unit] = ValueSketch()
            mine.merge(sketch)
        add_counts(self.grades, other.grades)
        self.sources.extend(other.sources[: max(0, SOURCE_SAMPLE - len(self.sources))])


@lru_cache(maxsize=4_096)  # one tuple per (一级, 二级) pair, shared by every key placed there
def _placement(level1: str, level2: str) -> tuple[str, str]:
    return (level1, level2)


@lru_cache(maxsize=16_384)  # targets repeat (85, 90, 100 …); normalising a Decimal is not cheap
def _plain(value: Decimal) -> Decimal:
    """One Decimal per number (85.0 and 85 count as one value), without exponent forms (1E+3)."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


class Miner:
    """Folds tables into `KeyStats`, one per normalised key; skips tables it has seen.

    Each table mined gets an ordinal (its place in ``table_years`` and ``table_publishers``), which
    keys record once per table, so an entry made of several keys counts a table that uses two of its
    spellings once, and its publishers exactly from its tables' (no set of publishers per key).
    """

    def __init__(
        self,
        seen: Iterable[str] = (),
        table_years: Iterable[int] = (),
        table_publishers: Iterable[int] = (),
        publisher_names: Iterable[str] = ("",),
        first_ordinal: int = 0,
    ) -> None:
        self.stats: dict[str, KeyStats] = {}
        self.first_ordinal = first_ordinal  # tables mined before, elsewhere (a database's earlier pages)
        self.seen: set[str] = set(seen)
        self.table_years = array("H", table_years)  # 0 for a table without a year
        # who published each table, by ordinal: a number into publisher_names (0: nobody named)
        self.table_publishers = array("I", table_publishers)
        self.publisher_names: list[str] = list(publisher_names) or [""]
        self._publisher_ids = {name: n for n, name in enumerate(self.publisher_names)}
        self.tables_added = 0
        self.tables_skipped = 0
        self.rows_added = 0

    def add(self, table: TableRows) -> bool:
        """Mine one table; False (and nothing counted) when the same table was mined before."""
        if table.fingerprint in self.seen:
            self.tables_skipped += 1
            return False
        self.seen.add(table.fingerprint)
        self.tables_added += 1
        ordinal = self.first_ordinal + len(self.table_years)
        self.table_years.append(table.year if table.year and 0 < table.year < 65536 else 0)
        publisher = self._publisher_ids.get(table.publisher)
        if publisher is None:
            publisher = self._publisher_ids[table.publisher] = len(self.publisher_names)
            self.publisher_names.append(table.publisher)
        self.table_publishers.append(publisher)
        counted: set[str] = set()
        for row in table.rows:
            normalised = normalise_name(row.name)
            if not normalised.key:
                continue
            stats = self.stats.get(normalised.key)
            if stats is None:
                stats = self.stats[normalised.key] = KeyStats(normalised.key)
            stats.add_row(row, table, normalised.unit)
            self.rows_added += 1
            if normalised.key in counted:
                continue  # a table that lists an indicator twice uses it once
            counted.add(normalised.key)
            stats.table_ids.append(ordinal)
            if len(stats.sources) < SOURCE_SAMPLE:
                stats.sources.append(table.ref)
        return True
