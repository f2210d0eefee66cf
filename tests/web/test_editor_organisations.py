"""The editor: 主管部门 is read-only for a 填报人 (their account decides it), editable for an administrator;
a forged form field changes nothing. SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from jixiao.permissions import OPERATOR
from jixiao.queries import TableQuery
from jixiao.service import Service
from tests.web.helpers import edit_form

FULIAN = "东莞市妇女联合会"


def test_the_department_is_read_only_for_a_filler(app_factory: Any, seeded_url: str) -> None:
    filler, admin = app_factory("tianbao"), app_factory("guanli")
    assert (
        'name="department" id="f-department" value="东莞市妇女联合会" readonly'
        in filler.get("/tables/new").text
    )
    assert "readonly" not in admin.get("/tables/new").text.split('name="department"')[1][:80]
    service = Service(seeded_url)
    table_id = int(service.list_tables(OPERATOR, TableQuery(q="购买社工岗位服务经费"))[0][0].id)
    document = filler.get(f"/api/tables/{table_id}").json()
    document["lock_version"] = service.table_view(OPERATOR, table_id).row.lock_version
    saved = filler.post(f"/tables/{table_id}/edit", edit_form(document, department="东莞市科学技术局"))
    assert saved.status_code == 303
    assert service.table_view(OPERATOR, table_id).row.department == FULIAN
