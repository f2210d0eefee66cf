"""Rows and cells as every reader hands them over, and what the reader core does cell by cell:
cutting a run of rows into tables, cleaning goal texts, reading amounts, joining wrapped labels.
"""

from __future__ import annotations

import html
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from jixiao import catalog
from jixiao.model import SourceRef
from jixiao.readers.chinese_years import arabic_years
from jixiao.readers.labels import (
    FULL_WIDTH_DIGITS,
    Label,
    is_whole_department_title,
    label_of,
    title_subject,
    unit_in,
)
from jixiao.readers.repeatedheaders import without_repeated_headers
from jixiao.readers.unreadpairs import UNREAD_FIRST, unread_pairs_end


@dataclass(slots=True)  # not frozen: a frozen init costs a setattr call per field, on every row read
class Row:
    """One row of cells as the source has it; ``cell_sources`` gives per-cell places (Sheet1!D17).

    Stages never change a row: they hand on a new one (`dataclasses.replace`)."""

    cells: tuple[str, ...]
    source: SourceRef
    cell_sources: tuple[SourceRef, ...] | None = None
    columns_known: bool = True
    blank: bool = False  # in a one-cell-per-line form: this line stands for an empty cell
    aligned: bool = True  # False: the cells are in order but not under their header's columns
    context: bool = False  # a line just before a table (set by `segments`): read for hints only
    # on a table's first row (set by `segments`): amounts the text above it writes in 万元 (``12万元``)
    money_above: tuple[Decimal, ...] = ()


class Cell(NamedTuple):  # a tuple: the reader makes hundreds of thousands of them
    """One cell's text, where it came from, and its column (None where columns are unknown)."""

    text: str
    source: SourceRef
    col: int | None


PROSE_START = ("注：", "注:", "说明：", "说明:", "备注：", "备注:", "附注", "填表说明", "填报说明")
# Lines that close a table: signatures, review boxes, contacts (``填表人: 周某 联系电话: …``).
FOOTER_START = (
    "填表人", "填报人", "联系电话", "联系人", "填报日期", "填表日期", "单位负责人", "财务负责人",
    "财政部门审核意见", "主管部门审核意见", "审核意见", "(盖章)", "（盖章）", "单位(盖章)", "单位（盖章）",
    "扫一扫", "附件", "总分", "合计", "其他说明的问题", "其他需要说明的问题", "其他说明事项",
    "保障绩效目标实现措施", "绩效目标实现保障措施",  # 鄂州 市直: the measures' row under the indicators
)  # fmt: skip


# asked of each row's first and last cell and of each value cell: the texts a document repeats
@lru_cache(maxsize=8192)
def is_footer(text: str) -> bool:
    """A cell that closes the table: a signature, a contact, a review box (财政部门初审意见 / (盖章))."""
    if text[:1] in _FOOTER_FIRST and text.startswith(FOOTER_START):
        return True
    if "主办" in text and ("承办" in text or "版权" in text):  # a site footer: 某某人民政府主办 …承办
        return True
    if len(text) <= 40 and _ISSUED.search(text):  # 某某局办公室 2025年12月16日印发: a document's imprint
        return True
    return "盖章" in text or ("意见" in text and len(text) <= 20 and text.endswith(_REVIEW_BOX))


# An organisation named on its own: ``207101天津市河北区人民法院``, ``州民族特殊教育学校``.
ORGANISATION = re.compile(
    r"^[\d\-_\[\]【】()（）]{0,12}[\u4e00-\u9fff()（）]{2,30}"
    r"(?:局|院|委|会|中心|办|厅|部|站|所|校|馆|队|镇|乡|街道|政府|办事处|公司|处|室|社)$"
)
_FULL_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def is_signature(text: str, following: str) -> bool:
    """An organisation's name over a date (陈仓区财政局 / 2020年7月16日): a notice's signature."""
    return bool(_FULL_DATE.match(following.strip())) and ORGANISATION.match(text) is not None


_ISSUED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")


