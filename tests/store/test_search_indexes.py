"""PostgreSQL's trigram indexes keep a short GIN pending list, on every partition made later too, and
a large import empties the lists (jixiao.store.search_indexes). PostgreSQL only."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.store.db import analyze, get_engine
from jixiao.store.partitions import create_year_partitions
from jixiao.store.search_indexes import PENDING_LIST_KB, trigram_partition_indexes
from jixiao.workflow import ANONYMOUS

pytestmark = pytest.mark.postgres


def _limits(url: str) -> dict[str, list[str]]:
    with get_engine(url).connect() as conn:
        rows = conn.execute(
            text("SELECT relname, reloptions FROM pg_class WHERE relname = ANY(:n)"),
            {"n": trigram_partition_indexes(conn)},
        )
        return {str(name): list(options or []) for name, options in rows}


def test_every_partitions_trigram_index_has_a_short_pending_list(partitioned_url: str) -> None:
    with get_engine(partitioned_url).begin() as conn:
        create_year_partitions(conn, 2031)
    limits = _limits(partitioned_url)
    assert {"perf_tables_2031_name_idx", "indicators_2031_expr_idx"} <= set(limits)
    assert all(options == [f"gin_pending_list_limit={PENDING_LIST_KB}"] for options in limits.values()), (
        limits
    )


def test_a_large_import_empties_the_pending_lists_and_search_finds_the_same(
    partitioned_url: str, seed_path: Path
) -> None:
    service = Service(partitioned_url)
    assert service.import_path(seed_path, published=True).created == 17
    with get_engine(partitioned_url).begin() as conn:
        create_year_partitions(conn, 2025)  # the rows move in; the new indexes are built whole
        conn.execute(text("UPDATE indicators SET annual_raw = annual_raw || ' ' WHERE position = 0"))
    with get_engine(partitioned_url).begin() as conn:
        try:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pgstattuple"))
        except Exception as why:  # contrib missing: the pending pages cannot be counted here
            pytest.skip(f"pgstattuple 不可用：{why}")

    def pending() -> int:
        with get_engine(partitioned_url).connect() as conn:
            found = conn.execute(
                text("SELECT pending_pages FROM pgstatginindex(CAST('indicators_2025_expr_idx' AS regclass))")
            )
            return int(found.scalar_one())

    before = service.list_tables(ANONYMOUS, TableQuery(indicator="满意度"))
    assert before[1] > 0
    assert pending() > 0  # the updated rows wait in the pending list
    with get_engine(partitioned_url).begin() as conn:
        analyze(conn, changed=1000, threshold=1000)  # what an import of 1,000 tables or more runs
    assert pending() == 0
    assert service.list_tables(ANONYMOUS, TableQuery(indicator="满意度")) == before
