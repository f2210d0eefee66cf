"""Uploads kept between the preview and the user's confirmation (the ``uploads`` table)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from jixiao.store.schema import uploads


@dataclass(frozen=True, slots=True)
class StagedUpload:
    """An uploaded file kept between the preview and the confirmed import."""

    filename: str
    data: bytes


def stage(conn: Connection, token: str, user_id: int | None, filename: str, data: bytes) -> None:
    """Keep ``data`` under ``token`` for ``user_id`` (workbooks and PDFs are bytes: stored as base64)."""
    row = {
        "token": token,
        "user_id": user_id,
        "filename": filename,
        "content": base64.b64encode(data).decode("ascii"),
        "created_at": datetime.now(UTC),
    }
    conn.execute(insert(uploads), [row])


def _find(conn: Connection, token: str, user_id: int | None, keep_seconds: int | None) -> Any:
    query = select(uploads).where(uploads.c.token == token, uploads.c.user_id == user_id)
    if keep_seconds is not None:
        query = query.where(uploads.c.created_at >= datetime.now(UTC) - timedelta(seconds=keep_seconds))
    return conn.execute(query).first()


def peek(
    conn: Connection, token: str, user_id: int | None, keep_seconds: int | None = None
) -> StagedUpload | None:
    """The upload staged under ``token`` by ``user_id``, left in place (an import refused for want of
    a 目标调整 reason can be confirmed again); None if gone or staged more than ``keep_seconds`` ago."""
    staged = _find(conn, token, user_id, keep_seconds)
    return None if staged is None else StagedUpload(staged.filename, base64.b64decode(staged.content))


def take(
    conn: Connection, token: str, user_id: int | None, keep_seconds: int | None = None
) -> StagedUpload | None:
    """The upload staged under ``token`` by ``user_id``, removed so it is imported once; None if gone
    (or staged more than ``keep_seconds`` ago)."""
    staged = _find(conn, token, user_id, keep_seconds)
    if staged is None:
        return None
    conn.execute(delete(uploads).where(uploads.c.id == staged.id))
    return StagedUpload(staged.filename, base64.b64decode(staged.content))


def purge(conn: Connection, keep_seconds: int) -> int:
    """Delete uploads staged more than ``keep_seconds`` ago and never confirmed; how many."""
    oldest = datetime.now(UTC) - timedelta(seconds=keep_seconds)
    return conn.execute(delete(uploads).where(uploads.c.created_at < oldest)).rowcount or 0
