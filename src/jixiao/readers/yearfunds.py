"""A funds row of years: ``资金安排 | 2020年 | 2021年 | 2022年 | 合计`` over a row of amounts.

A 中期财政规划 form gives the project's money year by year, the years as column headings and the amounts
in the row beneath. The budget is the amount under the table's own year; the 合计 under them is the money
of the whole period (``total_funds``); the other years' amounts are neither. Where the table's year is not
known, or is not one of the columns, no column is taken for the budget (the amount would be a guess).
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.readers.cells import Cell
from jixiao.readers.labels import Label, label_key, label_of
from jixiao.readers.totals import is_total_cell

# The first cell of such a row when it carries no amount label of its own (catalogue of headings, data).
_YEAR_ROW_HEADINGS = frozenset(
    ("资金安排", "资金计划", "分年度资金安排", "分年度资金", "年度资金安排", "资金预算")
)
_YEAR_CELL = re.compile(r"^((?:19|20)\d{2})\s*年(?:度)?(?:[(（](?:万元|元)[)）])?$")
_UNIT_AFTER = re.compile(r"\((?:万元|元)\)$")
_HEADING_LABELS = (Label.FUNDS_SECTION, Label.FUNDS, Label.TOTAL_FUNDS)


def year_columns_heading(row: list[Cell], year: int | None) -> list[tuple[Label, Cell]] | None:
    """The amount labels of a funds row of years, one per column, for the row of amounts under it: the
    table's year as the budget (its cell written ``YYYY年预算`` with the heading's unit), 合计 as the
    period's money, the other years as parts (never summed while the year's budget is read); else None."""
    cells = [c for c in row if c.text]
    if len(cells) < 3 or not _opens_year_row(cells[0].text):
        return None
    years = [_YEAR_CELL.match("".join(c.text.split())) for c in cells[1:]]
    total = cells[-1] if is_total_cell(cells[-1].text) else None
    if total is not None:
        years = years[:-1]
    if not years or any(match is None for match in years) or year is None:
        return None
    written = [int(match.group(1)) for match in years if match is not None]
    if year not in written or len(set(written)) != len(written):
        return None
    unit = "(万元)" if "万元" in cells[0].text else "(元)" if "(元)" in cells[0].text else ""
    heading: list[tuple[Label, Cell]] = []
    for cell, column_year in zip(cells[1:], written, strict=False):
        if column_year == year:
            heading.append((Label.BUDGET, Cell(f"{year}年预算{unit}", cell.source, cell.col)))
        else:
            heading.append((Label.SUB_FUNDS, cell))
    if total is not None:
        heading.append((Label.TOTAL_FUNDS, Cell(f"资金合计{unit}", total.source, total.col)))
    return heading


@lru_cache(maxsize=4096)  # asked of the first cell of each row of a head (of three cells or more)
def _opens_year_row(text: str) -> bool:
    key = _UNIT_AFTER.sub("", label_key(text))
    return key in _YEAR_ROW_HEADINGS or label_of(text) in _HEADING_LABELS
