"""A category cell's tail wrapped onto a line of its own under its row, joined back (a text-form stage).

Text copied out of a PDF with single spaces between the cells keeps each row on one line, but a
category that did not fit its narrow 一级 or 二级 column goes on below the row, alone on its line::

    满意度指标 服务对象满意 救助对象满意度 ≥90%
    度指标

Read as it stands, the row's 二级 is ``服务对象满意`` (no category), the name and value shift one cell
and ``度指标`` becomes an indicator that was never in the table. This stage joins the tail to the one
cell of the row above that it completes into a name the category catalogue knows, and drops the tail's
line — only where that is certain:

- the tail line holds one short cell (at most `_TAIL_LONGEST` characters, no digit), itself no category;
- the row above holds several cells and exactly one of them, not the row's last, is no category alone
  and a category once the tail is added (``服务对象满意`` + ``度指标``).

Anything else is left as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao import catalog
from jixiao.readers.cells import Row

_TAIL_LONGEST = 4  # ``标``, ``指标``, ``度指标``, ``效益指标``: the end of a category name, no more
_ROW_SHORTEST = 3  # a row above with a category, a name and a value at least


def join_category_tails(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows with each category tail wrapped under its row put back into that row's cell."""
    above: Row | None = None
    for row in rows:
        if above is not None:
            # a tail line holds one cell under a row of several (`_with_tail`): tested here, no call
            joined = (
                _with_tail(above, row) if len(row.cells) == 1 and len(above.cells) >= _ROW_SHORTEST else None
            )
            if joined is not None:
                yield joined
                above = None
                continue
            yield above
        above = row
    if above is not None:
        yield above


def _with_tail(above: Row, row: Row) -> Row | None:
    """The row above with the tail line's text joined into its one cell it completes, or None."""
    if len(row.cells) != 1 or row.blank or len(above.cells) < _ROW_SHORTEST:
        return None
    tail = row.cells[0].strip()
    if not tail or len(tail) > _TAIL_LONGEST or any(ch.isdigit() for ch in tail):
        return None
    if catalog.is_category_name(tail):
        return None
    completed = [
        i
        for i, cell in enumerate(above.cells[:-1])
        if cell.strip()
        and not catalog.is_category_name(cell.strip())
        and catalog.is_category_name(cell.strip() + tail)
    ]
    if len(completed) != 1:
        return None
    i = completed[0]
    cells = (*above.cells[:i], above.cells[i].strip() + tail, *above.cells[i + 1 :])
    return replace(above, cells=cells)
