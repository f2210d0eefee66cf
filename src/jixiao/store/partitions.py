"""PostgreSQL: the fact tables partitioned by year (declarative RANGE partitioning on ``partition_year``).

perf_tables, table_versions, indicators, findings, monitoring_snapshots and self_evaluations are each a
partitioned table with one partition per year (``perf_tables_2025`` holds ``partition_year`` 2025) and
a default partition (``perf_tables_default``) for years that have none yet; `create_year_partitions`
makes a year's partitions, moving its rows out of the default partition (``jixiao db partition
--year``). SQLite keeps plain tables with the same columns.

Keys: PostgreSQL 15 allows a foreign partition (postgres_fdw, jixiao.store.cold_years) only under a
partitioned table with neither unique indexes nor foreign keys. So the partitioned tables carry none;
every **local** partition carries its primary key ``(id, region_code)`` and the table's unique keys,
each with ``region_code`` added (`PARTITION_KEYS`): a table's rows all have the same year and region,
so a key unique in its partition is unique everywhere. Ids come from one sequence per table and stay
globally unique. No SQL here takes a value from outside: names come from `PARTITION_KEYS`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from jixiao.store.search_indexes import limit_pending_lists

# Each partitioned table (parents before children) with its primary key and unique keys, per partition.
PARTITION_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "perf_tables": (("id",), ("identity",)),
    "table_versions": (("id",), ("table_id", "number")),
    "indicators": (("id",),),
    "findings": (("id",),),
    "monitoring_snapshots": (("id",), ("table_id", "year", "months")),
    "self_evaluations": (("id",), ("table_id", "year")),
}
PARTITIONED = tuple(PARTITION_KEYS)
DEFAULT = "default"


_PARTITION = re.compile(rf"^({'|'.join(PARTITIONED)})_(default|\d{{1,4}})$")


def is_partition(name: str) -> bool:
    """Whether a table name is one partition of a partitioned fact table (``indicators_2025``)."""
    return _PARTITION.match(name) is not None


def include_object_on(dialect: str) -> Any:
    """For Alembic's comparison on ``dialect``: on PostgreSQL the partitioned tables' keys live on
    their partitions, so their unique constraints and every foreign key to or from them are left out
    (schema.py describes them as SQLite has them)."""

    def include_object(item: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        if dialect != "postgresql":
            return True
        if type_ == "unique_constraint":
            return str(item.table.name) not in PARTITION_KEYS
        if type_ == "foreign_key_constraint":
            return item.table.name not in PARTITION_KEYS and item.referred_table.name not in PARTITION_KEYS
        return True

    return include_object


def partition_name(table: str, year: int | str) -> str:
    """``perf_tables_2025``; ``perf_tables_default`` for the default partition."""
    return f"{table}_{year}"


def _check(table: str) -> None:
    if table not in PARTITION_KEYS:
        raise ValueError(f"不是分区表：{table}")


def add_partition_keys(conn: Connection, table: str, partition: str) -> None:
    """Give a local partition its primary key and unique keys, each with the region code."""
    _check(table)
    primary, *uniques = PARTITION_KEYS[table]
    conn.execute(text(f'ALTER TABLE "{partition}" ADD PRIMARY KEY ({", ".join((*primary, "region_code"))})'))
    for columns in uniques:
        conn.execute(text(f'ALTER TABLE "{partition}" ADD UNIQUE ({", ".join((*columns, "region_code"))})'))


def partition_years(conn: Connection, table: str = "perf_tables") -> dict[str, str]:
    """The partitions of a partitioned table: name → bound (``FOR VALUES FROM (2025) TO (2026)``,
    ``DEFAULT``), foreign partitions included."""
    _check(table)
    rows = conn.execute(
        text(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i "
            "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
            "WHERE p.relname = :t ORDER BY c.relname"
        ),
        {"t": table},
    )
    return {str(name): str(bound) for name, bound in rows}


def is_partitioned(conn: Connection) -> bool:
    """True on a PostgreSQL database whose fact tables are partitioned (migration 0012 and later)."""
    if conn.dialect.name != "postgresql":
        return False
    found = conn.execute(
        text(
            "SELECT 1 FROM pg_partitioned_table pt JOIN pg_class c ON c.oid = pt.partrelid "
            "WHERE c.relname = 'perf_tables'"
        )
    )
    return found.first() is not None


def create_default_partitions(conn: Connection) -> None:
    """The default partition of every partitioned table (the migration makes them)."""
    for table in PARTITIONED:
        name = partition_name(table, DEFAULT)
        conn.execute(text(f'CREATE TABLE "{name}" PARTITION OF "{table}" DEFAULT'))
        add_partition_keys(conn, table, name)


def create_year_partitions(conn: Connection, year: int) -> list[str]:
    """Make ``year``'s partition of every partitioned table that has none, moving that year's rows out
    of the default partition; the names of the partitions made. In the caller's transaction.

    Children's rows move first, then their tables'; each partition is attached once it holds its rows,
    so nothing is ever outside the table when the transaction commits.
    """
    if not 0 <= year <= 9999:
        raise ValueError(f"年度超出范围：{year}")
    made: list[str] = []
    for table in PARTITIONED:
        name = partition_name(table, year)
        if name in partition_years(conn, table):
            continue
        conn.execute(text(f'CREATE TABLE "{name}" (LIKE "{table}" INCLUDING DEFAULTS INCLUDING STORAGE)'))
        add_partition_keys(conn, table, name)
        conn.execute(
            text(
                f'WITH moved AS (DELETE FROM "{partition_name(table, DEFAULT)}" WHERE partition_year = :y '
                f'RETURNING *) INSERT INTO "{name}" SELECT * FROM moved'
            ),
            {"y": year},
        )
        conn.execute(
            text(f'ALTER TABLE "{table}" ATTACH PARTITION "{name}" FOR VALUES FROM ({year}) TO ({year + 1})')
        )
        if table == "perf_tables":  # the move's DELETE took their homes, its INSERT (unattached) gave none
            conn.execute(
                text(
                    "INSERT INTO table_homes (id, region_code, partition_year) "
                    f'SELECT id, region_code, partition_year FROM "{name}" ON CONFLICT (id) DO NOTHING'
                )
            )
        made.append(name)
    if made:  # the attached partitions' new trigram indexes: a short pending list like the others
        limit_pending_lists(conn)
    return made


def partition_plain_tables(conn: Connection, years: Sequence[int]) -> None:
    """Turn today's plain fact tables into partitioned ones, moving their rows (migration 0012).

    For each table: drop the foreign keys that point at it or leave from it, keep its index
    definitions, rename it away, create the partitioned table with the same columns and defaults (the
    id sequence moves over), its default partition and one partition per year in ``years``, copy the
    rows, drop the old table and build the indexes again on the partitioned one.
    """
    names = ", ".join(f"'{t}'" for t in PARTITIONED)
    foreign_keys = conn.execute(
        text(
            "SELECT c.conrelid::regclass::text, c.conname FROM pg_constraint c WHERE c.contype = 'f' AND "
            f"(c.confrelid::regclass::text IN ({names}) OR c.conrelid::regclass::text IN ({names}))"
        )
    ).all()
    for owner, constraint in foreign_keys:
        conn.execute(text(f'ALTER TABLE {owner} DROP CONSTRAINT "{constraint}"'))
    for table in PARTITIONED:
        indexes = conn.execute(
            text(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = :t "
                "AND i.indexname NOT IN "
                "(SELECT conname FROM pg_constraint WHERE conrelid = CAST(:t AS regclass))"
            ),
            {"t": table},
        ).all()
        plain = f"{table}_plain"
        for index, _ in indexes:
            conn.execute(text(f'DROP INDEX "{index}"'))
        conn.execute(text(f'ALTER TABLE "{table}" RENAME TO "{plain}"'))
        conn.execute(
            text(
                f'CREATE TABLE "{table}" (LIKE "{plain}" INCLUDING DEFAULTS INCLUDING STORAGE) '
                "PARTITION BY RANGE (partition_year)"
            )
        )
        conn.execute(text(f'ALTER SEQUENCE "{table}_id_seq" OWNED BY "{table}".id'))
        name = partition_name(table, DEFAULT)
        conn.execute(text(f'CREATE TABLE "{name}" PARTITION OF "{table}" DEFAULT'))
        add_partition_keys(conn, table, name)
        for year in years:
            name = partition_name(table, year)
            conn.execute(
                text(f'CREATE TABLE "{name}" PARTITION OF "{table}" FOR VALUES FROM ({year}) TO ({year + 1})')
            )
            add_partition_keys(conn, table, name)
        conn.execute(text(f'INSERT INTO "{table}" SELECT * FROM "{plain}"'))
        conn.execute(text(f'DROP TABLE "{plain}"'))
        for _, definition in indexes:
            conn.execute(text(definition))
