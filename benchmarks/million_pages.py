"""Pages with a million stored tables on the partitioned PostgreSQL (issue 15; outside CI and `make bench`).

    .venv/bin/python -m benchmarks million [--tables 1000000] [--runs 40] [--minutes 40]

A throwaway PostgreSQL 15 cluster (tests/conftest.py's, ``fsync=off``) is migrated to the newest
schema (fact tables partitioned by year) and given partitions for 2021–2026. The 17 tables of the seed
file are imported through the real import (the templates); then the million is generated **in SQL**
(``INSERT … SELECT … FROM generate_series``): each generated table copies a template (its document
with the project name replaced, its first three indicators with a numbered value, its findings), gets
a name of its own (template name + one of 2,000 街道·社区 places), one of 2,000 units in 100
departments in 20 regions (each region its own six-digit code), a year 2021–2026 and a budget.
Then what a large import ends with (``ANALYZE`` and the trigram indexes' pending lists merged:
jixiao.store.db.analyze).

Measured through the real web app in-process (FastAPI's TestClient, as a visitor): the list page, a
table page (a different table each request), a search by name matching a few tables (across the
years and in one year), an indicator search matching a few, the same indicator search filtered by
year, the dashboard after its first load, and the API list (its first page, page 500 by offset and
page 501 by the cursor). Each p50/p95 over ``--runs`` requests after one warm-up request; the login
page is the baseline.
Every step is bounded: the generation stops at ``--minutes`` (the figures then say how many tables
were stored).
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from benchmarks.report import Report
from jixiao.queries import page_cursor
from jixiao.service import Service
from jixiao.store.db import analyze, dispose_engines, get_engine, upgrade
from jixiao.store.partitions import create_year_partitions

SEED = "tests/corpus/dongguan_fulian_2025.txt"
YEARS = range(2021, 2027)
CHUNK = 50_000  # tables per INSERT … SELECT, each its own transaction
# 40 × 50 place names: each generated table is the template's project for one 街道·社区 (2,000 of them)
DISTRICTS = ",".join(
    [
        "东城",
        "南城",
        "莞城",
        "万江",
        "石碣",
        "石龙",
        "茶山",
        "石排",
        "企石",
        "横沥",
        "桥头",
        "谢岗",
        "东坑",
        "常平",
        "寮步",
        "樟木头",
        "大朗",
        "黄江",
        "清溪",
        "塘厦",
        "凤岗",
        "大岭山",
        "长安",
        "虎门",
        "厚街",
        "沙田",
        "道滘",
        "洪梅",
        "麻涌",
        "望牛墩",
        "中堂",
        "高埗",
        "松山湖",
        "滨海湾",
        "水乡",
        "银瓶",
        "黄旗",
        "旗峰",
        "蛤地",
        "鳌峙塘",
    ]
)
STREETS = ",".join(
    [
        "光明",
        "和平",
        "新风",
        "振兴",
        "建设",
        "胜利",
        "团结",
        "幸福",
        "长青",
        "文明",
        "兴华",
        "育才",
        "民生",
        "康乐",
        "永安",
        "安宁",
        "富民",
        "金星",
        "红星",
        "朝阳",
        "花园",
        "湖景",
        "山水",
        "翠苑",
        "锦绣",
        "阳光",
        "星河",
        "怡景",
        "丰泰",
        "瑞和",
        "德馨",
        "明珠",
        "新城",
        "汇景",
        "荔香",
        "桂园",
        "榕树",
        "凤凰",
        "龙泉",
        "东湖",
        "南湖",
        "西湖",
        "北湖",
        "滨江",
        "临江",
        "江南",
        "水岸",
        "石岭",
        "云岭",
        "天心",
    ]
)

ORGS_SQL = """
INSERT INTO orgs (name, kind, code, region_code)
SELECT '区划' || r, 'region', (440100 + r * 100)::text, (440100 + r * 100)::text
FROM generate_series(1, 20) r;
INSERT INTO orgs (name, kind, parent_id, region_code)
SELECT '部门' || d, 'department', o.id, o.region_code FROM generate_series(1, 100) d
JOIN orgs o ON o.name = '区划' || (1 + d % 20);
INSERT INTO orgs (name, kind, parent_id, region_code)
SELECT '单位' || u, 'unit', o.id, o.region_code FROM generate_series(1, 2000) u
JOIN orgs o ON o.name = '部门' || (1 + u % 100);
"""

# One chunk of generated tables :first .. :last with their versions, indicators and findings, in one
# statement. Templates (the 17 imported tables) are numbered 0..16 by id.
CHUNK_SQL = """
WITH template AS (
  SELECT row_number() OVER (ORDER BY p.id) - 1 AS k, p.id, p.name, p.project_type, p.outcome,
         p.errors, p.warnings, p.infos FROM perf_tables p WHERE p.id <= :templates
), units AS (
  SELECT row_number() OVER (ORDER BY u.id) - 1 AS k, u.id, u.parent_id, u.region_code
  FROM orgs u WHERE u.kind = 'unit'
), numbered AS (
  SELECT md5('million' || g) AS identity, t.id AS template_id, t.name AS template_name,
         t.name || '（' || (string_to_array(:districts, ','))[1 + g % 40]
           || (string_to_array(:streets, ','))[1 + (g / 40) % 50] || '）' AS name,
         t.project_type, t.outcome, t.errors, t.warnings, t.infos,
         u.id AS unit_id, u.parent_id AS department_id, u.region_code, 2021 + g % 6 AS year,
         10000000 + (g * 7919) % 500000000 AS budget_fen,
         timestamp '2021-01-01' + g * interval '1 minute' AS stamp
  FROM generate_series(CAST(:first AS bigint), CAST(:last AS bigint)) g
  JOIN template t ON t.k = g % 17
  JOIN units u ON u.k = g % 2000
), inserted AS (
  INSERT INTO perf_tables (identity, name, project_type, unit_id, department_id, year, budget_fen, status,
    current_version, lock_version, outcome, errors, warnings, infos, risk, created_at, updated_at,
    region_code, partition_year)
  SELECT identity, name, project_type, unit_id, department_id, year, budget_fen, 'published', 1, 1,
    outcome, errors, warnings, infos, (errors * 100 + warnings * 10 + infos) * budget_fen, stamp, stamp,
    region_code, year
  FROM numbered
  RETURNING id, identity, region_code, partition_year
), made AS (
  SELECT i.id, i.region_code, i.partition_year, n.name, n.template_id, n.template_name
  FROM inserted i JOIN numbered n ON n.identity = i.identity
), versions AS (
  INSERT INTO table_versions (table_id, number, document, content_hash, created_at, region_code,
                              partition_year)
  SELECT m.id, 1, replace(v.document, m.template_name, m.name), md5(m.name), now(), m.region_code,
         m.partition_year
  FROM made m JOIN table_versions v ON v.table_id = m.template_id AND v.number = 1
), indicator_rows AS (
  INSERT INTO indicators (table_id, position, level1, level2, name, period_raw, annual_raw, line,
                          region_code, partition_year)
  SELECT m.id, i.position, i.level1, i.level2, i.name, i.period_raw,
         i.annual_raw || '（' || (m.id % 5000) || '）', i.line, m.region_code, m.partition_year
  FROM made m JOIN indicators i ON i.table_id = m.template_id AND i.position < 3
)
INSERT INTO findings (table_id, code, severity, message, indicator, line, basis, suggestion,
                      region_code, partition_year)
