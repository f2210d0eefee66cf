"""待办: the tables waiting for someone — to fill or fix, to review, monitoring and self-evaluation
due — found by the visibility `jixiao.permissions.waiting_for` gives."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, exists, select

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


def _rows(conn: Connection, visibility: Visibility, *where: Any) -> list[dict[str, Any]]:
    seen = visibility_condition(visibility)
    query = select(*_COLUMNS).where(*where).order_by(perf_tables.c.updated_at.desc(), perf_tables.c.id)
    if seen is not None:
        query = query.where(seen)
    return [dict(row._mapping) for row in conn.execute(query.limit(LIMIT))]


def to_fill(conn: Connection, visibility: Visibility) -> list[dict[str, Any]]:
    """Drafts and returned tables (填报、修改)."""
    statuses = (Status.DRAFT.value, Status.RETURNED.value)
    return _rows(conn, visibility, perf_tables.c.status.in_(statuses))


def to_review(conn: Connection, visibility: Visibility) -> list[dict[str, Any]]:
    """Submitted tables (审核)."""
    return _rows(conn, visibility, perf_tables.c.status == Status.SUBMITTED.value)


_LOCKED = (Status.APPROVED.value, Status.PUBLISHED.value)


def monitoring_due(conn: Connection, visibility: Visibility, year: int) -> list[dict[str, Any]]:
    """Approved or published tables of ``year`` with no 运行监控 yet."""
    entered = exists().where(monitoring_snapshots.c.table_id == perf_tables.c.id)
    return _rows(conn, visibility, perf_tables.c.status.in_(_LOCKED), perf_tables.c.year == year, ~entered)


def evaluation_due(conn: Connection, visibility: Visibility, year: int) -> list[dict[str, Any]]:
    """Approved or published tables of ``year`` (the year just ended) with no 自评 yet."""
    entered = exists().where(self_evaluations.c.table_id == perf_tables.c.id)
    return _rows(conn, visibility, perf_tables.c.status.in_(_LOCKED), perf_tables.c.year == year, ~entered)
