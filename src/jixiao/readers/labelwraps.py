"""Labels a PDF's text wrapped over cells (``2025年预算金`` / ``额(元)``, ``主管部门`` / ``及编码``),
joined again before the grid reads a stream of cells."""

from __future__ import annotations

from functools import lru_cache

from jixiao.readers.cells import Cell
from jixiao.readers.labels import is_label_prefix, label_of

_LABEL_TAIL_FIRST = frozenset("及(（和与")  # how a label's wrapped tail starts: 及编码, (万元)


@lru_cache(maxsize=16384)  # asked of every cell of a stream, the same few thousand texts again and again
def _may_join(text: str) -> bool:
    """Whether `join_wrapped_labels` may join at a cell of this text: a label's first part
    (``2025年预算金``), or a short text opening as a label's wrapped tail does (``及编码``)."""
    return (label_of(text) is None and is_label_prefix(text)) or (
        text[:1] in _LABEL_TAIL_FIRST and len(text) <= 6
    )


def join_wrapped_labels(cells: list[Cell]) -> list[Cell]:
    """In text from a PDF a label may wrap over lines (``2025年预算金`` / ``额(元)``): join it again.

    A join starts only at a cell that is a label's first part or just before a label's tail
    (`_may_join` of it or of the next): the cells between such places are copied in slices, and a
    list with none is handed back itself. Most cells of a stream are neither."""
    may = list(map(_may_join, [c.text for c in cells]))
    if True not in may:
        return cells
    starts = sorted(
        {k for k, flagged in enumerate(may) if flagged}
        | {k - 1 for k, flagged in enumerate(may) if flagged and k}
    )
    joined: list[Cell] = []
    i = 0
    for start in starts:
        if start < i:
            continue  # taken into a join already
        joined.extend(cells[i:start])
        i = start
        found = _joined_at(cells, i)
        if found is None:
            joined.append(cells[i])
            i += 1
        else:
            joined.append(found[0])
            i = found[1]
    joined.extend(cells[i:])
    return joined


def _joined_at(cells: list[Cell], i: int) -> tuple[Cell, int] | None:
    """The label wrapped from ``cells[i]`` into the cells after it, joined, and the index after it;
    None where ``cells[i]`` opens no wrapped label."""
    cell = cells[i]
    if label_of(cell.text) is None and is_label_prefix(cell.text):
        text, j = cell.text, i + 1
        while j < len(cells) and label_of(text) is None and is_label_prefix(text + cells[j].text):
            text += cells[j].text
            j += 1
        if j < len(cells) and label_of(text) is None and label_of(text + cells[j].text) is not None:
            text += cells[j].text
            j += 1
        if label_of(text) is not None:
            return Cell(text, cell.source, None), j
    if (
        i + 1 < len(cells)
        and cells[i + 1].text[:1] in _LABEL_TAIL_FIRST
        and len(cells[i + 1].text) <= 6
        and label_of(cell.text) is not None
        and label_of(cells[i + 1].text) is None
        and label_of(cell.text + cells[i + 1].text) is not None
    ):  # 主管部门 / 及编码: a label whose tail wrapped into the next cell
        return Cell(cell.text + cells[i + 1].text, cell.source, None), i + 2
    return None