SELECT m.id, f.code, f.severity, f.message, f.indicator, f.line, f.basis, f.suggestion, m.region_code,
       m.partition_year
FROM made m JOIN findings f ON f.table_id = m.template_id
"""


def _latencies(client: Any, paths: list[str], runs: int, expect: str = "") -> tuple[float, float]:
    """p50 and p95 of ``runs`` requests; the first (not counted) must show ``expect``, so a fast page
    that lost its results cannot pass for a fast page."""
    first = client.get(paths[0])  # warms caches and the template (the dashboard's first load is not counted)
    assert first.status_code == 200 and expect in first.text, (paths[0], first.status_code, expect)
    times = []
    for run in range(runs):
        started = time.perf_counter()
        response = client.get(paths[run % len(paths)])
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (paths[run % len(paths)], response.status_code)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def generate(url: str, tables: int, deadline: float, report: Report) -> int:
    """Store the templates and generate ``tables`` more in SQL; the number stored by the deadline."""
    service = Service(url)
    assert service.import_path(Path(SEED), published=True).created == 17
    engine = get_engine(url)
    with engine.begin() as conn:
        for year in YEARS:
            create_year_partitions(conn, year)
        for statement in ORGS_SQL.split(";"):
            if statement.strip():
                conn.execute(text(statement))
    stored = 0
    started = time.perf_counter()
    while stored < tables and time.perf_counter() < deadline:
        first, last = stored + 1, min(stored + CHUNK, tables)
        with engine.begin() as conn:
            conn.execute(
                text(CHUNK_SQL),
                {"templates": 17, "first": first, "last": last, "districts": DISTRICTS, "streets": STREETS},
            )
        stored = last
        rate = stored / (time.perf_counter() - started)
        print(f"   generated {stored:,} tables ({rate:,.0f}/s)", flush=True)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        # what a large import ends with (jixiao.store.db.analyze): statistics, and the trigram indexes'
        # pending lists merged (jixiao.store.search_indexes)
        analyze(conn, stored, 0)
        sizes = conn.execute(
            text(
                "SELECT pg_size_pretty(pg_database_size(current_database())), "
                "(SELECT count(*) FROM indicators)"
            )
        ).one()
    report.line(
        f"generated {stored:,} tables in {time.perf_counter() - started:.0f} s; database {sizes[0]}, "
        f"{sizes[1]:,} indicator rows"
    )
    return stored


def measure(url: str, runs: int, report: Report) -> None:
    from fastapi.testclient import TestClient

    from jixiao.web import Settings, create_app

    engine = get_engine(url)
    with engine.connect() as conn:
        ids = list(
            conn.execute(
                text("SELECT id FROM perf_tables TABLESAMPLE SYSTEM (1) LIMIT :n"), {"n": runs}
            ).scalars()
        )
        few, year = conn.execute(text("SELECT name, year FROM perf_tables ORDER BY id DESC LIMIT 1")).one()
        deep = conn.execute(  # the last row of page 500 in the default order: its cursor reads page 501
            text(
                "SELECT updated_at, id FROM perf_tables WHERE status = 'published' "
                "ORDER BY updated_at DESC, id DESC OFFSET 9999 LIMIT 1"
            )
        ).one()
    cursor = page_cursor(deep[0].replace(tzinfo=UTC), int(deep[1]))
    client = TestClient(create_app(Settings(database_url=url)))
    baseline = _latencies(client, ["/login"], runs)
    report.figure("login page (baseline) p95", baseline[1], "ms")
    name_part = few[max(0, few.index("（") - 4) :]  # e.g. 服务经费（东城光明）: that project in one place
    for label, paths, expect in (
        ("list page", ["/tables"], "</table>"),
        ("table page", [f"/tables/{i}" for i in ids], "</table>"),
        ("search by name", [f"/tables?q={name_part}"], few),
        ("search by name, one year", [f"/tables?q={name_part}&year={year}"], few),
        ("indicator search", ["/tables?indicator=1200个（4321）"], "</table>"),
        ("indicator search, one year", ["/tables?indicator=1200个（4321）&year=2025"], "</table>"),
        ("list page, one year", ["/tables?year=2024"], "</table>"),
        ("dashboard (after its first load)", ["/"], "问题最多的表"),
        ("API list", ["/api/tables"], '"indicators"'),
        ("API list, page 500", ["/api/tables?page=500"], '"indicators"'),
        ("API list, page 501 by its cursor", [f"/api/tables?after={cursor}"], '"indicators"'),
    ):
        p50, p95 = _latencies(client, paths, runs, expect)
        report.figure(f"{label} p50", p50, "ms")
        report.figure(f"{label} p95", p95, "ms", target="< 50")
    client.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks million")
    parser.add_argument("--tables", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--minutes", type=float, default=40, help="stop generating after this long")
    options = parser.parse_args(argv)
    from tests.conftest import start_postgres

    report = Report()
    report.section("million")
    cluster = start_postgres()
    try:
        admin = create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE DATABASE million"))
        admin.dispose()
        url = cluster.url("million")
        upgrade(url)
        stored = generate(url, options.tables, time.perf_counter() + options.minutes * 60, report)
        report.figure("tables stored", stored, "tables")
        measure(url, options.runs, report)
    finally:
        dispose_engines()
        cluster.stop()
    report.write_json()
    return 0
