"""Review notes kept beside a table: its link to last year's table, reviewers' comments on single
indicators, and findings dismissed with a reason. Each function takes a ``Connection`` inside the
caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, false, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from jixiao.queries import TableRow
from jixiao.store.errors import Conflict
from jixiao.store.listing import LIST_COLUMNS, UNIT, _table_row, from_clause
from jixiao.store.schema import (
    finding_dismissals,
    findings,
    indicator_comments,
    perf_tables,
    table_links,
    workflow_events,
)
from jixiao.store.tables import now
from jixiao.workflow import Action, Status

MAX_CHOICES = 200


# ---- a project across years ----------------------------------------------------------------------


def get_link(conn: Connection, table_id: int) -> dict[str, Any] | None:
    """The table's stored link (``previous_id``, ``how``, who and when), or None: no word yet."""
    row = conn.execute(select(table_links).where(table_links.c.table_id == table_id)).first()
    return None if row is None else dict(row._mapping)


def set_link(conn: Connection, table_id: int, previous_id: int | None, how: str, user_id: int | None) -> None:
    """Link ``table_id`` to ``previous_id`` (``how``: copy, manual), or record an unlink (None, none)."""
    conn.execute(delete(table_links).where(table_links.c.table_id == table_id))
    conn.execute(
        insert(table_links),
        [
            {
                "table_id": table_id,
                "previous_id": previous_id,
                "how": how,
                "user_id": user_id,
                "created_at": now(),
            }
        ],
    )


def same_unit_tables(
    conn: Connection, unit: str | None, before_year: int | None, exact_year: bool = False
) -> list[TableRow]:
    """List rows of the unit's tables of earlier years (``exact_year``: of ``before_year − 1`` only),
    newest year first: the candidates for last year's table of a project."""
    if not unit or before_year is None:
        return []
    year = perf_tables.c.year
    when = year == before_year - 1 if exact_year else year < before_year
    rows = conn.execute(
        select(*LIST_COLUMNS)
        .select_from(from_clause())
        .where(UNIT.c.name == unit, when)
        .order_by(year.desc(), perf_tables.c.name, perf_tables.c.id)
        .limit(MAX_CHOICES)
    )
    return [_table_row(row) for row in rows]


def next_tables(conn: Connection, table_id: int) -> list[int]:
    """The tables linked to this one as their previous year's (by copy or by hand)."""
    rows = conn.execute(
        select(table_links.c.table_id)
        .where(table_links.c.previous_id == table_id)
        .order_by(table_links.c.table_id)
    )
    return [int(value) for value in rows.scalars()]


# ---- comments on one indicator -------------------------------------------------------------------


def add_comment(
    conn: Connection, table_id: int, place: tuple[str, str, str], body: str, user_id: int | None
) -> int:
    """Store a comment on the indicator at ``place`` (一级, 二级, 三级); returns its id."""
    level1, level2, name = place
    row = {
        "table_id": table_id,
        "level1": level1,
        "level2": level2,
        "name": name,
        "body": body,
        "user_id": user_id,
        "created_at": now(),
    }
    return int(
        conn.execute(insert(indicator_comments).returning(indicator_comments.c.id), [row]).scalar_one()
    )


def comments(conn: Connection, table_id: int, open_only: bool = False) -> list[dict[str, Any]]:
    """The table's indicator comments, oldest first (``open_only``: those not yet resolved)."""
    query = select(indicator_comments).where(indicator_comments.c.table_id == table_id)
    if open_only:
        query = query.where(indicator_comments.c.resolved_at.is_(None))
    return [dict(row._mapping) for row in conn.execute(query.order_by(indicator_comments.c.id))]


def resolve_comment(conn: Connection, table_id: int, comment_id: int, user_id: int | None) -> dict[str, Any]:
    """Mark an open comment of the table resolved; Conflict when there is none such (or it was)."""
    done = conn.execute(
        update(indicator_comments)
        .where(
            indicator_comments.c.id == comment_id,
            indicator_comments.c.table_id == table_id,
            indicator_comments.c.resolved_at.is_(None),
        )
        .values(resolved_at=now(), resolved_by=user_id)
        .returning(*indicator_comments.c)
    ).first()
    if done is None:
        raise Conflict(comment_id)
    return dict(done._mapping)


# ---- dismissed findings --------------------------------------------------------------------------


def dismiss(
    conn: Connection,
    table_id: int,
    code: str,
    place: str,
    message: str,
    reason: str,
    user_id: int | None,
    version: int,
) -> None:
    """Record a dismissal of the finding ``code`` at ``place`` made on ``version`` (it holds for that
    version and later ones); Conflict when it is dismissed already."""
    row = {
        "from_version": version,
        "table_id": table_id,
        "code": code,
        "place": place,
        "message": message,
        "reason": reason,
        "user_id": user_id,
        "created_at": now(),
    }
    try:
        with conn.begin_nested():
            conn.execute(insert(finding_dismissals), [row])
    except IntegrityError:
        raise Conflict(table_id) from None


def dismissals(conn: Connection, table_id: int, version: int | None = None) -> list[dict[str, Any]]:
    """The table's dismissed findings, oldest first; with ``version``, only those that hold for it
    (made on it or an earlier version: not those made on a later 目标调整 still under way)."""
    query = select(finding_dismissals).where(finding_dismissals.c.table_id == table_id)
    if version is not None:
        query = query.where(
            or_(finding_dismissals.c.from_version.is_(None), finding_dismissals.c.from_version <= version)
        )
    return [dict(row._mapping) for row in conn.execute(query.order_by(finding_dismissals.c.id))]


def tables_with_dismissals(conn: Connection, table_ids: Iterable[int] | None = None) -> list[int]:
    """Which of ``table_ids`` (None: all tables) have a dismissed finding, in order."""
    query = select(finding_dismissals.c.table_id).distinct()
    wanted = None if table_ids is None else sorted(set(table_ids))
    if wanted is None:
        return sorted(conn.execute(query).scalars())
    found: list[int] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found += conn.execute(query.where(finding_dismissals.c.table_id.in_(chunk))).scalars()
    return sorted(found)


def settle_findings(
    conn: Connection, table_id: int, dismissed_ids: Iterable[int], fields: dict[str, Any]
) -> None:
    """Mark which of the table's findings are dismissed (the others active) and store its counts,
    risk and outcome as computed from the active ones (``fields``: perf_tables columns)."""
    ids = sorted(set(dismissed_ids))
    conn.execute(
        update(findings)
        .where(findings.c.table_id == table_id)
        .values(dismissed=findings.c.id.in_(ids) if ids else false())
    )
    conn.execute(update(perf_tables).where(perf_tables.c.id == table_id).values(**fields))


def note_event(
    conn: Connection, table_id: int, action: Action, status: Status, user_id: int | None, comment: str
) -> None:
    """A note in the table's 流转记录 that moves no status (a comment, a dismissal, a link)."""
    conn.execute(
        insert(workflow_events),
        [
            {
                "table_id": table_id,
                "action": action.value,
                "from_status": None,
                "to_status": status.value,
                "user_id": user_id,
                "comment": comment,
                "created_at": now(),
            }
        ],
    )
