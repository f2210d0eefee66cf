"""`jixiao backup` → `jixiao restore` gives back every row of every table, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, select, table, text
from typer.testing import CliRunner

from jixiao.cli import app as cli
from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.store.db import dispose_engines, get_engine
from jixiao.workflow import Action
from tests.seed import SEED_PATH
from tests.web.helpers import PASSWORD

runner = CliRunner()


def _snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    engine = get_engine(url)
    names = sorted(inspect(engine).get_table_names())
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for name in names:
            columns = [column["name"] for column in inspect(engine).get_columns(name)]
            query = select(*[text(f'"{c}"') for c in columns]).select_from(table(name))
            rows[name] = sorted((tuple(row) for row in conn.execute(query)), key=repr)
    return rows


def _empty_database(request: pytest.FixtureRequest, url: str, tmp_path: Path) -> str:
    if url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored' / 'jixiao.sqlite'}"
    cluster = request.getfixturevalue("postgres_cluster")
    admin = create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE restored_copy"))
    admin.dispose()
    return str(cluster.url("restored_copy"))


def test_backup_then_restore_gives_back_every_table(
    request: pytest.FixtureRequest, seeded_url: str, tmp_path: Path
) -> None:
    service = Service(seeded_url)
    admin = next(u for u in service.users() if u.username == "guanli").principal()
    table_id = service.list_tables(admin, TableQuery())[0][0].id
    for action in (Action.SUBMIT, Action.APPROVE, Action.PUBLISH):
        service.act(admin, table_id, action)
    service.login("guanli", PASSWORD)
    before = _snapshot(seeded_url)
    assert before["perf_tables"] and before["users"] and before["audit_log"] and before["sessions"]

    file = tmp_path / "jixiao.backup"
    made = runner.invoke(cli, ["backup", str(file), "--db", seeded_url, "--json"])
    assert made.exit_code == 0, made.output
    target = _empty_database(request, seeded_url, tmp_path)
    refused = runner.invoke(cli, ["restore", str(file), "--db", target])
    assert refused.exit_code == 2 and "--yes" in refused.output
    restored = runner.invoke(cli, ["restore", str(file), "--db", target, "--yes"])
    assert restored.exit_code == 0, restored.output

    assert _snapshot(target) == before
    # the restored database takes new writes (PostgreSQL: its sequences came back too)
    again = Service(target).import_text(SEED_PATH.read_text().replace("2025", "2026"), "next-year.txt")
    assert again.ok and again.created == 17
    dispose_engines()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    result = runner.invoke(cli, ["restore", str(bogus), "--db", str(tmp_path / "x.sqlite"), "--yes"])
    assert result.exit_code == 1 and "不是 SQLite 备份文件" in result.output
