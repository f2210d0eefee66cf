"""Read a filled-in 自评表 template back (`jixiao.writers.selfeval_xlsx`) into a `SelfEvaluation`.

Every problem names its cell (``自评.xlsx!自评表!E14``) and is returned as a diagnostic; when any
is an error the caller must store nothing. Checked here (input problems, JX-U01…): not a workbook
or not our template, a template of another table, changed targets, text in number cells, negative
amounts, execution above budget. Scoring problems (weights, bands, reasons) are the checks of
`jixiao.scoring.checks`, run by `evaluate`.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from jixiao.evaluation.funds import FundsBlock, FundsRow
from jixiao.evaluation.layouts import FUNDS_ROLES, INDICATOR_ROLES, LAYOUTS
from jixiao.evaluation.numbers import plain, read_amount
from jixiao.evaluation.profiles import PROFILES, Layout
from jixiao.evaluation.records import EvaluationLine, SelfEvaluation
from jixiao.formats.selfeval_sheet import FORMAT, MAIN_SHEET, META_SHEET
from jixiao.formats.table_json_read import target_from_dict
from jixiao.model import Diagnostic, Kind, Severity, SourceRef, Target


@dataclass(frozen=True, slots=True)
class Upload:
    """What an uploaded template gave: the evaluation (None if unusable), its profile, the problems."""

    evaluation: SelfEvaluation | None
    profile: str
    diagnostics: tuple[Diagnostic, ...]

    @property
    def has_errors(self) -> bool:
        """True if any diagnostic is an error."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def read_selfeval_xlsx(path: str | Path, expected_key: str | None = None) -> Upload:
    """Read a filled template; ``expected_key`` (see `table_key`) rejects a template of another table."""
    name = Path(path).name
    try:
        workbook = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        message = f"无法打开工作簿（{exc.__class__.__name__}），请上传由系统下载的自评表模板（.xlsx）"
        return Upload(None, "", (Diagnostic("JX-U01", Severity.ERROR, message, SourceRef(name)),))
    if META_SHEET not in workbook.sheetnames or MAIN_SHEET not in workbook.sheetnames:
        message = "不是jixiao自评表模板（缺少模板信息），请先下载该项目的自评表模板再填写"
        return Upload(None, "", (Diagnostic("JX-U01", Severity.ERROR, message, SourceRef(name)),))
    meta = {
        str(row[0]): "" if row[1] is None else str(row[1])
        for row in workbook[META_SHEET].iter_rows(values_only=True)
    }
    if meta.get("format") != FORMAT:
        message = f"模板格式“{meta.get('format')}”不受支持，应为{FORMAT}"
        return Upload(None, "", (Diagnostic("JX-U01", Severity.ERROR, message, SourceRef(name)),))
    return _TemplateReader(name, workbook[MAIN_SHEET], meta, expected_key).read()


