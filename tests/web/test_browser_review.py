"""A 审核人 and a 填报人 in Chromium: a project across years and review with safeguards.

The 填报人 links this year's table to last year's by hand and submits it, explaining its 错误; the
审核人 compares it with last year, comments on one indicator row, dismisses a finding with a reason and
approves with an opinion; the 填报人 sees the comment on that row; the 流转记录 names who did what.
Desktop and a 390 px phone, with screenshots.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from jixiao.permissions import OPERATOR
from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.values import parse_target
from jixiao.web import Settings, create_app
from jixiao.workflow import Principal, Role
from tests.web.helpers import PASSWORD
from tests.web.live import SHOTS, chromium, serve

pytestmark = pytest.mark.browser

SEED_TABLE = "购买社工岗位服务经费"
THIS_YEAR = "社工岗位购买服务项目"  # renamed this year: no automatic match, linked by hand
FULIAN = "东莞市妇女联合会"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def live_server(sqlite_url: str, seed_path: Path) -> Iterator[tuple[str, int, int]]:
    service = Service(sqlite_url)
    assert service.import_path(seed_path).created == 17
    filler_id = service.add_user("tianbao", PASSWORD, Role.FILLER, FULIAN)
    service.add_user("shenhe", PASSWORD, Role.REVIEWER, None, (FULIAN,))
    rows, _ = service.list_tables(OPERATOR, TableQuery(q=SEED_TABLE))
    last_year = int(rows[0].id)
    filler = Principal(filler_id, "tianbao", Role.FILLER, FULIAN)
    copy = service.copy_for_new_year(filler, last_year)
    items = tuple(
        replace(i, annual=parse_target("120%", i.name)) if i.name == "社工证持有率" else i
        for i in copy.indicators
    )
    goals = replace(copy.goals, annual=copy.goals.annual + "新增社工督导培训。")
    this_year = service.create_table(
        filler, replace(copy, project=replace(copy.project, name=THIS_YEAR), indicators=items, goals=goals)
    )
    with serve(create_app(Settings(database_url=sqlite_url))) as base:
        yield base, last_year, this_year


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _login(browser: Any, base: str, username: str, viewport: dict[str, int] | None = None) -> Any:
    context = browser.new_context(
        viewport=viewport or {"width": 1400, "height": 900}, locale="zh-CN", base_url=base
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.on("dialog", lambda dialog: dialog.accept())  # 通过 asks first
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(f"{base}/")
    return page


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _dashboard_errors(page: Any) -> int:
    """The 错误 count in the dashboard's text table of findings by severity."""
    page.goto("/")
    row = page.locator("[data-testid=table-severity] tr", has_text="错误")
    return int(row.locator("td.num").inner_text()) if row.count() else 0


def _row(page: Any, name: str) -> Any:
    return page.locator(f'tr.indicator[data-indicator="{name}"]')


