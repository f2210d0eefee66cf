"""Targets written as prose → the rows of an ordinary table: a stage before the grid reader.

Some publishers announce a project's targets in a notice instead of a table (绩效目标设定的公示):

    一、产出指标
    数量指标:村内巷道硬化(≥**平方米)大于等于4200平方米,道路两侧绿化(≥**平方米)大于等于1800平方米;
    时效指标:项目完工时间2022年10月底前。
    二、效益指标 …

Under each numbered 一级 heading, a 二级 name followed by ``:`` (or ``,``) opens a run of indicators; an
indicator is its name (the template's placeholder ``(≥**单位)`` kept in it, as written) and the value
after it, up to the next ``,`` ``;`` ``。``. Without a placeholder the value is what the value grammar
reads at the end (``项目完工时间2022年10月底前``), or the whole phrase is both name and value
(``土壤改良功能提高``). The paragraph before the first heading gives the project's name
(``用于某某项目``), its money (``资金总额300万元``, ``安排资金40万元``) and the year of the notice.
Everything else passes through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao import catalog
from jixiao.readers.cells import Row

_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*(产出|效益|满意度|成本)\s*指标\s*$")
_MARKER = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:指标|目标))\s*[:：,，]")
_PLACEHOLDER_ITEM = re.compile(r"(.+?[(（][^()（）]*\*\*[^()（）]*[)）])\s*(.*?)\s*(?:[,，;；。]|$)")
_SEPARATORS = re.compile(r"[,，;；。]")
_DEADLINE_END = re.compile(r"(\d{4}\s*年\s*\d{1,2}\s*月(?:底|末|份)?(?:之?前)?)$")
_NAME = re.compile(r"用于([^,，。;；]{4,60}?(?:项目|工程))")
_FUNDS = re.compile(r"(?:资金总额|安排资金|下达资金|补助资金)\s*(\d+(?:\.\d+)?)\s*(万元|元)")
_NOTICE = re.compile(r"《[^《》]{0,40}(?:19|20)\d{2}年[^《》]{0,40}》")
_CLAUSE = re.compile(r"[^,，。;；]{0,30}(?:19|20)\d{2}年[^,，。;；]{0,30}")
HEADER = ("一级指标", "二级指标", "三级指标", "指标值")


def looks_like_prose_targets(text: str) -> bool:
    """Cheap test on the whole text: a numbered 产出指标 heading and a placeholder or 二级 marker."""
    return "产出指标" in text and ("**" in text or "数量指标:" in text or "数量指标：" in text)


def _category(word: str) -> str | None:
    """A marker word as a catalogue name (``社会效益目标`` → 社会效益指标), or None."""
    name = word[:-2] + "指标" if word.endswith("目标") else word
    return name if catalog.is_category_name(name) else None


def _items(text: str) -> Iterator[tuple[str, str]]:
    """(name, value) of each indicator in the text of one 二级."""
    rest = text.strip(" ,，;；。")
    while rest:
        parts = _SEPARATORS.split(rest, maxsplit=1)
        match = _PLACEHOLDER_ITEM.match(rest)
        if match is not None and ("**" in parts[0] or not any(c.isdigit() for c in parts[0])):
            yield match.group(1).strip(" ,，"), match.group(2).strip()
            rest = rest[match.end() :].strip(" ,，;；。")
            continue
        piece, rest = parts[0].strip(), (parts[1] if len(parts) > 1 else "").strip(" ,，;；。")
        if not piece:
            continue
        deadline = _DEADLINE_END.search(piece)
        if deadline is not None and deadline.start() > 0:
            yield piece[: deadline.start()].strip(), deadline.group(1)
        else:
            yield piece, piece


def _indicator_rows(level1: str, text: str) -> Iterator[tuple[str, str, str, str]]:
    """The rows (一级, 二级, 三级, 指标值) written in the prose of one 一级 heading."""
    level2 = ""
    markers = [
        (m.start(), m.end(), name)
        for m in _MARKER.finditer(text)
        if (name := _category(m.group(1))) is not None
    ]
    for n, (_, end, name) in enumerate(markers):
        if catalog.is_level1_name(name) and catalog.parent_in_any(name) is None:
            level1 = name
            continue
        level2 = name
        stop = markers[n + 1][0] if n + 1 < len(markers) else len(text)
        for indicator, value in _items(text[end:stop]):
            yield level1, level2, indicator, value


def read_prose_targets(rows: Iterable[Row]) -> Iterator[Row]:
    """Rewrite targets written as prose into the rows of a table; pass every other row through."""
    paragraph = ""
    level1: str | None = None
    started = False
    for row in rows:
        text = "".join(c.strip() for c in row.cells if c.strip())
        heading = _HEADING.match(text)
        if heading is not None:
            if not started:
                started = True
                yield from _head_rows(row, paragraph)
            level1 = heading.group(1) + "指标"
            continue
        if level1 is not None and _MARKER.search(text) and not text.startswith("附件"):
            for cells in _indicator_rows(level1, text):
                yield replace(row, cells=cells, cell_sources=None, columns_known=True, aligned=True)
            continue
        level1 = None
        if len(text) > 60:
            paragraph = text
        if started and text:  # lines after the prose (a signature, a date): text at the table's left edge
            row = replace(row, cells=(text,), cell_sources=None, columns_known=True, aligned=True)
        yield row


def _head_rows(row: Row, paragraph: str) -> Iterator[Row]:
    """The title, the year, the name, the money and the indicator header the paragraph gives."""

    def line(*cells: str) -> Row:
        return replace(row, cells=cells, cell_sources=None, columns_known=True, aligned=True)

    notice = _NOTICE.search(paragraph) or _CLAUSE.search(paragraph)
    if notice is not None:  # the notice the money comes by (《关于下达2023年…资金…的通知》): its year
        yield line(notice.group(0).strip(" ,，"))
    yield line("项目绩效目标表")
    name = _NAME.search(paragraph)
    if name is not None:
        yield line("项目名称", name.group(1))
    funds = _FUNDS.search(paragraph)
    if funds is not None:
        yield line("资金总额", funds.group(1) + funds.group(2))
    yield line(*HEADER)
