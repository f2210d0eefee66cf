"""Read a filled 监控表 template (`jixiao.writers.monitoring_xlsx`) back into a `MonitoringSnapshot`.

Problems name their cell and come back as diagnostics (JX-U…, as for the 自评表 upload); with any
error the caller stores nothing.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from jixiao.evaluation.monitoring import Likelihood, MonitoringLine, MonitoringSnapshot
from jixiao.evaluation.numbers import plain, read_amount
from jixiao.formats.monitoring_sheet import (
    COL_CURRENT,
    COL_EXPECTED,
    COL_LIKELIHOOD,
    COL_MEASURES,
    COL_REASON,
    FORMAT,
    FUNDS_COL_BUDGET,
    FUNDS_COL_EXECUTED,
    FUNDS_COL_EXPECTED,
    FUNDS_COL_INITIAL,
    MAIN_SHEET,
    META_SHEET,
)
from jixiao.formats.table_json_read import target_from_dict
from jixiao.model import Diagnostic, Kind, Severity, SourceRef, Target

_FUNDS_ROW = 6


@dataclass(frozen=True, slots=True)
class MonitoringUpload:
    """What an uploaded 监控表 gave: the snapshot (None if unusable), its profile, table key and problems."""

    snapshot: MonitoringSnapshot | None
    profile: str
    table_key: str
    diagnostics: tuple[Diagnostic, ...]

    @property
    def has_errors(self) -> bool:
        """True if any diagnostic is an error."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def read_monitoring_xlsx(path: str | Path, expected_key: str | None = None) -> MonitoringUpload:
    """Read a filled 监控表 template; ``expected_key`` rejects a template of another table."""
    name = Path(path).name
    try:
        workbook = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        message = f"无法打开工作簿（{exc.__class__.__name__}），请上传由系统下载的监控表模板（.xlsx）"
        return MonitoringUpload(
            None, "", "", (Diagnostic("JX-U01", Severity.ERROR, message, SourceRef(name)),)
        )
    if META_SHEET not in workbook.sheetnames or MAIN_SHEET not in workbook.sheetnames:
        message = "不是jixiao监控表模板（缺少模板信息），请先下载该项目的监控表模板再填写"
        return MonitoringUpload(
            None, "", "", (Diagnostic("JX-U01", Severity.ERROR, message, SourceRef(name)),)
        )
    rows = workbook[META_SHEET].iter_rows(values_only=True)
    meta = {str(r[0]): "" if r[1] is None else str(r[1]) for r in rows}
    problems: list[Diagnostic] = []
    key = meta.get("table_key", "")
    profile = meta.get("profile", "central")
    if meta.get("format") != FORMAT:
        message = f"模板格式“{meta.get('format')}”不受支持，应为{FORMAT}"
        return MonitoringUpload(
            None, profile, key, (Diagnostic("JX-U01", Severity.ERROR, message, SourceRef(name)),)
        )
    if expected_key is not None and key != expected_key:
        message = f"该模板属于另一张绩效目标表（“{meta.get('project', '')}”），不能用于本项目"
        where = SourceRef(name, sheet=MAIN_SHEET)
        return MonitoringUpload(None, profile, key, (Diagnostic("JX-U02", Severity.ERROR, message, where),))
    sheet = workbook[MAIN_SHEET]

    def ref(row: int, col: int) -> SourceRef:
        return SourceRef(name, sheet=MAIN_SHEET, cell=f"{get_column_letter(col)}{row}")

    def text(row: int, col: int) -> str:
        value = sheet.cell(row=row, column=col).value
        if value is None:
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            return plain(Decimal(repr(value)))
        return str(value).strip()

    def amount(row: int, col: int, what: str, required: bool = False) -> Decimal | None:
        raw = sheet.cell(row=row, column=col).value
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                problems.append(Diagnostic("JX-U05", Severity.ERROR, f"{what}未填写", ref(row, col)))
            return None
        number = Decimal(repr(raw)) if isinstance(raw, int | float) and not isinstance(raw, bool) else None
        if number is None and isinstance(raw, str):
            number = read_amount(raw)
        if number is None:
            problems.append(
                Diagnostic("JX-U04", Severity.ERROR, f"{what}应为数字，填的是“{raw}”", ref(row, col))
            )
            return None
        if number < 0:
            problems.append(
                Diagnostic("JX-U04", Severity.ERROR, f"{what}不能为负数（{plain(number)}）", ref(row, col))
            )
        return number

    months = int(meta.get("months") or 7)
    budget = amount(_FUNDS_ROW, FUNDS_COL_BUDGET, "全年预算数", required=True) or Decimal(0)
    executed = amount(_FUNDS_ROW, FUNDS_COL_EXECUTED, f"1-{months}月执行数", required=True) or Decimal(0)
    if executed > budget > 0:
        message = f"1-{months}月执行数{plain(executed)}超过全年预算数{plain(budget)}，请核实"
        problems.append(Diagnostic("JX-U06", Severity.ERROR, message, ref(_FUNDS_ROW, FUNDS_COL_EXECUTED)))
    lines = []
    first = int(meta["indicator_first_row"])
    for index in range(int(meta["indicator_count"])):
        row = first + index

        def get(field: str, index: int = index) -> str:
            return meta.get(f"indicator.{index}.{field}", "")

        target = _target(get("target"))
        label = get("name") or get("level2")
        likelihood_text = text(row, COL_LIKELIHOOD) or Likelihood.CERTAIN.value
        try:
            likelihood = Likelihood(likelihood_text)
        except ValueError:
            message = f"指标“{label}”的完成目标可能性“{likelihood_text}”应为确定能、有可能或不可能"
            problems.append(Diagnostic("JX-U04", Severity.ERROR, message, ref(row, COL_LIKELIHOOD)))
            likelihood = Likelihood.CERTAIN
        cumulative = {"1": True, "0": False}.get(get("cumulative"))
        lines.append(
            MonitoringLine(
                get("level1"),
                get("level2"),
                get("name"),
                target,
                text(row, COL_CURRENT),
                text(row, COL_EXPECTED),
                likelihood,
                text(row, COL_REASON),
                text(row, COL_MEASURES),
                cumulative,
                ref(row, COL_CURRENT),
            )
        )
    snapshot = MonitoringSnapshot(
        project=meta.get("project", ""),
        months=months,
        annual_budget=budget,
        executed=executed,
        lines=tuple(lines),
        initial_budget=amount(_FUNDS_ROW, FUNDS_COL_INITIAL, "年初预算数"),
        expected_executed=amount(_FUNDS_ROW, FUNDS_COL_EXPECTED, "全年预计执行数"),
        unit=meta.get("unit", "万元"),
        year=int(meta["year"]) if meta.get("year") else None,
        source=ref(_FUNDS_ROW, FUNDS_COL_EXECUTED),
        department=meta.get("department", ""),
        agency=meta.get("agency", ""),
        table_key=key,
    )
    return MonitoringUpload(snapshot, profile, key, tuple(problems))


def _target(text: str) -> Target:
    try:
        data: Any = json.loads(text)
        return target_from_dict(data)
    except (ValueError, KeyError, TypeError):
        return Target(raw="", kind=Kind.UNKNOWN)
