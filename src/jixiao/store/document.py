"""A Table as the open-data JSON document (product.md §6, ``jixiao.table/1``) and back.

The stored versions, the API and the downloads all use this one shape. Decimals are strings; the
extra fields (placeholders, goal lines, target details) are additions the contract allows, so that a
stored version reads back into the very same Table.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from jixiao.model import Goals, Indicator, Kind, Op, Placeholder, Project, SourceRef, Table, Target

FORMAT = "jixiao.table/1"


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _to_decimal(text: Any) -> Decimal | None:
    return None if text is None or text == "" else Decimal(str(text))


def target_to_dict(target: Target) -> dict[str, Any]:
    return {
        "raw": target.raw,
        "kind": target.kind.value,
        "op": target.op.value if target.op else None,
        "value": _decimal(target.value),
        "unit": target.unit,
        "upper": _decimal(target.upper),
        "month": target.month,
        "day": target.day,
        "subject": target.subject,
        "note": target.note,
        "unit_from_name": target.unit_from_name,
    }


def target_from_dict(data: dict[str, Any]) -> Target:
    return Target(
        raw=data.get("raw") or "",
        kind=Kind(data.get("kind") or "unknown"),
        op=Op(data["op"]) if data.get("op") else None,
        value=_to_decimal(data.get("value")),
        unit=data.get("unit"),
        upper=_to_decimal(data.get("upper")),
        month=data.get("month"),
        day=data.get("day"),
        subject=data.get("subject"),
        note=data.get("note"),
        unit_from_name=bool(data.get("unit_from_name")),
    )


def _source(ref: SourceRef) -> dict[str, Any]:
    return {key: value for key in ("file", "line", "sheet", "cell", "page") if (value := getattr(ref, key))}


def _source_from(data: dict[str, Any] | None) -> SourceRef:
    data = data or {}
    return SourceRef(
        file=data.get("file"),
        line=data.get("line"),
        sheet=data.get("sheet"),
        cell=data.get("cell"),
        page=data.get("page"),
    )


def table_to_dict(table: Table) -> dict[str, Any]:
    """The §6 document of one table."""
    project = table.project
    return {
        "format": FORMAT,
        "project": {
            "name": project.name,
            "type": project.type,
            "level": project.level,
            "department": project.department,
            "unit": project.unit,
            "period": {"start": project.period_start, "end": project.period_end},
            "year": project.year,
            "budget": None if project.budget is None else f"{project.budget:.2f}",
            "budget_unit": project.budget_unit,
        },
        "goals": {
            "period": table.goals.period,
            "annual": table.goals.annual,
            "period_line": table.goals.period_line,
            "annual_line": table.goals.annual_line,
        },
        "indicators": [
            {
                "level1": item.level1,
                "level2": item.level2,
                "name": item.name,
                "period": target_to_dict(item.period),
                "annual": target_to_dict(item.annual),
                "source": _source(item.source),
                "weight": _decimal(item.weight),
            }
            for item in table.indicators
        ],
        "placeholders": [
            {"level1": p.level1, "level2": p.level2, "source": _source(p.source)} for p in table.placeholders
        ],
        "source": _source(table.source),
    }


def table_from_dict(data: dict[str, Any]) -> Table:
    """The Table a §6 document describes (the inverse of `table_to_dict`)."""
    project = data.get("project") or {}
    period = project.get("period") or {}
    goals = data.get("goals") or {}
    return Table(
        project=Project(
            name=project.get("name") or "",
            type=project.get("type"),
            level=project.get("level"),
            department=project.get("department"),
            unit=project.get("unit"),
            period_start=period.get("start"),
            period_end=period.get("end"),
            year=project.get("year"),
            budget=_to_decimal(project.get("budget")),
            budget_unit=project.get("budget_unit") or "元",
            source=_source_from(data.get("source")),
        ),
        goals=Goals(
            period=goals.get("period") or "",
            annual=goals.get("annual") or "",
            period_line=goals.get("period_line"),
            annual_line=goals.get("annual_line"),
        ),
        indicators=tuple(
            Indicator(
                level1=item.get("level1") or "",
                level2=item.get("level2") or "",
                name=item.get("name") or "",
                period=target_from_dict(item.get("period") or {}),
                annual=target_from_dict(item.get("annual") or {}),
                source=_source_from(item.get("source")),
                weight=_to_decimal(item.get("weight")),
            )
            for item in data.get("indicators") or ()
        ),
        placeholders=tuple(
            Placeholder(
                level1=p.get("level1") or "", level2=p.get("level2"), source=_source_from(p.get("source"))
            )
            for p in data.get("placeholders") or ()
        ),
        source=_source_from(data.get("source")),
    )


def dumps(table: Table) -> str:
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
