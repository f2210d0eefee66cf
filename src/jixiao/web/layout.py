"""The table page in the official layout: indicator rows with merged 一级/二级 cells and findings per row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jixiao.model import Indicator, Placeholder, Table


@dataclass
class LayoutRow:
    level1: str
    level2: str
    indicator: Indicator | None
    level1_span: int = 0  # 0: the cell is merged into the row above
    level2_span: int = 0
    findings: list[dict[str, Any]] = field(default_factory=list)


def _line(item: Indicator | Placeholder) -> int:
    return item.source.line or 0


def official_rows(
    table: Table, findings: list[dict[str, Any]]
) -> tuple[list[LayoutRow], list[dict[str, Any]]]:
    """Rows for the indicator block, and the findings that concern no row (shown above the table)."""
    items: list[Indicator | Placeholder] = [*table.indicators, *table.placeholders]
    if all(_line(item) for item in items):
        items.sort(key=_line)
    rows = [
        LayoutRow(item.level1, item.level2 or "", item if isinstance(item, Indicator) else None)
        for item in items
    ]
    for index, row in enumerate(rows):
        if index == 0 or rows[index - 1].level1 != row.level1:
            span = 1
            while index + span < len(rows) and rows[index + span].level1 == row.level1:
                span += 1
            row.level1_span = span
        if row.level1_span or rows[index - 1].level2 != row.level2:
            span = 1
            while (
                index + span < len(rows)
                and rows[index + span].level2 == row.level2
                and rows[index + span].level1 == row.level1
            ):
                span += 1
            row.level2_span = span
    by_line = {item.source.line: row for item, row in zip(items, rows, strict=True) if item.source.line}
    by_name = {row.indicator.name: row for row in rows if row.indicator}
    unplaced: list[dict[str, Any]] = []
    for finding in findings:
        line = finding.get("line")
        home = (by_line.get(line) if isinstance(line, int) else None) or by_name.get(
            finding.get("indicator") or ""
        )
        if home is None:
            unplaced.append(finding)
        else:
            home.findings.append(finding)
    return rows, unplaced
