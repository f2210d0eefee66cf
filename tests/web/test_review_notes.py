"""Review notes on the web and through the API: a comment on one indicator row, a finding dismissed with
a reason, the submission rule on the API too, last year's table linked by hand and compared."""

from __future__ import annotations

import re
from typing import Any

from tests.web.helpers import edit_form

SEED_TABLE = "购买社工岗位服务经费"
PLACE = {"level1": "产出指标", "level2": "质量指标", "name": "社工证持有率"}


def _first_id(browser: Any) -> int:
    return int(browser.get(f"/api/tables?q={SEED_TABLE}").json()["items"][0]["id"])


def _document(browser: Any, table_id: int) -> dict[str, Any]:
    return dict(browser.get(f"/api/tables/{table_id}").json())


def _row(page: str, name: str) -> str:
    found = re.search(rf'<tr class="indicator[^"]*" data-indicator="{name}">(.*?)</tr>', page, re.S)
    assert found, name
    return found.group(1)


def _with_an_error(filler: Any) -> int:
    table_id = _first_id(filler)
    form = edit_form(_document(filler, table_id))
    form["annual"] = [("120%" if name == "社工证持有率" else value) for name, value in
                      zip(form["indicator"], form["annual"], strict=True)]  # fmt: skip
    assert filler.post(f"/tables/{table_id}/edit", form).status_code == 303
    return table_id


def test_a_comment_on_one_row_reaches_the_filler_on_that_row(app_factory: Any) -> None:
    filler, reviewer = app_factory("tianbao"), app_factory("shenhe")
    table_id = _first_id(filler)
    assert 'data-testid="comment-body"' not in filler.get(f"/tables/{table_id}").text  # reviewers only
    filler.post(f"/tables/{table_id}/submit")
    empty = reviewer.post(f"/tables/{table_id}/comments", {**PLACE, "body": "  "})
    assert empty.status_code == 400 and 'data-testid="comment-error"' in empty.text
    assert "请填写对这项指标的意见" in _row(empty.text, "社工证持有率")  # beside the row's field
    sent = reviewer.post(f"/tables/{table_id}/comments", {**PLACE, "body": "持有率口径请在指标名称中写明"})
    assert sent.status_code == 303
    assert filler.post(f"/tables/{table_id}/comments", {**PLACE, "body": "x"}).status_code == 403
    reviewer.post(f"/tables/{table_id}/comments", {**PLACE, "body": "<script>alert(1)</script>"})
    assert "<script>alert(1)" not in filler.get(f"/tables/{table_id}").text  # escaped, never markup
    page = filler.get(f"/tables/{table_id}").text
    assert "持有率口径请在指标名称中写明" in _row(page, "社工证持有率")
    assert "持有率口径" not in _row(page, "第三方评估等级")
    assert "审核人 shenhe <strong>指标意见</strong>" in page  # 流转记录, with the actor
    reviewer.post(f"/tables/{table_id}/return", {"comment": "见指标意见"})
    editor = filler.get(f"/tables/{table_id}/edit").text
    assert 'data-testid="editor-comment"' in editor and "持有率口径请在指标名称中写明" in editor
    comment_id = _document(filler, table_id)["comments"][0]["id"]
    assert filler.post(f"/tables/{table_id}/comments/{comment_id}/resolve").status_code == 303
    assert "持有率口径" not in _row(filler.get(f"/tables/{table_id}").text, "社工证持有率")
    assert app_factory().get(f"/api/tables/{table_id}").status_code == 404  # not public, nor its notes


