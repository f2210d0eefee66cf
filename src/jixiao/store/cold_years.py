"""A closed year's partitions moved to a second PostgreSQL server, mounted back with ``postgres_fdw``.

A year whose self-evaluations are done is no longer written to. `move_year_to_server` moves its
partitions (perf_tables_2023, table_versions_2023, …) to another server and puts a foreign table in
each one's place, attached as the same partition: every query reads it as before (through the other
server), writes to it still work, and the primary keeps only the hot years. What it needs:

- the ``postgres_fdw`` extension on the primary (Debian: part of ``postgresql-15``), the right to
  create it, and a login on the second server;
- a connection to the second server, where the partitions are created with the same columns and keys.

Trade-off: a lookup by id alone (``/tables/{id}``) cannot tell the year, so it asks every partition,
the foreign ones included (one round trip to the second server per lookup); lists, searches and the
dashboard filtered by year skip the foreign partitions of other years (docs/scale.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from jixiao.store.partitions import PARTITION_KEYS, PARTITIONED, partition_name, partition_years


@dataclass(frozen=True, slots=True)
class ColdServer:
    """Where closed years go: a PostgreSQL server reachable from the primary."""

    name: str  # the foreign server's name on the primary (an identifier: letters, digits, _)
    host: str
    port: int
    dbname: str
    user: str
    password: str = ""


def _identifier(name: str) -> str:
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise ValueError(f"名称只能由字母、数字和下划线组成：{name}")
    return name


def has_postgres_fdw(conn: Connection) -> bool:
    """Whether this PostgreSQL has the postgres_fdw extension available to install."""
    found = conn.execute(text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgres_fdw'"))
    return found.first() is not None


def define_server(conn: Connection, server: ColdServer) -> None:
    """The extension, the foreign server and the current user's mapping to it (made if missing)."""
    name = _identifier(server.name)
    conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgres_fdw"))
    exists = conn.execute(text("SELECT 1 FROM pg_foreign_server WHERE srvname = :n"), {"n": name}).first()
    if exists is None:
        conn.execute(
            text(
                f"CREATE SERVER {name} FOREIGN DATA WRAPPER postgres_fdw "
                f"OPTIONS (host '{_literal(server.host)}', port '{int(server.port)}', "
                f"dbname '{_literal(server.dbname)}')"
            )
        )
        password = f", password '{_literal(server.password)}'" if server.password else ""
        conn.execute(
            text(
                f"CREATE USER MAPPING FOR CURRENT_USER SERVER {name} "
                f"OPTIONS (user '{_literal(server.user)}'{password})"
            )
        )


def _literal(value: str) -> str:
    return value.replace("'", "''")


def _remote_table_sql(local: Connection, table: str, partition: str) -> list[str]:
    """CREATE TABLE for a partition on the second server: the same columns, keys and table_id index."""
    columns = local.execute(
        text(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_attribute a "
            "WHERE a.attrelid = CAST(:t AS regclass) AND a.attnum > 0 AND NOT a.attisdropped "
            "ORDER BY a.attnum"
        ),
        {"t": table},
    ).all()
    body = ", ".join(f'"{name}" {kind}{" NOT NULL" if not_null else ""}' for name, kind, not_null in columns)
    primary, *uniques = PARTITION_KEYS[table]
    keys = [f"PRIMARY KEY ({', '.join((*primary, 'region_code'))})"]
    keys += [f"UNIQUE ({', '.join((*u, 'region_code'))})" for u in uniques]
    statements = [f'CREATE TABLE "{partition}" ({body}, {", ".join(keys)})']
    if table != "perf_tables":
        statements.append(f'CREATE INDEX "{partition}_table" ON "{partition}" (table_id)')
    return statements


def move_year_to_server(local: Connection, remote: Connection, year: int, server: ColdServer) -> list[str]:
    """Move ``year``'s local partitions to ``server`` and attach foreign tables in their place.

    ``local``: a transaction on the primary; ``remote``: one on the second server (committed first by
    the caller: the rows are copied through postgres_fdw when ``local`` runs, into tables ``remote``
    created). Returns the partitions moved. The year's partitions must exist (`create_year_partitions`).
    """
    name = _identifier(server.name)
    moved: list[str] = []
    for table in PARTITIONED:
        partition = partition_name(table, year)
        kind = local.execute(
            text("SELECT relkind FROM pg_class WHERE relname = :p"), {"p": partition}
        ).scalar()
        if partition not in partition_years(local, table) or kind != "r":
            continue  # no such local partition (already moved, or never made)
        for statement in _remote_table_sql(local, table, partition):
            remote.execute(text(statement))
        moved.append(partition)
    remote.commit()
    define_server(local, server)
    for partition, table in ((partition_name(t, year), t) for t in PARTITIONED):
        if partition not in moved:
            continue
        local_copy = f"{partition}_moving"
        local.execute(text(f'ALTER TABLE "{table}" DETACH PARTITION "{partition}"'))
        local.execute(text(f'ALTER TABLE "{partition}" RENAME TO "{local_copy}"'))
        local.execute(
            text(
                f'CREATE FOREIGN TABLE "{partition}" PARTITION OF "{table}" '
                f"FOR VALUES FROM ({year}) TO ({year + 1}) SERVER {name} OPTIONS (table_name '{partition}')"
            )
        )
        local.execute(text(f'INSERT INTO "{partition}" SELECT * FROM "{local_copy}"'))
        local.execute(text(f'DROP TABLE "{local_copy}"'))
    return moved
