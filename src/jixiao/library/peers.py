"""Peer statistics of each entry, built in batch with the library and stored: the evidence rules' input.

`peer_record` turns one entry (and its members' mined statistics) into a small JSON-ready record:
how many tables and publishers use it, the direction their comparators imply and how sure that is,
every unit they wrote with its count, and for the commonest unit the target values' count, median,
range and the 10th/90th percentiles. `peer_records` yields one per member key, so a table's
indicator finds its peers by its own normalised name with one lookup. Pure: no storage.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from jixiao.library.build import Library
from jixiao.library.entries import Entry, combine
from jixiao.library.mining import KeyStats


def _direction_share(stats: KeyStats) -> tuple[str, Decimal]:
    """The direction the comparators imply and the share of comparators that agree (0–1)."""
    greater = stats.ops.get(">=", 0) + stats.ops.get(">", 0)
    less = stats.ops.get("<=", 0) + stats.ops.get("<", 0)
    total = greater + less
    if not total:
        return "unknown", Decimal(0)
    if less > greater:
        return "negative", Decimal(less) / total
    return "positive", Decimal(greater) / total


def peer_record(entry: Entry, stats: Mapping[str, KeyStats]) -> dict[str, Any]:
    """The peer statistics of one entry, JSON-ready (numbers as text)."""
    parts = [stats[m.key] for m in entry.members if m.key in stats]
    total = combine(parts, entry.key) if len(parts) != 1 else parts[0]
    direction, share = _direction_share(total)
    record: dict[str, Any] = {
        "code": entry.code,
        "name": entry.name,
        "tables": entry.provenance.tables,
        "publishers": entry.provenance.publishers,
        "direction": direction,
        "direction_share": format(share.quantize(Decimal("0.01")), "f"),
        "units": {unit: n for unit, n in sorted(total.units.items(), key=lambda u: (-u[1], u[0]))},
    }
    d = entry.main_distribution
    sketch = total.values.get(d.unit) if d is not None else None
    if d is not None:
        count = sketch.count if sketch is not None else 0
        record["values"] = {
            "unit": d.unit,
            "count": d.count,
            "op": d.common_op,
            "median": format(d.median, "f"),
            "min": format(d.low, "f"),
            "max": format(d.high, "f"),
            "p10": format(sketch.quantile(Decimal("0.1")), "f") if sketch and count else None,
            "p90": format(sketch.quantile(Decimal("0.9")), "f") if sketch and count else None,
            "approximate": d.approximate,
        }
    return record


def peer_records(library: Library) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(member key, entry code, record) for every key of every entry."""
    for entry in library.entries:
        record = peer_record(entry, library.stats)
        for member in entry.members:
            yield member.key, entry.code, record
