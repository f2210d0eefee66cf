"""A table's indicator header written again further down (a page broke the table and the printer or
the publisher repeated the header row over the next page): no indicator, the table goes on.

A header that opens with a label the reader knows (一级指标, 绩效指标) is passed over by the grid reader
already; one that opens with a column of the publisher's own (``指标编码 | 指标名称 | …``) would be read
as an indicator named ``指标编码``. Here a row whose cells repeat, in order, those of the table's first
indicator header row is taken off the table's rows before they are read.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from jixiao.readers.labels import label_key
from jixiao.readers.roles import TREE_ROLES, VALUE_ROLES, role_of


class _Cells(Protocol):  # `cells.Row`, which imports this module
    @property
    def cells(self) -> tuple[str, ...]: ...
    @property
    def columns_known(self) -> bool: ...


Row = TypeVar("Row", bound=_Cells)


def _texts(row: _Cells) -> tuple[str, ...]:
    return tuple(text for cell in row.cells if (text := "".join(cell.split())))


def _first_text(row: _Cells) -> str:
    """The first of `_texts` (or ""), without the others."""
    for cell in row.cells:
        if cell and (text := "".join(cell.split())):
            return text
    return ""


# Words one of which every tree header of the role registry holds (``一级``, ``指标名称``, ``评价内容``,
# ``绩效目标内容``; tests/readers/test_stage_gates.py checks the registry): a row holding none names no tree
# column, found by one search per word in C over the row, not a lookup per cell (most head rows).
TREE_SIGNS = ("级", "指标", "评价", "目标内容")


def _is_indicator_header(texts: tuple[str, ...]) -> bool:
    """Two cells or more, naming at least one tree column and one value column by the role registry."""
    if len(texts) < 2:
        return False
    joined = "\0".join(texts)
    if not any(sign in joined for sign in TREE_SIGNS):
        return False
    found = {role_of(label_key(text)) for text in texts if len(text) <= 24}
    return len(texts) >= 2 and bool(found & TREE_ROLES) and bool(found & VALUE_ROLES)


def without_repeated_headers(rows: list[Row]) -> list[Row]:
    """The rows of one table with later copies of its first indicator header row left out."""
    header: tuple[str, ...] | None = None
    kept: list[Row] = []
    for row in rows:
        if not row.columns_known or len(row.cells) < 2:
            kept.append(row)
            continue
        if header is None:
            texts = _texts(row)
            if _is_indicator_header(texts):
                header = texts
        elif _first_text(row) == header[0] and _texts(row) == header:  # the first cell first: cheap
            continue
        kept.append(row)
    return kept if len(kept) < len(rows) else rows
