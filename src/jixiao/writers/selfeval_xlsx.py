"""The 项目支出绩效自评表 as an xlsx workbook: the blank template and the scored table, one layout.

The template a unit downloads *is* the official table (rules.md §6.7, or §6.8 for Sichuan/Hubei),
pre-filled with the table's 年度 targets and suggested weights; the unit fills 全年执行数, 实际完成值,
得分 (qualitative) and reasons, and uploads it back (`jixiao.readers.selfeval_xlsx`). A hidden sheet
``jixiao`` records which table it belongs to and each target in structured form, so an upload can
be checked cell by cell. The scored table is the same sheet with scores filled in, each 得分 cell
carrying its explanation as a comment, plus a 评分说明 sheet listing explanations and findings.
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

from jixiao.evaluation.layouts import FUNDS_ROLES, INDICATOR_ROLES, LAYOUTS, nature_of
from jixiao.evaluation.numbers import money, plain
from jixiao.evaluation.profiles import Profile
from jixiao.evaluation.records import EvaluationLine, EvaluationResult, SelfEvaluation
from jixiao.formats.selfeval_sheet import EXPLAIN_SHEET, FORMAT, MAIN_SHEET, META_SHEET
from jixiao.formats.table_json import target_to_dict
from jixiao.values import number_text
from jixiao.writers.cell_text import Formula, append_row, put_text

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=16)
# Cells the unit fills in are tinted, so the template says what is expected of it.
_INPUT = PatternFill("solid", fgColor="FFF2CC")


def write_selfeval_xlsx(
    evaluation: SelfEvaluation,
    profile: Profile,
    target: str | Path | IO[bytes],
    result: EvaluationResult | None = None,
) -> None:
    """Write the 自评表: a template when ``result`` is None, else the scored table."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = MAIN_SHEET
    meta = _SheetWriter(sheet, evaluation, profile, result).write()
    _write_meta(workbook, meta)
    if result is not None:
        _write_explanations(workbook, result)
    workbook.save(target)


