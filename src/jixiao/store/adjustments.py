"""A 目标调整 of a published table, kept beside the published version until it is published itself.

While a published table is being adjusted, its ``perf_tables`` row, indicators and findings stay those
of the published version: visitors, the public list, search, the open data and the figures go on
seeing it. The adjustment's versions are stored in ``table_versions`` after it (``pending_version`` is
the newest) and its workflow status is ``pending_status``; its owner and reviewers see and move that.
Publishing the adjustment makes its version the table's row (`publish_pending`).
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, update

from jixiao.store import document as doc
from jixiao.store.bulk_rows import insert_rows
from jixiao.store.errors import Conflict
from jixiao.store.schema import findings, indicators, perf_tables, table_versions, workflow_events
from jixiao.store.table_keys import fill_keys, org_region_codes, sync_children, with_keys
from jixiao.store.tables import (
    Reviewed,
    _event_row,
    _finding_rows,
    _indicator_rows,
    _table_fields,
    _version_row,
    ensure_orgs,
    now,
)
from jixiao.workflow import Action, Status


def save_pending(
    conn: Connection,
    table_id: int,
    reviewed: Reviewed,
    expected_lock: int | None,
    user_id: int | None,
    reason: str | None,
) -> int:
    """Store ``reviewed`` as the adjustment's newest version, leaving the published row as it is.

    ``expected_lock`` None: no optimistic check (an import). Raises Conflict when someone saved the
    table since ``expected_lock``. Returns the new lock version.
    """
    newest = select(func.max(table_versions.c.number)).where(table_versions.c.table_id == table_id)
    number = int(conn.execute(newest).scalar_one() or 0) + 1
    where = [perf_tables.c.id == table_id]
    if expected_lock is not None:
        where.append(perf_tables.c.lock_version == expected_lock)
    bumped = conn.execute(
        update(perf_tables)
        .where(*where)
        .values(pending_version=number, lock_version=perf_tables.c.lock_version + 1, updated_at=now())
        .returning(perf_tables.c.lock_version)
    ).first()
    if bumped is None:
        raise Conflict(table_id)
    text, digest = doc.dumps_and_hash(reviewed.table)
    version = _version_row(table_id, number, text, digest, user_id, now(), reason)
    conn.execute(insert(table_versions), fill_keys(conn, [version]))
    return int(bumped[0])


def set_pending_status(
    conn: Connection,
    table_id: int,
    action: Action,
    from_status: Status | None,
    to_status: Status,
    user_id: int | None,
    comment: str | None,
) -> None:
    """Move the adjustment along the workflow (only if it still has ``from_status``; None: it has
    none yet, the adjustment starts)."""
    current = (
        perf_tables.c.pending_status.is_(None)
        if from_status is None
        else perf_tables.c.pending_status == from_status.value
    )
    stamp = now()
    moved = conn.execute(
        update(perf_tables)
        .where(perf_tables.c.id == table_id, current)
        .values(pending_status=to_status.value, lock_version=perf_tables.c.lock_version + 1, updated_at=stamp)
    )
    if moved.rowcount != 1:
        raise Conflict(table_id)
    event = _event_row(table_id, action, from_status or Status.PUBLISHED, to_status, user_id, comment, stamp)
    conn.execute(insert(workflow_events), [event])


def publish_pending(
    conn: Connection, table_id: int, reviewed: Reviewed, user_id: int | None, comment: str | None
) -> None:
    """Publish an approved adjustment: its version becomes the table's row, indicators and findings."""
    stamp = now()
    table = reviewed.table
    org_ids = ensure_orgs(conn, [table.project.unit, table.project.department])
    fields = _table_fields(reviewed, org_ids, org_region_codes(conn, org_ids.values()))
    moved = conn.execute(
        update(perf_tables)
        .where(perf_tables.c.id == table_id, perf_tables.c.pending_status == Status.APPROVED.value)
        .values(
            **fields,
            status=Status.PUBLISHED.value,
            current_version=perf_tables.c.pending_version,
            pending_version=None,
            pending_status=None,
            lock_version=perf_tables.c.lock_version + 1,
            updated_at=stamp,
        )
    )
    if moved.rowcount != 1:
        raise Conflict(table_id)
    sync_children(conn, [table_id])  # the adjusted table may name another year or unit
    keys = {table_id: (fields["region_code"], fields["partition_year"])}
    conn.execute(delete(indicators).where(indicators.c.table_id == table_id))
    conn.execute(delete(findings).where(findings.c.table_id == table_id))
    if table.indicators:
        insert_rows(conn, indicators, with_keys(_indicator_rows(table_id, table), keys))
    if reviewed.findings:
        conn.execute(insert(findings), with_keys(_finding_rows(table_id, reviewed.findings), keys))
    event = _event_row(table_id, Action.PUBLISH, Status.APPROVED, Status.PUBLISHED, user_id, comment, stamp)
    conn.execute(insert(workflow_events), [event])


__all__ = ["publish_pending", "save_pending", "set_pending_status"]
