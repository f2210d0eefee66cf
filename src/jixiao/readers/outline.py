"""Numbered trees: the 一级/二级 written with an outline number, before the grid reader.

Some forms write the tree in the rows rather than in columns of its own:

- a section row per 一级 across the table, numbered and scored (``一、产出指标(50分)``) above its rows;
- an outline in one column, ``1 产出指标`` / ``1.1 数量指标`` rows of their own and the indicators coded
  ``1.1.1``, either in a code column (``指标编码 | 指标名称 | …``) or before the name in the same cell.

The numbers say only where a row stands in the outline; the catalogue's names say what it is. This
stage drops the numbers: a numbered cell keeps its category name when what follows the number is a
category the catalogue knows (anything else — ``一、项目基本情况`` — is left as written); a code column
under a header naming it is taken out of the header and of the rows below it (only where each code is an
outline code or empty); an indicator's ``1.1.1`` before its name is dropped only in a table whose
categories were numbered so. The grid then reads the category rows as it reads any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao import catalog
from jixiao.readers import roles as column_roles
from jixiao.readers.cells import Row, first_label
from jixiao.readers.labels import Label, label_key
from jixiao.readers.levelfunds import read_level_funds
from jixiao.readers.namecells import split_name_value_cells

# 一、 (一) 1、 1. 1.1 1.1.1 before a name; Chinese numbering needs its mark, digits a mark or a space
_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}(?:\.\d{1,2}){0,3}[、.．]?\s*)"
)
_OUTLINE_CODE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){0,3}\s*$")
_INDICATOR_CODE = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{1,2}[、.．]?\s*(?=\D)")  # 1.1.1 营养膳食…
_DOTTED_CATEGORY = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})?[、.．]?\s*(?=\D)")
_CODE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})")
# A cell opening as `_NUMBERING` does, in a row's cells joined by NUL: one search in C for the whole row
_NUMBERED_CELL = re.compile(
    r"(?:^|\0)\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]|\d)"
)


def _depth(text: str) -> int:
    """How deep an outline number stands: ``1`` 1, ``1.4`` 2, ``1.4.1`` 3; 0 where there is none."""
    match = _CODE.match(text)
    return match[1].count(".") + 1 if match else 0


CODE_HEADERS = frozenset(("指标编码", "编码", "指标代码", "指标编号", "编号", "序号", "指标序号"))


def category_behind_number(text: str) -> str | None:
    """``一、产出指标(50分)`` → ``产出指标(50分)``, ``1.1 数量指标`` → ``数量指标``: the category after an
    outline number, or None where the text has no number or no known category follows it."""
    if "指标" not in text:  # cheap test first: this runs on every cell
        return None
    match = _NUMBERING.match(text)
    if match is None or match.end() == 0:
        return None
    rest = text[match.end() :].strip()
    return rest if rest and catalog.is_category_name(rest) else None


def _code_column(row: Row, joined: str) -> int | None:
    """The column of a code heading (指标编码) directly before the indicator name's heading, or None;
    ``joined`` is the row's cells joined by NUL (`_Outline.row`), for the cheap test first."""
    if "编" not in joined and "序号" not in joined:  # no word spans a NUL: as if cell by cell
        return None
    keys = [label_key(cell) for cell in row.cells]
    for col, key in enumerate(keys[:-1]):
        if key in CODE_HEADERS and column_roles.role_of(keys[col + 1]) == column_roles.LEVEL3:
            return col
    return None


def _without_column(row: Row, col: int) -> tuple[str, Row]:
    """The cell at ``col`` and the row without it."""
    cells = row.cells[:col] + row.cells[col + 1 :]
    sources = row.cell_sources
    if sources is not None and len(sources) == len(row.cells):
        sources = sources[:col] + sources[col + 1 :]
    return row.cells[col], replace(row, cells=cells, cell_sources=sources)


def _with_tree(row: Row, level1: str, level2: str) -> Row:
    """The row with its 一级 and 二级 written before its cells, as a tree-column form has them."""
    sources = row.cell_sources
    if sources is not None and len(sources) == len(row.cells):
        sources = (row.source, row.source, *sources)
    return replace(row, cells=(level1, level2, *row.cells), cell_sources=sources)


class _Outline:
    """What one table's rows have shown of its outline so far."""

    def __init__(self) -> None:
        self.code_col: int | None = None  # a 指标编码 column: its codes give each row's depth
        self.level1 = ""
        self.level2 = ""
        self.dotted = False  # a category was numbered 1 / 1.1: indicators' 1.1.1 are outline codes

    def reset(self) -> None:
        """A new table: its own outline."""
        self.code_col, self.level1, self.level2, self.dotted = None, "", "", False

    def row(self, row: Row) -> Row | None:
        if not (row.columns_known and row.aligned):
            return row
        label = first_label(row.cells)
        if label in (Label.TITLE, Label.NAME):
            self.reset()
        if self.code_col is None:
            joined = "\0".join(row.cells)  # once per row, for the cheap tests of both paths
            code_col = _code_column(row, joined) if "编" in joined or "序号" in joined else None
            if code_col is None:
                return self._names(row, joined)
            self.code_col = code_col
            _, row = _without_column(row, code_col)
            return _with_tree(row, "一级指标", "二级指标")
        if self.code_col >= len(row.cells) or not _OUTLINE_CODE.match(row.cells[self.code_col]):
            again = _code_column(row, "\0".join(row.cells)) == self.code_col  # the header again over a page
            return None if again else row
        return self._coded(*_without_column(row, self.code_col))

    def _coded(self, code: str, row: Row) -> Row | None:
        """A row under a code column: a category of depth 1 or 2 is noted and dropped, an indicator
        row gets the categories above it."""
        depth = _depth(code)
        name = row.cells[self.code_col or 0].strip() if self.code_col is not None else ""
        if depth <= 2 and catalog.is_category_name(name):
            if depth == 1:
                self.level1, self.level2 = catalog.normalise(name), ""
            else:
                self.level2 = catalog.normalise(name)
            return None
        return _with_tree(row, self.level1, self.level2)

    def _names(self, row: Row, joined: str) -> Row:
        if not self.dotted and ("指标" not in joined or not _NUMBERED_CELL.search(joined)):
            return row  # no cell names a category behind a number (`category_behind_number`)
        cells = list(row.cells)
        changed = False
        for col, text in enumerate(cells):
            category = category_behind_number(text)
            if category is not None:
                dotted = _DOTTED_CATEGORY.match(text)
                self.dotted = self.dotted or dotted is not None
                cells[col], changed = catalog.normalise(category), True
                depth = _depth(text) if dotted is not None else 0
                if depth == 1:
                    self.level1 = cells[col]
                elif (
                    depth == 2 and self.level1 and catalog.is_level1_name(cells[col]) and not any(cells[:col])
                ):
                    cells = [self.level1, *cells[col:]]  # 1.4 成本指标: a 二级 under 1 by its depth
            elif self.dotted and (code := _INDICATOR_CODE.match(text)) is not None:
                cells[col], changed = text[code.end() :].strip(), True
        return replace(row, cells=tuple(cells)) if changed else row


def without_outline_numbers(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows with outline numbers dropped, a code column turned into tree columns, and numbered
    name-and-value cells split into rows (`namecells`), streaming: the tree forms before the grid."""
    outline = _Outline()
    for row in split_name_value_cells(read_level_funds(rows)):
        read = outline.row(row)
        if read is not None:
            yield read
