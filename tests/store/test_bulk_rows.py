"""`insert_rows` stores what ``insert(table)`` stores (COPY on PostgreSQL, a prepared executemany on
SQLite), fills left-out columns' constant defaults, and a rejected row is SQLAlchemy's error."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Text, cast, insert, select
from sqlalchemy.exc import IntegrityError

from jixiao.store.bulk_rows import insert_rows
from jixiao.store.db import get_engine
from jixiao.store.schema import audit_log, perf_tables

STAMP = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)  # no microseconds: formats differ there


def _tables(prefix: str) -> list[dict[str, Any]]:
    """Two tables as an import builds them: no error counts or lock version (their defaults apply)."""
    return [
        {
            "identity": f"{prefix}|农村饮水安全巩固提升工程|{n}",
            "name": f"农村饮水安全巩固提升工程（第{n}批）",
            "year": 2025,
            "budget_fen": 125_000_000 + n,
            "status": "draft",
            "outcome": "warning",
            "outcome_reason": None,
            "region_code": "440100",
            "partition_year": 2025,
            "created_at": STAMP,
            "updated_at": STAMP,
        }
        for n in (1, 2)
    ]


def _stored(conn: Any, prefix: str) -> list[dict[str, Any]]:
    """The stored rows, time stamps also as the database's own text (how SQLite compares them)."""
    as_text = cast(perf_tables.c.created_at, Text).label("created_text")
    query = (
        select(perf_tables, as_text)
        .where(perf_tables.c.identity.like(f"{prefix}|%"))
        .order_by(perf_tables.c.identity)
    )
    return [
        {k: v for k, v in row._mapping.items() if k not in ("id", "identity")} for row in conn.execute(query)
    ]


def test_rows_stored_as_insert_stores_them(db_url: str) -> None:
    with get_engine(db_url).begin() as conn:
        insert_rows(conn, perf_tables, _tables("bulk"))
        conn.execute(insert(perf_tables), _tables("core"))
        bulk, core = _stored(conn, "bulk"), _stored(conn, "core")
    assert len(bulk) == 2
    assert bulk == core
    assert bulk[0]["errors"] == 0 and bulk[0]["lock_version"] == 1 and bulk[0]["current_version"] == 1
    assert bulk[1]["budget_fen"] == 125_000_002
    assert bulk[0]["created_at"].replace(tzinfo=None) == STAMP.replace(tzinfo=None)


def test_one_row_and_audit_defaults(db_url: str) -> None:
    row = {
        "seq": 900_001,
        "created_at": STAMP,
        "user_id": None,
        "action": "import",
        "entity": "table",
        "prev_hash": "0" * 64,
        "row_hash": "1" * 64,
    }
    with get_engine(db_url).begin() as conn:
        insert_rows(conn, audit_log, [row])
        stored = conn.execute(select(audit_log).where(audit_log.c.seq == 900_001)).one()
    assert (stored.detail, stored.outcome, stored.entity) == ("{}", "success", "table")


def test_rejected_row_is_sqlalchemys_error_and_stores_nothing(db_url: str) -> None:
    engine = get_engine(db_url)
    twice = _tables("twice") + _tables("twice")[:1]  # the same identity twice: unique
    with pytest.raises(IntegrityError), engine.begin() as conn:
        insert_rows(conn, perf_tables, twice)
    with engine.connect() as conn:
        assert _stored(conn, "twice") == []