# 审核意见 boxes, and 十、项目单位意见 | 主管部门意见 of a 评审申报表
_REVIEW_BOX = ("审核意见", "初审意见", "审批意见", "意见:", "意见：", "单位意见", "部门意见")


_FOOTER_FIRST = frozenset(word[0] for word in FOOTER_START)
PAGE_MARK = re.compile(
    r"^(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|-?\s*\d{1,4}\s*-?|\d+\s*/\s*\d+|[—－-]+\s*\d{1,4}\s*[—－-]+)$"
)  # 第1页, - 3 -, 2/5, — 1 — (a Word document's page number)
NEXT_TABLE = re.compile(  # 表十二, 附表1: the next table; 第三部分, 三、名词解释: the document goes on
    r"^附?表\s*[一二三四五六七八九十\d]{1,4}\s*[:：]?$|^第[一二三四五六七八九十]{1,3}部分"
    r"|^[一二三四五六七八九十]{1,3}、(?!.*(?:指标|产出|效益|满意|成本|数量|质量|时效))"  # not 一、产出
)
PLACEHOLDER_ROW = re.compile(r"^[…．.·。]{2,}$|^…$")  # a template's '……' row: no indicator
_TAG = re.compile(r"<[^>]{0,200}>")
_BLOCK_END = re.compile(r"</p\s*>|<br\s*/?>|</div\s*>|</li\s*>", re.IGNORECASE)
_AMOUNT = re.compile(r"^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")


_CONTEXT_ROWS = 6


def _split_unread_pairs(rows: Iterable[Row]) -> Iterator[Row]:
    """Each head row opening with pairs the reader does not read (`readers.unreadpairs`), as two rows."""
    for row in rows:
        cells = row.cells  # `unread_pairs_end`'s first tests (four cells, the first opening an unread label)
        at = unread_pairs_end(cells) if len(cells) >= 4 and cells[0].strip()[:1] in UNREAD_FIRST else None
        if at is None:
            yield row
            continue
        sources = row.cell_sources
        yield replace(row, cells=row.cells[:at], cell_sources=sources[:at] if sources else None)
        yield replace(row, cells=row.cells[at:], cell_sources=sources[at:] if sources else None)


def segments(rows: Iterable[Row]) -> Iterator[list[Row]]:
    """Cut the rows into one run per table: a run starts at a title, or at a second 项目名称.

    The few lines before a run's start come with it marked ``context`` (a title wrapped over lines,
    ``(2021年度)``, ``单位：万元``): the reader takes hints from them, never fields."""
    current: list[Row] = []
    recent: deque[Row] = deque(maxlen=_CONTEXT_ROWS)  # rows outside any table, newest last
    hint: Row | None = None  # the last line outside a table naming a year (a notice's title)
    titled = False  # the run began at a heading that names its project
    has_name = False
    whole_department = False  # the run began at a 部门整体支出绩效目标表's title
    skipping = False  # inside a 自评表 or 监控表: read by another command
    money = _MoneyAbove()  # amounts in 万元 written in the text outside tables
    for row in _split_unread_pairs(rows):  # 一级项目名称 | … | 二级项目名称 | …: the name further along
        label = first_label(row.cells)
        if label is None and has_name and not skipping:
            # most rows, inside a named table: nothing below starts or names a run with no label (nor
            # a 部门名称, looked for only before the name), and the row is kept: tested once, here
            current.append(row)
            continue
        if label is Label.OTHER_FORM:
            if has_name:
                yield current
            current, has_name, skipping = [], False, True
            recent.clear()
            continue
        if skipping and label is not Label.TITLE:
            continue
        skipping = False
        starts = label is Label.TITLE or (label is Label.NAME and has_name and not titled)
        if starts:
            whole_department = label is Label.TITLE and is_whole_department_title(row.cells[0])
        if starts and current and label is Label.TITLE and _repeats_title(current, row):
            hint = _all_outside(current, recent, hint)  # a page's title over the table's own: the lines
            current, has_name, titled = [], False, False  # between are context
        if starts and current:
            lead: list[Row] = []
            if has_name and label is Label.NAME:  # 单位:万元 just above the next 项目名称 is that table's
                while current and len(lead) < 2 and _heads_next(current[-1]):
                    lead.insert(0, replace(current.pop(), context=True))
            if has_name:
                yield _with_money(current, money.amounts)
            else:  # a title never followed by a name (a list of attachments): lines above the next table
                hint = _all_outside(current, recent, hint, money)  # an allocation table's 合计 in 万元
            current, has_name, titled = [], False, False
            if lead:
                recent.clear()
                recent.extend(lead)
        if label in (Label.TITLE, Label.NAME) and not current and (recent or hint is not None):
            if hint is not None and hint not in recent:
                recent.appendleft(hint)
            current = [replace(r, context=True) for r in recent]
            recent.clear()  # the hint stays: the notice above stands over every table after it
        elif not current and not has_name and label not in (Label.TITLE, Label.NAME):
            hint = _outside(row, recent, hint)
            money.see(row.cells)
            continue
        if (label is not None or (whole_department and not has_name)) and (
            named := _names_run(label, row.cells, whole_department and not has_name)
        ) is not None:
            has_name, titled = True, named
        if has_name or label in (Label.TITLE, Label.NAME) or (current and len(current) < 40):
            current.append(row)  # rows between a title and the name hold the year, 单位:万元
    if current and has_name:
        yield _with_money(current, money.amounts)


