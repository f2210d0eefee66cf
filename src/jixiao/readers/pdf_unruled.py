"""Unruled PDF tables → rows with known columns, rebuilt from the positions of the words.

Many published PDFs print their tables without grid lines (Word without borders, finance-system
printouts), so pdfplumber finds no cells. Here a header line is found by the label catalogue
(一级指标, 三级指标, 年度指标值, 分值, 得分, 年初预算数 …, at least three of them); its words, with the
lines of a header cell wrapped above or below, give the columns. Every word of the lines below is
put in the column its x-extent falls in, the boundary between two columns standing in the widest
gap that no word of the body crosses. A word that still crosses a boundary gets a diagnostic
(`AMBIGUOUS_COLUMN`), never a silent guess.

Lines of one cell (a wrapped 三级指标 name or value) join into a block; each block of the key column
(三级指标, else the first column) opens a row, and every other block goes to the row it stands
beside. A block in a column left of the key column (一级, 二级: a tall merged cell) goes to the first
row of the span it is centred on — or, when the table's cells are top-aligned, to the row it
stands on — so that later rows carry it, as they do for a ruled table. A region ends at a footer,
a new title or project name, or another header; on a page that starts with body lines and no
header, the columns of the previous page's open table go on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.cells import FOOTER_START, PROSE_START, Row
from jixiao.readers.labels import Label, label_key, label_of
from jixiao.readers.roles import HEADER_KEYS, LEVEL1, LEVEL2, LEVEL3, role_of
from jixiao.readers.selfeval_lines import FUND_ROLES, INDICATOR_ROLES, key

AMBIGUOUS_COLUMN = "JX-R31"

_CELL_GAP = 1.5  # a gap wider than 1.5 characters separates two cells of an unruled table
_SPACE_GAP = 0.2  # a gap wider than a fifth of a character is a space the PDF did not write out
_CELLS_GAP = 0.6  # a space this wide between two headers' columns parts two cells printed close
_TIE = 1.0  # two spans whose middles stand within a point of a cell's centre are equally near
_WRAP_GAP = 0.7  # lines of one cell stand less than 0.7 characters apart (rows stand further)
_MIN_HEADERS = 3
_ENDS = (Label.TITLE, Label.NAME, Label.OTHER_FORM)
_TREE_NAMES = frozenset(("name",))  # the selfeval key column's role
_WEAK = frozenset(("分值", "得分", "权重", "单位", "备注"))  # headers a funds or prose line may hold too


@dataclass(frozen=True, slots=True)
class Fragment:
    """A run of characters on one line with no wide gap: one cell's text on that line."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    # the narrower gaps kept as one space: (index of the space in text, x where it starts, x where it ends)
    gaps: tuple[tuple[int, float, float], ...] = ()

    def split_at(self, x: float) -> tuple[Fragment, Fragment] | None:
        """The fragment cut at the space whose gap holds ``x`` (two cells printed close), or None."""
        for at, start, stop in self.gaps:
            if start <= x <= stop:
                before = tuple(g for g in self.gaps if g[0] < at)
                after = tuple((i - at - 1, a, b) for i, a, b in self.gaps if i > at)
                left = Fragment(self.text[:at], self.x0, start, self.top, self.bottom, self.size, before)
                right = Fragment(self.text[at + 1 :], stop, self.x1, self.top, self.bottom, self.size, after)
                return left, right
        return None


@dataclass(slots=True)
class Column:
    """A column of an unruled table: its header text and x-extent, and where its cells end."""

    header: str
    x0: float
    x1: float
    left: float = float("-inf")
    right: float = float("inf")


@dataclass(slots=True)
class Block:
    """Lines of one cell joined: its text, column and vertical extent."""

    column: int
    fragments: list[Fragment]

    @property
    def top(self) -> float:
        """The top of its first line."""
        return self.fragments[0].top

    @property
    def bottom(self) -> float:
        """The bottom of its last line."""
        return self.fragments[-1].bottom

    @property
    def text(self) -> str:
        """Its lines joined without a separator (Chinese text wraps anywhere)."""
        return "".join(f.text for f in self.fragments)


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
    return min(f.top for f in lower) - max(f.bottom for f in upper) < _WRAP_GAP * size


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


