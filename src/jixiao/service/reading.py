"""Read and review a file before anything is stored: the preview of an import, the live check.

Pure of storage: reading and reviewing touch no database, so the web's preview and the editor's live
review call these directly, and `Service.import_bytes` stores what they return.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from jixiao.model import Diagnostic, Severity, Table
from jixiao.readers.limits import DEFAULT_LIMITS, UploadLimits
from jixiao.service.errors import Invalid
from jixiao.store.tables import Reviewed

if TYPE_CHECKING:
    from jixiao.readers.detect import Parsed

# The one limit on an uploaded file (a table file, a filled template); the web's setting defaults to it.
MAX_UPLOAD_BYTES = DEFAULT_LIMITS.max_bytes


def review_table(table: Table) -> list[Diagnostic]:
    """The review engine's findings for one table."""
    return list(review(table).findings)


def review(table: Table, extra: Sequence[Diagnostic] = ()) -> Reviewed:
    """Review one table; ``extra`` (the reader's diagnostics) go first among its findings."""
    from jixiao.review import review_table as engine

    result = engine(table)
    return Reviewed(table, [*extra, *result.findings], result.outcome.value, result.reason)


def _attach_reader_diagnostics(
    tables: Sequence[Table], found: Sequence[Diagnostic]
) -> list[list[Diagnostic]]:
    """Give each table the reader's diagnostics inside it: by line (the last table, in the file's
    order, that starts at or before the line), else by sheet (its first table), else the first table.

    The tables' starts and sheets are indexed once, so a file of many tables and many diagnostics
    costs their sum, not their product."""
    per_table: list[list[Diagnostic]] = [[] for _ in tables]
    if not tables:
        return per_table
    by_start = sorted((t.source.line or 0, i) for i, t in enumerate(tables))
    starts = [start for start, _ in by_start]
    latest = list(accumulate((i for _, i in by_start), max))  # the last table among those starting so far
    first_of_sheet: dict[str, int] = {}
    for i, t in enumerate(tables):
        if t.source.sheet:
            first_of_sheet.setdefault(t.source.sheet, i)
    for item in found:
        line = item.source.line
        if line is not None:
            before = bisect_right(starts, line)
            index = latest[before - 1] if before else 0
        else:
            index = first_of_sheet.get(item.source.sheet, 0) if item.source.sheet else 0
        per_table[index].append(item)
    return per_table


@dataclass
class FileReport:
    """What reading (and possibly storing) one file gave."""

    file: str
    tables: list[Table] = field(default_factory=list)
    findings: list[list[Diagnostic]] = field(default_factory=list)
    reviews: list[Reviewed] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)  # why the file was rejected
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    table_ids: list[int] = field(default_factory=list)
    # published 自评表 recognised by content (audit documents, jixiao-selfeval-audit/1), and the ids
    # they were stored under; a file holds either these or target tables
    selfevaluations: list[dict[str, Any]] = field(default_factory=list)
    selfevaluation_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file is fit to store (no problems)."""
        return not self.problems

    @property
    def finding_count(self) -> int:
        """Findings of every table of the file."""
        return sum(len(f) for f in self.findings)


def read_and_review(data: bytes, file: str, limits: UploadLimits = DEFAULT_LIMITS) -> FileReport:
    """Read a file of any supported kind (text, workbook, PDF, jixiao JSON), review every table, and
    decide whether the file is fit to store (``problems``); a file past ``limits`` is not parsed."""
    from jixiao.readers.detect import close_parsed, read_bytes_keeping_parsed
    from jixiao.readers.limits import refused
    from jixiao.readers.text import FILE_PROBLEM

    # the content limits are checked first there; what the reader parsed (a text's rows, a workbook's
    # sheets, a PDF's pages, a document's tables) is kept for the self-evaluation check
    tables, diagnostics, parsed = read_bytes_keeping_parsed(data, file, limits)
    try:
        report = FileReport(file=file, tables=list(tables))
        errors = [d for d in diagnostics if d.code == FILE_PROBLEM]
        if not any(refused(d) for d in errors) and not _unopened(data, file, parsed):
            audits = audit_published(data, file, parsed)  # a published 自评表 is recognised by content
            if audits:
                return FileReport(file=file, selfevaluations=audits)
    finally:
        close_parsed(parsed)
    report.problems.extend(errors)
    if not tables and not errors:  # the reader's reason (a 自评表, cells run together), else a plain one
        said = [d for d in diagnostics if d.severity is Severity.WARNING]
        report.problems.extend(said or [Diagnostic("JX-I01", Severity.ERROR, "文件中没有找到项目绩效目标表")])
    for table in tables:
        if not table.indicators:
            report.problems.append(
                Diagnostic(
                    "JX-I02",
                    Severity.ERROR,
                    f"表“{table.project.name or '（无名称）'}”没有任何绩效指标，无法导入",
                    table.source,
                )
            )
    per_table = _attach_reader_diagnostics(tables, [d for d in diagnostics if d.code != FILE_PROBLEM])
    report.reviews = _review_file(tables, per_table)
    report.findings = [list(r.findings) for r in report.reviews]
    return report


def _unopened(data: bytes, file: str, parsed: Parsed | None) -> bool:
    """True for a workbook, PDF, Word document or page its reader could not open (damaged, locked, too
    large): the self-evaluation check would fail on it the same way, so it is not opened again."""
    from jixiao.readers.detect import PARSED_ONCE, detect_format

    return parsed is None and detect_format(data, file) in PARSED_ONCE


def audit_published(data: bytes, file: str, parsed: Parsed | None = None) -> list[dict[str, Any]]:
    """The published 自评表 of a file, each scored again with its findings (audit documents); [] when
    the file holds none. What the target-table reader parsed of the same bytes and name (``parsed``:
    a text's rows, a workbook's sheets, a PDF's pages, a document's tables) is not parsed again. A
    reader that fails on a damaged file leaves the file to the table readers."""
    from jixiao.readers.selfeval_published import parsed_rows, read_published_bytes, read_published_if_any
    from jixiao.readers.selfeval_text import cut_of_its_own
    from jixiao.readers.text import TextCut
    from jixiao.scoring.audit import audit
    from jixiao.scoring.audit_report import audit_to_dict

    if isinstance(parsed, TextCut) and cut_of_its_own(parsed.text):
        parsed = None  # CSV, or a 自评报告 in sentences: the target tables' rows are not its rows
    try:
        if parsed is None:
            published = read_published_bytes(data, file)
        else:
            published = read_published_if_any(parsed_rows(parsed, file))
    except Exception:
        return []
    return [audit_to_dict(audit(p), file) for p in published]


def _review_file(tables: Sequence[Table], reader: Sequence[Sequence[Diagnostic]]) -> list[Reviewed]:
    """Review the tables of one file together (some rules compare tables read side by side)."""
    from jixiao.review import review_batch

    return [
        Reviewed(result.table, [*extra, *result.findings], result.outcome.value, result.reason)
        for result, extra in zip(review_batch(list(tables)), reader, strict=True)
    ]


def check_upload(data: bytes, filename: str, limit: int = MAX_UPLOAD_BYTES) -> None:
    """Invalid, saying clearly why, for an upload too large or empty (the readers judge the rest)."""
    if len(data) > limit:
        raise Invalid(
            f"文件 {filename} 太大（{len(data) / 1024 / 1024:.1f} MB），上限为 {limit // 1024 // 1024} MB"
        )
    if not data.strip():
        raise Invalid(f"文件 {filename} 是空的")
