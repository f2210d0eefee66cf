"""In Chromium: a 填报人 drafts a table from the 指标库's suggestions; a unit's new entry passes the
主管部门's review and 财政's approval; a retired entry is no longer offered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jixiao.permissions import OPERATOR
from jixiao.service import Service
from jixiao.web import Settings, create_app
from jixiao.workflow import Role
from tests.web.helpers import PASSWORD
from tests.web.live import SHOTS, chromium, serve

pytestmark = pytest.mark.browser

FULIAN = "东莞市妇女联合会"
INSERTED = (
    "(name) => Array.from(document.querySelectorAll('input[name=indicator]')).some((i) => i.value === name)"
)
ROW_OF = (
    "(name) => Array.from(document.querySelectorAll('tr.indicator-row'))"
    ".findIndex((r) => r.querySelector('input[name=indicator]').value === name)"
)


@pytest.fixture
def live_server(sqlite_url: str, seed_path: Path) -> Iterator[str]:
    service = Service(sqlite_url)
    assert service.import_path(seed_path, published=True).created == 17
    service.add_user("tianbao", PASSWORD, Role.FILLER, FULIAN)
    service.add_user("shenhe", PASSWORD, Role.REVIEWER, None, (FULIAN,))
    service.add_user("guanli", PASSWORD, Role.ADMIN)
    service.build_library(OPERATOR)
    with serve(create_app(Settings(database_url=sqlite_url))) as base:
        yield base


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _login(browser: Any, base: str, username: str) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN", base_url=base)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(f"{base}/")
    return page


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _items(page: Any) -> None:
    page.wait_for_function("() => document.querySelectorAll('[data-testid=library-item]').length > 0")


def test_filler_drafts_a_table_from_library_suggestions(live_server: str, browser: Any) -> None:
    filler = _login(browser, live_server, "tianbao")
    filler.goto("/tables/new")
    filler.fill("#f-name", "2026年购买社工岗位服务经费")
    filler.fill("#f-budget", "100000")
    filler.click("#library-picker summary")
    filler.click("[data-testid=library-recommend]")
    _items(filler)
    reason = filler.locator("[data-testid=library-reason]").first.inner_text()
    assert "类项目使用" in reason and "个单位的" in reason
    recommended = filler.locator("[data-testid=library-item] strong").first.inner_text()
    filler.locator("[data-testid=library-insert]").first.click()
    filler.wait_for_function(INSERTED, arg=recommended)
    filler.fill("[data-testid=library-search]", "学员满意度")
    filler.click("[data-testid=library-search-go]")
    filler.wait_for_function(  # the list of this search (the recommendations' list is gone)
        "() => document.querySelector('[data-testid=library-note]').textContent.startsWith('找到')"
        " && Array.from(document.querySelectorAll('[data-testid=library-item] strong'))"
        ".some((s) => s.textContent.includes('满意'))"
    )
    satisfaction = filler.locator("[data-testid=library-item]", has_text="满意").first
    satisfaction_name = satisfaction.locator("strong").inner_text()
    satisfaction.locator("[data-testid=library-insert]").click()
    filler.wait_for_function(INSERTED, arg=satisfaction_name)
    inserted = filler.locator("tr.indicator-row").nth(filler.evaluate(ROW_OF, satisfaction_name))
    assert inserted.locator("input[name=level2]").input_value().startswith("服务对象满意度")  # in its group
    suggested = inserted.locator("input[name=annual]").input_value()
    assert suggested.startswith("≥") and suggested.endswith("%")  # with its unit, for the user to edit
    inserted.locator("input[name=annual]").fill("≥92%")
    inserted.locator("input[name=period]").fill("≥92%")
    _shot(filler, "library-drafting")
    filler.click("[data-testid=save]")
    filler.wait_for_selector("[data-testid=table-title]")
    names = filler.locator("tr[data-indicator]").evaluate_all(
        "(rows) => rows.map((r) => r.dataset.indicator)"
    )
    assert recommended in names and satisfaction_name in names
    assert "≥92%" in filler.inner_text("main")


def test_curators_approve_a_units_new_entry_and_retired_entries_are_not_offered(
    live_server: str, browser: Any, sqlite_url: str
) -> None:
    filler = _login(browser, live_server, "tianbao")
    filler.goto("/library")
    filler.click("[data-testid=library-new-request]")
    filler.fill("[data-testid=request-name]", "家庭教育讲座场次")
    filler.fill("[data-testid=request-level1]", "产出指标")
    filler.fill("[data-testid=request-level2]", "数量指标")
    filler.fill("[data-testid=request-unit]", "场")
    filler.fill("[data-testid=request-ref-value]", "12")
    filler.fill("[data-testid=request-reason]", "本单位新开展家庭教育讲座")
    filler.click("[data-testid=request-submit]")
    filler.wait_for_selector("[data-testid=library-done]")
    assert "等待主管部门审核" in filler.inner_text("[data-testid=library-done]")

    reviewer = _login(browser, live_server, "shenhe")
    reviewer.goto("/library/requests")
    reviewer.locator("[data-testid^=approve-]").first.click()
    reviewer.wait_for_selector("[data-testid=library-done]")
    assert "等待财政审定" in reviewer.inner_text("[data-testid=library-done]")

    admin = _login(browser, live_server, "guanli")
    admin.goto("/library/requests")
    row = admin.locator("[data-testid^=request-]", has_text="家庭教育讲座场次").first
    assert "待财政审定" in row.inner_text()
    row.locator("[data-testid^=approve-]").click()
    admin.wait_for_selector("[data-testid=library-done]")
    assert "已审定" in admin.inner_text("[data-testid=library-done]")
    admin.goto("/library?q=家庭教育讲座")
    admin.click("text=家庭教育讲座场次")
    admin.wait_for_selector("[data-testid=entry-status]")
    assert admin.inner_text("[data-testid=entry-status]") == "已审定"
    _shot(admin, "library-entry")

    # retiring, in the browser too: the unit asks, its department reviews, finance approves; the entry
    # is no longer offered, but the tables using it keep their link to the version they used
    offered = Service(sqlite_url).library_suggest("服务对象满意度")[0]
    filler.goto(f"/library/{offered['code']}")
    filler.click("[data-testid=request-retire]")
    assert filler.locator("[data-testid=request-code]").input_value() == offered["code"]
    filler.fill("[data-testid=request-reason]", "并入统一的满意度指标")
    filler.click("[data-testid=request-submit]")
    filler.wait_for_selector("[data-testid=library-done]")
    for curator, stage in ((reviewer, "等待财政审定"), (admin, "已审定")):
        curator.goto("/library/requests")
        row = curator.locator("[data-testid^=request-]", has_text="并入统一的满意度指标").first
        row.locator("[data-testid^=approve-]").click()
        curator.wait_for_selector("[data-testid=library-done]")
        assert stage in curator.inner_text("[data-testid=library-done]")

    filler.goto("/tables/new")
    filler.click("#library-picker summary")
    filler.fill("[data-testid=library-search]", "服务对象满意度")
    filler.click("[data-testid=library-search-go]")
    filler.wait_for_function(
        "() => document.querySelector('[data-testid=library-note]').textContent.length > 5"
    )
    shown = filler.locator("[data-testid=library-item] strong").evaluate_all(
        "(s) => s.map((x) => x.textContent)"
    )
    assert offered["name"] not in shown
    filler.goto(f"/library/{offered['code']}")
    assert filler.inner_text("[data-testid=entry-status]") == "已停用"
    assert "第 2 版" in filler.inner_text("[data-testid=entry-name]")  # retiring made a version
    using = filler.locator("[data-testid=tables-using] tbody tr")
    assert using.count() > 0
    assert all(
        t.endswith("第 1 版") for t in using.evaluate_all("(rows) => rows.map((r) => r.innerText.trim())")
    )
    _shot(filler, "library-retired")
