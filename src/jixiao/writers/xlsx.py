"""Write tables to an xlsx workbook in the official 项目绩效目标表 layout (openpyxl).

One sheet per table by default, or all tables on one sheet (a page break before each) with
``one_sheet=True``; a last sheet ``指标清单`` lists every indicator flat, one per row, for
analysts. The layout follows the published tables (see the seed corpus): title, the project block
(项目名称 … 2025年预算金额(元) with the amount as a number formatted ``2,480,691.00``), the goals
(实施周期总目标, 年度目标), then the tree 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 实施周期指标值 |
年度指标值 with merged 一级/二级 cells, borders, wrapped text, A4 landscape and the tree header
repeated on every printed page.
"""

from __future__ import annotations

import math
import unicodedata
import weakref
from collections.abc import Iterable, Sequence
from copy import copy
from decimal import Decimal
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.formats import layout
from jixiao.model import Table, Target
from jixiao.writers.cell_text import put_text

FLAT_SHEET = "指标清单"
FLAT_TITLE = layout.FLAT_TITLE
MONEY_FORMAT = "#,##0.00"

# Column widths in Excel character units; 三级 and the values need the room.
_WIDTHS = (19.0, 12.0, 17.0, 30.0, 24.0, 24.0, 8.0)
_LINE_HEIGHT = 15.0  # points per wrapped line at 11 pt, CJK glyphs included

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_WRAP_LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")
_CENTRED = Alignment(wrap_text=True, vertical="center", horizontal="center")
_BOLD = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=16)

_FLAT_HEADER = (
    "序号",
    "项目名称",
    "主管部门",
    "用款单位",
    "年度",
    "一级指标",
    "二级指标",
    "三级指标",
    "实施周期指标值",
    "实施周期类型",
    "实施周期比较",
    "实施周期数值",
    "实施周期单位",
    "年度指标值",
    "年度类型",
    "年度比较",
    "年度数值",
    "年度单位",
    "权重",
    "来源",
)


def write_xlsx(
    tables: Sequence[Table],
    destination: str | Path | IO[bytes],
    *,
    one_sheet: bool = False,
    flat_sheet: bool = True,
) -> None:
    """Write ``tables`` to ``destination`` (a path or a binary file object)."""
    workbook = build_workbook(tables, one_sheet=one_sheet, flat_sheet=flat_sheet)
    workbook.save(destination)


def build_workbook(tables: Sequence[Table], *, one_sheet: bool = False, flat_sheet: bool = True) -> Workbook:
    """The workbook in memory: layout sheets, then (unless ``flat_sheet=False``) the flat 指标清单."""
    workbook = Workbook()
    default = workbook.active
    weighted = layout.has_weights(tables)
    columns = 7 if weighted else 6
    if one_sheet:
        sheet = workbook.create_sheet("绩效目标表")
        row = 1
        header_rows: list[int] = []
        for n, table in enumerate(tables):
            if n:
                sheet.row_breaks.append(Break(id=row - 1))
            start = row
            row, header_row, groups = _write_table(sheet, table, row, columns)
            _keep_groups_on_a_page(sheet, start, groups, header_row)
            header_rows.append(header_row)
            row += 1  # one empty row between tables, as in the published files
        _set_up_sheet(sheet, columns, header_rows[0] if header_rows else None)
    else:
        used: set[str] = set()
        for n, table in enumerate(tables, start=1):
            sheet = workbook.create_sheet(_sheet_name(n, table.project.name, used))
            _, header_row, groups = _write_table(sheet, table, 1, columns)
            _keep_groups_on_a_page(sheet, 1, groups, header_row)
            _set_up_sheet(sheet, columns, header_row)
    if flat_sheet:
        _write_flat_sheet(workbook.create_sheet(FLAT_SHEET), tables)
    if default is not None and len(workbook.worksheets) > 1:  # a workbook needs one sheet at least
        workbook.remove(default)
    return workbook


