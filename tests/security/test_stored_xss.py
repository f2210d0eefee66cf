"""Stored XSS: text a 填报人 types must reach every other user's page as text, never as markup.

The attack this stops: a 项目类型 of ``</script><img src=x onerror=…>`` closed the dashboard's JSON
script block and ran in the administrator's session (it could read the CSRF token and approve tables).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.web.helpers import edit_form

PAYLOADS = (
    "</script><img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "\"'><svg onload=alert(1)>",
)


def _own_draft(filler: Any) -> tuple[int, dict[str, Any]]:
    item = filler.get("/api/tables?q=购买社工岗位服务经费").json()["items"][0]
    table_id = int(item["id"])
    return table_id, filler.get(f"/api/tables/{table_id}").json()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_type_and_name_stays_text_on_the_dashboard(app_factory: Any, payload: str) -> None:
    filler = app_factory("tianbao")
    table_id, document = _own_draft(filler)
    form = edit_form(document, type=payload, name=f"项目{payload}")
    assert filler.post(f"/tables/{table_id}/edit", form).status_code == 303

    for viewer in ("guanli", "shenhe", "tianbao"):
        page = app_factory(viewer).get("/").text
        assert payload not in page, f"{viewer}'s dashboard carries the payload as markup"
        block = re.search(r'<script type="application/json" id="dashboard-data">(.*?)</script>', page, re.S)
        assert block is not None
        # the chart data is still complete JSON and gives the payload back as the text it was
        assert payload in json.dumps(json.loads(block.group(1)), ensure_ascii=False)
