"""Many rows into one table at once: PostgreSQL's ``COPY``, elsewhere one prepared ``executemany``.

An import stores a file's tables, versions, indicators, findings, events and audit rows in one
statement per table. On PostgreSQL that statement is ``COPY … FROM STDIN`` on the transaction's own
connection (the rows stream in, the server parses no SQL per row); elsewhere (SQLite) it is one
``INSERT`` compiled once per table and column list and sent with the rows as plain tuples
(`Connection.exec_driver_sql`), so SQLAlchemy does not build a parameter dictionary per row. Either
way the rows commit or roll back with the file, and values go through each column's type as a bound
parameter would (UTC time stamps stored naive): the stored rows are those of ``insert(table)``.
A row the database rejects raises SQLAlchemy's `DBAPIError`, as any statement would.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert
from sqlalchemy.exc import DBAPIError

from jixiao.store.search_batches import highest_id, index_new_rows

Processor = Callable[[Any], Any]


def insert_rows(conn: Connection, target: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``target``, inside the caller's transaction."""
    if not rows:
        return
    plan = _plan(conn.dialect, target, tuple(rows[0]))
    floor = highest_id(conn, target)  # a bulk import's SQLite: the full-text index by statement
    if floor is not None and "id" in rows[0]:
        raise ValueError(f"{target.name}: rows with their own ids are not indexed by statement")
    if conn.dialect.name == "postgresql":
        _copy(conn, plan.copy_sql, [plan.tuple_of(row) for row in rows])
    elif plan.positional:
        conn.exec_driver_sql(plan.insert_sql, [plan.tuple_of(row) for row in rows])
    else:  # another paramstyle: SQLAlchemy's own executemany
        conn.execute(insert(target), list(rows))
    index_new_rows(conn, target, floor)


class _Plan:
    """How rows with these column names go into one table: the statements, and per-column processing.

    Columns the rows leave out that have a constant default (``default=0``) get it, as ``insert(table)``
    would give it; a left-out column with a computed default is a mistake of the caller."""

    def __init__(self, dialect: Dialect, target: Table, names: tuple[str, ...]) -> None:
        defaults: dict[str, Any] = {}
        for column in target.c:
            if column.name in names or column.default is None:
                continue
            if not column.default.is_scalar:
                raise ValueError(f"{target.name}.{column.name}: a computed default needs insert()")
            defaults[column.name] = column.default.arg  # type: ignore[attr-defined]
        order = [*names, *defaults]
        preparer = dialect.identifier_preparer
        columns = ", ".join(preparer.quote(name) for name in order)
        table = preparer.format_table(target)
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self.insert_sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(order))})"
        self.positional = dialect.paramstyle == "qmark"  # insert_sql's placeholders (SQLite)
        # the type as this dialect binds it (a TypeDecorator's own step, then its dialect type's)
        processors = [target.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in order]
        self.converted: list[tuple[int, Processor]] = [
            (index, process) for index, process in enumerate(processors) if process is not None
        ]
        getter = operator.itemgetter(*names)
        self._values: Callable[[dict[str, Any]], tuple[Any, ...]] = (
            getter if len(names) > 1 else lambda row: (getter(row),)
        )
        self._defaults = tuple(defaults.values())
        # per converted column: the last value converted and what it became (a datetime is immutable)
        self._last: list[tuple[Any, Any]] = [(None, None)] * len(self.converted)

    def tuple_of(self, row: dict[str, Any]) -> tuple[Any, ...]:
        """The row's values in statement order, each as its column's type binds it.

        The rows of one call mostly share one time stamp (the same object): a time stamp the column
        converted last is not converted again."""
        values = self._values(row) + self._defaults
        if not self.converted:
            return values
        listed = list(values)
        for slot, (index, process) in enumerate(self.converted):
            value = listed[index]
            last = self._last[slot]
            if value is last[0] and isinstance(value, datetime):
                listed[index] = last[1]
            else:
                listed[index] = converted = process(value)
                self._last[slot] = (value, converted)
        return tuple(listed)


@lru_cache(maxsize=256)
def _plan(dialect: Dialect, target: Table, names: tuple[str, ...]) -> _Plan:
    return _Plan(dialect, target, names)


def _copy(conn: Connection, statement: str, values: list[tuple[Any, ...]]) -> None:
    """``COPY`` the rows on the transaction's connection; a driver error as SQLAlchemy's."""
    dbapi = conn.dialect.loaded_dbapi
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(statement) as copy:
            for row in values:
                copy.write_row(row)
    except dbapi.Error as error:
        raise DBAPIError.instance(statement, None, error, dbapi.Error, dialect=conn.dialect) from error
    finally:
        cursor.close()
