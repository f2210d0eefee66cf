"""The library as open data: ``jixiao.library/1`` JSON, entries for people and the mined state for the
next build.

``entries`` is what readers use (each entry with its placements, synonyms, direction, value type and
provenance; numbers as decimal strings). ``state`` is what a later ``jixiao library build`` needs to
only add: the statistics of every normalised key, the groups (members with their similarity), and
the fingerprints of the tables already mined. Entries are rebuilt from the state when a file is read,
so the two can never disagree.
"""

from __future__ import annotations

import base64
import json
import sys
import zlib
from array import array
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jixiao.library.build import Library, entries_of
from jixiao.library.entries import DIRECTION_LABELS, VALUE_TYPE_LABELS, Distribution, Entry
from jixiao.library.grouping import Group, Member
from jixiao.library.mining import KeyStats
from jixiao.library.sketch import ValueSketch

FORMAT = "jixiao.library/1"


class LibraryFormatError(ValueError):
    """A file that is not a jixiao library (the message is Chinese)."""


# A state written before target values were sketched and publishers counted from the tables: it
# lacks who published each table, so it cannot be extended; the library is built again instead.
OLD_STATE = "指标库文件由旧版本写出（缺少各表的填报单位），不能增量构建：请删除该文件后重新构建"


def _number(value: Decimal) -> str:
    return format(value, "f")


def distribution_to_dict(d: Distribution) -> dict[str, Any]:
    """A target distribution as a JSON-ready dict (numbers as text, sources of median/min/max)."""
    return {
        "unit": d.unit,
        "count": d.count,
        "median": _number(d.median),
        "min": _number(d.low),
        "max": _number(d.high),
        "common_op": d.common_op or None,
        "common_value": _number(d.common_value),
        "sources": {"median": d.median_source, "min": d.low_source, "max": d.high_source},
        "approximate": d.approximate,
    }


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """A library entry as a JSON-ready dict, with its provenance."""
    p = entry.provenance
    return {
        "code": entry.code,
        "version": entry.version,
        "status": entry.status,
        "name": entry.name,
        "key": entry.key,
        "synonyms": list(entry.synonyms),
        "level1": entry.level1,
        "level2": entry.level2,
        "placements": [{"level1": x.level1, "level2": x.level2, "count": x.count} for x in entry.placements],
        "placement_conflict": entry.placement_conflict,
        "direction": entry.direction,
        "direction_label": DIRECTION_LABELS[entry.direction],
        "value_type": entry.value_type,
        "value_type_label": VALUE_TYPE_LABELS[entry.value_type],
        "unit_class": entry.unit_class,
        "unit": entry.unit or None,
        "provenance": {
            "rows": p.rows,
            "tables": p.tables,
            "publishers": p.publishers,
            "years": {str(year): n for year, n in p.years},
            "kinds": dict(p.kinds),
            "ops": {op or "none": n for op, n in p.ops},
            "units": {unit or "none": n for unit, n in p.units},
            "values": [distribution_to_dict(d) for d in p.distributions],
            "grades": dict(p.grades),
            "sources": list(p.sources),
        },
        "members": [
            {
                "key": m.key,
                "similarity": m.similarity,
                "how": m.how,
                "rows": m.rows,
                "tables": m.tables,
                "names": list(m.names),
            }
            for m in entry.members
        ],
    }


def _stats_to_dict(s: KeyStats) -> dict[str, Any]:
    return {
        "key": s.key,
        "rows": s.rows,
        "table_ids": s.table_ids.tolist(),
        "names": dict(s.names),
        "placements": [[l1, l2, n] for (l1, l2), n in s.placements.items()],
        "kinds": dict(s.kinds),
        "ops": dict(s.ops),
        "units": dict(s.units),
        "name_units": dict(s.name_units),
        "sketches": {unit: sketch.to_dict() for unit, sketch in s.values.items()},
        "grades": dict(s.grades),
        "sources": list(s.sources),
    }  # fmt: skip


