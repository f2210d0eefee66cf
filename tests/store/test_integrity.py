"""`jixiao db check`: orphan rows and broken keys that partitioned PostgreSQL no longer refuses, and
the table_homes rows the triggers keep (jixiao.store.integrity, jixiao.store.table_homes)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.service import Service
from jixiao.store.db import dispose_engines, get_engine
from jixiao.store.table_keys import sync_children
from jixiao.workflow import ANONYMOUS

runner = CliRunner()


def _seeded(db_url: str, seed_path: Path) -> Service:
    service = Service(db_url)
    assert service.import_path(seed_path, published=True).created == 17
    return service


def _delete_by_hand(db_url: str, table_id: int) -> None:
    """``DELETE FROM perf_tables`` as someone at a SQL prompt would: on PostgreSQL no foreign key stops
    it; on SQLite, a connection without ``PRAGMA foreign_keys`` (sqlite3's default) does the same."""
    if db_url.startswith("sqlite"):
        dispose_engines()
        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as raw:
            raw.execute("DELETE FROM perf_tables WHERE id = ?", (table_id,))
        return
    with get_engine(db_url).begin() as conn:
        conn.execute(text("DELETE FROM perf_tables WHERE id = :i"), {"i": table_id})


def test_a_sound_database_has_no_problems(db_url: str, seed_path: Path) -> None:
    assert _seeded(db_url, seed_path).check_integrity() == []
    result = runner.invoke(app, ["db", "check", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "没有孤儿行" in result.output


def test_rows_of_a_table_deleted_by_hand_are_reported_as_orphans(db_url: str, seed_path: Path) -> None:
    service = _seeded(db_url, seed_path)
    with get_engine(db_url).connect() as conn:
        victim = int(conn.execute(text("SELECT max(id) FROM perf_tables")).scalar_one())
        indicator_ids = list(
            conn.execute(
                text("SELECT id FROM indicators WHERE table_id = :i ORDER BY id"), {"i": victim}
            ).scalars()
        )
    assert indicator_ids
    _delete_by_hand(db_url, victim)
    problems = {(p.table, p.column): p for p in service.check_integrity()}
    orphans = problems[("indicators", "table_id")]
    assert orphans.code == "JX-D01"
    assert orphans.count == len(indicator_ids)
    assert list(orphans.examples) == indicator_ids[:5]
    assert "indicators.table_id" in orphans.message and "孤儿行" in orphans.message
    assert problems[("table_versions", "table_id")].count == 1
    assert {p.code for p in problems.values()} == {"JX-D01"}  # the trigger removed the table's home too
    result = runner.invoke(app, ["db", "check", "--db", db_url, "--json"])
    assert result.exit_code == 1
    reported = json.loads(result.stdout)["problems"]
    assert {"code": "JX-D01", "table": "indicators", "column": "table_id"}.items() <= reported[
        [p["table"] for p in reported].index("indicators")
    ].items()


def test_keys_that_differ_from_their_tables_and_missing_homes_are_reported(
    db_url: str, seed_path: Path
) -> None:
    service = _seeded(db_url, seed_path)
    with get_engine(db_url).begin() as conn:
        first, second = conn.execute(text("SELECT id FROM perf_tables ORDER BY id LIMIT 2")).scalars()
        stray = int(
            conn.execute(text("SELECT min(id) FROM findings WHERE table_id = :t"), {"t": first}).scalar_one()
        )
        conn.execute(text("UPDATE findings SET region_code = '999999' WHERE id = :i"), {"i": stray})
        conn.execute(text("DELETE FROM table_homes WHERE id = :t"), {"t": second})
        conn.execute(text("INSERT INTO table_homes VALUES (987654, '000000', 2025)"))
    found = {p.code: p for p in service.check_integrity()}
    assert set(found) == {"JX-D02", "JX-D03", "JX-D04"}
    assert (found["JX-D02"].table, found["JX-D02"].examples) == ("findings", (stray,))
    assert (found["JX-D03"].table, found["JX-D03"].examples) == ("perf_tables", (second,))
    assert (found["JX-D04"].table, found["JX-D04"].examples) == ("table_homes", (987654,))


def test_homes_follow_a_table_to_another_year(db_url: str, seed_path: Path) -> None:
    """The triggers keep table_homes: a new year moves the home (on PostgreSQL the row itself moves to
    the other partition), and the table page still finds the table by id."""
    service = _seeded(db_url, seed_path)
    with get_engine(db_url).begin() as conn:
        table_id = int(conn.execute(text("SELECT min(id) FROM perf_tables")).scalar_one())
        conn.execute(
            text("UPDATE perf_tables SET year = 2024, partition_year = 2024 WHERE id = :i"), {"i": table_id}
        )
        sync_children(conn, [table_id])
    with get_engine(db_url).connect() as conn:
        homes = conn.execute(text("SELECT partition_year, count(*) FROM table_homes GROUP BY 1 ORDER BY 1"))
        assert [tuple(row) for row in homes] == [(2024, 1), (2025, 16)]
    view = service.table_view(ANONYMOUS, table_id)
    assert view.row.year == 2024 and view.findings
    assert service.check_integrity() == []
