"""Storage on SQLite and PostgreSQL: migrations, import, versions, optimistic locking."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from jixiao.queries import TableQuery
from jixiao.service import Conflict, Service
from jixiao.store.db import current_revision, get_engine
from jixiao.store.document import table_from_dict, table_to_dict
from jixiao.store.schema import audit_log, indicators, metadata, perf_tables, table_versions
from jixiao.workflow import ANONYMOUS, Status


def _count(url: str, table: object) -> int:
    with get_engine(url).connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_migrations_create_exactly_the_schema(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from jixiao.store.db import alembic_config
    from jixiao.store.partitions import include_object_on
    from jixiao.store.search import include_name

    assert current_revision(db_url) == ScriptDirectory.from_config(alembic_config(db_url)).get_current_head()
    with get_engine(db_url).connect() as conn:
        include_object = include_object_on(conn.dialect.name)
        context = MigrationContext.configure(
            conn, opts={"include_name": include_name, "include_object": include_object}
        )
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_import_seed_stores_every_table_once(db_url: str, seed_path: Path) -> None:
    service = Service(db_url)
    report = service.import_path(seed_path, published=True)
    assert report.ok, report.problems
    assert (report.created, report.updated, report.unchanged) == (17, 0, 0)
    assert _count(db_url, perf_tables) == 17
    assert _count(db_url, indicators) == 136
    items, total = service.list_documents(ANONYMOUS, TableQuery(per_page=100))
    assert total == 17
    budgets = {item["project"]["name"]: item["project"]["budget"] for item in items}
    assert budgets["购买社工岗位服务经费"] == "2480691.00"
    assert all(item["status"] == "published" and item["format"] == "jixiao.table/1" for item in items)

    again = service.import_path(seed_path, published=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 17)
    assert _count(db_url, table_versions) == 17


def test_changed_table_becomes_a_new_version(db_url: str, seed_path: Path, tmp_path: Path) -> None:
    service = Service(db_url)
    service.import_path(seed_path)
    changed = seed_path.read_text().replace("1200个\t1200个", "1300个\t1300个", 1)
    assert changed != seed_path.read_text()
    moved = tmp_path / "moved.txt"
    moved.write_text(changed)
    report = service.import_path(moved)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 16)
    assert _count(db_url, table_versions) == 18
    assert _count(db_url, indicators) == 136
    with get_engine(db_url).connect() as conn:
        versions = conn.execute(
            select(perf_tables.c.current_version).where(perf_tables.c.current_version == 2)
        ).all()
    assert len(versions) == 1


def test_rejected_file_stores_nothing(db_url: str, tmp_path: Path) -> None:
    service = Service(db_url)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    prose = tmp_path / "prose.txt"
    prose.write_text("这是一份说明，没有任何表格。\n第二行。\n")
    for path in (empty, binary, prose):
        report = service.import_path(path)
        assert not report.ok
        assert report.problems[0].message
    assert _count(db_url, perf_tables) == 0
    assert _count(db_url, audit_log) == 0


def test_document_round_trip(seed_path: Path) -> None:
    from jixiao.readers.text import read_path

    tables, _ = read_path(seed_path)
    for table in tables:
        assert table_from_dict(table_to_dict(table)) == table


def test_concurrent_save_conflicts_and_keeps_the_first(db_url: str, seed_path: Path) -> None:
    from jixiao.store.accounts import UserRecord
    from jixiao.workflow import Role

    service = Service(db_url)
    service.import_path(seed_path)
    service.add_user("alice", "Blue-kite-481", Role.FILLER, unit="东莞市妇女联合会")
    alice = next(u for u in service.users() if u.username == "alice")
    assert isinstance(alice, UserRecord)
    who = alice.principal()
    rows, _ = service.list_tables(who, TableQuery(q="购买社工岗位服务经费"))
    view = service.table_view(who, rows[0].id)
    lock = view.row.lock_version
    first = replace(view.table, goals=replace(view.table.goals, annual="第一个人的修改"))
    second = replace(view.table, goals=replace(view.table.goals, annual="第二个人的修改"))
    service.save(who, view.row.id, first, lock)
    with pytest.raises(Conflict):
        service.save(who, view.row.id, second, lock)
    assert service.table_view(who, view.row.id).table.goals.annual == "第一个人的修改"
    assert service.table_view(who, view.row.id).row.status == Status.DRAFT


def test_list_totals_are_kept_until_a_table_changes(db_url: str, seed_path: Path, tmp_path: Path) -> None:
    from sqlalchemy import event

    service = Service(db_url)
    service.import_path(seed_path, published=True)
    counted: list[str] = []

    def remember(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().startswith("SELECT count(*)"):
            counted.append(statement)

    event.listen(get_engine(db_url), "before_cursor_execute", remember)
    assert service.list_tables(ANONYMOUS, TableQuery())[1] == 17
    assert len(counted) == 1
    assert service.list_tables(ANONYMOUS, TableQuery(page=2, per_page=5))[1] == 17
    assert len(counted) == 1  # the same list, another page: the total was kept
    renamed = tmp_path / "renamed.txt"
    renamed.write_text(seed_path.read_text().replace("购买社工岗位服务经费", "购买社工岗位服务经费（续）", 1))
    assert service.import_path(renamed, published=True).created == 1
    assert service.list_tables(ANONYMOUS, TableQuery())[1] == 18  # a new table: counted again
    assert len(counted) == 2
    assert service.list_tables(ANONYMOUS, TableQuery(q="服务经费"))[1] >= 2  # searches always count
    assert len(counted) == 3
