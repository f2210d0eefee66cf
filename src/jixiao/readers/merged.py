"""Tables with merged cells (HTML ``<table>``, Word ``<w:tbl>``) → rows of cells for the reader core.

The HTML and Word readers each parse their markup into `SpanTable`s: rows of `SpanCell`s with
their ``rowspan``/``colspan`` (a Word ``gridSpan``, and a ``vMerge`` continuation written as an
empty cell). This stage lays each table out on its grid and hands it to the core as the workbook
reader does: a merged cell's text stands in its top-left place only (an empty 一级 cell below
means "same as above"), except an indicator heading merged over several columns
(``年度指标值`` over 指标性质/指标值/度量单位), which is copied into each column it covers.

A page or a disclosure document holds other tables too (funds, budgets, layout frames): only the
target tables are read — a table with an indicator header, or a project block whose indicator
table follows it. The short title lines above a table (``2023年项目支出绩效目标表``, ``单位：万元``)
come along as rows of their own, so the core sees what a person sees above the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.readers.brackets import bracket_grid_rows
from jixiao.readers.cells import Row
from jixiao.readers.columns import Weights, attach_weights, fold_columns
from jixiao.readers.grid import read_rows
from jixiao.readers.labels import HEADER_ROLES, Label, label_key, label_of
from jixiao.readers.listform import split_list_form
from jixiao.readers.text import FILE_PROBLEM
from jixiao.readers.textforms import is_traditional, normalise_line

MAX_CELLS = 300_000  # grid places in one document: far above any real disclosure (a few thousand)
MAX_COLUMNS = 1_000  # HTML's own limit for colspan
MAX_ROWSPAN = 5_000
_MAX_BETWEEN = 4  # tables between a project block and its indicators (goals, schedule, funds sources)
# the title (…表), the year line (（2024年度）), the money unit (单位：万元)
# …目标表, …目标表（2025年度） (the year in brackets after the title), (2024年度), 单位:万元
_TITLE_HINT = re.compile(
    r"表\s*(?:[（(]\s*\d{4}\s*年度?\s*[)）])?\s*$|^[（(]\s*\d{4}\s*年度?\s*[)）]$|单位\s*[:：(（]"
)
_YEAR_LINE = re.compile(r"^[（(]?\s*\d{4}\s*年度?\s*[)）]?$")  # (2020年度) with a bracket lost
_SECTION = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[、.．])")  # 三、…
_TREE_KEYS = frozenset(
    ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实施周期指标值", "指标值")
)


class TooLarge(Exception):
    """A document whose tables exceed the limits: refused, with a message for people."""


@dataclass(slots=True)
class SpanCell:
    """One cell of a markup table with its text and how many rows and columns it spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(slots=True)
class SpanTable:
    """One table as its markup has it, with the text lines that stood just above it."""

    rows: list[list[SpanCell]] = field(default_factory=list)
    above: list[str] = field(default_factory=list)


def layout(table: SpanTable, budget: list[int]) -> list[list[str]]:
    """The table on its grid: each cell's text at its top-left place, the places it covers empty.

    ``budget`` holds the grid places still allowed for the document; `TooLarge` when spent.
    """
    grid: list[list[str]] = []
    covered: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(table.rows):
        while len(grid) <= r:
            grid.append([])
        col = 0
        for cell in row:
            while covered.get((r, col)):
                col += 1
            colspan = max(1, min(cell.colspan, MAX_COLUMNS))
            rowspan = max(1, min(cell.rowspan, MAX_ROWSPAN, len(table.rows) - r))
            if col + colspan > MAX_COLUMNS:
                raise TooLarge(f"表格超过 {MAX_COLUMNS} 列")
            budget[0] -= colspan * rowspan
            if budget[0] < 0:
                raise TooLarge(f"表格单元格超过 {MAX_CELLS} 个")
            spread = label_key(cell.text) in HEADER_ROLES
            for dr in range(rowspan):
                for dc in range(colspan):
                    if dr or dc:
                        covered[(r + dr, col + dc)] = True
            line = grid[r]
            while len(line) < col + colspan:
                line.append("")
            line[col] = cell.text
            if spread:
                for dc in range(1, colspan):
                    line[col + dc] = cell.text
            col += colspan
    return grid


def is_target(grid: Sequence[Sequence[str]]) -> tuple[bool, bool]:
    """(has an indicator header, has a 项目名称 label): what makes a table part of a target table."""
    header = name = False
    for line in grid:
        for text in line:
            if not text or len(text) > 30:
                continue
            key = label_key(text)
            if key in _TREE_KEYS or label_of(text) in (Label.INDICATORS, Label.HEADER):
                header = True
            elif label_of(text) in (Label.NAME, Label.TITLE):
                name = True
    return header, name


def choose(grids: Sequence[Sequence[Sequence[str]]]) -> list[tuple[int, bool]]:
    """The tables that make up target tables, in order: (index, whether it opens a target table).

    A table with 项目名称 opens a target table; the tables after it belong to it up to and including
    its indicator tables (a form printed over several pages is often several tables: the project
    block, the goals, then the indicators, a title repeated above each). A table with neither
    label nor indicator header after the indicators ends it and is skipped (a funds or budget
    table), as is a 项目名称 table never followed by indicators. An indicator table with no open
    target table is kept (a continuation page, or a table whose missing name the core reports).
    A table title (``项目支出绩效目标表``) counts as 项目名称, any indicator heading as a header. The
    title lines above a table that goes on with an open target table are a repeated page header.
    """
    chosen: list[tuple[int, bool]] = []
    pending: list[tuple[int, bool]] = []  # tables of the open target table before its indicators
    open_table = has_indicators = False
    for i, grid in enumerate(grids):
        header, name = is_target(grid)
        if name:
            pending, open_table, has_indicators = [(i, True)], True, header
            if header:
                chosen += pending
                pending = []
        elif header:
            chosen += [*pending, (i, not open_table)]
            pending, open_table, has_indicators = [], True, True
        elif open_table and not has_indicators and len(pending) < _MAX_BETWEEN:
            pending.append((i, False))
        else:
            pending, open_table = [], False
    return chosen


