"""Reading tables: the list with its filters and order, one table's row, documents, findings, history.

Everything takes a SQLAlchemy ``Connection``; the callers pass a `jixiao.queries.TableQuery` and a
`Visibility` and get plain rows back. The sort keys' columns and the visibility conditions are
private to this module.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, or_, select, union_all
from sqlalchemy.sql.elements import ColumnElement

from jixiao.model import Table
from jixiao.queries import EventRow, FindingRow, TableQuery, TableRow, VersionRow, Visibility, uses_keyset
from jixiao.store import document as doc
from jixiao.store import search
from jixiao.store.orgs import subtree_of_names
from jixiao.store.schema import findings, orgs, perf_tables, table_versions, workflow_events
from jixiao.store.table_homes import in_home
from jixiao.store.table_keys import partition_year_of
from jixiao.store.tables import from_fen, version_hash
from jixiao.workflow import Status, TableScope

_CHUNK = 500

UNIT = orgs.alias("unit_org")
DEPARTMENT = orgs.alias("department_org")

LIST_COLUMNS = (
    perf_tables.c.id,
    perf_tables.c.name,
    perf_tables.c.project_type,
    perf_tables.c.year,
    perf_tables.c.budget_fen,
    perf_tables.c.status,
    perf_tables.c.outcome,
    perf_tables.c.outcome_reason,
    perf_tables.c.errors,
    perf_tables.c.warnings,
    perf_tables.c.infos,
    perf_tables.c.risk,
    perf_tables.c.current_version,
    perf_tables.c.lock_version,
    perf_tables.c.updated_at,
    perf_tables.c.pending_version,
    perf_tables.c.pending_status,
    UNIT.c.name.label("unit"),
    DEPARTMENT.c.name.label("department"),
)


def from_clause() -> Any:
    """The tables joined with their unit and department, for listing queries."""
    return perf_tables.outerjoin(UNIT, UNIT.c.id == perf_tables.c.unit_id).outerjoin(
        DEPARTMENT, DEPARTMENT.c.id == perf_tables.c.department_id
    )


def visibility_condition(visibility: Visibility, tree: Any = None) -> ColumnElement[bool] | None:
    """The SQL condition for the tables ``visibility`` lets a caller see (None: no condition);
    ``tree``: the subtree of its departments, when the caller has already made it (one per query)."""
    if visibility.everything:
        return None
    clauses: list[ColumnElement[bool]] = []
    if visibility.published:
        clauses.append(perf_tables.c.status == Status.PUBLISHED.value)
    if visibility.units:
        clauses.append(perf_tables.c.unit_id.in_(_org_ids(orgs.c.name.in_(visibility.units))))
    if visibility.departments:  # a reviewer's scope: the subtree of their regions or departments
        tree = subtree_of_names(visibility.departments) if tree is None else tree
        clauses.append(perf_tables.c.department_id.in_(tree))
        clauses.append(perf_tables.c.unit_id.in_(tree))
    return or_(*clauses) if clauses else perf_tables.c.id.is_(None)


def _status_condition(status: str, visibility: Visibility, tree: Any) -> ColumnElement[bool]:
    """Tables in ``status``: a published table under 目标调整 is also in its adjustment's status, for
    those who see the adjustment (its unit, department, administrators); for everyone it stays 已公开."""
    own = visibility_condition(replace(visibility, published=False), tree)
    pending = perf_tables.c.pending_status == status
    return or_(perf_tables.c.status == status, pending if own is None else and_(pending, own))


def _org_ids(condition: ColumnElement[bool]) -> Any:
    # A subquery on the small orgs table instead of a join: counts and filters stay on perf_tables.
    return select(orgs.c.id).where(condition)


# The sort keys of `jixiao.queries.SORT_KEYS` and their columns (the list's tie-break is the id).
_SORT_COLUMNS = {
    "updated": perf_tables.c.updated_at,
    "name": perf_tables.c.name,
    "budget": perf_tables.c.budget_fen,
    "year": perf_tables.c.year,
    "risk": perf_tables.c.risk,
    "errors": perf_tables.c.errors,
}


def _conditions(conn: Connection, query: TableQuery, visibility: Visibility) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    tree = subtree_of_names(visibility.departments) if visibility.departments else None
    seen = visibility_condition(visibility, tree)
    if seen is not None:
        conditions.append(seen)
    named = search.name_or_unit_candidates(conn, query.q, year=query.year) if query.q else None
    if named is not None:  # one id IN (… UNION ALL …): see search.name_or_unit_candidates
        parts = [named]
        if query.everywhere:
            parts.append(search.indicator_candidates(conn, query.q, levels=True, year=query.year))
        conditions.append(perf_tables.c.id.in_(union_all(*parts) if len(parts) > 1 else named))
    elif query.q:
        by_name = search.name_or_unit_matches(conn, query.q, year=query.year)
        if query.everywhere:
            by_name = or_(by_name, search.indicator_matches(conn, query.q, levels=True, year=query.year))
        conditions.append(by_name)
    if query.indicator:
        conditions.append(
            search.indicator_matches(conn, query.indicator, levels=query.everywhere, year=query.year)
        )
    if query.year:  # partition_year too: PostgreSQL then reads that year's partition alone
        conditions += [perf_tables.c.year == query.year, perf_tables.c.partition_year == query.year]
    if query.unit:
        conditions.append(perf_tables.c.unit_id.in_(_org_ids(orgs.c.name == query.unit)))
    if query.project_type:
        conditions.append(perf_tables.c.project_type == query.project_type)
    if query.status:
        conditions.append(_status_condition(query.status, visibility, tree))
    if query.outcome:
        conditions.append(perf_tables.c.outcome == query.outcome)
    severity_column = {
        "error": perf_tables.c.errors,
        "warning": perf_tables.c.warnings,
        "info": perf_tables.c.infos,
    }
    if query.severity in severity_column:
        conditions.append(severity_column[query.severity] > 0)
    return conditions


def list_tables(
    conn: Connection, query: TableQuery, visibility: Visibility, total: int | None = None
) -> tuple[list[TableRow], int]:
    """One page of tables matching the query, and how many match in all (``total``: already known,
    e.g. cached by the service while no table changed; not counted again)."""
    conditions = _conditions(conn, query, visibility)
    if total is None:
        total = conn.execute(select(func.count()).select_from(perf_tables).where(*conditions)).scalar_one()
    order = _SORT_COLUMNS.get(query.sort, perf_tables.c.updated_at)
    ordering = [order.desc() if query.descending else order.asc(), perf_tables.c.id.desc()]
    offset = (max(query.page, 1) - 1) * query.per_page
    if uses_keyset(query) and query.after is not None:  # read on from the cursor: no rows skipped
        changed, last_id = query.after
        updated = perf_tables.c.updated_at
        conditions = [
            *conditions,
            or_(updated < changed, and_(updated == changed, perf_tables.c.id < last_id)),
        ]
        offset = 0
    rows = conn.execute(
        select(*LIST_COLUMNS)
        .select_from(from_clause())
        .where(*conditions)
        .order_by(*ordering)
        .limit(query.per_page)
        .offset(offset)
    )
    return [_table_row(row) for row in rows], int(total)


def _table_row(row: Any) -> TableRow:
    data = dict(row._mapping)
    data["budget"] = from_fen(data.pop("budget_fen"))
    return TableRow(**data)


@dataclass(frozen=True, slots=True)
class StoredState:
    """A stored table a file's table would replace: its scope (for permissions) and content hash."""

    table_id: int
    scope: TableScope
    content_hash: str