_WAN_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*万元")


def _money_in(cells: tuple[str, ...]) -> list[Decimal]:
    """The amounts a line of text writes in 万元 (``预算安排12万元``)."""
    return [Decimal(m) for cell in cells if "万元" in cell for m in _WAN_AMOUNT.findall(cell)]


class _MoneyAbove:
    """Amounts in 万元 written outside tables: in a sentence (``预算安排12万元``), or as the 合计 of a
    table headed ``单位:万元`` (a notice's allocation table above its target table)."""

    def __init__(self) -> None:
        self.amounts: deque[Decimal] = deque(maxlen=12)
        self.in_wan = False  # below a 单位:万元 heading
        self.after_total = False  # a 合计 cell seen: the next amount is the allocation's total

    def see(self, cells: tuple[str, ...]) -> None:
        self.amounts.extend(_money_in(cells))
        for text in (c.strip() for c in cells):
            if not text:
                continue
            if len(text) <= 12 and "单位" in text and unit_in(text) == "万元":
                self.in_wan = True
            elif self.in_wan and text in ("合计", "总计"):
                self.after_total = True
            elif self.after_total:
                parsed = parse_amount_unit(text)
                if parsed is not None and parsed[1] is None:
                    self.amounts.append(parsed[0])
                self.after_total = False


def _with_money(rows: list[Row], money: deque[Decimal]) -> list[Row]:
    rows = without_repeated_headers(rows)  # a header row repeated over a page of the same table
    if money and rows:
        rows[0] = replace(rows[0], money_above=tuple(money))
    return rows


def _heads_next(row: Row) -> bool:
    """A line that heads the table below it: the amounts' unit (``207101某法院 | 单位:万元``)."""
    return any(("单位" in cell and unit_in(cell) is not None) for cell in row.cells)


# A year in a line above the table that names the money, the plan or the disclosure (…绩效目标情况):
# ``关于下达2024年…资金的通知``, ``2024年…资金分配表``, a document number ``清财(农)指〔2024〕21号`` —
# never a date (``2024年9月3日``).
_DOCUMENT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)|[〔\[]((?:19|20)\d{2})[〕\]]")
_DOCUMENT_WORDS = ("预算", "资金", "财", "情况")  # a notice about money: 下达…资金, 预算, 财(农)指


def document_year(text: str) -> int | None:
    """The budget year a line of the document around a table names (its title, a notice), or None."""
    if len(text) > 80 or ("年" not in text and "〔" not in text and "[" not in text):
        return None
    if text.rstrip().endswith(("。", "；")) or not any(word in text for word in _DOCUMENT_WORDS):
        return None
    match = _DOCUMENT_YEAR.search(arabic_years(text))  # 二〇二三年 as 2023年
    return int(next(g for g in match.groups() if g)) if match is not None else None