class _SheetWriter:
    def __init__(
        self, sheet: Any, evaluation: SelfEvaluation, profile: Profile, result: EvaluationResult | None
    ) -> None:
        self.sheet = sheet
        self.evaluation = evaluation
        self.profile = profile
        self.result = result
        self.layout = LAYOUTS[profile.layout]
        self.width = max(len(self.layout.indicator_columns), len(self.layout.funds_columns) + 1)
        self.row = 1
        self.meta: list[tuple[str, str]] = []

    def write(self) -> list[tuple[str, str]]:
        self._column_widths()
        ev = self.evaluation
        self.meta += [
            ("table_key", ev.table_key),
            ("profile", self.profile.name),
            ("layout", self.profile.layout.value),
            ("project", ev.project),
            ("year", str(ev.year or "")),
            ("department", ev.department),
            ("unit", ev.unit),
        ]
        self._header()
        self._funds()
        self._goals()
        self._indicators()
        self._footer()
        self._print_setup()
        return self.meta

    # -- blocks --------------------------------------------------------------------------------

    def _header(self) -> None:
        ev = self.evaluation
        year = f"（{ev.year}年度）" if ev.year else ""
        self._merged(self.row, 1, self.width, f"{self.layout.title}{year}", _TITLE, _CENTER)
        self.sheet.row_dimensions[self.row].height = 30
        self.row += 1
        half = self.width // 2
        self._label(self.row, 1, "项目名称")
        self._merged(self.row, 2, self.width, ev.project)
        self.row += 1
        self._label(self.row, 1, "主管部门")
        self._merged(self.row, 2, half, ev.department)
        self._label(self.row, half + 1, "实施单位")
        self._merged(self.row, half + 2, self.width, ev.unit)
        self.row += 1

    def _funds(self) -> None:
        funds = self.evaluation.funds
        self._merged(self.row, 1, self.width, self.layout.funds_title, _BOLD)
        self.row += 1
        self.meta.append(("funds_header_row", str(self.row)))
        self.sheet.row_dimensions[self.row].height = 30
        self._label(self.row, 1, "资金来源")
        for offset, header in enumerate(self.layout.funds_columns):
            self._label(self.row, 2 + offset, header)
        self.row += 1
        self.meta.append(("funds_first_row", str(self.row)))
        labels = self.layout.funds_rows[1:]
        self._funds_row(self.layout.funds_rows[0], self._total_values(len(labels)), is_total=True)
        for index, label in enumerate(labels):
            row = funds.rows[index] if index < len(funds.rows) else None
            values: dict[str, object] = {
                "initial": row.initial if row else None,
                "budget": row.budget if row else None,
                "executed": row.executed if row and self.result else None,
            }
            self._funds_row(label, values, is_total=False)
        self.meta.append(("funds_rows", str(len(labels))))

    def _total_values(self, parts: int) -> dict[str, object]:
        """The 年度资金总额 row: computed values in the scored table, SUM formulas in the template."""
        funds = self.evaluation.funds
        if self.result is not None:
            rate = funds.execution_rate
            return {
                "initial": funds.initial,
                "budget": funds.budget,
                "executed": funds.executed,
                "weight": self.profile.budget_weight,
                "rate": None if rate is None else f"{money(rate * 100)}%",
                "score": self.result.budget.value,
                "reason": funds.reason,
            }
        col = {FUNDS_ROLES[h]: get_column_letter(2 + i) for i, h in enumerate(self.layout.funds_columns)}
        first, last = self.row + 1, self.row + parts
        values: dict[str, object] = {
            role: Formula(f"=SUM({col[role]}{first}:{col[role]}{last})")
            for role in ("initial", "budget", "executed")
        }
        budget, executed = f"{col['budget']}{self.row}", f"{col['executed']}{self.row}"
        values["weight"] = self.profile.budget_weight
        values["rate"] = Formula(f'=IF({budget}=0,"",{executed}/{budget})')
        # Hubei's funds block has no 分值 column: its weight stands in the block's title.
        weight = f"{col['weight']}{self.row}" if "weight" in col else plain(self.profile.budget_weight)
        values["score"] = Formula(f'=IF({budget}=0,"",ROUND({weight}*MIN({executed}/{budget},1),2))')
        return values

    def _funds_row(self, label: str, values: dict[str, object], is_total: bool) -> None:
        self._cell(self.row, 1, label, _BOLD if is_total else None)
        for offset, header in enumerate(self.layout.funds_columns):
            role = FUNDS_ROLES[header]
            value = values.get(role)
            cell = self._cell(self.row, 2 + offset, _excel(value))
            if role == "rate" and isinstance(value, str) and value.startswith("="):
                cell.number_format = "0.00%"
            if role == "score" and is_total and self.result is not None:
                cell.comment = Comment(self.result.budget.explanation, "jixiao")
            fillable = not is_total and role in ("initial", "budget", "executed")
            if fillable or (is_total and role == "reason"):
                cell.fill = _INPUT
        for col in range(len(self.layout.funds_columns) + 2, self.width + 1):
            self._cell(self.row, col, None)
        self.row += 1

    def _goals(self) -> None:
        half = self.width // 2
        self._label(self.row, 1, "年度总体目标")
        self._merged(self.row, 2, half, "预期目标", _BOLD, _CENTER)
        self._merged(self.row, half + 1, self.width, "实际完成情况", _BOLD, _CENTER)
        self.row += 1
        self.meta.append(("goal_row", str(self.row)))
        self._cell(self.row, 1, "")
        self._merged(self.row, 2, half, self.evaluation.goal_expected)
        actual = self._merged(self.row, half + 1, self.width, self.evaluation.goal_actual)
        actual.fill = _INPUT
        self.sheet.row_dimensions[self.row].height = 90
        self.row += 1

    def _indicators(self) -> None:
        self._merged(self.row, 1, self.width, self.layout.indicators_title, _BOLD)
        self.row += 1
        self.meta.append(("indicator_header_row", str(self.row)))
        for col, header in enumerate(self.layout.indicator_columns, start=1):
            self._label(self.row, col, header)
        self.row += 1
        self.meta.append(("indicator_first_row", str(self.row)))
        self.meta.append(("indicator_count", str(len(self.evaluation.lines))))
        scores = {id(s.line): s.score for s in self.result.lines} if self.result else {}
        first = self.row
        for index, line in enumerate(self.evaluation.lines):
            self._indicator_row(line, scores.get(id(line)))
            self.meta.extend(_target_meta(index, line))
        self._merge_runs(first, 1, [line.level1 for line in self.evaluation.lines])
        self._merge_runs(first, 2, [f"{line.level1}/{line.level2}" for line in self.evaluation.lines])

    def _merge_runs(self, first_row: int, col: int, keys: list[str]) -> None:
        """Merge a category cell down over the rows of its indicators, as the official table does."""
        start = 0
        for i in range(1, len(keys) + 1):
            if i == len(keys) or keys[i] != keys[start]:
                if i - start > 1:
                    self.sheet.merge_cells(
                        start_row=first_row + start,
                        start_column=col,
                        end_row=first_row + i - 1,
                        end_column=col,
                    )
                start = i

    def _indicator_row(self, line: EvaluationLine, score: Any) -> None:
        for col, header in enumerate(self.layout.indicator_columns, start=1):
            role = INDICATOR_ROLES[header]
            value = _indicator_value(role, line, score)
            cell = self._cell(self.row, col, value)
            if role in ("actual", "score", "reason") or (role == "weight" and self.result is None):
                cell.fill = _INPUT
            if role == "score" and score is not None:
                cell.comment = Comment(score.explanation, "jixiao")
        self._fit_height(self.row)
        self.row += 1

    def _fit_height(self, row: int) -> None:
        """Excel does not grow wrapped rows by itself on open; estimate the lines each cell needs."""
        lines = 1
        for col in range(1, self.width + 1):
            value = self.sheet.cell(row=row, column=col).value
            width = self.sheet.column_dimensions[get_column_letter(col)].width or 10
            if isinstance(value, str) and not value.startswith("="):
                # A CJK character is about two width units wide.
                lines = max(lines, -(-len(value) * 2 // max(int(width) - 1, 1)))
        self.sheet.row_dimensions[row].height = max(18, 15 * lines)

    def _footer(self) -> None:
        score_col = 1 + self.layout.indicator_columns.index("得分")
        self._merged(self.row, 1, score_col - 1, self.layout.footer, _BOLD, _CENTER)
        total = self._cell(self.row, score_col, _excel(self.result.total) if self.result else None, _BOLD)
        if self.result is not None:
            total.comment = Comment(self.result.explanation, "jixiao")
        self._cell(self.row, score_col + 1, f"自评结论：{self.result.grade}" if self.result else "自评结论：")
        for col in range(score_col + 2, self.width + 1):
            self._cell(self.row, col, "")
        self.meta.append(("footer_row", str(self.row)))
        self.row += 2
        note = (
            "填写说明：黄色单元格由单位填写。全年执行数填各资金来源；年度资金总额、执行率和得分由系统按分项计算。"
            "定量指标的实际完成值须为数值（可带单位），定性指标填“达成年度指标”“部分达成年度指标并具有一定效果”"
            "或“未达成年度指标且效果较差”并在档次区间内给分；得分低于分值的须填写原因。"
        )
        self._merged(self.row, 1, self.width, note, Font(size=9, color="666666"))
        self.sheet.row_dimensions[self.row].height = 45

    def _column_widths(self) -> None:
        widths = {"level1": 16, "level2": 14, "name": 24, "target": 18, "actual": 18, "reason": 30}
        for col, header in enumerate(self.layout.indicator_columns, start=1):
            width = widths.get(INDICATOR_ROLES[header], 11)
            self.sheet.column_dimensions[get_column_letter(col)].width = width

    def _print_setup(self) -> None:
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.paperSize = self.sheet.PAPERSIZE_A4
        self.sheet.page_setup.fitToWidth = 1
        self.sheet.page_setup.fitToHeight = 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True
        self.sheet.print_options.horizontalCentered = True

    # -- cells ---------------------------------------------------------------------------------

    def _cell(self, row: int, col: int, value: object, font: Font | None = None) -> Any:
        cell = put_text(self.sheet.cell(row=row, column=col), value)
        cell.border = _BORDER
        cell.alignment = _WRAP
        if font is not None:
            cell.font = font
        return cell

    def _label(self, row: int, col: int, text: str) -> Any:
        cell = self._cell(row, col, text, _BOLD)
        cell.alignment = _CENTER
        return cell

    def _merged(
        self,
        row: int,
        first: int,
        last: int,
        value: object,
        font: Font | None = None,
        align: Alignment = _WRAP,
    ) -> Any:
        for col in range(first, last + 1):
            self._cell(row, col, None)
        if last > first:
            self.sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        cell = self._cell(row, first, value, font)
        cell.alignment = align
        return cell


def _indicator_value(role: str, line: EvaluationLine, score: Any) -> object:
    target = line.target
    values: dict[str, object] = {
        "level1": line.level1,
        "level2": line.level2,
        "name": line.name,
        "target": target.raw,
        "nature": nature_of(target),
        "target_value": number_text(target.value) if target.value is not None else target.raw,
        "target_unit": target.unit or "",
        "actual": line.actual or None,
        "weight": _excel(line.weight),
        "score": _excel(score.value if score is not None else line.score),
        "reason": line.reason or None,
    }
    return values[role]


def _excel(value: object) -> object:
    """Decimals go to Excel as numbers (a workbook has no decimal type); 2 places are exact enough."""
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


def _target_meta(index: int, line: EvaluationLine) -> list[tuple[str, str]]:
    """The line's names and its target in the open-data JSON form, which reads back exactly."""
    fields = (
        ("level1", line.level1),
        ("level2", line.level2),
        ("name", line.name),
        ("target", json.dumps(target_to_dict(line.target), ensure_ascii=False)),
    )
    return [(f"indicator.{index}.{name}", value) for name, value in fields]


def _write_meta(workbook: Workbook, meta: list[tuple[str, str]]) -> None:
    sheet = workbook.create_sheet(META_SHEET)
    sheet.sheet_state = "hidden"
    append_row(sheet, ["format", FORMAT])
    for key, value in meta:
        append_row(sheet, [key, value])


def _write_explanations(workbook: Workbook, result: EvaluationResult) -> None:
    sheet = workbook.create_sheet(EXPLAIN_SHEET)
    append_row(sheet, ["项目", "分值", "得分", "计分说明"])
    sheet.append(
        ["预算执行率", _excel(result.budget.weight), _excel(result.budget.value), result.budget.explanation]
    )
    for scored in result.lines:
        score = scored.score
        append_row(sheet, [scored.line.label, _excel(score.weight), _excel(score.value), score.explanation])
    append_row(sheet, ["总分", 100, _excel(result.total), result.explanation])
    append_row(sheet, [])
    append_row(sheet, ["位置", "代码", "级别", "问题"])
    for d in result.diagnostics:
        append_row(sheet, [str(d.source), d.code, d.severity.label, d.message])
    for col, width in zip("ABCD", (28, 10, 10, 90), strict=True):
        sheet.column_dimensions[col].width = width
