"""Published 自评表 on the web (issue 12 item 5): imported by an administrator through the import page,
then public — the list filtered to those that do not add up, one page each with every finding on its
row, beside the target table, on the dashboard, and in every download with both score columns."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from openpyxl import load_workbook

from tests.selfeval_samples import AGREES, SAMPLE


def _import(admin: Any, text: str, name: str = "自评表.txt") -> int:
    preview = admin.post("/import", files={"file": (name, text.encode(), "text/plain")})
    assert preview.status_code == 200, preview.text[-800:]
    assert 'data-testid="selfevaluation-preview"' in preview.text
    token = re.search(r'action="/import/([^"/]+)/confirm"', preview.text)
    assert token is not None
    done = admin.post(f"/import/{token.group(1)}/confirm")
    assert done.status_code == 303, done.text[-500:]
    location = done.headers["location"]
    assert location.startswith("/selfevaluations/")
    return int(location.rsplit("/", 1)[1])


def test_a_visitor_sees_which_self_evaluations_do_not_add_up_and_why(app_factory: Any) -> None:
    admin = app_factory("guanli")
    bad = _import(admin, SAMPLE)
    _import(admin, AGREES, "另一份.txt")
    visitor = app_factory()

    listing = visitor.get("/selfevaluations?inconsistent=1")
    assert listing.status_code == 200
    assert 'data-testid="total">1<' in listing.text and "购买社工岗位服务经费" in listing.text
    assert "妇女儿童维权热线运行经费" not in listing.text
    shares = listing.text[listing.text.index('data-testid="department-shares"') :]
    assert "东莞市妇女联合会</a> 100.0%（1/1）" in shares and "某市妇女联合会</a> 0.0%（0/1）" in shares
    api = visitor.get("/api/selfevaluations?inconsistent=1").json()
    assert api["total"] == 1 and api["items"][0]["published_total"] == "100.00"
    assert api["items"][0]["computed_total"] == "99.67" and api["figures"]["inconsistent"] == 1

    page = visitor.get(f"/selfevaluations/{bad}")
    assert page.status_code == 200 and "自评结果不能自洽" in page.text
    total_row = page.text[page.text.index('data-testid="published-total"') :]
    total_row = total_row[: total_row.index("</tr>")]
    assert "JX-A01" in total_row and "99.67" in total_row  # the finding on its row
    one = visitor.get(f"/api/selfevaluations/{bad}").json()
    assert one["total_row"]["findings"][0]["code"] == "JX-A01"
    over = next(r for r in one["rows"] if r["name"] == "咨询服务数")
    assert [f["code"] for f in over["findings"]] == ["JX-A25"]  # 1500 of ≥1200 (1.25×), no reason
    assert one["targets"] == []  # the seed is a draft: a visitor sees no link

    home = visitor.get("/")
    assert 'data-testid="kpi-inconsistent">1<' in home.text and 'data-testid="full-marks-table"' in home.text
    dashboard = visitor.get("/api/dashboard").json()["published"]
    assert dashboard["inconsistent"] == 1 and dashboard["total"] == 2
    shares = {
        d["department"]: (d["total"], d["full_marks"], d["share"])
        for d in dashboard["full_marks_by_department"]
    }
    assert shares == {
        "东莞市妇女联合会": (1, 1, "100.0"),
        "某市妇女联合会": (1, 0, "0.0"),
    }  # AGREES lost 3 points
    full_marks = home.text[home.text.index('data-testid="full-marks-table"') :]
    assert "东莞市妇女联合会" in full_marks and "100.0%" in full_marks
    assert "自评结果不能自洽" in visitor.get("/tables").text


def test_downloads_carry_the_published_and_the_recomputed_scores(app_factory: Any) -> None:
    bad = _import(app_factory("guanli"), SAMPLE)
    visitor = app_factory()
    xlsx = visitor.get(f"/selfevaluations/{bad}/download.xlsx")
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if r[0] == "类别")
    assert "发布得分" in header and "重算得分" in header
    total = next(r for r in rows if r[0] == "总分")
    assert total[header.index("发布得分")] == "100" and total[header.index("重算得分")] == "99.67"
    assert "JX-A01" in total[header.index("发现的问题")]

    text = visitor.get(f"/selfevaluations/{bad}/download.csv").content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][:2] == ["项目名称", "类别"] and any(r[1] == "总分" and r[9] == "99.67" for r in table)

    pdf = visitor.get(f"/selfevaluations/{bad}/download.pdf")
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        words = "".join((page.extract_text() or "") for page in document.pages).replace(" ", "")
    assert "发布得分" in words and "重算得分" in words and "99.67" in words and "JX-A01" in words

    item = json.loads(visitor.get(f"/selfevaluations/{bad}/download.json").content)
    assert item["published_total"] == "100.00" and item["computed_total"] == "99.67"
    assert visitor.get(f"/selfevaluations/{bad}/download.doc").status_code == 404


def test_the_table_page_shows_the_self_evaluation_beside_its_targets(app_factory: Any) -> None:
    admin = app_factory("guanli")
    bad = _import(admin, SAMPLE)
    rows = admin.get("/api/tables?q=购买社工岗位服务经费").json()["items"]
    table_id = rows[0]["id"]
    page = admin.get(f"/tables/{table_id}")
    assert 'data-testid="published-beside"' in page.text and f"/selfevaluations/{bad}" in page.text
    assert "JX-A01" in page.text
    linked = admin.get(f"/api/selfevaluations/{bad}").json()["targets"]
    assert [t["id"] for t in linked] == [table_id]


def test_only_an_administrator_may_store_a_published_self_evaluation(app_factory: Any) -> None:
    filler = app_factory("tianbao")
    preview = filler.post("/import", files={"file": ("自评表.txt", SAMPLE.encode(), "text/plain")})
    assert preview.status_code == 200 and 'data-testid="not-allowed"' in preview.text
    assert app_factory().get("/api/selfevaluations").json()["total"] == 0
    assert app_factory().get("/selfevaluations/999").status_code == 404


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_pdf_download_renders_to_pages(app_factory: Any, tmp_path: Path) -> None:
    bad = _import(app_factory("guanli"), SAMPLE)
    response = app_factory().get(f"/selfevaluations/{bad}/download.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    pdf = tmp_path / "audit.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert images and images[0].stat().st_size > 5000  # the table, not an empty page
