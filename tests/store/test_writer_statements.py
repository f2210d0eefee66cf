"""The bulk writer's per-batch shortcuts store what file by file stores: the audit chain's head read and
moved once per batch, the file hashes recorded in one statement, tables known new not looked up twice
nor searched for dismissals; and the workers' answers come back as the very records they sent."""

from __future__ import annotations

import dataclasses
import pickle
import re
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from jixiao.readers.collection import iter_files
from jixiao.readers.limits import DEFAULT_LIMITS
from jixiao.service import Service
from jixiao.service.bulk import FileOutcome
from jixiao.service.bulk_workers import dumps, read_one
from jixiao.store.audit_chain import verify
from jixiao.store.db import get_engine
from jixiao.store.schema import audit_log
from tests.store.test_bulk_batches import _files
from tests.store.test_bulk_import import _blocks, _stored


def _statements(service: Service) -> Counter[str]:
    """Statements run, whitespace collapsed."""
    seen: Counter[str] = Counter()

    def count(_c: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen[re.sub(r"\s+", " ", statement)] += 1

    event.listen(service.engine, "before_cursor_execute", count)
    return seen


def _count(statements: Counter[str], pattern: str) -> int:
    return sum(n for statement, n in statements.items() if re.search(pattern, statement))


def _audit_rows(url: str) -> list[tuple[Any, ...]]:
    log = audit_log.c
    query = select(log.seq, log.action, log.entity, log.entity_id, log.detail).order_by(log.id)
    with get_engine(url).connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def test_a_batch_moves_the_audit_chain_once_and_records_its_hashes_in_one_statement(
    db_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    root = _files(tmp_path / "收集", 12)
    one_by_one = Service(sqlite_url)
    for path in sorted(root.iterdir()):
        assert one_by_one.import_path(path).ok
    service = Service(db_url)
    statements = _statements(service)
    outcomes: list[FileOutcome] = []
    service.import_collection(iter_files([root]), outcomes.append, jobs=1)
    statements = Counter(statements)  # the import's, not those of the checks below
    assert [o.status for o in outcomes] == ["imported"] * 13
    assert _stored(db_url) == _stored(sqlite_url)
    assert _audit_rows(db_url) == _audit_rows(sqlite_url)
    with get_engine(db_url).connect() as conn:
        assert verify(conn).ok
    chain = _count(statements, "audit_chain")
    batches = _count(statements, "^INSERT INTO imported_files")
    assert 1 <= batches <= 3, statements  # the files come in one batch or a few
    assert chain <= 3 * batches, statements  # lock, read, move: per batch, not per file
    # the twelve new tables are not searched for dismissals; the thirteenth file's changed one is
    assert _count(statements, "^SELECT DISTINCT finding_dismissals.table_id") == 1, statements


def _fields(record: Any) -> Any:
    """A record as nested tuples of every field, those left out of ``==`` too (sources, layouts)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        values = (_fields(getattr(record, f.name)) for f in dataclasses.fields(record))
        return (type(record).__name__, *values)
    if isinstance(record, list | tuple):
        return tuple(_fields(item) for item in record)
    return record


def test_a_workers_answer_unpickles_into_the_records_it_sent() -> None:
    data = ("\n\n".join(_blocks()[:4]) + "\n").encode()
    kind, report, retire = read_one("表.txt", data, DEFAULT_LIMITS, False, cap_memory=False)
    assert kind == "ok" and report.reviews and report.reviews[0].document
    back = pickle.loads(dumps((kind, report, retire, 0.0)))[1]
    assert _fields(back.reviews) == _fields(report.reviews)
    assert _fields(back.tables) == _fields(report.tables)
    assert {type(r.table.source) for r in back.reviews} == {type(report.tables[0].source)}