def test_a_year_linked_by_hand_then_reviewed_with_safeguards(
    live_server: tuple[str, int, int], browser: Any
) -> None:
    base, last_year, this_year = live_server

    # 填报人: last year's table is not found by name, so they link it by hand
    filler = _login(browser, base, "tianbao")
    filler.goto(f"/tables/{this_year}")
    assert filler.locator("[data-testid=no-previous]").count() == 1
    assert filler.locator("[data-testid=compare-year]").count() == 0
    filler.select_option("[data-testid=link-select]", str(last_year))
    filler.click("[data-testid=link]")
    filler.wait_for_selector("[data-testid=previous-link]")
    assert "2025年度" in filler.inner_text("[data-testid=previous]")
    assert "手工关联" in filler.inner_text("[data-testid=previous]")
    _shot(filler, "table-years")
    # a finding names its place, not a line of the file or the editor
    assert "产出指标／质量指标／社工证持有率" in filler.inner_text("#findings")
    for explain in filler.locator("[data-testid=explain]").all():
        explain.fill("持证率按持证人次统计，可超过100%")
    filler.click("[data-testid=action-submit]")
    filler.wait_for_selector("text=当前状态：已提交")

    # 审核人: compares with last year, comments on one row, dismisses a finding, approves
    reviewer = _login(browser, base, "shenhe")
    reviewer.goto(f"/tables/{this_year}")
    reviewer.click("[data-testid=compare-year]")
    reviewer.wait_for_selector("[data-testid=compare-heading]")
    heading = reviewer.inner_text("[data-testid=compare-heading]")
    assert "上年（2025年度）" in heading and "本年（2026年度）" in heading
    diff = reviewer.inner_text("table.diff")
    assert "社工证持有率" in diff and "120%" in diff and "100%" in diff
    assert "新增社工督导培训。" in reviewer.inner_text("[data-testid=goal-diff] .text-diff")
    _shot(reviewer, "compare-year")
    reviewer.goto(f"/tables/{this_year}")

    row = _row(reviewer, "社工证持有率")
    row.locator("[data-testid=comment-open]").click()
    row.locator("[data-testid=comment-body]").fill("请在指标名称中写明“按持证人次计”的口径")
    row.locator("[data-testid=comment-send]").click()
    reviewer.wait_for_function(
        "() => (document.querySelector('[data-testid=flash]') || {}).textContent?.includes('指标的意见')"
    )
    assert "按持证人次计" in _row(reviewer, "社工证持有率").inner_text()

    errors_before = _dashboard_errors(reviewer)
    reviewer.goto(f"/tables/{this_year}")
    finding = reviewer.locator(".finding-box:has([data-code='JX-M03'])").first
    finding.locator("[data-testid=dismiss-open]").click()
    finding.locator("[data-testid=dismiss-reason]").fill("持证人次口径可超过100%，不作为错误")
    finding.locator("[data-testid=dismiss]").click()
    reviewer.wait_for_selector("[data-testid=dismissed]")
    assert "不作为错误" in reviewer.inner_text("[data-testid=dismissed]")
    assert "另有 1 条已驳回（不计入）" in reviewer.inner_text("[data-testid=findings-count]")
    _shot(reviewer, "review-notes")
    assert _dashboard_errors(reviewer) == errors_before - 1  # a dismissed finding leaves the figures
    reviewer.goto(f"/tables/{this_year}")

    # the 填报人 sees the comment on that row, and the dismissal
    filler.goto(f"/tables/{this_year}")
    assert "按持证人次计" in _row(filler, "社工证持有率").inner_text()
    assert "按持证人次计" not in _row(filler, "第三方评估等级").inner_text()
    assert "不作为错误" in filler.inner_text("[data-testid=dismissed]")
    phone = _login(browser, base, "tianbao", PHONE)
    phone.goto(f"/tables/{this_year}")
    phone.wait_for_selector("[data-testid=open-comments]")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390 + 1  # no sideways page
    _shot(phone, "phone-review-notes")
    phone.goto(f"/tables/{this_year}/compare-year")
    phone.wait_for_selector("[data-testid=compare-heading]")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390 + 1
    _shot(phone, "phone-compare-year")

    reviewer.goto(f"/tables/{this_year}")
    reviewer.fill("[data-testid=approve-comment]", "同意。")
    reviewer.click("[data-testid=action-approve]")
    reviewer.wait_for_selector("text=当前状态：已通过")
    history = reviewer.inner_text("ol.events")
    assert "审核人 shenhe 通过：已提交 → 已通过" in history and "意见：同意。" in history
    assert "审核人 shenhe 驳回审核发现" in history and "审核人 shenhe 指标意见" in history
    assert "填报人 tianbao 关联上年表" in history
    _shot(reviewer, "table-history-review")


def test_a_returned_table_shows_the_comment_beside_its_row_in_the_editor(
    live_server: tuple[str, int, int], browser: Any
) -> None:
    base, _, this_year = live_server
    filler = _login(browser, base, "tianbao")
    filler.goto(f"/tables/{this_year}")
    for explain in filler.locator("[data-testid=explain]").all():
        explain.fill("按持证人次统计")
    filler.click("[data-testid=action-submit]")
    filler.wait_for_selector("text=当前状态：已提交")

    reviewer = _login(browser, base, "shenhe")
    reviewer.goto(f"/tables/{this_year}")
    row = _row(reviewer, "第三方评估等级")
    row.locator("[data-testid=comment-open]").click()
    row.locator("[data-testid=comment-send]").click()  # empty: the browser asks for the text first
    assert reviewer.locator("[data-testid=flash]").count() == 0
    row.locator("[data-testid=comment-body]").fill("“合格及以上”无法计量，请写明评估等级")
    row.locator("[data-testid=comment-send]").press("Enter")  # keyboard: the focused button submits
    reviewer.wait_for_selector("[data-testid=flash]")
    reviewer.fill("textarea[name=comment]", "请按指标意见修改")
    reviewer.click("[data-testid=action-return]")
    reviewer.wait_for_selector("text=当前状态：退回")

    filler.goto(f"/tables/{this_year}/edit")
    beside = filler.locator('tr.indicator-row:has(input[name=indicator][value="第三方评估等级"])')
    assert "无法计量" in beside.locator("[data-testid=editor-comment]").inner_text()
    _shot(filler, "editor-comment")
    phone = _login(browser, base, "tianbao", PHONE)
    phone.goto(f"/tables/{this_year}/edit")
    phone.wait_for_selector("[data-testid=editor-comment]")
    _shot(phone, "phone-editor-comment")
    filler.goto(f"/tables/{this_year}")
    filler.click("[data-testid=resolve]")
    filler.wait_for_selector("text=已将这条指标意见标记为已处理")
    assert _row(filler, "第三方评估等级").locator("[data-testid=row-comment]").count() == 0