_SIGNATURES = ("填报人", "填表人", "联系电话", "联系人", "项目负责人")


def title_lines(lines: Sequence[str]) -> list[str]:
    """The short lines just above a table that name it (its title, year or money unit)."""
    kept: list[str] = []
    for line in reversed(lines[-8:]):
        text = " ".join(line.split())
        if not text or text.startswith(_SIGNATURES):  # an empty paragraph (&nbsp;), 填报人: 填报日期:
            continue
        if (
            not kept
            and (section := _SECTION.match(text))
            and label_of(text[section.end() :]) is Label.SECTION
        ):
            continue  # 一、项目基本情况 between the title and the table: the part's heading, not a title
        if len(text) > 60 or text.endswith(("。", "：", ":")) or len(kept) == 4 or _SECTION.match(text):
            break
        if (  # a subtitle (项目名称 in brackets) between the title and the table: kept only under a title
            not kept
            and not _TITLE_HINT.search(text)
            and not _YEAR_LINE.search(text)
            and not any(_TITLE_HINT.search(" ".join(o.split())) for o in lines[-4:])
        ):
            break
        kept.append(text)
    return kept[::-1]


def grid_rows(
    grid: Sequence[Sequence[str]], above: Sequence[str], number: int, file: str | None
) -> Iterator[Row]:
    """One table's rows of cells, each cell placed as ``表2!C5`` (the table's number, its column and row)."""
    sheet = f"表{number}"
    for text in title_lines(above):
        yield Row((text,), SourceRef(file, 1, sheet=sheet, cell="标题"))  # above the first row
    for r, line in enumerate(grid, start=1):
        if not any(line):
            continue
        if r < len(grid) and (joined := _two_row_header(line, grid[r])) is not None:
            line = joined  # the lower header row is then skipped as empty-headed below
        elif r > 1 and _two_row_header(grid[r - 2], line) is not None:
            continue
        sources = tuple(
            SourceRef(file, r, sheet=sheet, cell=f"{get_column_letter(c + 1)}{r}") for c in range(len(line))
        )
        yield Row(tuple(line), SourceRef(file, r, sheet=sheet, cell=f"A{r}"), sources)


def _two_row_header(upper: Sequence[str], lower: Sequence[str]) -> list[str] | None:
    """A header over two rows, the project columns spanning both and 绩效指标 spanning the tree headers
    below it (``单位代码 | 单位(专项)名称 | … | 绩效指标`` over ``一级指标 | 二级指标 | 三级指标 | 指标值``),
    as one row: each column headed by the lower text where there is one, else the upper."""
    if len(upper) != len(lower) or "三级指标" not in lower or "一级指标" not in lower:
        return None
    first_tree = list(lower).index("一级指标")
    if first_tree == 0 or any(lower[:first_tree]) or not all(upper[:first_tree]):
        return None
    if label_key(upper[first_tree]) != "绩效指标":
        return None
    return [low or up for up, low in zip(upper, lower, strict=True)]


def read_span_tables(
    tables: Sequence[SpanTable], file: str | None, what: str
) -> tuple[list[Table], list[Diagnostic]]:
    """Read the target tables among ``tables``; ``what`` names the document in messages (网页, Word 文档)."""
    name = file or f"<{what}>"
    budget = [MAX_CELLS]
    try:
        grids = [layout(table, budget) for table in tables]
    except TooLarge as exc:
        message = f"{what}过大，拒绝读取：{exc}（请只导出绩效目标表）"
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))]
    if not grids:
        message = f"{what}中没有找到项目绩效目标表（没有表格）"
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))]
    # No table looks like a target table by the labels known here (a 專項名稱 in Traditional
    # characters, a header in words of its own): the core, which may know more, gets them all.
    sample = "".join(text for grid in grids[:20] for line in grid[:40] for text in line)
    if is_traditional(sample):  # a mirror site's 績效目標(biāo): simplified, the pinyin dropped
        grids = [[[normalise_line(text, True) for text in line] for line in grid] for grid in grids]
        tables = [SpanTable(t.rows, [normalise_line(line, True) for line in t.above]) for t in tables]
    chosen = choose(grids) or [(i, True) for i in range(len(grids))]
    rows: list[Row] = []
    for i, opens in chosen:
        rows.extend(grid_rows(grids[i], tables[i].above if opens else (), i + 1, file))
    above = [line for i, _ in chosen for line in tables[i].above]
    rows = bracket_grid_rows(
        rows, above
    )  # 【产出指标-数量指标】 / 指标1:名称(值) lines inside a list's cells
    weights = Weights()
    diagnostics: list[Diagnostic] = []
    found_tables, found = read_rows(fold_columns(split_list_form(rows), weights, diagnostics), file)
    diagnostics.extend(found)
    found_tables = attach_weights(found_tables, weights)
    if not found_tables and not any(d.severity is Severity.ERROR for d in diagnostics):
        message = (
            f"{what}中没有找到项目绩效目标表（共 {len(grids)} 个表格，都没有可读取的“项目名称”和绩效指标）"
        )
        diagnostics.append(Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name)))
    return found_tables, diagnostics
