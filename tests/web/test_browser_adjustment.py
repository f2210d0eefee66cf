"""In Chromium: a visitor keeps seeing the published version while its unit adjusts it (issue 13).

The 填报人 opens 目标调整 on a published table and saves a new annual goal and indicator value; the
visitor's page still shows the published goal text and indicators, through approval, and the new ones
only once the reviewer publishes the adjustment.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.web import Settings, create_app
from jixiao.workflow import ANONYMOUS, Role
from tests.web.helpers import PASSWORD
from tests.web.live import chromium, serve

pytestmark = pytest.mark.browser

FULIAN = "东莞市妇女联合会"
OLD_GOAL = "实施妇女与家庭支持援助服务计划项目"
NEW_GOAL = "调整后的年度目标：全年开展个案服务一百二十个"
CONSULTING = "tr:has(input[value^='咨询服务数']) input[name=annual]"


@pytest.fixture
def site(sqlite_url: str, seed_path: Path) -> Iterator[tuple[str, int]]:
    service = Service(sqlite_url)
    assert service.import_path(seed_path, published=True).created == 17
    service.add_user("tianbao", PASSWORD, Role.FILLER, FULIAN)
    service.add_user("shenhe", PASSWORD, Role.REVIEWER, None, (FULIAN,))
    table_id = int(service.list_tables(ANONYMOUS, TableQuery(q="购买社工岗位服务经费"))[0][0].id)
    with serve(create_app(Settings(database_url=sqlite_url))) as base:
        yield base, table_id


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _page(browser: Any, base: str, username: str | None = None) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN", base_url=base)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.on("dialog", lambda dialog: dialog.accept())  # 通过 and 公开 ask first
    if username:
        page.goto("/login")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.press("input[name=password]", "Enter")
        page.wait_for_url(f"{base}/")
    return page


def _sheet(page: Any, table_id: int) -> str:
    page.goto(f"/tables/{table_id}")
    return str(page.inner_text("main"))


def test_a_visitor_keeps_the_published_version_during_an_adjustment(
    site: tuple[str, int], browser: Any
) -> None:
    base, table_id = site
    visitor = _page(browser, base)
    before = _sheet(visitor, table_id)
    assert OLD_GOAL in before and "1200个" in before

    owner = _page(browser, base, "tianbao")
    owner.goto(f"/tables/{table_id}/edit")
    owner.fill("textarea[name=goals_annual]", NEW_GOAL)
    owner.fill(CONSULTING, "1300个")
    owner.fill("[data-testid=reason]", "服务对象增加，咨询量相应调整")
    owner.click("[data-testid=save]")
    owner.wait_for_url(f"{base}/tables/{table_id}?saved=1")
    mine = str(owner.inner_text("main"))
    assert NEW_GOAL in mine and "1300个" in mine and "目标调整中" in mine

    during = _sheet(visitor, table_id)  # the goal text and the indicators as published
    assert OLD_GOAL in during and "1200个" in during
    assert NEW_GOAL not in during and "1300个" not in during and "目标调整中" not in during
    listed = visitor.request.get(f"/api/tables/{table_id}").json()
    assert listed["status"] == "published" and OLD_GOAL in listed["goals"]["annual"]

    reviewer = _page(browser, base, "shenhe")
    reviewer.goto(f"/tables/{table_id}")
    assert NEW_GOAL in str(reviewer.inner_text("main"))
    reviewer.fill("[data-testid=approve-comment]", "同意。")
    reviewer.click("[data-testid=action-approve]")
    reviewer.wait_for_url(f"{base}/tables/{table_id}?done=approve")
    assert OLD_GOAL in _sheet(visitor, table_id)  # approved, not yet published: still the old one

    reviewer.click("[data-testid=action-publish]")
    reviewer.wait_for_url(f"{base}/tables/{table_id}?done=publish")
    after = _sheet(visitor, table_id)
    assert NEW_GOAL in after and "1300个" in after and OLD_GOAL not in after
