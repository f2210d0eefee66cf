"""Many rows into one table at once: PostgreSQL's ``COPY``, elsewhere SQLAlchemy's ``executemany``.

An import stores a file's indicators, findings, versions and events in one statement per table. On
PostgreSQL that statement is ``COPY … FROM STDIN`` on the transaction's own connection (the rows
stream in, the server parses no SQL per row), so the rows still commit or roll back with the file.
Values go through each column's type as a bound parameter would (UTC time stamps stored naive).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert


def insert_rows(conn: Connection, target: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``target``, inside the caller's transaction."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(target), list(rows))
        return
    names = list(rows[0])
    processors: list[Callable[[Any], Any] | None] = [
        target.c[name].type.bind_processor(conn.dialect) for name in names
    ]
    columns = ", ".join(conn.dialect.identifier_preparer.quote(name) for name in names)
    table = conn.dialect.identifier_preparer.format_table(target)
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [
                        value if process is None else process(value)
                        for process, value in zip(processors, (row[n] for n in names), strict=True)
                    ]
                )
    finally:
        cursor.close()
