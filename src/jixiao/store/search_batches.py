"""SQLite's full-text index filled once per statement during a bulk import, not by a trigger per row.

SQLite keeps its FTS5 trigram tables (``perf_tables_search``, ``indicators_search``, migration 0003)
up to date with triggers: each inserted indicator runs ``INSERT INTO indicators_search … VALUES``
on its own, 18 µs a row, where one ``INSERT … SELECT`` of the same rows after they are stored costs
3.5 µs a row (measured on the bulk benchmark's rows). So a bulk import's transaction of several
files (`deferred_search`) drops the two *insert* triggers (DDL is transactional in SQLite: no other
connection ever sees them missing, and a rollback brings them back), `jixiao.store.bulk_rows`
indexes each batch of new rows in one statement right after inserting them (`index_new_rows`), and
the triggers are created again, with their migration's exact text, before the transaction commits.
The index is complete after every statement, so the delete and update triggers, which stay, always
find the entries they remove. PostgreSQL needs none of this: its trigram GIN indexes take new rows
into a pending list already (`jixiao.store.search_indexes`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Table, text

DEFERRED = "jixiao_deferred_search"  # key in Connection.info while the insert triggers are dropped


@dataclass(frozen=True)
class SearchTable:
    """An FTS5 table over a stored table's columns, and the trigger that fills it row by row."""

    source: str
    index: str
    columns: tuple[str, ...]
    trigger: str

    @property
    def create_trigger(self) -> str:
        """The trigger's statement, as migration 0003 wrote it."""
        names = ", ".join(self.columns)
        values = ", ".join(f"new.{name}" for name in self.columns)
        return (
            f"CREATE TRIGGER {self.trigger} AFTER INSERT ON {self.source} BEGIN "
            f"INSERT INTO {self.index}(rowid, {names}) VALUES (new.id, {values}); END"
        )


SEARCH_TABLES = {
    "perf_tables": SearchTable("perf_tables", "perf_tables_search", ("name",), "perf_tables_search_insert"),
    "indicators": SearchTable(
        "indicators", "indicators_search", ("name", "period_raw", "annual_raw"), "indicators_search_insert"
    ),
}


def _present_triggers(conn: Connection) -> set[str]:
    names = [table.trigger for table in SEARCH_TABLES.values()]
    rows = conn.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (:a, :b)"),
        {"a": names[0], "b": names[1]},
    )
    return {str(name) for name in rows.scalars()}


@contextmanager
def deferred_search(conn: Connection) -> Iterator[None]:
    """Inside the caller's transaction: the insert triggers dropped while the block stores rows
    (`index_new_rows` indexes them), created again when it ends. Nothing on PostgreSQL, nor on a
    SQLite without the full-text tables (no FTS5)."""
    if conn.dialect.name != "sqlite" or conn.info.get(DEFERRED):
        yield
        return
    dropped = [table for table in SEARCH_TABLES.values() if table.trigger in _present_triggers(conn)]
    if dropped and not conn.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        # Python's sqlite3 begins a transaction only before DML: a DROP first would commit at once
        # and stay dropped after a rollback
        conn.exec_driver_sql("BEGIN")
    for table in dropped:
        conn.exec_driver_sql(f"DROP TRIGGER {table.trigger}")
    conn.info[DEFERRED] = {table.source for table in dropped}
    try:
        yield
    finally:
        conn.info.pop(DEFERRED, None)
    for table in dropped:  # not after an error: the rollback brings the triggers back
        conn.exec_driver_sql(table.create_trigger)


def highest_id(conn: Connection, target: Table) -> int | None:
    """Before inserting into ``target``: the highest id now, when its rows are indexed by statement."""
    if target.name not in conn.info.get(DEFERRED, ()):
        return None
    found = conn.exec_driver_sql(f"SELECT max(id) FROM {target.name}").scalar()
    return int(found or 0)


def index_new_rows(conn: Connection, target: Table, floor: int | None) -> None:
    """After inserting into ``target``: index the rows above ``floor`` (the new rows: SQLite gives a
    new row the highest id plus one), in one statement."""
    if floor is None:
        return
    search = SEARCH_TABLES[target.name]
    names = ", ".join(search.columns)
    conn.exec_driver_sql(
        f"INSERT INTO {search.index}(rowid, {names}) SELECT id, {names} FROM {search.source} WHERE id > ?",
        (floor,),
    )
