"""The one facade the CLI and the web application call: read → review → store, workflow, accounts.

Every method opens its own transaction, checks permissions with `jixiao.workflow`, and raises a
`ServiceError` subclass with a Chinese message for anything a user can cause; the edges turn those
into exit codes or HTTP statuses. Nothing here knows about HTTP or the terminal.
"""

from __future__ import annotations

import base64
import csv
import io
import re
import secrets
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, text

from jixiao.diff import Change, diff_tables
from jixiao.model import Diagnostic, Severity, Table
from jixiao.readers.limits import DEFAULT_LIMITS, UploadLimits
from jixiao.store import accounts, audit, stats
from jixiao.store import tables as repo
from jixiao.store.db import get_engine, normalise_url, upgrade
from jixiao.store.document import table_from_dict, table_to_dict
from jixiao.store.schema import perf_tables, uploads
from jixiao.workflow import (
    ANONYMOUS,
    Action,
    Principal,
    Role,
    Status,
    TableScope,
    can_act,
    can_edit,
    can_view,
)
from jixiao.writers.cell_text import csv_row

if TYPE_CHECKING:
    from jixiao.evaluation_service import EvaluationService

MAX_UPLOAD_BYTES = DEFAULT_LIMITS.max_bytes
STAGED_UPLOAD_SECONDS = DEFAULT_LIMITS.staged_upload_seconds
CACHE_SECONDS = 30.0
ANALYZE_AFTER = 1000  # tables created or changed by one import
# Most tables one download may lay out; the layout is built in memory and, for PDF, takes about
# 0.2 s a table (WeasyPrint), so a larger set belongs to `jixiao export` on the command line.
EXPORT_LIMITS = {"xlsx": 1000, "pdf": 200}
EXPORT_BATCH = 500  # JSON and CSV are streamed in pages of this many tables, without a limit


class ServiceError(Exception):
    """A problem a user caused or can fix; ``message`` is Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ServiceError):
    pass


class Forbidden(ServiceError):
    pass


class Conflict(ServiceError):
    pass


class Invalid(ServiceError):
    pass


def review_table(table: Table) -> list[Diagnostic]:
    """The review engine's findings for one table."""
    return list(review(table).findings)


def review(table: Table, extra: Sequence[Diagnostic] = ()) -> repo.Reviewed:
    """Review one table; ``extra`` (the reader's diagnostics) go first among its findings."""
    from jixiao.review import review_table as engine

    result = engine(table)
    return repo.Reviewed(table, [*extra, *result.findings], result.outcome.value, result.reason)


def _attach_reader_diagnostics(
    tables: Sequence[Table], found: Sequence[Diagnostic]
) -> list[list[Diagnostic]]:
    """Give each table the reader's diagnostics inside it: by line, else by sheet, else the first table."""
    starts = [t.source.line or 0 for t in tables]
    per_table: list[list[Diagnostic]] = [[] for _ in tables]
    if not tables:
        return per_table
    for item in found:
        line = item.source.line
        if line is not None:
            index = max((i for i, start in enumerate(starts) if start <= line), default=0)
        else:
            same_sheet = [
                i for i, t in enumerate(tables) if item.source.sheet and t.source.sheet == item.source.sheet
            ]
            index = same_sheet[0] if same_sheet else 0
        per_table[index].append(item)
    return per_table


@dataclass
class FileReport:
    """What reading (and possibly storing) one file gave."""

    file: str
    tables: list[Table] = field(default_factory=list)
    findings: list[list[Diagnostic]] = field(default_factory=list)
    reviews: list[repo.Reviewed] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)  # why the file was rejected
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    table_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def finding_count(self) -> int:
        return sum(len(f) for f in self.findings)