def _stats_from_dict(d: dict[str, Any]) -> KeyStats:
    s = KeyStats(d["key"], rows=d["rows"], table_ids=array("I", d["table_ids"]))
    s.names = dict(d["names"])
    s.placements = {(l1, l2): n for l1, l2, n in d["placements"]}
    s.kinds = dict(d["kinds"])
    s.ops = dict(d["ops"])
    s.units = dict(d["units"])
    s.name_units = dict(d["name_units"])
    s.values = {unit: ValueSketch.from_dict(v) for unit, v in (d.get("sketches") or {}).items()}
    for op, unit, value, n, source in d.get("values") or ():  # a state written before the sketches
        s.values.setdefault(unit, ValueSketch()).add(op, Decimal(value), source, n)
    s.grades = dict(d["grades"])
    s.sources = list(d["sources"])
    return s


def stats_record(stats: KeyStats) -> tuple[str, bytes]:
    """One key's statistics as a database keeps them: JSON for the counts and sketches, and the
    ordinals of its tables as little-endian uint32 bytes (a JSON list of them costs five times more)."""
    data = _stats_to_dict(stats)
    del data["table_ids"]
    tables = array("I", stats.table_ids)
    if sys.byteorder == "big":
        tables.byteswap()
    return json.dumps(data, ensure_ascii=False), tables.tobytes()


def stats_from_record(data: str, tables: bytes) -> KeyStats:
    """A key's statistics read back from `stats_record`."""
    ordinals = array("I")
    ordinals.frombytes(tables)
    if sys.byteorder == "big":
        ordinals.byteswap()
    stats = _stats_from_dict({**json.loads(data), "table_ids": ()})
    stats.table_ids = ordinals
    return stats


def state_to_dict(library: Library) -> dict[str, Any]:
    """What a later build needs to only add: mined keys, groups, tables seen (no entries)."""
    keys = [_stats_to_dict(s) for s in sorted(library.stats.values(), key=lambda s: s.key)]
    return {
        "tables_seen": sorted(library.seen),
        "table_years": list(library.table_years),
        "table_publishers": list(library.table_publishers),
        "publisher_names": list(library.publisher_names),
        "keys": keys,
        "groups": [
            {"key": g.key, "members": [[m.key, m.similarity, m.how] for m in g.members]}
            for g in library.groups
        ],
    }


def state_json(library: Library) -> str:
    """``{"format": …, "state": state_to_dict(library)}`` as JSON text (see `state_parts`)."""
    return "".join(state_parts(library))


COMPRESSED = "zlib:"  # a stored state that starts so is base64 of zlib-compressed UTF-8 JSON


def state_packed(library: Library) -> str:
    """The state as stored in a database: compressed as it is written, part by part, so neither the
    JSON text (several times its UTF-8 size as a Python string of Chinese) nor a dict of it is ever
    whole in memory — only the compressed bytes (a tenth or so)."""
    packer = zlib.compressobj(6)
    chunks = [packer.compress(part.encode("utf-8")) for part in state_parts(library)]
    chunks.append(packer.flush())
    return COMPRESSED + base64.b64encode(b"".join(chunks)).decode("ascii")


def state_unpacked(text: str) -> Any:
    """A stored state as JSON data: packed (`state_packed`) or plain JSON text (earlier builds)."""
    if text.startswith(COMPRESSED):
        return json.loads(zlib.decompress(base64.b64decode(text[len(COMPRESSED) :])))
    return json.loads(text)


def state_parts(library: Library) -> Iterator[str]:
    """The state's JSON text in parts, key by key: the state of a large library is never one Python
    structure (a dict of lists of ints costs several times the JSON it becomes)."""
    yield '{"format": ' + json.dumps(FORMAT) + ', "state": {"keys": ['
    for n, stats in enumerate(sorted(library.stats.values(), key=lambda s: s.key)):
        yield (", " if n else "") + json.dumps(_stats_to_dict(stats), ensure_ascii=False)
    yield '], "groups": ['
    for n, g in enumerate(library.groups):
        group = {"key": g.key, "members": [[m.key, m.similarity, m.how] for m in g.members]}
        yield (", " if n else "") + json.dumps(group, ensure_ascii=False)
    yield '], "tables_seen": ' + json.dumps(sorted(library.seen))
    yield ', "table_years": ' + json.dumps(list(library.table_years))
    yield ', "table_publishers": ' + json.dumps(list(library.table_publishers))
    yield ', "publisher_names": ' + json.dumps(list(library.publisher_names), ensure_ascii=False) + "}}"


