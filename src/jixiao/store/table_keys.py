"""The keys every fact table carries beside its id: the 财政区划 code and the partition year (0012).

A stored table's ``region_code`` is the region of its unit (its department when it names no unit):
unit → department → region, the region's six-digit code, ``000000`` when unknown. Its
``partition_year`` is its 年度 (0 when unknown); PostgreSQL chooses the row's partition by it
(jixiao.store.partitions). The table's versions, indicators, findings, monitoring reports and
self-evaluations carry the same two values, copied on write, so that every row of one table lives in
the same year partition and, later, on the same Citus node. Ids stay globally unique (one sequence per
table), so ``/tables/{id}`` does not change.

Organisations keep their region's code in ``orgs.region_code``; moving one (``jixiao org move``)
recomputes its subtree's codes and those of their tables (`jixiao.store.orgs.refresh_regions`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, func, or_, select, update

from jixiao.store.evaluation import monitoring_snapshots, self_evaluations
from jixiao.store.schema import findings, indicators, orgs, perf_tables, table_versions

# The fact tables below a stored table, in the order their rows are written.
TABLE_CHILDREN: tuple[Table, ...] = (
    table_versions,
    indicators,
    findings,
    monitoring_snapshots,
    self_evaluations,
)
FACT_TABLES: tuple[Table, ...] = (perf_tables, *TABLE_CHILDREN)

UNKNOWN_CODE = "000000"  # 未知区划
_DIGITS = re.compile(r"^\d{6,}$")

Keys = tuple[str, int]  # (region_code, partition_year)


def region_code_of(code: str | None) -> str:
    """A region's 财政区划 code as stored in the keys: its first six digits (a 9- or 12-digit code
    names a place inside that county), ``000000`` when it has none."""
    code = (code or "").strip()
    return code[:6] if _DIGITS.match(code) else UNKNOWN_CODE


def partition_year_of(year: int | None) -> int:
    """The year a table's rows are partitioned by: its 年度, 0 when it has none."""
    return int(year) if year else 0


def org_region_codes(conn: Connection, org_ids: Iterable[int | None]) -> dict[int, str]:
    """``orgs.region_code`` of the given organisations (those that exist)."""
    wanted = sorted({i for i in org_ids if i is not None})
    found: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = conn.execute(select(orgs.c.id, orgs.c.region_code).where(orgs.c.id.in_(chunk)))
        found.update({int(row.id): str(row.region_code) for row in rows})
    return found


def table_keys(fields: Mapping[str, Any], codes: Mapping[int, str]) -> dict[str, Any]:
    """The key columns of a perf_tables row from its fields (unit_id, department_id, year)."""
    owner = fields.get("unit_id") or fields.get("department_id")
    return {
        "region_code": codes.get(owner, UNKNOWN_CODE) if owner else UNKNOWN_CODE,
        "partition_year": partition_year_of(fields.get("year")),
    }


def keys_of_tables(conn: Connection, table_ids: Iterable[int]) -> dict[int, Keys]:
    """(region_code, partition_year) of the given stored tables."""
    wanted = sorted(set(table_ids))
    found: dict[int, Keys] = {}
    for start in range(0, len(wanted), 500):
        rows = conn.execute(
            select(perf_tables.c.id, perf_tables.c.region_code, perf_tables.c.partition_year).where(
                perf_tables.c.id.in_(wanted[start : start + 500])
            )
        )
        found.update({int(r.id): (str(r.region_code), int(r.partition_year)) for r in rows})
    return found


def key_values(conn: Connection, table_id: int) -> dict[str, Any]:
    """The key columns of one stored table, to add to a child row's values."""
    region, year = keys_of_tables(conn, [table_id])[table_id]
    return {"region_code": region, "partition_year": year}


def with_keys(rows: Sequence[dict[str, Any]], keys: Mapping[int, Keys]) -> list[dict[str, Any]]:
    """Child rows (each with a ``table_id``) with their table's keys added."""
    return [
        {**row, "region_code": keys[row["table_id"]][0], "partition_year": keys[row["table_id"]][1]}
        for row in rows
    ]


def fill_keys(conn: Connection, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Child rows with their table's keys added, read from perf_tables (one query)."""
    if not rows:
        return []
    return with_keys(rows, keys_of_tables(conn, (row["table_id"] for row in rows)))


def sync_children(conn: Connection, table_ids: Sequence[int]) -> None:
    """Give the child rows of these tables their table's current keys (after its year or unit changed).

    On PostgreSQL a changed ``partition_year`` moves the rows to the new year's partition.
    """
    if not table_ids:
        return
    for child in TABLE_CHILDREN:
        region = (
            select(perf_tables.c.region_code).where(perf_tables.c.id == child.c.table_id).scalar_subquery()
        )
        year = (
            select(perf_tables.c.partition_year).where(perf_tables.c.id == child.c.table_id).scalar_subquery()
        )
        for start in range(0, len(table_ids), 500):
            conn.execute(
                update(child)
                .where(
                    child.c.table_id.in_(list(table_ids[start : start + 500])),
                    or_(child.c.region_code != region, child.c.partition_year != year),
                )
                .values(region_code=region, partition_year=year)
            )


def mismatched_keys(conn: Connection) -> dict[str, int]:
    """For each child fact table, how many rows do not carry their table's keys (a writer that did
    not fill them: region ``000000`` and year 0 by default). All zero when every writer keeps the rule."""
    found: dict[str, int] = {}
    for child in TABLE_CHILDREN:
        count = conn.execute(
            select(func.count())
            .select_from(child.join(perf_tables, perf_tables.c.id == child.c.table_id))
            .where(
                or_(
                    child.c.region_code != perf_tables.c.region_code,
                    child.c.partition_year != perf_tables.c.partition_year,
                )
            )
        ).scalar_one()
        found[child.name] = int(count)
    return found
