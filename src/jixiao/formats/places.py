"""Where a finding is, in words that stay true while the table is edited: an indicator's
一级／二级／三级 names, a goal, or a project field — never the line of a file or of the editor, which
moves with every row added above it.

The same place names an indicator comment's row and a dismissed finding, so both find their row
again in the next version of the table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from jixiao.model import Indicator, Table

SEPARATOR = "／"
TABLE_LEVEL = "表级"

PROJECT_FIELD_LABELS = {
    "name": "项目名称",
    "type": "项目类型",
    "level": "项目等级",
    "department": "主管部门",
    "unit": "用款单位",
    "period": "实施周期",
    "budget": "预算金额",
}


def indicator_place(level1: str, level2: str, name: str) -> str:
    """An indicator's place: ``产出指标／数量指标／培训人次``."""
    return SEPARATOR.join((level1, level2, name))


def place_of_indicator(item: Indicator) -> str:
    """`indicator_place` of a record."""
    return indicator_place(item.level1, item.level2, item.name)


def finding_place(table: Table, line: int | None, indicator: str | None) -> str:
    """The stable place of a finding about ``table`` that names ``indicator`` or points at ``line``."""
    if indicator:
        named = [item for item in table.indicators if item.name == indicator]
        exact = [item for item in named if line is not None and item.source.line == line]
        if exact or named:
            return place_of_indicator((exact or named)[0])
    if line is None:
        return TABLE_LEVEL
    for item in table.indicators:
        if item.source.line == line:
            return place_of_indicator(item)
    if table.goals.period_line == line:
        return "实施周期总目标"
    if table.goals.annual_line == line:
        return "年度目标"
    for field_name, field_line in table.project.lines:
        if field_line == line and field_name in PROJECT_FIELD_LABELS:
            return PROJECT_FIELD_LABELS[field_name]
    return TABLE_LEVEL


def with_places(table: Table, findings: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each finding (a dict with ``line`` and ``indicator``) with its ``place`` added."""
    return [{**f, "place": finding_place(table, f.get("line"), f.get("indicator"))} for f in findings]
