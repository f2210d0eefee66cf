"""Unruled PDF tables → rows with known columns, rebuilt from the positions of the words.

Many published PDFs print their tables without grid lines (Word without borders, finance-system
printouts), so pdfplumber finds no cells. Here a header line is found by the label catalogue
(一级指标, 三级指标, 年度指标值, 分值, 得分, 年初预算数 …, at least three of them); its words, with the
lines of a header cell wrapped above or below, give the columns. Every word of the lines below is
put in the column its x-extent falls in, the boundary between two columns standing in a gap that
no word of the body crosses. A word that still crosses a boundary gets a diagnostic
(`AMBIGUOUS_COLUMN`), never a silent guess. `readers.pdf_unruled_rows` then groups the placed
words into rows (wrapped cells, tall merged 一级/二级 cells).

A table ends at a footer, a new title or project name, or another header; on a page that starts
with body lines and no header, the columns of the previous page's open table go on. The lines
beside a table become rows of their cells (`beside_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.cells import FOOTER_START, PROSE_START, Row
from jixiao.readers.labels import Label, label_key, label_of
from jixiao.readers.pdf_unruled_rows import WRAP_GAP, Column, Fragment, blocks_of, key_column, table_rows
from jixiao.readers.roles import HEADER_KEYS
from jixiao.readers.selfeval_lines import FUND_ROLES, INDICATOR_ROLES, key

AMBIGUOUS_COLUMN = "JX-R31"

_CELL_GAP = 1.5  # a gap wider than 1.5 characters separates two cells of an unruled table
_SPACE_GAP = 0.2  # a gap wider than a fifth of a character is a space the PDF did not write out
_CELLS_GAP = 0.6  # a space this wide between two headers' columns parts two cells printed close
_MIN_HEADERS = 3
_ENDS = (Label.TITLE, Label.NAME, Label.OTHER_FORM)
_WEAK = frozenset(("分值", "得分", "权重", "单位", "备注"))  # headers a funds or prose line may hold too


@dataclass(slots=True)
class UnruledTables:
    """The state of one document: the columns of a table still open at a page's foot, and findings."""

    file: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    open_columns: list[Column] | None = None


def line_fragments(chars: list[dict[str, Any]]) -> list[Fragment]:
    """A text line cut where a wide gap stands between two characters, each piece with its extent."""
    pieces: list[Fragment] = []
    current = ""
    first: dict[str, Any] | None = None
    previous: dict[str, Any] | None = None
    gaps: list[tuple[int, float, float]] = []

    def close() -> None:
        if first is not None and previous is not None and current.strip():
            text = " ".join(current.replace("\u00a0", " ").split())
            size = max(float(first.get("size") or 10.0), 1.0)
            top, bottom = float(first["top"]), float(first["bottom"])
            kept = tuple(g for g in gaps if text == current.rstrip() and text[g[0]] == " ")
            pieces.append(Fragment(text, float(first["x0"]), float(previous["x1"]), top, bottom, size, kept))

    for char in chars:
        text = char["text"]
        if previous is not None:
            gap = float(char["x0"]) - float(previous["x1"])
            size = max(float(char.get("size") or 10.0), 1.0)
            if gap > _CELL_GAP * size and current.strip():
                close()
                current, first, gaps = "", None, []
            elif gap > _SPACE_GAP * size and not text.isspace() and not current.endswith(" "):
                if first is not None:
                    gaps.append((len(current), float(previous["x1"]), float(char["x0"])))
                current += " "
        if first is None and not text.isspace():
            first = char
        if first is not None:
            current += text
        previous = char
    close()
    return pieces


def _is_header_word(text: str) -> bool:
    k = label_key(text)
    if k in HEADER_KEYS or label_of(text) in (Label.HEADER, Label.INDICATORS):
        return True
    selfeval_key = key(text)
    return selfeval_key in INDICATOR_ROLES or selfeval_key in FUND_ROLES


def _heads(lines: list[list[Fragment]], at: int) -> bool:
    """True when the line at ``at`` opens a table: it holds the header words itself, or they come
    whole once the header cells wrapped onto the lines just below are joined (``年度指`` / ``标值``)."""
    if not lines[at]:
        return False
    if _is_header_line(lines[at]):
        return True
    end = _wrapped_below(lines, at, at + 1)
    if end == at + 1:
        return False
    joined = [Fragment(c.header, c.x0, c.x1, 0.0, 0.0, 1.0) for c in _columns(lines[at:end])]
    return _is_header_line(joined)


def _wrapped_below(lines: list[list[Fragment]], first: int, end: int) -> int:
    """The end of the lines just below ``end - 1`` that only continue header cells above them."""
    size = lines[first][0].size
    while end < len(lines) and _close(lines[end - 1], lines[end], size):
        band = [f for line in lines[first:end] for f in line]
        if _is_header_line(lines[end]) or not all(_is_header_part(f, band) for f in lines[end]):
            break
        end += 1
    return end


