"""The region code (财政区划) and partition year every fact table carries (issue 15, migration 0012):
filled on write from the table's unit → region, moved along when the unit's region changes, and
filled for the data stored before, which the migration moves into year partitions on PostgreSQL.
SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, text

from jixiao.queries import TableQuery
from jixiao.service import OrgKind, Service
from jixiao.store.db import get_engine, upgrade
from jixiao.store.document import table_from_dict
from jixiao.store.evaluation import monitoring_snapshots, self_evaluations
from jixiao.store.listing import get_document
from jixiao.store.schema import findings, indicators, perf_tables, table_versions
from jixiao.store.table_keys import mismatched_keys
from jixiao.store.tables import Reviewed, save_version
from jixiao.workflow import ANONYMOUS, Status

FULIAN = "东莞市妇女联合会"
FACT_TABLES: tuple[Table, ...] = (
    perf_tables,
    table_versions,
    indicators,
    findings,
    monitoring_snapshots,
    self_evaluations,
)


def _keys(url: str, table: Table) -> set[tuple[str, int]]:
    with get_engine(url).connect() as conn:
        return {(r.region_code, r.partition_year) for r in conn.execute(select(table))}


def test_imported_tables_and_their_rows_carry_the_unknown_region_and_their_year(
    db_url: str, seed_path: Path
) -> None:
    Service(db_url).import_path(seed_path)
    for table in (perf_tables, table_versions, indicators, findings):
        assert _keys(db_url, table) == {("000000", 2025)}, table.name


def test_placing_the_department_in_a_region_moves_its_tables_into_that_region(
    db_url: str, seed_path: Path
) -> None:
    service = Service(db_url)
    service.import_path(seed_path)
    service.place_org("东莞市", OrgKind.REGION, code="441900")
    service.place_org(FULIAN, OrgKind.DEPARTMENT, parent="东莞市")
    for table in (perf_tables, table_versions, indicators, findings):
        assert _keys(db_url, table) == {("441900", 2025)}, table.name
    service.place_org("东莞市", OrgKind.REGION, code="441900001")  # a 9-digit code: its county
    assert _keys(db_url, perf_tables) == {("441900", 2025)}
    service.place_org("广东省", OrgKind.REGION, code="440000")
    service.place_org(FULIAN, OrgKind.DEPARTMENT, parent="广东省")
    for table in (perf_tables, table_versions, indicators, findings):
        assert _keys(db_url, table) == {("440000", 2025)}, table.name
    with get_engine(db_url).connect() as conn:
        assert set(mismatched_keys(conn).values()) == {0}
    # a later import of the same file keeps the tables where they are and finds them unchanged
    again = service.import_path(seed_path)
    assert (again.created, again.unchanged) == (0, 17)
    items, total = service.list_documents(ANONYMOUS, TableQuery(per_page=5))
    assert total == 0 and items == []  # drafts: visitors see none, whatever the region


def test_an_edited_year_moves_the_tables_rows_to_that_year(db_url: str, seed_path: Path) -> None:
    Service(db_url).import_path(seed_path)
    with get_engine(db_url).begin() as conn:
        table_id, lock = conn.execute(
            select(perf_tables.c.id, perf_tables.c.lock_version).order_by(perf_tables.c.id).limit(1)
        ).one()
        stored = table_from_dict(get_document(conn, table_id) or {})
        edited = replace(stored, project=replace(stored.project, year=2026))
        save_version(conn, table_id, Reviewed(edited), lock, None, Status.DRAFT)
    for table in (perf_tables, table_versions, indicators, findings):
        key = table.c.id if table is perf_tables else table.c.table_id
        with get_engine(db_url).connect() as conn:
            moved = set(conn.execute(select(table.c.partition_year).where(key == table_id)).scalars())
            others = set(conn.execute(select(table.c.partition_year).where(key != table_id)).scalars())
        assert (moved, others) == ({2026}, {2025}) or (table is findings and moved == set()), table.name
    with get_engine(db_url).begin() as conn:
        assert set(mismatched_keys(conn).values()) == {0}
        # a writer that forgets the keys is found: its row has region 000000 and year 0
        row = {"table_id": table_id, "code": "X001", "severity": "info", "message": "未填键的写入"}
        conn.execute(findings.insert(), [row])
        assert mismatched_keys(conn)["findings"] == 1


# -- the migration from 0011 -------------------------------------------------------------------------

STAMP = "2025-03-01 00:00:00"


def _insert(conn: Any, table: str, **values: Any) -> int:
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), values)
    return int(conn.execute(text(f"SELECT max(id) FROM {table}")).scalar_one())


def _stored_at_0011(url: str) -> dict[str, int]:
    """Three tables (2025 in 东莞市, one without a year or unit, 2024) with a row of every fact table."""
    upgrade(url, "0011_org_hierarchy")
    with get_engine(url).begin() as conn:
        region = _insert(conn, "orgs", name="东莞市", kind="region", code="441900")
        department = _insert(conn, "orgs", name="妇联", kind="department", parent_id=region)
        unit = _insert(conn, "orgs", name="某社工中心", kind="unit", parent_id=department)
        elsewhere = _insert(conn, "orgs", name="部门丁", kind="department")
        ids = {}
        for key, unit_id, department_id, year in (
            ("a", unit, department, 2025),
            ("b", None, elsewhere, None),
            ("c", unit, department, 2024),
        ):
            table_id = _insert(
                conn,
                "perf_tables",
                identity=key,
                name=f"项目{key}",
                unit_id=unit_id,
                department_id=department_id,
                year=year,
                budget_fen=100_000,
                status="published",
                current_version=1,
                lock_version=1,
                outcome="ok",
                errors=0,
                warnings=1,
                infos=0,
                risk=10,
                created_at=STAMP,
                updated_at=STAMP,
            )
            ids[key] = table_id
            _insert(
                conn,
                "table_versions",
                table_id=table_id,
                number=1,
                document="{}",
                content_hash=key * 64,
                created_at=STAMP,
            )
            for position in range(2):
                _insert(
                    conn,
                    "indicators",
                    table_id=table_id,
                    position=position,
                    level1="产出指标",
                    level2="数量指标",
                    name=f"服务人次{position}",
                    period_raw="≥100人次",
                    annual_raw="≥100人次",
                )
            _insert(conn, "findings", table_id=table_id, code="W001", severity="warning", message="示例")
            _insert(
                conn,
                "monitoring_snapshots",
                table_id=table_id,
                year=year or 2025,
                months=6,
                profile="general",
                light="green",
                funds_light="green",
                errors=0,
                latest=True,
                document="{}",
                updated_at=STAMP,
            )
            _insert(
                conn,
                "self_evaluations",
                table_id=table_id,
                year=year or 2025,
                profile="general",
                goal_actual="",
                funds_reason="",
                budget_score_cents=1000,
                indicators_score_cents=8000,
                total_cents=9000,
                grade="优",
                errors=0,
                warnings=0,
                explanation="",
                document="{}",
                updated_at=STAMP,
            )
    return ids


def _rows(url: str, table: str) -> list[dict[str, Any]]:
    with get_engine(url).connect() as conn:
        found = conn.execute(text(f"SELECT * FROM {table} ORDER BY id")).mappings().all()
    return [{k: v for k, v in row.items() if k not in ("region_code", "partition_year")} for row in found]


def test_the_migration_keeps_every_row_and_fills_the_keys(empty_url: str, seed_path: Path) -> None:
    ids = _stored_at_0011(empty_url)
    before = {table.name: _rows(empty_url, table.name) for table in FACT_TABLES}
    upgrade(empty_url)
    for table in FACT_TABLES:
        # columns later migrations add (findings.dismissed) aside: each row keeps every value it had
        after = _rows(empty_url, table.name)
        kept = [{k: row[k] for k in before[table.name][0]} for row in after] if before[table.name] else after
        assert kept == before[table.name], table.name
        with get_engine(empty_url).connect() as conn:
            key_column = table.c.id if table is perf_tables else table.c.table_id
            keys = {
                (int(r[0]), r[1], r[2])
                for r in conn.execute(select(key_column, table.c.region_code, table.c.partition_year))
            }
        assert keys == {(ids["a"], "441900", 2025), (ids["b"], "000000", 0), (ids["c"], "441900", 2024)}
    with get_engine(empty_url).connect() as conn:
        codes = {
            str(name): str(code) for name, code in conn.execute(text("SELECT name, region_code FROM orgs"))
        }
    assert codes["妇联"] == codes["某社工中心"] == "441900" and codes["部门丁"] == "000000"
    # new tables after the migration get new ids (the id sequences moved over) and their keys
    service = Service(empty_url)
    assert service.import_path(seed_path, published=True).created == 17
    with get_engine(empty_url).connect() as conn:
        newest = conn.execute(
            select(perf_tables.c.id).where(perf_tables.c.name == "购买社工岗位服务经费")
        ).scalar_one()
    assert newest > max(ids.values())
    rows, total = service.list_tables(ANONYMOUS, TableQuery(year=2024, per_page=10))
    assert (total, [row.name for row in rows]) == (1, ["项目c"])
    if empty_url.startswith("postgresql"):
        with get_engine(empty_url).connect() as conn:
            found = conn.execute(
                text("SELECT tableoid::regclass::text, count(*) FROM perf_tables GROUP BY 1")
            )
            held = {str(name): int(count) for name, count in found}
        assert held == {"perf_tables_0": 1, "perf_tables_2024": 1, "perf_tables_2025": 18}
