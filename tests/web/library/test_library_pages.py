"""The /library pages and their JSON twins under /api/library."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def test_browse_search_and_entry_page_for_visitors(library_app: Any) -> None:
    visitor = library_app()
    page = visitor.get("/library?q=满意度")
    assert page.status_code == 200 and "指标库" in page.text and "服务对象满意度" in page.text
    listing = visitor.get("/api/library?q=满意度").json()
    assert listing["total"] >= 3
    code = listing["entries"][0]["code"]
    entry_page = visitor.get(f"/library/{code}")
    assert entry_page.status_code == 200
    assert (
        'data-testid="provenance-table"' in entry_page.text
        and 'data-testid="tables-using"' in entry_page.text
    )
    assert "<script>" not in entry_page.text  # the chart's data is JSON, the code a static file
    entry = visitor.get(f"/api/library/{code}").json()
    assert entry["tables_using_total"] == entry["provenance"]["tables"] > 0
    assert visitor.get("/api/library/ZB-00000000").status_code == 404
    assert "没有编号" in visitor.get("/library/ZB-00000000").text
    assert visitor.get("/library/requests", follow_redirects=False).status_code == 303  # login first


def test_suggest_and_recommend_api(library_app: Any) -> None:
    visitor = library_app()
    found = visitor.get("/api/library/suggest?name=学员满意度").json()["entries"]
    assert found and found[0]["suggested_value"] and "个单位的" in found[0]["reason"]
    project = visitor.get("/api/library/recommend?project=购买社工岗位服务经费").json()
    assert project["projects"] >= 1 and "“社工岗位”类项目使用" in project["entries"][0]["reason"]
    assert visitor.get("/api/library/recommend?project=").json()["entries"] == []


def test_export_open_data(library_app: Any) -> None:
    visitor = library_app()
    text = visitor.get("/api/library/export.csv").content.decode("utf-8").lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["编号", "版本", "状态", "指标名称"] and len(rows) > 80
    book = load_workbook(io.BytesIO(visitor.get("/api/library/export.xlsx").content)).active
    assert book is not None and book.max_row == len(rows)
    assert visitor.get("/api/library/export.json").json()["entries"]
    bad = visitor.get("/api/library/export.pdf")
    assert bad.status_code == 400 and "导出格式" in bad.json()["error"]


def test_a_units_request_passes_department_then_finance(library_app: Any) -> None:
    filler = library_app("tianbao")
    form = {"kind": "add", "name": "家庭教育讲座场次", "level1": "产出指标", "level2": "数量指标"}
    form |= {"unit": "场", "ref_op": ">=", "ref_value": "12", "ref_basis": "计划标准", "reason": "新项目"}
    filed = filler.post("/library/requests", form)
    assert filed.status_code == 303
    mine = filler.get("/api/library/requests").json()["requests"]
    assert [r["name"] for r in mine] == ["家庭教育讲座场次"] and not mine[0]["may_decide"]
    request_id = mine[0]["id"]
    other = library_app("othereviewer")
    assert other.post(f"/library/requests/{request_id}/decide", {"decision": "approve"}).status_code == 403
    reviewer = library_app("shenhe")
    assert f'data-testid="approve-{request_id}"' in reviewer.get("/library/requests").text
    assert reviewer.post(f"/library/requests/{request_id}/decide", {"decision": "approve"}).status_code == 303
    admin = library_app("guanli")
    done = admin.client.post(
        f"/api/library/requests/{request_id}/decision",
        json={"approve": True, "comment": "同意"},
        headers={"X-CSRF-Token": admin.csrf()},
    )
    assert done.status_code == 200 and done.json()["status"] == "approved"
    entry = admin.get(f"/api/library/{done.json()['code']}").json()
    assert entry["status"] == "active" and entry["fields"]["unit"] == "场"
    bad = filler.post("/library/requests", {"kind": "add", "name": ""})
    assert bad.status_code == 400 and "请填写指标名称" in bad.text
    broken = filler.client.post(
        "/api/library/requests", content=b"{", headers={"X-CSRF-Token": filler.csrf()}
    )
    assert broken.status_code == 400 and "JSON" in broken.json()["error"]


def test_the_editor_offers_the_picker(library_app: Any) -> None:
    filler = library_app("tianbao")
    page = filler.get("/tables/new")
    assert page.status_code == 200
    assert 'data-testid="library-picker"' in page.text and "/static/library.js" in page.text
    assert "从指标库选择" in page.text and "推荐指标" in page.text


def test_peer_review_of_a_stored_table(library_app: Any) -> None:
    visitor = library_app()
    table_id = visitor.get("/api/tables?per_page=1").json()["items"][0]["id"]
    found = visitor.get(f"/api/library/review/{table_id}").json()
    assert found["table_id"] == table_id and found["findings"] == []  # one publisher: too few peers
    assert visitor.get("/api/library/review/999999").status_code == 404
