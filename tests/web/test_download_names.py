"""Every download gets a Chinese file name (RFC 5987 ``filename*``) — the tables, the set, the blank
template, the audit log, the open data, monitoring and self-evaluation files — and a new download
route cannot be added without being checked here."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from tests.security.test_authorization_matrix import app_routes
from tests.selfeval_samples import SAMPLE
from tests.web.evaluation.conftest import PROJECT, evaluation_payload, monitoring_payload, put_json
from tests.web.published.test_pages import _import

DOWNLOAD = re.compile(r"\.(json|csv|xlsx|pdf|docx|\{fmt\}|\{kind\})$|/export$")
# /openapi.json is the API schema, not a download
NOT_HERE = {"GET /openapi.json"}


def _name(response: Any) -> str:
    assert response.status_code == 200, response.text[:300]
    header = response.headers["content-disposition"]
    found = re.search(r"filename\*=UTF-8''([^;]+)", header)
    assert found, header
    return unquote(found.group(1))


def _chinese(name: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in name)


def test_every_download_has_a_chinese_name(app_factory: Any) -> None:
    admin, filler = app_factory("guanli"), app_factory("tianbao")
    table_id = int(admin.get("/api/tables", params={"q": PROJECT}).json()["items"][0]["id"])
    assert put_json(filler, f"/api/tables/{table_id}/monitoring", monitoring_payload()).status_code == 200
    assert put_json(filler, f"/api/tables/{table_id}/evaluation", evaluation_payload()).status_code == 200
    urls = {
        "GET /tables/{table_id}/download.{fmt}": [
            f"/tables/{table_id}/download.{f}" for f in ("xlsx", "pdf")
        ],
        "GET /tables/{table_id}/document.json": [f"/tables/{table_id}/document.json"],
        "GET /tables/{table_id}/document.csv": [f"/tables/{table_id}/document.csv"],
        "GET /tables/download.{fmt}": [f"/tables/download.{f}?q={PROJECT}" for f in ("xlsx", "json", "csv")],
        "GET /api/tables/export": [f"/api/tables/export?format=csv&q={PROJECT}"],
        "GET /tables/new/template.xlsx": ["/tables/new/template.xlsx"],
        "GET /api/library/export.{fmt}": [f"/api/library/export.{f}" for f in ("json", "csv", "xlsx")],
        "GET /audit.csv": ["/audit.csv?action=login"],
        "GET /open-data/tables.json": ["/open-data/tables.json"],
        "GET /open-data/tables.csv": ["/open-data/tables.csv"],
        "GET /tables/{table_id}/monitoring/template.xlsx": [f"/tables/{table_id}/monitoring/template.xlsx"],
        "GET /tables/{table_id}/monitoring/table.xlsx": [f"/tables/{table_id}/monitoring/table.xlsx"],
        "GET /tables/{table_id}/evaluation/template.xlsx": [f"/tables/{table_id}/evaluation/template.xlsx"],
        "GET /tables/{table_id}/evaluation/scored.xlsx": [f"/tables/{table_id}/evaluation/scored.xlsx"],
        "GET /tables/{table_id}/evaluation/scored.pdf": [f"/tables/{table_id}/evaluation/scored.pdf"],
        "GET /tables/{table_id}/evaluation/report.docx": [f"/tables/{table_id}/evaluation/report.docx"],
    }
    evaluation_id = _import(admin, SAMPLE)  # a published 自评表, imported as an administrator would
    urls["GET /selfevaluations/{evaluation_id}/download.{kind}"] = [
        f"/selfevaluations/{evaluation_id}/download.{kind}" for kind in ("xlsx", "csv", "json")
    ]
    downloads = {r for r in app_routes(admin.client.app) if r.startswith("GET ") and DOWNLOAD.search(r)}
    assert downloads - NOT_HERE == set(urls), "a download route this test does not check"
    for route, paths in urls.items():
        for path in paths:
            name = _name(admin.get(path))
            assert _chinese(name), f"{route}: {path} downloads as {name}"
            assert not re.search(r"(table|document|download|audit|published)[-_.]", name), (path, name)