def _blocks(fragments: list[tuple[int, Fragment]], columns: list[Column]) -> list[Block]:
    """Join the lines of each cell: close below the line above, and the line above fills the cell."""
    blocks: list[Block] = []
    for column in range(len(columns)):
        mine = sorted((f for c, f in fragments if c == column), key=lambda f: f.top)
        widest = max((f.x1 - f.x0 for f in mine), default=0.0)
        for fragment in mine:
            last = blocks[-1].fragments[-1] if blocks and blocks[-1].column == column else None
            if (
                last is not None
                and fragment.top - last.bottom < _WRAP_GAP * fragment.size
                and last.x1 - last.x0 >= widest - 2 * fragment.size
            ):
                blocks[-1].fragments.append(fragment)
            else:
                blocks.append(Block(column, [fragment]))
    return blocks


def _key_column(columns: list[Column]) -> int:
    for i, column in enumerate(columns):
        if (
            role_of(label_key(column.header)) == LEVEL3
            or INDICATOR_ROLES.get(key(column.header)) in _TREE_NAMES
        ):
            return i
    return 0


def _is_tree(column: Column, index: int, key_at: int) -> bool:
    role = role_of(label_key(column.header))
    return index < key_at and (role in (LEVEL1, LEVEL2) or label_of(column.header) is Label.INDICATORS)


def _overlap(block: Block, anchor: Block) -> float:
    return min(block.bottom, anchor.bottom) - max(block.top, anchor.top)


def _top_aligned(anchors: list[Block], beside: list[Block]) -> bool:
    """True when a row's shorter cells stand on the first line of its wrapped cell, not beside its
    middle (Word's default is the top, HTML's the middle); ``beside``: the blocks that are not tall
    tree cells. With no wrapped cell to tell by, the middle."""
    votes = 0
    for anchor in anchors:
        members = [anchor, *(b for b in beside if b is not anchor and _overlap(b, anchor) > 0)]
        tallest = max(members, key=lambda b: b.bottom - b.top)
        if len(tallest.fragments) < 2:
            continue
        for block in members:
            if block is not tallest and len(block.fragments) < len(tallest.fragments):
                votes += 1 if abs(block.top - tallest.top) < tallest.fragments[0].size * 0.25 else -1
    return votes > 0


def _own_rows(block: Block, extents: list[tuple[float, float]]) -> list[int]:
    """The row a block's centre stands in, or the two rows it stands between."""
    centre = (block.top + block.bottom) / 2
    inside = [i for i, (top, bottom) in enumerate(extents) if top <= centre <= bottom]
    if inside:
        return inside[:1]
    above = [i for i, (_, bottom) in enumerate(extents) if bottom < centre]
    below = [i for i, (top, _) in enumerate(extents) if top > centre]
    return [i for i in (above[-1:] + below[:1])]


def _tree_rows(
    blocks: list[Block], extents: list[tuple[float, float]], filled: set[int], top_aligned: bool
) -> list[int | None]:
    """The first row of the merged cell each block of one tree column stands for (blocks top to
    bottom): of the spans of empty rows around it, after the previous block's span, the one whose
    middle is nearest the block's centre, the earliest on a tie — or, in a top-aligned table, the
    row the block stands on. ``filled``: rows whose cell in this column is taken already."""
    owns = [_own_rows(block, extents) for block in blocks]
    firsts: list[int | None] = []
    done = -1  # the last row of the previous block's span
    for n, (block, own) in enumerate(zip(blocks, owns, strict=True)):
        if not own or top_aligned:
            firsts.append(own[0] if own else None)
            done = own[0] if own else done
            continue
        following = next((o[0] for o in owns[n + 1 :] if o), len(extents))
        first, last = own[0], own[-1]
        while first - 1 > done and first - 1 not in filled:
            first -= 1
        while last + 1 < following and last + 1 not in filled:
            last += 1
        centre = (block.top + block.bottom) / 2
        spans = [
            (abs((extents[i][0] + extents[j][1]) / 2 - centre), i, j)
            for i in range(first, own[0] + 1)
            for j in range(own[-1], last + 1)
        ]
        nearest = min(d for d, _, _ in spans)
        start, end = min((i, j) for d, i, j in spans if d <= nearest + _TIE)
        firsts.append(start)
        done = end
    return firsts


