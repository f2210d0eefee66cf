"""``|`` rows of a flattened HTML table whose merged cells were dropped, put back under their columns.

A page's ``<table>`` flattened to text writes only the cells a row owns: under a tall merged 一级 cell
the following rows begin with their 二级 (``质量指标 | 某率 | 定量 | 98 | % | …``), under a merged 二级
with their 三级, and a row's cell left out by the page (no 计量单位 for a 定性 row) moves the cells after
it one column left. Mirror sites pad every row with ``| ||||`` to the same width, so the count of
cells does not tell. This stage, run on aligned ``|`` rows before the columns are folded, reads the
row by its grammar against the indicator header it stands under:

- a row opening with a 二级 name where the header opens with 一级 gets one empty cell in front; a row
  opening with an indicator's name (no category) under 一级 | 二级 gets two;
- in a row whose 指标值类型 says 定性 or whose value is a word, a long explanation standing in the 计量单位
  column is moved one column right (the unit cell was left out);
- a 二级 row holding only scoring text (``未达指标值酌情扣分``) and no value is a category with no
  indicator: its text is dropped, never read as an indicator's name.

Rows are never guessed further: a row that fits none of these passes unchanged, and so does every row of
a block where a row writes its own empty leading cells (the table kept its columns; a 一级 standing in
the wrong column there is the table's own error, for review to find).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import dropwhile

from jixiao import catalog
from jixiao.readers import roles as column_roles
from jixiao.readers.cells import Row, first_label
from jixiao.readers.labels import Label, label_key

_SCORING_TEXT = re.compile(r"扣分|得分|酌情|不得分|扣\d|计分")
_LONGEST_UNIT = 6  # a 计量单位 cell is short: 件, %, 万元/公里


def restore_spanned_cells(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows, those of an indicator block under a header with 一级/二级 columns re-aligned."""
    columns: dict[str, int] | None = None
    for row in rows:
        if not (row.columns_known and row.aligned):
            yield row
            continue
        label = first_label(row.cells)
        if label in (Label.TITLE, Label.NAME):
            columns = None
        if label in (Label.HEADER, Label.INDICATORS):
            found = _header_columns(row.cells)
            if found is not None:
                columns = found
            yield row
            continue
        cells = row.cells
        if columns is not None and cells and not cells[0].strip() and any(c.strip() for c in cells):
            columns = None  # the block writes its own empty cells: a row out of its columns is as written
        if columns is None or label is not None:
            yield row
            continue
        restored = _restored(row.cells, columns)
        yield row if restored is None else replace(row, cells=restored, cell_sources=None)


def _header_columns(cells: tuple[str, ...]) -> dict[str, int] | None:
    """The column of each role in an indicator header opening 一级 | 二级 (first column of a role)."""
    columns: dict[str, int] = {}
    for col, text in enumerate(cells):
        role = column_roles.role_of(label_key(text)) if text.strip() else None
        if role is not None:
            columns.setdefault(role, col)
    level1, level2 = columns.get(column_roles.LEVEL1), columns.get(column_roles.LEVEL2)
    if level1 is None or level2 != level1 + 1 or columns.get(column_roles.LEVEL3) != level2 + 1:
        return None
    return columns


def _restored(cells: tuple[str, ...], columns: dict[str, int]) -> tuple[str, ...] | None:
    """The row's cells under their columns, or None where the row stands as written."""
    level1 = columns[column_roles.LEVEL1]
    first = cells[0].strip() if cells else ""
    if not first:
        return None  # the row writes its own empty cells: its columns stand as the source has them
    body = list(cells)
    filled = [cell.strip() for cell in body if cell.strip()]
    tree_missing = _missing_tree_cells(first, body)
    if tree_missing is None:
        return None
    missing = level1 + tree_missing  # a column before the tree (绩效指标) is merged and dropped too
    tail = len(body) - len(list(dropwhile(lambda cell: not cell.strip(), reversed(body))))
    if tail < missing:
        return None  # the padding tail must hold what the row lost: the mirror pads rows to one width
    body = [""] * missing + body
    categories = [c for c in filled if catalog.is_category_name("".join(c.split()))]
    if categories and len(filled) == len(categories) + 1 and _SCORING_TEXT.search(filled[-1]):
        kept = [c if c.strip() in categories else "" for c in body[: level1 + 3]]  # a 二级 and its 扣分 text
        return (*kept, *([""] * (len(cells) - len(kept))))
    body = _unit_left_out(body, columns)
    while len(body) > len(cells) and not body[-1].strip():  # the padding tail gives back what was put in
        body.pop()
    return None if body == list(cells) else tuple(body)


def _missing_tree_cells(first: str, body: list[str]) -> int | None:
    """How many tree cells a row lost to merged cells above it: 0, 1 (it opens with a 二级), 2 (with a
    name); None where the row does not read as an indicator row."""
    squeezed = "".join(first.split())
    second = "".join(body[1].split()) if len(body) > 1 else ""
    if catalog.is_level1_name(squeezed) and (
        catalog.is_category_name(second) or catalog.parent_in_any(squeezed) is None
    ):
        return 0  # 成本指标 is a 一级 of the old framework and a 二级 of the new: the next cell tells
    if catalog.parent_in_any(squeezed) is not None:
        return 1
    if catalog.is_category_name(squeezed) or len(body) < 3:
        return None
    if len(body) > 1 and catalog.is_category_name("".join(body[1].split())):
        return None
    return 2


def _unit_left_out(body: list[str], columns: dict[str, int]) -> list[str]:
    """Where a 定性 row's 计量单位 cell was left out, the explanation after it moved into that column:
    an empty unit cell put back."""
    unit = columns.get(column_roles.UNIT)
    annual = columns.get(column_roles.ANNUAL)
    if unit is None or annual is None or unit != annual + 1:
        return body
    at = unit
    if at >= len(body):
        return body
    text = body[at].strip()
    if len(text) <= _LONGEST_UNIT or any(ch.isdigit() for ch in text[:1]):
        return body
    text_roles = [r for r, c in columns.items() if column_roles.is_text_role(r) and c > unit]
    if not text_roles:
        return body
    return [*body[:at], "", *body[at:]]
