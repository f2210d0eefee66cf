"""The pipeline without a database, for the command line's file commands: read → review/score → write.

`jixiao parse`, `review`, `evaluate`, `monitoring` and `export` work on files, not on stored tables;
they call the readers, the review engine, the scoring core and the writers through this one module,
as the commands on stored tables call `jixiao.service`. The faces import neither the readers nor the
writers directly (tests/test_architecture.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from jixiao.evaluation.numbers import money, plain
from jixiao.evaluation.profiles import PROFILES, Profile
from jixiao.evaluation.records import EvaluationResult, SelfEvaluation
from jixiao.evaluation.serialize import monitoring_to_dict, result_to_dict
from jixiao.readers.collection import CollectedFile, count_files, iter_files
from jixiao.readers.detect import read_any, read_bytes
from jixiao.readers.monitoring_xlsx import read_monitoring_xlsx
from jixiao.readers.selfeval_prose import FROM_SENTENCES
from jixiao.readers.selfeval_published import NOT_SELFEVAL, read_published_path
from jixiao.readers.selfeval_unsure import UNSURE_COLUMNS
from jixiao.readers.selfeval_xlsx import read_selfeval_xlsx
from jixiao.readers.text import FILE_PROBLEM
from jixiao.review import RULES, ProfileError, load_profile, review_batch
from jixiao.review.report import catalogue_markdown, finding_to_dict, review_to_dict, rule_to_dict
from jixiao.scoring import evaluate
from jixiao.scoring.audit import AuditResult, audit
from jixiao.scoring.audit_report import AUDIT_FORMAT, audit_to_dict, diagnostic_dict
from jixiao.scoring.monitoring import monitor, snapshot_from_table
from jixiao.scoring.selfeval import evaluation_from_table, table_key
from jixiao.writers.cell_text import csv_row
from jixiao.writers.csv import write_csv
from jixiao.writers.export import export_bytes
from jixiao.writers.fonts import MissingFontError
from jixiao.writers.monitoring_xlsx import write_monitoring_xlsx
from jixiao.writers.selfeval_xlsx import write_selfeval_xlsx
from jixiao.writers.text import budget_text, print_tables


def is_jixiao_form(path: Path) -> bool:
    """True for our own 自评表/监控表 templates, which the table readers would misread as a table."""
    import zipfile

    if not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return False
    return 'name="jixiao"' in workbook


def write_selfeval_report(
    evaluation: SelfEvaluation, profile: Profile, result: EvaluationResult, target: str | Path | IO[bytes]
) -> None:
    """The draft 自评报告 (docx); python-docx is imported only when a report is asked for."""
    from jixiao.writers.selfeval_docx import write_selfeval_report as write

    write(evaluation, profile, result, target)


def write_selfeval_pdf(
    evaluation: SelfEvaluation, profile: Profile, result: EvaluationResult, target: str | Path | IO[bytes]
) -> None:
    """The scored 自评表 as PDF; WeasyPrint is imported only when a PDF is asked for."""
    from jixiao.writers.selfeval_pdf import write_selfeval_pdf as write

    write(evaluation, profile, result, target)


__all__ = [
    "AUDIT_FORMAT",
    "FILE_PROBLEM",
    "FROM_SENTENCES",
    "NOT_SELFEVAL",
    "PROFILES",
    "RULES",
    "UNSURE_COLUMNS",
    "AuditResult",
    "CollectedFile",
    "EvaluationResult",
    "MissingFontError",
    "Profile",
    "ProfileError",
    "SelfEvaluation",
    "audit",
    "audit_to_dict",
    "budget_text",
    "catalogue_markdown",
    "count_files",
    "csv_row",
    "diagnostic_dict",
    "evaluate",
    "evaluation_from_table",
    "export_bytes",
    "finding_to_dict",
    "is_jixiao_form",
    "iter_files",
    "load_profile",
    "money",
    "monitor",
    "monitoring_to_dict",
    "plain",
    "print_tables",
    "read_any",
    "read_bytes",
    "read_monitoring_xlsx",
    "read_published_path",
    "read_selfeval_xlsx",
    "result_to_dict",
    "review_batch",
    "review_to_dict",
    "rule_to_dict",
    "snapshot_from_table",
    "table_key",
    "write_csv",
    "write_monitoring_xlsx",
    "write_selfeval_pdf",
    "write_selfeval_report",
    "write_selfeval_xlsx",
]
