"""SQLite's planner statistics are refreshed once the stored tables outgrow them (issue 15, perf6)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from jixiao.service import Service
from jixiao.store.db import analyze, get_engine


def _counted_tables(url: str) -> str:
    with get_engine(url).connect() as conn:
        stat = conn.execute(text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'perf_tables' LIMIT 1")).scalar()
    return str(stat).split()[0]


def test_statistics_counted_on_fewer_than_half_the_tables_are_taken_again(
    sqlite_url: str, seed_path: Path
) -> None:
    assert Service(sqlite_url).import_path(seed_path, published=True).created == 17
    assert _counted_tables(sqlite_url) == "17"  # a first import takes statistics, however small
    with get_engine(sqlite_url).begin() as conn:  # as if taken after the first 4 tables of a long import
        conn.execute(text("UPDATE sqlite_stat1 SET stat = '4 1' WHERE tbl = 'perf_tables'"))
    with get_engine(sqlite_url).begin() as conn:
        analyze(conn, changed=1, threshold=1000)  # outgrown, but by fewer than the threshold: kept
    assert _counted_tables(sqlite_url) == "4"
    with get_engine(sqlite_url).begin() as conn:
        analyze(conn, changed=1, threshold=10)  # 17 ≥ 2 × 4 and 13 more than counted: taken again
    assert _counted_tables(sqlite_url) == "17"