def _outside(row: Row, recent: deque[Row], hint: Row | None) -> Row | None:
    """Keep a row outside any table among the recent ones; return the year hint, this row if it is one."""
    row = replace(row, context=False) if row.context else row
    recent.append(row)
    if len(row.cells) == 1 and document_year(row.cells[0]) is not None:
        return row
    return hint


def _all_outside(
    rows: list[Row], recent: deque[Row], hint: Row | None, money: _MoneyAbove | None = None
) -> Row | None:
    """`_outside` for each of the rows, in order (with the amounts they write, where ``money`` is given)."""
    for row in rows:
        hint = _outside(row, recent, hint)
        if money is not None:
            money.see(row.cells)
    return hint


def _repeats_title(current: list[Row], row: Row) -> bool:
    """A title written again before any indicator header: the page's heading, then the table's."""
    title = "".join(row.cells).strip()
    first = next((r for r in current if not r.context), None)
    if first is None or "".join(first.cells).strip() != title:
        return False
    return not any(first_label(r.cells) in (Label.HEADER, Label.INDICATORS) for r in current)


def _names_run(label: Label | None, cells: tuple[str, ...], whole_department: bool) -> bool | None:
    """Whether a row names the run's subject: None if not, else whether a heading does (``titled``)."""
    if label is Label.NAME:
        return False
    if label is None and not whole_department:
        return None  # most rows: no label, and no 部门名称 to look for further along
    if label is Label.TITLE:
        filled = [cell for cell in cells if cell.strip()]  # a title merged over the sheet's columns
        if title_subject(filled[0] if len(filled) == 1 else "") is not None:
            return True  # the heading names the project; a 项目名称 after it is the same one
    if whole_department and _names_department(label, cells):
        return False  # 部门名称 of a 部门整体 table: the name it is read by
    if label is not None and label is not Label.TITLE and _names_further_along(cells):
        return False  # 单位信息: | 某局 | 项目名称: | 某项目 — label/value pairs two to a row
    return None


def _names_further_along(cells: tuple[str, ...]) -> bool:
    """A row of head labels holding a 项目名称 label after its first pair."""
    further = cells[1:12]
    if "名称" not in "\0".join(further):  # one search in C first: most head rows name nothing
        return False
    return any("名称" in cell and label_of(cell.strip()) is Label.NAME for cell in further)


def _names_department(label: Label | None, cells: tuple[str, ...]) -> bool:
    """A row that names a department: ``部门名称 | 某局`` or ``预算部门:某局`` in one cell, or
    ``部门编码: | 316 | 部门名称: | 某局`` (the label further along the row, its value after it)."""
    if label is Label.DEPARTMENT:
        return True
    filled = [cell.strip() for cell in cells if cell.strip()]
    if any(label_of(cell) is Label.DEPARTMENT for cell in filled[1:-1]):
        return True
    first = next((cell.strip() for cell in cells if cell.strip()), "")
    head = re.split(r"[:：]", first, maxsplit=1)[0]
    return head != first and label_of(head) is Label.DEPARTMENT


def first_label(cells: tuple[str, ...]) -> Label | None:
    """The label of a row's first non-empty cell (cheap: most rows start with one).

    A row passes through five stages that each ask (rowspans, namecells, outline, columns, segments),
    one after the other: the answer for the last cells asked is kept, found again by identity (the
    tuple is held, so its identity is not reused; one global tuple, read and written whole)."""
    global _LAST_LABEL
    last = _LAST_LABEL
    if last[0] is cells:
        return last[1]
    found: Label | None = None
    for cell in cells:
        if cell:
            stripped = cell.strip()
            if stripped:
                label = label_of(stripped)
                if label is not Label.SECTION:  # 项目基本情况 | 项目名称 | …: the side cell says nothing
                    found = label
                    break
    _LAST_LABEL = (cells, found)
    return found


_LAST_LABEL: tuple[tuple[str, ...], Label | None] = ((), None)


