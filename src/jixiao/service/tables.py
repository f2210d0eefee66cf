"""Reading stored tables through the facade: lists, one table's page, versions, downloads, figures.

Every method checks what the caller may see (`jixiao.permissions` through `ServiceBase`) and raises a
`ServiceError` with a Chinese message for anything a user can cause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection

from jixiao.diff import Change, diff_tables
from jixiao.formats.files import ExportedFile, ExportFormat
from jixiao.model import Table
from jixiao.permissions import Access, decisions, may_read_audit_log, may_see_queue
from jixiao.queries import EventRow, FindingRow, TableQuery, TableRow, VersionRow, every_page, page_cursor
from jixiao.service.active_findings import active, working_findings
from jixiao.service.base import ServiceBase, scope_of, working_row
from jixiao.service.errors import Forbidden, Invalid, NotFound
from jixiao.store import audit, listing, stats
from jixiao.store.document import table_from_dict
from jixiao.workflow import ANONYMOUS, Action, Principal, Status

# Most tables one download may lay out; the layout is built in memory and, for PDF, takes about
# 0.2 s a table (WeasyPrint), so a larger set belongs to `jixiao export` on the command line.
EXPORT_LIMITS = {"xlsx": 1000, "pdf": 200}
EXPORT_BATCH = 500  # JSON and CSV are streamed in pages of this many tables, without a limit


@dataclass
class TableView:
    """Everything the table page shows."""

    row: TableRow
    table: Table
    document: dict[str, Any]
    findings: list[FindingRow]
    versions: list[VersionRow]
    events: list[EventRow]
    can_edit: bool
    actions: list[Action]
    can_adjust: bool  # may start a 目标调整 (an approved or published table)
    evaluation: Access  # monitoring and self-evaluation
    may_comment: bool = False  # comment on one indicator (the department's reviewer, in review)
    may_dismiss: bool = False  # dismiss a finding with a reason
    may_link: bool = False  # link to last year's table of the project, or unlink
    sees_notes: bool = False  # comments and dismissals: the unit, its reviewers, administrators


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


def published_history(
    versions: list[VersionRow], events: list[EventRow], published: int
) -> tuple[list[VersionRow], list[EventRow]]:
    """The history of a published table for those who see only the published version: its versions
    up to it and its events up to its last publication (an adjustment under way is not theirs)."""
    last = max((i for i, e in enumerate(events) if e.to_status == Status.PUBLISHED.value), default=-1)
    return [v for v in versions if v.number <= published], events[: last + 1]


class TableService(ServiceBase):
    """Lists, pages, versions and downloads of stored tables."""

    def list_tables(self, who: Principal, query: TableQuery) -> tuple[list[TableRow], int]:
        """One page of the tables ``who`` may see that match ``query``, and how many match in all."""
        with self.engine.connect() as conn:
            rows, total = self._list_page(conn, who, query)
            return self._as_seen(conn, [working_row(who, row) for row in rows]), total

    @staticmethod
    def _as_seen(conn: Connection, rows: list[TableRow]) -> list[TableRow]:
        """Working rows whose list fields (name, type, year, budget, finding counts) are those of the
        version the caller opens: a 目标调整's own for its owner and reviewers, whose row in the
        database still holds the published version's."""
        for number, row in enumerate(rows):
            if not row.adjusting:
                continue
            table = table_from_dict(listing.get_document(conn, row.id, row.current_version) or {})
            counted = active(working_findings(conn, row.id, True, row.current_version))
            severities = [f.severity for f in counted]
            rows[number] = replace(
                row,
                name=table.project.name or row.name,
                project_type=table.project.type,
                year=table.project.year,
                budget=table.project.budget,
                errors=severities.count("error"),
                warnings=severities.count("warning"),
                infos=severities.count("info"),
            )
        return rows

    @staticmethod
    def _documents(conn: Connection, rows: Sequence[TableRow]) -> dict[int, dict[str, Any]]:
        """The documents of working rows: the adjustment's version where the row shows it."""
        documents = listing.get_documents(
            conn, [(row.id, row.current_version, row.year) for row in rows if not row.adjusting]
        )
        for row in rows:
            if row.adjusting:
                documents[row.id] = listing.get_document(conn, row.id, row.current_version) or {}
        return documents

    def list_documents(self, who: Principal, query: TableQuery) -> tuple[list[dict[str, Any]], int]:
        """API items: the §6 document plus id, status, outcome; and how many match in all."""
        items, total, _ = self.documents_page(who, query)
        return items, total

    def documents_page(
        self, who: Principal, query: TableQuery
    ) -> tuple[list[dict[str, Any]], int, str | None]:
        """`list_documents` and the cursor of the next page in the default order
        (`jixiao.queries.page_cursor`; None after the last page or in another order)."""
        with self.engine.connect() as conn:
            found, total = self._list_page(conn, who, query)
            rows = [working_row(who, row) for row in found]
            documents = self._documents(conn, rows)
        items = [
            {
                **without_paths(documents[row.id]),
                "id": row.id,
                "status": row.status,
                "outcome": row.outcome,
            }
            for row in rows
        ]
        default_order = query.sort == "updated" and query.descending
        last = found[-1] if found and len(found) == query.per_page and default_order else None
        return items, total, None if last is None else page_cursor(last.updated_at, last.id)

    def table_view(self, who: Principal, table_id: int) -> TableView:
        """One table with its findings, versions and history, and what ``who`` may do with it."""
        with self.engine.connect() as conn:
            row = self._visible_row(conn, who, table_id)
            document = without_paths(listing.get_document(conn, table_id, row.current_version) or {})
            may = decisions(who, scope_of(row))
            versions, events = listing.get_versions(conn, table_id), listing.get_events(conn, table_id)
            found = working_findings(conn, table_id, row.adjusting, row.current_version)
            if not row.adjusting and row.public and row.status == Status.PUBLISHED.value:
                versions, events = published_history(versions, events, row.current_version)
            if who.anonymous:  # the public sees what happened and when, not who or why
                versions = [replace(v, created_by=None, reason=None) for v in versions]
                events = [replace(e, user_id=None, comment=None) for e in events]
            if not may.resolve:  # a dismissal is a review note: not for visitors and other units, who
                found = active(found)  # see the findings that count, as the list counts them
            return TableView(
                row=row,
                table=table_from_dict(document),
                document=document,
                findings=found,
                versions=versions,
                events=events,
                can_edit=may.edit,
                actions=list(may.actions),
                can_adjust=may.adjust,
                evaluation=may.evaluation,
                may_comment=may.comment,
                may_dismiss=may.dismiss,
                may_link=may.link,
                sees_notes=may.resolve,
            )

    def table_item(self, who: Principal, table_id: int) -> dict[str, Any]:
        """One table as open data: the §6 document plus id, status, outcome — the same object as an
        item of `/api/tables` and of a set's JSON download, and the rows of its CSV."""
        with self.engine.connect() as conn:
            row = self._visible_row(conn, who, table_id)
            document = without_paths(listing.get_document(conn, table_id, row.current_version) or {})
        return {**document, "id": row.id, "status": row.status, "outcome": row.outcome}

    def version(self, who: Principal, table_id: int, number: int) -> Table:
        """Version ``number`` of a table ``who`` may see."""
        with self.engine.connect() as conn:
            row = self._visible_row(conn, who, table_id)
            document = listing.get_document(conn, table_id, number)
        if document is None or number > row.current_version:  # an adjustment's, for those who see it
            raise NotFound(f"这张表没有第 {number} 版")
        return table_from_dict(document)

    def current_table(self, who: Principal, table_id: int) -> tuple[TableRow, Table]:
        """One table for download: its list row and its current version (404/403 as the page)."""
        with self.engine.connect() as conn:
            row = self._visible_row(conn, who, table_id)
            document = listing.get_document(conn, table_id, row.current_version)
        if document is None:
            raise NotFound(f"没有编号为 {table_id} 的表")
        return row, table_from_dict(document)

    def export_tables(self, who: Principal, query: TableQuery, fmt: str) -> list[Table]:
        """Every table the list shows for ``query`` (all pages, in the list's order), for a laid-out
        download; Invalid, saying how to narrow the set, when there are more than the format allows."""
        limit = EXPORT_LIMITS[fmt]
        with self.engine.connect() as conn:
            found, total = listing.list_tables(
                conn, replace(query, page=1, per_page=limit), self.visibility(who)
            )
            rows = [working_row(who, row) for row in found]
            if total > limit:
                raise Invalid(
                    f"筛选出的表共 {total} 张，{fmt.upper()} 下载一次最多 {limit} 张。"
                    "请按年度、单位、类型或状态缩小范围后再下载，或在命令行用 jixiao export 导出全部。"
                )
            if not rows:
                raise Invalid("没有符合筛选条件的表，无可下载的内容")
            documents = self._documents(conn, rows)
        self.record_export(who, fmt, [(row.id, row.status) for row in rows])
        return [table_from_dict(documents[row.id]) for row in rows]

    def table_file(self, who: Principal, table_id: int, fmt: ExportFormat) -> tuple[TableRow, ExportedFile]:
        """One table as a file of format ``fmt``, with its list row (for the file's name)."""
        from jixiao.writers.export import export_bytes

        row, table = self.current_table(who, table_id)
        self.record_export(who, fmt.value, [(row.id, row.status)])
        return row, export_bytes([table], fmt)

    def set_file(self, who: Principal, query: TableQuery, fmt: ExportFormat) -> tuple[int, ExportedFile]:
        """The tables the list shows for ``query`` laid out as one xlsx or PDF file, and their number."""
        from jixiao.writers.export import export_bytes

        tables = self.export_tables(who, query, fmt.value)
        return len(tables), export_bytes(tables, fmt, cover=True if fmt is ExportFormat.PDF else None)

    def export_documents(
        self, who: Principal, query: TableQuery, batch: int = EXPORT_BATCH
    ) -> Iterator[dict[str, Any]]:
        """The API items (§6 document plus id, status, outcome) of every table the list shows for
        ``query``, page by page, so a JSON or CSV download of any size streams."""

        def page_of(page: TableQuery) -> list[dict[str, Any]]:
            items = self.list_documents(who, page)[0]
            # tables not yet public: into the audit log
            self.record_export(who, "stream", [(item["id"], item["status"]) for item in items])
            return items

        return every_page(page_of, query, batch)

    def all_tables(self, who: Principal, query: TableQuery, limit: int = 100_000) -> list[Table]:
        """Every table ``who`` may see that matches ``query``, in its order (up to ``limit``)."""
        tables: list[Table] = []
        for item in self.export_documents(who, query):
            if len(tables) >= limit:
                break
            tables.append(table_from_dict(item))
        return tables

    def published_documents(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every published table's §6 document, streamed page by page."""
        query = TableQuery(status=Status.PUBLISHED.value, sort="name", descending=False)
        return self.export_documents(ANONYMOUS, query, batch)

    def diff(self, who: Principal, table_id: int, old: int, new: int) -> list[Change]:
        """What changed between two versions of a table."""
        return diff_tables(self.version(who, table_id, old), self.version(who, table_id, new))

    def queue(self, who: Principal, page: int = 1, per_page: int = 50) -> tuple[list[TableRow], int]:
        """Submitted tables the caller reviews, riskiest first (severity × budget)."""
        if not may_see_queue(who):
            raise Forbidden("只有审核人和管理员可以查看审核队列")
        query = TableQuery(
            status=Status.SUBMITTED.value, sort="risk", descending=True, page=page, per_page=per_page
        )
        with self.engine.connect() as conn:
            rows, total = self._list_page(conn, who, query)
            return self._as_seen(conn, [working_row(who, row) for row in rows]), total

    def filter_options(self, who: Principal) -> dict[str, list[Any]]:
        """Years, units and types the list page offers; cached briefly, as they change slowly."""
        options: dict[str, list[Any]] = self._cached("options", who, stats.filter_options)
        return options

    def record_export(
        self, who: Principal, fmt: str, tables: Sequence[tuple[int, str]], target: str = ""
    ) -> None:
        """An export that includes tables not yet published, into the audit log (public data is not
        logged); ``tables`` are the exported tables' ids and statuses."""
        private = [table_id for table_id, status in tables if status != Status.PUBLISHED.value]
        if not private:
            return
        detail = {
            "format": fmt,
            "tables": private[:200],
            "count": len(private),
            "target": target[:300],
        }
        with self.engine.begin() as conn:
            audit.record(conn, who.user_id, "export", "table", None, detail)

    def audit_entries(self, who: Principal, table_id: int | None = None) -> list[dict[str, Any]]:
        """The audit log of one table (whoever may see it), or all of it (administrators)."""
        with self.engine.connect() as conn:
            if table_id is not None:
                self._visible_row(conn, who, table_id)
            elif not may_read_audit_log(who):
                raise Forbidden("只有管理员可以查看全部审计日志")
            return audit.entries(conn, "table" if table_id is not None else None, table_id)
