"""Changing stored tables through the facade: import, edit (and 目标调整), the workflow actions.

Each method is one transaction: a rejected file, a refused action or a lost race stores nothing.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import asdict, replace
from pathlib import Path

from sqlalchemy import Connection

from jixiao.diff import diff_tables
from jixiao.model import Diagnostic, Severity, Table
from jixiao.permissions import (
    OPERATOR,
    can_act,
    can_adjust,
    can_edit,
    import_effect,
    may_create,
    may_import_published,
    organisations_for,
)
from jixiao.queries import TableRow
from jixiao.readers.limits import DEFAULT_LIMITS
from jixiao.service.active_findings import settle, working_findings
from jixiao.service.base import scope_of
from jixiao.service.errors import Conflict, Forbidden, Invalid, NotFound
from jixiao.service.findings import submission_text
from jixiao.service.published import PublishedDownloads
from jixiao.service.reading import FileReport, read_and_review, review
from jixiao.service.rule_profiles import by_year_profiles
from jixiao.store import adjustments, audit, listing, uploads
from jixiao.store import tables as repo
from jixiao.store.db import analyze
from jixiao.store.document import content_hash, identity, table_from_dict
from jixiao.store.errors import Conflict as StoreConflict
from jixiao.store.held_rows import release, release_for
from jixiao.store.tables import Reviewed
from jixiao.workflow import TRANSITIONS, Action, Principal, Role, Status

ANALYZE_AFTER = 1000  # tables created or changed by one import
STAGED_UPLOAD_SECONDS = DEFAULT_LIMITS.staged_upload_seconds


class WorkflowService(PublishedDownloads):
    """Import, edit and move tables along the workflow."""

    # ---- import ------------------------------------------------------------------------------

    def import_bytes(
        self,
        data: bytes,
        file: str,
        published: bool = False,
        who: Principal | None = None,
        read: Callable[[bytes, str], FileReport] = read_and_review,
        reason: str | None = None,
    ) -> FileReport:
        """Read, review and store one file in one transaction; a rejected file stores nothing.

        ``who`` defaults to the command line's operator (an administrator). Nobody imports a table
        into a unit or department they may not edit. A changed table that was submitted, approved or
        published becomes a 目标调整 that needs ``reason`` (the published version stays public until
        the adjustment is published); ``published`` (administrators: tables taken from published
        documents) stores them as 已公开 instead. ``read`` reads and reviews the file: the web passes
        one that parses in a worker process (`jixiao.service.uploads.read_upload`).
        """
        report = read(data, file)
        if not report.ok:
            return report
        with self.engine.begin() as conn:
            self.store_report(conn, report, file, published, who, reason)
        self._cache.clear()
        if not report.selfevaluations:
            self.refresh_statistics(report.created + report.updated)
        return report

    def store_report(
        self,
        conn: Connection,
        report: FileReport,
        file: str,
        published: bool = False,
        who: Principal | None = None,
        reason: str | None = None,
    ) -> None:
        """Store a file's report read and reviewed, inside the caller's transaction (`import_bytes`;
        a bulk import stores several files in one): the checks, rows and audit records of one import,
        the counts and ids set on ``report``. Raises as `import_bytes` does; the caller rolls back."""
        who = who or OPERATOR
        # a table an earlier file of a bulk import's batch created: its held rows in before it is planned
        release_for(conn, [identity(entry.table) for entry in report.reviews])
        if report.selfevaluations:  # published 自评表, recognised by content: stored as public
            release(conn)
            self.store_published_on(conn, who, report)
            return
        if published and not may_import_published(who):
            raise Forbidden("只有管理员可以直接导入为已公开")
        status = Status.PUBLISHED if published else Status.DRAFT
        note = reason.strip() if reason and reason.strip() else None
        file = re.split(r"[\\/]", file)[-1]  # the events and the audit log name the file, not its path
        plan = self._plan_import(
            conn,
            who,
            [self._bound(conn, who, r) for r in by_year_profiles(conn, report.reviews)],
            published,
        )
        adjusted = [(entry, row) for entry, row, effect in plan if effect == "adjust"]
        if adjusted and note is None:
            names = "、".join(entry.table.project.name for entry, _ in adjusted[:5])
            raise Invalid(
                f"以下表已提交、已通过或已公开，导入的新内容将作为目标调整，请填写调整理由：{names}"
            )
        stored = [entry for entry, _, effect in plan if effect in ("new", "changed")]
        unstored = {identity(entry.table) for entry, _, effect in plan if effect == "new"}
        counts = repo.import_tables(conn, stored, status, who.user_id, file, unstored=unstored)
        # a re-imported table keeps its reviewer's dismissals (a table created now has none)
        settle(conn, [table_id for table_id in counts.table_ids if table_id not in counts.created_ids])
        for entry, row in [(e, r) for e, r, effect in plan if effect in ("adjust", "draft")]:
            assert row is not None
            self._store_change(conn, who, row, entry, row.lock_version, note)
            audit.record(conn, who.user_id, "adjust", "table", row.id, {"file": file, "reason": note})
            counts.updated += 1
            counts.table_ids.append(int(row.id))
        counts.unchanged += sum(1 for _, _, effect in plan if effect == "unchanged")
        report.created, report.updated, report.unchanged = counts.created, counts.updated, counts.unchanged
        report.table_ids = counts.table_ids

    @staticmethod
    def _bound(conn: Connection, who: Principal, entry: Reviewed) -> Reviewed:
        """A file's table with the unit and department ``who`` may give it (a 填报人's: the account's)."""
        project = entry.table.project
        stored = listing.stored_department(conn, entry.table) if who.role is Role.FILLER else None
        unit, department = organisations_for(who, project.unit, project.department, stored)
        if (unit, department) == (project.unit, project.department) or unit != project.unit:
            return entry  # unchanged, or another unit's table: refused by the plan
        table = replace(entry.table, project=replace(project, department=department))
        return replace(entry, table=table, document="", content_hash="")  # the worker's were the file's

    def _plan_import(
        self, conn: Connection, who: Principal, entries: list[Reviewed], published: bool
    ) -> list[tuple[Reviewed, TableRow | None, str]]:
        """What importing each table does (the later of two with one identity wins): ``new``,
        ``unchanged``, ``changed`` (stored over an open table, or as 已公开 by an administrator),
        ``draft`` (a new version of an adjustment still open) or ``adjust`` (a 目标调整). Forbidden,
        naming the tables, when ``who`` may do none of these with some of them."""
        last = {identity(entry.table): entry for entry in entries}
        chosen = list(last.values())
        refused: list[str] = []
        plan: list[tuple[Reviewed, TableRow | None, str]] = []
        states = listing.stored_states(conn, [entry.table for entry in chosen])
        for entry, state in zip(chosen, states, strict=True):
            project = entry.table.project
            if not may_create(who, project.unit, project.department):
                refused.append(project.name)
                continue
            if state is None:
                plan.append((entry, None, "new"))
                continue
            row = self._visible_row(conn, who, state.table_id)
            effect = import_effect(
                who, scope_of(row), published, state.content_hash == content_hash(entry.table)
            )
            if effect is None:
                refused.append(project.name)
            plan.append((entry, row, effect or "refused"))
        if refused:
            where = f"本单位（{who.unit}）" if who.role is Role.FILLER else "您负责的单位"
            raise Forbidden(f"只能导入{where}可修改的表，以下表不能导入：{'、'.join(refused[:5])}")
        return plan

    def import_path(
        self, path: Path, published: bool = False, who: Principal | None = None, reason: str | None = None
    ) -> FileReport:
        """`import_bytes` of a file on disk (refused with a reason when it is not a readable file)."""
        from jixiao.readers.text import file_problem

        problem = file_problem(path)
        if problem:
            return FileReport(file=str(path), problems=[Diagnostic("JX-I00", Severity.ERROR, problem)])
        return self.import_bytes(path.read_bytes(), str(path), published, who, reason=reason)

    def import_text(
        self, text: str, file: str, published: bool = False, who: Principal | None = None
    ) -> FileReport:
        """`import_bytes` of tables in the text format."""
        return self.import_bytes(text.encode("utf-8"), file, published, who)

    def refresh_statistics(self, changed: int = ANALYZE_AFTER) -> None:
        """Let the query planner know the tables' sizes after a large import (``ANALYZE``)."""
        with self.engine.begin() as conn:
            analyze(conn, changed, ANALYZE_AFTER)

    def preview_by_year_profile(self, report: FileReport) -> FileReport:
        """A preview's reviews as the import will store them: by the rule profile of each year."""
        report.reviews = self.by_year_profile(report.reviews)
        report.findings = [list(r.findings) for r in report.reviews]
        return report

    def import_effects(self, report: FileReport, who: Principal | None = None) -> list[str]:
        """For a preview: whether each table would be ``new``, a new version (``changed``, or ``adjust``:
        a 目标调整 that needs a reason), ``unchanged``, or ``refused`` (not ``who``'s to import)."""
        who = who or OPERATOR
        effects: list[str] = []
        with self.engine.connect() as conn:
            states = listing.stored_states(conn, report.tables)
            for table, state in zip(report.tables, states, strict=True):
                if not may_create(who, table.project.unit, table.project.department):
                    effects.append("refused")
                elif state is None:
                    effects.append("new")
                else:
                    effect = import_effect(who, state.scope, False, state.content_hash == content_hash(table))
                    effects.append("changed" if effect == "draft" else effect or "refused")
        return effects

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
        reason: str | None = None,
    ) -> FileReport:
        """Import a staged upload (once, only by the user who uploaded it, and before it expires);
        ``reason``: the 目标调整's, for tables already submitted, approved or published."""
        if published and not may_import_published(who):
            raise Forbidden("只有管理员可以直接导入为已公开")
        with self.engine.begin() as conn:
            staged = uploads.peek(conn, token, who.user_id, keep_seconds)
        if staged is None:
            raise NotFound("找不到待确认的上传文件（可能已导入或已过期），请重新上传")
        report = self.import_bytes(staged.data, staged.filename, published, who, read, reason)
        with self.engine.begin() as conn:
            uploads.take(conn, token, who.user_id, keep_seconds)  # imported: the staged file goes
        return report

    # ---- editing and workflow ----------------------------------------------------------------

    def save(
        self,
        who: Principal,
        table_id: int,
        table: Table,
        lock_version: int,
        reason: str | None = None,
    ) -> int:
        """Save an edit as a new version; an approved/published table needs a reason (目标调整).

        A published table stays public as it was until the adjustment is published
        (`jixiao.store.adjustments`)."""
        with self.engine.begin() as conn:
            row = self._visible_row(conn, who, table_id)
            if table.project.unit != row.unit and who.role is not Role.ADMIN:
                raise Forbidden("不能把表改到其他用款单位")
            unit, department = organisations_for(
                who, table.project.unit, table.project.department, row.department
            )
            table = replace(table, project=replace(table.project, unit=unit, department=department))
            reviewed = self.by_year_profile([review(table)])[0]
            scope = scope_of(row)
            if scope.status.locked:
                if not can_adjust(who, scope):
                    raise Forbidden("这张表已锁定，只有本单位填报人可以发起目标调整")
                if not (reason and reason.strip()):
                    raise Invalid("表已通过审核并锁定；修改属于目标调整，请填写调整理由")
            elif not can_edit(who, scope):
                raise Forbidden("您无权修改这张表（只能修改本单位的草稿或退回的表）")
            old = table_from_dict(listing.get_document(conn, table_id, row.current_version) or {})
            try:
                lock = self._store_change(conn, who, row, reviewed, lock_version, reason)
            except StoreConflict:
                raise Conflict(
                    "保存冲突：在您编辑期间，这张表已被他人修改并保存。您的修改没有保存，仍保留在下方；"
                    "请打开最新版本核对后重新填写。"
                ) from None
            changes = [asdict(change) for change in diff_tables(old, table)]
            adjusting = not scope.status.editable
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

    def _store_change(
        self,
        conn: Connection,
        who: Principal,
        row: TableRow,
        reviewed: Reviewed,
        lock_version: int,
        reason: str | None,
    ) -> int:
        """Store a new version of a table ``who`` may change (checked by the caller): in place while
        it is open; otherwise a 目标调整 that goes (back) to 已提交. A table with a published version
        keeps it as its row (public) and gets the new one as its adjustment. Returns the lock version."""
        scope = scope_of(row)
        note = reason.strip() if reason and reason.strip() else None
        if scope.public:
            lock = adjustments.save_pending(conn, row.id, reviewed, lock_version, who.user_id, note)
        else:
            lock = repo.save_version(conn, row.id, reviewed, lock_version, who.user_id, scope.status, note)
        settle(conn, [row.id])  # dismissals carry to the new version where the same rule finds the same place
        if not scope.status.editable:  # submitted, approved or published: a 目标调整
            self._move(conn, who, row, Action.ADJUST, Status.SUBMITTED, note)
            lock += 1
        return lock

    def _move(
        self,
        conn: Connection,
        who: Principal,
        row: TableRow,
        action: Action,
        to: Status,
        note: str | None,
    ) -> None:
        """Move a (working) table row to ``to``: the table's status, or its adjustment's when it has a
        published version (publishing the adjustment makes it the table's row). Conflict (store) when
        the status changed meanwhile."""
        scope = scope_of(row)
        table_id = int(row.id)
        if not scope.public:
            repo.set_status(conn, table_id, action, scope.status, to, who.user_id, note)
        elif action is Action.PUBLISH:
            document = listing.get_document(conn, table_id, row.current_version) or {}
            adjustments.publish_pending(conn, table_id, review(table_from_dict(document)), who.user_id, note)
            settle(conn, [table_id])  # the published adjustment's findings, with the dismissals
        else:
            started = row.pending_status is not None
            adjustments.set_pending_status(
                conn, table_id, action, scope.status if started else None, to, who.user_id, note
            )

    def act(
        self,
        who: Principal,
        table_id: int,
        action: Action,
        comment: str = "",
        explanations: Mapping[int, str] | None = None,
    ) -> Status:
        """Submit, return, approve or publish; returning needs a comment. Submitting a table with
        错误 findings not dismissed needs an explanation of each (``explanations``: finding id →
        text), kept in the submission's comment for the reviewer — on every path, web, API or CLI."""
        if action is Action.ADJUST:
            raise Invalid("目标调整请在表页面修改并填写调整理由后保存")
        with self.engine.begin() as conn:
            row = self._visible_row(conn, who, table_id)
            scope = scope_of(row)
            if not can_act(who, scope, action):
                raise Forbidden(f"当前状态（{scope.status.label}）下，您不能执行“{action.label}”")
            if action is Action.RETURN and not comment.strip():
                raise Invalid("退回时请填写意见，说明需要修改什么")
            if action is Action.SUBMIT:
                found = working_findings(conn, table_id, row.adjusting, row.current_version)
                comment = submission_text(found, explanations or {}, comment)
            to_status = TRANSITIONS[action][1]
            try:
                self._move(conn, who, row, action, to_status, comment.strip() or None)
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
