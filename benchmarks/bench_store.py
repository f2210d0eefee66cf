"""Storage and pages: import throughput into SQLite and PostgreSQL, page latency with 100,000 tables.

Import (issue 4 target: ≥ 2,000 tables/s into SQLite, memory flat): the 10,000-table corpus, read
and reviewed beforehand, is stored with `jixiao.store.tables.import_tables` (one transaction per
1,000-table file, as `jixiao import` does per file). Baseline, in the same run and database: a bare
``executemany`` of each table's JSON document into a one-column table — the least any store must do.
Memory: the peak traced while storing 2,000 tables vs 10,000 (flat means about equal).

Pages (target: p95 < 50 ms): 100,000 tables are stored (the corpus renamed ten times over, through
the same bulk import), then the list page, a search, the table page and the API list are requested
in-process; the baseline is the login page (a template with no query). The searches are
substring searches (jixiao.store.search): a name matching nothing, one matching a few tables, two
characters (too short for the trigram index), an indicator text in 12 % of the tables and one in half.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Integer, MetaData, Table, Text, insert

from benchmarks.corpus import corpus_tables
from benchmarks.report import Report
from jixiao.service import Service
from jixiao.store import document as doc
from jixiao.store.db import dispose_engines, get_engine, upgrade
from jixiao.store.tables import Reviewed, import_tables
from jixiao.workflow import Status

FILE_SIZE = 1000


def _reviewed(n: int) -> list[Reviewed]:
    from jixiao.review import review_batch

    tables = list(corpus_tables(n))
    reviews = review_batch(tables)
    return [Reviewed(r.table, r.findings, r.outcome.value, r.reason) for r in reviews]


def _store(url: str, entries: Sequence[Reviewed], status: Status = Status.PUBLISHED) -> float:
    engine = get_engine(url)
    started = time.perf_counter()
    for start in range(0, len(entries), FILE_SIZE):
        with engine.begin() as conn:
            import_tables(conn, entries[start : start + FILE_SIZE], status, None, f"file-{start}.txt")
    return time.perf_counter() - started


def _baseline(url: str, entries: Sequence[Reviewed]) -> float:
    bare = Table(
        "bench_baseline", MetaData(), Column("id", Integer, primary_key=True), Column("document", Text)
    )
    engine = get_engine(url)
    bare.create(engine)
    documents = [{"document": doc.dumps(e.table)} for e in entries]
    started = time.perf_counter()
    for start in range(0, len(documents), FILE_SIZE):
        with engine.begin() as conn:
            conn.execute(insert(bare), documents[start : start + FILE_SIZE])
    return time.perf_counter() - started


def _peak_mib(url: str, entries: Sequence[Reviewed]) -> float:
    tracemalloc.start()
    _store(url, entries)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _databases(workdir: Path) -> list[tuple[str, Callable[[str], str], Any]]:
    """(name, fresh-database maker, cleanup) for SQLite and, when it can be started, PostgreSQL."""
    counter = iter(range(1000))

    def sqlite(label: str) -> str:
        return f"sqlite:///{workdir / f'{label}-{next(counter)}.sqlite'}"

    found: list[tuple[str, Callable[[str], str], Any]] = [("sqlite", sqlite, None)]
    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:  # the tests' cluster starter, whatever the working directory
        sys.path.append(root)
    try:
        from tests.conftest import start_postgres

        cluster = start_postgres()
    except (ImportError, RuntimeError) as why:
        print(f"   PostgreSQL skipped: {why}")
        return found
    from sqlalchemy import create_engine, text

    def postgres(label: str) -> str:
        name = f"bench_{label}_{next(counter)}"
        admin = create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        admin.dispose()
        return cluster.url(name)

    found.append(("postgresql", postgres, cluster.stop))
    return found


def _fresh(make: Callable[[str], str], label: str) -> str:
    url = make(label)
    upgrade(url)
    return url


def _latencies(client: Any, path: str, runs: int) -> tuple[float, float]:
    times = []
    client.get(path)  # warm caches and the template
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def _pages(report: Report, name: str, url: str, entries: Sequence[Reviewed], total: int, runs: int) -> None:
    from fastapi.testclient import TestClient

    from jixiao.web import Settings, create_app

    copies = total // len(entries)
    started = time.perf_counter()
    for copy in range(copies):
        renamed = [
            replace(
                e,
                table=replace(
                    e.table, project=replace(e.table.project, name=f"{e.table.project.name}·{copy}")
                ),
            )
            for e in entries
        ]
        _store(url, renamed)
    Service(url).refresh_statistics()  # what `jixiao import` does after a large import
    elapsed = time.perf_counter() - started
    report.line(f"{name}: stored {copies * len(entries):,} tables for the page test in {elapsed:.0f} s")
    client = TestClient(create_app(Settings(database_url=url)))
    table_id = client.get("/api/tables?per_page=1").json()["items"][0]["id"]
    baseline = _latencies(client, "/login", runs)
    report.figure(f"{name} login page (baseline) p95", baseline[1], "ms")
    for label, path in (
        ("list page", "/tables"),
        ("list page, search", "/tables?q=购买社工岗位服务经费（批次7）"),
        ("list page, search matching a few", "/tables?q=系列活动经费（批次10"),
        ("list page, search 2 characters", "/tables?q=社工"),
        ("list page, indicator search", "/tables?indicator=时长差异率"),
        ("list page, indicator search (half the tables)", "/tables?indicator=满意度"),
        ("list page, filtered and sorted", "/tables?year=2025&severity=error&sort=budget&order=desc"),
        ("table page", f"/tables/{table_id}"),
        ("API list", "/api/tables"),
    ):
        p50, p95 = _latencies(client, path, runs)
        report.figure(f"{name} {label} p50", p50, "ms")
        report.figure(f"{name} {label} p95", p95, "ms", target="< 50")
        report.figure(f"{name} {label} p95 / baseline p95", p95 / baseline[1], "x")
    client.close()


def run(report: Report, n: int = 10_000, page_tables: int = 100_000, runs: int = 60) -> None:
    started = time.perf_counter()
    entries = _reviewed(n)
    elapsed = time.perf_counter() - started
    report.line(f"corpus: {len(entries):,} tables read and reviewed in {elapsed:.1f} s (not timed below)")
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as workdir:
        databases = _databases(Path(workdir))
        try:
            for name, make, _ in databases:
                url = _fresh(make, "import")
                seconds = _store(url, entries)
                base = _baseline(_fresh(make, "baseline"), entries)
                rate = len(entries) / seconds
                report.figure(
                    f"{name} import", rate, "tables/s", target=">= 2000" if name == "sqlite" else ""
                )
                report.figure(f"{name} bare JSON insert (baseline)", len(entries) / base, "tables/s")
                report.figure(f"{name} import time / baseline time", seconds / base, "x")
                again = _store(url, entries)
                report.figure(f"{name} re-import of unchanged tables", len(entries) / again, "tables/s")
                small = _peak_mib(_fresh(make, "memsmall"), entries[: n // 5])
                large = _peak_mib(_fresh(make, "memlarge"), entries)
                report.figure(f"{name} peak memory storing {n // 5:,} tables", small, "MiB")
                report.figure(f"{name} peak memory storing {n:,} tables", large, "MiB")
                report.figure(f"{name} memory {n:,} / {n // 5:,} (flat ≈ 1)", large / small, "x")
                dispose_engines()
            for name, make, _ in databases:
                _pages(report, name, _fresh(make, "pages"), entries, page_tables, runs)
                dispose_engines()
        finally:
            dispose_engines()
            for _, _, cleanup in databases:
                if cleanup:
                    cleanup()
