"""The SQL rules of docs/scale.md, checked on the plans of the hot queries (PostgreSQL, partitioned).

The hot paths (list, search by name, indicator search, table page) are run through the service as a
visitor; every SELECT they send that reads a fact table is explained again by PostgreSQL with
sequential scans discouraged (``enable_seqscan = off``: the seed is small, and the question is whether
an index *can* serve the query):

1. a query filtered by year reads that year's partitions only (partition pruning) — but for the
   caches' change counter, which reads the last entry of each partition's index;
2. no query reads a fact partition by a sequential scan: each is served by an index (by id, or by
   the list's and search's own indexes).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.store.db import get_engine
from jixiao.store.partitions import PARTITIONED, create_year_partitions, is_partition
from jixiao.store.table_keys import sync_children
from jixiao.workflow import ANONYMOUS

pytestmark = pytest.mark.postgres


@pytest.fixture
def three_years(partitioned_url: str, seed_path: Path) -> str:
    """The seed's 17 tables: 12 in 2025, 5 moved to 2024; partitions for 2024–2026."""
    service = Service(partitioned_url)
    assert service.import_path(seed_path, published=True).created == 17
    with get_engine(partitioned_url).begin() as conn:
        for year in (2024, 2025, 2026):
            create_year_partitions(conn, year)
        moved = list(conn.execute(text("SELECT id FROM perf_tables ORDER BY id LIMIT 5")).scalars())
        conn.execute(
            text("UPDATE perf_tables SET year = 2024, partition_year = 2024 WHERE id = ANY(:ids)"),
            {"ids": moved},
        )
        sync_children(conn, moved)
        conn.execute(text("ANALYZE"))
    return partitioned_url


def _statements(url: str, call: Callable[[], Any]) -> list[tuple[str, Any]]:
    """The SELECTs reading a fact table that ``call`` sends, with their parameters."""
    sent: list[tuple[str, Any]] = []

    def remember(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
    ) -> None:
        sent.append((statement, parameters))

    engine = get_engine(url)
    event.listen(engine, "before_cursor_execute", remember)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    return [
        (s, p)
        for s, p in sent
        if s.lstrip().upper().startswith("SELECT") and any(t in s for t in PARTITIONED)
    ]


def _scans(url: str, statement: str, parameters: Any) -> Iterator[tuple[str, str]]:
    """(node type, relation) of every scan in the statement's plan."""
    with get_engine(url).connect() as conn:
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + statement, parameters)
        row = cursor.fetchone()
        cursor.close()
    assert row is not None
    plan = row[0]
    stack = [plan[0]["Plan"] if isinstance(plan, list) else json.loads(plan)[0]["Plan"]]
    while stack:
        node = stack.pop()
        if "Relation Name" in node:
            yield node["Node Type"], node["Relation Name"]
        stack.extend(node.get("Plans", []))


HOT_PATHS: dict[str, Callable[[Service, int], Any]] = {
    "list, one year": lambda s, _: s.list_tables(ANONYMOUS, TableQuery(year=2025)),
    "search by name, one year": lambda s, _: s.list_tables(ANONYMOUS, TableQuery(q="社工岗位", year=2025)),
    "indicator search, one year": lambda s, _: s.list_tables(
        ANONYMOUS, TableQuery(indicator="满意度", year=2025)
    ),
    "list, every year": lambda s, _: s.list_tables(ANONYMOUS, TableQuery()),
    "name and indicator search, every year": lambda s, _: s.list_tables(
        ANONYMOUS, TableQuery(q="社工岗位", everywhere=True)
    ),
    "table page": lambda s, table_id: s.table_view(ANONYMOUS, table_id),
}


@pytest.mark.parametrize("path", list(HOT_PATHS))
def test_hot_queries_read_their_year_and_use_indexes(three_years: str, path: str) -> None:
    service = Service(three_years)
    with get_engine(three_years).connect() as conn:
        table_id = int(conn.execute(text("SELECT max(id) FROM perf_tables")).scalar_one())
    statements = _statements(three_years, lambda: HOT_PATHS[path](service, table_id))
    assert statements, "the hot path sent no query on a fact table"
    for statement, parameters in statements:
        scans = [(kind, rel) for kind, rel in _scans(three_years, statement, parameters) if is_partition(rel)]
        assert scans, statement
        sequential = [rel for kind, rel in scans if kind == "Seq Scan"]
        assert not sequential, (path, sequential, statement)
        # the caches' change counter (stats.change_counter): the newest row of each partition's index
        if "one year" in path and "max(perf_tables.updated_at)" not in statement:
            other_years = sorted({rel for _, rel in scans if not rel.endswith("_2025")})
            assert not other_years, (path, other_years, statement)


def _executed_scans(url: str, statement: str, parameters: Any) -> set[str]:
    """The relations the statement's plan actually read (EXPLAIN ANALYZE: a partition pruned while the
    query ran shows as "never executed", with no loops)."""
    with get_engine(url).connect() as conn:
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters)
        row = cursor.fetchone()
        cursor.close()
    assert row is not None
    stack = [row[0][0]["Plan"]]
    read: set[str] = set()
    while stack:
        node = stack.pop()
        if "Relation Name" in node and node.get("Actual Loops", 0) > 0:
            read.add(node["Relation Name"])
        stack.extend(node.get("Plans", []))
    return read


@pytest.mark.parametrize("year", [2024, 2025])
def test_table_page_reads_only_its_own_year(three_years: str, year: int) -> None:
    """The table page knows only the id: each of its queries looks the year up in table_homes first
    and reads that year's partitions alone (the other years' scans are never executed)."""
    service = Service(three_years)
    with get_engine(three_years).connect() as conn:
        table_id = int(
            conn.execute(text("SELECT max(id) FROM perf_tables WHERE year = :y"), {"y": year}).scalar_one()
        )
    statements = _statements(three_years, lambda: service.table_view(ANONYMOUS, table_id))
    assert len(statements) >= 4, statements  # the row, the document, the versions, the findings
    for statement, parameters in statements:
        partitions = {rel for rel in _executed_scans(three_years, statement, parameters) if is_partition(rel)}
        assert partitions, statement
        assert all(rel.endswith(f"_{year}") for rel in partitions), (partitions, statement)
