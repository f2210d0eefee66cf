"""A PDF flattened to one run of words → the cells of its table (a text-form stage of `textforms`).

Mirror sites re-post a whole 部门预算 PDF as one line of words with single spaces::

    …部门预算报表 … 4 十一、部门整体支出绩效目标表 部门整体支出绩效目标表 ( 2022 年度) 部门名称 某镇人民政府
    … 一级指标 二级指标 三级指标 指标值 产出指标 数量指标 保障在职人员数 38人 … 5 第三部分 …

Each word is a cell. Before the grid reader sees them the page furniture is dropped: page numbers
(bare numbers that count up page by page, the chain 1, 2, 3… in order) and the running header or
footer printed beside every page number after the first. Words the extraction broke with a space are
joined back only where the result is certain: a number and the ``年``/``月`` that follows it, a bracket
and what it encloses, and two pieces that together make a label or category the catalogue knows
(``产出 指标``). Nothing else is joined and nothing is added.
"""

from __future__ import annotations

import re

from jixiao import catalog
from jixiao.readers.labels import Label, label_of
from jixiao.value_words import PREFIX_OPS

SHORTEST_FLATTENED = 200  # characters: a shorter line is a row, not a flattened document
_FEWEST_WORDS = 30
_FEWEST_LINE_WORDS = 4  # spaces: a line of a flattened page holds words, not one cell
_TABLE_WORDS = ("一级指标", "二级指标", "三级指标", "绩效指标")
_CATEGORY_WORDS = ("产出指标", "效益指标", "满意度指标", "数量指标", "质量指标", "时效指标", "成本指标")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_DASHES = frozenset(("—", "-", "–", "－", "——"))
_COUNTED = frozenset("个名人家项次处所座台辆间户条件张份万亿元年月日天%％")
_CALENDAR_WORD = re.compile(r"^(?:年|月|日)")
_NUMBER_END = re.compile(r"\d$")
_LONGEST_HEADER = 8  # words: a running header or footer is short
_LONGEST_PIECE = 12  # characters: a broken label's pieces are short
_LONGEST_HEADER_LINE = 40  # characters
# A page number on a line of its own: ``3``, ``- 3 -``, ``第3页 共5页``.
_PAGE_NUMBER_TEXT = r"(?:[-—–－]\s*)?\d{1,4}(?:\s*[-—–－])?|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
_PAGE_LINE = re.compile(rf"^(?:{_PAGE_NUMBER_TEXT})$")  # on a stripped line
# The same on each line of the lines joined by line feeds, white space around it (never a line feed)
_PAGE_LINES = re.compile(
    r"^[^\S\n]*(?:" + _PAGE_NUMBER_TEXT.replace(r"\s", r"[^\S\n]") + r")[^\S\n]*$", re.MULTILINE
)
_LONGEST_PAGE_LINE = 12  # characters


def is_flattened_pdf(line: str) -> bool:
    """A line holding a PDF's words with single spaces and an indicator table among them."""
    if len(line) < SHORTEST_FLATTENED or "|" in line or "\t" in line or line.count(" ") < _FEWEST_WORDS:
        return False
    return any(word in line for word in _TABLE_WORDS) and sum(word in line for word in _CATEGORY_WORDS) >= 3


def join_flattened_pages(lines: list[str]) -> list[str]:
    """The lines with each block of consecutive lines of words that together hold a flattened table
    (a PDF's text broken into a line per page or per paragraph) joined onto the block's first line, the
    others left empty, so line numbers stay; the lines as they were where there is no such block."""
    joined = list(lines)
    worded = [  # most lines are not: found first, in one pass with no call per line
        i
        for i, line in enumerate(lines)
        if line.count(" ") >= _FEWEST_LINE_WORDS and "|" not in line and "\t" not in line
    ]
    for start, end in _runs(worded):
        if end - start >= 2 and is_flattened_pdf(
            block := " ".join(line.strip() for line in lines[start:end])
        ):
            joined[start:end] = [block] + [""] * (end - start - 1)
    return joined


def _runs(places: list[int]) -> list[tuple[int, int]]:
    """Each run of consecutive numbers in the ascending ``places``, as (first, last + 1)."""
    runs: list[tuple[int, int]] = []
    for place in places:
        if runs and runs[-1][1] == place:
            runs[-1] = (runs[-1][0], place + 1)
        else:
            runs.append((place, place + 1))
    return runs


def flattened_cells(line: str) -> list[str]:
    """The words of a flattened PDF as cells, page numbers and running headers dropped, broken words
    joined where certain."""
    words = line.split()
    pages = page_number_places(words)
    dropped = set(pages) | running_header_places(words, pages) | dashed_page_places(words)
    kept = [word for i, word in enumerate(words) if i not in dropped]
    return join_broken_words(kept)


def page_number_places(words: list[str]) -> list[int]:
    """Where the page numbers stand: bare numbers that count up by one in reading order (1, 2, 3…),
    at least three of them. A number in between that does not continue the count is a cell, and so is
    a number followed by what it counts (``3 个机构``)."""
    places: list[int] = []
    expected: int | None = None
    for i, word in enumerate(words):
        if not _PAGE_NUMBER.match(word):
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        if following[:1] in _COUNTED:
            continue  # 3 个机构, 12 名: a count in the prose, not a page number
        number = int(word)
        if (expected is None and number <= 3) or number == expected:
            places.append(i)
            expected = number + 1
    return places if len(places) >= 3 else []


