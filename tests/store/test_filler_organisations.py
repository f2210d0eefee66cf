"""A table a 填报人 drafts, saves or imports takes its unit and department from the account (the unit's
place in the hierarchy), never from the form or the file: no 填报人 chooses who reviews it (issue 10).
Published tables from other publishers keep the publisher's names and only an administrator imports
them. SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from jixiao.model import Goals, Project, Table
from jixiao.queries import TableQuery
from jixiao.service import Forbidden, OrgKind, Service
from jixiao.workflow import ANONYMOUS, Principal, Role

PASSWORD = "a-long-enough-password-1"
FULIAN = "东莞市妇女联合会"
NAME = "购买社工岗位服务经费"


def _login(service: Service, name: str) -> Principal:
    return service.principal_for(service.login(name, PASSWORD)[0])


def _setup(db_url: str, seed_path: Path) -> tuple[Service, Principal, Principal]:
    service = Service(db_url)
    service.import_path(seed_path)
    service.place_org("某街道", OrgKind.UNIT, parent=FULIAN)
    service.add_user("street", PASSWORD, Role.FILLER, "某街道")
    service.add_user("other", PASSWORD, Role.REVIEWER, None, ["别的部门"])
    return service, _login(service, "street"), _login(service, "other")


def test_a_new_table_takes_the_accounts_department(db_url: str, seed_path: Path) -> None:
    service, filler, other = _setup(db_url, seed_path)
    assert filler.department == FULIAN
    typed = Table(Project(name="新项目", unit="某街道", department="别的部门", year=2026), Goals(), ())
    table_id = service.create_table(filler, typed)
    view = service.table_view(filler, table_id)
    assert (view.row.unit, view.row.department) == ("某街道", FULIAN)
    with pytest.raises(Forbidden):  # the reviewer the form named does not get it
        service.table_view(other, table_id)

    changed = replace(view.table, project=replace(view.table.project, department="别的部门"))
    service.save(filler, table_id, changed, view.row.lock_version)
    assert service.table_view(filler, table_id).row.department == FULIAN


def test_a_fillers_import_takes_the_accounts_department(db_url: str, seed_path: Path) -> None:
    service, _, _ = _setup(db_url, seed_path)
    service.add_user("fulian", PASSWORD, Role.FILLER, FULIAN)
    filler = _login(service, "fulian")
    text = seed_path.read_text().replace(f"主管部门\t{FULIAN}", "主管部门\t别的部门")
    report = service.import_bytes(text.encode(), "moved.txt", who=filler)
    assert report.ok and report.updated == 0 and report.unchanged == 17  # the department stays
    rows, _ = service.list_tables(filler, TableQuery(q=NAME))
    assert rows[0].department == FULIAN


def test_published_tables_keep_the_publishers_names_and_only_admins_import_them(
    db_url: str, seed_path: Path
) -> None:
    service, filler, _ = _setup(db_url, seed_path)
    text = (
        seed_path.read_text()
        .replace(NAME, "别处公开的项目")
        .replace(f"用款单位\t{FULIAN}", "用款单位\t别处单位")
    )
    with pytest.raises(Forbidden):
        service.import_bytes(text.encode(), "published.txt", published=True, who=filler)
    report = service.import_bytes(text.encode(), "published.txt", published=True)  # the operator
    assert report.ok and report.created >= 1
    rows, _ = service.list_tables(ANONYMOUS, TableQuery(q="别处公开的项目"))
    assert (rows[0].unit, rows[0].department) == ("别处单位", FULIAN)