def stored_states(conn: Connection, tables: Sequence[Table]) -> list[StoredState | None]:
    """For each table, the stored table with its identity (project, unit, year), or None if new."""
    keys = [doc.identity(t) for t in tables]
    stored: dict[str, StoredState] = {}
    for start in range(0, len(keys), _CHUNK):
        rows = conn.execute(
            select(
                perf_tables.c.id,
                perf_tables.c.identity,
                perf_tables.c.status,
                perf_tables.c.pending_status,
                UNIT.c.name.label("unit"),
                DEPARTMENT.c.name.label("department"),
                version_hash(func.coalesce(perf_tables.c.pending_version, perf_tables.c.current_version)),
            )
            .select_from(from_clause())
            .where(perf_tables.c.identity.in_(keys[start : start + _CHUNK]))
        )
        for row in rows:  # during a 目标调整: the adjustment's status and version (the working ones)
            public = row.status == Status.PUBLISHED.value
            scope = TableScope(row.unit, row.department, Status(row.pending_status or row.status), public)
            stored[row.identity] = StoredState(row.id, scope, row.content_hash)
    return [stored.get(key) for key in keys]


def stored_department(conn: Connection, table: Table) -> str | None:
    """The 主管部门 of the stored table with ``table``'s identity, or None (none stored, or none named)."""
    found = conn.execute(
        select(DEPARTMENT.c.name)
        .select_from(from_clause())
        .where(perf_tables.c.identity == doc.identity(table))
    )
    return found.scalar_one_or_none()


