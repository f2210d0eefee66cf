"""Changing stored tables through the facade: import, edit (and 目标调整), the workflow actions.

Each method is one transaction: a rejected file, a refused action or a lost race stores nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from sqlalchemy import Connection

from jixiao.diff import diff_tables
from jixiao.model import Diagnostic, Severity, Table
from jixiao.permissions import (
    OPERATOR,
    Right,
    allowed,
    can_act,
    can_adjust,
    can_edit,
    may_create,
    may_import_published,
)
from jixiao.readers.limits import DEFAULT_LIMITS
from jixiao.service.base import ServiceBase, scope_of
from jixiao.service.errors import Conflict, Forbidden, Invalid, NotFound
from jixiao.service.reading import FileReport, read_and_review, review
from jixiao.store import audit, listing, uploads
from jixiao.store import tables as repo
from jixiao.store.db import analyze
from jixiao.store.document import content_hash, table_from_dict
from jixiao.store.errors import Conflict as StoreConflict
from jixiao.workflow import TRANSITIONS, Action, Principal, Role, Status

ANALYZE_AFTER = 1000  # tables created or changed by one import
STAGED_UPLOAD_SECONDS = DEFAULT_LIMITS.staged_upload_seconds


class WorkflowService(ServiceBase):
    """Import, edit and move tables along the workflow."""

    # ---- import ------------------------------------------------------------------------------

    def import_bytes(
        self,
        data: bytes,
        file: str,
        published: bool = False,
        who: Principal | None = None,
        read: Callable[[bytes, str], FileReport] = read_and_review,
    ) -> FileReport:
        """Read, review and store one file in one transaction; a rejected file stores nothing.

        ``who`` defaults to the command line's operator (an administrator). Nobody imports a table
        into a unit or department they may not edit, nor over a table they may not change. ``read``
        reads and reviews the file: the web passes one that parses in a worker process
        (`jixiao.service.uploads.read_upload`).
        """
        report = read(data, file)
        if not report.ok:
            return report
        who = who or OPERATOR
        if published and not may_import_published(who):
            raise Forbidden("只有管理员可以直接导入为已公开")
        status = Status.PUBLISHED if published else Status.DRAFT
        with self.engine.begin() as conn:
            self._check_import(conn, who, report.tables)
            counts = repo.import_tables(conn, report.reviews, status, who.user_id, file)
        self._cache.clear()
        self.refresh_statistics(counts.created + counts.updated)
        report.created, report.updated, report.unchanged = counts.created, counts.updated, counts.unchanged
        report.table_ids = counts.table_ids
        return report

    def _check_import(self, conn: Connection, who: Principal, tables: list[Table]) -> None:
        """Forbidden, naming the tables, when ``who`` may not import some of ``tables``."""
        refused: list[str] = []
        locked: list[str] = []
        for table, state in zip(tables, listing.stored_states(conn, tables), strict=True):
            project = table.project
            if not may_create(who, project.unit, project.department):
                refused.append(project.name)
            elif state is None or state.content_hash == content_hash(table):
                continue  # new, or unchanged: importing leaves a stored table as it is
            elif not allowed(who, state.scope, Right.IMPORT):
                (locked if can_adjust(who, state.scope) else refused).append(project.name)
        if locked:
            raise Forbidden(
                f"以下表已通过审核并锁定，不能用导入覆盖；请在表页面发起目标调整：{'、'.join(locked[:5])}"
            )
        if refused:
            where = f"本单位（{who.unit}）" if who.role is Role.FILLER else "您负责的单位"
            raise Forbidden(f"只能导入{where}可修改的表，以下表不能导入：{'、'.join(refused[:5])}")

    def import_path(self, path: Path, published: bool = False, who: Principal | None = None) -> FileReport:
        """`import_bytes` of a file on disk (refused with a reason when it is not a readable file)."""
        from jixiao.readers.text import file_problem

        problem = file_problem(path)
        if problem:
            return FileReport(file=str(path), problems=[Diagnostic("JX-I00", Severity.ERROR, problem)])
        return self.import_bytes(path.read_bytes(), str(path), published, who)

    def import_text(
        self, text: str, file: str, published: bool = False, who: Principal | None = None
    ) -> FileReport:
        """`import_bytes` of tables in the text format."""
        return self.import_bytes(text.encode("utf-8"), file, published, who)

    def refresh_statistics(self, changed: int = ANALYZE_AFTER) -> None:
        """Let the query planner know the tables' sizes after a large import (``ANALYZE``)."""
        with self.engine.begin() as conn:
            analyze(conn, changed, ANALYZE_AFTER)

    def import_effects(self, report: FileReport) -> list[str]:
        """For a preview: whether each table would be new, a new version, or left unchanged."""
        with self.engine.connect() as conn:
            return listing.import_effects(conn, report.tables)

    def stage_upload(
        self, who: Principal, filename: str, data: bytes, keep_seconds: int = STAGED_UPLOAD_SECONDS
    ) -> str:
        """Keep an uploaded file until its owner confirms the import; returns the token naming it.

        Uploads staged more than ``keep_seconds`` ago and never confirmed are purged here."""
        token = secrets.token_urlsafe(24)
        with self.engine.begin() as conn:
            uploads.purge(conn, keep_seconds)
            uploads.stage(conn, token, who.user_id, filename, data)
        return token

    def purge_staged_uploads(self, keep_seconds: int = STAGED_UPLOAD_SECONDS) -> int:
        """Delete staged uploads older than ``keep_seconds``; returns how many."""
        with self.engine.begin() as conn:
            return uploads.purge(conn, keep_seconds)

    def confirm_upload(
        self,
        who: Principal,
        token: str,
        published: bool = False,
        read: Callable[[bytes, str], FileReport] = read_and_review,
        keep_seconds: int = STAGED_UPLOAD_SECONDS,
    ) -> FileReport:
        """Import a staged upload (once, only by the user who uploaded it, and before it expires)."""
        if published and not may_import_published(who):
            raise Forbidden("只有管理员可以直接导入为已公开")
        with self.engine.begin() as conn:
            staged = uploads.take(conn, token, who.user_id, keep_seconds)
        if staged is None:
            raise NotFound("找不到待确认的上传文件（可能已导入或已过期），请重新上传")
        return self.import_bytes(staged.data, staged.filename, published, who, read)

    # ---- editing and workflow ----------------------------------------------------------------

    def save(
        self,
        who: Principal,
        table_id: int,
        table: Table,
        lock_version: int,
        reason: str | None = None,
    ) -> int:
        """Save an edit as a new version; an approved/published table needs a reason (目标调整)."""
        reviewed = review(table)
        with self.engine.begin() as conn:
            row = self._visible_row(conn, who, table_id)
            scope = scope_of(row)
            adjusting = scope.status.locked
            if adjusting:
                if not can_adjust(who, scope):
                    raise Forbidden("这张表已锁定，只有本单位填报人可以发起目标调整")
                if not (reason and reason.strip()):
                    raise Invalid("表已通过审核并锁定；修改属于目标调整，请填写调整理由")
            elif not can_edit(who, scope):
                raise Forbidden("您无权修改这张表（只能修改本单位的草稿或退回的表）")
            if table.project.unit != row.unit and who.role is not Role.ADMIN:
                raise Forbidden("不能把表改到其他用款单位")
            old = table_from_dict(listing.get_document(conn, table_id) or {})
            status = scope.status  # an adjustment moves on to 已提交 below, with its own workflow event
            try:
                lock = repo.save_version(
                    conn,
                    table_id,
                    reviewed,
                    lock_version,
                    who.user_id,
                    status,
                    reason.strip() if reason else None,
                )
            except StoreConflict:
                raise Conflict(
                    "保存冲突：在您编辑期间，这张表已被他人修改并保存。您的修改没有保存，仍保留在下方；"
                    "请打开最新版本核对后重新填写。"
                ) from None
            changes = [asdict(change) for change in diff_tables(old, table)]
            if adjusting:
                repo.set_status(
                    conn, table_id, Action.ADJUST, scope.status, Status.SUBMITTED, who.user_id, reason
                )
                lock += 1
            audit.record(
                conn,
                who.user_id,
                "adjust" if adjusting else "edit",
                "table",
                table_id,
                {"changes": changes, "reason": reason},
            )
            self._cache.clear()
            return lock

    def act(self, who: Principal, table_id: int, action: Action, comment: str = "") -> Status:
        """Submit, return, approve or publish; returning needs a comment."""
        with self.engine.begin() as conn:
            row = self._visible_row(conn, who, table_id)
            scope = scope_of(row)
            if not can_act(who, scope, action):
                raise Forbidden(f"当前状态（{scope.status.label}）下，您不能执行“{action.label}”")
            if action is Action.RETURN and not comment.strip():
                raise Invalid("退回时请填写意见，说明需要修改什么")
            to_status = TRANSITIONS[action][1]
            try:
                repo.set_status(
                    conn, table_id, action, scope.status, to_status, who.user_id, comment.strip() or None
                )
            except StoreConflict:
                raise Conflict("这张表的状态刚被他人改变，请刷新后再试") from None
            audit.record(
                conn,
                who.user_id,
                action.value,
                "table",
                table_id,
                {"status": [scope.status.value, to_status.value], "comment": comment.strip() or None},
            )
            self._cache.clear()
            return to_status
