"""Files stored by a bulk import, by the SHA-256 of their bytes (the ``imported_files`` table)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from jixiao.store.schema import imported_files


@dataclass(frozen=True, slots=True)
class ImportedFile:
    """A file already stored: the name it was imported under and how many tables it held."""

    file: str
    tables: int


def find(conn: Connection, digest: str) -> ImportedFile | None:
    """The file stored with this content hash, or None."""
    row = conn.execute(
        select(imported_files.c.file, imported_files.c.tables).where(imported_files.c.content_hash == digest)
    ).first()
    return None if row is None else ImportedFile(row.file, int(row.tables))


def record(conn: Connection, digest: str, file: str, tables: int, user_id: int | None) -> None:
    """Remember a stored file; a hash already recorded (two runs racing) is left as it is."""
    record_many(conn, [(digest, file, tables, user_id)])


def record_many(conn: Connection, files: Sequence[tuple[str, str, int, int | None]]) -> None:
    """Remember stored files (content hash, name, tables, user) in one statement, in order; a hash
    already recorded (two runs racing, or the same bytes twice in a batch) keeps its first record."""
    if not files:
        return
    dialect_insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stamp = datetime.now(UTC)
    rows = [
        {"content_hash": digest, "file": file, "tables": tables, "imported_by": user_id, "imported_at": stamp}
        for digest, file, tables, user_id in files
    ]
    conn.execute(dialect_insert(imported_files).on_conflict_do_nothing(), rows)
