"""待办: the tables waiting for someone — to fill or fix, to review, monitoring and self-evaluation
due — found by the visibility `jixiao.permissions.waiting_for` gives."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, exists, func, select

from jixiao.queries import Visibility
from jixiao.store.evaluation import monitoring_snapshots, self_evaluations
from jixiao.store.listing import visibility_condition
from jixiao.store.schema import perf_tables
from jixiao.workflow import Status

LIMIT = 200  # the most of one kind listed (the page says when there may be more)

_COLUMNS = (
    perf_tables.c.id,
    perf_tables.c.name,
    perf_tables.c.year,
    perf_tables.c.status,
    perf_tables.c.updated_at,
)


def _query(visibility: Visibility, *where: Any) -> Select[Any]:
    seen = visibility_condition(visibility)
    query = select(*_COLUMNS).where(*where).order_by(perf_tables.c.updated_at.desc(), perf_tables.c.id)
    if seen is not None:
        query = query.where(seen)
    return query.limit(LIMIT)


def _rows(conn: Connection, query: Select[Any]) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in conn.execute(query)]


def to_fill_query(visibility: Visibility) -> Select[Any]:
    """Drafts and returned tables (填报、修改)."""
    statuses = (Status.DRAFT.value, Status.RETURNED.value)
    return _query(visibility, perf_tables.c.status.in_(statuses))


def to_review_query(visibility: Visibility) -> Select[Any]:
    """Submitted tables (审核)."""
    return _query(visibility, perf_tables.c.status == Status.SUBMITTED.value)


_LOCKED = (Status.APPROVED.value, Status.PUBLISHED.value)


def monitoring_due_query(visibility: Visibility, year: int) -> Select[Any]:
    """Approved or published tables of ``year`` with no 运行监控 yet."""
    entered = exists().where(monitoring_snapshots.c.table_id == perf_tables.c.id)
    return _query(visibility, perf_tables.c.status.in_(_LOCKED), perf_tables.c.year == year, ~entered)


def evaluation_due_query(visibility: Visibility, year: int) -> Select[Any]:
    """Approved or published tables of ``year`` (the year just ended) with no 自评 yet."""
    entered = exists().where(self_evaluations.c.table_id == perf_tables.c.id)
    return _query(visibility, perf_tables.c.status.in_(_LOCKED), perf_tables.c.year == year, ~entered)


def to_fill(conn: Connection, visibility: Visibility) -> list[dict[str, Any]]:
    """Drafts and returned tables (填报、修改)."""
    return _rows(conn, to_fill_query(visibility))


def to_review(conn: Connection, visibility: Visibility) -> list[dict[str, Any]]:
    """Submitted tables (审核)."""
    return _rows(conn, to_review_query(visibility))


def monitoring_due(conn: Connection, visibility: Visibility, year: int) -> list[dict[str, Any]]:
    """Approved or published tables of ``year`` with no 运行监控 yet."""
    return _rows(conn, monitoring_due_query(visibility, year))


def evaluation_due(conn: Connection, visibility: Visibility, year: int) -> list[dict[str, Any]]:
    """Approved or published tables of ``year`` (the year just ended) with no 自评 yet."""
    return _rows(conn, evaluation_due_query(visibility, year))


def count_listed(conn: Connection, queries: list[Select[Any]]) -> int:
    """How many rows the ``queries`` list together (each at most `LIMIT`, as the lists are), in one
    statement and without fetching the rows: the header's 待办 badge on every signed-in page."""
    if not queries:
        return 0
    # at most `LIMIT` of each, whichever they are: no order needed to count them
    counts = [
        select(func.count()).select_from(q.order_by(None).subquery()).scalar_subquery() for q in queries
    ]
    total: ColumnElement[Any] = counts[0]
    for count in counts[1:]:
        total = total + count
    return int(conn.execute(select(total)).scalar_one())
