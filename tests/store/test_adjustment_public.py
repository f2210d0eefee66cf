"""During a 目标调整 the last published version stays public (issues 10 and 13), on SQLite and PostgreSQL.

The owner and the department's reviewer work on the adjustment; visitors, other units, the public
list, search, the JSON API items, downloads and the dashboard keep the published version until the
adjustment is approved and published. Re-import of a submitted/approved/published table is the same
adjustment, with a reason.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.formats.files import ExportFormat
from jixiao.queries import TableQuery
from jixiao.service import Conflict, Forbidden, Invalid, NotFound, Service
from jixiao.workflow import ANONYMOUS, Action, Principal, Role, Status

UNIT = DEPARTMENT = "东莞市妇女联合会"
PASSWORD = "a-long-enough-password-1"
NAME = "购买社工岗位服务经费"
PUBLIC_BUDGET = Decimal("0")  # set from the seed below
OLD_GOAL = "实施妇女与家庭支持援助服务计划项目"
NEW_GOAL = "调整后的年度目标：全年开展个案服务一百二十个"


def _people(service: Service) -> dict[str, Principal]:
    def add(name: str, role: Role, unit: str | None = None, departments: tuple[str, ...] = ()) -> Principal:
        uid = service.add_user(name, PASSWORD, role, unit, list(departments))
        return Principal(uid, name, role, unit, departments)

    return {
        "owner": add("owner", Role.FILLER, UNIT),
        "other_filler": add("other_filler", Role.FILLER, "别的单位"),
        "reviewer": add("reviewer", Role.REVIEWER, departments=(DEPARTMENT,)),
        "other_reviewer": add("other_reviewer", Role.REVIEWER, departments=("别的部门",)),
    }


def _published(db_url: str, seed_path: Path) -> tuple[Service, dict[str, Principal], int]:
    service = Service(db_url)
    service.import_path(seed_path, published=True)
    people = _people(service)
    rows, _ = service.list_tables(ANONYMOUS, TableQuery(q=NAME))
    global PUBLIC_BUDGET
    PUBLIC_BUDGET = service.dashboard(ANONYMOUS)["budget"]
    return service, people, int(rows[0].id)


def _adjusted_text(seed_path: Path) -> bytes:
    text = seed_path.read_text()
    return text.replace("1200个\t1200个", "1300个\t1300个", 1).replace(OLD_GOAL, NEW_GOAL, 1).encode()


def _annual_goal(service: Service, who: Principal, table_id: int) -> str:
    return service.table_view(who, table_id).table.goals.annual


def _consulting(service: Service, who: Principal, table_id: int) -> str:
    table = service.table_view(who, table_id).table
    return next(i.annual.raw for i in table.indicators if i.name.startswith("咨询服务数"))


def _start_adjustment(service: Service, owner: Principal, table_id: int) -> None:
    view = service.table_view(owner, table_id)
    table = view.table
    goals = replace(table.goals, annual=NEW_GOAL)
    indicators = tuple(
        replace(i, annual=replace(i.annual, raw="1300个")) if i.name.startswith("咨询服务数") else i
        for i in table.indicators
    )
    project = replace(table.project, budget=(table.project.budget or Decimal(0)) + 1000)
    changed = replace(table, project=project, goals=goals, indicators=indicators)
    service.save(owner, table_id, changed, view.row.lock_version, reason="服务量增加")


def _public_sees_the_old_version(service: Service, people: dict[str, Principal], table_id: int) -> None:
    for who in (ANONYMOUS, people["other_filler"], people["other_reviewer"]):
        view = service.table_view(who, table_id)
        assert view.row.status == Status.PUBLISHED.value
        assert OLD_GOAL in view.table.goals.annual
        assert _consulting(service, who, table_id) == "1200个"
        assert all(v.number <= view.row.current_version for v in view.versions)
        assert all(e.action != Action.ADJUST.value for e in view.events)
    item = service.table_item(ANONYMOUS, table_id)
    assert OLD_GOAL in item["goals"]["annual"] and item["status"] == "published"
    rows, total = service.list_tables(ANONYMOUS, TableQuery(q=NAME))
    assert total == 1 and rows[0].status == "published"
    assert service.list_tables(ANONYMOUS, TableQuery(indicator="1200个"))[1] >= 1
    assert service.list_tables(ANONYMOUS, TableQuery(indicator="1300个"))[1] == 0
    _, exported = service.table_file(ANONYMOUS, table_id, ExportFormat.JSON)
    assert OLD_GOAL in exported.data.decode("utf-8")
    figures = service.dashboard(ANONYMOUS)
    assert figures["by_status"] == {"published": 17} and figures["budget"] == PUBLIC_BUDGET
    with pytest.raises(NotFound):  # the adjustment's version is not the public's
        service.version(
            ANONYMOUS, table_id, service.table_view(people["owner"], table_id).row.current_version
        )


def test_a_visitor_keeps_the_published_version_until_the_adjustment_is_published(
    db_url: str, seed_path: Path
) -> None:
    service, people, table_id = _published(db_url, seed_path)
    owner, reviewer = people["owner"], people["reviewer"]
    public_before = service.list_tables(ANONYMOUS, TableQuery(status="published"))[1]

    _start_adjustment(service, owner, table_id)
    _public_sees_the_old_version(service, people, table_id)
    assert service.list_tables(ANONYMOUS, TableQuery(status="published"))[1] == public_before
    for who in (owner, reviewer):  # the owner and the department's reviewer see the adjustment
        view = service.table_view(who, table_id)
        assert view.row.status == Status.SUBMITTED.value and view.row.adjusting
        assert _annual_goal(service, who, table_id) == NEW_GOAL
        assert _consulting(service, who, table_id) == "1300个"
    assert table_id in [row.id for row in service.queue(reviewer)[0]]

    service.act(reviewer, table_id, Action.RETURN, "请补充调整依据")
    view = service.table_view(owner, table_id)
    assert view.can_edit and view.row.status == Status.RETURNED.value
    table = replace(view.table, goals=replace(view.table.goals, annual=NEW_GOAL + "（补充依据）"))
    service.save(owner, table_id, table, view.row.lock_version)  # the adjustment's draft, no reason
    service.act(owner, table_id, Action.SUBMIT)
    service.act(reviewer, table_id, Action.APPROVE, "同意。")
    _public_sees_the_old_version(service, people, table_id)

    service.act(reviewer, table_id, Action.PUBLISH)
    for who in (ANONYMOUS, owner, people["other_filler"]):
        view = service.table_view(who, table_id)
        assert view.row.status == Status.PUBLISHED.value and not view.row.adjusting
        assert view.table.goals.annual == NEW_GOAL + "（补充依据）"
        assert _consulting(service, who, table_id) == "1300个"
    assert service.list_tables(ANONYMOUS, TableQuery(indicator="1300个"))[1] == 1
    assert OLD_GOAL not in service.table_item(ANONYMOUS, table_id)["goals"]["annual"]


def test_withdrawing_an_adjustment_keeps_the_published_version(db_url: str, seed_path: Path) -> None:
    service, people, table_id = _published(db_url, seed_path)
    owner = people["owner"]
    _start_adjustment(service, owner, table_id)
    service.withdraw(owner, table_id)
    assert service.table_view(owner, table_id).row.status == Status.DRAFT.value
    _public_sees_the_old_version(service, people, table_id)
    with pytest.raises(Forbidden):  # a draft adjustment is not the reviewer's to approve
        service.act(people["reviewer"], table_id, Action.APPROVE)


def test_reimporting_a_published_table_is_an_adjustment_that_needs_a_reason(
    db_url: str, seed_path: Path
) -> None:
    service, people, table_id = _published(db_url, seed_path)
    owner = people["owner"]
    with pytest.raises(Invalid, match="调整理由"):
        service.import_bytes(_adjusted_text(seed_path), "changed.txt", who=owner)
    assert service.table_view(owner, table_id).row.status == Status.PUBLISHED.value
    report = service.import_bytes(_adjusted_text(seed_path), "changed.txt", who=owner, reason="服务量增加")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 16)
    view = service.table_view(owner, table_id)
    assert view.row.status == Status.SUBMITTED.value and view.row.adjusting
    assert view.versions[-1].reason == "服务量增加"
    _public_sees_the_old_version(service, people, table_id)
    again = service.import_bytes(_adjusted_text(seed_path), "changed.txt", who=owner, reason="再次")
    assert (again.updated, again.unchanged) == (0, 17)  # the same adjustment again changes nothing


def test_reimporting_submitted_and_approved_tables_is_an_adjustment(db_url: str, seed_path: Path) -> None:
    service = Service(db_url)
    service.import_path(seed_path)
    people = _people(service)
    owner, reviewer = people["owner"], people["reviewer"]
    table_id = int(service.list_tables(owner, TableQuery(q=NAME))[0][0].id)
    service.act(owner, table_id, Action.SUBMIT)
    with pytest.raises(Invalid, match="调整理由"):
        service.import_bytes(_adjusted_text(seed_path), "changed.txt", who=owner)
    service.import_bytes(_adjusted_text(seed_path), "changed.txt", who=owner, reason="修正咨询服务数")
    view = service.table_view(owner, table_id)
    assert (view.row.status, view.row.current_version) == (Status.SUBMITTED.value, 2)
    service.act(reviewer, table_id, Action.APPROVE)
    service.import_bytes(seed_path.read_bytes(), "back.txt", who=owner, reason="恢复原值")
    view = service.table_view(owner, table_id)
    assert (view.row.status, view.row.current_version) == (Status.SUBMITTED.value, 3)
    assert [e.action for e in view.events][-1] == Action.ADJUST.value


@pytest.mark.parametrize("persona", ["reviewer", "other_reviewer", "other_filler"])
def test_nobody_imports_into_a_unit_they_may_not_edit(db_url: str, seed_path: Path, persona: str) -> None:
    service, people, table_id = _published(db_url, seed_path)
    with pytest.raises(Forbidden):
        service.import_bytes(_adjusted_text(seed_path), "changed.txt", who=people[persona], reason="试图覆盖")
    assert service.table_view(people["owner"], table_id).row.current_version == 1


def test_two_saves_of_one_adjustment_conflict(db_url: str, seed_path: Path) -> None:
    service, people, table_id = _published(db_url, seed_path)
    owner = people["owner"]
    _start_adjustment(service, owner, table_id)
    service.act(people["reviewer"], table_id, Action.RETURN, "请修改")
    view = service.table_view(owner, table_id)
    service.save(owner, table_id, view.table, view.row.lock_version)
    with pytest.raises(Conflict):
        service.save(owner, table_id, view.table, view.row.lock_version)
    _public_sees_the_old_version(service, people, table_id)


def test_the_command_line_reimports_a_published_table_with_reason(
    sqlite_url: str, seed_path: Path, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from jixiao.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["import", str(seed_path), "--db", sqlite_url, "--published"]).exit_code == 0
    changed = tmp_path / "server" / "secret-dir" / "changed.txt"
    changed.parent.mkdir(parents=True)
    changed.write_bytes(_adjusted_text(seed_path))
    refused = runner.invoke(app, ["import", str(changed), "--db", sqlite_url])
    assert refused.exit_code == 1 and "调整理由" in refused.output and "Traceback" not in refused.output
    done = runner.invoke(app, ["import", str(changed), "--db", sqlite_url, "--reason", "服务量增加"])
    assert done.exit_code == 0 and "新版本 1 张" in done.stdout, done.output
    service = Service(sqlite_url)
    table_id = int(service.list_tables(ANONYMOUS, TableQuery(q=NAME))[0][0].id)
    assert OLD_GOAL in service.table_view(ANONYMOUS, table_id).table.goals.annual  # still public
    from jixiao.permissions import OPERATOR

    view = service.table_view(OPERATOR, table_id)
    assert view.row.adjusting and NEW_GOAL in view.table.goals.annual
    comments = [e.comment or "" for e in view.events] + [
        str(a) for a in service.audit_entries(OPERATOR, table_id)
    ]
    assert not any("secret-dir" in text for text in comments)  # the file's name, never its server path
