"""One-cell-per-line 自评表 text whose cells were wrapped over several lines (a page saved as
text: ``年初`` / ``预算数``, ``经济效`` / ``益指标``, ``服务对象`` / ``满意度指`` / ``标``, ``产出指标`` /
``(50)``), and whose lines are double-spaced (an empty line after every cell, a line of spaces
for an empty cell).

`undouble` drops the separating empty lines; `join_wrapped` puts a wrapped header word, category
name or fund label back together when the pieces make a word the reader knows and they do not
each stand as one. Both run before `selfeval_lines.rebuild_lines`; figures are never joined (an
一级's points wrapped as ``(50)`` are kept as printed, written ``产出指标(50分)`` so the label
states them as the other tables do).
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao import catalog
from jixiao.readers.cells import Row
from jixiao.readers.selfeval_lines import FUND_ROLES, INDICATOR_ROLES, TOTAL_FUNDS, key, number
from jixiao.readers.selfeval_segment import is_grid

# An 一级's points wrapped onto a line of their own: ``(50)``, ``30分)``, ``(10分)``.
_POINTS_PIECE = re.compile(
    r"^[(（]?\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]$|^[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]?$"
)
_MOST_PIECES = 3


def _text(row: Row) -> str:
    return row.cells[0].strip() if len(row.cells) == 1 else ""


def undouble(rows: list[Row]) -> list[Row]:
    """Drop the empty line printed after every cell of a double-spaced one-cell-per-line stream
    (lines of spaces, `Row.blank`, stay: they are the empty cells)."""
    filled = [n for n, r in enumerate(rows) if _text(r)]
    if len(filled) < 20 or any(len(r.cells) > 1 for r in rows):
        return rows
    followed = sum(
        1 for n in filled if n + 1 < len(rows) and not rows[n + 1].cells[0] and not rows[n + 1].blank
    )
    if followed * 10 < len(filled) * 9:
        return rows
    return [r for r in rows if _text(r) or r.blank]


def _known(text: str) -> bool:
    k = key(text)
    return bool(k) and (
        k in FUND_ROLES or k in INDICATOR_ROLES or k in TOTAL_FUNDS or catalog.is_category_name(k)
    )


def join_wrapped(rows: list[Row]) -> list[Row]:
    """Wrapped words of a one-cell-per-line stream put back together (see the module's note)."""
    out: list[Row] = []
    n = 0
    while n < len(rows):
        row = rows[n]
        text = _text(row)
        joined = _join_at(rows, n) if text and number(text) is None else None
        if joined is not None:
            words, used = joined
            out.append(replace(row, cells=(words,)))
            n += used
            continue
        before = _text(out[-1]) if out else ""
        if _POINTS_PIECE.match(text) and catalog.is_level1_name(key(before)):
            points = next(g for g in _POINTS_PIECE.match(text).groups() if g)  # type: ignore[union-attr]
            out[-1] = replace(out[-1], cells=(f"{before}({points}分)",))
            n += 1
            continue
        out.append(row)
        n += 1
    return out


def _join_at(rows: list[Row], start: int) -> tuple[str, int] | None:
    for count in range(_MOST_PIECES, 1, -1):
        pieces = [_text(r) for r in rows[start : start + count]]
        if len(pieces) < count or not all(key(p) for p in pieces):
            continue
        if any(number(p) is not None for p in pieces):
            continue
        words = "".join(pieces)
        if _known(words) and not all(_known(p) for p in pieces):
            return words, count
    return None


_SPACED_MOST = 6
_SPACED_LABELS = ("绩效指标", "一级指标", "二级指标", "三级指标")


def _spaced_piece(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= 3 and number(stripped) is None and not stripped.isascii()


def _spaced_label(text: str) -> bool:
    k = key(text)
    return k in _SPACED_LABELS or catalog.is_category_name(k) or k in INDICATOR_ROLES or k in FUND_ROLES


def join_spaced(rows: list[Row]) -> list[Row]:
    """Text whose labels were spaced out and then cut at the spaces (``产 出 指 标``, ``一级 指标``,
    ``年度 指标值``): consecutive cells of one to three characters that together make a label the reader
    knows, and are not each one, are one cell."""
    out: list[Row] = []
    for row in rows:
        if is_grid(row):
            out.append(row)  # a workbook keeps its columns: nothing was cut at a space
            continue
        cells, sources = list(row.cells), list(row.cell_sources or ())
        joined: list[str] = []
        kept: list[int] = []
        n = 0
        while n < len(cells):
            end = next(
                (
                    e
                    for e in range(min(len(cells), n + _SPACED_MOST), n + 1, -1)
                    if all(_spaced_piece(c) for c in cells[n:e])
                    and _spaced_label("".join(cells[n:e]))
                    and not all(_spaced_label(c) for c in cells[n:e])  # 分值 | 得分: two labels
                ),
                None,
            )
            stop = end if end is not None else n + 1
            joined.append("".join(c.strip() for c in cells[n:stop]) if end is not None else cells[n])
            kept.append(n)
            n = stop
        if len(joined) == len(cells):
            out.append(row)
            continue
        places = tuple(sources[k] for k in kept) if len(sources) == len(cells) else row.cell_sources
        out.append(replace(row, cells=tuple(joined), cell_sources=places))
    return out


def _lone(row: Row) -> str:
    """The text of a row that prints one cell only (a label's first piece on a line of its own)."""
    filled = [c.strip() for c in row.cells if c.strip()]
    return filled[0] if len(filled) == 1 and number(filled[0]) is None else ""


def _head_at(row: Row) -> int | None:
    return next((i for i, c in enumerate(row.cells) if c.strip()), None)


def join_wrapped_heads(rows: list[Row]) -> list[Row]:
    """Text cut from a PDF (cells joined by spaces) whose first column wrapped: a label's first piece
    stands alone on the line above the row it opens (``经济效益`` / ``指标 粮食亩产提高 ≥30公斤 …``,
    ``一级`` / ``指标 二级指标 三级指标 …``), so the rest of the label took the row's first cell and
    shifted its columns. The piece joins the row's first cell when together they make a label the
    reader knows and the two are not each one already (``指标``, ``响指标``; ``服务对象`` /
    ``满意度指标``). A header cell wrapped onto lines of its own under the header (``偏差原因分析`` /
    ``及改进措施``) goes back to the end of the header."""
    out: list[Row] = []
    n = 0
    while n < len(rows):
        row, used = rows[n], 1
        piece = _lone(row) if not is_grid(row) else ""
        following = rows[n + 1] if n + 1 < len(rows) else None
        at = _head_at(following) if following is not None and not is_grid(following) else None
        if piece and following is not None and at is not None:
            head = following.cells[at].strip()
            if number(head) is None and not (_known(head) and _known(piece)) and _known(piece + head):
                cells = list(following.cells)
                cells[at] = piece + head
                row, used = replace(following, cells=tuple(cells)), 2
        n += used
        tail = _lone(row) if not is_grid(row) else ""
        if tail and out and _header_tail(out[-1], tail):
            sources = out[-1].cell_sources
            places = (*sources, *(row.cell_sources or (row.source,))[:1]) if sources is not None else None
            out[-1] = replace(out[-1], cells=(*out[-1].cells, tail), cell_sources=places)
            continue
        out.append(row)
    return out


def _header_tail(header: Row, piece: str) -> bool:
    """An indicator header row (it names 三级指标 and a score column) lacking the role the piece names."""
    roles = [INDICATOR_ROLES.get(key(c)) for c in header.cells]
    role = INDICATOR_ROLES.get(key(piece))
    scored = bool({"score", "weight"} & set(roles))
    return role is not None and "name" in roles and role not in roles and scored