def library_to_dict(library: Library) -> dict[str, Any]:
    """The whole indicator library as its JSON document: summary, entries and mined keys."""
    return {
        "format": FORMAT,
        "summary": {
            "entries": len(library.entries),
            "keys": len(library.stats),
            "tables": library.tables,
            "rows": library.rows,
            "placement_conflicts": len(library.conflicts),
        },
        "entries": [entry_to_dict(e) for e in library.entries],
        "state": state_to_dict(library),
    }


def library_from_dict(data: Any) -> Library:
    """A library read back (entries rebuilt from its state); LibraryFormatError when it is not one."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or "state" not in data:
        raise LibraryFormatError(f"不是 jixiao 指标库文件（需要 format 为 {FORMAT}）")
    try:
        state = data["state"]
        if "table_publishers" not in state:
            raise LibraryFormatError(OLD_STATE)
        stats = {d["key"]: _stats_from_dict(d) for d in state["keys"]}
        groups = tuple(
            Group(g["key"], tuple(Member(key, float(sim), how) for key, sim, how in g["members"]))
            for g in state["groups"]
        )
        seen = set(state["tables_seen"])
        table_years = array("H", state["table_years"])
        table_publishers = array("I", state["table_publishers"])
        publisher_names = [str(name) for name in state["publisher_names"]]
    except (KeyError, TypeError, ValueError, IndexError) as why:
        raise LibraryFormatError(f"指标库文件已损坏：{why}") from None
    return Library(
        entries=entries_of(groups, stats, table_years, table_publishers),
        stats=stats,
        groups=groups,
        seen=seen,
        table_years=table_years,
        table_publishers=table_publishers,
        publisher_names=publisher_names,
    )


def entry_from_dict(d: dict[str, Any]) -> Entry:
    """An entry read back from `entry_to_dict` (what the database keeps as an entry's evidence)."""
    from jixiao.library.entries import EntryMember, Placement, Provenance

    p = d.get("provenance") or {}
    distributions = tuple(
        Distribution(
            v.get("unit") or "",
            int(v["count"]),
            Decimal(v["median"]),
            Decimal(v["min"]),
            Decimal(v["max"]),
            v.get("common_op") or "",
            Decimal(v["common_value"]),
            (v.get("sources") or {}).get("median", ""),
            (v.get("sources") or {}).get("min", ""),
            (v.get("sources") or {}).get("max", ""),
            bool(v.get("approximate")),
        )
        for v in p.get("values") or []
    )
    provenance = Provenance(
        rows=int(p.get("rows") or 0),
        tables=int(p.get("tables") or 0),
        publishers=int(p.get("publishers") or 0),
        years=tuple((int(y), int(n)) for y, n in (p.get("years") or {}).items()),
        kinds=tuple((k, int(n)) for k, n in (p.get("kinds") or {}).items()),
        ops=tuple(("" if k == "none" else k, int(n)) for k, n in (p.get("ops") or {}).items()),
        units=tuple(("" if k == "none" else k, int(n)) for k, n in (p.get("units") or {}).items()),
        distributions=distributions,
        grades=tuple((k, int(n)) for k, n in (p.get("grades") or {}).items()),
        sources=tuple(p.get("sources") or ()),
    )
    members = tuple(
        EntryMember(
            m["key"], float(m["similarity"]), m["how"], int(m["rows"]), int(m["tables"]), tuple(m["names"])
        )
        for m in d.get("members") or []
    ) or (EntryMember(d["key"], 100.0, "key", 0, 0, (d["name"],)),)
    return Entry(
        code=d["code"],
        key=d["key"],
        name=d["name"],
        synonyms=tuple(d.get("synonyms") or ()),
        level1=d.get("level1") or "",
        level2=d.get("level2") or "",
        placements=tuple(
            Placement(x["level1"], x["level2"], int(x["count"])) for x in d.get("placements") or []
        ),
        placement_conflict=bool(d.get("placement_conflict")),
        direction=d.get("direction") or "unknown",
        value_type=d.get("value_type") or "unknown",
        unit_class=d.get("unit_class") or "number",
        unit=d.get("unit") or "",
        provenance=provenance,
        members=members,
        status=d.get("status") or "draft",
        version=int(d.get("version") or 1),
    )
