"""Stored XSS through every text field users type, on every page that shows it (issue 10): a table's
name, type, goals and indicators; a reviewer's comment, return comment and dismissal reason; a
library request; an organisation's name. Each page must carry the payload only escaped, and the
JSON blocks that feed the charts must give it back as text.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from jixiao.permissions import OPERATOR
from jixiao.service import Service
from jixiao.workflow import Action
from tests.web.helpers import edit_form

PAYLOADS = ("</script><img src=x onerror=alert(1)>", "\"'><svg onload=alert(1)>")
SOURCE = "购买社工岗位服务经费"


def _plant(app_factory: Any, url: str, payload: str) -> dict[str, Any]:
    """The payload in every field a user types, through the pages and the service as they would."""
    filler = app_factory("tianbao")
    table_id = int(filler.get(f"/api/tables?q={SOURCE}").json()["items"][0]["id"])
    document = filler.get(f"/api/tables/{table_id}").json()
    indicator = document["indicators"][0]
    form = edit_form(
        document, name=f"项目{payload}", type=payload, goals_annual=payload, goals_period=payload
    )
    form["ind-0-name"] = f"{indicator['name']}{payload}"
    assert filler.post(f"/tables/{table_id}/edit", form).status_code == 303
    service = Service(url)
    errors = {f.id: payload for f in service.table_view(OPERATOR, table_id).findings if f.severity == "error"}
    service.act(OPERATOR, table_id, Action.SUBMIT, payload, errors)
    reviewer = app_factory("shenhe")
    first = service.table_view(OPERATOR, table_id).table.indicators[0]
    note = {"level1": first.level1, "level2": first.level2, "name": first.name, "body": payload}
    assert reviewer.post(f"/tables/{table_id}/comments", note).status_code == 303
    finding = service.table_view(OPERATOR, table_id).findings[0].id
    assert reviewer.dismiss(table_id, finding, payload).status_code == 303
    fields = {"name": f"指标{payload}", "level1": "产出指标", "level2": "数量指标", "direction": "positive"}
    request = service.library_request(OPERATOR, "add", None, fields, payload)
    service.library_decide(OPERATOR, request["id"], True)
    code = service.library_decide(OPERATOR, request["id"], True)["code"]
    assert app_factory("guanli").post("/admin/orgs", {"name": f"单位{payload}"}).status_code == 303
    return {"id": table_id, "code": code}


PAGES = {
    "guanli": [
        "/", "/tables", "/tables/{id}", "/tables/{id}/compare", "/tables/{id}/copy", "/queue", "/todo",
        "/audit", "/admin/orgs", "/admin/users", "/library", "/library/requests?status=approved",
        "/library/{code}",
    ],
    "shenhe": ["/", "/tables", "/tables/{id}", "/queue", "/todo", "/library/{code}"],
    "tianbao": ["/", "/tables", "/tables/{id}", "/todo"],
}  # fmt: skip


@pytest.mark.parametrize("payload", PAYLOADS)
def test_typed_text_reaches_every_page_as_text(app_factory: Any, seeded_url: str, payload: str) -> None:
    ids = _plant(app_factory, seeded_url, payload)
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for persona, paths in PAGES.items():
        browser = app_factory(persona)
        for path in paths:
            page = browser.get(path.format(**ids))
            assert page.status_code == 200, (persona, path, page.status_code)
            assert payload not in page.text, f"{path} carries the payload as markup for {persona}"
            blocks = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page.text, re.S)
            for block in blocks:  # chart data: still JSON, the payload in it as the text it was
                json.loads(block)
            shown = escaped in page.text.replace("&#34;", '"').replace("&#39;", "'")
            decoded = any(payload in json.dumps(json.loads(b), ensure_ascii=False) for b in blocks)
            assert shown or decoded or path in ("/admin/users", "/todo"), f"{path}: the text is gone"
