"""A finding a reviewer dismissed leaves every count: the table's 错误 count, risk and outcome, the
list's severity filter, the dashboard's figures by rule and severity, the submission check — and it
stays dismissed when the table is saved again with the same problem in the same place."""

from __future__ import annotations

from typing import Any

from tests.web.helpers import edit_form
from tests.web.test_review_notes import _document, _with_an_error


def _errors(browser: Any, table_id: int) -> list[dict[str, Any]]:
    return [f for f in _document(browser, table_id)["findings"] if f["severity"] == "error"]


def _error_count(figures: dict[str, Any], code: str) -> int:
    rows = figures["findings_by_rule"]
    return sum(r["count"] for r in rows if r["code"] == code and r["severity"] == "error")


def _listed_with_errors(browser: Any, name: str) -> list[int]:
    items = browser.get(f"/api/tables?severity=error&q={name}").json()["items"]
    return [int(item["id"]) for item in items]


def test_a_dismissed_finding_leaves_every_count(app_factory: Any) -> None:
    filler, reviewer, admin = app_factory("tianbao"), app_factory("shenhe"), app_factory("guanli")
    table_id = _with_an_error(filler)
    name = _document(filler, table_id)["project"]["name"]
    errors = _errors(filler, table_id)
    codes = {f["code"] for f in errors}
    before = admin.get("/api/dashboard").json()
    outcome_before = _document(filler, table_id)["outcome"]
    assert errors and table_id in _listed_with_errors(admin, name)
    assert outcome_before in ("中", "差")  # an error rule makes the table 中 at best
    for error in errors:
        done = reviewer.dismiss(table_id, error["id"], "按持证人次计")
        assert done.status_code == 303

    after = admin.get("/api/dashboard").json()
    for code in codes:
        dropped = sum(1 for f in errors if f["code"] == code)
        assert _error_count(after, code) == _error_count(before, code) - dropped
    severity_before, severity_after = before["findings_by_severity"], after["findings_by_severity"]
    assert severity_after.get("error", 0) == severity_before.get("error", 0) - len(errors)
    assert table_id not in _listed_with_errors(admin, name)
    document = _document(filler, table_id)
    assert document["outcome"] != outcome_before and "错误" not in (document["outcome_reason"] or "")
    shown = [f for f in document["findings"] if f["severity"] == "error"]
    assert shown and all(f["dismissed"]["reason"] == "按持证人次计" for f in shown)  # shown, as dismissed
    counted = len(document["findings"]) - len(shown)
    heading = f"{counted} 条，另有 {len(shown)} 条已驳回（不计入）"
    assert heading in filler.get(f"/tables/{table_id}").text

    # the editor's live review shows them as dismissed and grades without them, as typed
    editor = filler.get(f"/tables/{table_id}/edit").text
    assert editor.count('data-testid="live-dismissed"') == len(errors) and "按持证人次计" in editor
    assert f"另有 {len(errors)} 条已驳回（不计入）" in editor
    form = edit_form(_document(filler, table_id))
    live = filler.post(f"/tables/{table_id}/check", form).text
    assert live.count('data-testid="live-dismissed"') == len(errors)
    assert f"审核结论：{document['outcome']}" in live  # the outcome the list shows, not the error's

    # saved again with the same value in the same row: still dismissed, still out of the counts
    form["name"] = name
    assert filler.post(f"/tables/{table_id}/edit", form).status_code == 303
    assert table_id not in _listed_with_errors(admin, name)
    assert _error_count(admin.get("/api/dashboard").json(), errors[0]["code"]) == _error_count(
        after, errors[0]["code"]
    )
    assert 'data-testid="submit-form"' not in filler.get(f"/tables/{table_id}").text  # nothing to explain