def test_a_reviewer_dismisses_a_finding_with_a_reason(app_factory: Any) -> None:
    filler, reviewer = app_factory("tianbao"), app_factory("shenhe")
    table_id = _with_an_error(filler)
    errors = [f for f in _document(filler, table_id)["findings"] if f["severity"] == "error"]
    assert errors and errors[0]["place"] == "产出指标／质量指标／社工证持有率"
    page = reviewer.get(f"/tables/{table_id}").text
    assert "· 产出指标／质量指标／社工证持有率" in page and "第 24 行" not in page  # a place, not a line
    assert (
        filler.post(f"/tables/{table_id}/findings/{errors[0]['id']}/dismiss", {"reason": "x"}).status_code
        == 403
    )
    empty = reviewer.dismiss(table_id, errors[0]["id"], "")
    assert empty.status_code == 400 and "请写明驳回这条审核发现的理由" in empty.text
    for error in errors:
        done = reviewer.dismiss(table_id, error["id"], "按持证人次计")
        assert done.status_code == 303
    page = filler.get(f"/tables/{table_id}").text
    assert 'data-testid="dismissed"' in page and "按持证人次计" in page
    assert 'data-testid="submit-form"' not in page  # nothing left to explain
    assert "审核人 shenhe <strong>驳回审核发现</strong>" in page
    assert filler.post(f"/tables/{table_id}/submit").status_code == 303
    audit = app_factory("guanli").get("/api/audit").json()["items"]
    assert any(entry["action"] == "dismiss" and entry["entity_id"] == table_id for entry in audit)


def test_the_api_refuses_a_submission_with_unexplained_errors(app_factory: Any) -> None:
    filler = app_factory("tianbao")
    table_id = _with_an_error(filler)
    headers = {"X-CSRF-Token": filler.csrf()}
    refused = filler.client.post(f"/api/tables/{table_id}/submit", json={}, headers=headers)
    assert refused.status_code == 400 and "尚未说明" in refused.json()["error"]
    errors = [f for f in _document(filler, table_id)["findings"] if f["severity"] == "error"]
    body = {"comment": "请审核", "explanations": {str(f["id"]): "按人次计" for f in errors}}
    done = filler.client.post(f"/api/tables/{table_id}/submit", json=body, headers=headers)
    assert done.status_code == 200 and done.json()["status"] == "submitted"
    assert filler.client.post(f"/api/tables/{table_id}/submit", json=body).status_code == 403  # no CSRF


def test_last_year_is_linked_by_hand_and_compared(app_factory: Any) -> None:
    filler, reviewer = app_factory("tianbao"), app_factory("shenhe")
    source_id = _first_id(filler)
    form = edit_form(_document(filler, source_id), year="2026", name=f"{SEED_TABLE}（新周期）")
    form["annual"] = ["98%" if name == "社工证持有率" else value for name, value in
                      zip(form["indicator"], form["annual"], strict=True)]  # fmt: skip
    form.pop("lock_version")
    created = filler.post("/tables/new", form)  # a blank new table: a different name, no match
    assert created.status_code == 303
    new_id = int(created.headers["location"].split("/")[2].split("?")[0])
    page = filler.get(f"/tables/{new_id}").text
    assert 'data-testid="no-previous"' in page and 'data-testid="compare-year"' not in page
    assert filler.post(f"/tables/{new_id}/link", {"previous_id": ""}).status_code == 400
    assert reviewer.post(f"/tables/{new_id}/link", {"previous_id": str(source_id)}).status_code == 403
    assert filler.post(f"/tables/{new_id}/link", {"previous_id": str(source_id)}).status_code == 303
    page = reviewer.get(f"/tables/{new_id}").text
    assert 'data-testid="previous-link"' in page and "手工关联" in page
    assert _document(filler, new_id)["previous"] == {
        "id": source_id,
        "name": SEED_TABLE,
        "year": 2025,
        "how": "manual",
    }
    twin = reviewer.get(f"/api/tables/{new_id}/compare-year").json()
    assert twin["old"] == "上年（2025年度）" and any(
        c["place"].endswith("社工证持有率") for c in twin["changes"]
    )
    compared = reviewer.get(f"/tables/{new_id}/compare-year").text
    assert "与上年对比" in compared and "上年（2025年度）" in compared and "98%" in compared
    assert filler.post(f"/tables/{new_id}/link", {"unlink": "1"}).status_code == 303
    assert 'data-testid="no-previous"' in filler.get(f"/tables/{new_id}").text
    nothing = filler.get(f"/tables/{new_id}/compare-year")
    assert nothing.status_code == 200 and 'data-testid="nothing-to-compare"' in nothing.text
