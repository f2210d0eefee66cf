"""A published 自评表 imported from each form publishers use (issue 12 item 5 beside item 1): the
workbook, the Word table, the HTML page, the PDF and its text flattened by pdfplumber, ``|`` rows and one
cell per line of the same table each give the same stored self-evaluation — the public page with the
finding on its row, the dashboard's "do not add up" and full-marks share, and downloads carrying the
published and the recomputed score."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from benchmarks.selfeval_forms import grid_of, write_form
from openpyxl import load_workbook

from tests.selfeval_samples import SAMPLE

FORMS = ("xlsx", "docx", "html", "pdf", "pdf-text", "pipes", "lines")


def _document(form: str, tmp_path: Path) -> Path:
    source = tmp_path / "source.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    return write_form(grid_of(source), form, tmp_path / form)


def _import(admin: Any, path: Path) -> int:
    upload = {"file": (f"自评表{path.suffix}", path.read_bytes(), "application/octet-stream")}
    preview = admin.post("/import", files=upload)
    assert preview.status_code == 200, preview.text[-800:]
    assert 'data-testid="selfevaluation-preview"' in preview.text, preview.text[-1500:]
    token = re.search(r'action="/import/([^"/]+)/confirm"', preview.text)
    assert token is not None
    done = admin.post(f"/import/{token.group(1)}/confirm")
    assert done.status_code == 303, done.text[-500:]
    return int(done.headers["location"].rsplit("/", 1)[1])


@pytest.mark.parametrize("form", FORMS)
def test_a_self_evaluation_imported_from_each_form_is_served_with_both_scores(
    app_factory: Any, tmp_path: Path, form: str
) -> None:
    stored = _import(app_factory("guanli"), _document(form, tmp_path))
    visitor = app_factory()

    page = visitor.get(f"/selfevaluations/{stored}")
    assert page.status_code == 200 and "自评结果不能自洽" in page.text
    total_row = page.text[page.text.index('data-testid="published-total"') :]
    assert "JX-A01" in total_row[: total_row.index("</tr>")]
    one = visitor.get(f"/api/selfevaluations/{stored}").json()
    assert one["published_total"] == "100.00" and one["computed_total"] == "99.67"
    over = next(r for r in one["rows"] if r["name"] == "咨询服务数")
    assert [f["code"] for f in over["findings"]] == ["JX-A25"]

    dashboard = visitor.get("/api/dashboard").json()["published"]
    assert dashboard["inconsistent"] == 1 and dashboard["total"] == 1
    shares = {d["department"]: d["share"] for d in dashboard["full_marks_by_department"]}
    assert shares == {"东莞市妇女联合会": "100.0"}
    assert "购买社工岗位服务经费" in visitor.get("/selfevaluations?inconsistent=1").text

    sheet = load_workbook(io.BytesIO(visitor.get(f"/selfevaluations/{stored}/download.xlsx").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "类别")
    total = next(r for r in rows if r[0] == "总分")
    assert total[header.index("发布得分")] == "100" and total[header.index("重算得分")] == "99.67"
    text = visitor.get(f"/selfevaluations/{stored}/download.csv").content.decode("utf-8-sig")
    assert any(r[1] == "总分" and r[9] == "99.67" for r in csv.reader(io.StringIO(text)))
    item = json.loads(visitor.get(f"/selfevaluations/{stored}/download.json").content)
    assert item["published_total"] == "100.00" and item["computed_total"] == "99.67"
    pdf = visitor.get(f"/selfevaluations/{stored}/download.pdf")
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        words = "".join((page.extract_text() or "") for page in document.pages).replace(" ", "")
    assert "发布得分" in words and "重算得分" in words and "99.67" in words
