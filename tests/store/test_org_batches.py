"""A bulk import reads the organisations its batch of files names once per batch
(`jixiao.store.org_batches`): the same organisations, placements and region codes as file by file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from jixiao.readers.collection import iter_files
from jixiao.service import OrgKind, Service
from jixiao.service.bulk import FileOutcome
from jixiao.store.db import get_engine
from jixiao.store.org_batches import SETTLED
from jixiao.store.schema import indicators, orgs, perf_tables
from tests.store.test_bulk_batches import OTHER_UNIT, UNIT
from tests.store.test_bulk_import import _blocks, _stored


def _collection(root: Path, count: int) -> Path:
    """``count`` files of one seed table each (the seed's unit, its own department); the last one's
    table belongs to a unit new to the database, under the seed's department."""
    blocks = _blocks()
    root.mkdir(parents=True)
    for n in range(count):
        text = blocks[n + 1]
        if n == count - 1:
            text = text.replace(f"用款单位\t{UNIT}", f"用款单位\t{OTHER_UNIT}", 1)
            assert OTHER_UNIT in text
        (root / f"文件{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return root


def _placed_first(url: str, root: Path) -> Service:
    """A database with the seed's first table imported and its department placed in 东莞市 (441900)."""
    service = Service(url)
    assert service.import_text(_blocks()[0] + "\n", str(root / "第一个.txt")).created == 1
    service.place_org("东莞市", OrgKind.REGION, code="441900")
    service.place_org(UNIT, OrgKind.DEPARTMENT, parent="东莞市")
    return service


def _organisations(url: str) -> list[tuple[Any, ...]]:
    parent = orgs.alias("parent")
    query = select(orgs.c.name, orgs.c.kind, parent.c.name, orgs.c.code, orgs.c.region_code).outerjoin(
        parent, orgs.c.parent_id == parent.c.id
    )
    with get_engine(url).connect() as conn:
        return sorted(tuple(row) for row in conn.execute(query))


def _keys(url: str) -> Counter[tuple[str, str]]:
    """How many tables and indicators carry each region code."""
    counted: Counter[tuple[str, str]] = Counter()
    with get_engine(url).connect() as conn:
        for name, column in (("table", perf_tables.c.region_code), ("indicator", indicators.c.region_code)):
            counted.update((str(code), name) for code in conn.execute(select(column)).scalars())
    return counted


def test_a_batch_reads_its_organisations_once_and_stores_what_file_by_file_stores(
    db_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    root = _collection(tmp_path / "收集", 10)
    one_by_one = _placed_first(sqlite_url, tmp_path)
    for path in sorted(root.iterdir()):
        assert one_by_one.import_path(path).ok
    service = _placed_first(db_url, tmp_path)
    looked_up: Counter[str] = Counter()

    def count(_c: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "FROM orgs" in statement and "orgs.name IN" in statement:
            looked_up["by name"] += 1

    event.listen(service.engine, "before_cursor_execute", count)
    outcomes: list[FileOutcome] = []
    service.import_collection(iter_files([root]), outcomes.append, jobs=1)
    assert [o.status for o in outcomes] == ["imported"] * 10
    assert _stored(db_url) == _stored(sqlite_url)
    assert _organisations(db_url) == _organisations(sqlite_url)
    assert (OTHER_UNIT, "unit", UNIT, None, "441900") in _organisations(db_url)
    assert _keys(db_url) == _keys(sqlite_url)
    assert {code for code, _ in _keys(db_url)} == {"441900"}
    # once for the batch, then twice for the file naming a new unit (look up, read back what was
    # created); file by file it was once per file
    assert looked_up["by name"] == 3, looked_up
    with get_engine(db_url).connect() as conn:
        assert SETTLED not in conn.info