def import_effects(conn: Connection, tables: Sequence[Table]) -> list[str]:
    """What importing each table would do: ``new``, ``changed`` (a new version) or ``unchanged``."""
    return [
        "new" if state is None else "unchanged" if state.content_hash == doc.content_hash(t) else "changed"
        for state, t in zip(stored_states(conn, tables), tables, strict=True)
    ]


# Statements every page runs, built once (only their execution is per request)
# (each reads the table's own year partition alone: jixiao.store.table_homes)
_ROW_BY_ID = (
    select(*LIST_COLUMNS)
    .select_from(from_clause())
    .where(perf_tables.c.id == bindparam("table_id"), in_home(perf_tables, bindparam("table_id")))
)
_CURRENT_VERSION = select(perf_tables.c.current_version).where(
    perf_tables.c.id == bindparam("table_id"), in_home(perf_tables, bindparam("table_id"))
)
_DOCUMENT = select(table_versions.c.document).where(
    table_versions.c.table_id == bindparam("table_id"),
    table_versions.c.number == bindparam("number"),
    in_home(table_versions, bindparam("table_id")),
)


def get_table_row(conn: Connection, table_id: int) -> TableRow | None:
    """One table's listing row (name, unit, status, counts…), or None."""
    row = conn.execute(_ROW_BY_ID, {"table_id": table_id}).first()
    return None if row is None else _table_row(row)


def get_document(conn: Connection, table_id: int, number: int | None = None) -> dict[str, Any] | None:
    """The stored §6 document of a version (the current one by default)."""
    if number is None:
        number = conn.execute(_CURRENT_VERSION, {"table_id": table_id}).scalar_one_or_none()
        if number is None:
            return None
    text = conn.execute(_DOCUMENT, {"table_id": table_id, "number": number}).scalar_one_or_none()
    return None if text is None else dict(json.loads(text))


def get_documents(
    conn: Connection, versions: Sequence[tuple[int, int, int | None]]
) -> dict[int, dict[str, Any]]:
    """The documents of several tables' versions in one query: ``versions`` holds (table id, version
    number, 年度) as a list row has them. The years keep PostgreSQL to their partitions, and no join
    with perf_tables: a page of the API costs a few index lookups, too little for a parallel plan
    (whose workers' start alone took 30–60 ms on the loaded benchmark machine)."""
    if not versions:
        return {}
    wanted = {(table_id, number) for table_id, number, _ in versions}
    rows = conn.execute(
        select(table_versions.c.table_id, table_versions.c.number, table_versions.c.document).where(
            table_versions.c.table_id.in_(sorted({table_id for table_id, _, _ in versions})),
            table_versions.c.number.in_(sorted({number for _, number, _ in versions})),
            table_versions.c.partition_year.in_(sorted({partition_year_of(year) for _, _, year in versions})),
        )
    )
    return {row.table_id: json.loads(row.document) for row in rows if (row.table_id, row.number) in wanted}


def get_findings(conn: Connection, table_id: int) -> list[FindingRow]:
    """The stored review findings of a table, in order."""
    # ``dismissed`` there is the settled flag (the dismissal itself comes from jixiao.service.findings);
    # the region code and partition year are keys of the store, not fields of a finding
    stored = [c for c in findings.c if c.name not in ("dismissed", "region_code", "partition_year")]
    rows = conn.execute(
        select(*stored)
        .where(findings.c.table_id == table_id, in_home(findings, table_id))
        .order_by(findings.c.id)
    )
    return [FindingRow(**row._mapping) for row in rows]


def get_versions(conn: Connection, table_id: int) -> list[VersionRow]:
    """The versions of a table: number, reason, author and time, oldest first."""
    rows = conn.execute(
        select(
            table_versions.c.number,
            table_versions.c.reason,
            table_versions.c.created_by,
            table_versions.c.created_at,
        )
        .where(table_versions.c.table_id == table_id, in_home(table_versions, table_id))
        .order_by(table_versions.c.number)
    )
    return [VersionRow(**row._mapping) for row in rows]


def get_events(conn: Connection, table_id: int) -> list[EventRow]:
    """The workflow events of a table (submit, return, approve…), oldest first."""
    rows = conn.execute(
        select(workflow_events).where(workflow_events.c.table_id == table_id).order_by(workflow_events.c.id)
    )
    return [EventRow(**row._mapping) for row in rows]


def table_id_of(conn: Connection, table: Table) -> int | None:
    """The stored table with the same project name, unit and year as ``table`` (how a table is known)."""
    found = conn.execute(select(perf_tables.c.id).where(perf_tables.c.identity == doc.identity(table)))
    return found.scalar_one_or_none()
