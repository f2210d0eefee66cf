"""Formula payloads through every spreadsheet the web app hands out (issue 10): a 填报人's table text,
a library request's name, a published self-evaluation's project and an audit row all come back as
text in each CSV and xlsx download — never a live formula — while numbers keep their sign.

No CSV cell is one a spreadsheet would run (such text starts with an apostrophe); each xlsx cell
holding a payload is a string cell, and a workbook has no formula but the template's own sums.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from jixiao.permissions import OPERATOR
from jixiao.service import Service
from jixiao.workflow import Action
from tests.selfeval_samples import AGREES
from tests.web.helpers import edit_form

PAYLOAD = '=HYPERLINK("http://example.invalid/","点击")'
SOURCE = "购买社工岗位服务经费"


NUMBER = re.compile(r"[+-][\d.,]+%?")


def _runs_as_formula(cell: str) -> bool:
    """What Excel or WPS would run: a cell starting with = or @ (or a tab or CR before one), or with
    + or - and not a number (OWASP's list)."""
    if cell[:1] in ("=", "@", "\t", "\r"):
        return True
    return cell[:1] in ("+", "-") and not NUMBER.fullmatch(cell)


def _csv_is_inert(data: bytes, where: str) -> list[str]:
    cells = [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for c in row]
    live = [c for c in cells if _runs_as_formula(c)]
    assert not live, (where, live[:3])
    return cells


def _xlsx_is_inert(data: bytes, where: str) -> list[Any]:
    workbook = load_workbook(io.BytesIO(data))
    cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row]
    formulas = [c.value for c in cells if c.data_type == "f" and not str(c.value).startswith("=SUM(")]
    assert not formulas, (where, formulas[:3])
    return cells


@pytest.fixture
def hostile(app_factory: Any, seeded_url: str, tmp_path: Path) -> dict[str, Any]:
    """The payload in a table's name, type, goal and first indicator (saved by its 填报人, then
    published), in an approved library entry and in a stored published self-evaluation."""
    filler = app_factory("tianbao")
    item = filler.get(f"/api/tables?q={SOURCE}").json()["items"][0]
    table_id = int(item["id"])
    document = filler.get(f"/api/tables/{table_id}").json()
    form = edit_form(document, name=PAYLOAD, type=PAYLOAD, goals_annual=PAYLOAD)
    assert filler.post(f"/tables/{table_id}/edit", form).status_code == 303
    service = Service(seeded_url)
    view = service.table_view(OPERATOR, table_id)
    explained = {f.id: "说明" for f in view.findings if f.severity == "error"}
    service.act(OPERATOR, table_id, Action.SUBMIT, "", explained)
    service.act(OPERATOR, table_id, Action.APPROVE, "同意。")
    service.act(OPERATOR, table_id, Action.PUBLISH)
    fields = {
        "name": PAYLOAD,
        "level1": "产出指标",
        "level2": "数量指标",
        "unit": "个",
        "direction": "positive",
    }
    request = service.library_request(OPERATOR, "add", None, fields, PAYLOAD)
    service.library_decide(OPERATOR, request["id"], True)
    service.library_decide(OPERATOR, request["id"], True)
    text = AGREES.replace("妇女儿童维权热线运行经费", PAYLOAD, 1)
    assert PAYLOAD in text
    (tmp_path / "自评表.txt").write_text(text, encoding="utf-8")
    evaluation_id = service.import_path(tmp_path / "自评表.txt").selfevaluation_ids[0]
    return {"table": table_id, "evaluation": evaluation_id}


CSV_PATHS = [
    "/tables/{table}/download.csv",
    "/tables/{table}/document.csv",
    "/tables/download.csv",
    "/api/tables/export?format=csv",
    "/open-data/tables.csv",
    "/api/library/export.csv",
    "/selfevaluations/{evaluation}/download.csv",
]
XLSX_PATHS = [
    "/tables/{table}/download.xlsx",
    "/tables/download.xlsx",
    "/api/library/export.xlsx",
    "/selfevaluations/{evaluation}/download.xlsx",
]


def test_every_public_spreadsheet_writes_the_payload_as_text(
    app_factory: Any, hostile: dict[str, Any]
) -> None:
    visitor = app_factory()
    for path in CSV_PATHS:
        response = visitor.get(path.format(**hostile))
        assert response.status_code == 200, (path, response.status_code)
        cells = _csv_is_inert(response.content, path)
        assert "'" + PAYLOAD in cells, (path, "the payload was not written at all")
    for path in XLSX_PATHS:
        response = visitor.get(path.format(**hostile))
        assert response.status_code == 200, (path, response.status_code)
        sheet_cells = _xlsx_is_inert(response.content, path)
        written = [c for c in sheet_cells if c.value == PAYLOAD]
        assert written and all(c.data_type == "s" for c in written), path


def test_the_audit_csv_writes_the_payload_as_text(app_factory: Any, hostile: dict[str, Any]) -> None:
    response = app_factory("guanli").get("/audit.csv")
    assert response.status_code == 200
    cells = _csv_is_inert(response.content, "/audit.csv")
    assert any(PAYLOAD in c for c in cells)  # inside the detail's JSON, after its opening brace


def test_numbers_in_the_csv_keep_their_sign(app_factory: Any, hostile: dict[str, Any]) -> None:
    response = app_factory().get("/selfevaluations/{evaluation}/download.csv".format(**hostile))
    cells = _csv_is_inert(response.content, "self-evaluation csv")
    assert any(c.replace(".", "").isdigit() for c in cells)
