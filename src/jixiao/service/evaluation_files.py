"""Files and JSON of monitoring and self-evaluation: the xlsx templates (download, upload), the scored
自评表 (xlsx, PDF), the 自评报告 draft (docx), the 监控表, and the JSON twins of the pages.

The writers and readers are the scoring engineer's (`jixiao.writers.selfeval_*`, `monitoring_xlsx`,
`jixiao.readers.*_xlsx`); this module only ties them to stored tables and their permissions. An upload
is refused whole when any cell is unusable, every problem naming its cell.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

from jixiao.evaluation.profiles import DEFAULT_PROFILE, PROFILES
from jixiao.evaluation.serialize import (
    diagnostic_to_dict,
    evaluation_to_dict,
    monitoring_to_dict,
    result_to_dict,
    snapshot_to_dict,
)
from jixiao.model import Diagnostic, Severity, Table
from jixiao.readers.limits import DEFAULT_LIMITS, LimitExceeded, check_bytes
from jixiao.scoring.selfeval import evaluate, table_key
from jixiao.service.errors import InputProblem, Invalid, InvalidInput, NotFound
from jixiao.service.evaluation_input import payload_of_evaluation, payload_of_snapshot
from jixiao.service.evaluation_views import BLOCKING_CODES, EvaluationView, MonitoringView
from jixiao.service.reading import MAX_UPLOAD_BYTES, check_upload
from jixiao.service.sandbox import run_limited
from jixiao.workflow import Principal


class _Entries(Protocol):
    """What the file methods need of `EvaluationService` (they are mixed into it)."""

    def evaluation(self, who: Principal, table_id: int, profile: str | None = None) -> EvaluationView: ...
    def monitoring(self, who: Principal, table_id: int, months: int | None = None) -> MonitoringView: ...
    def save_evaluation(
        self, who: Principal, table_id: int, payload: Mapping[str, Any]
    ) -> EvaluationView: ...
    def save_monitoring(
        self, who: Principal, table_id: int, payload: Mapping[str, Any]
    ) -> MonitoringView: ...
    def table_for_entry(self, who: Principal, table_id: int) -> Table: ...


class EvaluationFiles:
    """The workbooks, PDF and report of monitoring and self-evaluation (mixed into `EvaluationService`)."""

    def template_xlsx(self: _Entries, who: Principal, table_id: int) -> tuple[str, bytes]:
        """The 自评表 template of the table, pre-filled with its targets and whatever is stored."""
        from jixiao.writers.selfeval_xlsx import write_selfeval_xlsx

        view = self.evaluation(who, table_id)
        out = io.BytesIO()
        write_selfeval_xlsx(view.evaluation, view.profile, out)
        return f"自评表模板-{table_id}.xlsx", out.getvalue()

    def scored_xlsx(self: _Entries, who: Principal, table_id: int) -> tuple[str, bytes]:
        """The stored 自评表 with its scores, as xlsx."""
        from jixiao.writers.selfeval_xlsx import write_selfeval_xlsx

        view = _stored_evaluation(self, who, table_id)
        out = io.BytesIO()
        write_selfeval_xlsx(view.evaluation, view.profile, out, view.result)
        return f"自评表-{table_id}.xlsx", out.getvalue()

    def report_docx(self: _Entries, who: Principal, table_id: int) -> tuple[str, bytes]:
        """A draft 自评报告 (docx) from the stored, scored 自评."""
        from jixiao.writers.selfeval_docx import write_selfeval_report

        view = _stored_evaluation(self, who, table_id)
        out = io.BytesIO()
        write_selfeval_report(view.evaluation, view.profile, view.result, out)
        return f"自评报告-{table_id}.docx", out.getvalue()

    def scored_pdf(self: _Entries, who: Principal, table_id: int) -> tuple[str, bytes]:
        """The scored 自评表 in the profile's layout as PDF (WeasyPrint, embedded CJK font)."""
        from jixiao.writers.selfeval_pdf import write_selfeval_pdf

        view = _stored_evaluation(self, who, table_id)
        out = io.BytesIO()
        write_selfeval_pdf(view.evaluation, view.profile, view.result, out)
        return f"自评表-{table_id}.pdf", out.getvalue()

    def monitoring_xlsx(
        self: _Entries, who: Principal, table_id: int, months: int | None, scored: bool
    ) -> tuple[str, bytes]:
        """The 监控表 as xlsx: the template pre-filled with what is stored, or the table with its lights."""
        from jixiao.writers.monitoring_xlsx import write_monitoring_xlsx

        view = self.monitoring(who, table_id, months)
        if scored and not view.stored:
            raise NotFound("这张表还没有保存该期的运行监控")
        out = io.BytesIO()
        write_monitoring_xlsx(view.snapshot, view.profile, out, view.result if scored else None)
        kind = "监控表" if scored else "监控表模板"
        return f"{kind}-{table_id}-1-{view.snapshot.months}月.xlsx", out.getvalue()

    def upload_evaluation_xlsx(
        self: _Entries,
        who: Principal,
        table_id: int,
        data: bytes,
        filename: str,
        limit: int = MAX_UPLOAD_BYTES,
    ) -> EvaluationView:
        """A filled template: every problem names its cell; any problem and nothing is stored."""
        safe_name, table = _upload_target(self, who, table_id, data, filename, "自评表.xlsx", limit)
        upload = _read_saved(data, safe_name, "selfeval", table_key(table))
        problems = _error_problems(upload.diagnostics)
        if upload.evaluation is None or problems:
            raise InvalidInput(f"{safe_name} 不能导入", problems or [InputProblem("", "无法读取该文件")])
        scored = evaluate(upload.evaluation, PROFILES.get(upload.profile, DEFAULT_PROFILE))
        blocking = [_cell_problem(d) for d in scored.diagnostics if d.code in BLOCKING_CODES]
        if blocking:
            raise InvalidInput(f"{safe_name} 不能导入", blocking)
        return self.save_evaluation(who, table_id, payload_of_evaluation(upload.evaluation, upload.profile))

    def upload_monitoring_xlsx(
        self: _Entries,
        who: Principal,
        table_id: int,
        data: bytes,
        filename: str,
        limit: int = MAX_UPLOAD_BYTES,
    ) -> MonitoringView:
        """A filled 监控表 template: every problem names its cell; any problem and nothing is stored."""
        path_name, table = _upload_target(self, who, table_id, data, filename, "监控表.xlsx", limit)
        upload = _read_saved(data, path_name, "monitoring", table_key(table))
        problems = _error_problems(upload.diagnostics)
        if upload.snapshot is None or problems:
            raise InvalidInput(f"{path_name} 不能导入", problems or [InputProblem("", "无法读取该文件")])
        return self.save_monitoring(who, table_id, payload_of_snapshot(upload.snapshot, upload.profile))


