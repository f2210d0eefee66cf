"""Administration on the web (issue 13), on SQLite and PostgreSQL: users, units and departments, the
audit log read, filtered, paged and exported, the rule profile of a year, and every user's 待办."""

from __future__ import annotations

import re
from typing import Any

from tests.web.conftest import FULIAN
from tests.web.helpers import PASSWORD

NEW_PASSWORD = "Lantern-river-57"


def test_only_an_administrator_reaches_the_administration(app_factory: Any) -> None:
    for name in ("tianbao", "shenhe"):
        user = app_factory(name)
        for path in ("/admin/users", "/admin/orgs", "/admin/profiles", "/audit", "/audit.csv"):
            assert user.get(path, follow_redirects=False).status_code == 403, (name, path)
        assert user.post("/admin/users", {"username": "x", "password": NEW_PASSWORD}).status_code == 403
    assert 'href="/admin/users"' not in app_factory("tianbao").get("/").text
    assert 'href="/admin/users"' in app_factory("guanli").get("/").text


def test_administrator_adds_disables_and_enables_a_user(app_factory: Any) -> None:
    admin = app_factory("guanli")
    added = admin.post(
        "/admin/users", {"username": "xinren", "password": NEW_PASSWORD, "role": "filler", "unit": FULIAN}
    )
    assert added.status_code == 303
    page = admin.get(added.headers["location"]).text
    assert "已添加用户 xinren" in page and 'data-user="xinren"' in page
    newcomer = app_factory()
    assert newcomer.login("xinren", NEW_PASSWORD).status_code == 303
    assert newcomer.get("/account").status_code == 200  # their session works …
    assert admin.post("/admin/users/xinren/state", {"disabled": "1"}).status_code == 303
    assert newcomer.get("/account", follow_redirects=False).status_code == 303  # … until disabled
    assert app_factory().login("xinren", NEW_PASSWORD).status_code == 401
    assert "已停用" in admin.get("/admin/users").text
    assert admin.post("/admin/users/xinren/state", {"disabled": "0"}).status_code == 303
    assert app_factory().login("xinren", NEW_PASSWORD).status_code == 303


def test_a_refused_user_comes_back_with_the_reason_beside_its_field(app_factory: Any) -> None:
    admin = app_factory("guanli")
    weak = admin.post(
        "/admin/users", {"username": "ruomima", "password": "12345678", "role": "filler", "unit": FULIAN}
    )
    assert weak.status_code == 400
    assert 'data-testid="error-password"' in weak.text and 'value="ruomima"' in weak.text
    taken = admin.post(
        "/admin/users", {"username": "tianbao", "password": NEW_PASSWORD, "role": "filler", "unit": FULIAN}
    )
    assert taken.status_code == 400 and 'data-testid="error-username"' in taken.text
    myself = admin.post("/admin/users/guanli/state", {"disabled": "1"})
    assert myself.status_code == 400 and "不能停用自己的账户" in myself.text


def test_reset_password_and_change_role(app_factory: Any) -> None:
    admin = app_factory("guanli")
    filler = app_factory("tianbao")
    assert admin.post("/admin/users/tianbao/password", {"password": NEW_PASSWORD}).status_code == 303
    assert filler.get("/account", follow_redirects=False).status_code == 303  # sessions ended
    assert app_factory().login("tianbao", PASSWORD).status_code == 401
    assert app_factory().login("tianbao", NEW_PASSWORD).status_code == 303
    changed = admin.post("/admin/users/tianbao2/role", {"role": "reviewer", "departments": FULIAN})
    assert changed.status_code == 303
    assert app_factory("tianbao2").get("/queue").status_code == 200  # a reviewer now
    bad = admin.post("/admin/users/tianbao2/role", {"role": "reviewer", "departments": ""})
    assert bad.status_code == 400 and "部门" in bad.text


