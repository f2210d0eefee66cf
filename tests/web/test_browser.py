"""The whole lifecycle in a real browser (Debian's Chromium through Playwright), as each role.

The filler edits a seed table so that a finding appears and disappears while typing, saves and
submits; the reviewer returns it with a comment; the filler fixes it and submits again; the
reviewer compares the versions, approves and publishes; an anonymous visitor then sees it.
Screenshots of the main pages go to docs/screenshots/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jixiao.service import Service
from jixiao.web import Settings, create_app
from jixiao.workflow import Role
from tests.web.helpers import PASSWORD
from tests.web.live import SHOTS, chromium, serve

pytestmark = pytest.mark.browser

SEED_TABLE = "购买社工岗位服务经费"
FULIAN = "东莞市妇女联合会"


@pytest.fixture
def live_server(sqlite_url: str, seed_path: Path) -> Iterator[str]:
    service = Service(sqlite_url)
    assert service.import_path(seed_path).created == 17
    for name, role, unit, departments in (
        ("tianbao", Role.FILLER, FULIAN, ()),
        ("shenhe", Role.REVIEWER, None, (FULIAN,)),
        ("guanli", Role.ADMIN, None, ()),
    ):
        service.add_user(name, PASSWORD, role, unit, departments)
    with serve(create_app(Settings(database_url=sqlite_url))) as base:
        yield base


# What the Content-Security-Policy refused on any page (the templates must need no inline code).
CSP_VIOLATIONS: list[str] = []


@pytest.fixture
def browser() -> Iterator[Any]:
    CSP_VIOLATIONS.clear()
    with chromium() as launched:
        yield launched
    assert not CSP_VIOLATIONS, CSP_VIOLATIONS


def _page(browser: Any, base: str) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN", base_url=base)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            CSP_VIOLATIONS.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.set_default_timeout(10_000)
    return page


def _login(browser: Any, base: str, username: str) -> Any:
    page = _page(browser, base)
    page.on("dialog", lambda dialog: dialog.accept())  # 通过 and 公开 ask first
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    assert username in page.inner_text("[data-testid=whoami]")
    return page


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _annual_input(page: Any, indicator: str) -> Any:
    return page.locator(
        f'tr.indicator-row:has(input[name=indicator][value="{indicator}"]) input[name=annual]'
    )


def _live_codes(page: Any) -> str:
    return str(page.inner_text("[data-testid=live-findings]"))


def _open_seed_table(page: Any) -> None:
    page.goto("/tables")
    page.fill("input[name=q]", SEED_TABLE)
    page.click("form.filters button[type=submit]")
    page.click(f"table.list a:text-is('{SEED_TABLE}')")
    page.wait_for_selector("[data-testid=table-title]")


def test_lifecycle_in_the_browser(live_server: str, browser: Any) -> None:
    base = live_server
    visitor = _page(browser, base)
    visitor.goto("/tables")
    assert visitor.inner_text("[data-testid=total]") == "0"  # nothing is published yet

    filler = _login(browser, base, "tianbao")
    filler.goto("/tables")
    assert filler.inner_text("[data-testid=total]") == "17"
    _shot(filler, "list")
    _open_seed_table(filler)
    _shot(filler, "table")
    filler.click("[data-testid=edit]")
    annual = _annual_input(filler, "社工证持有率")
    annual.fill("120%")
    filler.wait_for_function(
        "() => document.querySelector('[data-testid=live-findings]').innerText.includes('JX-M03')"
    )
    assert "超过100%" in _live_codes(filler)
    _shot(filler, "editor-live-review")
    annual.fill("100%")
    filler.wait_for_function(
        "() => !document.querySelector('[data-testid=live-findings]').innerText.includes('JX-M03')"
    )
    annual.fill("120%")  # keep the mistake, for the reviewer to catch
    filler.click("[data-testid=save]")
    filler.wait_for_selector("[data-testid=flash]")
    assert filler.locator('tr[data-indicator="社工证持有率"] .badge:text-is("JX-M03")').count() == 1
    for explain in filler.locator("[data-testid=explain]").all():  # an 错误 is submitted with a reason
        explain.fill("按持证人次统计")
    filler.click("[data-testid=action-submit]")
    filler.wait_for_selector("text=当前状态：已提交")

    reviewer = _login(browser, base, "shenhe")
    reviewer.goto("/queue")
    assert reviewer.inner_text("[data-testid=total]") == "1"
    _shot(reviewer, "queue")
    reviewer.click(f"table.list a:text-is('{SEED_TABLE}')")
    reviewer.fill("textarea[name=comment]", "社工证持有率不能超过100%，请修改")
    reviewer.click("[data-testid=action-return]")
    reviewer.wait_for_selector("text=当前状态：退回")

    _open_seed_table(filler)
    assert "请修改" in filler.inner_text("[data-testid=return-comment]")
    filler.click("[data-testid=edit]")
    _annual_input(filler, "社工证持有率").fill("100%")
    filler.wait_for_function(
        "() => !document.querySelector('[data-testid=live-findings]').innerText.includes('JX-M03')"
    )
    filler.click("[data-testid=save]")
    filler.wait_for_selector("[data-testid=flash]")
    assert filler.locator('tr[data-indicator="社工证持有率"] .badge:text-is("JX-M03")').count() == 0
    filler.click("[data-testid=action-submit]")
    filler.wait_for_selector("text=当前状态：已提交")

    reviewer.goto("/queue")
    reviewer.click(f"table.list a:text-is('{SEED_TABLE}')")
    reviewer.click("[data-testid=compare]")
    assert "120%" in reviewer.inner_text("table.diff") and "100%" in reviewer.inner_text("table.diff")
    _shot(reviewer, "compare")
    reviewer.go_back()
    reviewer.click("[data-testid=action-approve]")
    reviewer.wait_for_selector("text=当前状态：已通过")
    reviewer.click("[data-testid=action-publish]")
    reviewer.wait_for_selector("text=当前状态：已公开")

    visitor.goto("/tables")
    assert visitor.inner_text("[data-testid=total]") == "1"
    visitor.click(f"table.list a:text-is('{SEED_TABLE}')")
    assert visitor.inner_text("[data-testid=table-title]") == SEED_TABLE
    assert visitor.locator("[data-testid=edit]").count() == 0
    _shot(visitor, "public-table")

    admin = _login(browser, base, "guanli")
    admin.goto("/")
    admin.wait_for_selector("#chart-status svg")
    assert admin.inner_text("[data-testid=kpi-tables]") == "17"
    _shot(admin, "dashboard")
    admin.goto("/audit")
    assert "公开" in admin.inner_text("table.list")  # actions in Chinese


def test_import_page_previews_then_stores(
    live_server: str, browser: Any, seed_path: Path, tmp_path: Path
) -> None:
    admin = _login(browser, live_server, "guanli")
    changed = tmp_path / "fulian-2025-revised.txt"
    changed.write_text(seed_path.read_text().replace("1200个\t1200个", "1250个\t1250个", 1))
    admin.goto("/import")
    admin.set_input_files("[data-testid=upload]", str(changed))
    admin.click("[data-testid=preview]", timeout=60_000)  # the upload is read in a worker process
    assert admin.inner_text("[data-testid=preview-count]") == "17"
    _shot(admin, "import-preview")
    admin.click("[data-testid=confirm]", timeout=60_000)  # confirming reads the file in a worker again
    admin.wait_for_selector("[data-testid=table-title]")  # one table changed: its page opens
    assert "第 2 版" in admin.inner_text("main")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    admin.goto("/import")
    admin.set_input_files("[data-testid=upload]", str(empty))
    admin.click("[data-testid=preview]")
    assert "是空的" in admin.inner_text("[data-testid=error]")


def test_download_buttons_give_files_that_read_back(
    live_server: str, browser: Any, tmp_path: Path, sqlite_url: str
) -> None:
    """The table page's Excel button and the list's PDF button for a filtered set, clicked; the
    files read back equal the stored tables."""
    from jixiao.queries import TableQuery
    from jixiao.readers.detect import read_any
    from jixiao.workflow import Principal

    admin = Principal(user_id=None, username="guanli", role=Role.ADMIN)  # the operator, as the CLI
    stored = Service(sqlite_url)

    filler = _login(browser, live_server, "tianbao")
    _open_seed_table(filler)
    _shot(filler, "downloads-table")
    with filler.expect_download() as info:
        filler.click("[data-testid=download-xlsx]")
    download = info.value
    assert download.suggested_filename == f"{SEED_TABLE}_2025.xlsx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    (table,), diagnostics = read_any(saved)
    assert diagnostics == [] and table == stored.export_tables(admin, TableQuery(q=SEED_TABLE), "xlsx")[0]

    filler.goto("/tables")
    filler.fill("input[name=q]", "购买")
    filler.click("form.filters button[type=submit]")
    total = int(filler.inner_text("[data-testid=total]"))
    assert 1 < total < 17
    _shot(filler, "downloads-list")
    with filler.expect_download(timeout=60_000) as info:
        filler.click("[data-testid=download-list-pdf]", timeout=60_000)  # the click waits for the PDF
    download = info.value
    assert download.suggested_filename == f"绩效目标表_含“购买”_{total}张.pdf"
    saved = tmp_path / "set.pdf"
    download.save_as(saved)
    tables, diagnostics = read_any(saved)
    assert diagnostics == [] and len(tables) == total
    assert tables == stored.export_tables(admin, TableQuery(q="购买", everywhere=True), "pdf")