def _read_saved(data: bytes, name: str, reader: str, expected_key: Any) -> Any:
    """An uploaded template read like an import's upload: in a worker process with a time and memory
    ceiling (`jixiao.service.sandbox`), so a hostile workbook stalls or exhausts nothing but it."""
    try:
        return run_limited(
            read_template,
            reader,
            data,
            name,
            expected_key,
            seconds=DEFAULT_LIMITS.parse_seconds,
            memory_bytes=DEFAULT_LIMITS.parse_memory_bytes,
        )
    except LimitExceeded as exceeded:
        raise Invalid(f"{name}：{exceeded.message}") from None


def read_template(reader: str, data: bytes, name: str, expected_key: Any) -> Any:
    """In the worker: a filled template (``selfeval`` 自评表, ``monitoring`` 监控表) read from a private
    temporary file under its own name (the readers take paths; diagnostics cite the user's name)."""
    from jixiao.readers.monitoring_xlsx import read_monitoring_xlsx
    from jixiao.readers.selfeval_xlsx import read_selfeval_xlsx

    read: Callable[..., Any] = read_selfeval_xlsx if reader == "selfeval" else read_monitoring_xlsx
    with tempfile.TemporaryDirectory(prefix="jixiao-upload-") as directory:
        path = Path(directory) / name
        path.write_bytes(data)
        return read(path, expected_key=expected_key)


def _error_problems(diagnostics: Iterable[Diagnostic]) -> list[InputProblem]:
    """The errors among a reader's diagnostics, each as a problem naming its cell."""
    return [_cell_problem(d) for d in diagnostics if d.severity is Severity.ERROR]


def _stored_evaluation(service: _Entries, who: Principal, table_id: int) -> EvaluationView:
    view = service.evaluation(who, table_id)
    if not view.stored:
        raise NotFound("这张表还没有保存的单位自评")
    return view


def _upload_target(
    service: _Entries, who: Principal, table_id: int, data: bytes, filename: str, default: str, limit: int
) -> tuple[str, Table]:
    """Checks common to uploads (size, the right to enter data); the file's safe base name, the table."""
    check_upload(data, filename, limit)
    table = service.table_for_entry(who, table_id)
    refused = check_bytes(data, filename or default)  # a workbook bomb: refused before openpyxl sees it
    if refused is not None:
        raise Invalid(refused.message)
    # the base name only: it appears in messages (自评.xlsx!自评表!D7), never as a path
    return Path(filename or default).name.replace("\x00", "") or default, table


def _cell_problem(d: Diagnostic) -> InputProblem:
    """A workbook problem with its place: ``自评.xlsx!自评表!E14：…``."""
    where = d.source.cell or ""
    return InputProblem(where, f"{d.source}：{d.message}" if d.source.file else d.message)


# ---- the JSON twins (web API and `jixiao evaluation … --json`) -------------------------------------


def monitoring_json(view: MonitoringView) -> dict[str, Any]:
    """The 监控 page's JSON twin."""
    return {
        "format": "jixiao.monitoring-entry/1",
        "table_id": view.table_id,
        "year": view.table.project.year,
        "stored": view.stored,
        "updated_by": view.updated_by,
        "periods": [{"months": p["months"], "light": p["light"]} for p in view.periods],
        "entry": view.payload,
        "record": snapshot_to_dict(view.snapshot),
        "result": monitoring_to_dict(view.result, view.table.project.name),
        "can_enter": view.access.enter,
    }


def evaluation_json(view: EvaluationView) -> dict[str, Any]:
    """The 自评 page's JSON twin."""
    adjustments = [
        {"index": i, "reduction": format(line.adjustment.reduction, "f"), "reason": line.adjustment.reason,
         "by": line.adjustment.by}
        for i, line in enumerate(view.evaluation.lines)
        if line.adjustment is not None
    ]  # fmt: skip
    return {
        "format": "jixiao.selfeval-entry/1",
        "table_id": view.table_id,
        "year": view.table.project.year,
        "stored": view.stored,
        "updated_by": view.updated_by,
        "entry": view.payload,
        "record": evaluation_to_dict(view.evaluation),
        "adjustments": adjustments,
        "result": result_to_dict(view.result, view.table.project.name),
        "blocking": [diagnostic_to_dict(d) for d in view.blocking],
        "can_enter": view.access.enter,
        "can_adjust": view.access.adjust,
    }