class _TemplateReader:
    def __init__(self, file: str, sheet: Any, meta: dict[str, str], expected_key: str | None) -> None:
        self.file = file
        self.sheet = sheet
        self.meta = meta
        self.expected_key = expected_key
        self.profile = meta.get("profile", "central")
        self.diagnostics: list[Diagnostic] = []

    def read(self) -> Upload:
        if self.profile not in PROFILES:
            self._error("JX-U01", f"模板的评分方案“{self.profile}”未知", None)
            return self._done(None)
        layout = LAYOUTS[Layout(self.meta.get("layout", PROFILES[self.profile].layout.value))]
        key = self.meta.get("table_key", "")
        if self.expected_key is not None and key != self.expected_key:
            message = f"该模板属于另一张绩效目标表（“{self.meta.get('project', '')}”），不能用于本项目"
            self._error("JX-U02", message, None)
            return self._done(None)
        funds = self._funds(layout.funds_columns)
        lines = tuple(
            self._line(i, layout.indicator_columns) for i in range(int(self.meta["indicator_count"]))
        )
        goal_row = int(self.meta["goal_row"])
        half = max(len(layout.indicator_columns), len(layout.funds_columns) + 1) // 2
        evaluation = SelfEvaluation(
            project=self.meta.get("project", ""),
            funds=funds,
            lines=lines,
            year=int(self.meta["year"]) if self.meta.get("year") else None,
            department=self.meta.get("department", ""),
            unit=self.meta.get("unit", ""),
            goal_expected=self._text(goal_row, 2),
            goal_actual=self._text(goal_row, half + 1),
            table_key=key,
            source=SourceRef(self.file, sheet=MAIN_SHEET),
        )
        return self._done(evaluation)

    def _done(self, evaluation: SelfEvaluation | None) -> Upload:
        return Upload(evaluation, self.profile, tuple(self.diagnostics))

    # -- funds ---------------------------------------------------------------------------------

    def _funds(self, columns: tuple[str, ...]) -> FundsBlock:
        roles = {FUNDS_ROLES[h]: 2 + i for i, h in enumerate(columns)}
        first = int(self.meta["funds_first_row"])
        count = int(self.meta["funds_rows"])
        layout_rows = LAYOUTS[Layout(self.meta.get("layout", "central"))].funds_rows
        rows: list[FundsRow] = []
        cells: list[tuple[str, SourceRef]] = []
        for offset in range(1, count + 1):
            r = first + offset
            label = layout_rows[offset].removeprefix("其中：")
            amounts = {
                role: self._amount(r, roles[role], f"{label}的{role_label}") for role, role_label in _AMOUNTS
            }
            executed_ref = self._ref(r, roles["executed"])
            budget_value = amounts["budget"] or Decimal(0)
            if amounts["executed"] is None and budget_value > 0:
                self._error("JX-U05", f"{label}的全年执行数未填写", executed_ref)
            executed = amounts["executed"] or Decimal(0)
            if executed > budget_value:
                message = f"{label}的全年执行数{plain(executed)}超过全年预算数{plain(budget_value)}，请核实"
                self._error("JX-U06", message, executed_ref)
            rows.append(
                FundsRow(label, amounts["initial"] or Decimal(0), budget_value, executed, self._ref(r, 1))
            )
            for role, role_label in _AMOUNTS:
                cells.append((f"{label}{role_label}", self._ref(r, roles[role])))
        for role, role_label in _AMOUNTS:
            cells.append((role_label, self._ref(first, roles[role])))
        entered_total = self._entered_total(first, roles)
        for role, name in (("rate", "执行率"), ("score", "得分"), ("reason", "原因")):
            if role in roles:
                cells.append((name, self._ref(first, roles[role])))
        return FundsBlock(
            rows=tuple(rows),
            entered_total=entered_total,
            entered_rate=self._rate(first, roles.get("rate")),
            entered_score=self._amount(first, roles["score"], "预算执行得分") if "score" in roles else None,
            reason=self._text(first, roles["reason"]) if "reason" in roles else "",
            cells=tuple(cells),
        )

    def _entered_total(self, row: int, roles: dict[str, int]) -> FundsRow | None:
        """A total the user typed over the SUM formulas, kept only to be checked against the rows."""
        values = [self._amount(row, roles[role], f"年度资金总额的{label}") for role, label in _AMOUNTS]
        if all(v is None for v in values):
            return None
        initial, budget, executed = (v or Decimal(0) for v in values)
        return FundsRow("年度资金总额", initial, budget, executed, self._ref(row, 1))

    def _rate(self, row: int, col: int | None) -> Decimal | None:
        if col is None:
            return None
        cell = self.sheet.cell(row=row, column=col)
        value = self._amount(row, col, "执行率")
        if value is not None and "%" in str(cell.number_format) and not isinstance(cell.value, str):
            return value * 100  # a number shown as a percentage is stored as a ratio
        return value

    # -- indicators ----------------------------------------------------------------------------

    def _line(self, index: int, columns: tuple[str, ...]) -> EvaluationLine:
        row = int(self.meta["indicator_first_row"]) + index
        roles = {INDICATOR_ROLES[h]: 1 + i for i, h in enumerate(columns)}
        get = self._indicator_meta(index)
        target = self._target(get)
        label = get("name") or get("level2")
        if "target" in roles:
            shown = self._text(row, roles["target"])
            if shown != target.raw:
                message = f"指标“{label}”的年度指标值被改为“{shown}”，应为“{target.raw}”"
                message += "（指标值以批复为准，不在自评表中修改）"
                self._error("JX-U03", message, self._ref(row, roles["target"]))
        if self._text(row, roles["name"]) != get("name"):
            message = f"第{row}行的三级指标被改为“{self._text(row, roles['name'])}”，应为“{get('name')}”"
            self._error("JX-U03", message, self._ref(row, roles["name"]))
        weight = self._amount(row, roles["weight"], f"指标“{label}”的分值")
        if weight is not None and weight < 0:
            self._error("JX-U04", f"指标“{label}”的分值不能为负数", self._ref(row, roles["weight"]))
        score = self._amount(row, roles["score"], f"指标“{label}”的得分")
        actual = self._text(row, roles["actual"])
        not_applicable = actual.replace(" ", "") == "不适用"
        cells = tuple((role, self._ref(row, col)) for role, col in roles.items())
        return EvaluationLine(
            level1=get("level1"),
            level2=get("level2"),
            name=get("name"),
            target=target,
            weight=weight,
            actual="" if not_applicable else actual,
            score=score,
            reason=self._text(row, roles["reason"]),
            not_applicable=not_applicable,
            source=self._ref(row, 1),
            cells=cells,
        )

    def _indicator_meta(self, index: int) -> Any:
        def get(name: str) -> str:
            return self.meta.get(f"indicator.{index}.{name}", "")

        return get

    @staticmethod
    def _target(get: Any) -> Target:
        try:
            return target_from_dict(json.loads(get("target")))
        except (ValueError, KeyError, TypeError):
            return Target(raw="", kind=Kind.UNKNOWN)

    # -- cells ---------------------------------------------------------------------------------

    def _ref(self, row: int, col: int) -> SourceRef:
        return SourceRef(self.file, sheet=MAIN_SHEET, cell=f"{get_column_letter(col)}{row}")

    def _text(self, row: int, col: int) -> str:
        value = self.sheet.cell(row=row, column=col).value
        if value is None:
            return ""
        if isinstance(value, float | int) and not isinstance(value, bool):
            return plain(_decimal(value))
        if isinstance(value, datetime | date):
            return f"{value.year}年{value.month}月{value.day}日"
        return str(value).strip()

    def _amount(self, row: int, col: int, what: str) -> Decimal | None:
        value = self.sheet.cell(row=row, column=col).value
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool | datetime | date):
            number = None
        elif isinstance(value, int | float):
            number = _decimal(value)
        else:
            number = read_amount(str(value).rstrip("%"))
        if number is None:
            self._error("JX-U04", f"{what}应为数字，填的是“{value}”", self._ref(row, col))
            return None
        if number < 0:
            self._error("JX-U04", f"{what}不能为负数（{plain(number)}）", self._ref(row, col))
        return number

    def _error(self, code: str, message: str, source: SourceRef | None) -> None:
        where = source or SourceRef(self.file, sheet=MAIN_SHEET)
        self.diagnostics.append(Diagnostic(code, Severity.ERROR, message, where))


_AMOUNTS = (("initial", "年初预算数"), ("budget", "全年预算数"), ("executed", "全年执行数"))


def _decimal(value: float | int) -> Decimal:
    """A workbook number as a Decimal; repr() of a float is its shortest round-tripping text."""
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:  # pragma: no cover - inf/nan cannot be stored in xlsx
        return Decimal(0)
