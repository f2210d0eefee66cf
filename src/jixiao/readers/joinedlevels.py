"""一级 and 二级 written in ONE cell, joined by a hyphen (``产出指标-数量指标``), split into two columns.

Some forms give the tree one column, ``指标类别``, after a ``序号`` and before ``指标名称 | 目标值``, each
cell holding both levels. This stage, run on the rows before the column stage, splits such a cell in
two and the header cell above it into ``一级指标 | 二级指标``, and moves every row between them one
column on, so the reader core sees the tree it knows. Only a cell whose first part is a 一级 name
the forms use and whose second part is a 二级 name (``…指标``) is split; rows of other tables pass
through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao.readers.cells import Row
from jixiao.readers.labels import label_key

_LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标", "效果指标", "投入指标", "过程指标", "管理指标")
_JOINED = re.compile(rf"^\s*({'|'.join(_LEVEL1)})\s*[-－—–]\s*(\S{{2,20}}指标)\s*$")
_LEVEL_HEADERS = frozenset(("一级指标", "二级指标"))
_NUMBER_HEADERS = frozenset(("序号", "编号"))
_ROW_NUMBER = re.compile(r"^\s*\d{0,3}[.、]?\s*$")


_HYPHEN = re.compile(r"[-－—–]")  # what joins the two levels in `_JOINED`


def _joined_column(row: Row) -> int | None:
    if not row.columns_known:
        return None
    joined = "\0".join(row.cells)  # searched in C: a joined cell holds 指标 and a hyphen, few rows do
    if "指标" not in joined or not _HYPHEN.search(joined):
        return None
    for col, text in enumerate(row.cells):
        if "指标" in text and _JOINED.match(text):
            return col
    return None


def _overwrite(row: Row, col: int, first: str, second: str) -> Row:
    """The row with its 序号 cell (at ``col - 1``) and joined cell (at ``col``) replaced by the two levels."""
    return replace(row, cells=(*row.cells[: col - 1], first, second, *row.cells[col + 1 :]))


def _split(row: Row, col: int, first: str, second: str) -> Row:
    cells = (*row.cells[:col], first, second, *row.cells[col + 1 :])
    sources = row.cell_sources
    if sources is not None and col < len(sources):
        sources = (*sources[: col + 1], sources[col], *sources[col + 1 :])
    return replace(row, cells=cells, cell_sources=sources)


def _header_at(rows: list[Row], first_joined: int, col: int) -> int | None:
    """The header row above a block of joined cells: the nearest row with a label in that column."""
    for index in range(first_joined - 1, max(-1, first_joined - 4), -1):
        cells = rows[index].cells
        text = cells[col].strip() if col < len(cells) else ""
        if text and not _JOINED.match(text) and text not in _LEVEL_HEADERS:
            return index
    return None


def split_joined_levels(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows with each joined 一级-二级 cell split in two (see the module's note)."""
    held = list(rows)
    index = 0
    while index < len(held):
        col = _joined_column(held[index])
        header = _header_at(held, index, col) if col is not None else None
        if col is None or header is None:
            index += 1
            continue
        # a 序号 column just before: its numbers carry nothing, so the two levels take both columns
        numbered = col > 0 and label_key(held[header].cells[col - 1]) in _NUMBER_HEADERS
        put = _overwrite if numbered and index == header + 1 else _split
        held[header] = put(held[header], col, "一级指标", "二级指标")
        for between in range(header + 1, index):  # a wrapped header line: its cells move on too
            if col < len(held[between].cells):
                held[between] = _split(held[between], col, held[between].cells[col], "")
        while index < len(held) and (match := _JOINED.match(_cell(held[index], col))):
            row = held[index]
            fits = put is _overwrite and _ROW_NUMBER.match(row.cells[col - 1])
            held[index] = (_overwrite if fits else _split)(row, col, match[1], match[2])
            index += 1
    yield from held


def _cell(row: Row, col: int) -> str:
    return row.cells[col] if row.columns_known and col < len(row.cells) else ""