def dashed_page_places(words: list[str]) -> set[int]:
    """The words of page footers printed between dashes (``— 1 —``, ``- 12 -``): a number of three digits
    at most with a dash word on each side is a page number wherever it stands, however few pages."""
    places: set[int] = set()
    for i in range(1, len(words) - 1):
        if words[i - 1] in _DASHES and words[i + 1] in _DASHES and _PAGE_NUMBER.match(words[i]):
            places.update((i - 1, i, i + 1))
    return places


def running_header_places(words: list[str], pages: list[int]) -> set[int]:
    """The words of a running header or footer: the same words right after (or right before) half the
    page numbers or more (two at least). Its printing before page 1's number is the document's title
    and kept. Words naming a head field or a category are never taken for one."""
    places: set[int] = set()
    for after in (True, False):
        for size in range(_LONGEST_HEADER, 1, -1):
            seen: dict[tuple[str, ...], list[int]] = {}
            for page in pages if after else pages[1:]:
                start = page + 1 if after else page - size
                if start < 0 or start + size > len(words):
                    continue
                seen.setdefault(tuple(words[start : start + size]), []).append(start)
            for header, starts in seen.items():
                if len(starts) >= max(2, len(pages) // 2) and not any(map(_means_something, header)):
                    places.update(i for start in starts for i in range(start, start + size))
    return places


def running_header_lines(lines: list[str]) -> set[int]:
    """The lines (0-based) of a running header or footer in text extracted page by page: the same line
    within two lines of half the page-number lines or more (two at least). The same words elsewhere
    (the document's title on its first page) are kept, and so is a line naming a head field or a
    category."""
    pages = _page_lines(lines)
    if len(pages) < 2:
        return set()
    near: dict[str, set[int]] = {}
    for page in pages:
        for n in _filled_around(lines, page):
            text = lines[n].strip()
            if not _PAGE_LINE.match(text) and len(text) <= _LONGEST_HEADER_LINE:
                near.setdefault(text, set()).add(n)
    dropped: set[int] = set()
    for text, places in near.items():
        if len(places) >= max(2, len(pages) // 2) and not _means_something(text) and _has_words(text):
            dropped.update(places)
    return dropped


def _page_lines(lines: list[str]) -> list[int]:
    """The lines (0-based) holding a page number alone (`_PAGE_LINE`, stripped, 12 characters at most),
    found by one search in C over the lines joined, not line by line: most lines of a text are no page
    number, and most texts have none."""
    joined = "\n".join(lines)
    if joined.count("\n") != len(lines) - 1:  # a line holding a line feed itself (or no line): one by one
        return [i for i, line in enumerate(lines) if _is_page_line(line.strip())]
    found: list[int] = []
    number = at = 0
    for match in _PAGE_LINES.finditer(joined):
        number += joined.count("\n", at, match.start())
        at = match.start()
        if len(match[0].strip()) <= _LONGEST_PAGE_LINE:
            found.append(number)
    return found


def _is_page_line(text: str) -> bool:
    return bool(text) and len(text) <= _LONGEST_PAGE_LINE and _PAGE_LINE.match(text) is not None


def _filled_around(lines: list[str], at: int) -> list[int]:
    """The two non-empty lines before line ``at`` and the two after it (fewer at either end)."""
    around: list[int] = []
    for step in (-1, 1):
        n, found = at + step, 0
        while 0 <= n < len(lines) and found < 2:
            if lines[n].strip():
                around.append(n)
                found += 1
            n += step
    return around


def join_broken_words(words: list[str]) -> list[str]:
    """Words broken by a space joined back: ``2022 年度`` (a number and its calendar word), ``( 2022年度)``
    (a bracket alone), ``产出 指标`` (two pieces that make a known label or category)."""
    cells: list[str] = []
    for word in words:
        if cells and _joins(cells[-1], word):
            cells[-1] += word
        else:
            cells.append(word)
    return cells


def _joins(before: str, word: str) -> bool:
    if before in ("(", "（") or word in (")", "）"):
        return True
    if _NUMBER_END.search(before) and _CALENDAR_WORD.match(word) and len(before) <= 6 and len(word) <= 4:
        # 2022 年度, 12 月底前; never 13 年内有自然减员… (a score, then the reason's text)
        return before[-4:].isdigit() or before[-2:].isdigit()  # 2022 年度, 12 月
    if len(before) > _LONGEST_PIECE or len(word) > _LONGEST_PIECE:
        return False
    if label_of(word) or _names_category(word):
        # the second piece means something alone: two cells (产出 | 数量指标), unless the first piece
        # means nothing alone and the two make a category (服务对象 满意度指标: a wrapped 二级)
        return _names_category(word) and not _means_something(before) and _names_category(before + word)
    joined = before + word
    return label_of(joined) is not None or _names_category(joined)


# What a 指标性质 cell writes in words: one repeated beside the values is a cell, never a running header.
_VALUE_WORDS = frozenset((*(word for word, _ in PREFIX_OPS), "正向", "反向", "定量", "定性"))


def _has_words(text: str) -> bool:
    """A running header or footer is words (a title, a unit's name): a comparator (``≥``), a unit (``%``,
    ``个``) or a 指标性质 word repeated beside the values of a one-cell-per-line table is a cell."""
    return sum(ch.isalpha() for ch in text) >= 2 and text not in _VALUE_WORDS


def _means_something(word: str) -> bool:
    """A head label or a category: part of the table even where it repeats (a title, a header row is
    read as repeated by the grid reader)."""
    return label_of(word) not in (None, Label.TITLE, Label.HEADER, Label.INDICATORS) or _names_category(word)


def _names_category(text: str) -> bool:
    return catalog.is_category_name(text)
