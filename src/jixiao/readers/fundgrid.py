"""A funding block written as a header row with its amounts in the row below → label/amount pairs.

Budget systems print the project's money as a small grid::

    项目资金(万元)
    资金总额 | 本年预算 | 其中:财政拨款 | 其他资金
    48.60    | 48.60    | 48.60         | 0.00

The head reader reads labels beside their values (``年度资金总额 | 48.60``); this stage hands such a
grid on as one row of pairs (``资金总额 | 48.60 | 本年预算 | 48.60 | …``), so each amount is read under
its own label and a part (财政拨款, 其他资金) is never taken for the budget. It acts only where every
cell of the first row is a money label and the row below holds exactly as many amounts, one under each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao.readers.cells import Row, parse_amount_unit
from jixiao.readers.labels import Label, label_of

_MONEY = frozenset((Label.BUDGET, Label.FUNDS, Label.TOTAL_FUNDS, Label.SUB_FUNDS))
_WHOLE = frozenset((Label.BUDGET, Label.FUNDS, Label.TOTAL_FUNDS))


def money_labels_over_amounts(rows: Iterable[Row]) -> Iterator[Row]:
    """Rows with every money-label header row and the amounts under it made one row of pairs."""
    held: Row | None = None
    for row in rows:
        if held is not None:
            paired = _paired(held, row)
            if paired is not None:
                yield paired
                held = None
                continue
            yield held
            held = None
        if _is_money_header(row):
            held = row
            continue
        yield row
    if held is not None:
        yield held


def _filled(row: Row) -> list[int]:
    return [i for i, cell in enumerate(row.cells) if cell.strip()]


def _is_money_header(row: Row) -> bool:
    places = _filled(row)
    if len(places) < 2:
        return False
    whole = False
    for i in places:  # most rows fail at their first cell
        label = label_of(row.cells[i].strip())
        if label not in _MONEY:
            return False
        whole = whole or label in _WHOLE
    return whole


def _paired(header: Row, amounts: Row) -> Row | None:
    """The header's labels each beside the amount under it, or None when the row below is not one
    amount per label (a different count, or a cell that is not an amount)."""
    labels, values = _filled(header), _filled(amounts)
    if len(labels) != len(values) or any(parse_amount_unit(amounts.cells[i].strip()) is None for i in values):
        return None
    if header.aligned and amounts.aligned and header.columns_known and labels != values:
        return None  # columns known and an amount stands under no label: not this grid
    cells: list[str] = []
    sources = []
    for label, value in zip(labels, values, strict=True):
        cells += [header.cells[label].strip(), amounts.cells[value].strip()]
        if header.cell_sources is not None and amounts.cell_sources is not None:
            sources += [header.cell_sources[label], amounts.cell_sources[value]]
    return replace(
        header, cells=tuple(cells), cell_sources=tuple(sources) if sources else None, aligned=False
    )
