"""The table page in the official layout: the rows of `jixiao.formats.layout` (the same rows, in the
same catalogue order, as the Excel and PDF files) with each row's findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from jixiao.formats.layout import tree_rows
from jixiao.model import Indicator, Table
from jixiao.queries import FindingRow


@dataclass
class LayoutRow:
    """One indicator row of the page; a span of 0 means the cell is merged into the row above."""

    level1: str
    level2: str
    indicator: Indicator | None
    level1_span: int = 0
    level2_span: int = 0
    findings: list[FindingRow] = field(default_factory=list)


def official_rows(table: Table, findings: Sequence[FindingRow]) -> tuple[list[LayoutRow], list[FindingRow]]:
    """Rows for the indicator block, and the findings that concern no row (shown above the table)."""
    rows = [
        LayoutRow(row.level1, row.level2, row.indicator, row.level1_span, row.level2_span)
        for row in tree_rows(table)
    ]
    by_line = {row.indicator.source.line: row for row in rows if row.indicator and row.indicator.source.line}
    by_name = {row.indicator.name: row for row in rows if row.indicator}
    unplaced: list[FindingRow] = []
    for finding in findings:
        line = finding.line
        home = (by_line.get(line) if line is not None else None) or by_name.get(finding.indicator or "")
        if home is None:
            unplaced.append(finding)
        else:
            home.findings.append(finding)
    return rows, unplaced
