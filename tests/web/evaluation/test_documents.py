"""Documents of the evaluation pages: scored 自评表 PDF, 监控表 template round trip, JSON records."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from openpyxl import load_workbook

from tests.web.evaluation.conftest import EXPECTED_TOTAL, evaluation_payload, put_json


def test_scored_pdf_only_once_an_evaluation_is_stored(app_factory: Callable[..., Any], table_id: int) -> None:
    filler = app_factory("tianbao")
    assert filler.get(f"/tables/{table_id}/evaluation/scored.pdf").status_code == 404
    put_json(filler, f"/api/tables/{table_id}/evaluation", evaluation_payload())
    pdf = filler.get(f"/tables/{table_id}/evaluation/scored.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"


def test_the_api_takes_the_scoring_cores_own_record(app_factory: Callable[..., Any], table_id: int) -> None:
    filler = app_factory("tianbao")
    first = put_json(filler, f"/api/tables/{table_id}/evaluation", evaluation_payload()).json()
    record = first["record"]
    assert record["format"] == "jixiao.selfeval/1"
    record["lines"][1]["actual"] = "1"  # 场次 1 of ≥2: 13 × 1/2 = 6.50, total 88.29 − 6.50
    again = put_json(filler, f"/api/tables/{table_id}/evaluation", record)
    assert again.status_code == 200, again.text
    assert again.json()["result"]["total"] == "81.79"
    wrong = put_json(filler, f"/api/tables/{table_id}/evaluation", {"format": "jixiao.selfeval/1"})
    assert wrong.status_code == 400 and "自评数据不完整" in wrong.json()["error"]


def _fill_monitoring(data: bytes, executed: object) -> bytes:
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["监控表"]
    meta = {row[0]: row[1] for row in workbook["jixiao"].iter_rows(values_only=True)}
    sheet["D6"] = executed
    first = int(meta["indicator_first_row"])
    currents = ["135000元", "1", "86%", "90%", "部分达成", "1次", "88%"]
    for index in range(int(meta["indicator_count"])):
        sheet.cell(row=first + index, column=5).value = currents[index]
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_monitoring_template_round_trip(app_factory: Callable[..., Any], table_id: int) -> None:
    filler = app_factory("tianbao")
    template = filler.get(f"/tables/{table_id}/monitoring/template.xlsx?months=7")
    assert template.status_code == 200 and template.content[:2] == b"PK"
    files = {"file": ("监控.xlsx", _fill_monitoring(template.content, "十三万"), "application/octet-stream")}
    bad = filler.post(f"/tables/{table_id}/monitoring/upload", files=files)
    assert bad.status_code == 400 and "监控.xlsx!监控表!D6" in bad.text
    assert filler.get(f"/api/tables/{table_id}/monitoring").json()["stored"] is False
    files = {"file": ("监控.xlsx", _fill_monitoring(template.content, 13.5), "application/octet-stream")}
    done = filler.post(f"/tables/{table_id}/monitoring/upload", files=files)
    assert done.status_code == 303, done.text
    body = filler.get(f"/api/tables/{table_id}/monitoring?months=7").json()
    assert body["stored"] is True and body["result"]["funds"]["index"] == "85.71"
    table = filler.get(f"/tables/{table_id}/monitoring/table.xlsx?months=7")
    cells = [c.value for row in load_workbook(io.BytesIO(table.content))["监控表"].iter_rows() for c in row]
    assert "红灯" in cells
    assert EXPECTED_TOTAL  # the self-evaluation is untouched by monitoring
    assert filler.get(f"/api/tables/{table_id}/evaluation").json()["stored"] is False
