"""An amount label split around its value, as a PDF's text prints a two-line label cell whose value is
centred beside it: ``年度本级`` / ``180万  该项目支出上级资金  0`` / ``预算金额``.

The label's two halves stand on the lines above and below the amount (or the amount beside the first
half); neither half is a label, the two together are (``年度本级预算金额``). The rows become one, the
label first, so the project block reads the amount beside its label. Only an amount is taken between
the halves: text between two lines (a goal wrapped around its label) is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from jixiao.readers.cells import Row, parse_amount_unit
from jixiao.readers.labels import Label, label_of

_AMOUNT_LABELS = frozenset((Label.BUDGET, Label.FUNDS, Label.TOTAL_FUNDS, Label.FUNDS_SECTION))
_LONGEST_HALF = 8


def _lone_text(row: Row) -> str | None:
    """The one short text of a row that holds nothing else, or None."""
    lone: str | None = None
    for cell in row.cells:  # one pass, stopping at a second filled cell: every row comes here once
        if cell and (stripped := cell.strip()):
            if lone is not None:
                return None
            lone = stripped
    if lone is None or len(lone) > _LONGEST_HALF or any(map(str.isdigit, lone)):
        return None
    return lone


@lru_cache(maxsize=16384)  # every one-cell row asks: the same few thousand texts again and again
def _lone_cell(cell: str) -> str | None:
    """`_lone_text` of a row of this one cell."""
    lone = cell.strip()
    if not lone or len(lone) > _LONGEST_HALF or any(map(str.isdigit, lone)):
        return None
    return lone


def _opens_with_amount(row: Row) -> bool:
    first = next((cell.strip() for cell in row.cells if cell and cell.strip()), "")
    # an amount opens with a digit, ``¥`` or ``-`` (`parse_amount_unit`): tested first, without parsing
    return (
        bool(first)
        and (first[0] in _AMOUNT_FIRST or first[0].isdigit())
        and parse_amount_unit(first) is not None
    )


_AMOUNT_FIRST = frozenset("¥￥-")  # what an amount may open with besides a digit


def _joined_label(middle: Row, upper: str | None, lower: str | None) -> str | None:
    """The label whose halves are ``upper`` and ``lower`` (the lone texts of the rows around
    ``middle``), where ``middle`` opens with an amount, or None."""
    if upper is None or lower is None or label_of(upper) is not None or not _opens_with_amount(middle):
        return None
    joined = upper + lower
    return joined if label_of(joined) in _AMOUNT_LABELS else None


def _label_over_two_lines(first: Row, lower: str | None) -> str | None:
    """``年度本级  180万`` / ``预算金额``: a label's first half beside its amount, the second half
    alone on the next line (``lower``, that line's lone text)."""
    if lower is None:
        return None
    filled = [cell.strip() for cell in first.cells if cell and cell.strip()]
    if len(filled) < 2 or parse_amount_unit(filled[1]) is None:
        return None
    upper = filled[0]
    if len(upper) > _LONGEST_HALF or label_of(upper) is not None:
        return None
    joined = upper + lower
    return joined if label_of(joined) in _AMOUNT_LABELS else None


def _relabelled(row: Row, label: str) -> Row:
    """The row with its first filled cell replaced by the whole label."""
    cells = list(row.cells)
    at = next(i for i, cell in enumerate(cells) if cell and cell.strip())
    cells[at] = label
    return replace(row, cells=tuple(cells))


def labels_around_values(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows with each amount label split around its value joined into one row with it.

    A window of three rows (above, middle, below) slides down the rows, kept in variables rather than
    a list: this runs on every row of a text naming money. Each row's lone text (`_lone_text`) is found
    once, as it enters the window, and kept beside it; a one-cell row's (every row of the lines layout)
    is looked up in a cache (`_lone_cell`)."""
    above: Row | None = None
    middle: Row | None = None
    lone_above: str | None = None
    lone_middle: str | None = None
    for row in rows:
        cells = row.cells
        lone = _lone_cell(cells[0]) if len(cells) == 1 else _lone_text(row)
        if above is None:
            above, lone_above = row, lone
            continue
        if middle is None:
            middle, lone_middle = row, lone
            continue
        # both halves lone texts and the middle none (a lone text holds no digit, so it is no amount),
        # else no label around the middle (`_joined_label`): tested here, no call
        label = (
            _joined_label(middle, lone_above, lone) if lone_above and lone and lone_middle is None else None
        )
        if label is not None:
            sources = (above.source, *middle.cell_sources) if middle.cell_sources else None
            yield replace(middle, cells=(label, *middle.cells), source=above.source, cell_sources=sources)
            above = middle = None
            continue
        # a lone text under a row of two cells at least, else no label over two lines: tested here
        label = _label_over_two_lines(above, lone_middle) if lone_middle and len(above.cells) > 1 else None
        if label is not None:
            yield _relabelled(above, label)
            above, lone_above, middle = row, lone, None
            continue
        yield above
        above, lone_above, middle, lone_middle = middle, lone_middle, row, lone
    if above is not None and middle is not None and (label := _label_over_two_lines(above, lone_middle)):
        above, middle = _relabelled(above, label), None  # the second half joined into the row above
    if above is not None:
        yield above
    if middle is not None:
        yield middle
