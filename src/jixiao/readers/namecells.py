"""One cell per 二级 holding all its indicators: ``1.名称：值；2.名称：值`` under ``三级指标及指标值``.

Some forms head one column with the name and the value together and write every indicator of a
二级 in its cell, numbered, each name and value parted by a colon. This stage, before the grid reader,
gives each indicator a row of its own: the heading becomes ``三级指标 | 指标值``, the first indicator
stays on its 二级's row, the others follow on rows whose tree cells are empty (the same as above, as in
any merged tree column). A cell is split only where it reads whole as such a list — numbered 1, 2, 3…
in order, each item a name, a colon and a value; anything else is left as written for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao.readers.cells import Row, first_label
from jixiao.readers.labels import Label, label_key

# headings of a column holding names and values together
NAME_VALUE_HEADINGS = frozenset(
    ("三级指标及指标值", "三级指标及目标值", "指标名称及指标值", "绩效指标及指标值", "三级指标及年度指标值",
     "指标内容及指标值", "三级指标和指标值", "具体指标及指标值")
)  # fmt: skip
_ITEM = re.compile(r"(\d{1,2})[.、．]\s*([^：:；;]{1,60}?)\s*[：:]\s*([^；;]{1,60}?)\s*(?:[；;]\s*|$)")


def numbered_items(text: str) -> list[tuple[str, str]] | None:
    """``1.培育高素质农民：≥400人；2.建设实训基地：3个`` → [(name, value), …], or None where the text is
    not wholly such a list numbered from 1 in order."""
    text = text.strip().rstrip("。.")
    items: list[tuple[str, str]] = []
    at = 0
    while at < len(text):
        match = _ITEM.match(text, at)
        if match is None or int(match[1]) != len(items) + 1:
            return None
        items.append((match[2].strip(), match[3].strip()))
        at = match.end()
    return items or None


def _heading_column(row: Row) -> int | None:
    joined = "".join(row.cells)  # cheap test first, once per row: every row comes here
    if "及" not in joined and "和" not in joined:
        return None
    return next((col for col, cell in enumerate(row.cells) if label_key(cell) in NAME_VALUE_HEADINGS), None)


def _widened(row: Row, col: int, cells: tuple[str, ...]) -> Row:
    """The row with ``cells`` in place of its cell at ``col`` (sources repeated for the new cells)."""
    new = row.cells[:col] + cells + row.cells[col + 1 :]
    sources = row.cell_sources
    if sources is not None and len(sources) == len(row.cells):
        sources = sources[:col] + (sources[col],) * len(cells) + sources[col + 1 :]
    return replace(row, cells=new, cell_sources=sources)


def split_name_value_cells(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows with each numbered name-and-value cell split into one row per indicator (streaming)."""
    col: int | None = None
    for row in rows:
        if not (row.columns_known and row.aligned):
            yield row
            continue
        if first_label(row.cells) in (Label.TITLE, Label.NAME):
            col = None
        if col is None:
            joined = "".join(row.cells)  # `_heading_column`'s cheap test, with no call for most rows
            col = _heading_column(row) if "及" in joined or "和" in joined else None
            yield row if col is None else _widened(row, col, ("三级指标", "指标值"))
            continue
        items = numbered_items(row.cells[col]) if col < len(row.cells) else None
        if items is None:
            yield row if col >= len(row.cells) else _widened(row, col, (row.cells[col], ""))
            continue
        for n, (name, value) in enumerate(items):
            first = row if n == 0 else replace(row, cells=("",) * len(row.cells))  # 分值 stays on the first
            yield _widened(first, col, (name, value))
