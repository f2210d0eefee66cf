"""The one facade the CLI and the web application call: read → review → store, workflow, accounts,
monitoring and self-evaluation.

Every method opens its own transaction, asks `jixiao.permissions` who may do what, and raises a
`ServiceError` subclass (`jixiao.service.errors`) with a Chinese message for anything a user can
cause; the faces turn those into exit codes or HTTP statuses. Nothing here knows about HTTP or the
terminal. The parts: `tables` (reading), `workflow` (import, edit, actions), `accounts`, `evaluation`
(with `evaluation_files` and `evaluation_input`), `reading` (read and review a file, no storage),
`drafts` (new tables, safeguarded submission), `review_notes` (last year's table, comparisons,
comments on an indicator, dismissed findings).
"""

from __future__ import annotations

from typing import Any

from jixiao.evaluation.profiles import PROFILES
from jixiao.formats.table_json import documents_to_json_chunks
from jixiao.readers.limits import DEFAULT_LIMITS, LimitExceeded, UploadLimits, check_json_depth
from jixiao.service.accounts import (
    AccountPolicy,
    reset_audit_context,
    set_audit_context,
    verify_audit_archive,
)
from jixiao.service.active_findings import active_errors, is_active
from jixiao.service.admin import AdminService, AuditPage, audit_filter
from jixiao.service.blank import TEMPLATE_NAME, BlankTemplateService
from jixiao.service.bulk import (
    STATUS_LABELS,
    BatchStopped,
    BatchSummary,
    BulkService,
    FileOutcome,
    default_jobs,
)
from jixiao.service.drafts import DraftService
from jixiao.service.errors import (
    Conflict,
    Forbidden,
    InputProblem,
    Invalid,
    InvalidInput,
    NotFound,
    ServiceError,
)
from jixiao.service.evaluation import EvaluationService
from jixiao.service.evaluation_files import evaluation_json, monitoring_json
from jixiao.service.evaluation_views import LIKELIHOODS, EvaluationView, MonitoringView
from jixiao.service.library import LibraryService
from jixiao.service.library_governance import LibraryGovernance
from jixiao.service.orgs import Kind as OrgKind
from jixiao.service.orgs import Org, OrgService
from jixiao.service.reading import (
    MAX_UPLOAD_BYTES,
    FileReport,
    check_upload,
    read_and_review,
    review,
    review_table,
)
from jixiao.service.review_notes import (
    Comparison,
    ReviewNotesService,
    SeenFinding,
    compare_tables,
    review_base,
)
from jixiao.service.tables import EXPORT_LIMITS, TableService, TableView
from jixiao.service.todo import Todo, TodoService
from jixiao.service.uploads import read_upload
from jixiao.store.audit_key import AuditKeyError
from jixiao.store.backup import BackupError, BackupResult
from jixiao.store.backup import backup as backup_database
from jixiao.store.backup import restore as restore_database
from jixiao.store.db import BUSY_MESSAGE, DATABASE_ERRORS, database_problem, default_url, is_database_busy
from jixiao.workflow import Principal
from jixiao.writers.csv import documents_to_csv, documents_to_csv_chunks
from jixiao.writers.fonts import MissingFontError


class Service(
    DraftService,
    ReviewNotesService,
    TableService,
    BulkService,
    AdminService,
    TodoService,
    BlankTemplateService,
    LibraryService,
    LibraryGovernance,
    OrgService,
):
    """The facade over one database."""

    @property
    def evaluation(self) -> EvaluationService:
        """Monitoring and self-evaluation of stored tables."""
        return EvaluationService(self.engine)

    def dashboard(self, who: Principal) -> dict[str, Any]:
        """The dashboard's figures for what ``who`` may see."""
        from jixiao.review.registry import RULES_BY_ID
        from jixiao.store import stats

        figures: dict[str, Any] = self._cached("dashboard", who, stats.dashboard)
        by_rule = [  # the chart names each rule, not only its code
            {**entry, "title": RULES_BY_ID[entry["code"]].title if entry["code"] in RULES_BY_ID else ""}
            for entry in figures.get("findings_by_rule", [])
        ]
        # monitoring lights and grades are per caller and change with every save: never cached
        return {
            **figures,
            "findings_by_rule": by_rule,
            "evaluation": self.evaluation.dashboard(who),
            "published": self.published_dashboard(),  # published 自评表: public, never cached
        }


__all__ = [
    "BUSY_MESSAGE",
    "DATABASE_ERRORS",
    "DEFAULT_LIMITS",
    "EXPORT_LIMITS",
    "LIKELIHOODS",
    "MAX_UPLOAD_BYTES",
    "PROFILES",
    "STATUS_LABELS",
    "TEMPLATE_NAME",
    "AccountPolicy",
    "AuditKeyError",
    "AuditPage",
    "BackupError",
    "BackupResult",
    "BatchStopped",
    "BatchSummary",
    "Comparison",
    "Conflict",
    "EvaluationService",
    "EvaluationView",
    "FileOutcome",
    "FileReport",
    "Forbidden",
    "InputProblem",
    "Invalid",
    "InvalidInput",
    "LimitExceeded",
    "MissingFontError",
    "MonitoringView",
    "NotFound",
    "Org",
    "OrgKind",
    "SeenFinding",
    "Service",
    "ServiceError",
    "TableView",
    "Todo",
    "UploadLimits",
    "active_errors",
    "audit_filter",
    "backup_database",
    "check_json_depth",
    "check_upload",
    "compare_tables",
    "database_problem",
    "default_jobs",
    "default_url",
    "documents_to_csv",
    "documents_to_csv_chunks",
    "documents_to_json_chunks",
    "evaluation_json",
    "is_active",
    "is_database_busy",
    "monitoring_json",
    "read_and_review",
    "read_upload",
    "reset_audit_context",
    "restore_database",
    "review",
    "review_base",
    "review_table",
    "set_audit_context",
    "verify_audit_archive",
]
