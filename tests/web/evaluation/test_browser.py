"""单位自评 and 运行监控 in a real browser (Debian's Chromium through Playwright): the filler types the
year-end actuals and sees each score, its explanation, the total and the grade change live; then the
1–7月 monitoring with its lights. Screenshots: docs/screenshots/evaluation.png and monitoring.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.store.schema import perf_tables
from jixiao.web import Settings, create_app
from jixiao.workflow import Principal, Role
from tests.web.evaluation.conftest import ENTRIES, EXPECTED_TOTAL, PROJECT
from tests.web.live import SHOTS, chromium, serve

pytestmark = pytest.mark.browser

FULIAN = "东莞市妇女联合会"
PASSWORD = "correct-horse-1"


@pytest.fixture
def live_server(sqlite_url: str, seed_path: Path) -> Iterator[tuple[str, int]]:
    service = Service(sqlite_url)
    assert service.import_path(seed_path).created == 17
    service.add_user("tianbao", PASSWORD, Role.FILLER, FULIAN)
    service.add_user("shenhe", PASSWORD, Role.REVIEWER, None, (FULIAN,))
    admin = Principal(user_id=None, username="", role=Role.ADMIN)
    rows, _ = service.list_tables(admin, TableQuery(q=PROJECT))
    # monitoring and self-evaluation come after the table is approved and published with the budget
    with service.engine.begin() as conn:
        conn.execute(update(perf_tables).where(perf_tables.c.id == rows[0].id).values(status="published"))
    with serve(create_app(Settings(database_url=sqlite_url))) as base:
        yield base, int(rows[0].id)


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _login(browser: Any, base: str, username: str = "tianbao") -> Any:
    context = browser.new_context(viewport={"width": 1500, "height": 900}, locale="zh-CN", base_url=base)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    return page


def _wait_text(page: Any, selector: str, text: str) -> None:
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel)?.innerText.trim() === text",
        arg=[selector, text],
    )


def test_entering_actuals_shows_live_scores(live_server: tuple[str, int], browser: Any) -> None:
    base, table_id = live_server
    page = _login(browser, base)
    page.goto(f"/tables/{table_id}")
    page.click("[data-testid=link-evaluation]")
    page.wait_for_selector("[data-testid=live-total]")
    assert page.inner_text("[data-testid=live-total]") == "0.00"

    page.fill("[data-testid=funds-0-executed]", "24.3")
    _wait_text(page, "[data-testid=budget-score]", "9.00")
    # 人员参与率 ≥85%: 80% gives 12 × 80/85, with the formula shown under the row
    page.fill("[data-testid=actual-2]", "80%")
    _wait_text(page, "[data-testid=score-2]", "11.29")
    assert "80/85" in page.inner_text("[data-testid=explain-2]").replace(" ", "")
    for index, (actual, _weight, score, reason) in enumerate(ENTRIES):
        page.fill(f"[data-testid=actual-{index}]", actual)
        if score:
            page.fill(f"[data-testid=entered-score-{index}]", score)
        if reason:
            page.fill(f"textarea[name=indicators-{index}-reason]", reason)
    page.fill("textarea[name=goal_actual]", "举办三八、六一主题活动2场，参与率80%，正面宣传报道4次。")
    _wait_text(page, "[data-testid=live-total]", EXPECTED_TOTAL)
    _wait_text(page, "[data-testid=total-score]", EXPECTED_TOTAL)
    assert page.inner_text("#grade-cell [data-testid=grade]") == "良"
    assert page.inner_text("[data-testid=score-5]") == "10.00"  # 4 of ≥6 次: 15 × 4/6
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(SHOTS / "evaluation.png"), full_page=True)

    # a line below its weight without a reason: the check shows up live, with its rule and basis
    page.fill("textarea[name=indicators-5-reason]", "")
    page.wait_for_function("() => document.querySelector('#live').innerText.includes('偏差原因')")
    page.wait_for_load_state("networkidle")
    page.locator("textarea[name=indicators-5-reason]").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "evaluation-findings.png"))
    page.fill("textarea[name=indicators-5-reason]", ENTRIES[5][3])
    page.wait_for_function("() => document.querySelector('#live').innerText.includes('未发现问题')")
    # the last live update has landed: no layout shift under the click
    page.wait_for_load_state("networkidle")
    page.click("[data-testid=save]")
    page.wait_for_selector("[data-testid=flash]")
    assert f"总分 {EXPECTED_TOTAL}" in page.inner_text("[data-testid=flash]")

    # 1–7月 monitoring: lights as the user types; 有可能 asks for the cause and the remedy
    page.goto(f"/tables/{table_id}/monitoring")
    page.fill("[data-testid=funds-0-executed]", "13.5")
    _wait_text(page, "[data-testid=progress-index]", "85.71")
    page.fill("[data-testid=current-5]", "1次")
    page.wait_for_selector("#light-5[data-light=red]")
    page.select_option("[data-testid=likelihood-5]", "有可能")
    page.wait_for_function("() => document.querySelector('#live').innerText.includes('须填写偏差原因')")
    page.fill("textarea[name=indicators-5-reason]", "上半年媒体档期冲突")
    page.fill("textarea[name=indicators-5-measures]", "三季度集中对接报道")
    for index, current in enumerate(["135000元", "1", "86%", "90%", "部分达成"]):
        page.fill(f"[data-testid=current-{index}]", current)
    page.fill("[data-testid=current-6]", "88%")
    page.wait_for_function("() => !document.querySelector('#live').innerText.includes('须填写')")
    page.wait_for_selector("#light-4[data-light=yellow]")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(SHOTS / "monitoring.png"), full_page=True)
    page.click("[data-testid=save]")
    page.wait_for_selector("[data-testid=flash], [data-testid=error]")
    assert page.locator("[data-testid=error]").count() == 0, page.inner_text("[data-testid=error]")
    page.goto("/")
    assert page.inner_text("[data-testid=grade-良]") == "1"
    assert page.inner_text("[data-testid=lights-red]") == "1"
    page.wait_for_selector("#chart-grades svg")
    shot = str(SHOTS / "dashboard-evaluation.png")
    page.locator("[data-testid=evaluation-dashboard]").screenshot(path=shot)


def test_reviewer_reduces_a_score_with_a_reason(live_server: tuple[str, int], browser: Any) -> None:
    base, table_id = live_server
    filler = _login(browser, base)
    filler.goto(f"/tables/{table_id}/evaluation")
    filler.fill("[data-testid=funds-0-executed]", "24.3")
    for index, (actual, _weight, score, reason) in enumerate(ENTRIES):
        filler.fill(f"[data-testid=actual-{index}]", actual)
        if score:
            filler.fill(f"[data-testid=entered-score-{index}]", score)
        if reason:
            filler.fill(f"textarea[name=indicators-{index}-reason]", reason)
    _wait_text(filler, "[data-testid=live-total]", EXPECTED_TOTAL)
    filler.wait_for_load_state("networkidle")
    filler.click("[data-testid=save]")
    filler.wait_for_selector("[data-testid=flash]")

    reviewer = _login(browser, base, "shenhe")
    reviewer.goto(f"/tables/{table_id}/evaluation")
    assert reviewer.locator("[data-testid=actual-2]").is_disabled()  # the unit's entry is read-only
    reviewer.fill("[data-testid=reduction-1]", "2")
    reviewer.click("[data-testid=adjust]")
    reviewer.wait_for_selector("[data-testid=error]")
    assert "须写明理由" in reviewer.inner_text("[data-testid=error]")
    reviewer.fill("[data-testid=reduction-1]", "2")
    reviewer.fill("[data-testid=reduction-reason-1]", "目标值设置偏低")
    reviewer.click("[data-testid=adjust]")
    reviewer.wait_for_selector("[data-testid=flash]")
    assert reviewer.inner_text("[data-testid=total-score]") == "86.29"
    assert "评价人扣减2分（目标值设置偏低）" in reviewer.inner_text("[data-testid=explain-1]")
    reviewer.screenshot(path=str(SHOTS / "evaluation-review.png"), full_page=True)