def read_and_review(data: bytes, file: str, limits: UploadLimits = DEFAULT_LIMITS) -> FileReport:
    """Read a file of any supported kind (text, workbook, PDF, jixiao JSON), review every table, and
    decide whether the file is fit to store (``problems``); a file past ``limits`` is not parsed."""
    from jixiao.readers.detect import read_bytes
    from jixiao.readers.text import FILE_PROBLEM

    tables, diagnostics = read_bytes(data, file, limits)
    report = FileReport(file=file, tables=list(tables))
    errors = [d for d in diagnostics if d.code == FILE_PROBLEM]
    report.problems.extend(errors)
    if not tables and not errors:
        report.problems.append(Diagnostic("JX-I01", Severity.ERROR, "文件中没有找到项目绩效目标表"))
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
    per_table = _attach_reader_diagnostics(tables, [d for d in diagnostics if d not in errors])
    report.reviews = _review_file(tables, per_table)
    report.findings = [list(r.findings) for r in report.reviews]
    return report


def _review_file(tables: Sequence[Table], reader: Sequence[Sequence[Diagnostic]]) -> list[repo.Reviewed]:
    """Review the tables of one file together (some rules compare tables read side by side)."""
    from jixiao.review import review_batch

    return [
        repo.Reviewed(result.table, [*extra, *result.findings], result.outcome.value, result.reason)
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


def without_paths(value: Any) -> Any:
    """A document with each source ``file`` cut to its base name: where a file lay on the server (or
    on the operator's disk) is nobody's business, and the name alone still places a finding."""
    if isinstance(value, dict):
        return {
            key: (
                re.split(r"[\\/]", item)[-1]
                if key == "file" and isinstance(item, str)
                else without_paths(item)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [without_paths(item) for item in value]
    return value


def _scope(row: dict[str, Any]) -> TableScope:
    return TableScope(unit=row["unit"], department=row["department"], status=Status(row["status"]))


@dataclass
class TableView:
    """Everything the table page shows."""

    row: dict[str, Any]
    table: Table
    document: dict[str, Any]
    findings: list[dict[str, Any]]
    versions: list[dict[str, Any]]
    events: list[dict[str, Any]]
    can_edit: bool
    actions: list[Action]


class Service:
    """The facade over one database."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine: Engine = get_engine(self.url)
        self._cache: dict[tuple[str, repo.Visibility], tuple[float, tuple[Any, ...], Any]] = {}

    @property
    def evaluation(self) -> EvaluationService:
        """Monitoring and self-evaluation of stored tables (jixiao.evaluation_service)."""
        from jixiao.evaluation_service import EvaluationService

        return EvaluationService(self.engine)

    # ---- database ----------------------------------------------------------------------------

    def upgrade(self) -> None:
        upgrade(self.url)

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

        ``read`` reads and reviews the file: the web passes one that parses in a worker process."""
        report = read(data, file)
        if not report.ok:
            return report
        who = who or ANONYMOUS
        if who.role is Role.FILLER:
            foreign = [t.project.name for t in report.tables if (t.project.unit or "") != who.unit]
            if foreign:
                raise Forbidden(
                    f"只能导入本单位（{who.unit}）的表，以下表不属于本单位：{'、'.join(foreign[:5])}"
                )
        status = Status.PUBLISHED if published else Status.DRAFT
        with self.engine.begin() as conn:
            counts = repo.import_tables(conn, report.reviews, status, who.user_id, file)
        self._cache.clear()
        self.refresh_statistics(counts.created + counts.updated)
        report.created, report.updated, report.unchanged = counts.created, counts.updated, counts.unchanged
        report.table_ids = counts.table_ids
        return report

    def import_path(self, path: Path, published: bool = False, who: Principal | None = None) -> FileReport:
        from jixiao.readers.text import file_problem

        problem = file_problem(path)
        if problem:
            return FileReport(file=str(path), problems=[Diagnostic("JX-I00", Severity.ERROR, problem)])
        return self.import_bytes(path.read_bytes(), str(path), published, who)

    def import_text(
        self, text: str, file: str, published: bool = False, who: Principal | None = None
    ) -> FileReport:
        return self.import_bytes(text.encode("utf-8"), file, published, who)

    def refresh_statistics(self, changed: int = ANALYZE_AFTER) -> None:
        """Let the query planner know the tables' sizes after a large import (``ANALYZE``).

        Without statistics SQLite may filter visitors' lists by status and then sort every row, instead
        of reading the (status, updated_at) index in order: ten times slower with 100,000 tables.
        """
        with self.engine.begin() as conn:
            if self.url.startswith("sqlite"):
                has_statistics = conn.execute(
                    text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
                ).first()
                if changed < ANALYZE_AFTER and has_statistics:
                    return
            elif changed < ANALYZE_AFTER:
                return
            conn.execute(text("ANALYZE"))

    def import_effects(self, report: FileReport) -> list[str]:
        """For a preview: whether each table would be new, a new version, or left unchanged."""
        with self.engine.connect() as conn:
            return repo.import_effects(conn, report.tables)

    def stage_upload(
        self, who: Principal, filename: str, data: bytes, keep_seconds: int = STAGED_UPLOAD_SECONDS
    ) -> str:
        """Keep an uploaded file until its owner confirms the import; returns the token naming it.

        Uploads staged more than ``keep_seconds`` ago and never confirmed are purged here."""
        self.purge_staged_uploads(keep_seconds)
        token = secrets.token_urlsafe(24)
        row = {
            "token": token,
            "user_id": who.user_id,
            "filename": filename,
            "content": base64.b64encode(data).decode("ascii"),  # workbooks and PDFs are bytes
            "created_at": datetime.now(UTC),
        }
        with self.engine.begin() as conn:
            conn.execute(insert(uploads), [row])
        return token

    def purge_staged_uploads(self, keep_seconds: int = STAGED_UPLOAD_SECONDS) -> int:
        """Delete staged uploads older than ``keep_seconds``; returns how many."""
        oldest = datetime.now(UTC) - timedelta(seconds=keep_seconds)
        with self.engine.begin() as conn:
            return conn.execute(delete(uploads).where(uploads.c.created_at < oldest)).rowcount or 0

    def confirm_upload(
        self,
        who: Principal,
        token: str,
        published: bool = False,
        read: Callable[[bytes, str], FileReport] = read_and_review,
        keep_seconds: int = STAGED_UPLOAD_SECONDS,
    ) -> FileReport:
        """Import a staged upload (once, only by the user who uploaded it, and before it expires)."""
        if published and who.role is not Role.ADMIN:
            raise Forbidden("只有管理员可以直接导入为已公开")
        oldest = datetime.now(UTC) - timedelta(seconds=keep_seconds)
        with self.engine.begin() as conn:
            staged = conn.execute(
                select(uploads).where(
                    uploads.c.token == token,
                    uploads.c.user_id == who.user_id,
                    uploads.c.created_at >= oldest,
                )
            ).first()
            if staged is None:
                raise NotFound("找不到待确认的上传文件（可能已导入或已过期），请重新上传")
            conn.execute(delete(uploads).where(uploads.c.id == staged.id))
        return self.import_bytes(base64.b64decode(staged.content), staged.filename, published, who, read)

    # ---- reading -----------------------------------------------------------------------------

    def visibility(self, who: Principal) -> repo.Visibility:
        if who.role is Role.ADMIN:
            return repo.Visibility(everything=True)
        if who.role is Role.FILLER and who.unit:
            return repo.Visibility(units=(who.unit,))
        if who.role is Role.REVIEWER:
            return repo.Visibility(departments=who.departments)
        return repo.Visibility()

    def list_tables(self, who: Principal, query: repo.TableQuery) -> tuple[list[dict[str, Any]], int]:
        with self.engine.connect() as conn:
            return repo.list_tables(conn, query, self.visibility(who))

    def list_documents(self, who: Principal, query: repo.TableQuery) -> tuple[list[dict[str, Any]], int]:
        """API items: the §6 document plus id, status, outcome."""
        with self.engine.connect() as conn:
            rows, total = repo.list_tables(conn, query, self.visibility(who))
            documents = repo.get_documents(conn, [row["id"] for row in rows])
        items = [
            {
                **without_paths(documents[row["id"]]),
                "id": row["id"],
                "status": row["status"],
                "outcome": row["outcome"],
            }
            for row in rows
        ]
        return items, total

    def _visible_row(self, conn: Connection, who: Principal, table_id: int) -> dict[str, Any]:
        row = repo.get_table_row(conn, table_id)
        if row is None:
            raise NotFound(f"没有编号为 {table_id} 的表")
        if not can_view(who, _scope(row)):
            if who.anonymous:
                raise NotFound(f"没有编号为 {table_id} 的表")  # do not reveal unpublished tables exist
            raise Forbidden("您无权查看这张表")
        return row

    def table_view(self, who: Principal, table_id: int) -> TableView:
        with self.engine.connect() as conn:
            row = self._visible_row(conn, who, table_id)
            document = without_paths(repo.get_document(conn, table_id) or {})
            scope = _scope(row)
            versions, events = repo.get_versions(conn, table_id), repo.get_events(conn, table_id)
            if who.anonymous:  # the public sees what happened and when, not who or why
                versions = [{**v, "created_by": None, "reason": None} for v in versions]
                events = [{**e, "user_id": None, "comment": None} for e in events]
            return TableView(
                row=row,
                table=table_from_dict(document),
                document=document,
                findings=repo.get_findings(conn, table_id),
                versions=versions,
                events=events,
                can_edit=can_edit(who, scope),
                actions=[
                    a
                    for a in (Action.SUBMIT, Action.RETURN, Action.APPROVE, Action.PUBLISH)
                    if can_act(who, scope, a)
                ],
            )

    def version(self, who: Principal, table_id: int, number: int) -> Table:
        with self.engine.connect() as conn:
            self._visible_row(conn, who, table_id)
            document = repo.get_document(conn, table_id, number)
        if document is None:
            raise NotFound(f"这张表没有第 {number} 版")
        return table_from_dict(document)

    def current_table(self, who: Principal, table_id: int) -> tuple[dict[str, Any], Table]:
        """One table for download: its list row and its current version (404/403 as the page)."""
        with self.engine.connect() as conn:
            row = self._visible_row(conn, who, table_id)
            document = repo.get_document(conn, table_id)
        if document is None:
            raise NotFound(f"没有编号为 {table_id} 的表")
        return row, table_from_dict(document)

    def export_tables(self, who: Principal, query: repo.TableQuery, fmt: str) -> list[Table]:
        """Every table the list shows for ``query`` (all pages, in the list's order), for a laid-out
        download; Invalid, saying how to narrow the set, when there are more than the format allows."""
        limit = EXPORT_LIMITS[fmt]
        with self.engine.connect() as conn:
            rows, total = repo.list_tables(conn, replace(query, page=1, per_page=limit), self.visibility(who))
            if total > limit:
                raise Invalid(
                    f"筛选出的表共 {total} 张，{fmt.upper()} 下载一次最多 {limit} 张。"
                    "请按年度、单位、类型或状态缩小范围后再下载，或在命令行用 jixiao export 导出全部。"
                )
            if not rows:
                raise Invalid("没有符合筛选条件的表，无可下载的内容")
            documents = repo.get_documents(conn, [row["id"] for row in rows])
        return [table_from_dict(documents[row["id"]]) for row in rows]

    def export_documents(
        self, who: Principal, query: repo.TableQuery, batch: int = EXPORT_BATCH
    ) -> Iterator[dict[str, Any]]:
        """The API items (§6 document plus id, status, outcome) of every table the list shows for
        ``query``, page by page, so a JSON or CSV download of any size streams."""
        page = 1
        while True:
            items, _ = self.list_documents(who, replace(query, page=page, per_page=batch))
            yield from items
            if len(items) < batch:
                return
            page += 1

    def diff(self, who: Principal, table_id: int, old: int, new: int) -> list[Change]:
        return diff_tables(self.version(who, table_id, old), self.version(who, table_id, new))

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
            scope = _scope(row)
            adjusting = scope.status.locked
            if adjusting:
                if not can_act(who, scope, Action.ADJUST):
                    raise Forbidden("这张表已锁定，只有本单位填报人可以发起目标调整")
                if not (reason and reason.strip()):
                    raise Invalid("表已通过审核并锁定；修改属于目标调整，请填写调整理由")
            elif not can_edit(who, scope):
                raise Forbidden("您无权修改这张表（只能修改本单位的草稿或退回的表）")
            if table.project.unit != row["unit"] and who.role is not Role.ADMIN:
                raise Forbidden("不能把表改到其他用款单位")
            old = table_from_dict(repo.get_document(conn, table_id) or {})
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
            except repo.ConflictError:
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
            scope = _scope(row)
            if not can_act(who, scope, action):
                raise Forbidden(f"当前状态（{scope.status.label}）下，您不能执行“{action.label}”")
            if action is Action.RETURN and not comment.strip():
                raise Invalid("退回时请填写意见，说明需要修改什么")
            to_status = {
                Action.SUBMIT: Status.SUBMITTED,
                Action.RETURN: Status.RETURNED,
                Action.APPROVE: Status.APPROVED,
                Action.PUBLISH: Status.PUBLISHED,
            }[action]
            try:
                repo.set_status(
                    conn, table_id, action, scope.status, to_status, who.user_id, comment.strip() or None
                )
            except repo.ConflictError:
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

    def queue(self, who: Principal, page: int = 1, per_page: int = 50) -> tuple[list[dict[str, Any]], int]:
        """Submitted tables the caller reviews, riskiest first (severity × budget)."""
        if who.role not in (Role.REVIEWER, Role.ADMIN):
            raise Forbidden("只有审核人和管理员可以查看审核队列")
        query = repo.TableQuery(
            status=Status.SUBMITTED.value, sort="risk", descending=True, page=page, per_page=per_page
        )
        with self.engine.connect() as conn:
            return repo.list_tables(conn, query, self.visibility(who))

    def filter_options(self, who: Principal) -> dict[str, list[Any]]:
        """Years, units and types the list page offers; cached briefly, as they change slowly."""
        options: dict[str, list[Any]] = self._cached("options", who, stats.filter_options)
        return options

    def _cached(
        self, kind: str, who: Principal, compute: Callable[[Connection, repo.Visibility], Any]
    ) -> Any:
        """Aggregates over every table, kept for `CACHE_SECONDS` while the tables are unchanged.

        Correct across processes (``jixiao serve --workers``): the entry is keyed on the newest
        ``updated_at`` and the highest id of the tables (two index look-ups), which every import,
        save and workflow step moves, so a write made by another worker is seen at once. The time
        limit only bounds the rare write committed with an older time stamp than one already seen.
        """
        visibility = self.visibility(who)
        with self.engine.connect() as conn:
            version = tuple(
                conn.execute(select(func.max(perf_tables.c.updated_at), func.max(perf_tables.c.id))).one()
            )
            key = (kind, visibility)
            cached = self._cache.get(key)
            if cached is not None and cached[1] == version and time.monotonic() - cached[0] < CACHE_SECONDS:
                return cached[2]
            value = compute(conn, visibility)
        self._cache[key] = (time.monotonic(), version, value)
        return value

    def dashboard(self, who: Principal) -> dict[str, Any]:
        figures: dict[str, Any] = self._cached("dashboard", who, stats.dashboard)
        # monitoring lights and grades are per caller and change with every save: never cached
        return {**figures, "evaluation": self.evaluation.dashboard(who)}

    def audit_entries(self, who: Principal, table_id: int | None = None) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            if table_id is not None:
                self._visible_row(conn, who, table_id)
            elif who.role is not Role.ADMIN:
                raise Forbidden("只有管理员可以查看全部审计日志")
            return audit.entries(conn, "table" if table_id is not None else None, table_id)

    # ---- open data ---------------------------------------------------------------------------

    def published_documents(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every published table's §6 document, streamed page by page."""
        page = 1
        while True:
            query = repo.TableQuery(
                status=Status.PUBLISHED.value, sort="name", descending=False, page=page, per_page=batch
            )
            items, _ = self.list_documents(ANONYMOUS, query)
            yield from items
            if len(items) < batch:
                return
            page += 1

    # ---- accounts ----------------------------------------------------------------------------

    def add_user(
        self,
        username: str,
        password: str,
        role: Role,
        unit: str | None = None,
        departments: Sequence[str] = (),
        by: Principal | None = None,
    ) -> int:
        try:
            with self.engine.begin() as conn:
                user_id = accounts.create_user(conn, username, password, role, unit, departments)
                audit.record(
                    conn,
                    by.user_id if by else None,
                    "user_add",
                    "user",
                    user_id,
                    {
                        "username": username,
                        "role": role.value,
                        "unit": unit,
                        "departments": list(departments),
                    },
                )
                return user_id
        except accounts.AccountError as why:
            raise Invalid(str(why)) from None

    def users(self) -> list[accounts.UserRecord]:
        with self.engine.connect() as conn:
            return accounts.list_users(conn)

    def set_password(self, username: str, password: str) -> None:
        try:
            with self.engine.begin() as conn:
                accounts.set_password(conn, username, password)
                audit.record(conn, None, "password", "user", None, {"username": username})
        except accounts.AccountError as why:
            raise Invalid(str(why)) from None

    def login(self, username: str, password: str) -> tuple[str, accounts.UserRecord]:
        """A session token for a right password; the failure count is kept even when login fails."""
        with self.engine.begin() as conn:
            try:
                user = accounts.authenticate(conn, username, password)
            except accounts.AccountError as why:
                failure: ServiceError = Forbidden(str(why))
            else:
                return accounts.open_session(conn, user.id), user
        raise failure

    def principal_for(self, token: str | None) -> Principal:
        if not token:
            return ANONYMOUS
        with self.engine.connect() as conn:
            user = accounts.session_user(conn, token)
        return user.principal() if user else ANONYMOUS

    def logout(self, token: str) -> None:
        with self.engine.begin() as conn:
            accounts.close_session(conn, token)


CSV_COLUMNS = ["表编号", "项目名称", "项目类型", "主管部门", "用款单位", "年度", "预算金额(元)",
               "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值", "状态"]  # fmt: skip


def _csv_rows(document: dict[str, Any]) -> list[list[Any]]:
    project = document["project"]
    status = Status(document["status"]).label if "status" in document else ""
    return [
        [
            document.get("id", ""),
            project["name"],
            project["type"] or "",
            project["department"] or "",
            project["unit"] or "",
            project["year"] or "",
            project["budget"] or "",
            item["level1"],
            item["level2"],
            item["name"],
            item["period"]["raw"],
            item["annual"]["raw"],
            status,
        ]
        for item in document["indicators"]
    ]


def documents_to_csv(documents: Sequence[dict[str, Any]] | Iterator[dict[str, Any]]) -> str:
    """One CSV row per indicator, with its table's project fields (open data download)."""
    return "".join(documents_to_csv_chunks(documents))


def documents_to_csv_chunks(documents: Sequence[dict[str, Any]] | Iterator[dict[str, Any]]) -> Iterator[str]:
    """The same CSV as `documents_to_csv`, one piece per table, for streaming a large download."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for document in documents:
        writer.writerows(csv_row(row) for row in _csv_rows(document))
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def table_document(table: Table) -> dict[str, Any]:
    return table_to_dict(table)


ProgressCallback = Callable[[int], None]
