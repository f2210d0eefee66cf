"""A visitor's list, search, table page and /api/tables are made once for each state of the store and
answered from memory after that (jixiao.web.visitor_pages): never with a draft, never with a signed-in
user's view, always with the visitor's own CSRF token, and new at once after any write."""

from __future__ import annotations

import re
from typing import Any

from jixiao.web.visitor_pages import SLOT
from tests.web.helpers import edit_form

SEED_TABLE = "购买社工岗位服务经费"
ADJUSTED_GOAL = "调整中的年度目标：尚未公开的文字"
PAGES = ("/tables", f"/tables?q={SEED_TABLE}", "/api/tables", f"/api/tables?q={SEED_TABLE}")


def _kept(app_factory: Any) -> Any:
    return app_factory().client.app.state.visitor_pages


def _table_id(browser: Any) -> int:
    return int(browser.get(f"/api/tables?q={SEED_TABLE}").json()["items"][0]["id"])


def _lists(browser: Any, path: str, table_id: int) -> bool:
    """Whether the list, search or /api/tables answer at ``path`` names the table."""
    answer = browser.get(path)
    assert answer.status_code == 200
    if path.startswith("/api/"):
        return table_id in [item["id"] for item in answer.json()["items"]]
    return f'href="/tables/{table_id}"' in answer.text


def _publish(filler: Any, reviewer: Any, table_id: int) -> None:
    assert filler.post(f"/tables/{table_id}/submit").status_code == 303
    assert reviewer.post(f"/tables/{table_id}/approve").status_code == 303
    assert reviewer.post(f"/tables/{table_id}/publish").status_code == 303


def test_a_visitor_never_sees_a_draft_nor_a_stale_page(app_factory: Any) -> None:
    filler, reviewer, visitor = app_factory("tianbao"), app_factory("shenhe"), app_factory()
    table_id = _table_id(filler)
    for path in (*PAGES, *PAGES):  # the second round is answered from memory
        assert not _lists(visitor, path, table_id)
    assert visitor.get(f"/tables/{table_id}").status_code == 404
    assert _kept(app_factory).hits >= len(PAGES)

    _publish(filler, reviewer, table_id)  # a write: the visitor's next page is made anew
    assert all(_lists(visitor, path, table_id) for path in PAGES)
    published_goal = visitor.get(f"/api/tables/{table_id}").json()["goals"]["annual"]
    assert published_goal in visitor.get(f"/tables/{table_id}").text

    document = filler.get(f"/api/tables/{table_id}").json()
    adjusted = edit_form(document, goals_annual=ADJUSTED_GOAL, reason="服务量调整")
    assert filler.post(f"/tables/{table_id}/edit", adjusted).status_code == 303
    assert ADJUSTED_GOAL in filler.get(f"/tables/{table_id}").text  # the owner works on the adjustment
    for _ in range(2):  # made, then from memory: the published version both times
        page = visitor.get(f"/tables/{table_id}").text
        assert ADJUSTED_GOAL not in page and published_goal in page
        assert ADJUSTED_GOAL not in visitor.get(f"/api/tables?q={SEED_TABLE}").text


def test_a_signed_in_users_view_never_reaches_anyone_else(app_factory: Any) -> None:
    owner, outsider, visitor = app_factory("tianbao"), app_factory("outsider"), app_factory()
    table_id = _table_id(owner)
    assert all(_lists(owner, path, table_id) for path in PAGES)  # the unit's own drafts
    assert SEED_TABLE in owner.get(f"/tables/{table_id}").text
    hits = _kept(app_factory).hits
    for path in PAGES:
        assert not _lists(outsider, path, table_id)  # another unit
        assert not _lists(visitor, path, table_id)
    assert outsider.get(f"/tables/{table_id}").status_code == 403
    assert visitor.get(f"/tables/{table_id}").status_code == 404
    assert _kept(app_factory).hits == hits  # nothing a signed-in user asked for was kept


def test_each_visitor_gets_their_own_csrf_token(app_factory: Any) -> None:
    first, second = app_factory(), app_factory()
    pages = [(browser, browser.get("/tables").text) for browser in (first, second, first, second)]
    for browser, page in pages:
        assert SLOT not in page
        token = re.search(r'hx-headers=\'\{"X-CSRF-Token": "([^"]+)"\}\'', page)
        assert token and token.group(1) == browser.client.cookies["jixiao_csrf"]
    assert first.client.cookies["jixiao_csrf"] != second.client.cookies["jixiao_csrf"]
    assert _kept(app_factory).hits >= 2


def test_a_change_that_touches_no_table_row_still_renews_the_visitors_pages(app_factory: Any) -> None:
    """A year's rule profile reviews its tables again without saving any of them: the visitor's kept
    table page must not go on showing a finding the profile switched off (the audit row moves the key)."""
    from tests.web.test_admin import _profile_form

    filler, reviewer, admin, visitor = (app_factory(n) for n in ("tianbao", "shenhe", "guanli", None))
    table_id = _table_id(filler)
    _publish(filler, reviewer, table_id)
    shown = visitor.get(f"/api/tables/{table_id}").json()
    code = next(f["code"] for f in shown["findings"] if f"rule-{f['code']}" in _profile_form())
    year = shown["project"]["year"]
    for _ in range(2):  # made, then kept
        assert f'data-code="{code}"' in visitor.get(f"/tables/{table_id}").text
    form = {k: v for k, v in _profile_form().items() if k != f"rule-{code}"}
    assert admin.post(f"/admin/profiles/{year}", form).status_code == 303
    assert f'data-code="{code}"' not in visitor.get(f"/tables/{table_id}").text


def test_visitors_asking_for_one_page_at_once_have_it_made_once() -> None:
    """A cold start or the moment after a write: twenty visitors ask for the list together; one makes
    it, the others get that page (before, every one of them made it: the load's p99 tail)."""
    import threading
    import time
    from types import SimpleNamespace

    from fastapi.responses import HTMLResponse

    from jixiao.web.visitor_pages import VisitorPages
    from jixiao.workflow import ANONYMOUS

    pages, made, start = VisitorPages(), [], threading.Barrier(20)
    service = SimpleNamespace(change_counter=lambda: (1,))
    app = SimpleNamespace(state=SimpleNamespace(service=service))

    def make() -> HTMLResponse:
        made.append(1)
        time.sleep(0.05)  # rendering takes a while: the others arrive meanwhile
        return HTMLResponse("<p>list</p>")

    def visitor(answers: list[bytes]) -> None:
        request = SimpleNamespace(
            app=app, url=SimpleNamespace(path="/tables", query=""), state=SimpleNamespace(csrf="t")
        )
        start.wait(timeout=5)
        answers.append(bytes(pages.answer(request, ANONYMOUS, make).body))  # type: ignore[arg-type]

    answers: list[bytes] = []
    threads = [threading.Thread(target=visitor, args=(answers,)) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert answers == [b"<p>list</p>"] * 20 and len(made) == 1
