"""A Table as the open-data JSON document (product.md §6, ``jixiao.table/1``) and back.

The stored versions, the API and the downloads all use this one shape. Decimals are strings; the
extra fields (placeholders, goal lines, target details) are additions the contract allows, so that a
stored version reads back into the very same Table.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from jixiao.formats.table_json import table_to_dict as open_data
from jixiao.formats.table_json_read import table_from_dict as read_open_data
from jixiao.model import Table

# One implementation of the open data contract: the stored document is the published one
# (`jixiao.formats.table_json` / `jixiao.formats.table_json_read`) plus the lines of the goal texts,
# which the review needs to point at after a stored table is reviewed again.


def table_to_dict(table: Table) -> dict[str, Any]:
    """The §6 document of one table, as stored and served."""
    document = open_data(table)
    goals = document["goals"]
    if table.goals.period_line is not None:
        goals["period_line"] = table.goals.period_line
    if table.goals.annual_line is not None:
        goals["annual_line"] = table.goals.annual_line
    return document


def table_from_dict(data: dict[str, Any]) -> Table:
    """The Table a §6 document describes (the inverse of `table_to_dict`)."""
    table = read_open_data(data)
    goals = data.get("goals") or {}
    located = replace(table.goals, period_line=goals.get("period_line"), annual_line=goals.get("annual_line"))
    return replace(table, goals=located)


def dumps(table: Table) -> str:
    """The stored JSON text of a table (keys sorted, Chinese kept)."""
    return json.dumps(table_to_dict(table), ensure_ascii=False, sort_keys=True)


def dumps_and_hash(table: Table) -> tuple[str, str]:
    """The stored text of the document and its `content_hash`, from one conversion and one encoding."""
    document = table_to_dict(table)
    return _texts_at_once(document) or (_ENCODE(document), _hash(document))


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode  # what json.dumps(…) of these does
_CUT_OPEN, _CUT_CLOSE = json.dumps("\x00jixiao-cut-")[:-1], json.dumps("\x00")[1:]
_SEPARATOR = "\x00jixiao-separator\x00"
_BETWEEN = f", {json.dumps(_SEPARATOR)}, "


def _texts_at_once(full: dict[str, Any]) -> tuple[str, str] | None:
    """The stored text and the `content_hash` of a document, encoded once rather than twice.

    What the hash leaves out (the sources, the goals' lines) is encoded apart, all in one list, and the
    document with a numbered marker string in its place: the hashed text is that text with each
    ``, "key": marker`` cut out — key order is sorted and none of these keys comes first in its object —
    and the stored text is it with each marker replaced by the value's text. None (the caller encodes
    twice) if a marker or separator could be confused with the document's own text."""
    cut: list[tuple[str, Any]] = []

    def marker(key: str, value: Any) -> str:
        cut.append((key, value))
        return f"\x00jixiao-cut-{len(cut) - 1}\x00"

    marked = dict(full)
    if "goals" in full:
        marked["goals"] = {k: marker(k, v) if k in _LINES else v for k, v in full["goals"].items()}
    for part in ("indicators", "placeholders"):
        if part in full:
            marked[part] = [_marked(item, marker) for item in full[part]]
    if "source" in full:
        marked["source"] = marker("source", full["source"])
    text = _ENCODE(marked)
    pieces = text.split(_CUT_OPEN)
    listed = _ENCODE([item for _, value in cut for item in (value, _SEPARATOR)])
    values = f"{listed[1:-1]}, ".split(_BETWEEN)[:-1]  # "[v0, sep, v1, sep]": v0, v1
    if len(pieces) != len(cut) + 1 or len(values) != len(cut):
        return None
    stored, hashed, before = [pieces[0]], [], pieces[0]
    for piece in pieces[1:]:
        number, _, rest = piece.partition(_CUT_CLOSE)
        key = cut[int(number)][0]
        lead = f', "{key}": '
        if not before.endswith(lead):
            return None
        hashed.append(before[: -len(lead)])
        stored += (values[int(number)], rest)
        before = rest
    hashed.append(before)
    return "".join(stored), hashlib.sha256("".join(hashed).encode()).hexdigest()


_LINES = frozenset({"period_line", "annual_line"})


def _marked(item: dict[str, Any], marker: Callable[[str, Any], str]) -> dict[str, Any]:
    if "source" not in item:
        return item
    return {**item, "source": marker("source", item["source"])}


def content_hash(table: Table) -> str:
    """A hash of what the table says, not where it was read: re-importing a moved file is no change."""
    return _hash(table_to_dict(table))


def _hash(full: dict[str, Any]) -> str:
    document = {**full, "goals": dict(full["goals"])}
    document["indicators"] = [{k: v for k, v in item.items() if k != "source"} for item in full["indicators"]]
    document["placeholders"] = [{k: v for k, v in p.items() if k != "source"} for p in full["placeholders"]]
    document.pop("source", None)
    document["goals"].pop("period_line", None)
    document["goals"].pop("annual_line", None)
    text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def identity(table: Table) -> str:
    """Project name + unit + year: how the same table is recognised when imported again."""
    project = table.project
    return _identity(project.name, project.unit, project.year)


@lru_cache(maxsize=4096)  # an import asks it of each table several times (plan, store, held rows)
def _identity(name: str, unit: str | None, year: int | None) -> str:
    key = "\x1f".join([name.strip(), (unit or "").strip(), str(year or "")])
    return hashlib.sha256(key.encode()).hexdigest()
