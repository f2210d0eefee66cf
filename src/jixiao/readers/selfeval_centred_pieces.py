"""Flattened PDF text (pdfplumber's ``extract_text``) where several cells of one indicator row wrapped
over two lines each: every wrapped cell prints its first line above the row's line and its second
below, side by side with the other wrapped cells::

    指标1：城区道路清扫 ≥260万平
    产出指标 数量指标 265万平方米 20 20
    保洁面积 方米

    免费孕前优生健康 部分育龄群众外出务工未能
    ≥800人 760人 10 9.5
    检查人数 参检，下年加强宣传动员

`put_back` joins the n-th piece above with the n-th below (as many each, two or three) and puts the
cells back only where the row proves where they go:

- the first joined cell is a name (words, not a figure, a bound or a category), and the row after its
  category labels opens at once with a value (a figure or a bound): the name goes there;
- a joined cell that is a value is the target and follows the name; one of words comes after the
  row's figures, in the header's last column, where that is a reason column (偏差原因…, 评价标准);
- the row put back holds, from its name on, no more cells than the header has columns from its
  name column on, and ends (before a reason) with its 分值 and 得分 as figures.

Anything else is left as it was (the row is then said unsure by `selfeval_unsure` when its columns
cannot be told); nothing is placed on a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from jixiao import catalog
from jixiao.readers.cells import Row
from jixiao.readers.selfeval_align import POINTS_AFTER
from jixiao.readers.selfeval_lines import INDICATOR_ROLES, SERIAL, fund_label, key, number
from jixiao.readers.selfeval_segment import is_grid

_SIGNS = ("≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦")
_MOST_CELLS = 3  # wrapped cells of one row side by side


def _value(text: str) -> bool:
    """A target or an actual: a figure or a bound (``≥260万平方米``, ``100%``, ``15000次``)."""
    return text[:1].isdigit() or text.startswith(_SIGNS)


def measured(text: str) -> bool:
    """A bound or a figure with its unit (``≥7座``, ``404平方米``), never a bare figure or percentage."""
    return text.startswith(_SIGNS) or (text[:1].isdigit() and number(text) is None)


def _category(text: str) -> bool:
    """A 一级 or 二级 label, with or without its points (``时效指标8分``, ``产出指标(50分)``)."""
    return catalog.is_category_name(POINTS_AFTER.sub("", key(text)) or "-")


def _name(text: str) -> bool:
    return bool(key(text)) and not _value(text) and not catalog.is_category_name(key(text))


def header_roles(header: Row) -> tuple[str, ...]:
    """The indicator header's roles from its name column on (``name, target, actual, weight, …``)."""
    roles = [INDICATOR_ROLES.get(key(c), "") for c in header.cells if c.strip()]
    return tuple(roles[roles.index("name") :]) if "name" in roles else ()


def _opening(cells: list[str]) -> int | None:
    """Where the row's first value stands after its category labels, or None."""
    at = 0
    while at < len(cells) and _category(cells[at]):
        at += 1
    if at >= len(cells):
        return None
    first = cells[at]
    if at == 0:  # no category printed: only a bound or a figure with its unit proves a target or an
        return 0 if measured(first) else None  # actual (a bare figure may be a 分值)
    return at if _value(first) else None


def _scored(cells: list[str]) -> bool:
    return len(cells) >= 2 and all(number(c) is not None for c in cells[-2:])


def put_back(row: Row, tops: list[str], bottoms: list[str], roles: tuple[str, ...]) -> Row | None:
    """The row with its cells wrapped above and below put back (see the module's note), or None."""
    if not roles or not 2 <= len(tops) == len(bottoms) <= _MOST_CELLS:
        return None
    joined = [top + bottom for top, bottom in zip(tops, bottoms, strict=True)]
    cells = [c.strip() for c in row.cells if c.strip()]
    at = _opening(cells)
    if at is None or not _name(joined[0]) or not _scored(cells):
        return None
    values = [c for c in joined[1:] if _value(c)]
    words = [c for c in joined[1:] if not _value(c)]
    if joined[1:] != values + words or len(words) > 1 or (words and roles[-1] != "reason"):
        return None  # values first, then at most one reason, and only where the header ends in one
    rebuilt = [*cells[:at], joined[0], *values, *cells[at:], *words]
    if len(rebuilt) - at > len(roles):
        return None
    return replace(row, cells=tuple(rebuilt), cell_sources=None)


_DASHES = ("—", "-", "——", "/", "－")


