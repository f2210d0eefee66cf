"""指标库条目: frozen records built from a group of keys and their mined statistics.

An `Entry` is what a curator reviews and a 填报人 is offered: a stable code, its 一级/二级 placement
(with every other placement seen, and a flag when the same indicator stands under different 二级),
its name and the other spellings seen, its direction (正向/反向/区间), its value type and unit
class, and its provenance — how many tables and publishers use it, in which years, and the
distribution of the target values they set (count, median, range, most common comparator and unit,
each value traceable to the first table that set it). Mined entries are drafts (``status`` draft,
``version`` 1); governance comes later.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from jixiao.catalog import canonical
from jixiao.library.grouping import Group
from jixiao.library.mining import KeyStats
from jixiao.library.normalise import has_prefix
from jixiao.library.sketch import ValueSketch

K = TypeVar("K")
DRAFT = "draft"
DIRECTION_LABELS = {"positive": "正向", "negative": "反向", "interval": "区间", "unknown": "未定"}
VALUE_TYPE_LABELS = {
    "count": "数量",
    "percent": "百分比",
    "money": "金额",
    "duration": "时长",
    "score": "分值",
    "physical": "实物量",
    "number": "数值",
    "date": "日期",
    "grade": "等级/定性",
    "range": "区间",
    "unknown": "未识别",
}
_MONEY = ("元", "万元", "亿元", "千元")
_DURATION = {"天", "日", "个工作日", "工作日", "小时", "分钟", "月", "个月", "周", "年", "季度"}
_PHYSICAL = {"平方米", "亩", "公里", "千米", "米", "吨", "立方米", "千瓦", "公顷", "万平方米", "km"}


def unit_class(unit: str) -> str:
    """The class of a unit: percent, money, duration, score, physical, count, or number (no unit)."""
    if not unit:
        return "number"
    if unit in ("%", "‰"):
        return "percent"
    if unit.startswith(_MONEY):
        return "money"
    if unit in _DURATION:
        return "duration"
    if unit == "分":
        return "score"
    if unit in _PHYSICAL:
        return "physical"
    return "count"


def entry_code(group_key: str) -> str:
    """A code that depends only on the group's key, so builds agree: ZB- and 8 hex digits."""
    return "ZB-" + hashlib.blake2b(group_key.encode("utf-8"), digest_size=4).hexdigest().upper()


@dataclass(frozen=True, slots=True)
class Placement:
    """One 一级/二级 place an indicator was used under, and how many rows put it there."""

    level1: str
    level2: str
    count: int


@dataclass(frozen=True, slots=True)
class Distribution:
    """Target values set in one unit: how many, the median, the range, the commonest comparator and
    value, and the first table that set the median, the lowest and the highest value."""

    unit: str
    count: int
    median: Decimal
    low: Decimal
    high: Decimal
    common_op: str
    common_value: Decimal
    median_source: str
    low_source: str
    high_source: str
    approximate: bool = False  # more distinct values than counted exactly: median within 2%


@dataclass(frozen=True, slots=True)
class Provenance:
    """Who uses an entry and what they set."""

    rows: int
    tables: int
    publishers: int
    years: tuple[tuple[int, int], ...]  # (year, tables)
    kinds: tuple[tuple[str, int], ...]
    ops: tuple[tuple[str, int], ...]  # "" is a number written without a comparator
    units: tuple[tuple[str, int], ...]
    distributions: tuple[Distribution, ...]  # one per unit, the commonest first
    grades: tuple[tuple[str, int], ...]  # qualitative values, the commonest first
    sources: tuple[str, ...]  # a sample of the tables using it (file:line or table:id)


