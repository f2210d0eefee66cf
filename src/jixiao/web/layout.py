"""The table page in the official layout: the rows of `jixiao.formats.layout` (the same rows, in the
same catalogue order, as the Excel and PDF files) with each row's findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jixiao.formats.layout import tree_rows
from jixiao.formats.places import place_of_indicator
from jixiao.model import Indicator, Table


@dataclass
class LayoutRow:
    """One indicator row of the page; a span of 0 means the cell is merged into the row above."""

    level1: str
    level2: str
    indicator: Indicator | None
    level1_span: int = 0
    level2_span: int = 0
    findings: list[dict[str, Any]] = field(default_factory=list)


def official_rows(
    table: Table, findings: list[dict[str, Any]]
) -> tuple[list[LayoutRow], list[dict[str, Any]]]:
    """Rows for the indicator block, and the findings that concern no row (shown above the table)."""
    rows = [
        LayoutRow(row.level1, row.level2, row.indicator, row.level1_span, row.level2_span)
        for row in tree_rows(table)
    ]
    by_place = {place_of_indicator(row.indicator): row for row in rows if row.indicator}
    by_line = {row.indicator.source.line: row for row in rows if row.indicator and row.indicator.source.line}
    by_name = {row.indicator.name: row for row in rows if row.indicator}
    unplaced: list[dict[str, Any]] = []
    for finding in findings:
        line = finding.get("line")
        home = (
            by_place.get(finding.get("place") or "")  # the stable place, when the service gave one
            or (by_line.get(line) if isinstance(line, int) else None)
            or by_name.get(finding.get("indicator") or "")
        )
        if home is None:
            unplaced.append(finding)
        else:
            home.findings.append(finding)
    return rows, unplaced