def fund_label_back(row: Row, tops: list[str], bottoms: list[str]) -> Row | None:
    """A fund row's label centred over its line of amounts (``其中：当年财政拨`` / ``50.00 50.00 42.00
    — —`` / ``款``, ``按收入性质分：`` / … / ``财政拨款``): the two pieces as the row's first cell, where
    only together they make a fund label (two labels, each whole, are two rows of their own)."""
    if len(tops) != 1 or len(bottoms) != 1:
        return None
    cells = [c.strip() for c in row.cells if c.strip()]
    if len(cells) < 3 or not (number(cells[0]) is not None or cells[0] in _DASHES):
        return None
    label = tops[0] + bottoms[0]
    if fund_label(label) is None or (fund_label(tops[0]) is not None and fund_label(bottoms[0]) is not None):
        return None
    return replace(row, cells=(label, *cells), cell_sources=None)


def serial_name_at(row: Row, pieces: tuple[str, str], roles: tuple[str, ...]) -> int | None:
    """Where a name that states its serial (``指标1：环卫作业长效`` / ``机制``) centred over a row goes
    back: after the row's category labels (first, when it prints none and opens with a figure or a
    bound), when the row then holds no more cells than the header has
    columns after its name and ends with its 分值 and 得分. None otherwise."""
    top, bottom = (unicodedata.normalize("NFKC", piece).strip() for piece in pieces)
    if not roles or not SERIAL.match(top) or not SERIAL.sub("", top) or SERIAL.match(bottom):
        return None  # 指标2： / 指标1：…: a slot left empty, then the next row's name
    cells = [c.strip() for c in row.cells if c.strip()]
    if any(SERIAL.match(unicodedata.normalize("NFKC", c)) for c in cells):
        return None  # the row prints its own name
    at = 0
    while at < len(cells) and _category(cells[at]):
        at += 1
    room = len(roles) - (roles[-1] == "reason")  # a row whose reason is printed is not this one
    if at >= len(cells) or len(cells) - at + 1 > room or not _scored(cells):
        return None
    return at if at or measured(cells[0]) else None  # no category printed: the row opens with its target


def grouped_tops(tops: list[str], bottoms: list[str], known: Callable[[str], bool]) -> list[str] | None:
    """The first lines of a header's wrapped cells, where a cell printed with a space in it (``年度
    指标值`` as ``年度 指标`` / ``值``) left more pieces above than below: the pieces above grouped, in
    order, so that each group and its piece below make a column name the reader knows (``known``).
    None unless exactly one grouping does."""
    found: list[list[str]] = []

    def walk(at: int, n: int, groups: list[str]) -> None:
        if len(found) > 1:
            return
        if n == len(bottoms):
            if at == len(tops):
                found.append(groups)
            return
        for end in range(at + 1, len(tops) - (len(bottoms) - n - 1) + 1):
            group = "".join(tops[at:end])
            if known(group + bottoms[n]):
                walk(end, n + 1, [*groups, group])

    if len(bottoms) < len(tops) <= len(bottoms) + _MOST_CELLS:
        walk(0, 0, [])
    return found[0] if len(found) == 1 else None


# An 一级's points printed apart from its name: ``（50分）``, ``(30分)``.
_POINTS_APART = re.compile(r"^[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")


def join_points(row: Row) -> Row:
    """A text row whose 一级 printed its points apart (``产出指标 （50分） 数量指标 …``, a cell with a
    space in it cut at the space): the points joined to the name, as the other tables print them."""
    if is_grid(row):
        return row
    cells = list(row.cells)
    at = next(
        (
            n
            for n in range(1, len(cells))
            if _POINTS_APART.match(cells[n].strip()) and catalog.is_level1_name(key(cells[n - 1]))
        ),
        None,
    )
    if at is None:
        return row
    cells[at - 1 : at + 1] = [cells[at - 1].strip() + cells[at].strip()]
    return replace(row, cells=tuple(cells), cell_sources=None)


def short_of_a_cell(row: Row, pieces: list[str], roles: tuple[str, ...]) -> bool:
    """An indicator row that prints, after its category labels, fewer cells than the header has
    columns from its name to its 得分: with a wrapped cell above and below it (``pieces``: the lines'
    cells, words each; not ``指标2：`` over ``……``, an empty slot's marks) that went back nowhere,
    one of its cells is that one and which column it fills is not known (the row is said unsure)."""
    if "score" not in roles or is_grid(row) or not all(map(_words, pieces)):
        return False
    cells = [c.strip() for c in row.cells if c.strip()]
    at = 0
    while at < len(cells) and _category(cells[at]):
        at += 1
    return 0 < len(cells) - at < roles.index("score") + 1


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _words(piece: str) -> bool:
    """A piece of a wrapped cell: words (not a bare serial ``指标2：``, not ``……`` or ``/``)."""
    text = SERIAL.sub("", unicodedata.normalize("NFKC", piece).strip())
    return _CJK.search(text) is not None and not catalog.is_category_name(key(text))
