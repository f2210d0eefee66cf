"""Cells wrapped over lines in the one-cell-per-line text of a PDF, joined back where the grammar settles it.

A PDF flattened one cell a line breaks a cell that does not fit its narrow column into several lines::

    党外代表人士培训人 / 次 / ≥120人 / 次          (a name, then its value, each wrapped)
    宗教活动场所安全检 / 查次数 / ≥ / 4次          (the comparator alone on its line)
    民族团结进步宣传月 / 活动完成时间 / 2023年9 / 月底前
    主管部门 / 中共某市委某工作 / 部 / 实施单位    (a head value wrapped)

Read line by line every fragment is a cell: the tail becomes the value and the fragments invented
indicators. This stage joins lines only where what they are settles it, never by guess:

- values: a comparator alone before a number (``≥`` / ``4次``); a value ending in ``/`` before the rest of
  its unit (``≤650元/`` / ``人``); a date broken inside (``2023年9`` / ``月底前``) when the two read as one
  date; a value whose unit goes on (``≥120人`` / ``次``) when the two make one unit the registry knows;
- a category wrapped (``服务对象满意度指`` / ``标``) when the two make a name the catalogue knows;
- in an indicator block of exactly 一级 | 二级 | 三级 | one value column, where an indicator is a name and
  one value: two text lines between a category or a value and a value are one name (a name cannot
  stand without its value, nor a value without its name). The width of such names is the name
  column's width, the width of a value's first piece the value column's. Between two categories,
  three text lines opening with a line as wide as the name column are a name wrapped and its value;
  four are a name and a value both wrapped only when the third line is as wide as the value column
  (``民族团结进步社会氛`` / ``围`` / ``进一步`` / ``浓厚``). Other runs (two names with their values, or
  widths that do not settle it) are left as written; lines joined by width are said (JX-R36, info);
- in the head: a 名称 / 主管部门 / 实施单位 label followed by two text lines and then another label:
  one value wrapped.

The joined text is put on the first line and the lines joined into it are left empty, so every line
keeps its number. Anything else is left as written.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao import catalog
from jixiao.model import Diagnostic, Kind, Severity, SourceRef
from jixiao.readers.cells import is_footer
from jixiao.readers.labels import Label, label_key, label_of
from jixiao.readers.roles import ANNUAL, LEVEL1, LEVEL2, LEVEL3, PERIOD, role_of
from jixiao.values import is_unit, normalise_symbols, parse_target

WRAPPED_BY_WIDTH = "JX-R36"  # lines joined into one cell by the columns' widths alone, said with the line
_COMPARATORS = frozenset(("≥", "≤", ">", "<", "=", ">=", "<=", "＞", "＜", "≧", "≦", "＝"))
_TREE = frozenset((LEVEL1, LEVEL2, LEVEL3))
_VALUE_HEADERS = frozenset((ANNUAL, PERIOD))
_HEAD_LABELS = frozenset((Label.NAME, Label.DEPARTMENT, Label.UNIT))
_DATE_BROKEN = re.compile(r"\d{4}\s*年\s*\d{1,2}$")
_DATE_GOES_ON = re.compile(r"^[月日号]")
_LONGEST_TAIL = 3  # characters: the rest of a unit on its own line
_LONGEST_HEADER = 16  # characters of a header cell's line (``年度指标值`` with spaces around)
_EMPTY_CELL = " "
_VALUE_KINDS = (Kind.QUANTITATIVE, Kind.DEADLINE, Kind.RANGE)


def join_wrapped_lines(
    lines: list[str], file: str | None = None, notes: list[Diagnostic] | None = None
) -> list[str]:
    """The lines with cells wrapped over lines joined back (see the module); the same count of lines.
    Lines joined by the columns' widths alone are said in ``notes`` (JX-R36, with the line)."""
    header = _block_header(lines)
    if header is None:
        return lines
    # a line holding only spaces stands for an empty cell in this form: kept as a cell of its own
    joined = [line.strip() or (_EMPTY_CELL if line else "") for line in lines]
    before = list(joined)
    _join_head(joined, header)
    end = next((n for n in range(header + 1, len(joined)) if is_footer(joined[n])), len(joined))
    value_widths = _join_values(joined, header + 1, end)
    _join_categories(joined, header + 1, end)
    for number in _join_names(joined, header, end, value_widths):
        if notes is not None:
            notes.append(_by_width(joined[number], file, number + 1))
    return [text if text != before[n] else lines[n] for n, text in enumerate(joined)]


def _block_header(lines: list[str]) -> int | None:
    """The line of the value header closing an indicator header of 一级 | 二级 | 三级 | one value
    column, each header cell on its own line; None where the text has no such header."""
    seen: list[str] = []
    for number, line in enumerate(lines):
        text = line.strip() if len(line) <= _LONGEST_HEADER else ""
        key = label_key(text) if text else ""
        role = role_of(key) if key else None
        if role in _TREE:
            seen.append(role or "")
        elif role in _VALUE_HEADERS and seen[-3:] == [LEVEL1, LEVEL2, LEVEL3]:
            following = next((ln.strip() for ln in lines[number + 1 : number + 2]), "")
            if following and role_of(label_key(following)) is None:  # one value column, no more
                return number
            return None
        elif line.strip():
            seen = []
    return None


def _kind(text: str) -> Kind | None:
    """What a line is: a value's kind, or None for text that is no value."""
    if not text or not any(ch.isdigit() for ch in text):
        return None
    kind = parse_target(text).kind
    return kind if kind in _VALUE_KINDS else None


def _join(lines: list[str], first: int, second: int) -> None:
    lines[first] = lines[first] + lines[second]
    lines[second] = ""


