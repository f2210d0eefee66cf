"""The database build keeps its mining state in SQL and builds in pages (`service.library_build`); it
must give the very entries the in-memory build (`jixiao.library.build_library`) gives from the same
stored tables — at once, and in two builds with tables published in between — on SQLite and
PostgreSQL.

1,100 tables of the benchmark's generator (real indicator names, 5,000 publishers) make more than one
page of tables (500), of keys and of groups, so the merging of per-page parts and the paging of
groups are exercised.
"""

from __future__ import annotations

import json
from typing import Any

from benchmarks.bench_library_db import populate
from sqlalchemy import select, update

from jixiao.library import build_library
from jixiao.library.build import Library
from jixiao.library.mining import rows_from_document
from jixiao.library.serialize import entry_to_dict
from jixiao.permissions import OPERATOR
from jixiao.service import Service
from jixiao.store.library_schema import library_key_stats, library_provenance
from jixiao.store.schema import perf_tables, table_versions

TABLES, FIRST = 1_100, 700


def _documents(service: Service, first: int, last: int) -> list[dict[str, Any]]:
    with service.engine.connect() as conn:
        rows = conn.execute(
            select(table_versions.c.table_id, table_versions.c.document)
            .where(table_versions.c.table_id.between(first, last))
            .order_by(table_versions.c.id)
        ).all()
    return [{**json.loads(text), "id": table_id} for table_id, text in rows]


def _in_memory(service: Service, previous: Library | None, first: int, last: int) -> Library:
    return build_library((rows_from_document(d) for d in _documents(service, first, last)), previous)


def _comparable(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry's evidence but the row named for a median no kept row set (the mean of the two middle
    values, or a value whose first row was not kept): the sketch keeps the first rows of a few values
    only, and which values those are depends on whether values arrive row by row (in memory) or
    sketch by sketch (a page's part merged into a key's row) — the row named is then another one with
    the nearest value. Everything else must be equal."""
    for values in entry["provenance"]["values"]:
        assert values["sources"].pop("median").startswith("table:")
    return entry


def _stored(service: Service) -> dict[str, Any]:
    with service.engine.connect() as conn:
        rows = conn.execute(select(library_provenance)).all()
    return {code: _comparable(json.loads(data)) for code, data in rows}


def _expected(library: Library) -> dict[str, Any]:
    return {e.code: _comparable(json.loads(json.dumps(entry_to_dict(e)))) for e in library.entries}


def test_the_paged_build_gives_the_in_memory_entries_at_once_and_in_steps(db_url: str) -> None:
    populate(db_url, TABLES)
    service = Service(db_url)
    with service.engine.begin() as conn:  # the last tables are published after the first build
        conn.execute(update(perf_tables).where(perf_tables.c.id > FIRST).values(status="draft"))
    first = service.build_library(OPERATOR)
    expected_first = _in_memory(service, None, 1, FIRST)
    assert (first["tables"], first["entries"]) == (FIRST, len(expected_first.entries))
    assert _stored(service) == _expected(expected_first)
    with service.engine.begin() as conn:
        conn.execute(update(perf_tables).values(status="published"))
        parts = conn.execute(select(library_key_stats.c.key)).scalars().all()
    assert len(parts) == len(set(parts)) == len(expected_first.stats)  # one merged row per key
    second = service.build_library(OPERATOR)
    expected_second = _in_memory(service, expected_first, FIRST + 1, TABLES)
    assert (second["tables_added"], second["tables"]) == (TABLES - FIRST, TABLES)
    assert second["rows"] == expected_second.rows
    assert second["entries_before"] == len(expected_first.entries)
    assert second["placement_conflicts_total"] == len(expected_second.conflicts)
    assert _stored(service) == _expected(expected_second)
    service.engine.dispose()
