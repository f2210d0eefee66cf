"""Never losing work, and starting tables on the web, on SQLite and PostgreSQL.

A failed save shows the page again with everything typed and each error beside its field; an expired
session gives HTMX a notice (not the login page) and forms a way back; /tables/new is the blank
official form; a table is copied to a new year; an added indicator joins its 一级/二级 group.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import delete, func, select

from jixiao.store.db import get_engine
from jixiao.store.schema import perf_tables, sessions, table_versions
from tests.web.helpers import edit_form

SEED_TABLE = "购买社工岗位服务经费"
FULIAN = "东莞市妇女联合会"


def _first_id(browser: Any) -> int:
    return int(browser.get(f"/api/tables?q={SEED_TABLE}").json()["items"][0]["id"])


def _document(browser: Any, table_id: int) -> dict[str, Any]:
    return dict(browser.get(f"/api/tables/{table_id}").json())


def _versions(url: str, table_id: int) -> int:
    with get_engine(url).connect() as conn:
        query = select(func.count()).where(table_versions.c.table_id == table_id)
        return int(conn.execute(query).scalar_one())


def _value_of(html: str, name: str) -> str:
    found = re.search(rf'<input name="{name}" id="f-{name}" value="([^"]*)"', html)
    assert found, name
    return found.group(1)


def test_failed_save_keeps_everything_typed_with_errors_beside_fields(
    app_factory: Any, seeded_url: str
) -> None:
    filler = app_factory("tianbao")
    table_id = _first_id(filler)
    document = _document(filler, table_id)
    form = edit_form(document, budget="95.4万", year="20255", goals_annual="新写的年度目标，尚未保存")
    form["annual"][0] = "1250个"
    form["indicator"].append("新增的指标")
    for name, value in (
        ("level1", "产出指标"),
        ("level2", "数量指标"),
        ("period", "10次"),
        ("annual", "5次"),
    ):
        form[name].append(value)
    page = filler.post(f"/tables/{table_id}/edit", form)
    assert page.status_code == 400
    html = page.text
    assert _value_of(html, "budget") == "95.4万" and _value_of(html, "year") == "20255"
    assert "新写的年度目标，尚未保存" in html and 'value="1250个"' in html and 'value="新增的指标"' in html
    assert 'data-testid="error-budget"' in html and "954000" in html  # the 万 is explained, in 元
    assert 'data-testid="error-year"' in html and "四位年份" in html
    assert "有 2 处需要改正" in html
    assert _versions(seeded_url, table_id) == 1  # nothing stored
    live = filler.post(f"/tables/{table_id}/check", form)
    assert live.status_code == 200 and "954000" in live.text


def test_expired_session_gives_htmx_a_notice_and_forms_a_way_back(app_factory: Any, seeded_url: str) -> None:
    filler = app_factory("tianbao")
    table_id = _first_id(filler)
    form = edit_form(_document(filler, table_id), goals_annual="登录过期前写的")
    with get_engine(seeded_url).begin() as conn:
        conn.execute(delete(sessions))  # the session ends while the editor is open
    current = f"http://testserver/tables/{table_id}/edit"
    live = filler.post(
        f"/tables/{table_id}/check", form, headers={"HX-Request": "true", "HX-Current-URL": current}
    )
    assert live.status_code == 401
    assert "登录已过期" in live.text and 'data-testid="session-expired"' in live.text
    assert "<html" not in live.text  # a notice for the panel, not the login page inside it
    assert f"/login?next=/tables/{table_id}/edit&amp;expired=1" in live.text
    saved = filler.post(f"/tables/{table_id}/edit", form)
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/login?next=/tables/{table_id}/edit&expired=1"
    login = filler.get(saved.headers["location"])
    assert 'data-testid="expired"' in login.text and "登录已过期" in login.text
    never_logged_in = app_factory().post(f"/tables/{table_id}/edit", form)
    assert "expired" not in never_logged_in.headers["location"]


def test_blank_form_for_the_unit(app_factory: Any) -> None:
    filler = app_factory("tianbao")
    page = filler.get("/tables/new")
    assert page.status_code == 200
    html = page.text
    assert "新建绩效目标表" in html and f'value="{FULIAN}"' in html
    for level2 in ("经济成本指标", "数量指标", "社会效益指标", "服务对象满意度指标"):
        assert f'value="{level2}"' in html, level2
    assert 'hx-post="/tables/new/check"' in html
    assert app_factory().get("/tables/new", follow_redirects=False).headers["location"].startswith("/login")
    refused = app_factory("shenhe").get("/tables/new")
    assert refused.status_code == 403 and "只有填报人" in refused.text
    typing = {"indicator": ["培训人次"], "level1": ["产出指标"], "level2": ["数量指标"],
              "period": [""], "annual": ["300人次"]}  # fmt: skip
    live = filler.post("/tables/new/check", typing)
    assert live.status_code == 200 and "项目名称不能为空" not in live.text  # reviewed while still typing


def _new_form(**changes: Any) -> dict[str, Any]:
    rows = [("成本指标", "经济成本指标", "人均培训成本", "≤500元", "≤500元"),
            ("产出指标", "数量指标", "培训人次", "900人次", "300人次"),
            ("效益指标", "社会效益指标", "", "", ""),
            ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "≥90%"),
            ("成本指标", "经济成本指标", "场地租金", "≤3万元", "≤1万元")]  # fmt: skip
    form: dict[str, Any] = {
        "name": "妇女创业培训",
        "type": "其他",
        "department": FULIAN,
        "period_start": "2026",
        "period_end": "2028",
        "year": "2026",
        "budget": "150000",
        "goals_period": "三年培训900人次。",
        "goals_annual": "年度培训300人次。",
    }
    for index, name in enumerate(("level1", "level2", "indicator", "period", "annual")):
        form[name] = [row[index] for row in rows]
    return {**form, **changes}


def test_filler_creates_a_table_from_the_blank_form(app_factory: Any) -> None:
    filler = app_factory("tianbao")
    missing = filler.post("/tables/new", _new_form(name="", budget="15万"))
    assert missing.status_code == 400
    assert 'data-testid="error-name"' in missing.text and 'value="15万"' in missing.text
    created = filler.post("/tables/new", _new_form())
    assert created.status_code == 303, created.text
    table_id = int(created.headers["location"].split("/")[2].split("?")[0])
    document = _document(filler, table_id)
    assert document["status"] == "draft" and document["project"]["unit"] == FULIAN
    names = [i["name"] for i in document["indicators"]]
    assert names == ["人均培训成本", "场地租金", "培训人次", "学员满意度"]  # 场地租金 joins 成本指标
    assert document["events"][0]["action"] == "create"
    page = filler.get(f"/tables/{table_id}?created=1")
    assert "已新建为本单位的草稿" in page.text and "新建" in page.text
    again = filler.post("/tables/new", _new_form(goals_annual="第二次填写"))
    assert again.status_code == 409 and "本单位已有" in again.text and "第二次填写" in again.text
    foreign = app_factory("outsider").get(f"/tables/{table_id}")
    assert foreign.status_code == 403


def test_copy_to_a_new_year_keeps_values_and_notes_its_source(app_factory: Any, seeded_url: str) -> None:
    filler = app_factory("tianbao")
    source_id = _first_id(filler)
    source = _document(filler, source_id)
    page = filler.get(f"/tables/{source_id}/copy")
    assert page.status_code == 200
    assert _value_of(page.text, "year") == str(source["project"]["year"] + 1)
    assert f'name="source_id" value="{source_id}"' in page.text
    form = edit_form(source, year=str(source["project"]["year"] + 1), source_id=str(source_id))
    del form["lock_version"]
    created = filler.post("/tables/new", form)
    assert created.status_code == 303, created.text
    copy_id = int(created.headers["location"].split("/")[2].split("?")[0])
    copy = _document(filler, copy_id)
    assert copy["status"] == "draft" and copy["project"]["year"] == source["project"]["year"] + 1
    assert [i["annual"]["raw"] for i in copy["indicators"]] == [
        i["annual"]["raw"] for i in source["indicators"]
    ]
    assert f"复制自表 {source_id}" in copy["events"][0]["comment"]
    assert _document(filler, source_id)["version"] == 1  # the source is untouched
    # another unit may copy only what is published
    assert app_factory("outsider").get(f"/tables/{source_id}/copy").status_code == 403
    with get_engine(seeded_url).begin() as conn:
        conn.execute(perf_tables.update().where(perf_tables.c.id == source_id).values(status="published"))
    outsider = app_factory("outsider")
    theirs = outsider.get(f"/tables/{source_id}/copy")
    assert theirs.status_code == 200 and 'value="东莞市科学技术局"' in theirs.text
