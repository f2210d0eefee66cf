"""What the database no longer checks on partitioned PostgreSQL, checked on demand (``jixiao db check``).

PostgreSQL 15 attaches a foreign partition (postgres_fdw, jixiao.store.cold_years) only under a
partitioned table without foreign keys, so migration 0015 dropped every foreign key into and out of
the six fact tables there (SQLite still enforces them). The code writes a table's rows together in
one transaction and never deletes a table, but a hand-made ``DELETE`` or a writer that forgets a rule
would go unnoticed. `check` finds, on either database:

- ``JX-D01`` rows whose reference names a missing row (each such foreign key of `schema.metadata`:
  an indicator of a deleted table, a table of a deleted unit…);
- ``JX-D02`` child rows whose region code or partition year differ from their table's
  (jixiao.store.table_keys: such a row sits in another year's partition and year filters miss it);
- ``JX-D03`` tables without their ``table_homes`` row, or with one holding other keys (the table page
  would not find them: jixiao.store.table_homes), and ``JX-D04`` homes of tables that do not exist.

Each query is one anti-join per reference over whole tables: a maintenance command (seconds with a
million tables), not for a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Column, Connection, ForeignKey, and_, exists, func, or_, select

from jixiao.store import evaluation, library_schema
from jixiao.store.partitions import PARTITIONED
from jixiao.store.schema import metadata, perf_tables, table_homes
from jixiao.store.table_keys import mismatched_keys

# The problems `check` reports: code → what it means (the message adds the table and the count).
PROBLEMS = {
    "JX-D01": "引用了不存在的行（孤儿行）",
    "JX-D02": "地区码或分区年度与所属的表不一致",
    "JX-D03": "表没有编号索引行（table_homes），或索引行的年度、地区与表不一致",
    "JX-D04": "编号索引行（table_homes）所指的表不存在",
}
EXAMPLES = 5  # ids shown per problem
SCHEMA_MODULES = (evaluation, library_schema)  # imported for their tables, which join schema.metadata


@dataclass(frozen=True, slots=True)
class IntegrityProblem:
    """One kind of broken row in one table: how many, and the first few ids."""

    code: str
    table: str
    column: str
    count: int
    examples: tuple[int, ...]  # the first rows' keys (their ``id``, or a link table's ``table_id``)

    @property
    def message(self) -> str:
        """In Chinese, with the table and column (``indicators.table_id：引用了不存在的行…，3 行``)."""
        shown = "、".join(str(i) for i in self.examples)
        return f"{self.table}.{self.column}：{PROBLEMS[self.code]}，{self.count} 行（编号 {shown}）"


def unchecked_references() -> list[ForeignKey]:
    """The foreign keys PostgreSQL does not enforce on partitioned fact tables: every one from or to
    one of them (all of them are still enforced on SQLite; checking them there is harmless)."""
    found = []
    for table in metadata.sorted_tables:
        for key in table.foreign_keys:
            if table.name in PARTITIONED or key.column.table.name in PARTITIONED:
                found.append(key)
    return sorted(found, key=lambda k: (str(k.parent.table.name), str(k.parent.name)))


def _orphans(conn: Connection, key: ForeignKey) -> IntegrityProblem | None:
    owner: Column[int] = key.parent
    target = key.column.table.alias("referred")
    referred = target.c[key.column.name]
    missing = and_(owner.isnot(None), ~exists().where(referred == owner))
    table = owner.table
    count = int(conn.execute(select(func.count()).select_from(table).where(missing)).scalar_one())
    if not count:
        return None
    first_key = next(iter(table.primary_key.columns))  # ``id``; a link table's ``table_id``
    ids = conn.execute(select(first_key).where(missing).order_by(first_key).limit(EXAMPLES)).scalars()
    return IntegrityProblem("JX-D01", str(table.name), str(owner.name), count, tuple(int(i) for i in ids))


def _homes(conn: Connection) -> list[IntegrityProblem]:
    problems = []
    home = table_homes.alias("home")
    wrong = ~exists().where(
        home.c.id == perf_tables.c.id,
        home.c.partition_year == perf_tables.c.partition_year,
        home.c.region_code == perf_tables.c.region_code,
    )
    stray = ~exists().where(perf_tables.c.id == table_homes.c.id)
    for code, table, condition in (("JX-D03", perf_tables, wrong), ("JX-D04", table_homes, stray)):
        count = int(conn.execute(select(func.count()).select_from(table).where(condition)).scalar_one())
        if count:
            ids = conn.execute(select(table.c.id).where(condition).order_by(table.c.id).limit(EXAMPLES))
            problems.append(
                IntegrityProblem(code, str(table.name), "id", count, tuple(int(i) for i in ids.scalars()))
            )
    return problems


def _mismatched(conn: Connection) -> list[IntegrityProblem]:
    problems = []
    for name, count in mismatched_keys(conn).items():
        if not count:
            continue
        child = metadata.tables[name]
        owner = perf_tables.alias("owner")
        differs = exists().where(
            owner.c.id == child.c.table_id,
            or_(owner.c.region_code != child.c.region_code, owner.c.partition_year != child.c.partition_year),
        )
        ids = conn.execute(select(child.c.id).where(differs).order_by(child.c.id).limit(EXAMPLES)).scalars()
        problems.append(IntegrityProblem("JX-D02", name, "table_id", count, tuple(int(i) for i in ids)))
    return problems


def check(conn: Connection) -> list[IntegrityProblem]:
    """Every integrity problem of the database, orphans first; empty when all is well."""
    problems = [found for key in unchecked_references() if (found := _orphans(conn, key)) is not None]
    return problems + _mismatched(conn) + _homes(conn)