def _sheet_name(number: int, project_name: str, used: set[str]) -> str:
    """``1 购买社工岗位服务经费``: Excel allows 31 characters and forbids []:*?/\\ in names."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in project_name).strip()
    name = f"{number} {cleaned}"[:31].strip() or str(number)
    while name in used:
        name = f"{name[:28]}~{number}"
    used.add(name)
    return name


def _set_up_sheet(sheet: Worksheet, columns: int, header_row: int | None) -> None:
    for index in range(columns):
        sheet.column_dimensions[get_column_letter(index + 1)].width = _WIDTHS[index]
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    if header_row is not None:
        sheet.print_title_rows = f"{header_row}:{header_row}"


def _write_table(
    sheet: Worksheet, table: Table, row: int, columns: int
) -> tuple[int, int, list[tuple[int, int]]]:
    """Write one table from ``row`` on.

    Return the next free row, the tree header's row and the (first, last) rows of each 一级
    group, which pagination keeps together.
    """
    project = table.project

    put_text(sheet.cell(row=row, column=1), layout.TITLE).font = _TITLE_FONT
    sheet.cell(row=row, column=1).alignment = _CENTRED
    _merge(sheet, row, 1, row, columns)
    sheet.row_dimensions[row].height = 30
    row += 1

    for label, value in layout.project_fields(project):
        _label_value_row(sheet, row, columns, label, value)
        row += 1

    _boxed(sheet, row, 1, "实施周期", bold=True)
    _boxed(sheet, row, 2, "起始年度", centred=True)
    _boxed(sheet, row, 3, project.period_start, centred=True)
    _boxed(sheet, row, 4, "到期年度", centred=True)
    _boxed(sheet, row, 5, project.period_end, centred=True)
    for column in range(6, columns + 1):
        _boxed(sheet, row, column, None)
    if columns > 5:
        _merge(sheet, row, 5, row, columns)
    _fit_height(sheet, row, [("", 1.0)])
    row += 1

    amount = layout.budget_amount(project)
    _label_value_row(sheet, row, columns, layout.budget_label(project), amount)
    row += 1

    goals_start = row
    for label, text in (
        (layout.PERIOD_GOAL_LABEL, table.goals.period),
        (layout.annual_goal_label(project), table.goals.annual),
    ):
        _label_value_row(sheet, row, columns, "", label)
        _label_value_row(sheet, row + 1, columns, "", text)
        row += 2
    put_text(sheet.cell(row=goals_start, column=1), layout.GOALS_LABEL)
    _merge(sheet, goals_start, 1, row - 1, 1)

    header_row = row
    headers: list[str] = list(layout.TREE_HEADER)
    if columns == 7:
        headers.append(layout.WEIGHT_HEADER)
    for column, text in enumerate(headers, start=1):
        _boxed(sheet, row, column, text, bold=True, centred=True)
    _fit_height(sheet, row, [("", 1.0)])
    row += 1

    tree = layout.tree_rows(table)
    groups: list[tuple[int, int]] = []
    for entry in tree:
        if entry.level1_span:
            groups.append((row, row + entry.level1_span - 1))
        _boxed(sheet, row, 1, None)
        _boxed(sheet, row, 2, entry.level1 if entry.level1_span else None, centred=True)
        _boxed(sheet, row, 3, entry.level2 if entry.level2_span else None, centred=True)
        _boxed(sheet, row, 4, entry.name or None)
        _boxed(sheet, row, 5, entry.period or None)
        _boxed(sheet, row, 6, entry.annual or None)
        if columns == 7:
            _boxed(sheet, row, 7, entry.weight, centred=True)
        for column, span in ((2, entry.level1_span), (3, entry.level2_span)):
            if span > 1:
                last_row = row + span - 1
                _merge(sheet, row, column, last_row, column)
        _fit_height(
            sheet,
            row,
            [(entry.name, _WIDTHS[3]), (entry.period, _WIDTHS[4]), (entry.annual, _WIDTHS[5])],
        )
        row += 1
    if tree:
        # The 绩效指标 column is one merged cell down the tree, as in the official form; the
        # header cell stays apart so the header row can repeat on every printed page.
        _merge(sheet, header_row + 1, 1, row - 1, 1)
    return row, header_row, groups


# Printable height of an A4 landscape page in points: 595 less openpyxl's default margins
# (1 inch top and bottom), with some room kept for rounding in the spreadsheet programs.
_PAGE_HEIGHT = 595.0 - 144.0 - 12.0


def _keep_groups_on_a_page(
    sheet: Worksheet, first_row: int, groups: list[tuple[int, int]], header_row: int
) -> None:
    """Put a page break before a 一级 group that would be cut by the page end.

    A merged cell cut by a page break prints badly (its text drawn on both pages, over the
    repeated header); moving the whole group to the next page keeps it in one piece. The row
    heights are known because the writer sets them all.
    """

    def height(row: int) -> float:
        return float(sheet.row_dimensions[row].height or _LINE_HEIGHT)

    header_height = height(header_row)
    starts = {start: end for start, end in groups}
    used = 0.0
    row = first_row
    last_row = groups[-1][1] if groups else first_row
    while row <= last_row:
        if row in starts:
            group_height = sum(height(r) for r in range(row, starts[row] + 1))
            if used + group_height > _PAGE_HEIGHT and header_height + group_height <= _PAGE_HEIGHT:
                sheet.row_breaks.append(Break(id=row - 1))
                used = header_height
        used += height(row)
        if used > _PAGE_HEIGHT:  # a long run of rows: the program breaks it; count afresh
            used = header_height + height(row)
        row += 1


def _merge(sheet: Worksheet, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
    """`Worksheet.merge_cells`, made linear.

    openpyxl checks each new range against every range merged before and rebuilds the borders
    of the covered cells one by one, which makes a sheet of 1,000 tables take minutes. The
    layout never merges overlapping ranges, and every covered cell was already written with its
    border, so the covered cells simply keep the style they have.
    """
    merged = MergedCellRange(
        sheet, f"{get_column_letter(first_column)}{first_row}:{get_column_letter(last_column)}{last_row}"
    )
    sheet.merged_cells.ranges.add(merged)
    cells = sheet._cells  # openpyxl's own cell store: there is no public way to place MergedCells
    for row in range(first_row, last_row + 1):
        for column in range(first_column, last_column + 1):
            if row == first_row and column == first_column:
                continue
            placeholder = MergedCell(sheet, row, column)
            written = cells.get((row, column))
            if written is not None:
                placeholder._style = copy(written._style)
            cells[(row, column)] = placeholder


def _label_value_row(sheet: Worksheet, row: int, columns: int, label: str, value: object) -> None:
    """A label in column A and its value merged over the other columns."""
    _boxed(sheet, row, 1, label or None, bold=True, centred=True)
    cell = _boxed(sheet, row, 2, value)
    if isinstance(value, Decimal):
        cell.number_format = MONEY_FORMAT
        cell.alignment = _WRAP_LEFT
    for column in range(3, columns + 1):
        _boxed(sheet, row, column, None)
    _merge(sheet, row, 2, row, columns)
    text = value if isinstance(value, str) else ""
    _fit_height(sheet, row, [(text, sum(_WIDTHS[1:columns]))])


def _boxed(
    sheet: Worksheet, row: int, column: int, value: object, *, bold: bool = False, centred: bool = False
) -> Cell:
    """A cell with the table's border, wrapped and aligned.

    Setting a style object on a cell hashes it against the workbook's style lists (slow); the
    resulting style ids are remembered per workbook and copied onto the next cells instead.
    """
    cell = put_text(sheet.cell(row=row, column=column), _clean(value))
    remembered = _style_ids(sheet)
    key = (bold, centred)
    style = remembered.get(key)
    if style is not None:
        cell._style = copy(style)
        return cell
    cell.border = _BORDER
    cell.alignment = _CENTRED if centred else _WRAP
    if bold:
        cell.font = _BOLD
    remembered[key] = copy(cell._style)
    return cell


def _style_ids(sheet: Worksheet) -> dict[tuple[bool, bool], StyleArray]:
    workbook = sheet.parent
    found = _STYLE_IDS.get(workbook)
    if found is None:
        found = _STYLE_IDS[workbook] = {}
    return found


# Style ids belong to one workbook; the cache goes away with it.
_STYLE_IDS: weakref.WeakKeyDictionary[Workbook, dict[tuple[bool, bool], StyleArray]] = (
    weakref.WeakKeyDictionary()
)


def _clean(value: object) -> object:
    """Text without the control characters a worksheet cannot hold (they come from pasted text)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def display_width(text: str) -> int:
    """Width in Excel character units: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit_height(sheet: Worksheet, row: int, texts: Iterable[tuple[str, float]]) -> None:
    """Set the row height for the longest wrapped text: Excel never auto-fits merged cells."""
    lines = 1
    for text, width in texts:
        if text:
            usable = max(width - 1.0, 1.0)
            lines = max(lines, sum(max(1, math.ceil(display_width(p) / usable)) for p in text.split("\n")))
    sheet.row_dimensions[row].height = lines * _LINE_HEIGHT + 3


def _target_columns(target: Target) -> list[object]:
    value = target.value
    return [
        target.raw or None,
        target.kind.value if target.raw else None,
        target.op.symbol if target.op else None,
        value if value is not None else None,
        target.unit,
    ]


def _write_flat_sheet(sheet: Worksheet, tables: Sequence[Table]) -> None:
    """One row per indicator with the parsed value parts, for filters and pivot tables."""
    put_text(sheet.cell(row=1, column=1), FLAT_TITLE).font = _TITLE_FONT
    for column, text in enumerate(_FLAT_HEADER, start=1):
        put_text(sheet.cell(row=2, column=column), text).font = _BOLD
    row = 3
    for number, table in enumerate(tables, start=1):
        project = table.project
        for indicator in table.indicators:
            values: list[object] = [
                number,
                project.name,
                project.department,
                project.unit,
                project.year,
                indicator.level1,
                indicator.level2,
                indicator.name,
                *_target_columns(indicator.period),
                *_target_columns(indicator.annual),
                indicator.weight,
                str(indicator.source) if indicator.source.file or indicator.source.line else None,
            ]
            for column, value in enumerate(values, start=1):
                # Decimal values go in as numbers: analysts sort and sum them.
                put_text(sheet.cell(row=row, column=column), _clean(value))
            row += 1
    sheet.freeze_panes = "A3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(_FLAT_HEADER))}{max(row - 1, 2)}"
    for column, width in enumerate((6, 28, 18, 18, 6, 10, 14, 28, 18), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
