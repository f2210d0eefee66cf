"""A 填报人's table takes the department of the account, not the file's (`permissions.organisations_for`).
The stored document and content hash are those of the table as stored, whether the file came alone
(`import_path`) or in a bulk import, where the workers make documents from the file as read."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from jixiao.readers.collection import iter_files
from jixiao.service import OrgKind, Service
from jixiao.service.bulk import FileOutcome
from jixiao.store.db import get_engine
from jixiao.store.schema import orgs, perf_tables, table_versions
from jixiao.workflow import Principal, Role
from tests.store.test_bulk_batches import UNIT
from tests.store.test_bulk_import import _blocks

FILE_DEPARTMENT = "东莞市某某局"  # what the file says; the account's unit lies under the seed's department


def _file(root: Path) -> Path:
    root.mkdir(parents=True)
    text = _blocks()[0].replace(f"主管部门\t{UNIT}", f"主管部门\t{FILE_DEPARTMENT}", 1)
    assert FILE_DEPARTMENT in text
    path = root / "文件.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _filler(service: Service) -> Principal:
    service.place_org("东莞市", OrgKind.REGION, code="441900")
    service.place_org(UNIT, OrgKind.DEPARTMENT, parent="东莞市")
    user_id = service.add_user("owner", "a-long-enough-password-1", Role.FILLER, UNIT)
    return Principal(user_id, "owner", Role.FILLER, UNIT, department=UNIT)


def _stored(url: str) -> tuple[str, str, str]:
    """The stored table's department, its document's department, and the content hash."""
    query = (
        select(orgs.c.name, table_versions.c.document, table_versions.c.content_hash)
        .select_from(perf_tables)
        .join(table_versions, table_versions.c.table_id == perf_tables.c.id)
        .join(orgs, orgs.c.id == perf_tables.c.department_id)
    )
    with get_engine(url).connect() as conn:
        [(department, document, digest)] = conn.execute(query).all()
    return department, json.loads(document)["project"]["department"], digest


def test_a_bulk_import_stores_the_document_of_the_table_as_bound_to_the_account(
    db_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    path = _file(tmp_path / "收集")
    alone = Service(sqlite_url)
    assert alone.import_path(path, who=_filler(alone)).ok
    service = Service(db_url)
    outcomes: list[FileOutcome] = []
    service.import_collection(iter_files([path.parent]), outcomes.append, jobs=1, who=_filler(service))
    assert [o.status for o in outcomes] == ["imported"]
    department, in_document, digest = _stored(db_url)
    assert department == in_document == UNIT
    assert (department, in_document, digest) == _stored(sqlite_url)
