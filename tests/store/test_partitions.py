"""PostgreSQL past one node (issue 15, item 4): the fact tables partitioned by year, a year's
partitions made on demand with the rows moving out of the default partition, a closed year moved to a
second server through postgres_fdw (two throwaway clusters on loopback), and the SQL rules the hot
queries keep, checked on their plans. PostgreSQL only: SQLite keeps plain tables."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.store.cold_years import ColdServer, has_postgres_fdw, move_year_to_server
from jixiao.store.db import get_engine
from jixiao.store.partitions import PARTITIONED, create_year_partitions, partition_years
from jixiao.workflow import ANONYMOUS
from tests.conftest import PostgresCluster, start_postgres

pytestmark = pytest.mark.postgres


def _held(url: str, table: str) -> dict[str, int]:
    with get_engine(url).connect() as conn:
        rows = conn.execute(text(f"SELECT tableoid::regclass::text, count(*) FROM {table} GROUP BY 1"))
        return {str(name): int(count) for name, count in rows}


def test_a_new_year_partition_takes_that_years_rows_out_of_the_default(
    partitioned_url: str, seed_path: Path
) -> None:
    service = Service(partitioned_url)
    assert service.import_path(seed_path, published=True).created == 17
    assert _held(partitioned_url, "perf_tables") == {"perf_tables_default": 17}
    assert _held(partitioned_url, "indicators") == {"indicators_default": 136}
    with get_engine(partitioned_url).begin() as conn:
        made = create_year_partitions(conn, 2025)
        assert made == [f"{table}_2025" for table in PARTITIONED]
        assert create_year_partitions(conn, 2025) == []  # once only
        create_year_partitions(conn, 2026)  # next year's, empty
        assert set(partition_years(conn)) == {"perf_tables_default", "perf_tables_2025", "perf_tables_2026"}
    assert _held(partitioned_url, "perf_tables") == {"perf_tables_2025": 17}
    assert _held(partitioned_url, "indicators") == {"indicators_2025": 136}
    assert _held(partitioned_url, "table_versions") == {"table_versions_2025": 17}
    items, total = service.list_documents(ANONYMOUS, TableQuery(per_page=100, year=2025))
    assert total == 17 and len(items) == 17
    # the partition keeps its keys: the same identity cannot be stored twice in a year
    with pytest.raises(Exception, match="duplicate key"), get_engine(partitioned_url).begin() as conn:
        conn.execute(
            text(
                "INSERT INTO perf_tables (identity, name, status, current_version, lock_version, outcome,"
                " errors, warnings, infos, risk, created_at, updated_at, partition_year, region_code, year)"
                " SELECT identity, name, status, 1, 1, outcome, 0, 0, 0, 0, now(), now(), 2025,"
                " region_code, 2025 FROM perf_tables LIMIT 1"
            )
        )


def test_the_command_line_makes_next_years_partitions(partitioned_url: str) -> None:
    from typer.testing import CliRunner

    from jixiao.cli import app

    runner = CliRunner()
    done = runner.invoke(app, ["db", "partition", "--year", "2031", "--db", partitioned_url, "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["partitions"] == [f"{table}_2031" for table in PARTITIONED]
    again = runner.invoke(app, ["db", "partition", "--year", "2031", "--db", partitioned_url])
    assert again.exit_code == 0 and "无需新建分区" in again.output


@pytest.fixture
def second_cluster(postgres_cluster: PostgresCluster) -> Iterator[PostgresCluster]:
    """A second throwaway PostgreSQL 15 on loopback: the server that keeps closed years."""
    with get_engine(postgres_cluster.url("postgres")).connect() as conn:
        if not has_postgres_fdw(conn):
            pytest.skip(
                "postgres_fdw 扩展未安装（Debian：postgresql-15 自带；见 scripts/system-packages.sh）"
            )
    cluster = start_postgres()
    yield cluster
    cluster.stop()


def test_a_closed_year_moves_to_a_second_server_and_reads_as_before(
    partitioned_url: str, second_cluster: PostgresCluster, seed_path: Path
) -> None:
    service = Service(partitioned_url)
    service.import_path(seed_path, published=True)
    with get_engine(partitioned_url).begin() as conn:
        create_year_partitions(conn, 2025)
    before, total = service.list_documents(ANONYMOUS, TableQuery(per_page=100, year=2025))
    one = int(before[0]["id"])
    single = service.table_item(ANONYMOUS, one)
    admin = create_engine(second_cluster.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE cold"))
    admin.dispose()
    cold = create_engine(second_cluster.url("cold"))
    server = ColdServer("cold_years", "127.0.0.1", second_cluster.port, "cold", second_cluster.user)
    try:
        with cold.connect() as remote, get_engine(partitioned_url).begin() as local:
            moved = move_year_to_server(local, remote, 2025, server)
        assert moved == [f"{table}_2025" for table in PARTITIONED]
        with get_engine(partitioned_url).connect() as conn:
            found = conn.execute(text("SELECT relname, relkind FROM pg_class WHERE relname LIKE '%\\_2025'"))
            kinds = {str(name): str(kind) for name, kind in found}
        assert {kinds[name] for name in moved} == {"f"}  # foreign tables now
        with cold.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM perf_tables_2025")).scalar_one() == 17
            assert conn.execute(text("SELECT count(*) FROM indicators_2025")).scalar_one() == 136
        after, again = service.list_documents(ANONYMOUS, TableQuery(per_page=100, year=2025))
        assert (again, after) == (total, before)
        assert service.table_item(ANONYMOUS, one) == single
        # nothing is left on the primary for that year
        assert _held(partitioned_url, "perf_tables") == {"perf_tables_2025": 17}  # read through the fdw
    finally:
        cold.dispose()
