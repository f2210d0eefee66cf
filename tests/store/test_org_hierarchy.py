"""Units and departments form a hierarchy 财政区划 → 主管部门 → 用款单位 (issue 10): a reviewer's scope is a
subtree, asked in one place (`jixiao.permissions.in_scope`); migration 0006 places the existing data;
`jixiao org` manages it. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.queries import TableQuery
from jixiao.service import Forbidden, Invalid, OrgKind, Service
from jixiao.store.db import get_engine, upgrade
from jixiao.workflow import Action, Principal, Role, Status

PASSWORD = "a-long-enough-password-1"
FULIAN = "东莞市妇女联合会"
NAME = "购买社工岗位服务经费"


def _reviewer(service: Service, name: str, *orgs: str) -> Principal:
    service.add_user(name, PASSWORD, Role.REVIEWER, None, list(orgs))
    return service.principal_for(service.login(name, PASSWORD)[0])


def test_imports_place_departments_under_the_unknown_region(db_url: str, seed_path: Path) -> None:
    service = Service(db_url)
    service.import_path(seed_path)
    placed = {o.name: o for o in service.hierarchy()}
    assert placed["未知区划"].kind is OrgKind.REGION and placed["未知区划"].code == "000000"
    assert placed[FULIAN].kind is OrgKind.DEPARTMENT and placed[FULIAN].parent == "未知区划"


def test_a_region_reviewer_reviews_the_whole_subtree(db_url: str, seed_path: Path) -> None:
    service = Service(db_url)
    service.import_path(seed_path)
    service.place_org("东莞市", OrgKind.REGION, code="441900")
    service.place_org(FULIAN, OrgKind.DEPARTMENT, parent="东莞市")
    city = _reviewer(service, "city", "东莞市")
    elsewhere = _reviewer(service, "elsewhere", "未知区划")
    assert FULIAN in city.scope and FULIAN not in elsewhere.scope
    rows, total = service.list_tables(city, TableQuery(per_page=100))
    assert total == 17 and all(row.status == Status.DRAFT.value for row in rows)
    assert service.list_tables(elsewhere, TableQuery())[1] == 0
    table_id = int(service.list_tables(city, TableQuery(q=NAME))[0][0].id)
    owner = Principal(service.add_user("owner", PASSWORD, Role.FILLER, FULIAN), "owner", Role.FILLER, FULIAN)
    service.act(owner, table_id, Action.SUBMIT)
    assert [row.id for row in service.queue(city)[0]] == [table_id]
    with pytest.raises(Forbidden):
        service.act(elsewhere, table_id, Action.APPROVE)
    assert service.act(city, table_id, Action.APPROVE) is Status.APPROVED


def test_a_unit_under_a_department_is_in_its_reviewers_scope(db_url: str, seed_path: Path) -> None:
    service = Service(db_url)
    service.import_path(seed_path)
    service.place_org("某街道办事处", OrgKind.UNIT, parent=FULIAN)
    reviewer = _reviewer(service, "dept", FULIAN)
    assert "某街道办事处" in reviewer.scope
    filler = service.add_user("street", PASSWORD, Role.FILLER, "某街道办事处")
    assert filler
    street = service.principal_for(service.login("street", PASSWORD)[0])
    assert street.department == FULIAN  # a 填报人's department comes from the hierarchy


def test_placing_checks_kinds_and_cycles(db_url: str) -> None:
    service = Service(db_url)
    service.place_org("广东省", OrgKind.REGION, code="440000")
    service.place_org("东莞市", OrgKind.REGION, parent="广东省", code="441900")
    service.place_org("某部门", OrgKind.DEPARTMENT, parent="东莞市")
    with pytest.raises(Invalid, match="上级应是主管部门"):
        service.place_org("某单位", OrgKind.UNIT, parent="东莞市")
    with pytest.raises(Invalid, match="自己的下级"):
        service.place_org("广东省", OrgKind.REGION, parent="东莞市")
    with pytest.raises(Invalid, match="区划代码"):
        service.place_org("某区", OrgKind.REGION, code="12ab")
    with pytest.raises(Forbidden):
        service.place_org("x", OrgKind.REGION, by=Principal(1, "f", Role.FILLER, "某单位"))


def test_the_migration_places_existing_organisations(empty_url: str) -> None:
    url = empty_url
    upgrade(url, "0010_pending_adjustment")
    with get_engine(url).begin() as conn:
        for name in ("部门甲", "单位乙", "审核部门丙"):
            conn.execute(text("INSERT INTO orgs (name) VALUES (:n)"), {"n": name})
        ids = {str(name): int(key) for name, key in conn.execute(text("SELECT name, id FROM orgs"))}
        conn.execute(
            text(
                "INSERT INTO perf_tables (identity, name, unit_id, department_id, status, current_version,"
                " lock_version, outcome, errors, warnings, infos, risk, created_at, updated_at) VALUES"
                " ('x', '项目', :u, :d, 'draft', 1, 1, 'ok', 0, 0, 0, 0, '2025-01-01', '2025-01-01')"
            ),
            {"u": ids["单位乙"], "d": ids["部门甲"]},
        )
        conn.execute(
            text(
                "INSERT INTO users (username, display_name, password_hash, role, created_at, demo)"
                " VALUES ('r', '', 'x', 'reviewer', '2025-01-01', false)"
            )
        )
        uid = conn.execute(text("SELECT id FROM users WHERE username = 'r'")).scalar_one()
        conn.execute(
            text("INSERT INTO reviewer_departments (user_id, org_id) VALUES (:u, :o)"),
            {"u": uid, "o": ids["审核部门丙"]},
        )
    upgrade(url)
    placed = {o.name: o for o in Service(url).hierarchy()}
    assert (placed["部门甲"].kind, placed["部门甲"].parent) == (OrgKind.DEPARTMENT, "未知区划")
    assert (placed["审核部门丙"].kind, placed["审核部门丙"].parent) == (OrgKind.DEPARTMENT, "未知区划")
    assert (placed["单位乙"].kind, placed["单位乙"].parent) == (OrgKind.UNIT, "部门甲")
    assert placed["未知区划"].code == "000000"


def test_the_command_line_manages_the_hierarchy(sqlite_url: str, seed_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["import", str(seed_path), "--db", sqlite_url]).exit_code == 0
    made = runner.invoke(
        app, ["org", "place", "东莞市", "--kind", "region", "--code", "441900", "--db", sqlite_url]
    )
    assert made.exit_code == 0, made.output
    moved = runner.invoke(
        app, ["org", "place", FULIAN, "--kind", "department", "--parent", "东莞市", "--db", sqlite_url]
    )
    assert moved.exit_code == 0 and "东莞市" in moved.stdout
    bad = runner.invoke(
        app, ["org", "place", "某单位", "--kind", "unit", "--parent", "东莞市", "--db", sqlite_url]
    )
    assert bad.exit_code == 1 and "上级应是" in bad.output and "Traceback" not in bad.output
    listed = json.loads(runner.invoke(app, ["org", "list", "--db", sqlite_url, "--json"]).stdout)
    assert {"name": FULIAN, "kind": "department", "parent": "东莞市", "code": None} in listed
