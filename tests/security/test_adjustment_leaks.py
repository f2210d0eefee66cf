"""During a 目标调整 each viewer sees the version they may see (issue 10): the public and other units
the published version — name, budget, goals, indicators, findings — on every list, search,
dashboard, page, API and download; the owning 填报人 and the department's 审核人 the adjustment, with
the adjustment's own findings; and a finding dismissed on the adjustment leaves the published
version's findings as they were.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import select

from jixiao.permissions import OPERATOR
from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.store.db import get_engine
from jixiao.store.review_notes import dismissals
from jixiao.store.schema import finding_dismissals
from jixiao.workflow import ANONYMOUS, Action

SOURCE = "购买社工岗位服务经费"
DRAFT_NAME = "购买社工岗位服务经费（调整草稿甲乙）"
DRAFT_GOAL = "调整草稿的年度目标丙丁"
DRAFT_VALUE = "1357个"
PUBLISHED_VALUE = "1200个"

# what the public may fetch: lists, search, dashboard, the page, the API and the downloads
PUBLIC_PATHS = [
    "/",
    "/tables",
    f"/tables?q={quote(SOURCE)}",
    "/api/tables?per_page=100",
    f"/api/tables?q={quote(SOURCE)}",
    "/api/dashboard",
    "/api/tables/export?format=json",
    "/api/tables/export?format=csv",
    "/tables/download.json",
    "/tables/download.csv",
    "/open-data/tables.json",
    "/open-data/tables.csv",
    "/tables/{id}",
    "/api/tables/{id}",
    "/tables/{id}/document.json",
    "/tables/{id}/document.csv",
    "/tables/{id}/download.json",
    "/tables/{id}/download.csv",
    "/api/library/review/{id}",
]
DRAFT_MARKS = (DRAFT_NAME, DRAFT_GOAL, DRAFT_VALUE)


def _adjust(service: Service, table_id: int) -> None:
    """The owner's 目标调整: a new name, budget, goal and value, and a 基本信息 finding the published
    version does not have (the 项目负责人 left empty)."""
    view = service.table_view(OPERATOR, table_id)
    table = view.table
    indicators = tuple(
        replace(i, annual=replace(i.annual, raw=DRAFT_VALUE)) if i.annual.raw == PUBLISHED_VALUE else i
        for i in table.indicators
    )
    budget = (table.project.budget or Decimal(0)) + Decimal("1000")
    project = replace(table.project, name=DRAFT_NAME, budget=budget)
    changed = replace(
        table, project=project, goals=replace(table.goals, annual=DRAFT_GOAL), indicators=indicators
    )
    service.save(OPERATOR, table_id, changed, view.row.lock_version, reason="调整测试")


@pytest.fixture
def adjusting(seeded_url: str) -> tuple[str, int]:
    """The seed's 购买社工岗位服务经费 published, then adjusted (submitted for review)."""
    service = Service(seeded_url)
    rows, _ = service.list_tables(OPERATOR, TableQuery(q=SOURCE))
    table_id = rows[0].id
    for action in (Action.SUBMIT, Action.APPROVE, Action.PUBLISH):
        view = service.table_view(OPERATOR, table_id)
        errors = {f.id: "测试说明" for f in view.findings if f.severity == "error"}
        service.act(OPERATOR, table_id, action, "同意。", errors if action is Action.SUBMIT else None)
    _adjust(service, table_id)
    return seeded_url, table_id


@pytest.mark.parametrize("persona", [None, "outsider", "othereviewer"])
def test_the_public_and_other_units_see_no_draft_anywhere(
    app_factory: Any, adjusting: tuple[str, int], persona: str | None
) -> None:
    _, table_id = adjusting
    browser = app_factory(persona)
    for path in PUBLIC_PATHS:
        response = browser.get(path.format(id=table_id))
        assert response.status_code == 200, (path, response.status_code)
        text = response.content.decode("utf-8-sig")
        for mark in DRAFT_MARKS:
            assert mark not in text, (path, mark)
    page = browser.get(f"/tables/{table_id}").text
    assert SOURCE in page and PUBLISHED_VALUE in page
    for search in (f"q={quote(DRAFT_NAME)}", f"indicator={quote(DRAFT_VALUE)}"):  # no draft in search
        assert browser.get(f"/api/tables?{search}").json()["total"] == 0, search
    assert SOURCE in str(browser.get(f"/api/tables?q={quote(SOURCE)}").json()["items"])


def test_the_public_budget_and_counts_stay_those_published(
    app_factory: Any, adjusting: tuple[str, int]
) -> None:
    url, table_id = adjusting
    service = Service(url)
    published_budget = service.table_view(ANONYMOUS, table_id).table.project.budget
    figures = app_factory().get("/api/dashboard").json()
    assert figures["by_status"].get("published") == 1
    assert Decimal(figures["budget"]) == Decimal(str(published_budget))
    item = app_factory().get(f"/api/tables/{table_id}").json()
    assert Decimal(str(item["project"]["budget"])) == published_budget


@pytest.mark.parametrize("persona", ["tianbao", "shenhe", "guanli"])
def test_the_owner_and_reviewers_see_the_adjustment(
    app_factory: Any, adjusting: tuple[str, int], persona: str
) -> None:
    _, table_id = adjusting
    browser = app_factory(persona)
    page = browser.get(f"/tables/{table_id}").text
    assert DRAFT_NAME in page and DRAFT_GOAL in page and DRAFT_VALUE in page
    item = browser.get(f"/api/tables/{table_id}").json()
    assert item["project"]["name"] == DRAFT_NAME and item["status"] == "submitted"
    listed = browser.get(f"/api/tables?q={quote(SOURCE)}").json()["items"]
    assert [i["project"]["name"] for i in listed if i["id"] == table_id] == [DRAFT_NAME]
    rows = browser.get("/tables?per_page=100").text
    assert DRAFT_NAME in rows  # the list names the version the page opens


def _published_findings(url: str, table_id: int) -> list[tuple[str, str | None]]:
    view = Service(url).table_view(ANONYMOUS, table_id)
    return [(f.code, f.message) for f in view.findings]


def test_findings_and_dismissals_address_the_version_seen(
    app_factory: Any, adjusting: tuple[str, int]
) -> None:
    url, table_id = adjusting
    reviewer = app_factory("shenhe")
    seen = reviewer.get(f"/api/tables/{table_id}").json()["findings"]
    adjustment_only = {(f["code"], f["message"]) for f in seen} - set(_published_findings(url, table_id))
    assert adjustment_only, "the adjustment's own findings (its review, made now) are the reviewer's"
    before = _published_findings(url, table_id)
    target = next(f for f in seen if (f["code"], f["message"]) in adjustment_only)

    done = reviewer.dismiss(table_id, target["id"], "调整中可以接受")
    assert done.status_code == 303, done.text[-400:]
    after = reviewer.get(f"/api/tables/{table_id}").json()["findings"]
    assert next(f for f in after if f["id"] == target["id"])["dismissed"]["reason"] == "调整中可以接受"
    assert _published_findings(url, table_id) == before
    service = Service(url)
    published = service.table_view(ANONYMOUS, table_id).row.current_version
    adjustment = service.table_view(OPERATOR, table_id).row.current_version
    with get_engine(url).connect() as conn:
        made = conn.execute(select(finding_dismissals.c.from_version)).scalars().all()
        assert made == [adjustment] and adjustment > published
        assert dismissals(conn, table_id, published) == []  # the published version's are untouched
        assert len(dismissals(conn, table_id, adjustment)) == 1
