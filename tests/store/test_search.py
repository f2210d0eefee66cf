"""Substring search through the trigram indexes (jixiao.store.search), on SQLite and PostgreSQL.

What a search finds is checked against the plain meaning (substring of name/unit, of an indicator's
name or values) worked out in Python from what is stored, so an index that missed or invented a row
would fail; then that the indexes exist, are used, and follow inserts, renames and deletes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Connection, Update, delete, select, text

from jixiao.queries import TableQuery, Visibility
from jixiao.service import Service
from jixiao.store.db import get_engine
from jixiao.store.document import table_from_dict
from jixiao.store.listing import get_document, list_tables
from jixiao.store.schema import indicators, orgs, perf_tables
from jixiao.store.search import indexable
from jixiao.store.tables import Reviewed, import_tables
from jixiao.workflow import Status

EVERYTHING = Visibility(everything=True)

NAME_SEARCHES = [
    "购买社工岗位服务经费",  # a whole name
    "社工岗位",  # inside a name, four characters
    "社工",  # two characters: no trigram, the scan serves it
    "经",  # one
    "妇女联合会",  # the unit, not in any name
    "妇女",  # the unit again, two characters
    "岗位%经费",  # a LIKE wildcard inside: same meaning as before, no index
    "不存在的项目名称",
]
INDICATOR_SEARCHES = ["满意度", "满意", "服务时长差异率", "≥85%", "100%", "合格及以上", "场", "不存在的指标"]


def _stored(url: str) -> tuple[dict[int, tuple[str, str]], dict[int, list[str]]]:
    """Every table's (name, unit) and every table's indicator texts, as stored."""
    with get_engine(url).connect() as conn:
        rows = conn.execute(
            select(perf_tables.c.id, perf_tables.c.name, orgs.c.name.label("unit")).select_from(
                perf_tables.outerjoin(orgs, orgs.c.id == perf_tables.c.unit_id)
            )
        ).all()
        texts: dict[int, list[str]] = {}
        for item in conn.execute(select(indicators)):
            texts.setdefault(item.table_id, []).extend([item.name, item.period_raw, item.annual_raw])
    return {row.id: (row.name, row.unit or "") for row in rows}, texts


def _found(url: str, query: TableQuery) -> set[int]:
    with get_engine(url).connect() as conn:
        rows, total = list_tables(conn, replace(query, per_page=1000), EVERYTHING)
    assert total == len(rows)
    return {row.id for row in rows}


def _like(pattern: str, value: str) -> bool:
    """``LIKE '%pattern%'`` for the Chinese texts searched here (no case to fold)."""
    parts = pattern.split("%")
    at = 0
    for part in parts:
        found = value.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


@pytest.fixture
def seeded(db_url: str, seed_path: Path) -> str:
    report = Service(db_url).import_path(seed_path, published=True)
    assert report.ok, report.problems
    return db_url


@pytest.mark.parametrize("words", NAME_SEARCHES)
def test_name_or_unit_search_finds_exactly_the_substring_matches(seeded: str, words: str) -> None:
    tables, _ = _stored(seeded)
    expected = {i for i, (name, unit) in tables.items() if _like(words, name) or _like(words, unit)}
    assert _found(seeded, TableQuery(q=words)) == expected
    if words in ("购买社工岗位服务经费", "社工", "妇女"):
        assert expected, "the seed has these"


@pytest.mark.parametrize("words", INDICATOR_SEARCHES)
def test_indicator_search_finds_exactly_the_substring_matches(seeded: str, words: str) -> None:
    _, texts = _stored(seeded)
    expected = {i for i, values in texts.items() if any(_like(words, v) for v in values)}
    assert _found(seeded, TableQuery(indicator=words)) == expected
    if words in ("满意度", "满意", "≥85%"):
        assert expected, "the seed has these"


def test_search_combines_with_filters_and_counts_exactly(seeded: str) -> None:
    both = _found(seeded, TableQuery(q="经费", indicator="满意度"))
    assert both == _found(seeded, TableQuery(q="经费")) & _found(seeded, TableQuery(indicator="满意度"))
    with get_engine(seeded).connect() as conn:
        rows, total = list_tables(conn, TableQuery(indicator="满意度", per_page=2), EVERYTHING)
    assert len(rows) == 2 and total == len(_found(seeded, TableQuery(indicator="满意度"))) > 2


def test_only_texts_of_three_characters_without_wildcards_use_the_index() -> None:
    assert indexable("社工岗") and indexable("abc")
    assert not indexable("社工") and not indexable("社工%岗位") and not indexable("a_c")


def test_index_follows_renames_new_versions_and_deletes(seeded: str) -> None:
    [table_id] = _found(seeded, TableQuery(q="购买社工岗位服务经费"))
    with get_engine(seeded).begin() as conn:
        conn.execute(update_name(table_id, "改名后的项目甲乙丙"))
    assert _found(seeded, TableQuery(q="改名后的项目")) == {table_id}
    assert _found(seeded, TableQuery(q="购买社工岗位服务经费")) == set()

    # a new version replaces the indicator rows: the old text is gone from the index, the new is in
    with get_engine(seeded).connect() as conn:
        stored = get_document(conn, table_id)
    assert stored is not None
    document = table_from_dict(stored)
    edited = replace(document, indicators=document.indicators[:1])
    edited = replace(edited, indicators=(replace(edited.indicators[0], name="独一无二的指标名称"),))
    with get_engine(seeded).begin() as conn:
        import_tables(conn, [Reviewed(edited)], Status.PUBLISHED)
    assert _found(seeded, TableQuery(indicator="独一无二的指标")) == {table_id}
    assert table_id not in _found(seeded, TableQuery(indicator="服务时长差异率"))
    # the import wrote the document's name back: the index follows the update again
    assert _found(seeded, TableQuery(q="购买社工岗位服务经费")) == {table_id}
    assert _found(seeded, TableQuery(q="改名后的项目")) == set()

    with get_engine(seeded).begin() as conn:
        conn.execute(delete(perf_tables).where(perf_tables.c.id == table_id))
    assert _found(seeded, TableQuery(indicator="独一无二的指标")) == set()
    assert _found(seeded, TableQuery(q="购买社工岗位服务经费")) == set()


def update_name(table_id: int, name: str) -> Update:
    return perf_tables.update().where(perf_tables.c.id == table_id).values(name=name)


def test_the_trigram_indexes_exist_and_serve_the_search(seeded: str) -> None:
    engine = get_engine(seeded)
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            names = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
            assert {"perf_tables_search", "indicators_search"} <= names
            # the index holds the stored rows (kept by the triggers and the migration's rebuild)
            hits = conn.execute(
                text("SELECT count(*) FROM indicators_search WHERE indicators_search MATCH '满意度'")
            ).scalar_one()
            assert hits > 0
        else:
            conn.execute(text("SET enable_seqscan = off"))  # the seed is small: make the planner show it
            plan = "\n".join(
                conn.execute(
                    text("EXPLAIN SELECT id FROM perf_tables WHERE name LIKE '%社工岗位%'")
                ).scalars()
            )
            assert any(name in plan for name in _index_and_its_partitions(conn, "ix_perf_tables_name_trgm"))
            query = (
                "EXPLAIN SELECT table_id FROM indicators "
                "WHERE (name || ' ' || period_raw || ' ' || annual_raw) LIKE '%满意度%'"
            )
            plan = "\n".join(conn.execute(text(query)).scalars())
            assert any(name in plan for name in _index_and_its_partitions(conn, "ix_indicators_text_trgm"))


def _index_and_its_partitions(conn: Connection, index: str) -> list[str]:
    """An index and, the table being partitioned by year (0012), the same index on each partition."""
    found = conn.execute(
        text(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = CAST(:i AS regclass)"
        ),
        {"i": index},
    )
    return [index, *found.scalars()]


def test_sqlite_without_the_indicator_index_still_searches(sqlite_url: str, seed_path: Path) -> None:
    """Dropping indicators_search (to import faster) leaves search correct: it scans again."""
    assert Service(sqlite_url).import_path(seed_path, published=True).ok
    with get_engine(sqlite_url).begin() as conn:
        for trigger in ("insert", "delete", "update"):
            conn.execute(text(f"DROP TRIGGER indicators_search_{trigger}"))
        conn.execute(text("DROP TABLE indicators_search"))
    tables, texts = _stored(sqlite_url)
    expected = {i for i, values in texts.items() if any("满意度" in v for v in values)}
    assert expected and _found(sqlite_url, TableQuery(indicator="满意度")) == expected
    named = {i for i, (name, _) in tables.items() if "社工岗位" in name}
    assert named and _found(sqlite_url, TableQuery(q="社工岗位")) == named