def _row_gap(blocks: list[Block]) -> float:
    """The narrowest gap between two cells one above the other in a column: the gap between rows."""
    gaps = [b.top - a.bottom for a, b in pairwise(blocks) if a.column == b.column and b.top > a.bottom]
    return min(gaps, default=0.0)


def _anchors(columns: list[Column], blocks: list[Block], key_at: int) -> list[Block]:
    """The blocks that open a row: the key column's, and those of a row whose key cell is empty
    (a 二级 with no 三级 under it, a 总分 row) — never a tall cell standing between two rows."""
    keys = [b for b in blocks if b.column == key_at]
    margin = _row_gap(blocks) / 2
    anchors = list(keys)
    nearest_tree = key_at - 1
    for block in sorted(blocks, key=lambda b: b.top):
        tree = _is_tree(columns[block.column], block.column, key_at)
        if block.column == key_at or (tree and block.column != nearest_tree):
            continue
        if any(_overlap(block, a) > -margin for a in keys):
            continue  # beside a key cell, or a tall cell centred between two rows: no row of its own
        if not any(_overlap(block, a) > 0 for a in anchors):
            anchors.append(block)
    return sorted(anchors, key=lambda b: b.top)


def _rows(columns: list[Column], blocks: list[Block], key_at: int) -> list[tuple[float, list[str]]]:
    anchors = _anchors(columns, blocks, key_at)
    width = len(columns)
    rows: list[tuple[float, list[str]]] = [(a.top, [""] * width) for a in anchors]
    extents = [(a.top, a.bottom) for a in anchors]
    for i, anchor in enumerate(anchors):
        rows[i][1][anchor.column] = anchor.text
    top_aligned = _top_aligned(
        anchors, [b for b in blocks if not _is_tree(columns[b.column], b.column, key_at)]
    )
    leftovers: list[Block] = []
    chosen = {id(a) for a in anchors}
    others = [b for b in blocks if id(b) not in chosen]
    tree = [b for b in others if _is_tree(columns[b.column], b.column, key_at)]
    for block in (b for b in others if not _is_tree(columns[b.column], b.column, key_at)):
        shares = [_overlap(block, a) for a in anchors]
        at = shares.index(max(shares)) if shares and max(shares) > 0 else None
        if at is None or rows[at][1][block.column]:
            leftovers.append(block)
            continue
        rows[at][1][block.column] = block.text
        extents[at] = (min(extents[at][0], block.top), max(extents[at][1], block.bottom))
    for column in sorted({b.column for b in tree}):
        mine = sorted((b for b in tree if b.column == column), key=lambda b: b.top)
        filled = {i for i, (_, cells) in enumerate(rows) if cells[column]}
        for block, first in zip(mine, _tree_rows(mine, extents, filled, top_aligned), strict=True):
            if first is None or rows[first][1][column]:
                leftovers.append(block)
            else:
                rows[first][1][column] = block.text
    for block in sorted(leftovers, key=lambda b: b.top):
        same = [r for r in rows if r[1][key_at] == "" and abs(r[0] - block.top) < block.fragments[0].size]
        if same and not same[0][1][block.column]:
            same[0][1][block.column] = block.text
        else:
            cells = [""] * width
            cells[block.column] = block.text
            rows.append((block.top, cells))
    return sorted(rows, key=lambda r: r[0])


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
    while at is not None:
        if carried is not None and not _heads(lines, at):
            columns, body_start = carried, at  # a table cut by the page break goes on, no header
        else:
            first, body_start = _header_band(lines, at)
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
        for top, cells in _rows(columns, _blocks(placed, columns), _key_column(columns)):
            pieces.append((top, Row(tuple(cells), SourceRef(state.file, page=page))))
        used += range(body_start, end)
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
            and line[0].top - last.bottom < _WRAP_GAP * line[0].size
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
