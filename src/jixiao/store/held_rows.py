"""A bulk import's fact rows held back and inserted once per batch of files, not once per file.

A bulk import stores up to `BATCH_FILES` files in one transaction. Each new table's perf_tables row
goes in at once (its id is needed), but its version, indicators, findings and workflow event need
nothing back: inside `held_rows` they are kept in memory and inserted together when the batch ends
(`insert_rows`: one ``COPY`` per fact table on PostgreSQL, one ``executemany`` and one full-text fill
per table on SQLite), so the database sees four statements per batch where it saw four per file.

Only rows of tables *created* in this batch are held, and nothing reads them before the batch ends
except a later file of the same batch that names the same table (its version's hash decides whether
it changed): `release_for` inserts what is held before such a file is planned, and before anything
that changes stored tables (a new version deletes the old indicators and findings). A file of
published self-evaluations releases them too. A rolled-back batch drops what is held with the rest.
The stored rows are the same as file by file, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table

from jixiao.store.bulk_rows import insert_rows

HELD = "jixiao_held_rows"  # key in Connection.info while a batch holds rows back


@dataclass
class _Held:
    """The rows held back, per table and column list, in the order they came, and the identities of
    the tables they belong to."""

    rows: dict[tuple[Table, tuple[str, ...]], list[dict[str, Any]]] = field(default_factory=dict)
    identities: set[str] = field(default_factory=set)


@contextmanager
def held_rows(conn: Connection) -> Iterator[None]:
    """Inside the caller's transaction: hold new tables' fact rows back until the block ends, then
    insert them. If the block raises, nothing held is inserted (the caller rolls back)."""
    conn.info[HELD] = _Held()
    try:
        yield
        release(conn)
    finally:
        conn.info.pop(HELD, None)


def hold_or_insert(
    conn: Connection, batches: Sequence[tuple[Table, list[dict[str, Any]]]], identities: Iterable[str]
) -> None:
    """Insert each (table, rows) now, or, inside `held_rows`, hold them as rows of the tables named by
    ``identities`` (created in this transaction)."""
    held: _Held | None = conn.info.get(HELD)
    if held is None:
        insert_all(conn, batches)
        return
    for target, rows in batches:
        if rows:
            held.rows.setdefault((target, tuple(rows[0])), []).extend(rows)
    held.identities.update(identities)


def insert_all(conn: Connection, batches: Sequence[tuple[Table, list[dict[str, Any]]]]) -> None:
    """Insert each (table, rows) now, in order."""
    for target, rows in batches:
        insert_rows(conn, target, rows)


def release_for(conn: Connection, identities: Iterable[str]) -> None:
    """Insert what is held if any of ``identities`` is a table whose rows are held."""
    held: _Held | None = conn.info.get(HELD)
    if held is not None and not held.identities.isdisjoint(identities):
        release(conn)


def release(conn: Connection) -> None:
    """Insert every row held so far (nothing outside `held_rows`)."""
    held: _Held | None = conn.info.get(HELD)
    if held is None:
        return
    batches, held.rows, held.identities = held.rows, {}, set()
    insert_all(conn, [(target, rows) for (target, _), rows in batches.items()])