@dataclass(frozen=True, slots=True)
class EntryMember:
    """A normalised key of the entry, its similarity to the entry's key, and its own usage."""

    key: str
    similarity: float
    how: str
    rows: int
    tables: int
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One curated indicator: code, name, synonyms, placement, direction, units and provenance."""

    code: str
    key: str
    name: str
    synonyms: tuple[str, ...]
    level1: str
    level2: str
    placements: tuple[Placement, ...]
    placement_conflict: bool
    direction: str
    value_type: str
    unit_class: str
    unit: str
    provenance: Provenance
    members: tuple[EntryMember, ...]
    status: str = DRAFT
    version: int = 1

    @property
    def main_distribution(self) -> Distribution | None:
        """The target distribution of the commonest unit, or None when no values were mined."""
        return self.provenance.distributions[0] if self.provenance.distributions else None


def combine(stats: Iterable[KeyStats], key: str) -> KeyStats:
    """One `KeyStats` holding the sum of several (a group's members)."""
    total = KeyStats(key)
    for item in stats:
        total.merge(item)
    return total


def _distributions(values: Mapping[str, ValueSketch]) -> tuple[Distribution, ...]:
    result = []
    for unit, sketch in values.items():
        if not sketch.count or sketch.low is None or sketch.high is None:
            continue
        median = sketch.median()
        result.append(
            Distribution(
                unit,
                sketch.count,
                median,
                sketch.low,
                sketch.high,
                sketch.common_op(),
                sketch.common(),
                sketch.source_of(median),
                sketch.low_source,
                sketch.high_source,
                not sketch.is_exact,
            )
        )
    result.sort(key=lambda d: (-d.count, d.unit))
    return tuple(result)


def _ranked(counter: Mapping[K, int]) -> list[tuple[K, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))


def _direction(stats: KeyStats) -> str:
    ops, kinds = stats.ops, stats.kinds
    greater = ops.get(">=", 0) + ops.get(">", 0)
    less = ops.get("<=", 0) + ops.get("<", 0)
    if kinds.get("range", 0) > kinds.get("quantitative", 0):
        return "interval"
    if less > greater:
        return "negative"
    if greater or ops.get("=") or ops.get(""):
        return "positive"
    return "unknown"


def _value_type(stats: KeyStats, unit: str) -> str:
    kind = min(stats.kinds, key=lambda k: (-stats.kinds[k], k)) if stats.kinds else "unknown"
    if kind == "quantitative":
        return unit_class(unit)
    return {"qualitative": "grade", "deadline": "date", "range": "range"}.get(kind, "unknown")


def build_entry(
    group: Group,
    stats: Mapping[str, KeyStats],
    table_years: Sequence[int],
    table_publishers: Sequence[int] = (),
) -> Entry:
    """The entry of one group, from its members' statistics (``table_years``, ``table_publishers``:
    each table's year and publisher number, 0 for none)."""
    parts = [stats[m.key] for m in group.members if m.key in stats]
    total = parts[0] if len(parts) == 1 else combine(parts, group.key)
    tables = set(total.table_ids) if len(parts) > 1 else total.table_ids
    years = Counter(table_years[t] for t in tables if t < len(table_years) and table_years[t])
    # the commonest spelling names the entry, unless it carries a numbering prefix (指标1:)
    names = [name for name, _ in sorted(_ranked(total.names), key=lambda item: has_prefix(item[0]))]
    placements = tuple(Placement(l1, l2, n) for (l1, l2), n in _ranked(total.placements))
    level2s = {canonical(p.level2) for p in placements if p.level2}
    distributions = _distributions(total.values)
    unit = distributions[0].unit if distributions else ""
    if not unit and total.name_units:
        unit = str(_ranked(total.name_units)[0][0])
    top = placements[0] if placements else Placement("", "", 0)
    provenance = Provenance(
        rows=total.rows,
        tables=len(tables),
        publishers=len({table_publishers[t] for t in tables if t < len(table_publishers)} - {0}),
        years=tuple(sorted(years.items())),
        kinds=tuple((str(k), n) for k, n in _ranked(total.kinds)),
        ops=tuple((str(k), n) for k, n in _ranked(total.ops)),
        units=tuple((str(k), n) for k, n in _ranked(total.units)),
        distributions=distributions,
        grades=tuple((str(k), n) for k, n in _ranked(total.grades)[:10]),
        sources=tuple(total.sources),
    )
    members = tuple(
        EntryMember(
            m.key,
            m.similarity,
            m.how,
            stats[m.key].rows if m.key in stats else 0,
            stats[m.key].tables if m.key in stats else 0,
            tuple(str(n) for n, _ in _ranked(stats[m.key].names)) if m.key in stats else (),
        )
        for m in group.members
    )
    return Entry(
        code=entry_code(group.key),
        key=group.key,
        name=names[0] if names else group.key,
        synonyms=tuple(names[1:]),
        level1=top.level1,
        level2=top.level2,
        placements=placements,
        placement_conflict=len(level2s) > 1,
        direction=_direction(total),
        value_type=_value_type(total, unit),
        unit_class=unit_class(unit),
        unit=unit,
        provenance=provenance,
        members=members,
    )