def test_own_password_under_account(app_factory: Any) -> None:
    filler = app_factory("tianbao")
    done = filler.post(
        "/account/password", {"current": PASSWORD, "new": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert done.status_code == 200 and "密码已修改" in done.text
    assert app_factory().login("tianbao", NEW_PASSWORD).status_code == 303


def test_units_and_departments_listed_added_renamed(app_factory: Any) -> None:
    admin = app_factory("guanli")
    page = admin.get("/admin/orgs").text
    assert FULIAN in page
    assert admin.post("/admin/orgs", {"name": "东莞市新设局"}).status_code == 303
    again = admin.post("/admin/orgs", {"name": "东莞市新设局"})
    assert again.status_code == 400 and "已有名为“东莞市新设局”的单位或部门" in again.text
    empty = admin.post("/admin/orgs", {"name": "  "})
    assert empty.status_code == 400 and "请填写单位或部门的名称" in empty.text
    ids = re.findall(r'action="/admin/orgs/(\d+)/rename"', admin.get("/admin/orgs").text)
    names = re.findall(r'name="name" value="([^"]+)" aria-label', admin.get("/admin/orgs").text)
    target = dict(zip(names, ids, strict=False))["东莞市新设局"]
    assert admin.post(f"/admin/orgs/{target}/rename", {"name": "东莞市更名局"}).status_code == 303
    assert "东莞市更名局" in admin.get("/admin/orgs").text


def test_audit_log_reads_in_chinese_filters_pages_and_exports(app_factory: Any) -> None:
    admin = app_factory("guanli")
    for _ in range(3):
        app_factory().login("tianbao", "Wrong-pass-00")
    page = admin.get("/audit?action=login&outcome=failure").text
    assert "登录" in page and "失败" in page and ">login<" not in page
    assert int(re.search(r'data-testid="audit-total">(\d+)<', page).group(1)) >= 3  # type: ignore[union-attr]
    mine = admin.get("/audit?user=guanli").text
    assert "guanli" in mine and "tianbao</td>" not in mine
    bad = admin.get("/audit?since=昨天")
    assert bad.status_code == 400 and "不是日期" in bad.text
    dated = admin.get("/audit?since=2000-01-01&until=2000-01-02").text
    assert "没有符合条件的记录" in dated
    exported = admin.get("/audit.csv?action=login")
    assert exported.status_code == 200 and exported.text.startswith("\ufeff序号,时间（北京时间）,用户")
    assert "%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97.csv" in exported.headers["content-disposition"]
    assert "导出审计日志" in admin.get("/audit?action=audit_export").text  # the export was audited


def test_audit_log_pages(app_factory: Any) -> None:
    admin = app_factory("guanli")
    for _ in range(26):
        app_factory().login("nobody", "Wrong-pass-00")
    first = admin.get("/audit").text
    assert "第 1 / " in first and 'data-testid="next-page"' in first
    second = admin.get("/audit?page=2").text
    assert "第 2 / " in second


def _profile_form(**changes: str) -> dict[str, str]:
    from jixiao.service.rule_profiles import default_settings, form_values

    form = {k: v for k, v in form_values(default_settings()).items() if v}
    form.update(changes)
    return form


def test_profile_refuses_a_bad_value_beside_its_field(app_factory: Any) -> None:
    admin = app_factory("guanli")
    assert "默认配置，尚未保存" in admin.get("/admin/profiles/2025").text
    bad = admin.post("/admin/profiles/2025", _profile_form(budget_weight="十分"))
    assert bad.status_code == 400
    assert 'data-testid="error-budget_weight"' in bad.text and "预算执行率分值应填写数字" in bad.text
    sums = admin.post("/admin/profiles/2025", _profile_form(budget_weight="20"))
    assert sums.status_code == 400 and "合计应为100分，现为110分" in sums.text
    lines = admin.post("/admin/profiles/2025", _profile_form(grade_good="95"))
    assert lines.status_code == 400 and 'data-testid="error-grade_good"' in lines.text
    assert "默认配置，尚未保存" in admin.get("/admin/profiles/2025").text  # nothing stored
    year = admin.get("/admin/profiles?year=二五")
    assert year.status_code == 400 and "年度应是四位数字" in year.text


def test_profile_changes_the_review_of_that_year(app_factory: Any) -> None:
    admin = app_factory("guanli")
    before = admin.get("/api/tables?per_page=100").json()["items"]
    assert any(t["outcome"] != "优" for t in before)
    off = {k: v for k, v in _profile_form().items() if not k.startswith("rule-")}  # every rule off
    saved = admin.post("/admin/profiles/2025", off)
    assert saved.status_code == 303
    assert "重新审核了17张表" in admin.get(saved.headers["location"]).text
    after = admin.get("/api/tables?per_page=100").json()["items"]
    assert all(t["outcome"] == "优" for t in after)
    assert "2025年度" in admin.get("/admin/profiles").text
    assert "修改审核与评分配置" in admin.get("/audit?action=profile").text
    again = admin.post("/admin/profiles/2025", _profile_form())  # the rules back on
    assert again.status_code == 303
    assert [t["outcome"] for t in admin.get("/api/tables?per_page=100").json()["items"]] == [
        t["outcome"] for t in before
    ]


def test_filler_and_reviewer_see_their_todo_in_the_header(app_factory: Any) -> None:
    filler, reviewer = app_factory("tianbao"), app_factory("shenhe")
    home = filler.get("/").text
    count = int(re.search(r'data-testid="todo-badge"[^>]*>(\d+)<', home).group(1))  # type: ignore[union-attr]
    todo = filler.get("/todo").text
    assert int(re.search(r'data-testid="todo-total">(\d+)<', todo).group(1)) == count  # type: ignore[union-attr]
    assert "草稿待填报" in todo and "退回待修改" in todo
    assert 'data-testid="todo-badge"' not in reviewer.get("/").text  # nothing submitted yet
    table_id = filler.get("/api/tables").json()["items"][0]["id"]
    assert filler.post(f"/tables/{table_id}/submit").status_code == 303
    review = reviewer.get("/todo").text
    assert re.search(r'data-testid="todo-count-review">1<', review)
    assert re.search(r'data-testid="todo-badge"[^>]*>1<', reviewer.get("/").text)
    assert 'data-testid="nav-todo"' not in app_factory().get("/").text  # visitors have none


def test_profile_weights_and_grade_lines_score_that_year(app_factory: Any, seeded_url: str) -> None:
    from decimal import Decimal

    from jixiao.permissions import OPERATOR
    from jixiao.service import Service

    admin = app_factory("guanli")
    table_id = admin.get("/api/tables").json()["items"][0]["id"]
    service = Service(seeded_url)
    assert service.evaluation.evaluation(OPERATOR, table_id).profile.budget_weight == Decimal(10)
    form = _profile_form(budget_weight="20", weight_output="40", grade_excellent="95")
    assert admin.post("/admin/profiles/2025", form).status_code == 303
    view = service.evaluation.evaluation(OPERATOR, table_id)
    assert view.profile.budget_weight == Decimal(20) and view.profile.grades.excellent == Decimal(95)
    assert view.profile.weight_groups[0].weight == Decimal(40)


def test_dashboard_charts_have_a_text_table_naming_the_rules(app_factory: Any) -> None:
    page = app_factory("guanli").get("/").text
    for chart in ("status", "outcome", "severity", "type", "unit", "rule"):
        assert f'data-testid="table-{chart}"' in page, chart
    rules = page.split('data-testid="table-rule"')[1].split("</table>")[0]
    assert re.search(r"<code>JX-[A-Z]\d\d</code> [^<]+</td><td>(错误|警告|提示)</td>", rules)


def test_json_twins(app_factory: Any) -> None:
    admin, filler = app_factory("guanli"), app_factory("tianbao")
    todo = filler.get("/api/todo").json()
    assert todo["count"] == sum(g["count"] for g in todo["groups"]) and todo["count"] > 0
    assert {u["username"] for u in admin.get("/api/admin/users").json()["items"]} >= {"tianbao", "guanli"}
    assert any(o["name"] == FULIAN for o in admin.get("/api/admin/orgs").json()["items"])
    assert admin.get("/api/admin/profiles/2025").json()["own"] is False
    logins = admin.get("/api/admin/audit?action=login").json()
    assert logins["total"] >= 2 and all(e["action_label"] == "登录" for e in logins["items"])
    for path in ("/api/admin/users", "/api/admin/orgs", "/api/admin/profiles/2025", "/api/admin/audit"):
        assert filler.get(path).status_code == 403
    assert app_factory().get("/api/todo").status_code == 401


def test_import_preview_and_import_follow_the_year_profile(app_factory: Any, seed_path: Any) -> None:
    admin = app_factory("guanli")
    text = seed_path.read_text().replace("1200个\t1200个", "1250个\t1250个", 1)
    default = admin.post("/import", files={"file": ("fulian.txt", text.encode(), "text/plain")})
    assert 'data-code="JX-M02"' in default.text
    form = _profile_form()
    form.pop("rule-JX-M02")  # off for 2025
    assert admin.post("/admin/profiles/2025", form).status_code == 303
    preview = admin.post("/import", files={"file": ("fulian.txt", text.encode(), "text/plain")})
    assert 'data-code="JX-M02"' not in preview.text and 'data-code="JX-M01"' in preview.text
    token = preview.text.split("/import/")[1].split("/confirm")[0]
    assert admin.post(f"/import/{token}/confirm").status_code == 303
    for item in admin.get("/api/tables?per_page=100").json()["items"]:  # the stored reviews too
        codes = {f["code"] for f in admin.get(f"/api/tables/{item['id']}").json()["findings"]}
        assert "JX-M02" not in codes
