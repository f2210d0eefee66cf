"""Lines and cells that are not what they look like in published text: page furniture around a table
(site chrome, a table's number, page numbers, a colophon), a label one space from its value, and a
category name wrapped onto the next line. Stages of `textforms`, before the grid reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao.readers.cells import Row

# Site furniture around a published table (data): a line opening with one of these words is never a
# cell of it. 【打印】【关闭】, 【打印此页】: a portal's buttons; 主办：某区人民政府, 技术支持：某中心:
# a portal's last line; 阅读 356 分享 在看: a WeChat article's footer.
FURNITURE_WORDS = (
    "扫一扫", "扫描二维码", "打印本页", "关闭窗口", "【打印", "【关闭", "分享到", "相关解读", "相关附件",
    "全部留言", "上一篇", "下一篇", "网站地图", "版权所有", "主办单位", "ICP备", "网站标识码", "<image>",
    "内容保障", "网站纠错", "政府网站标识码",
)  # fmt: skip
FURNITURE_PATTERNS = (r"阅读\s*\d+\s*分享", r"(?:主办|承办|技术支持)\s*[:：]")
_FURNITURE = re.compile(r"\s*(?:" + "|".join([*map(re.escape, FURNITURE_WORDS), *FURNITURE_PATTERNS]) + ")")
_FURNITURE_FIRST = frozenset(word[0] for word in FURNITURE_WORDS) | frozenset("阅主承技")  # a first test
_FURNITURE_ANYWHERE = re.compile(r"ICP备\d|公网安备")

# A page number printed between dashes (``- 1 -``, ``— 2 —``) or as ``第1页 共3页``, ``第 1 页``: a bare
# number is a cell.
_PAGE_MARK = re.compile(
    r"^\s*(?:[-—–－~·]+\s*\d{1,4}\s*[-—–－~·]+|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)\s*\|?\s*$"
)
# A document's colophon under the tables: ``德化县财政局办公室 2025年12月16日印发``.
_COLOPHON = re.compile(r"^\s*\S{2,30}\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发\s*\|?\s*$")
_TABLE_NUMBER = re.compile(
    r"^\s*(?:(?:附表|表|附件)\s*[一二三四五六七八九十\d]{1,3}|续表\s*[一二三四五六七八九十\d]{0,3})\s*[:：|]?\s*$"
)  # 续表: a table going on after a page break


# How a line of furniture opens, after white space and list marks (the tests of `is_furniture` below:
# a table's number, a page mark, a furniture word); a line not opening so and holding neither 备 nor 印发
# is none, found by one match in C (most lines of a text).
_FURNITURE_START = re.compile(
    r"[\s\-—·•]*[附表续第\-—–－~·" + "".join(map(re.escape, sorted(_FURNITURE_FIRST))) + "]"
)


def is_furniture(line: str) -> bool:
    """A line of the web page around the table (扫一扫, 打印本页, 相关附件, ICP…), a table's number on a line
    of its own (``表十二 |``, ``附表3``, ``续表``), a page number between dashes, a colophon
    (``…办公室 2025年12月16日印发``): never a cell of the table."""
    if not (_FURNITURE_START.match(line) or "备" in line or "印发" in line):
        return False
    first = line.lstrip()[:1]  # "" for a blank line: then only a page mark is tried, as before
    if "表" in line[:4] and _TABLE_NUMBER.match(line):
        return True
    if ("页" in line or first in "-—–－~·") and _PAGE_MARK.match(line):
        return True
    if "印发" in line and line.rstrip(" |").endswith("印发") and _COLOPHON.match(line):
        return True
    if "备" in line and _FURNITURE_ANYWHERE.search(line):
        return True
    if first and first in "-—·•":  # ``- 扫一扫在手机打开当前页``: a list mark before the furniture
        line = line.lstrip(" -—·•")
        first = line[:1]
    return first in _FURNITURE_FIRST and bool(_FURNITURE.match(line))


def split_labelled(cell: str) -> list[str]:
    """A cell of words where a label stands before its value with one space (``项目名称 老年人健康管理经费``,
    ``一级指标 二级指标 三级指标 指标值``): each label a cell, the words after it one cell. A cell whose
    first word is not a label is left whole (an indicator's name may hold spaces)."""
    from jixiao.readers.labels import label_of

    words = cell.split(" ")
    if len(words) < 2 or label_of(words[0]) is None:
        return [cell]
    cells: list[str] = []
    after_label = False
    for word in words:
        if not word.strip():  # doubled spaces; other white space (``\r``) stays with the cell before
            if word and cells:
                cells[-1] += " " + word
            continue
        if label_of(word) is not None:
            cells.append(word)
            after_label = True
        elif after_label or not cells:
            cells.append(word)
            after_label = False
        else:
            cells[-1] += " " + word
    return cells


def join_wrapped_categories(rows: Iterable[Row]) -> Iterator[Row]:
    """A category name wrapped onto the next line (``社会效益`` / ``指标``, ``满意度指`` / ``标``, blank
    lines between or not) joined again, in the one-cell-per-line forms: only where the joined text is
    a category of the catalogue and the tail alone is none (``指标`` on its own is never an indicator).
    A notice's signature at the end (``某区财政局`` / ``2020年7月16日``) is dropped: never an indicator."""
    from jixiao import catalog

    held: Row | None = None
    gap: list[Row] = []  # empty lines after the held row
    for row in rows:
        if held is None and row.columns_known:  # a row with columns is never held nor joined
            yield row
            continue
        cells = row.cells  # every row of the one-cell forms comes here: its one cell stripped once
        single = len(cells) == 1
        stripped = cells[0].strip() if single else ""
        if held is not None:
            if single and not stripped and not row.blank and len(gap) < 4:
                gap.append(row)  # a blank line between the two parts
                continue
            tail = cells[0] if single and not row.columns_known else ""
            if tail and len(tail) <= 3 and tail[-1] in "标指" and not catalog.is_category_name(tail):
                joined = held.cells[0] + tail
                if catalog.is_category_name(joined):
                    yield replace(held, cells=(joined,))
                    held, gap = None, []
                    continue
            if tail and "年" in tail and held.cells[0].endswith(_ISSUERS) and _DATE_LINE.match(tail):
                held, gap = None, []  # 陈仓区财政局 / 2020年7月16日: the signature under a notice
                continue
            yield held
            if gap:  # most often none: no iterator made
                yield from gap
                gap = []
            held = None
        if single and not row.columns_known and 2 <= len(stripped) <= 20:
            held = row
            continue
        yield row
    if held is not None:
        yield held
        yield from gap


_DATE_LINE = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_ISSUERS = ("局", "厅", "委", "办", "院", "政府", "中心", "委员会", "办公室", "联合会", "部")
