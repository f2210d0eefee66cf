"""A project across years and review with safeguards, through the service on SQLite and PostgreSQL:
last year's table (copied, matched, linked and unlinked by hand), the two comparisons, a reviewer's
comment on one indicator, a finding dismissed with a reason, and the submission rule on every path."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from jixiao.model import Table
from jixiao.permissions import OPERATOR
from jixiao.queries import EventRow, TableQuery, VersionRow
from jixiao.service import Conflict, Forbidden, Invalid, SeenFinding, Service
from jixiao.values import parse_target
from jixiao.workflow import ANONYMOUS, Action, Principal, Role, Status

UNIT = "东莞市妇女联合会"
SEED_TABLE = "购买社工岗位服务经费"
PASSWORD = "a-long-enough-password-1"


def _people(service: Service) -> tuple[Principal, Principal, Principal]:
    """The unit's 填报人, its department's 审核人, and a 填报人 of another unit."""
    owner = Principal(service.add_user("owner", PASSWORD, Role.FILLER, UNIT), "owner", Role.FILLER, UNIT)
    reviewer_id = service.add_user("rev", PASSWORD, Role.REVIEWER, None, [UNIT])
    reviewer = Principal(reviewer_id, "rev", Role.REVIEWER, departments=(UNIT,))
    stranger = Principal(
        service.add_user("other", PASSWORD, Role.FILLER, "别的单位"), "other", Role.FILLER, "别的单位"
    )
    return owner, reviewer, stranger


@pytest.fixture
def seeded(db_url: str, seed_path: Path) -> tuple[Service, int]:
    service = Service(db_url)
    assert service.import_path(seed_path).created == 17
    rows, _ = service.list_tables(OPERATOR, TableQuery(q=SEED_TABLE))
    return service, int(rows[0].id)


def _with_annual(table: Table, name: str, annual: str) -> Table:
    items = tuple(
        replace(i, annual=parse_target(annual, i.name)) if i.name == name else i for i in table.indicators
    )
    return replace(table, indicators=items)


def _save(service: Service, who: Principal, table_id: int, table: Table, reason: str | None = None) -> None:
    lock = service.table_view(who, table_id).row.lock_version
    service.save(who, table_id, table, lock, reason)


def test_a_copy_links_to_its_source_and_compares_with_last_year(seeded: tuple[Service, int]) -> None:
    service, source_id = seeded
    owner, reviewer, stranger = _people(service)
    copy = service.copy_for_new_year(owner, source_id)
    changed = _with_annual(copy, "社工证持有率", "98%")
    changed = replace(
        changed,
        indicators=changed.indicators[1:],  # one indicator dropped
        goals=replace(changed.goals, annual=changed.goals.annual + "新增妇女创业培训。"),
    )
    new_id = service.create_table(owner, changed, source_id)
    previous = service.previous_table(owner, new_id)
    assert previous is not None and previous["id"] == source_id and previous["how"] == "copy"
    comparison = service.compare_with_last_year(reviewer, new_id)
    assert comparison is not None and comparison.old_link == f"/tables/{source_id}"
    kinds = {(c.kind, c.place.split("／")[-1]) for c in comparison.changes}
    assert ("changed", "社工证持有率") in kinds and ("changed", "预算年度") in kinds
    assert any(kind == "removed" for kind, _ in kinds)
    goal_segments = dict(comparison.goals)["年度目标"]
    assert [s.text for s in goal_segments if s.kind == "added"] == ["新增妇女创业培训。"]
    with pytest.raises(Forbidden):  # a draft of another unit
        service.compare_with_last_year(stranger, new_id)
    events = service.table_view(owner, new_id).events
    assert (events[0].comment or "").startswith(f"复制自表 {source_id}")


def test_other_tables_match_by_unit_and_project_name_and_can_be_relinked(seeded: tuple[Service, int]) -> None:
    service, source_id = seeded
    owner, reviewer, _ = _people(service)
    table = service.copy_for_new_year(owner, source_id)
    renamed = replace(table, project=replace(table.project, name=f"2026年 {SEED_TABLE}（续）"))
    new_id = service.create_table(owner, renamed)  # made blank, not copied: no stored link
    previous = service.previous_table(owner, new_id)
    assert previous is None  # “（续）” is a different project name
    same = replace(table, project=replace(table.project, name=f"2026年度 {SEED_TABLE}"))
    same_id = service.create_table(owner, same)
    matched = service.previous_table(reviewer, same_id)
    assert matched is not None and matched["id"] == source_id and matched["how"] == "auto"

    service.link_previous(owner, same_id, None)  # unlinked by hand: the match is not offered again
    assert service.previous_table(owner, same_id) is None
    choices = [row.id for row in service.link_choices(owner, new_id)]
    assert source_id in choices and new_id not in choices and same_id not in choices  # earlier years only
    service.link_previous(owner, new_id, source_id)
    linked = service.previous_table(owner, new_id)
    assert linked is not None and linked["how"] == "manual"
    with pytest.raises(Invalid, match="早于"):
        service.link_previous(owner, source_id, new_id)
    with pytest.raises(Forbidden):
        service.link_previous(reviewer, new_id, None)
    history = service.table_view(owner, new_id).events
    assert history[-1].action == "link" and history[-1].user_id == owner.user_id
    assert {e["action"] for e in service.audit_entries(OPERATOR, same_id)} >= {"unlink"}


def test_a_reviewer_comments_on_one_indicator_until_it_is_resolved(seeded: tuple[Service, int]) -> None:
    service, table_id = seeded
    owner, reviewer, _ = _people(service)
    service.act(owner, table_id, Action.SUBMIT)
    place = ("产出指标", "质量指标", "社工证持有率")
    with pytest.raises(Forbidden):
        service.comment_indicator(owner, table_id, place, "自己给自己提意见")
    with pytest.raises(Invalid):
        service.comment_indicator(reviewer, table_id, place, "  ")
    comment_id = service.comment_indicator(reviewer, table_id, place, "持有率口径请写明")
    seen = service.indicator_comments(owner, table_id)
    assert [(c["place"], c["body"]) for c in seen] == [
        ("产出指标／质量指标／社工证持有率", "持有率口径请写明")
    ]
    last = service.table_view(owner, table_id).events[-1]
    assert (last.action, last.user_id, last.to_status) == ("comment", reviewer.user_id, "submitted")
    assert "社工证持有率：持有率口径请写明" in (last.comment or "")
    assert any(e["action"] == "comment" for e in service.audit_entries(OPERATOR, table_id))
    service.resolve_comment(owner, table_id, comment_id)
    assert service.indicator_comments(owner, table_id) == []
    assert len(service.indicator_comments(owner, table_id, open_only=False)) == 1
    with pytest.raises(Conflict):
        service.resolve_comment(reviewer, table_id, comment_id)


def test_comments_are_not_public(seeded: tuple[Service, int]) -> None:
    service, table_id = seeded
    owner, reviewer, stranger = _people(service)
    service.act(owner, table_id, Action.SUBMIT)
    service.comment_indicator(reviewer, table_id, ("产出指标", "质量指标", "社工证持有率"), "请核实")
    service.act(reviewer, table_id, Action.APPROVE, "同意。")
    service.act(reviewer, table_id, Action.PUBLISH)
    assert service.indicator_comments(ANONYMOUS, table_id) == []
    assert service.indicator_comments(stranger, table_id) == []
    assert len(service.indicator_comments(owner, table_id)) == 1


def test_errors_block_submission_on_every_path_until_explained_or_dismissed(
    seeded: tuple[Service, int],
) -> None:
    service, table_id = seeded
    owner, reviewer, _ = _people(service)
    table = service.table_view(owner, table_id).table
    _save(service, owner, table_id, _with_annual(table, "社工证持有率", "120%"))
    errors = service.errors_to_explain(owner, table_id)
    assert errors and all(e.place == "产出指标／质量指标／社工证持有率" for e in errors)
    with pytest.raises(Invalid, match="尚未说明"):
        service.act(owner, table_id, Action.SUBMIT)  # the CLI's and API's path, not only the web form's
    version = service.table_view(reviewer, table_id).row.current_version
    seen = {e.id: SeenFinding(version, e.code, e.place) for e in errors}
    with pytest.raises(Forbidden):
        service.dismiss_finding(owner, table_id, errors[0].id, "不是问题", seen[errors[0].id])
    with pytest.raises(Invalid):
        service.dismiss_finding(reviewer, table_id, errors[0].id, " ", seen[errors[0].id])
    for error in errors:
        service.dismiss_finding(
            reviewer, table_id, error.id, "持证率按持证人次计，可超过100%", seen[error.id]
        )
    with pytest.raises(Conflict, match="已被驳回"):
        service.dismiss_finding(reviewer, table_id, errors[0].id, "再驳回一次", seen[errors[0].id])
    view = service.table_view(owner, table_id)
    dismissed = [f for f in view.findings if f.dismissed]
    assert dismissed and (dismissed[0].dismissed or {})["reason"] == "持证率按持证人次计，可超过100%"
    assert view.events[-1].action == "dismiss" and view.events[-1].user_id == reviewer.user_id
    audit = [e for e in service.audit_entries(OPERATOR, table_id) if e["action"] == "dismiss"]
    assert audit and "可超过100%" in str(audit[0]["detail"])

    # the dismissal follows the finding into the next version (new rows, same rule, same place)
    edited = replace(view.table, goals=replace(view.table.goals, annual=view.table.goals.annual + "。"))
    _save(service, owner, table_id, edited)
    assert service.errors_to_explain(owner, table_id) == []
    assert service.act(owner, table_id, Action.SUBMIT) is Status.SUBMITTED


def test_explanations_travel_with_the_submission(seeded: tuple[Service, int]) -> None:
    service, table_id = seeded
    owner, reviewer, _ = _people(service)
    table = service.table_view(owner, table_id).table
    _save(service, owner, table_id, _with_annual(table, "社工证持有率", "120%"))
    errors = service.errors_to_explain(owner, table_id)
    explained = {e.id: "按人次计" for e in errors}
    service.act(owner, table_id, Action.SUBMIT, "请审核", explained)
    submitted = service.table_view(reviewer, table_id).events[-1].comment or ""
    assert submitted.startswith("请审核\n提交说明") and "产出指标／质量指标／社工证持有率" in submitted


def test_compare_for_review_is_against_the_last_approved_version(seeded: tuple[Service, int]) -> None:
    service, table_id = seeded
    owner, reviewer, _ = _people(service)
    table = service.table_view(owner, table_id).table
    _save(service, owner, table_id, _with_annual(table, "社工证持有率", "99%"))
    _save(service, owner, table_id, _with_annual(table, "社工证持有率", "98%"))
    assert service.compare_for_review(owner, table_id) is None  # two draft saves are no review
    service.act(owner, table_id, Action.SUBMIT)
    service.act(reviewer, table_id, Action.RETURN, "请再核实")
    _save(service, owner, table_id, _with_annual(table, "社工证持有率", "97%"))
    service.act(owner, table_id, Action.SUBMIT)
    again = service.compare_for_review(reviewer, table_id)
    assert again is not None and again.old_label == "上次提交审核的版本（第 3 版）"
    service.act(reviewer, table_id, Action.APPROVE, "同意。")
    approved = service.table_view(owner, table_id)
    assert approved.events[-1].comment == "同意。" and approved.events[-1].user_id == reviewer.user_id
    _save(service, owner, table_id, _with_annual(table, "社工证持有率", "96%"), reason="年中调整")
    comparison = service.compare_for_review(reviewer, table_id)
    assert comparison is not None
    assert comparison.old_label == "上次通过审核的版本（第 4 版）"
    assert comparison.new_label == "提交审核的版本（第 5 版）"
    assert [(c.kind, c.old.split("；")[-1], c.new.split("；")[-1]) for c in comparison.changes] == [
        ("changed", "年度 97%", "年度 96%")
    ]


def test_the_command_line_submits_under_the_same_rule(db_url: str, seed_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from jixiao.cli import app

    runner = CliRunner()
    service = Service(db_url)
    service.import_path(seed_path)
    rows, _ = service.list_tables(OPERATOR, TableQuery(q=SEED_TABLE))
    table_id = int(rows[0].id)
    _save(
        service,
        OPERATOR,
        table_id,
        _with_annual(service.table_view(OPERATOR, table_id).table, "社工证持有率", "120%"),
    )
    listed = runner.invoke(app, ["table", "findings", str(table_id), "--db", db_url, "--json"])
    errors = [f for f in json.loads(listed.stdout) if f["severity"] == "error"]
    assert errors and errors[0]["place"] == "产出指标／质量指标／社工证持有率"
    refused = runner.invoke(app, ["table", "submit", str(table_id), "--db", db_url])
    assert refused.exit_code == 1 and "尚未说明" in refused.output
    explain = [arg for f in errors for arg in ("--explain", f"{f['id']}=按持证人次计")]
    done = runner.invoke(app, ["table", "submit", str(table_id), "--db", db_url, *explain])
    assert done.exit_code == 0, done.output
    assert "已提交" in done.output


def test_notes_are_no_review_points() -> None:
    """A link, comment or dismissal records the status the table had: it is no approval to compare with."""
    from datetime import UTC, datetime, timedelta

    from jixiao.service import review_base

    start = datetime(2026, 1, 1, tzinfo=UTC)
    versions = [VersionRow(n, None, None, start + timedelta(hours=n)) for n in (1, 2)]

    def event(action: str, status: str, minutes: int) -> EventRow:
        return EventRow(minutes, 1, action, None, status, None, None, start + timedelta(minutes=minutes))

    events = [event("import", "draft", 0), event("link", "approved", 65)]
    assert review_base(versions, events, 2) is None
    events.append(event("approve", "approved", 69))
    assert review_base(versions, events, 2) == (1, "上次通过审核的版本")
