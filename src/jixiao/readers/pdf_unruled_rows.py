"""Rows of an unruled PDF table from the pieces placed in its columns (see `readers.pdf_unruled`).

The pieces of one cell's wrapped lines join into a block; each block of the key column (三级指标,
else the first column) opens a row, and so does a block standing alone on its line (a 二级 with no
三级 under it, a 总分 line); every other block goes to the row it stands beside. A block in a tree
column left of the key column (一级, 二级: a tall merged cell) goes to the first row of the span it is
centred on — or, when the table's cells are top-aligned, to the row it stands on — so that later
rows carry it, as they do for a ruled table.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from jixiao.readers.labels import Label, label_key, label_of
from jixiao.readers.roles import LEVEL1, LEVEL2, LEVEL3, role_of
from jixiao.readers.selfeval_lines import INDICATOR_ROLES, key

TIE = 1.0  # two spans whose middles stand within a point of a cell's centre are equally near
WRAP_GAP = 0.7  # lines of one cell stand less than 0.7 characters apart (rows stand further)
_TREE_NAMES = frozenset(("name",))  # the selfeval key column's role


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


def blocks_of(fragments: list[tuple[int, Fragment]], columns: list[Column]) -> list[Block]:
    """Join the lines of each cell: close below the line above, and the line above fills the cell."""
    blocks: list[Block] = []
    for column in range(len(columns)):
        mine = sorted((f for c, f in fragments if c == column), key=lambda f: f.top)
        widest = max((f.x1 - f.x0 for f in mine), default=0.0)
        for fragment in mine:
            last = blocks[-1].fragments[-1] if blocks and blocks[-1].column == column else None
            if (
                last is not None
                and fragment.top - last.bottom < WRAP_GAP * fragment.size
                and last.x1 - last.x0 >= widest - 2 * fragment.size
            ):
                blocks[-1].fragments.append(fragment)
            else:
                blocks.append(Block(column, [fragment]))
    return blocks


def key_column(columns: list[Column]) -> int:
    """The column whose cells open rows: 三级指标 (or the self-evaluation's 指标名称), else the first."""
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
        start, end = min((i, j) for d, i, j in spans if d <= nearest + TIE)
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


def table_rows(columns: list[Column], blocks: list[Block], key_at: int) -> list[tuple[float, list[str]]]:
    """The table's rows top to bottom, each with its top and one text per column ("" where empty)."""
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
