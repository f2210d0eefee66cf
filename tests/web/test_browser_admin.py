"""The administrator and the 填报人 in Chromium (issue 13), desktop and a 390 px phone: adding a user and
disabling one (who then cannot log in), editing the rule profile of a year (a bad value refused
beside its field, a good one changing that year's review), reading the audit log filtered; a
填报人 seeing their 待办 count in the header."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from jixiao.service import Service
from jixiao.web import Settings, create_app
from jixiao.workflow import Role
from tests.web.helpers import PASSWORD
from tests.web.live import SHOTS, chromium, serve

pytestmark = pytest.mark.browser

FULIAN = "东莞市妇女联合会"
PHONE = {"width": 390, "height": 844}
NEW_PASSWORD = "Lantern-river-57"


@pytest.fixture
def live_server(sqlite_url: str, seed_path: Path) -> Iterator[str]:
    service = Service(sqlite_url)
    assert service.import_path(seed_path).created == 17
    service.add_user("tianbao", PASSWORD, Role.FILLER, FULIAN)
    service.add_user("shenhe", PASSWORD, Role.REVIEWER, None, (FULIAN,))
    service.add_user("guanli", PASSWORD, Role.ADMIN)
    with serve(create_app(Settings(database_url=sqlite_url))) as base:
        httpx.get(
            f"{base}/login", timeout=120
        )  # warm up (templates, lazy imports) before Chromium's clock runs
        yield base


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _page(browser: Any, base: str, viewport: dict[str, int] | None = None) -> Any:
    context = browser.new_context(
        viewport=viewport or {"width": 1400, "height": 900}, locale="zh-CN", base_url=base
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def _login(browser: Any, base: str, username: str, password: str = PASSWORD,
           viewport: dict[str, int] | None = None) -> Any:  # fmt: skip
    page = _page(browser, base, viewport)
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(f"{base}/")
    return page


def _shot(page: Any, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def _no_sideways_scroll(page: Any) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_administrator_adds_a_user_and_disables_one(live_server: str, browser: Any) -> None:
    admin = _login(browser, live_server, "guanli")
    admin.click("#site-nav a[href='/admin/users']")
    admin.wait_for_url(f"{live_server}/admin/users")
    admin.fill("[data-testid=add-user] input[name=username]", "xinren")
    admin.fill("[data-testid=add-user] input[name=password]", "12345678")  # too weak: refused
    admin.select_option("[data-testid=add-user] select[name=role]", "filler")
    admin.fill("[data-testid=add-user] input[name=unit]", FULIAN)
    admin.click("[data-testid=add-user-submit]")
    admin.wait_for_selector("[data-testid=error-password]")
    assert "密码" in admin.inner_text("[data-testid=error-password]")
    assert admin.input_value("[data-testid=add-user] input[name=username]") == "xinren"  # kept
    _shot(admin, "admin-user-refused")
    admin.fill("[data-testid=add-user] input[name=password]", NEW_PASSWORD)
    admin.click("[data-testid=add-user-submit]")
    admin.wait_for_selector("[data-testid=done]")
    assert "已添加用户 xinren" in admin.inner_text("[data-testid=done]")
    assert admin.locator("tr[data-user=xinren]").count() == 1

    # the new user logs in and must first replace the password the administrator chose
    newcomer = _page(browser, live_server)
    newcomer.goto("/login")
    newcomer.fill("input[name=username]", "xinren")
    newcomer.fill("input[name=password]", NEW_PASSWORD)
    newcomer.press("input[name=password]", "Enter")
    newcomer.wait_for_selector("[data-testid=must-change]")
    newcomer.goto("/tables")  # every other page sends them back until it is done
    newcomer.wait_for_selector("[data-testid=must-change]")
    newcomer.fill("input[name=current]", NEW_PASSWORD)
    newcomer.fill("input[name=new]", "Kite-over-harbour-93")
    newcomer.fill("input[name=confirm]", "Kite-over-harbour-93")
    newcomer.press("input[name=confirm]", "Enter")
    newcomer.wait_for_selector("[data-testid=done]")
    newcomer.goto("/tables")
    assert "xinren" in newcomer.inner_text("[data-testid=whoami]")

    admin.click("[data-testid=toggle-tianbao]")
    admin.wait_for_selector("[data-testid=done]")
    assert "已停用用户 tianbao" in admin.inner_text("[data-testid=done]")
    assert admin.inner_text("tr[data-user=tianbao] [data-testid=state]") == "已停用"
    _shot(admin, "admin-users")
    admin.goto("/admin/orgs")
    admin.fill("[data-testid=add-org] input[name=name]", FULIAN)  # taken: refused beside the field
    admin.press("[data-testid=add-org] input[name=name]", "Enter")
    admin.wait_for_selector("[data-testid=error-name]")
    assert "已有名为" in admin.inner_text("[data-testid=error-name]")
    _shot(admin, "admin-orgs")
    admin.goto("/")
    admin.wait_for_selector("#chart-rule svg")
    assert "JX-" in admin.inner_text("[data-testid=table-rule]")
    _shot(admin, "dashboard-chart-tables")

    refused = _page(browser, live_server)
    refused.goto("/login")
    refused.fill("input[name=username]", "tianbao")
    refused.fill("input[name=password]", PASSWORD)
    refused.press("input[name=password]", "Enter")
    refused.wait_for_selector(".flash.error")
    assert "用户名或密码错误" in refused.inner_text(".flash.error")
    assert refused.url.endswith("/login")


def test_administrator_edits_the_profile_of_a_year(live_server: str, browser: Any) -> None:
    admin = _login(browser, live_server, "guanli")
    before = admin.request.get("/api/tables?per_page=100").json()["items"]
    assert any(t["outcome"] != "优" for t in before)
    admin.goto("/admin/profiles")
    admin.fill("[data-testid=open-year] input[name=year]", "2025")
    admin.press("[data-testid=open-year] input[name=year]", "Enter")
    admin.wait_for_selector("[data-testid=profile-form]")
    admin.fill("#f-budget_weight", "十分")
    admin.click("[data-testid=profile-save]")
    admin.wait_for_selector("[data-testid=error-budget_weight]")
    assert "预算执行率分值应填写数字" in admin.inner_text("[data-testid=error-budget_weight]")
    assert admin.get_attribute("#f-budget_weight", "aria-invalid") == "true"
    _shot(admin, "admin-profile-refused", full_page=False)
    admin.fill("#f-budget_weight", "10")
    # monitoring is part of the year's profile: crossed light lines are refused beside the field (Enter
    # submits); the warnings can be switched off, the required explanation (JX-J04) cannot
    assert admin.is_disabled("#check-JX-J04") and admin.is_checked("#check-JX-J04")
    admin.fill("#f-red_below", "80")
    admin.fill("#f-yellow_below", "60")
    admin.press("#f-yellow_below", "Enter")
    admin.wait_for_selector("[data-testid=error-yellow_below]")
    assert "黄灯线60应高于红灯线80" in admin.inner_text("[data-testid=error-yellow_below]")
    assert admin.input_value("#f-budget_weight") == "10"  # what was typed stays
    admin.fill("#f-red_below", "50")
    admin.fill("#f-yellow_below", "70")
    admin.uncheck("#check-JX-J06")
    for box in admin.query_selector_all("[data-testid=profile-rules] input[type=checkbox]"):
        box.uncheck()  # every rule off for 2025
    admin.click("[data-testid=profile-save]")
    admin.wait_for_selector("[data-testid=done]")
    assert "重新审核了17张表" in admin.inner_text("[data-testid=done]")
    after = admin.request.get("/api/tables?per_page=100").json()["items"]
    assert all(t["outcome"] == "优" for t in after)
    admin.goto("/admin/profiles/2025")
    assert admin.input_value("#f-red_below") == "50" and not admin.is_checked("#check-JX-J06")
    _shot(admin, "admin-profile")
    phone = _login(browser, live_server, "guanli", viewport=PHONE)
    pages = (
        ("/admin/profiles/2025", "phone-admin-profile"),
        ("/admin/orgs", "phone-admin-orgs"),
        ("/", None),
    )
    for path, name in pages:
        phone.goto(path)
        _no_sideways_scroll(phone)
        if name:
            _shot(phone, name, full_page=False)


def test_administrator_reads_the_audit_log_filtered(live_server: str, browser: Any) -> None:
    failed = _page(browser, live_server)
    failed.goto("/login")
    failed.fill("input[name=username]", "tianbao")
    failed.fill("input[name=password]", "Wrong-pass-00")
    failed.press("input[name=password]", "Enter")
    failed.wait_for_selector(".flash.error")
    admin = _login(browser, live_server, "guanli")
    admin.goto("/audit")
    admin.select_option("[data-testid=audit-filter] select[name=action]", "login")
    admin.select_option("[data-testid=audit-filter] select[name=outcome]", "failure")
    admin.click("[data-testid=audit-apply]")
    admin.wait_for_url("**/audit?*action=login*")
    actions = admin.locator("[data-testid=audit-action]").all_inner_texts()
    assert actions and set(actions) == {"登录"}
    assert "失败" in admin.inner_text("[data-testid=audit-rows]")
    _shot(admin, "admin-audit")
    with admin.expect_download() as download:
        admin.click("[data-testid=audit-csv]")
    assert download.value.suggested_filename == "审计日志.csv"
    phone = _login(browser, live_server, "guanli", viewport=PHONE)
    phone.goto("/audit")
    _no_sideways_scroll(phone)
    _shot(phone, "phone-admin-audit", full_page=False)
    phone.goto("/admin/users")
    _no_sideways_scroll(phone)
    _shot(phone, "phone-admin-users", full_page=False)


def test_filler_sees_the_todo_count_in_the_header(live_server: str, browser: Any) -> None:
    filler = _login(browser, live_server, "tianbao")
    badge = filler.wait_for_selector("[data-testid=todo-badge]")
    count = int(badge.inner_text())
    assert count > 0
    filler.click("[data-testid=nav-todo]")
    filler.wait_for_url(f"{live_server}/todo")
    assert int(filler.inner_text("[data-testid=todo-total]")) == count
    assert int(filler.inner_text("[data-testid=todo-count-drafts]")) > 0
    _shot(filler, "todo")
    phone = _login(browser, live_server, "tianbao", viewport=PHONE)
    phone.goto("/todo")
    _no_sideways_scroll(phone)
    _shot(phone, "phone-todo", full_page=False)
    reviewer = _login(browser, live_server, "shenhe")
    assert reviewer.locator("[data-testid=todo-badge]").count() == 0  # nothing submitted yet
