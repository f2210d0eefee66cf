"""Cells wrapped above and below their row in a PDF's flattened text, joined back (a text-form stage).

A PDF prints a cell that is too long for its column over several lines, centred in its row; the
other cells of the row stand on the middle line. Text taken out of it with single spaces between the
words of a line (pdfplumber's ``extract_text``, a copy from a PDF viewer) then gives the row's line
without the wrapped cell and the cell's pieces on lines of their own, half above and half below::

    储备化肥质量抽检
    产出指标 质量指标 正向 = 100 % 6
    合格率

Read line by line, the pieces become indicators that were never in the table and the row loses its
name. Under an indicator header this stage joins them back, only where the layout makes it certain:

- the row's line has no name (its categories are followed at once by a value, a comparator or a
  指标性质 word), and as many piece lines stand right above it (after the pieces the row before took)
  as right below it, each holding the same number of pieces: the pieces joined in order are the
  name, or a category the catalogue knows plus the name (a 二级 wrapped too);
- the row has its name but no 二级 (or 一级) and the pieces around it join into a category name the
  catalogue knows: that category, put in its place.

Anything else is left as written; where the row has no name and the pieces around it cannot be
placed with certainty (pieces above and not below, pieces that join into more than a name),
`WRAPPED_UNSURE` (JX-R35) says where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from jixiao import catalog
from jixiao.model import Diagnostic, Kind, Severity, SourceRef
from jixiao.readers import roles as column_roles
from jixiao.readers.furniture import is_furniture
from jixiao.readers.labels import Label, label_key, label_of
from jixiao.readers.runtogether import split_words
from jixiao.value_words import PREFIX_OPS
from jixiao.values import parse_target_with_reason

WRAPPED_UNSURE = "JX-R35"

_NATURE_WORDS = frozenset(("正向", "反向", "定量", "定性"))
_COMPARATORS = frozenset(
    ("≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦", ">=", "<=", *(w for w, _ in PREFIX_OPS))
)
_COMPARATOR_SIGNS = ("≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦")
_HEADER_LABELS = (Label.HEADER, Label.INDICATORS)
_SCORE = re.compile(r"^[(（]?\d+(?:-\d+)?[)）]?分$")
_SCORE_TAIL = re.compile(r"\s*[(（]?\d+(?:-\d+)?[)）]?分[)）]?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LONGEST_PIECE = 40  # characters: a piece of a wrapped cell is one line of a narrow column


@dataclass
class _Band:
    """A row's line and the piece lines around it that are not yet another row's."""

    row: int  # index of the row's line
    above: list[int]  # piece lines right above it, top first
    below: list[int]  # piece lines right below it (up to the next row), top first


def join_centred_wraps(lines: list[str], file: str | None, notes: list[Diagnostic] | None) -> list[str]:
    """The lines with wrapped cells joined back into their rows (see the module); a line whose pieces
    went into a row is left empty, so line numbers stay."""
    if not any("指标" in line for line in lines):
        return lines
    out, header_pieces = _join_header_wraps(lines)
    joined = list(out)
    for header, block in _blocks(joined, header_pieces):
        _join_block(block, joined, out, _value_follows_name(_cells(joined[header])), file, notes)
    return out


def _join_header_wraps(lines: list[str]) -> tuple[list[str], set[int]]:
    """The indicator header's line with its labels wrapped above and below it (``指标性`` / ``质``,
    ``一级指`` / ``标``) put back: a 一级 label before the first tree column where the line has none, the
    value-side labels after the last tree column where the line ends at it (no value-side label on it, so
    none can stand between). Where every joined piece is a header label but not all can be placed, the
    lines are kept as they are and the one below is given back too: the header's pieces, no row's."""
    out = list(lines)
    header_pieces: set[int] = set()
    for n in range(1, len(lines) - 1):
        cells = _cells(lines[n])
        found = [column_roles.role_of(label_key(c)) for c in cells]
        tree = [k for k, r in enumerate(found) if r in column_roles.TREE_ROLES]
        if len(tree) < 2 and not (tree and column_roles.ANNUAL in found):
            continue
        above, below = _cells(lines[n - 1]), _cells(lines[n + 1])
        if not above or len(above) != len(below) or _is_header(above) or _is_header(below):
            continue
        wrapped = [a + b for a, b in zip(above, below, strict=True)]
        roles = [column_roles.role_of(label_key(w)) for w in wrapped]
        if any(r is None for r in roles):
            continue
        first = [w for w, r in zip(wrapped, roles, strict=True) if r == column_roles.LEVEL1]
        after = [w for w, r in zip(wrapped, roles, strict=True) if r not in column_roles.TREE_ROLES]
        placeable = len(first) + len(after) == len(wrapped) and (
            (not first or (len(first) == 1 and column_roles.LEVEL1 not in found))
            and (not after or found[-1] in column_roles.TREE_ROLES)
        )
        if placeable:
            header = [*cells[: tree[0]], *first, *cells[tree[0] :], *after]
            out[n - 1 : n + 2] = ["", " ".join(header), ""]
        else:
            header_pieces.add(n + 1)
    return out, header_pieces


def _cells(line: str) -> list[str]:
    return split_words(line.strip())


def _is_header(cells: list[str]) -> bool:
    found = [column_roles.role_of(label_key(c)) for c in cells]
    return (
        len(cells) >= 3 and any(r in column_roles.TREE_ROLES for r in found) and column_roles.ANNUAL in found
    )


def _valueish(text: str) -> bool:
    if text in _NATURE_WORDS or text in _COMPARATORS:
        return True
    if not (text[:1].isdigit() or text[:1] in "≥≤<>=＞＜≧≦"):
        return False
    target, _ = parse_target_with_reason(text, None)
    return target.kind in (Kind.QUANTITATIVE, Kind.DEADLINE, Kind.RANGE)


def _is_category(text: str) -> bool:
    """A category cell, its score (``成本指标(0-20)分``, ``(40-50)分`` in a cell of its own) included."""
    bare = _SCORE_TAIL.sub("", text)
    return not bare or catalog.is_category_name(bare) or catalog.joined_categories(bare) is not None


def _kind(line: str) -> str:
    """``row`` (cells of an indicator's row), ``piece`` (pieces of wrapped cells) or ``other``."""
    cells = _cells(line)
    if not cells or is_furniture(line):
        return "other"
    if len(cells) >= 2 and any(_is_category(c) or _valueish(c) for c in cells):
        return "row"
    if any(_is_category(c) or label_of(c) is not None for c in cells):
        return "other"  # a category alone (a merged cell centred over its rows), a label
    if any(len(c) > _LONGEST_PIECE or _SCORE.match(c) for c in cells) or (
        not _CJK.search(line) and not line.strip().startswith(_COMPARATOR_SIGNS)
    ):
        return "other"  # a score (``(40-50)分``), an ellipsis: no piece of a wrapped cell
    return "piece"


def _value_follows_name(header: list[str]) -> bool:
    """The header's 指标值 column stands right after its 三级 (name) column."""
    found = [column_roles.role_of(label_key(c)) for c in header]
    return (column_roles.LEVEL3, column_roles.ANNUAL) in set(pairwise(found))


def _blocks(lines: list[str], header_pieces: set[int]) -> list[tuple[int, list[int]]]:
    """Each indicator header's line and the non-empty lines under it (the header's own pieces left out),
    up to the next header or head label."""
    blocks: list[tuple[int, list[int]]] = []
    current: list[int] | None = None
    for n, line in enumerate(lines):
        cells = _cells(line)
        if not cells or n in header_pieces:
            continue
        if _is_header(cells):
            current = []
            blocks.append((n, current))
            continue
        label = label_of(cells[0])
        if current is not None and label is not None and label not in _HEADER_LABELS:
            current = None  # the next table's head
            continue
        if current is not None:
            current.append(n)
    return blocks


def _bands(block: list[int], kinds: dict[int, str]) -> list[_Band]:
    """Each row of the block with the runs of piece lines right above and right below it (a run
    between two rows is both: below the one, above the other)."""
    bands: list[_Band] = []
    run: list[int] = []
    last: _Band | None = None  # the row whose lines below are being gathered
    for n in block:
        kind = kinds[n]
        if kind == "piece":
            run.append(n)
            continue
        if last is not None:
            last.below = run
        last = None
        if kind == "row":
            last = _Band(n, run, [])
            bands.append(last)
        run = []  # an other line: pieces do not reach across it
    if last is not None:
        last.below = run
    return bands


def _join_block(
    block: list[int],
    lines: list[str],
    out: list[str],
    value_after_name: bool,
    file: str | None,
    notes: list[Diagnostic] | None,
) -> None:
    kinds = {n: _kind(lines[n]) for n in block}
    if not any(kind == "piece" for kind in kinds.values()):
        return
    block = _join_lone_categories(block, kinds, out)
    lines = out
    _find_lone_names(block, kinds, lines)
    taken: set[int] = set()
    for band in _bands(block, kinds):
        above = [n for n in band.above if n not in taken]
        if not above:
            if band.below and _lacks_name(_cells(lines[band.row])) and notes is not None:
                _say(notes, file, band.row, band.below[0], "行下方的文字可能是其被折行的单元格")
            continue
        below = band.below[: len(above)]
        row_cells = _cells(lines[band.row])
        joined = _joined(lines, above, below) if len(below) == len(above) else None
        cells = _placed(row_cells, joined, value_after_name) if joined is not None else None
        if cells is None:
            if len(below) == len(above):
                taken.update(below)  # centred: they are this row's, placed or not, never the next row's
            if notes is not None and _lacks_name(row_cells):
                _say(notes, file, band.row, above[0], "行上下的文字可能是其被折行的单元格")
            continue
        out[band.row] = " ".join(cells)
        for n in (*above, *below):
            out[n] = ""
        taken.update(below)


def _join_lone_categories(block: list[int], kinds: dict[int, str], out: list[str]) -> list[int]:
    """Two piece lines in a row that together, and neither alone, make a category (``生态环境成本指`` /
    ``标``: a category whose row holds nothing else) joined into the first; the block without the
    second."""
    kept: list[int] = []
    for n in block:
        if kept and kinds[n] == kinds[kept[-1]] == "piece":
            first, second = out[kept[-1]].strip(), out[n].strip()
            parts_are_pieces = not _is_category(first) and not _is_category(second)
            if " " not in first + second and parts_are_pieces and catalog.is_category_name(first + second):
                out[kept[-1]], out[n] = first + second, ""
                kinds[kept[-1]] = "other"
                continue
        kept.append(n)
    return kept


def _find_lone_names(block: list[int], kinds: dict[int, str], lines: list[str]) -> None:
    """A piece line between the two halves of a wrapped value (``≥30公`` / ``清淤灌溉沟渠长度`` / ``里``)
    is a row holding only its name (its categories merged above): marked a row."""
    for above, middle, below in zip(block, block[1:], block[2:], strict=False):
        if not kinds[above] == kinds[middle] == kinds[below] == "piece":
            continue
        first, name, rest = (_cells(lines[n]) for n in (above, middle, below))
        if len(first) == len(name) == len(rest) == 1 and not _valueish(name[0]) and not _valueish(rest[0]):
            kinds[middle] = "row" if _valueish(first[0]) and _valueish(first[0] + rest[0]) else kinds[middle]


def _joined(lines: list[str], above: list[int], below: list[int]) -> list[str] | None:
    """The wrapped cells from the piece lines: the k-th piece of every line joined in order; None where
    the lines hold different numbers of pieces."""
    pieces = [_cells(lines[n]) for n in (*above, *below)]
    width = len(pieces[0])
    if any(len(p) != width for p in pieces):
        return None
    return ["".join(p[k] for p in pieces) for k in range(width)]


def _leading_categories(cells: list[str]) -> int:
    n = 0
    while n < len(cells) and _is_category(cells[n]):
        n += 1
    return n


def _lacks_name(cells: list[str]) -> bool:
    """The row's categories are followed by nothing or at once by a value, a comparator or a 指标性质
    word."""
    n = _leading_categories(cells)
    if 0 < n == len(cells):
        return True
    if n == 0:  # no category to stand after: only a comparator or a 指标性质 word says a name is missing
        return bool(cells) and (cells[0] in _NATURE_WORDS or cells[0].startswith(_COMPARATOR_SIGNS))
    return _valueish(cells[n])


def _placed(cells: list[str], wrapped: list[str], value_after_name: bool) -> list[str] | None:
    """The row's cells with the wrapped cells put in their places, or None where the places are not
    certain. A wrapped value (``≥12公`` / ``里``) goes right after the name only where the header puts
    指标值 there and the row has no value of its own."""
    n = _leading_categories(cells)
    categories = [c for c in wrapped if _is_category(c)]
    values = [c for c in wrapped if not _is_category(c) and _valueish(c)]
    names = [c for c in wrapped if not _is_category(c) and not _valueish(c)]
    if values and (len(values) > 1 or not value_after_name or any(_valueish(c) for c in cells[n:])):
        return None
    tree = _tree(cells[:n], categories)
    if tree is None:
        return None
    if _lacks_name(cells):
        if not names or (values and wrapped.index(values[0]) < wrapped.index(names[0])):
            return None
        # the first is the name (the leftmost column after the tree); the others are text columns to
        # its right (指标解释), put after the row's cells for the reader to place by meaning
        return [*tree, names[0], *values, *cells[n:], *names[1:]]
    if names:
        return None  # the row has its name: a piece that is no category may belong to any column
    return [*tree, *cells[n : n + 1], *values, *cells[n + 1 :]]


def _tree(leading: list[str], categories: list[str]) -> list[str] | None:
    """The row's category cells with the wrapped ones put in, the 一级 first; None where that makes
    more than a 一级 and a 二级 (or a score cell stands among them)."""
    if not categories:
        return leading
    tree = [*leading, *categories]
    if len(tree) > 2 or any(not _SCORE_TAIL.sub("", c) for c in tree):
        return None
    return sorted(tree, key=lambda c: 0 if catalog.is_level1_name(_SCORE_TAIL.sub("", c)) else 1)


def _say(notes: list[Diagnostic], file: str | None, row: int, piece: int, what: str) -> None:
    message = (
        f"第{row + 1}行（PDF 复制的文字）{what}（第{piece + 1}行起），但不能确定属于哪一列："
        "按原文保留，未合并；请核对原表"
    )
    notes.append(Diagnostic(WRAPPED_UNSURE, Severity.WARNING, message, SourceRef(file, row + 1)))
