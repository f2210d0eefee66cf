"""Cells a single-spaced line cut at a space inside them, joined back (a text-form stage).

Text copied out of a PDF or a web page with one space between the cells of a row also has the spaces
inside cells: a template's filling note after its category (``数量指标 (必填硬性指标)``), a category
written in two words (``经济效益 指标``), a date typed with spaces (``2023 年 12 月 31 日前``). Cut at
every space these become cells of their own and then indicators that were never in the table. Joined
back only where the pieces say so themselves:

- a cell that is only a template note (``(必填)``, ``(选填)``) belongs to the cell before it;
- two cells that together, and neither alone, make a category the catalogue knows are one cell;
- letters spaced one by one that together make a category are one cell (``产 出 指 标``);
- a year and the ``年``, month, ``月``, day, ``日`` after it are one date (``2023 年`` alone is one cell
  too; ``1 年`` is not: a value and its unit, cells of their own).
"""

from __future__ import annotations

import re

from jixiao import catalog
from jixiao.readers.runtogether import split_words

_NOTE_ONLY = re.compile(r"^[(（]\s*(?:必填|选填)[^()（）]{0,8}[)）]$")
_DAY_OR_MONTH = re.compile(r"^\d{1,2}$")
_YEAR = re.compile(r"^(?:19|20)\d{2}年$")
_MONTH = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月$")
_YEAR = re.compile(r"^(?:19|20)\d{2}年$")
_MONTH = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月$")
# A date's part so far, and what may follow it: 2023 年, 2023年12 月, 2023年12月31 日.
_DATE_SO_FAR = (
    (re.compile(r"^(?:19|20)\d{2}$"), "年"),
    (re.compile(r"^(?:19|20)\d{2}年\d{1,2}$"), "月"),
    (re.compile(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}$"), "日"),
)


def rejoined_line(line: str) -> str:
    """The line with its cells cut at an inner space joined back (see the module), single spaces
    between the cells; the line as it was where nothing is joined."""
    cells = split_words(line)
    joined = rejoined_cells(cells)
    return line if joined == cells else " ".join(joined)


def rejoined_cells(cells: list[str]) -> list[str]:
    """The cells with those cut at an inner space joined back (see the module)."""
    out: list[str] = []
    spaced = _letter_spaced_categories(cells)
    for n, cell in enumerate(cells):
        if n in spaced:
            if spaced[n]:
                out.append(spaced[n])
            continue
        after = cells[n + 1] if n + 1 < len(cells) else ""
        if out and _belongs_to(out[-1], cell, after):
            out[-1] += cell
        else:
            out.append(cell)
    return out


def _letter_spaced_categories(cells: list[str]) -> dict[int, str]:
    """Categories written one letter per cell (``产 出 指 标``): the first letter's place → the category,
    the other letters' places → ""."""
    found: dict[int, str] = {}
    n = 0
    while n < len(cells):
        end = n
        while end < len(cells) and len(cells[end]) == 1 and "\u4e00" <= cells[end] <= "\u9fff":
            end += 1
        for stop in range(end, n + 2, -1):  # the longest run of three letters or more
            if catalog.is_category_name("".join(cells[n:stop])):
                found.update({k: "" for k in range(n + 1, stop)})
                found[n] = "".join(cells[n:stop])
                n = stop
                break
        else:
            n += 1
    return found


def _belongs_to(before: str, cell: str, after: str) -> bool:
    if _NOTE_ONLY.match(cell):
        return True
    short = 2 <= len(before) <= 8 and 2 <= len(cell) <= 4  # not 产 出 指 标, spaced letter by letter
    if short and not catalog.is_category_name(cell) and catalog.is_category_name(before + cell):
        return True  # 经济效益 指标
    if any(so_far.match(before) and cell.startswith(next_part) for so_far, next_part in _DATE_SO_FAR):
        return True
    if not _DAY_OR_MONTH.match(cell):
        return False
    if _YEAR.match(before):
        return after.startswith("月")
    return bool(_MONTH.match(before)) and after.startswith("日")
