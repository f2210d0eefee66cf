"""The open data format ``jixiao.table/1`` → model: the inverse of `jixiao.formats.table_json`."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from jixiao.formats.table_json import FORMAT
from jixiao.model import (
    EMPTY_TARGET,
    Goals,
    Indicator,
    Kind,
    Op,
    Placeholder,
    Project,
    Reading,
    SourceRef,
    Table,
    Target,
)


class FormatError(ValueError):
    """The JSON is not a list of ``jixiao.table/1`` tables; the message says where, in Chinese."""


def _decimal(text: Any) -> Decimal | None:
    return None if text is None else Decimal(str(text))


def source_from_dict(data: dict[str, Any] | None) -> SourceRef:
    """A source reference from its JSON dict (all fields optional)."""
    data = data or {}
    return SourceRef(
        data.get("file"), data.get("line"), data.get("sheet"), data.get("cell"), data.get("page")
    )


def target_from_dict(data: dict[str, Any]) -> Target:
    """A target value (指标值) from its JSON dict."""
    return Target(
        raw=data.get("raw", ""),
        kind=Kind(data.get("kind", "unknown")),
        op=Op(data["op"]) if data.get("op") else None,
        value=_decimal(data.get("value")),
        unit=data.get("unit"),
        upper=_decimal(data.get("upper")),
        month=data.get("month"),
        day=data.get("day"),
        subject=data.get("subject"),
        note=data.get("note"),
        unit_from_name=bool(data.get("unit_from_name", False)),
    )


def table_from_dict(data: dict[str, Any]) -> Table:
    """A 绩效目标表 from its JSON document; raises FormatError when the format tag is not ours."""
    if data.get("format") != FORMAT:
        raise FormatError(f"不是 {FORMAT} 格式（format = {data.get('format')!r}）")
    p = data["project"]
    period = p.get("period") or {}
    project = Project(
        name=p["name"],
        type=p.get("type"),
        level=p.get("level"),
        department=p.get("department"),
        unit=p.get("unit"),
        period_start=period.get("start"),
        period_end=period.get("end"),
        year=p.get("year"),
        budget=_decimal(p.get("budget")),
        budget_unit=p.get("budget_unit", "元"),
        source=source_from_dict(data.get("source")),
        total_funds=_decimal(p.get("total_funds")),
    )
    goals = Goals(period=data["goals"].get("period", ""), annual=data["goals"].get("annual", ""))
    indicators = tuple(
        Indicator(
            level1=i["level1"],
            level2=i["level2"],
            name=i["name"],
            period=target_from_dict(i["period"]),
            annual=target_from_dict(i["annual"]),
            source=source_from_dict(i.get("source")),
            weight=_decimal(i.get("weight")),
            baseline=target_from_dict(i["baseline"]) if i.get("baseline") else EMPTY_TARGET,
            notes=tuple((str(k), str(v)) for k, v in (i.get("notes") or {}).items()),
        )
        for i in data["indicators"]
    )
    placeholders = tuple(
        Placeholder(ph["level1"], ph.get("level2"), source_from_dict(ph.get("source")))
        for ph in data.get("placeholders", [])
    )
    source = data.get("source") or {}
    reading = None
    if "confidence" in source or "inferred" in source:
        reading = Reading(
            confidence=_decimal(source.get("confidence")) or Decimal("0"),
            inferred=tuple(source.get("inferred") or ()),
        )
    return Table(project, goals, indicators, placeholders, source_from_dict(source), reading)


def loads_tables(text: str) -> list[Table]:
    """A JSON list (or one object) of tables → tables; a malformed document raises `FormatError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"JSON 格式错误：第{exc.lineno}行第{exc.colno}列：{exc.msg}") from exc
    items = data if isinstance(data, list) else [data]
    tables = []
    for n, item in enumerate(items, start=1):
        try:
            tables.append(table_from_dict(item))
        except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError) as exc:
            raise FormatError(f"第{n}个表格不符合 {FORMAT}：{exc}") from exc
    return tables