def _next_filled(lines: list[str], number: int, end: int) -> int | None:
    return next((n for n in range(number + 1, end) if lines[n]), None)


def _join_values(lines: list[str], start: int, end: int) -> list[int]:
    """A value's pieces joined: comparator alone, unit cut after ``/``, a date or a unit going on; the
    widths of the first pieces the value column wrapped (a lone comparator says nothing of it)."""
    widths: list[int] = []
    for number in range(start, end):
        text = lines[number]
        after = _next_filled(lines, number, end) if text else None
        if after is None:
            continue
        rest = lines[after]
        if _value_goes_on(text, rest):
            if normalise_symbols(text) not in _COMPARATORS:
                widths.append(_width(text))
            _join(lines, number, after)
    return widths


def _value_goes_on(text: str, rest: str) -> bool:
    if normalise_symbols(text) in _COMPARATORS:
        return rest[:1].isdigit()
    if not rest or any(ch.isdigit() for ch in rest) or catalog.is_category_name(rest):
        return False
    if _DATE_BROKEN.search(text) and _DATE_GOES_ON.match(rest):
        return parse_target(text + rest).kind is Kind.DEADLINE
    if len(rest) > _LONGEST_TAIL or label_of(rest) is not None:
        return False
    target = parse_target(text)
    if target.kind is not Kind.QUANTITATIVE:
        return False
    if text.endswith("/"):
        return True
    joined = parse_target(text + rest)
    return (
        target.unit is not None
        and joined.kind is Kind.QUANTITATIVE
        and joined.unit == target.unit + rest
        and is_unit(joined.unit)
    )


def _join_categories(lines: list[str], start: int, end: int) -> None:
    """A category wrapped (``服务对象满意度指`` / ``标``): joined where the two make a known name."""
    for number in range(start, end):
        text = lines[number]
        after = _next_filled(lines, number, end) if text else None
        if after is None or catalog.is_category_name(text) or catalog.is_category_name(lines[after]):
            continue
        if len(lines[after]) <= _LONGEST_TAIL and catalog.is_category_name(text + lines[after]):
            _join(lines, number, after)


def _is_anchor(text: str) -> bool:
    return catalog.is_category_name(text) or _kind(text) is not None


def _is_text(text: str) -> bool:
    return bool(text.strip()) and not _is_anchor(text) and label_of(text) is None and not is_footer(text)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _join_names(lines: list[str], header: int, end: int, value_widths: list[int]) -> list[int]:
    """Names wrapped before their value, then by the columns' widths (see the module); the lines
    joined by width alone."""
    widths: set[int] = set()
    i = 0
    while (window := _window(lines, header, end, i, 4)) is not None:
        before, first, second, value = (lines[n] for n in window)
        if _is_anchor(before) and _is_text(first) and _is_text(second) and _kind(value) is not None:
            widths.add(_width(first))
            _join(lines, window[1], window[2])
        i += 1
    if not widths or max(widths) - min(widths) > 1:
        return []  # no name wrapped by grammar, or names wrapped at several widths: the column is unknown
    name_width = min(widths)  # a half-width digit or letter may leave a line one column short
    value_width = min(value_widths) - 1 if value_widths else None
    by_width: list[int] = []
    for run in _text_runs(lines, header, end):
        if len(run) not in (3, 4) or _width(lines[run[0]]) < name_width:
            continue
        if len(run) == 3:  # a name and one value: the name's two lines
            _join(lines, run[0], run[1])
            by_width.append(run[0])
        elif value_width is not None and _width(lines[run[2]]) >= value_width:  # name and value wrapped
            _join(lines, run[0], run[1])
            _join(lines, run[2], run[3])
            by_width += [run[0], run[2]]
    return by_width


def _by_width(text: str, file: str | None, line: int) -> Diagnostic:
    message = (
        f"第{line}行起的两行按所在列的宽度（与同表中折行的单元格同宽）合为一个单元格“{text}”：PDF 文字"
        "一格一行、窄列折行，文字本身不能确定是否同一单元格，请核对原表"
    )
    return Diagnostic(WRAPPED_BY_WIDTH, Severity.INFO, message, SourceRef(file, line))


def _text_runs(lines: list[str], header: int, end: int) -> list[list[int]]:
    """The runs of text lines between a category and the next category or the block's end (the
    qualitative indicators: their names and values, no number to tell them apart)."""
    runs: list[list[int]] = []
    current: list[int] | None = None
    for number in range(header + 1, end):
        text = lines[number]
        if not text:
            continue
        if catalog.is_category_name(text):
            if current:
                runs.append(current)
            current = []
        elif current is not None and _is_text(text):
            current.append(number)
        else:
            current = None  # a value or a label: the run is not one of text lines only
    if current:
        runs.append(current)
    return runs


def _window(lines: list[str], header: int, end: int, i: int, size: int) -> list[int] | None:
    """The numbers of the ``size`` filled lines of the block from its ``i``-th filled line, or None."""
    filled = [n for n in range(header + 1, end) if lines[n]]
    return filled[i : i + size] if i + size <= len(filled) else None


def _join_head(lines: list[str], header: int) -> None:
    """A head value wrapped: a name, department or unit label, two text lines, then another label."""
    filled = [n for n in range(header) if lines[n]]
    for i in range(len(filled) - 3):
        label, first, second, following = (lines[n] for n in filled[i : i + 4])
        if label_of(label) not in _HEAD_LABELS or label_of(following) is None:
            continue
        if _is_text(first) and _is_text(second) and len(second) <= _LONGEST_TAIL:
            _join(lines, filled[i + 1], filled[i + 2])
