"""The web import of a changed published table: the preview says 目标调整 and asks for the reason;
without one nothing is stored (and the upload can be confirmed again), with one the adjustment is
stored and the public keeps the published version. SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao.permissions import OPERATOR
from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.workflow import Action

NAME = "购买社工岗位服务经费"


def _publish(url: str) -> int:
    service = Service(url)
    table_id = int(service.list_tables(OPERATOR, TableQuery(q=NAME))[0][0].id)
    for action in (Action.SUBMIT, Action.APPROVE, Action.PUBLISH):
        service.act(OPERATOR, table_id, action)
    return table_id


def test_reimport_of_a_published_table_asks_for_the_reason(
    app_factory: Any, seed_path: Path, seeded_url: str
) -> None:
    table_id = _publish(seeded_url)
    owner = app_factory("tianbao")
    text = seed_path.read_text().replace("1200个\t1200个", "1250个\t1250个", 1)
    preview = owner.post("/import", files={"file": ("fulian.txt", text.encode(), "text/plain")})
    assert preview.status_code == 200 and preview.text.count('data-effect="adjust"') == 1
    assert 'data-testid="adjust-reason"' in preview.text
    token = preview.text.split("/import/")[1].split("/confirm")[0]
    refused = owner.post(f"/import/{token}/confirm")
    assert refused.status_code == 400 and "调整理由" in refused.text and "Traceback" not in refused.text
    done = owner.post(f"/import/{token}/confirm", {"reason": "咨询量增加"})
    assert done.status_code == 303
    visitor = app_factory()
    public = visitor.get(f"/api/tables/{table_id}").json()
    assert public["status"] == "published" and public["version"] == 1
    page = owner.get(f"/tables/{table_id}").text
    assert "目标调整中" in page and "1250个" in page
    assert "1250个" not in visitor.get(f"/tables/{table_id}").text


def test_a_reviewer_may_not_import(app_factory: Any, seed_path: Path, seeded_url: str) -> None:
    reviewer = app_factory("shenhe")
    text = seed_path.read_text().replace("1200个\t1200个", "1250个\t1250个", 1)
    preview = reviewer.post("/import", files={"file": ("fulian.txt", text.encode(), "text/plain")})
    assert preview.text.count('data-effect="refused"') == 17
    token = preview.text.split("/import/")[1].split("/confirm")[0]
    assert reviewer.post(f"/import/{token}/confirm").status_code == 403