def clean_goal_text(text: str) -> str:
    """Goal texts come with HTML and odd spacing: tags removed, paragraphs joined by a space."""
    if "<" in text:
        text = _BLOCK_END.sub(" ", text)
        text = _TAG.sub("", text)
    text = html.unescape(text)
    return " ".join(text.split())


def parse_amount(text: str) -> Decimal | None:
    """``2,480,691.00`` → Decimal('2480691.00'); anything else → None."""
    s = text.strip().replace("，", ",").replace(" ", "").replace("¥", "").replace("￥", "")
    if not _AMOUNT.match(s):
        return None
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


_AMOUNT_UNIT = re.compile(r"^[¥￥]?\s*(-?\d[\d,，]*(?:\.\d+)?)\s*(万元|万|元)?")


def parse_amount_unit(text: str) -> tuple[Decimal, str | None] | None:
    """An amount and the unit written with it: ``250万`` → (250, 万元); ``620万(其中…)`` → (620, 万元);
    ``2,480,691.00`` → (2480691.00, None). Text that does not start with a number → None."""
    s = text.strip().replace(" ", "").translate(FULL_WIDTH_DIGITS)
    match = _AMOUNT_UNIT.match(s)
    if match is None:
        return None
    rest = s[match.end() :]
    if (
        rest
        and not rest.startswith(("(", "（", "\n"))
        and not match.group(2)
        and any(c.isdigit() for c in rest)
    ):
        return None
    digits = match.group(1).replace(",", "").replace("，", "")
    try:
        amount = Decimal(digits)
    except InvalidOperation:
        return None
    unit = match.group(2)
    return amount, ("万元" if unit in ("万", "万元") else unit)


def looks_like_prose(text: str) -> bool:
    """A sentence rather than a cell of the table: long, or ending like a sentence."""
    return len(text) > 60 or (len(text) > 12 and text.endswith(("。", "！", "；")))


def in_category_run(cells: list[Cell], start: int, j: int) -> bool:
    """Whether ``cells[j]`` goes on a stream's run of category cells begun at ``start``: a category name,
    an umbrella or an empty cell — but not a 二级 named again in other words right after itself and
    followed by a value (``服务对象满意度指标 | 服务对象满意度 | ≥90%``: the indicator, named as its 二级)."""
    text = cells[j].text
    if not text:
        return True
    if not (catalog.is_category_name(text) or catalog.is_umbrella(text)):
        return False
    before = cells[j - 1].text if j > start else ""
    renamed = (
        before
        and text != before
        and not catalog.is_level1_name(before)
        and catalog.canonical(text) == catalog.canonical(before)
        and j + 1 < len(cells)
        and not catalog.is_category_name(cells[j + 1].text)
    )
    return not renamed


def category_rows(run: list[Cell]) -> Iterator[list[Cell]]:
    """Split a run of category names from a stream into the rows they stood in: a 一级 with the
    二级 after it, or a 二级 alone (a placeholder such as 社会成本指标 is a row of its own)."""
    i = 0
    while i < len(run):
        opens = catalog.is_level1_name(run[i].text) and catalog.parent_in_any(run[i].text) is None
        repeated = i + 1 < len(run) and catalog.canonical(run[i + 1].text) == catalog.canonical(run[i].text)
        if (
            opens
            and i + 1 < len(run)
            and (repeated or not catalog.is_level1_name(run[i + 1].text) or _old_level2_of(run, i))
        ):
            yield run[i : i + 2]
            i += 2
        else:
            yield run[i : i + 1]
            i += 1


def _old_level2_of(run: list[Cell], i: int) -> bool:
    """产出指标 | 成本指标 where 成本指标 is the old framework's 二级 of the 产出 before it, not the 2021
    一级: no 2021 二级 of its own (经济成本指标…) follows it."""
    level2 = run[i + 1].text
    if catalog.parent_in_any(level2) != catalog.canonical(run[i].text):
        return False
    return i + 2 >= len(run) or catalog.parent_in_any(run[i + 2].text) != catalog.canonical(level2)