def _is_header_line(line: list[Fragment]) -> bool:
    words = [f for f in line if _is_header_word(f.text)]
    strong = [f for f in words if key(f.text) not in _WEAK]
    return len(words) >= _MIN_HEADERS and len(strong) >= 2 and 2 * len(words) >= len(line)


def _ends_table(line: list[Fragment]) -> bool:
    if not line:
        return False
    text = line[0].text
    return text.startswith(FOOTER_START + PROSE_START) or label_of(text) in _ENDS


def _header_pieces(fragment: Fragment) -> list[Fragment]:
    """A header piece cut where a header word stands beside another cell close to it
    (``项目资金(万 年初预算数``)."""
    for _, start, stop in fragment.gaps:
        if stop - start < _CELLS_GAP * fragment.size:
            continue
        halves = fragment.split_at(start)
        if halves is not None and any(_is_header_word(half.text) for half in halves):
            return [halves[0], *_header_pieces(halves[1])]
    return [fragment]


def _columns(band: list[list[Fragment]]) -> list[Column]:
    """The columns of a header band: its fragments merged where their x-extents overlap."""
    pieces = (p for line in band for f in line for p in _header_pieces(f))
    fragments = sorted(pieces, key=lambda f: (f.x0, f.top))
    groups: list[list[Fragment]] = []
    for fragment in fragments:
        if groups and fragment.x0 < max(f.x1 for f in groups[-1]):
            groups[-1].append(fragment)
        else:
            groups.append([fragment])
    columns = []
    for group in groups:
        text = "".join(f.text for f in sorted(group, key=lambda f: f.top))
        columns.append(Column(text, min(f.x0 for f in group), max(f.x1 for f in group)))
    return columns


def _header_band(lines: list[list[Fragment]], at: int) -> tuple[int, int]:
    """The header line and the lines of wrapped header cells just above and below it: (first, end)."""
    size = lines[at][0].size
    first, end = at, at + 1
    while (
        first > 0 and _close(lines[first - 1], lines[first], size / 2) and not _ends_table(lines[first - 1])
    ):
        first -= 1
    return first, _wrapped_below(lines, first, end)


_NOT_HEADER_TEXT = frozenset("0123456789≥≤%<>=＞＜＝")


def _is_header_part(fragment: Fragment, header: list[Fragment]) -> bool:
    """A piece under a header cell that continues its text: words only, no figure or comparator."""
    if any(ch in _NOT_HEADER_TEXT for ch in fragment.text):
        return False
    return any(f.x0 < fragment.x1 and fragment.x0 < f.x1 for f in header)


def _close(upper: list[Fragment], lower: list[Fragment], size: float) -> bool:
    """True when the lower line stands as close below the upper as the lines of one wrapped cell
    (a line above the header must stand closer: half that, or overlap it, as a centred cell does)."""
    if not upper or not lower:
        return False
    return min(f.top for f in lower) - max(f.bottom for f in upper) < WRAP_GAP * size


def _set_boundaries(columns: list[Column], body: list[Fragment]) -> None:
    """Put each boundary in a stretch between two headers that no body word covers: the one that
    leaves each word between the headers on the side of the header its centre is nearer, else the
    widest."""
    for left, right in pairwise(columns):
        low, high = left.x1, right.x0
        between = [f for f in body if f.x0 < high and f.x1 > low]
        covered = sorted((max(f.x0, low), min(f.x1, high)) for f in between)
        stretches: list[tuple[float, float]] = []
        at = low
        for start, stop in [*covered, (high, high)]:
            if start > at:
                stretches.append((at, start))
            at = max(at, stop)
        if not stretches:
            left.right = right.left = (low + high) / 2
            continue
        best = max(stretches, key=lambda stretch: _agreeing(stretch, between, left, right))
        left.right = right.left = (best[0] + best[1]) / 2


def _agreeing(
    stretch: tuple[float, float], between: list[Fragment], left: Column, right: Column
) -> tuple[int, float]:
    """How many words a boundary in the stretch leaves beside their nearer header, and its width."""
    cut = (stretch[0] + stretch[1]) / 2
    left_centre, right_centre = (left.x0 + left.x1) / 2, (right.x0 + right.x1) / 2
    agree = 0
    for f in between:
        centre = (f.x0 + f.x1) / 2
        nearer_left = abs(centre - left_centre) <= abs(centre - right_centre)
        agree += nearer_left == (centre < cut)
    return agree, stretch[1] - stretch[0]


def _split_between_headers(fragment: Fragment, columns: list[Column]) -> list[Fragment]:
    """A fragment cut at a wide space standing between two headers (two cells printed close)."""
    for left, right in pairwise(columns):
        for _, start, stop in fragment.gaps:
            if stop - start >= _CELLS_GAP * fragment.size and start < right.x0 and stop > left.x1:
                halves = fragment.split_at(start)
                if halves is not None:
                    return [p for half in halves for p in _split_between_headers(half, columns)]
    return [fragment]


