"""A bulk import holds new tables' versions, indicators, findings and events back and inserts them once
per batch of files (`jixiao.store.held_rows`): the same rows as file by file, with a later file of the
batch that names a table an earlier one created still seeing it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from jixiao.readers.collection import iter_files
from jixiao.service import Service
from jixiao.service.bulk import FileOutcome
from jixiao.store.db import get_engine
from jixiao.store.held_rows import HELD
from jixiao.store.schema import indicators, perf_tables, table_versions, workflow_events
from jixiao.workflow import Principal, Role
from tests.store.test_bulk_batches import UNIT, _files, _search_index_sound
from tests.store.test_bulk_import import _blocks, _stored

FACT_TABLES = ("table_versions", "indicators", "findings", "workflow_events")


def _collection(root: Path, count: int) -> Path:
    """``count`` files of one seed table each, then the first file's table again, the same content in
    other bytes (another hash, so it is read and planned: unchanged), then its new version."""
    blocks = _blocks()
    root.mkdir(parents=True)
    for n in range(count):
        (root / f"文件{n:02d}.txt").write_text(blocks[n] + "\n", encoding="utf-8")
    (root / f"文件{count:02d}.txt").write_text("\n" + blocks[0] + "\n\n", encoding="utf-8")
    changed = blocks[0].replace("1200个\t1200个", "1300个\t1300个")
    assert changed != blocks[0]
    (root / f"文件{count + 1:02d}.txt").write_text(changed + "\n", encoding="utf-8")
    return root


def _inserts(service: Service) -> Counter[str]:
    """How many INSERT statements the service's engine sends per table (SQLite: COPY is not seen)."""
    counted: Counter[str] = Counter()

    def count(_c: Any, _cursor: Any, statement: str, *_: Any) -> None:
        words = statement.split()
        if words[:2] == ["INSERT", "INTO"]:
            counted[words[2]] += 1

    event.listen(service.engine, "before_cursor_execute", count)
    return counted


def test_a_batch_inserts_new_tables_rows_together_and_stores_what_file_by_file_stores(
    db_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    root = _collection(tmp_path / "收集", 10)
    one_by_one = Service(sqlite_url)
    for path in sorted(root.iterdir()):
        assert one_by_one.import_path(path).ok
    service = Service(db_url)
    inserts = _inserts(service)
    outcomes: list[FileOutcome] = []
    service.import_collection(iter_files([root]), outcomes.append, jobs=1)
    # the repeated table is found stored (its held version was inserted before it was planned)
    assert [o.status for o in outcomes] == ["imported"] * 10 + ["unchanged", "imported"]
    assert [(o.created, o.updated, o.unchanged) for o in outcomes[10:]] == [(0, 0, 1), (0, 1, 0)]
    assert _stored(db_url) == _stored(sqlite_url)
    _search_index_sound(db_url)
    with get_engine(db_url).connect() as conn:
        versions = conn.execute(select(func.count()).select_from(table_versions)).scalar_one()
        held = conn.execute(select(func.count()).select_from(indicators)).scalar_one()
    with get_engine(sqlite_url).connect() as conn:
        assert versions == conn.execute(select(func.count()).select_from(table_versions)).scalar_one() == 11
        assert held == conn.execute(select(func.count()).select_from(indicators)).scalar_one() > 0
    if db_url.startswith("sqlite"):
        # ten new tables' rows: once before the repeated file, once for the new version; not ten times
        assert all(inserts[name] == 2 for name in FACT_TABLES), inserts
        assert inserts["perf_tables"] == 10


def test_a_refused_batch_drops_what_it_held_and_its_files_stored_alone_keep_their_rows(
    db_url: str, tmp_path: Path
) -> None:
    root = _files(tmp_path / "收集", 6, foreign_at=2)
    service = Service(db_url)
    filler = Principal(
        service.add_user("owner", "a-long-enough-password-1", Role.FILLER, UNIT), "owner", Role.FILLER, UNIT
    )
    outcomes: list[FileOutcome] = []
    service.import_collection(iter_files([root]), outcomes.append, jobs=1, who=filler)
    assert [o.status for o in outcomes] == ["imported"] * 2 + ["refused"] + ["imported"] * 4
    with get_engine(db_url).connect() as conn:
        assert HELD not in conn.info  # the pooled connection carries nothing held over
        tables = conn.execute(select(func.count()).select_from(perf_tables)).scalar_one()
        with_rows = [
            conn.execute(select(func.count(func.distinct(target.c.table_id)))).scalar_one()
            for target in (table_versions, indicators, workflow_events)
        ]
    assert tables == 5 and with_rows == [5, 5, 5]
    # a later import of one file, not in a batch, inserts its rows at once
    assert service.import_text(_blocks()[9] + "\n", "单独.txt").created == 1
    with get_engine(db_url).connect() as conn:
        assert conn.execute(select(func.count(func.distinct(indicators.c.table_id)))).scalar_one() == 6
