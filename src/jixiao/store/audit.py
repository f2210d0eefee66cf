"""The audit log: who did what, when, and what changed (old → new), as JSON detail."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from jixiao.store.schema import audit_log, users


def record(
    conn: Connection,
    user_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: dict[str, Any],
) -> None:
    record_many(conn, user_id, action, entity, [(entity_id, detail)], datetime.now(UTC))


def record_many(
    conn: Connection,
    user_id: int | None,
    action: str,
    entity: str,
    items: Sequence[tuple[int | None, dict[str, Any]]],
    stamp: datetime,
) -> None:
    rows = [
        {
            "user_id": user_id,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "detail": json.dumps(detail, ensure_ascii=False, default=str),
            "created_at": stamp,
        }
        for entity_id, detail in items
    ]
    if rows:
        conn.execute(insert(audit_log), rows)


def entries(
    conn: Connection, entity: str | None = None, entity_id: int | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """Newest first, with the user's name."""
    query = (
        select(audit_log, users.c.username)
        .outerjoin(users, users.c.id == audit_log.c.user_id)
        .order_by(audit_log.c.id.desc())
        .limit(limit)
    )
    if entity is not None:
        query = query.where(audit_log.c.entity == entity)
    if entity_id is not None:
        query = query.where(audit_log.c.entity_id == entity_id)
    result = []
    for row in conn.execute(query):
        item = dict(row._mapping)
        item["detail"] = json.loads(item["detail"])
        result.append(item)
    return result
