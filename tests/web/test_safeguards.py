"""Workflow safeguards, on SQLite and PostgreSQL: a table with 错误 findings is submitted only with an
explanation of each (which the reviewer reads), 撤回 before review, the reviewer's opinion on
approval kept, and a 流转记录 that says who did what."""

from __future__ import annotations

import re
from typing import Any

from tests.web.helpers import edit_form

SEED_TABLE = "购买社工岗位服务经费"


def _first_id(browser: Any) -> int:
    return int(browser.get(f"/api/tables?q={SEED_TABLE}").json()["items"][0]["id"])


def _document(browser: Any, table_id: int) -> dict[str, Any]:
    return dict(browser.get(f"/api/tables/{table_id}").json())


def _with_an_error(filler: Any) -> tuple[int, list[dict[str, Any]]]:
    table_id = _first_id(filler)
    form = edit_form(_document(filler, table_id))
    form["annual"] = [("120%" if name == "社工证持有率" else value) for name, value in
                      zip(form["indicator"], form["annual"], strict=True)]  # fmt: skip
    assert filler.post(f"/tables/{table_id}/edit", form).status_code == 303
    errors = [f for f in _document(filler, table_id)["findings"] if f["severity"] == "error"]
    assert errors, "the test needs a table with an error"
    return table_id, errors


def test_errors_need_an_explanation_the_reviewer_reads(app_factory: Any) -> None:
    filler, reviewer = app_factory("tianbao"), app_factory("shenhe")
    table_id, errors = _with_an_error(filler)
    page = filler.get(f"/tables/{table_id}").text
    assert 'data-testid="submit-form"' in page and page.count('data-testid="explain"') == len(errors)
    refused = filler.post(f"/tables/{table_id}/submit")
    assert refused.status_code == 400 and "尚未说明" in refused.text
    assert _document(filler, table_id)["status"] == "draft"
    ids = re.findall(r'name="explain-(\d+)"', page)
    explained = {f"explain-{i}": "持证率按持证人次计算，可超过100%" for i in ids}
    assert filler.post(f"/tables/{table_id}/submit", explained).status_code == 303
    assert _document(filler, table_id)["status"] == "submitted"
    seen = reviewer.get(f"/tables/{table_id}").text
    assert "填报单位提交时的说明" in seen and "持证率按持证人次计算" in seen


def test_withdraw_before_review(app_factory: Any) -> None:
    filler, reviewer = app_factory("tianbao"), app_factory("shenhe")
    table_id = _first_id(filler)
    assert filler.post(f"/tables/{table_id}/submit").status_code == 303
    assert 'data-testid="action-withdraw"' in filler.get(f"/tables/{table_id}").text
    assert reviewer.post(f"/tables/{table_id}/withdraw").status_code == 403
    assert app_factory("outsider").post(f"/tables/{table_id}/withdraw").status_code == 403
    assert filler.post(f"/tables/{table_id}/withdraw").status_code == 303
    assert _document(filler, table_id)["status"] == "draft"
    assert "已撤回" in filler.get(f"/tables/{table_id}?done=withdraw").text
    assert filler.post(f"/tables/{table_id}/submit").status_code == 303
    assert reviewer.post(f"/tables/{table_id}/approve", {"comment": "同意。"}).status_code == 303
    too_late = filler.post(f"/tables/{table_id}/withdraw")
    assert too_late.status_code == 409 and "尚未审核" in too_late.text


def test_approval_opinion_and_who_did_what(app_factory: Any) -> None:
    filler, reviewer = app_factory("tianbao"), app_factory("shenhe")
    table_id = _first_id(filler)
    filler.post(f"/tables/{table_id}/submit")
    page = reviewer.get(f"/tables/{table_id}").text
    assert 'data-testid="approve-comment"' in page and "data-confirm=" in page
    assert reviewer.post(f"/tables/{table_id}/approve", {"comment": "同意。"}).status_code == 303
    events = _document(reviewer, table_id)["events"]
    assert events[-1]["action"] == "approve" and events[-1]["comment"] == "同意。"
    history = reviewer.get(f"/tables/{table_id}").text
    assert "审核人 shenhe <strong>通过</strong>：已提交 → 已通过" in history and "意见：同意。" in history
    assert "填报人 tianbao <strong>提交</strong>：草稿 → 已提交" in history
