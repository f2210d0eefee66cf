"""年度 in every list of tables: two tables of the same project and unit in different years must not
look identical — the list, the queue, the 待办, the dashboard's tables (monitoring and self-evaluation
too)."""

from __future__ import annotations

import re
from typing import Any

from tests.web.evaluation.conftest import PROJECT, evaluation_payload, monitoring_payload, put_json


def _project_lists(page: str) -> list[str]:
    """The header rows of the tables on a page that list projects."""
    heads = re.findall(r"<thead><tr>(.*?)</tr></thead>", page, re.S)
    return [head for head in heads if "<th>项目名称" in head]


def test_every_list_of_tables_shows_the_year(app_factory: Any) -> None:
    admin, filler, reviewer = app_factory("guanli"), app_factory("tianbao"), app_factory("shenhe")
    table_id = int(admin.get("/api/tables", params={"q": PROJECT}).json()["items"][0]["id"])
    put_json(filler, f"/api/tables/{table_id}/monitoring", monitoring_payload())
    put_json(filler, f"/api/tables/{table_id}/evaluation", evaluation_payload())
    pages = {
        "dashboard": admin.get("/").text,
        "list": admin.get("/tables").text,
        "todo": filler.get("/todo").text,
        "queue": reviewer.get("/queue").text,
    }
    assert 'data-testid="evaluation-dashboard"' in pages["dashboard"]
    heads = {name: _project_lists(page) for name, page in pages.items()}
    assert len(heads["dashboard"]) >= 3  # the worst tables, the lights to look at, the lowest scores
    for name, found in heads.items():
        for head in found:
            assert "<th>年度</th>" in head, f"{name}: {head}"
    assert all(heads[name] for name in ("list", "dashboard", "todo")), heads
