"""Every route, on SQLite and PostgreSQL, as named users of each role (and as nobody)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select, update

from jixiao.store.db import get_engine
from jixiao.store.schema import audit_log, perf_tables, sessions, table_versions
from tests.web.helpers import PASSWORD, edit_form

SEED_TABLE = "购买社工岗位服务经费"


def _first_id(browser: Any) -> int:
    items = browser.get(f"/api/tables?q={SEED_TABLE}").json()["items"]
    assert items, "the seed table is not visible"
    return int(items[0]["id"])


def _document(browser: Any, table_id: int) -> dict[str, Any]:
    response = browser.get(f"/api/tables/{table_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())


def _count(url: str, table: Any) -> int:
    with get_engine(url).connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_anonymous_sees_only_published(app_factory: Any) -> None:
    nobody, filler = app_factory(), app_factory("tianbao")
    assert nobody.get("/api/tables").json() == {"items": [], "total": 0, "page": 1, "per_page": 20}
    table_id = _first_id(filler)
    assert nobody.get(f"/api/tables/{table_id}").status_code == 404
    assert nobody.get(f"/tables/{table_id}").status_code == 404
    assert nobody.get(f"/tables/{table_id}/document.json").status_code == 404
    assert nobody.get("/api/me").json()["username"] is None
    for page in ("/", "/tables", "/open-data", "/login", "/openapi.json"):
        assert nobody.get(page).status_code == 200, page
    assert nobody.get("/api/queue").status_code == 401
    assert nobody.get("/queue", follow_redirects=False).status_code == 303
    assert nobody.get("/import", follow_redirects=False).headers["location"].startswith("/login")


def test_each_role_sees_its_own_tables(app_factory: Any) -> None:
    totals = {name: app_factory(name).get("/api/tables").json()["total"] for name in
              ("tianbao", "outsider", "shenhe", "othereviewer", "guanli")}  # fmt: skip
    assert totals == {"tianbao": 17, "outsider": 0, "shenhe": 17, "othereviewer": 0, "guanli": 17}
    table_id = _first_id(app_factory("tianbao"))
    assert app_factory("outsider").get(f"/api/tables/{table_id}").status_code == 403
    assert app_factory("othereviewer").get(f"/tables/{table_id}").status_code == 403
    page = app_factory("tianbao").get(f"/tables/{table_id}")
    assert page.status_code == 200 and "项目绩效目标表" in page.text and "预算控制数" in page.text


def test_api_items_have_the_open_data_shape(app_factory: Any, seed_path: Any) -> None:
    body = app_factory("guanli").get("/api/tables?per_page=100").json()
    assert body["total"] == 17 and len(body["items"]) == 17
    item = next(i for i in body["items"] if i["project"]["name"] == SEED_TABLE)
    assert item["format"] == "jixiao.table/1"
    assert item["project"]["budget"] == "2480691.00"
    assert item["project"]["period"] == {"start": 2021, "end": 2029}
    assert item["status"] == "draft" and item["outcome"] in ("优", "良", "中", "差")
    first = item["indicators"][0]
    assert first["level1"] == "成本指标" and first["period"]["raw"] == "≤2480691元"
    assert first["period"]["op"] == "<=" and first["period"]["value"] == "2480691"
    detail = app_factory("guanli").get(f"/api/tables/{item['id']}").json()
    assert detail["lock_version"] >= 1 and detail["outcome_reason"]
    from jixiao.readers.text import read_path
    from jixiao.review import review_batch

    tables, _ = read_path(seed_path)
    expected = next(r for r in review_batch(tables) if r.table.project.name == SEED_TABLE)
    assert [(f["code"], f["line"]) for f in detail["findings"]] == [
        (f.code, f.source.line) for f in expected.findings
    ]
    assert detail["outcome"] == expected.outcome.value
    schema = app_factory().get("/openapi.json").json()
    assert "/api/tables" in schema["paths"] and "/api/tables/{table_id}" in schema["paths"]


def test_list_filters_sort_and_paginate(app_factory: Any) -> None:
    admin = app_factory("guanli")
    page1 = admin.get("/api/tables?per_page=5&sort=budget&order=desc").json()
    page2 = admin.get("/api/tables?per_page=5&sort=budget&order=desc&page=2").json()
    budgets = [float(i["project"]["budget"]) for i in page1["items"] + page2["items"]]
    assert budgets == sorted(budgets, reverse=True) and len(budgets) == 10
    assert {i["id"] for i in page1["items"]}.isdisjoint({i["id"] for i in page2["items"]})
    by_indicator = admin.get("/api/tables?indicator=咨询服务数&per_page=100").json()
    assert 1 <= by_indicator["total"] < 17
    assert all(any("咨询服务数" in i["name"] for i in item["indicators"]) for item in by_indicator["items"])
    by_value = admin.get("/api/tables?indicator=2480691").json()["items"]
    assert [item["project"]["name"] for item in by_value] == [SEED_TABLE]
    assert admin.get("/api/tables?q=妇女联合会").json()["total"] == 17  # the unit's name
    assert admin.get("/api/tables?q=不存在的项目").json()["total"] == 0
    assert admin.get("/api/tables?year=2024").json()["total"] == 0
    assert admin.get("/api/tables?year=2025&status=draft").json()["total"] == 17
    assert admin.get("/api/tables?status=published").json()["total"] == 0
    by_grade = [admin.get(f"/api/tables?outcome={g}").json()["total"] for g in ("优", "良", "中", "差")]
    assert sum(by_grade) == 17
    with_errors = admin.get("/api/tables?severity=error&per_page=100").json()["items"]
    assert all(
        any(f["severity"] == "error" for f in _document(admin, i["id"])["findings"]) for i in with_errors
    )
    html = admin.get("/tables?q=购买社工&sort=name&order=asc")
    assert html.status_code == 200 and SEED_TABLE in html.text


def test_login_failures_lock_the_account(app_factory: Any) -> None:
    browser = app_factory()
    for _ in range(4):
        assert browser.login("tianbao", "wrong-password").status_code == 401
    locked = browser.login("tianbao", "wrong-password")
    assert locked.status_code == 401 and "暂时限制" in locked.text
    still = browser.login("tianbao", PASSWORD)  # the right password, from the guessing address
    assert still.status_code == 401 and "暂时限制" in still.text
    assert browser.get("/api/me").json()["username"] is None
    # more in tests/security/test_login.py: other addresses, growing delays, no enumeration


def test_expired_session_is_anonymous(app_factory: Any, seeded_url: str) -> None:
    browser = app_factory("tianbao")
    assert browser.get("/api/me").json()["username"] == "tianbao"
    from datetime import UTC, datetime, timedelta

    with get_engine(seeded_url).begin() as conn:
        conn.execute(update(sessions).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    assert browser.get("/api/me").json()["username"] is None


def test_forms_without_csrf_token_are_refused(app_factory: Any) -> None:
    browser = app_factory("tianbao")
    table_id = _first_id(browser)
    response = browser.client.post(f"/tables/{table_id}/submit", data={}, follow_redirects=False)
    assert response.status_code == 403 and "CSRF" in response.text
    forged = browser.client.post(
        f"/tables/{table_id}/submit", data={"csrf_token": "x" * 32}, follow_redirects=False
    )
    assert forged.status_code == 403
    assert _document(browser, table_id)["status"] == "draft"
    login = app_factory().client.post("/login", data={"username": "tianbao", "password": PASSWORD})
    assert login.status_code == 403


def test_filler_edits_own_draft_and_it_is_audited(app_factory: Any, seeded_url: str) -> None:
    filler = app_factory("tianbao")
    table_id = _first_id(filler)
    document = _document(filler, table_id)
    assert filler.get(f"/tables/{table_id}/edit").status_code == 200
    form = edit_form(document)
    form["annual"][1] = "1300个"
    response = filler.post(f"/tables/{table_id}/edit", form)
    assert response.status_code == 303, response.text
    after = _document(filler, table_id)
    assert after["indicators"][1]["annual"]["raw"] == "1300个"
    assert after["indicators"][1]["annual"]["value"] == "1300"
    assert after["version"] == 2 and after["status"] == "draft"
    audit = app_factory("guanli").get("/api/audit").json()["items"]
    edit = next(e for e in audit if e["action"] == "edit")
    assert edit["entity_id"] == table_id
    assert any(c["new"].endswith("年度 1300个") for c in edit["detail"]["changes"])
    live = filler.post(f"/tables/{table_id}/check", form)
    assert live.status_code == 200


def test_others_cannot_edit(app_factory: Any) -> None:
    owner = app_factory("tianbao")
    table_id = _first_id(owner)
    form = edit_form(_document(owner, table_id), goals_annual="被篡改")
    for name in ("outsider", "shenhe", "othereviewer"):
        intruder = app_factory(name)
        assert intruder.get(f"/tables/{table_id}/edit").status_code == 403, name
        assert intruder.post(f"/tables/{table_id}/edit", form).status_code == 403, name
    assert app_factory().post(f"/tables/{table_id}/edit", form).status_code == 303  # to the login page
    assert _document(owner, table_id)["goals"]["annual"] != "被篡改"


def test_concurrent_edit_second_save_gets_a_conflict(app_factory: Any, seeded_url: str) -> None:
    first, second = app_factory("tianbao"), app_factory("tianbao2")
    table_id = _first_id(first)
    document = _document(first, table_id)
    assert (
        first.post(f"/tables/{table_id}/edit", edit_form(document, goals_annual="甲的年度目标")).status_code
        == 303
    )
    clash = second.post(f"/tables/{table_id}/edit", edit_form(document, goals_annual="乙的年度目标"))
    assert clash.status_code == 409
    assert "保存冲突" in clash.text
    assert "乙的年度目标" in clash.text  # what the second user typed is still on their screen
    assert _document(first, table_id)["goals"]["annual"] == "甲的年度目标"
    with get_engine(seeded_url).connect() as conn:
        versions = conn.execute(
            select(func.count()).where(table_versions.c.table_id == table_id)
        ).scalar_one()
    assert versions == 2


def test_full_workflow_with_return_and_publish(app_factory: Any) -> None:
    filler, reviewer, outsider, nobody = (
        app_factory("tianbao"),
        app_factory("shenhe"),
        app_factory("othereviewer"),
        app_factory(),
    )
    table_id = _first_id(filler)
    assert reviewer.post(f"/tables/{table_id}/approve").status_code == 403  # not submitted yet
    assert reviewer.post(f"/tables/{table_id}/submit").status_code == 403  # reviewers do not submit
    assert filler.post(f"/tables/{table_id}/submit").status_code == 303
    assert _document(filler, table_id)["status"] == "submitted"
    assert filler.post(f"/tables/{table_id}/approve").status_code == 403
    assert outsider.post(f"/tables/{table_id}/approve").status_code == 403
    queue = reviewer.get("/api/queue").json()
    assert [i["id"] for i in queue["items"]] == [table_id]
    assert filler.get("/api/queue").status_code == 403
    assert reviewer.get("/queue").status_code == 200
    assert reviewer.post(f"/tables/{table_id}/return", {"comment": ""}).status_code == 400
    assert reviewer.post(f"/tables/{table_id}/return", {"comment": "请补充时效指标"}).status_code == 303
    returned = filler.get(f"/tables/{table_id}")
    assert "请补充时效指标" in returned.text
    document = _document(filler, table_id)
    assert document["status"] == "returned"
    fixed = edit_form(document, goals_annual="已按意见补充")
    assert filler.post(f"/tables/{table_id}/edit", fixed).status_code == 303
    assert filler.post(f"/tables/{table_id}/submit").status_code == 303
    assert reviewer.post(f"/tables/{table_id}/approve").status_code == 303
    assert filler.post(f"/tables/{table_id}/edit", edit_form(_document(filler, table_id))).status_code == 400
    assert nobody.get(f"/api/tables/{table_id}").status_code == 404
    assert reviewer.post(f"/tables/{table_id}/publish").status_code == 303
    public = nobody.get(f"/api/tables/{table_id}").json()
    assert public["status"] == "published" and public["goals"]["annual"] == "已按意见补充"
    actions = [e["action"] for e in public["events"]]
    assert actions == ["import", "submit", "return", "submit", "approve", "publish"]
    assert nobody.get(f"/tables/{table_id}").status_code == 200
    downloads = json.loads(nobody.get("/open-data/tables.json").text)
    assert [d["id"] for d in downloads] == [table_id]
    csv_rows = nobody.get("/open-data/tables.csv").text.strip().splitlines()
    assert len(csv_rows) == 1 + len(public["indicators"])


def test_adjustment_keeps_old_version_and_needs_a_reason(app_factory: Any) -> None:
    filler, reviewer, admin = app_factory("tianbao"), app_factory("shenhe"), app_factory("guanli")
    table_id = _first_id(filler)
    filler.post(f"/tables/{table_id}/submit")
    reviewer.post(f"/tables/{table_id}/approve")
    document = _document(filler, table_id)
    form = edit_form(document, budget="2600000.00")
    no_reason = filler.post(f"/tables/{table_id}/edit", form)
    assert no_reason.status_code == 400 and "调整理由" in no_reason.text
    form["reason"] = "年中追加预算"
    assert filler.post(f"/tables/{table_id}/edit", form).status_code == 303
    after = _document(filler, table_id)
    assert after["status"] == "submitted" and after["version"] == 2
    assert after["project"]["budget"] == "2600000.00"
    assert after["versions"][-1]["reason"] == "年中追加预算"
    diff = reviewer.get(f"/api/tables/{table_id}/compare?old=1&new=2").json()["changes"]
    assert {"kind": "changed", "place": "预算金额(元)", "old": "2480691.00", "new": "2600000.00"} in diff
    page = reviewer.get(f"/tables/{table_id}/compare")
    assert page.status_code == 200 and "2600000.00" in page.text
    assert admin.get("/audit").status_code == 200
    assert filler.get("/audit").status_code == 403
    assert filler.get("/api/audit").status_code == 403


def test_bad_uploads_store_nothing(app_factory: Any, seeded_url: str) -> None:
    filler = app_factory("tianbao")
    before = (_count(seeded_url, perf_tables), _count(seeded_url, table_versions))
    no_indicators = "项目绩效目标表\n项目名称\t空表\n用款单位\t东莞市妇女联合会\n2025年预算金额(元)\t100.00\n"
    uploads = {  # file → what the message must say
        "binary.txt": (bytes(range(256)) * 40, "无法识别的文件格式"),
        "empty.txt": (b"", "是空的"),
        "blank.txt": (b"   \n\n", "是空的"),
        "none.txt": (no_indicators.encode(), "没有任何绩效指标"),
        "huge.txt": (b"a" * (50 * 1024 * 1024), "太大"),
    }
    for name, (data, reason) in uploads.items():
        response = filler.post("/import", files={"file": (name, data, "text/plain")})
        if name == "huge.txt":  # refused from its length, before the body is read (tests/security)
            assert response.status_code == 413 and reason in response.text
            continue
        assert response.status_code == 400, name
        assert name in response.text and reason in response.text, (name, response.text[-800:])
        assert "确认导入" not in response.text
    assert (_count(seeded_url, perf_tables), _count(seeded_url, table_versions)) == before


def test_import_preview_then_confirm(app_factory: Any, seed_path: Any, seeded_url: str) -> None:
    admin = app_factory("guanli")
    text = seed_path.read_text().replace("1200个\t1200个", "1250个\t1250个", 1)
    preview = admin.post("/import", files={"file": ("fulian.txt", text.encode(), "text/plain")})
    assert preview.status_code == 200 and 'data-testid="preview-count">17<' in preview.text
    assert (
        preview.text.count('data-effect="changed"') == 1
        and preview.text.count('data-effect="unchanged"') == 16
    )
    assert _count(seeded_url, table_versions) == 17  # nothing stored before confirming
    token = preview.text.split("/import/")[1].split("/confirm")[0]
    other = app_factory("tianbao")
    assert other.post(f"/import/{token}/confirm").status_code == 404  # someone else's upload
    done = admin.post(f"/import/{token}/confirm")
    assert done.status_code == 303
    assert _count(seeded_url, table_versions) == 18 and _count(seeded_url, perf_tables) == 17
    assert admin.post(f"/import/{token}/confirm").status_code == 404  # used once


def test_filler_cannot_import_another_units_tables(app_factory: Any, seed_path: Any, seeded_url: str) -> None:
    outsider = app_factory("outsider")
    preview = outsider.post("/import", files={"file": ("fulian.txt", seed_path.read_bytes(), "text/plain")})
    token = preview.text.split("/import/")[1].split("/confirm")[0]
    refused = outsider.post(f"/import/{token}/confirm")
    assert refused.status_code == 403 and "本单位" in refused.text
    assert _count(seeded_url, table_versions) == 17
    with get_engine(seeded_url).connect() as conn:
        assert (
            conn.execute(
                select(func.count()).select_from(audit_log).where(audit_log.c.action == "import")
            ).scalar()
            == 17
        )


def test_workbook_upload_is_read_like_text(app_factory: Any, seed_path: Any, seeded_url: str) -> None:
    import io
    from dataclasses import replace

    from jixiao.readers.text import read_path
    from jixiao.writers.xlsx import build_workbook

    tables, _ = read_path(seed_path)
    changed = [replace(tables[0], goals=replace(tables[0].goals, period="新的总目标", annual="新的年度目标"))]
    buffer = io.BytesIO()
    build_workbook(changed).save(buffer)
    admin = app_factory("guanli")
    preview = admin.post(
        "/import", files={"file": ("fulian.xlsx", buffer.getvalue(), "application/octet-stream")}
    )
    assert preview.status_code == 200, preview.text[-500:]
    assert 'data-testid="preview-count">1<' in preview.text
    token = preview.text.split("/import/")[1].split("/confirm")[0]
    assert admin.post(f"/import/{token}/confirm").status_code == 303
    assert _count(seeded_url, perf_tables) == 17 and _count(seeded_url, table_versions) == 18
    item = admin.get(f"/api/tables?q={SEED_TABLE}").json()["items"][0]
    assert item["goals"]["annual"] == "新的年度目标" and item["project"]["budget"] == "2480691.00"
