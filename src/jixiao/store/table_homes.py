"""Where a table lives: its partition year and region by id (``table_homes``, migration 0016).

The fact tables are partitioned by year (jixiao.store.partitions), but a table page knows only the id
(``/tables/{id}``): without the year PostgreSQL asks every year partition's key for it, the foreign
partitions of closed years too (one round trip to the second server each time). ``table_homes`` is a
small unpartitioned table, one row per stored table (``id`` → ``partition_year``, ``region_code``),
kept by triggers on perf_tables on both databases (insert, a change of the keys, delete), so no
writer can forget it. `in_home` adds ``partition_year = (SELECT partition_year FROM table_homes WHERE
id = …)`` to a query by id: PostgreSQL evaluates the subquery first and skips every other partition
(run-time partition pruning: the other partitions' scans are "never executed").

A table without its home row would not be found by id; `jixiao.store.integrity` reports such tables
(``jixiao db check``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.sql.elements import ColumnElement

from jixiao.store.schema import table_homes


def home_year(table_id: Any) -> Any:
    """The partition year of the table ``table_id`` (a value or a bound parameter), as a subquery."""
    return select(table_homes.c.partition_year).where(table_homes.c.id == table_id).scalar_subquery()


def in_home(fact_table: Table, table_id: Any) -> ColumnElement[bool]:
    """The condition that keeps a query by table id to the table's own year partition."""
    condition: ColumnElement[bool] = fact_table.c.partition_year == home_year(table_id)
    return condition
