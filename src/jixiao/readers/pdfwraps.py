"""Category labels wrapped over lines in a PDF's text, joined back by column before the row is cut.

Text taken out of a PDF keeps its cells aligned by spaces; a narrow 一级 or 二级 column wraps its label
onto the next line (``社会效益指`` / ``标``, ``满意度指`` / ``标`` beside ``服务对象满`` / ``意度指标``).
Read line by line, the second line is a row of its own and its fragments become indicators that were
never in the table, while the row above loses its category. This stage, run on the lines of the
space-aligned form only, finds each indicator header (一级指标 … 三级指标 … 指标值) and, under it:

- a cell under a tree column (一级 / 二级) that completes the cell above it in that column into a name
  the category catalogue knows is moved into the line above, the rest of its line (another row's
  cells, where the label wrapped beside them) kept as that row — never otherwise: a fragment that
  makes no known name is left as written;
- the merged ``绩效指标`` label written left of the tree, in the middle of its rows, is taken out of
  the row it happens to share a line with (it is the block's label, not a cell of that row).

Columns are measured in display width (a Chinese character takes two), as the text was laid out.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao import catalog
from jixiao.readers import roles as column_roles
from jixiao.readers.labels import Label, label_key, label_of

_CELL = re.compile(r"\S+(?: \S+)*")  # a cell: words with single spaces between
_LONGEST_CATEGORY = 40  # characters: longer text before a word is no category label
_SLACK = 2  # a cell may start this many columns off its header's start


def join_wrapped_category_lines(lines: list[str]) -> list[str]:
    """The lines with category labels wrapped under an indicator header joined back (see the module)."""
    if not any("一级指标" in line for line in lines):
        return lines
    out: list[str] = []
    starts: list[int] | None = None  # display columns of the current indicator header's cells
    tree: set[int] = set()  # which of them are the 一级 / 二级 columns
    above: list[tuple[int, str]] | None = None  # the last row's cells, (header column, text)
    above_at = -1  # its place in ``out``
    for line in lines:
        cells = _cells(line)
        header = _header(cells)
        if header is not None:
            starts, tree = header
            above = None
            out.append(line)
            continue
        if starts is None or not cells:
            out.append(line)
            continue
        cells = _split_at_columns(cells, starts, tree)
        placed = [(_column(starts, start), text) for start, text in cells]
        placed = [(col, text) for col, text in placed if not (col < 0 and label_of(text) is Label.INDICATORS)]
        if above is not None and (moved := _moved(above, placed, tree)) is not None:
            above, placed = moved
            out[above_at] = _line(above)
            if not placed:
                continue  # the line held only the rest of the labels above
        if len(placed) != len(cells):  # fragments or the block's label taken out of the row
            line = _line(placed)
        above, above_at = placed, len(out)
        out.append(line)
    return out


def _cells(line: str) -> list[tuple[int, str]]:
    """The cells of a space-aligned line with the display column each starts at."""
    cells: list[tuple[int, str]] = []
    width = done = 0  # the display width of ``line[:done]``: counted once, not again for every cell
    for match in _CELL.finditer(line):  # words with one space between are one cell (2023 年 11 月底前)
        width += _width(line[done : match.start()])
        done = match.start()
        cells.append((width, match.group()))
    return cells


def _split_at_columns(
    cells: list[tuple[int, str]], starts: list[int], tree: set[int]
) -> list[tuple[int, str]]:
    """The cells with a category label that ran into the next column's cell across a single space
    (``满意度指标 服务对象满意`` where the 一级 filled its column) cut where the next column starts; only
    where the words before the cut are a category the catalogue knows."""
    out: list[tuple[int, str]] = []
    for start, text in cells:
        column = _column(starts, start)
        cut = None
        if column in tree and " " in text:
            at, done = start, 0  # the display column of ``text[done]``, counted once along the cell
            for word in re.finditer(r"(?<= )\S+", text):
                if word.start() > _LONGEST_CATEGORY:
                    break  # no category is this long: a huge cell is not tried at every word
                at += _width(text[done : word.start()])
                done = word.start()
                at_next = any(n > column and abs(at - head) <= 1 for n, head in enumerate(starts))
                if at_next and catalog.is_category_name(text[: word.start()].strip()):
                    cut = word.start()
                    break
        if cut is None:
            out.append((start, text))
        else:
            out += [(start, text[:cut].strip()), (start + _width(text[:cut]), text[cut:])]
    return out


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _header(cells: list[tuple[int, str]]) -> tuple[list[int], set[int]] | None:
    """An indicator header line: its cells' columns and which are the 一级 / 二级 columns."""
    if len(cells) < 3:
        return None
    roles = [column_roles.role_of(label_key(text)) for _, text in cells]
    if column_roles.LEVEL1 not in roles or column_roles.LEVEL2 not in roles:
        return None
    tree = {n for n, role in enumerate(roles) if role in (column_roles.LEVEL1, column_roles.LEVEL2)}
    return [start for start, _ in cells], tree


def _column(starts: list[int], start: int) -> int:
    """The header column a cell starting at ``start`` stands under; -1 left of the first."""
    column = -1
    for n, header_start in enumerate(starts):
        if start + _SLACK >= header_start:
            column = n
    return column


def _moved(
    above: list[tuple[int, str]], line: list[tuple[int, str]], tree: set[int]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """The row above with this line's fragments moved into its category cells, and what is left of
    the line (another row's cells where the label wrapped beside them); None where no cell of the line
    completes a category above it."""
    texts = dict(above)
    if len(texts) != len(above):
        return None
    joined = dict(texts)
    rest: list[tuple[int, str]] = []
    for col, fragment in line:
        whole = texts[col] + fragment if col in tree and col in texts else ""
        if whole and not catalog.is_category_name(fragment) and catalog.is_category_name(whole):
            joined[col] = whole
        else:
            rest.append((col, fragment))
    if len(rest) == len(line):
        return None
    return sorted(joined.items()), rest


def _line(cells: list[tuple[int, str]]) -> str:
    """A row's cells written back as a line, two spaces or more between them."""
    return "    ".join(text for _, text in cells)
