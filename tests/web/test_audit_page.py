"""The audit page names every action in Chinese — the review notes too (指标意见, 意见已处理, 驳回审核发现,
关联上年表, 取消关联上年表) — and shows each record's details as readable Chinese, not ``\\u`` escapes."""

from __future__ import annotations

import re
from typing import Any

from tests.web.test_review_notes import PLACE, _document, _with_an_error


def _action_cells(page: str) -> list[str]:
    return re.findall(r'<td data-testid="audit-action">([^<]*)</td>', page)


def test_review_notes_read_in_chinese_on_the_audit_page(app_factory: Any) -> None:
    filler, reviewer, admin = app_factory("tianbao"), app_factory("shenhe"), app_factory("guanli")
    table_id = _with_an_error(filler)
    error = next(f for f in _document(filler, table_id)["findings"] if f["severity"] == "error")
    assert reviewer.dismiss(table_id, error["id"], "按持证人次计").status_code == 303
    filler.post(f"/tables/{table_id}/submit", {"comment": "请审核"})
    assert reviewer.post(f"/tables/{table_id}/comments", {**PLACE, "body": "口径请写明"}).status_code == 303
    comment_id = _document(reviewer, table_id)["comments"][0]["id"]
    assert reviewer.post(f"/tables/{table_id}/comments/{comment_id}/resolve").status_code == 303

    page = admin.get("/audit").text
    cells = _action_cells(page)
    assert {"驳回审核发现", "指标意见", "意见已处理", "提交"} <= set(cells)
    assert all(not re.fullmatch(r"[a-z_]+", cell) for cell in cells), cells  # no internal codes
    assert "\\u" not in page and "理由：按持证人次计" in page  # the reason, readable in the details
    choices = re.findall(r'<option value="([a-z_]+)"[^>]*>([^<]*)</option>', page)
    assert ("unlink", "取消关联上年表") in choices and ("dismiss", "驳回审核发现") in choices
    assert all(not re.fullmatch(r"[a-z_]+", label) for _, label in choices)
    exported = admin.get("/audit.csv?action=dismiss").text
    assert "驳回审核发现" in exported and "表 " in exported and ",table " not in exported
