"""A 填报人 in Chromium: starts tables on the web and never loses what they typed.

Desktop and a 390 px phone: the blank official form with live review from the first keystroke; a
copy of last year's table; a failed save; a removed row brought back; the session ending while the
editor is open (the login dialog, and the full login page with the form restored after it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete

from jixiao.service import Service
from jixiao.store.db import get_engine
from jixiao.store.schema import sessions
from jixiao.web import Settings, create_app
from jixiao.workflow import Role
from tests.web.helpers import PASSWORD
from tests.web.live import SHOTS, chromium, serve

pytestmark = pytest.mark.browser

SEED_TABLE = "购买社工岗位服务经费"
FULIAN = "东莞市妇女联合会"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def live_server(sqlite_url: str, seed_path: Path) -> Iterator[str]:
    service = Service(sqlite_url)
    assert service.import_path(seed_path).created == 17
    service.add_user("tianbao", PASSWORD, Role.FILLER, FULIAN)
    service.add_user("shenhe", PASSWORD, Role.REVIEWER, None, (FULIAN,))
    with serve(create_app(Settings(database_url=sqlite_url))) as base:
        yield base


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _login(browser: Any, base: str, username: str = "tianbao", viewport: dict[str, int] | None = None) -> Any:
    context = browser.new_context(
        viewport=viewport or {"width": 1400, "height": 900}, locale="zh-CN", base_url=base
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")  # Enter submits
    page.wait_for_url(f"{base}/")
    return page


def _shot(page: Any, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def _seed_id(page: Any) -> int:
    return int(page.request.get(f"/api/tables?q={SEED_TABLE}").json()["items"][0]["id"])


def _live_text(page: Any) -> str:
    return str(page.inner_text("[data-testid=live-findings]"))


def _end_sessions(url: str) -> None:
    with get_engine(url).begin() as conn:
        conn.execute(delete(sessions))


def test_filler_creates_a_table_from_the_blank_form(live_server: str, browser: Any) -> None:
    filler = _login(browser, live_server)
    filler.goto("/tables")
    filler.click("[data-testid=new-table]")
    filler.wait_for_url("**/tables/new")
    assert filler.input_value("#f-unit") == FULIAN
    level2s = filler.locator("input[name=level2]").evaluate_all("(inputs) => inputs.map((i) => i.value)")
    assert (
        level2s[:3] == ["经济成本指标", "社会成本指标", "生态环境成本指标"]
        and "服务对象满意度指标" in level2s
    )
    row = filler.locator("tr.indicator-row:has(input[name=level2][value='数量指标'])")
    row.locator("input[name=indicator]").fill("培训人次")
    row.locator("input[name=annual]").fill("300人次")
    filler.wait_for_function(
        "() => document.querySelector('[data-testid=live-findings]').innerText.includes('审核结论')"
    )  # reviewed from the first keystroke, before the project has a name
    filler.fill("#f-name", "妇女创业培训")
    filler.fill("#f-budget", "15万")
    satisfaction = filler.locator("tr.indicator-row:has(input[name=level2][value='服务对象满意度指标'])")
    satisfaction.locator("input[name=indicator]").fill("学员满意度")
    satisfaction.locator("input[name=annual]").fill("≥90%")
    cost = filler.locator("tr.indicator-row:has(input[name=level2][value='经济成本指标'])")
    cost.locator("input[name=indicator]").fill("人均培训成本")
    cost.locator("input[name=annual]").fill("≤500元")
    cost.locator(".add-below").click()  # a second 经济成本 row, right below the first
    added = filler.locator("tr.indicator-row").nth(1)
    assert added.locator("input[name=level2]").input_value() == "经济成本指标"
    added.locator("input[name=indicator]").fill("场地租金")
    added.locator("input[name=annual]").fill("≤1万元")
    _shot(filler, "new-table")
    filler.click("[data-testid=save]")
    filler.wait_for_selector("[data-testid=error-budget]")
    assert "150000" in filler.inner_text("[data-testid=error-budget]")
    assert filler.evaluate("document.activeElement.id") == "f-budget"  # focus on the field to correct
    assert filler.input_value("#f-name") == "妇女创业培训"  # everything typed is still there
    assert filler.locator("input[name=indicator][value='场地租金']").count() == 1
    _shot(filler, "new-table-failed-save")
    filler.fill("#f-budget", "150000")
    filler.click("[data-testid=save]")
    filler.wait_for_selector("[data-testid=table-title]")
    assert "已新建为本单位的草稿" in filler.inner_text("[data-testid=flash]")
    names = filler.locator("tr[data-indicator]").evaluate_all(
        "(rows) => rows.map((r) => r.dataset.indicator)"
    )
    assert names[:2] == ["人均培训成本", "场地租金"] and names[-1] == "学员满意度"


def test_filler_copies_last_years_table(live_server: str, browser: Any) -> None:
    filler = _login(browser, live_server)
    source_id = _seed_id(filler)
    filler.goto(f"/tables/{source_id}")
    filler.click("[data-testid=copy]")
    filler.wait_for_selector("[data-testid=copy-note]")
    assert filler.input_value("#f-year") == "2026"
    filler.click("[data-testid=save]")
    filler.wait_for_selector("[data-testid=table-title]")
    assert filler.inner_text("[data-testid=table-title]") == SEED_TABLE
    assert f"复制自表 {source_id}" in filler.inner_text("main")
    assert filler.url != f"{live_server}/tables/{source_id}"


def test_nothing_is_lost_through_removal_failed_save_and_expired_session(
    live_server: str, browser: Any, sqlite_url: str
) -> None:
    filler = _login(browser, live_server)
    table_id = _seed_id(filler)
    filler.goto(f"/tables/{table_id}/edit")
    rows = filler.locator("tr.indicator-row")
    count = rows.count()
    first_name = rows.nth(0).locator("input[name=indicator]").input_value()
    rows.nth(0).locator(".remove-row").click()
    assert rows.count() == count - 1
    assert first_name in filler.inner_text("[data-testid=undo-bar]")
    _shot(filler, "editor-undo", full_page=False)
    filler.click("[data-testid=undo]")
    assert rows.count() == count and rows.nth(0).locator("input[name=indicator]").input_value() == first_name

    goals = filler.locator("textarea[name=goals_annual]")
    goals.fill("登录过期前写下的年度目标")
    _end_sessions(sqlite_url)  # the session ends while the editor is open
    filler.locator("input[name=annual]").first.fill("1250个")
    filler.wait_for_selector("[data-testid=session-expired]")
    assert "登录已过期" in _live_text(filler) and "用户名" not in _live_text(filler)
    _shot(filler, "editor-session-expired")
    # let every live-review answer land first: a later one replaces the panel holding the button
    filler.wait_for_load_state("networkidle")
    filler.click("[data-testid=relogin]")
    filler.wait_for_selector("#relogin[open]")
    filler.fill("#relogin input[name=password]", PASSWORD)
    _shot(filler, "editor-relogin-dialog", full_page=False)
    filler.click("[data-testid=relogin-submit]")
    filler.wait_for_function(
        "() => document.querySelector('[data-testid=live-findings]').innerText.includes('审核结论')"
    )  # the review runs again, in the renewed session
    assert goals.input_value() == "登录过期前写下的年度目标"

    _end_sessions(sqlite_url)  # and once more, this time the user just presses 保存
    goals.fill("第二次过期前写下的年度目标")
    filler.click("[data-testid=save]")
    filler.wait_for_selector("[data-testid=expired]")
    filler.fill("input[name=username]", "tianbao")
    filler.fill("input[name=password]", PASSWORD)
    filler.press("input[name=password]", "Enter")
    filler.wait_for_selector("[data-testid=draft-restored]")
    assert goals.input_value() == "第二次过期前写下的年度目标"
    assert filler.locator("input[name=annual]").first.input_value() == "1250个"
    _shot(filler, "editor-draft-restored")
    filler.click("[data-testid=save]")
    filler.wait_for_selector("[data-testid=flash]")
    assert "第二次过期前写下的年度目标" in filler.inner_text("main")


def test_leaving_a_changed_form_asks_first(live_server: str, browser: Any) -> None:
    filler = _login(browser, live_server)
    filler.goto(f"/tables/{_seed_id(filler)}/edit")
    filler.locator("textarea[name=goals_annual]").fill("改了但没保存")
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    filler.on("dialog", answer)
    filler.close(run_before_unload=True)
    filler.wait_for_timeout(500)
    assert asked == ["beforeunload"]


def test_phone_editor_and_blank_form(live_server: str, browser: Any) -> None:
    filler = _login(browser, live_server, viewport=PHONE)
    filler.goto("/tables/new")
    width = filler.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1  # nothing pushes the page sideways
    _shot(filler, "phone-new-table")
    filler.goto(f"/tables/{_seed_id(filler)}/edit")
    assert filler.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    _shot(filler, "phone-editor")


def test_submit_with_explanation_then_reviewer_approves_with_an_opinion(
    live_server: str, browser: Any
) -> None:
    filler = _login(browser, live_server)
    table_id = _seed_id(filler)
    filler.goto(f"/tables/{table_id}/edit")
    filler.locator(
        'tr.indicator-row:has(input[name=indicator][value="社工证持有率"]) input[name=annual]'
    ).fill("120%")
    filler.click("[data-testid=save]")
    filler.wait_for_selector("[data-testid=submit-form]")
    filler.click("[data-testid=action-submit]")  # the browser asks for the reasons first (required)
    assert filler.locator("[data-testid=submit-form]").count() == 1
    for explain in filler.locator("[data-testid=explain]").all():
        explain.fill("持证率按持证人次计算，可超过100%")
    _shot(filler, "submit-with-explanation", full_page=False)
    filler.click("[data-testid=action-submit]")
    filler.wait_for_selector("text=当前状态：已提交")
    assert filler.locator("[data-testid=action-withdraw]").count() == 1

    reviewer = _login(browser, live_server, "shenhe")
    reviewer.goto("/queue")
    assert "2025" in reviewer.inner_text("table.list") and "风险" in reviewer.inner_text("table.list")
    _shot(reviewer, "queue-risk")
    reviewer.goto(f"/tables/{table_id}")
    assert "持证率按持证人次计算" in reviewer.inner_text("[data-testid=submit-comment]")
    reviewer.fill("[data-testid=approve-comment]", "同意。")
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept()

    reviewer.on("dialog", answer)
    reviewer.click("[data-testid=action-approve]")
    reviewer.wait_for_selector("text=当前状态：已通过")
    assert asked and "锁定" in asked[0]
    history = reviewer.inner_text("ol.events")
    assert "审核人 shenhe 通过：已提交 → 已通过" in history and "意见：同意。" in history
    assert "填报人 tianbao 提交：草稿 → 已提交" in history
    _shot(reviewer, "table-history")


def test_phone_menu_login_and_lists(live_server: str, browser: Any) -> None:
    context = browser.new_context(viewport=PHONE, locale="zh-CN", base_url=live_server)
    visitor = context.new_page()
    visitor.goto("/")
    login = visitor.locator("header a.button:text-is('登录')")
    box = login.bounding_box()
    assert box and box["x"] + box["width"] <= PHONE["width"] and box["y"] < 120  # on screen, at the top
    header = visitor.locator("header").bounding_box()
    assert header and header["height"] < 120
    assert not visitor.locator("#site-nav").is_visible()
    visitor.click("[data-testid=menu-toggle]")
    assert visitor.locator("#site-nav a:text-is('绩效目标表')").is_visible()
    _shot(visitor, "phone-menu", full_page=False)
    filler = _login(browser, live_server, viewport=PHONE)
    filler.goto("/tables?q=满意度")
    assert filler.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    assert "匹配：" in filler.inner_text("table.list")
    _shot(filler, "phone-list", full_page=False)
    filler.goto(f"/tables/{_seed_id(filler)}")
    assert filler.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    _shot(filler, "phone-table", full_page=False)


def test_keyboard_skip_link_and_enter(live_server: str, browser: Any) -> None:
    filler = _login(browser, live_server)  # logged in with Enter in the password field
    filler.goto("/tables")
    filler.keyboard.press("Tab")
    assert filler.evaluate("document.activeElement.textContent") == "跳到正文"
    filler.keyboard.press("Enter")
    assert filler.evaluate("document.activeElement.id") == "main"
    filler.fill("input[name=q]", "满意度")
    filler.press("input[name=q]", "Enter")
    filler.wait_for_url("**/tables?q=*")
    assert "匹配：" in filler.inner_text("table.list")


def test_session_cookie_gone_still_gives_the_notice(live_server: str, browser: Any) -> None:
    """The browser dropped the session cookie (it expired there first): the same notice, never the
    login page inside the 实时审核 panel, and the dialog logs in again without leaving the page."""
    filler = _login(browser, live_server)
    filler.goto(f"/tables/{_seed_id(filler)}/edit")
    filler.context.clear_cookies(name="jixiao_session")
    filler.locator("textarea[name=goals_annual]").fill("浏览器丢了会话之后写的")
    filler.wait_for_selector("[data-testid=session-expired]")
    assert "用户名" not in _live_text(filler)
    # let every live-review answer land first: a later one replaces the panel holding the button
    filler.wait_for_load_state("networkidle")
    filler.click("[data-testid=relogin]")
    filler.wait_for_selector("#relogin[open]")
    filler.fill("#relogin input[name=password]", PASSWORD)
    filler.click("[data-testid=relogin-submit]")
    filler.wait_for_function(
        "() => document.querySelector('[data-testid=live-findings]').innerText.includes('审核结论')"
    )
    assert filler.locator("textarea[name=goals_annual]").input_value() == "浏览器丢了会话之后写的"
