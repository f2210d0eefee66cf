"""A Table as the open-data JSON document (product.md §6, ``jixiao.table/1``) and back.

The stored versions, the API and the downloads all use this one shape. Decimals are strings; the
extra fields (placeholders, goal lines, target details) are additions the contract allows, so that a
stored version reads back into the very same Table.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
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
    """The stored text of the document and its `content_hash`, from one conversion."""
    document = table_to_dict(table)
    return json.dumps(document, ensure_ascii=False, sort_keys=True), _hash(document)


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
    key = "\x1f".join([project.name.strip(), (project.unit or "").strip(), str(project.year or "")])
    return hashlib.sha256(key.encode()).hexdigest()
