"""Bracket lists → the ordinary layout: a stage before the grid reader.

Some publishers (安徽 市级 项目绩效目标和指标 pages) write a project's targets not as a grid but as
bracketed category headings over numbered lines::

    【产出指标-数量指标】
    指标1:运维路口数量(≥146个)
    指标2:运维电子警察点位(≥320套)

often inside a unit's list of projects (单位编码 / 单位名称(项目类别/支出项目) / 年度预算安排 / 项目内容 /
绩效目标), where each project is a code line, its name and its 年度预算安排, then 【项目概况】, 【总体目标】
and the bracket headings, and the unit's and 项目类别's subtotal rows (name and amount, no targets)
stand between the projects.

This stage rewrites such text as one ordinary table per project — a title with the list's year,
项目名称, 主管部门 (the unit at the head of the list), 预算金额, 年度目标, the indicator header, then one row
per ``指标N`` line with its 一级/二级 from the heading above it and its value as written inside the
brackets. Rows of other text pass through unchanged; a bracket heading outside a unit's list gives
the indicator rows only, under the project block the text already has.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from jixiao import catalog
from jixiao.readers.cells import Row, parse_amount_unit

# 【产出指标-数量指标】: the 一级 and 二级 of the numbered lines below it.
BRACKET_HEADING = re.compile(r"^【\s*([^】\-－—–]{2,12}?)\s*[-－—–]+\s*([^】]{2,16}?)\s*】$")
# 指标1:运维路口数量(≥146个): a name and its value in the closing brackets.
_NUMBERED = re.compile(r"^指标\s*\d{1,3}\s*[:：]\s*(.+?)\s*$")
_SECTION = re.compile(r"^【\s*([^】]{1,12}?)\s*】\s*[:：]?\s*(.*)$")  # 【总体目标】, 【项目概况】:…
_CODE = re.compile(r"^\d{3,12}$")  # 单位编码 037001
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_LIST_COLUMNS = ("年度预算安排", "单位编码")  # the header of a unit's list of projects
_HEADER_WORDS = ("单位编码", "单位名称", "支出项目", "年度预算安排", "项目内容", "绩效目标")
_GOAL_SECTIONS = ("总体目标", "年度目标", "绩效目标", "年度绩效目标")


def has_bracket_list(text: str) -> bool:
    """Whether a text writes targets as bracket headings over numbered lines (cheap, on the text)."""
    return "】" in text and any(BRACKET_HEADING.match(line.strip()) for line in text.splitlines())


def split_indicator_line(text: str) -> tuple[str, str] | None:
    """``指标1:运维路口数量(≥146个)`` → (name, value as written); ``指标1:名称`` → (name, ''); else None."""
    match = _NUMBERED.match(text)
    if match is None:
        return None
    body = match.group(1)
    if body.endswith((")", "）")):
        depth, k = 0, len(body) - 1
        while k >= 0:  # the brackets that close the line: the value (it may hold brackets of its own)
            depth += 1 if body[k] in ")）" else -1 if body[k] in "(（" else 0
            if depth == 0:
                break
            k -= 1
        if k > 0:
            return body[:k].strip(), body[k + 1 : -1].strip()
    return body.strip(), ""


def _category_pair(text: str) -> tuple[str, str] | None:
    match = BRACKET_HEADING.match(text)
    if match is None:
        return None
    level1, level2 = match.group(1), match.group(2)
    if not (catalog.is_category_name(level1) or level1.endswith("指标")):
        return None
    return level1, level2


def _line(row: Row) -> str:
    return " ".join(cell.strip() for cell in row.cells if cell.strip())


def _row(source: Row, cells: tuple[str, ...], aligned: bool = False) -> Row:
    """A row of the rewritten layout; the indicator header and rows are ``aligned`` (one cell per column,
    so a name such as 服务对象满意度 stays in the 三级 column)."""
    return replace(
        source, cells=cells, cell_sources=None, aligned=aligned, columns_known=aligned, blank=False
    )


class _ListState:
    """What the list has said so far: its year, its unit, the last lines (a project's code, name,
    amount come just before its first bracket)."""

    def __init__(self) -> None:
        self.in_list = False
        self.year: str | None = None
        self.department = ""
        self.recent: deque[tuple[Row, str]] = deque(maxlen=3)
        self.goal: list[str] | None = None  # collecting 【总体目标】's text
        self.headed = False  # the current project's indicator header is out
        self.level: tuple[str, str] | None = None  # the 一级/二级 of the last bracket heading


def split_bracket_lists(rows: Iterable[Row]) -> Iterator[Row]:
    """Rewrite bracket lists as the ordinary layout; pass other rows through."""
    state = _ListState()
    pending: list[Row] = []  # a project's block, held until its first bracket heading
    for row in rows:
        text = _line(row)
        if not text:
            if not state.in_list:
                yield row
            continue
        if not state.in_list and text in _LIST_COLUMNS:
            state.in_list = True
            continue
        if not state.in_list and state.year is None and (match := _YEAR.search(text)) and len(text) <= 60:
            state.year = match.group(1)  # the page's title: 某局2025年项目绩效目标和指标
        pair = _category_pair(text)
        numbered = split_indicator_line(text) if text.startswith("指标") else None
        section = _SECTION.match(text) if pair is None and text.startswith("【") else None
        if (section is not None or pair is not None) and state.in_list and not pending and state.recent:
            pending = _project_block(state)  # the project whose code, name and amount came just before
            state.headed = not pending and state.headed
        if pair is not None or (numbered is not None and state.level is not None):
            state.goal = None
            if pending:
                yield from pending
                pending = []
            if not state.headed:
                yield _row(row, ("一级指标", "二级指标", "三级指标", "指标值"), aligned=True)
                state.headed = True
            if pair is not None:
                state.level = pair
            elif numbered is not None and state.level is not None:
                yield _row(row, (*state.level, *numbered), aligned=True)
            continue
        if section is not None:
            state.goal = [] if section.group(1) in _GOAL_SECTIONS else None
            if state.goal is not None and section.group(2):
                state.goal.append(section.group(2))
            if state.goal is not None:
                pending.append(_row(row, ("年度目标", "")))
            continue
        if state.goal is not None and pending:
            last = pending[-1]
            pending[-1] = replace(last, cells=("年度目标", (last.cells[1] + text).strip()))
            continue
        if state.in_list:
            if any(word in text for word in _HEADER_WORDS):
                continue
            if not state.department and not _CODE.match(text) and parse_amount_unit(text) is None:
                state.department = text  # the unit's own total row heads the list
            state.recent.append((row, text))
            continue
        yield row
    yield from pending


def _project_block(state: _ListState) -> list[Row]:
    """The project block of the project whose code, name and amount are the last three lines."""
    lines = list(state.recent)
    state.recent.clear()
    if len(lines) < 2:
        return []
    amount_row, amount = lines[-1]
    name_row, name = lines[-2]
    if parse_amount_unit(amount) is None or _CODE.match(name):
        return []
    title = f"{state.year}年项目绩效目标表" if state.year else "项目绩效目标表"
    block = [_row(name_row, (title,)), _row(name_row, ("项目名称", name))]
    if state.department and state.department != name:
        block.append(_row(name_row, ("主管部门", state.department)))
    block.append(_row(amount_row, ("预算金额", amount)))
    return block


def bracket_grid_rows(rows: list[Row], above: Sequence[str] = ()) -> list[Row]:
    """The rows of a table (web page, Word) whose cells hold bracket lists over several lines
    (``【总体目标】<br>…<br>【产出指标-数量指标】<br>指标1:…``): one row per line of each cell, then
    rewritten as the ordinary layout; rows with no bracket heading in any cell are returned as they
    are. ``above``: the lines above the tables, where the list's title gives its year."""
    if not any(
        "】" in cell and any(BRACKET_HEADING.match(line.strip()) for line in cell.splitlines())
        for row in rows
        for cell in row.cells
    ):
        return rows
    titles = [text for text in above if len(text) <= 60 and _YEAR.search(text)][-1:]
    lines = [_row(rows[0], (text,)) for text in titles] if rows else []
    lines += [
        _row(row, (line.strip(),))
        for row in rows
        for cell in row.cells
        for line in cell.splitlines()
        if line.strip()
    ]
    return list(split_bracket_lists(lines))
