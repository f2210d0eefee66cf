"""The 项目支出绩效目标执行监控表 as xlsx: a template pre-filled from a table, and the result with lights.

Same approach as the 自评表 (`selfeval_xlsx`): the visible sheet follows the monitoring table of
rules.md §5.2; a hidden ``jixiao`` sheet records the table, the period (1–N月) and each 年度 target
in structured form so that an upload can be read back cell by cell.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from jixiao.evaluation.monitoring import Light, Likelihood, MonitoringResult, MonitoringSnapshot
from jixiao.evaluation.numbers import money
from jixiao.evaluation.profiles import Profile
from jixiao.formats.monitoring_sheet import (
    COL_CURRENT,
    COL_LIGHT,
    COL_LIKELIHOOD,
    COL_MEASURES,
    FORMAT,
    FUNDS_COL_EXECUTED,
    FUNDS_COL_EXPECTED,
    FUNDS_COLUMNS,
    INDICATOR_COLUMNS,
    MAIN_SHEET,
    META_SHEET,
)
from jixiao.formats.table_json import target_to_dict
from jixiao.writers.cell_text import append_row, put_text

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_BOLD = Font(bold=True)
_INPUT = PatternFill("solid", fgColor="FFF2CC")
_LIGHT_FILL = {
    Light.GREEN: PatternFill("solid", fgColor="C6EFCE"),
    Light.YELLOW: PatternFill("solid", fgColor="FFEB9C"),
    Light.RED: PatternFill("solid", fgColor="FFC7CE"),
}


def _months(label: str, months: int) -> str:
    return label.replace("1-N月", f"1-{months}月")


def write_monitoring_xlsx(
    snapshot: MonitoringSnapshot,
    profile: Profile,
    target: str | Path | IO[bytes],
    result: MonitoringResult | None = None,
) -> None:
    """Write the 监控表: a template when ``result`` is None, else the table with its lights."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = MAIN_SHEET
    width = len(INDICATOR_COLUMNS)
    n = snapshot.months
    put = _Putter(sheet)
    put.merged(
        1, 1, width, f"项目支出绩效目标执行监控表（{snapshot.year or ''}年1-{n}月）", Font(bold=True, size=16)
    )
    put.cell(2, 1, "项目名称", _BOLD)
    put.merged(2, 2, width, snapshot.project)
    put.cell(3, 1, "主管部门", _BOLD)
    put.merged(3, 2, 5, snapshot.department)
    put.cell(3, 6, "实施单位", _BOLD)
    put.merged(3, 7, width, snapshot.agency)
    put.merged(4, 1, width, f"预算执行情况（{snapshot.unit}）", _BOLD)
    put.cell(5, 1, "资金", _BOLD)
    for offset, header in enumerate(FUNDS_COLUMNS):
        put.cell(5, 2 + offset, _months(header, n), _BOLD)
    funds = result.funds if result else None
    values: list[object] = [
        snapshot.initial_budget if snapshot.initial_budget is not None else snapshot.annual_budget,
        snapshot.annual_budget,
        snapshot.executed if result else None,
        f"{money(funds.ratio * 100)}%" if funds and funds.ratio is not None else None,
        snapshot.expected_executed,
        money(funds.index) if funds and funds.index is not None else None,
        funds.light.label if funds else None,
    ]
    put.cell(6, 1, "年度资金总额", _BOLD)
    for offset, value in enumerate(values):
        cell = put.cell(6, 2 + offset, _excel(value))
        if 2 + offset in (FUNDS_COL_EXECUTED, FUNDS_COL_EXPECTED):
            cell.fill = _INPUT
        if funds is not None and offset == len(values) - 1:
            cell.fill = _LIGHT_FILL[funds.light]
            cell.comment = Comment(funds.explanation, "jixiao")
    put.merged(7, 1, width, "绩效指标完成情况", _BOLD)
    for col, header in enumerate(INDICATOR_COLUMNS, start=1):
        put.cell(8, col, _months(header, n), _BOLD)
    first = 9
    validation = DataValidation(
        type="list", formula1=f'"{",".join(x.value for x in Likelihood)}"', allow_blank=True
    )
    sheet.add_data_validation(validation)
    progress = {id(lp.line): lp.progress for lp in result.lines} if result else {}
    meta: list[tuple[str, str]] = []
    for index, line in enumerate(snapshot.lines):
        row = first + index
        light = progress.get(id(line))
        cells = (
            line.level1,
            line.level2,
            line.name,
            line.target.raw,
            line.current or None,
            line.expected or None,
            line.likelihood.value,
            line.reason or None,
            line.measures or None,
            light.light.label if light else None,
        )
        for col, value in enumerate(cells, start=1):
            cell = put.cell(row, col, value)
            if COL_CURRENT <= col <= COL_MEASURES:
                cell.fill = _INPUT
            if col == COL_LIGHT and light is not None:
                cell.fill = _LIGHT_FILL[light.light]
                cell.comment = Comment(light.explanation, "jixiao")
        validation.add(f"{get_column_letter(COL_LIKELIHOOD)}{row}")
        target_json = json.dumps(target_to_dict(line.target), ensure_ascii=False)
        cumulative = "" if line.cumulative is None else ("1" if line.cumulative else "0")
        for key, value in (
            ("level1", line.level1),
            ("level2", line.level2),
            ("name", line.name),
            ("target", target_json),
            ("cumulative", cumulative),
        ):
            meta.append((f"indicator.{index}.{key}", value))
    footer = first + len(snapshot.lines) + 1
    note = (
        "填写说明：黄色单元格由单位填写。完成目标可能性为“确定能/有可能/不可能”，后两者须填写偏差原因和改进措施；"
        "定量指标的完成值填数值（可带单位），定性指标填“达成/部分达成/未达成”。"
    )
    put.merged(footer, 1, width, note, Font(size=9, color="666666"))
    for col, w in enumerate((12, 14, 24, 18, 14, 16, 12, 26, 26, 10), start=1):
        sheet.column_dimensions[get_column_letter(col)].width = w
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0

    info = workbook.create_sheet(META_SHEET)
    info.sheet_state = "hidden"
    head = [
        ("format", FORMAT),
        ("table_key", snapshot.table_key),
        ("profile", profile.name),
        ("project", snapshot.project),
        ("year", str(snapshot.year or "")),
        ("months", str(n)),
        ("unit", snapshot.unit),
        ("indicator_first_row", str(first)),
        ("indicator_count", str(len(snapshot.lines))),
        ("department", snapshot.department),
        ("agency", snapshot.agency),
    ]
    for key, value in head + meta:
        append_row(info, [key, value])
    workbook.save(str(target) if isinstance(target, Path) else target)


class _Putter:
    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet

    def cell(self, row: int, col: int, value: object, font: Font | None = None) -> Any:
        cell = put_text(self.sheet.cell(row=row, column=col), value)
        cell.border = _BORDER
        cell.alignment = _WRAP
        if font is not None:
            cell.font = font
        return cell

    def merged(self, row: int, first: int, last: int, value: object, font: Font | None = None) -> Any:
        for col in range(first, last + 1):
            self.cell(row, col, None)
        self.sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        return self.cell(row, first, value, font)


def _excel(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value
