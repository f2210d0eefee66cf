"""A journalist in a real browser (Debian's Chromium through Playwright), not logged in: from the list
of target tables to the published self-evaluations that do not add up, into one, and the finding on
its row; then the target table with its self-evaluation beside it. Screenshots (desktop and 390 px)
go to tests/out/screenshots, or docs/screenshots with JIXIAO_SCREENSHOTS=docs/screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jixiao.service import Service
from jixiao.web import Settings, create_app
from tests.selfeval_samples import AGREES, SAMPLE
from tests.web.live import SHOTS, chromium, serve

pytestmark = pytest.mark.browser

CSP: list[str] = []


@pytest.fixture
def live_server(sqlite_url: str, seed_path: Path) -> Iterator[str]:
    service = Service(sqlite_url)
    assert service.import_path(seed_path, published=True).created == 17
    assert service.import_text(SAMPLE, "购买社工岗位服务经费自评表.txt").selfevaluation_ids
    assert service.import_text(AGREES, "维权热线自评表.txt").selfevaluation_ids
    with serve(create_app(Settings(database_url=sqlite_url))) as base:
        yield base


def _page(browser: Any, base: str, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN", base_url=base)
    page = context.new_page()
    page.on("console", lambda m: CSP.append(m.text) if "Content Security Policy" in m.text else None)
    page.set_default_timeout(15_000)
    return page


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_journalist_finds_the_self_evaluation_that_does_not_add_up(live_server: str) -> None:
    CSP.clear()
    with chromium() as browser:
        page = _page(browser, live_server, 1400)
        page.goto("/tables")
        page.click("[data-testid=inconsistent-link]")
        page.wait_for_function("() => location.search.includes('inconsistent=1')")
        assert page.inner_text("[data-testid=total]") == "1"
        assert "维权热线" not in page.inner_text("[data-testid=published-list]")
        _shot(page, "selfevaluations-inconsistent")
        page.click("[data-testid=published-list] a:text-is('购买社工岗位服务经费')")
        page.wait_for_selector("[data-testid=audit-table]")
        total_row = page.locator("tr[data-testid=audit-row]:has([data-testid=published-total])")
        assert total_row.locator("[data-testid=row-finding][data-code=JX-A01]").count() == 1
        assert "99.67" in total_row.inner_text() and "100" in total_row.inner_text()
        over = page.locator("tr[data-testid=audit-row]:has-text('咨询服务数')")
        assert over.locator("[data-testid=row-finding][data-code=JX-A25]").count() == 1
        _shot(page, "selfevaluation-page")

        page.click("[data-testid=linked] a")  # the target table it belongs to, published
        page.wait_for_selector("[data-testid=published-beside]")
        assert "JX-A01" in page.inner_text("[data-testid=published-beside]")
        _shot(page, "public-table-selfevaluation")

        page.goto("/")
        page.wait_for_function(
            "() => document.querySelector('#chart-full-marks svg') !== null"
        )  # the chart drawn from the page's JSON, beside its text table
        assert "100.0%" in page.inner_text("[data-testid=full-marks-table]")
        page.locator("[data-testid=published-dashboard]").screenshot(
            path=str(SHOTS / "dashboard-selfevaluations.png")
        )

        phone = _page(browser, live_server, 390)
        phone.goto("/selfevaluations?inconsistent=1")
        phone.click("[data-testid=published-list] a")
        phone.wait_for_selector("[data-testid=audit-table]")
        finding = phone.locator("[data-testid=row-finding][data-code=JX-A01]")
        assert finding.count() == 1
        _shot(phone, "phone-selfevaluation")
        finding.scroll_into_view_if_needed()
        assert finding.is_visible()  # on a phone the row is a card: the finding is on screen, not cut off
        phone.screenshot(path=str(SHOTS / "phone-selfevaluation-finding.png"))
    assert not CSP, CSP
