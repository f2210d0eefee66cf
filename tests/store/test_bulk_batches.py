"""A bulk import stores several files per transaction: the same rows as one file at a time, a file the
store refuses is retried alone (its neighbours land), and re-runs resume by content hash."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, func, select

from jixiao.permissions import OPERATOR
from jixiao.queries import TableQuery
from jixiao.readers.collection import iter_files
from jixiao.service import Service
from jixiao.service.bulk import FileOutcome
from jixiao.store.db import get_engine
from jixiao.store.schema import audit_log, imported_files
from jixiao.store.search_batches import SEARCH_TABLES
from jixiao.workflow import Principal, Role
from tests.store.test_bulk_import import _blocks, _stored

UNIT = "东莞市妇女联合会"
OTHER_UNIT = "东莞市科学技术协会"


def _files(root: Path, count: int, foreign_at: int | None = None) -> Path:
    """``count`` files of one of the seed's tables each, then a new version of the first file's table (a
    later file of the same batch changes it); the file at ``foreign_at`` holds a table of another
    unit (用款单位 changed), which a 填报人 of the seed's unit may not import."""
    blocks = _blocks()
    root.mkdir(parents=True)
    for n in range(count):
        text = blocks[n] + "\n"
        if n == foreign_at:
            text = text.replace(f"用款单位\t{UNIT}", f"用款单位\t{OTHER_UNIT}", 1)
            assert OTHER_UNIT in text
        (root / f"文件{n:02d}.txt").write_text(text, encoding="utf-8")
    changed = blocks[0].replace("1200个\t1200个", "1300个\t1300个")
    assert changed != blocks[0]
    (root / f"文件{count:02d}.txt").write_text(changed + "\n", encoding="utf-8")
    return root


def _search_index_sound(url: str) -> None:
    """On SQLite: the insert triggers are back with their migration's text, and FTS5 finds each
    full-text index sound (``integrity-check``) and holding one entry per row (the check alone does
    not notice rows left out of an external-content index)."""
    if not url.startswith("sqlite"):
        return
    with get_engine(url).begin() as conn:
        listed = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        triggers = {str(name): str(sql) for name, sql in listed}
        for search in SEARCH_TABLES.values():
            assert triggers[search.trigger] == search.create_trigger
            conn.exec_driver_sql(f"INSERT INTO {search.index}({search.index}) VALUES ('integrity-check')")
            indexed = conn.exec_driver_sql(f"SELECT count(*) FROM {search.index}_docsize").scalar_one()
            assert indexed == conn.exec_driver_sql(f"SELECT count(*) FROM {search.source}").scalar_one() > 0


def _commits(service: Service) -> list[int]:
    counted = [0]

    def count(_conn: object) -> None:
        counted[0] += 1

    event.listen(service.engine, "commit", count)
    return counted


def test_a_batch_stores_what_one_file_at_a_time_stores_in_fewer_transactions(
    db_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    root = _files(tmp_path / "收集", 12)
    one_by_one = Service(sqlite_url)
    for path in sorted(root.iterdir()):
        assert one_by_one.import_path(path).ok
    service = Service(db_url)
    commits = _commits(service)
    outcomes: list[FileOutcome] = []
    summary = service.import_collection(iter_files([root]), outcomes.append, jobs=1)
    assert [o.status for o in outcomes] == ["imported"] * 13
    assert [(o.created, o.updated) for o in outcomes] == [(1, 0)] * 12 + [(0, 1)]
    assert summary.imported == 13
    assert _stored(db_url) == _stored(sqlite_url)
    _search_index_sound(db_url)
    # one file alone commits its tables, then its hash: 26 commits; batched, a handful
    assert commits[0] <= 6, commits[0]
    audited = select(func.count()).select_from(audit_log).where(audit_log.c.action == "import")
    with get_engine(db_url).connect() as conn:
        assert conn.execute(select(func.count()).select_from(imported_files)).scalar_one() == 13
        batched_audit = conn.execute(audited).scalar_one()
    with get_engine(sqlite_url).connect() as conn:
        assert batched_audit == conn.execute(audited).scalar_one() > 0
    # the search (project names; indicators too) finds the same tables in both
    for words, everywhere in (("社工", False), ("妇女", True), ("满意度", True), ("培训", False)):
        query = TableQuery(q=words, everywhere=everywhere, per_page=100)
        batched = sorted(row.name for row in service.list_tables(OPERATOR, query)[0])
        alone = sorted(row.name for row in one_by_one.list_tables(OPERATOR, query)[0])
        assert batched == alone and batched


def test_a_file_the_store_refuses_is_retried_alone_and_its_neighbours_land(
    db_url: str, tmp_path: Path
) -> None:
    root = _files(tmp_path / "收集", 8, foreign_at=3)
    service = Service(db_url)
    filler = Principal(
        service.add_user("owner", "a-long-enough-password-1", Role.FILLER, UNIT), "owner", Role.FILLER, UNIT
    )
    outcomes: list[FileOutcome] = []
    summary = service.import_collection(iter_files([root]), outcomes.append, jobs=2, who=filler)
    assert [o.file.rsplit("/", 1)[-1] for o in outcomes] == [f"文件{n:02d}.txt" for n in range(9)]
    assert [o.status for o in outcomes] == ["imported"] * 3 + ["refused"] + ["imported"] * 5
    assert "只能导入本单位" in outcomes[3].reason
    assert (summary.imported, summary.refused) == (8, 1)
    with get_engine(db_url).connect() as conn:
        hashes = set(conn.execute(select(imported_files.c.content_hash)).scalars())
    assert hashes == {o.sha256 for o in outcomes if o.status == "imported"}
    _search_index_sound(db_url)

    again: list[FileOutcome] = []
    service.import_collection(iter_files([root]), again.append, jobs=1, who=filler)
    assert [o.status for o in again] == ["unchanged"] * 3 + ["refused"] + ["unchanged"] * 5
    assert all("跳过" in o.reason for o in again if o.status == "unchanged")