def _placed(
    fragment: Fragment, columns: list[Column], state: UnruledTables, page: int
) -> list[tuple[int, Fragment]]:
    """The fragment in its column; two cells printed close together (``98.68% 9.87``) cut apart first."""
    for column in columns[1:]:
        if fragment.x0 < column.left < fragment.x1:
            halves = fragment.split_at(column.left)
            if halves is not None:
                return [p for half in halves for p in _placed(half, columns, state, page)]
    return [(_column_of(fragment, columns, state, page), fragment)]


def _column_of(fragment: Fragment, columns: list[Column], state: UnruledTables, page: int) -> int:
    inside = [i for i, c in enumerate(columns) if fragment.x0 < c.right and fragment.x1 > c.left]
    if len(inside) <= 1:
        return inside[0] if inside else 0
    shares = [min(fragment.x1, columns[i].right) - max(fragment.x0, columns[i].left) for i in inside]
    chosen = inside[shares.index(max(shares))]
    names = "、".join(f"“{columns[i].header}”" for i in inside)
    message = (
        f"第{page}页：无框线表格中“{fragment.text}”跨在 {names} 列之间，"
        f"按所占宽度较多归入“{columns[chosen].header}”列，请核对"
    )
    state.diagnostics.append(
        Diagnostic(AMBIGUOUS_COLUMN, Severity.WARNING, message, SourceRef(state.file, page=page))
    )
    return chosen


def unruled_rows(
    lines: list[list[Fragment]], page: int, state: UnruledTables
) -> tuple[list[tuple[float, Row]], list[int]]:
    """The rows of the unruled tables in a page's lines (top to bottom), and the lines they used."""
    pieces: list[tuple[float, Row]] = []
    used: list[int] = []
    carried, state.open_columns = state.open_columns, None
    if not lines:
        return [], []
    at = 0 if carried is not None else _next_header(lines, 0)
    floor = 0  # lines before it belong to a table read already
    while at is not None:
        if carried is not None and not _heads(lines, at):
            columns, body_start = carried, at  # a table cut by the page break goes on, no header
        else:
            first, body_start = _header_band(lines, at)
            first, body_start = max(first, floor), max(body_start, floor)
            columns = _columns(lines[first:body_start])
            header = Row(tuple(c.header for c in columns), SourceRef(state.file, page=page))
            pieces.append((min(f.top for f in lines[first]), header))
            used += range(first, body_start)
        carried = None
        end = body_start
        while end < len(lines) and not _heads(lines, end) and not _ends_table(lines[end]):
            end += 1
        if end < len(lines) and _heads(lines, end):
            end = max(body_start, _header_band(lines, end)[0])  # a wrapped header cell above the next header
        body = [p for line in lines[body_start:end] for f in line for p in _split_between_headers(f, columns)]
        _set_boundaries(columns, body)
        placed = [p for f in body for p in _placed(f, columns, state, page)]
        for top, cells in table_rows(columns, blocks_of(placed, columns), key_column(columns)):
            pieces.append((top, Row(tuple(cells), SourceRef(state.file, page=page))))
        used += range(body_start, end)
        floor = max(floor, end)
        if end == len(lines):
            state.open_columns = columns
        at = _next_header(lines, end)
    return pieces, used


def _next_header(lines: list[list[Fragment]], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if _heads(lines, i)), None)


def beside_rows(lines: list[tuple[float, list[Fragment]]]) -> list[tuple[float, tuple[str, ...]]]:
    """The lines beside an unruled table (its project block, its 总分 line) as rows of cells; a line
    that only continues the wrapped last cell of the line above (one piece, starting where that cell
    starts, close below it, the cell above running to the right edge) joins it."""
    right_edge = max((f.x1 for _, line in lines for f in line), default=0.0)
    rows: list[tuple[float, list[Fragment]]] = []
    for top, line in lines:
        last = rows[-1][1][-1] if rows and rows[-1][1] else None
        if (
            last is not None
            and len(line) == 1
            and abs(line[0].x0 - last.x0) < line[0].size
            and line[0].top - last.bottom < WRAP_GAP * line[0].size
            and last.x1 >= right_edge - 2 * line[0].size
        ):
            rows[-1][1][-1] = _joined(last, line[0])
            continue
        rows.append((top, list(line)))
    return [(top, tuple(f.text for f in line)) for top, line in rows if line]


def _joined(upper: Fragment, lower: Fragment) -> Fragment:
    """A wrapped cell's two lines as one piece: no separator in Chinese, a space between two words."""
    space = (
        " "
        if upper.text[-1:].isascii()
        and upper.text[-1:].isalpha()
        and lower.text[:1].isascii()
        and lower.text[:1].isalpha()
        else ""
    )
    return Fragment(
        upper.text + space + lower.text,
        upper.x0,
        max(upper.x1, lower.x1),
        upper.top,
        lower.bottom,
        upper.size,
    )
