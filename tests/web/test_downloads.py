"""Downloads of one table and of the list's filtered set, on SQLite and PostgreSQL.

The downloaded Excel and PDF files are read back with the readers and must equal the stored
tables; who may download what is who may see what.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from urllib.parse import quote, unquote

import pytest
from sqlalchemy import update

from jixiao import service as service_module
from jixiao.model import Table
from jixiao.readers.detect import read_bytes
from jixiao.store.db import get_engine
from jixiao.store.document import table_from_dict
from jixiao.store.schema import perf_tables

SEED_TABLE = "购买社工岗位服务经费"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _items(browser: Any, query: str = "") -> list[dict[str, Any]]:
    body = browser.get(f"/api/tables?per_page=200&{query}").json()
    assert body["total"] == len(body["items"])
    return list(body["items"])


def _stored(items: list[dict[str, Any]]) -> list[Table]:
    return [table_from_dict(item) for item in items]


def _read_back(response: Any, name: str) -> list[Table]:
    assert response.status_code == 200, response.text
    tables, diagnostics = read_bytes(response.content, name)
    assert [d for d in diagnostics if d.severity.value == "error"] == []
    return tables


def _file_name(response: Any) -> str:
    """The Chinese name from ``filename*`` (RFC 5987), after checking the ASCII fallback is there."""
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="jixiao-')
    _, encoded = disposition.split("; filename*=UTF-8''")
    assert encoded == quote(unquote(encoded), safe="")  # percent-encoded UTF-8, nothing left raw
    return unquote(encoded)


def _publish(url: str, table_ids: list[int]) -> None:
    with get_engine(url).begin() as conn:
        conn.execute(update(perf_tables).where(perf_tables.c.id.in_(table_ids)).values(status="published"))


def test_one_table_as_excel_and_pdf_reads_back_as_stored(app_factory: Any) -> None:
    filler = app_factory("tianbao")
    (item,) = _items(filler, f"q={SEED_TABLE}")
    stored = table_from_dict(item)

    xlsx = filler.get(f"/tables/{item['id']}/download.xlsx")
    assert xlsx.headers["content-type"] == XLSX
    assert _file_name(xlsx) == f"{SEED_TABLE}_2025.xlsx"
    assert _read_back(xlsx, "t.xlsx") == [stored]

    pdf = filler.get(f"/tables/{item['id']}/download.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert _file_name(pdf) == f"{SEED_TABLE}_2025.pdf"
    assert pdf.content.startswith(b"%PDF")
    assert _read_back(pdf, "t.pdf") == [stored]

    page = filler.get(f"/tables/{item['id']}").text
    assert f'href="/tables/{item["id"]}/download.xlsx"' in page and "Excel（官方版式）" in page
    assert f'href="/tables/{item["id"]}/download.pdf"' in page


def test_one_table_download_follows_visibility(app_factory: Any, seeded_url: str) -> None:
    (item,) = _items(app_factory("tianbao"), f"q={SEED_TABLE}")
    path = f"/tables/{item['id']}/download.xlsx"
    nobody = app_factory()
    assert nobody.get(path).status_code == 404  # a draft: visitors must not learn it exists
    assert app_factory("outsider").get(path).status_code == 403
    forbidden = app_factory("othereviewer").get(path.replace(".xlsx", ".pdf"))
    assert forbidden.status_code == 403 and "无权查看" in forbidden.text
    assert app_factory("shenhe").get(path).status_code == 200
    assert nobody.get("/tables/999999/download.xlsx").status_code == 404
    unknown = app_factory("tianbao").get(f"/tables/{item['id']}/download.docx")
    assert unknown.status_code == 404 and "不支持的下载格式" in unknown.text

    _publish(seeded_url, [item["id"]])
    assert _read_back(nobody.get(path), "t.xlsx") == [table_from_dict(item)]


def test_filtered_set_as_excel_is_the_lists_tables_in_order(app_factory: Any) -> None:
    admin = app_factory("guanli")
    query = "q=购买&sort=name&order=asc"
    items = _items(admin, query)
    assert 1 < len(items) < 17, "the filter should pick some tables, not all"
    response = admin.get(f"/tables/download.xlsx?{query}&page=3")  # paging is ignored: the whole set
    assert response.headers["content-type"] == XLSX
    assert _file_name(response) == f"绩效目标表_含“购买”_{len(items)}张.xlsx"
    assert _read_back(response, "set.xlsx") == _stored(items)
    from openpyxl import load_workbook

    sheets = load_workbook(io.BytesIO(response.content), read_only=True).sheetnames
    assert len(sheets) == len(items) + 1 and sheets[-1] == "指标清单"

    everything = admin.get("/api/tables/export?format=xlsx")
    assert _read_back(everything, "all.xlsx") == _stored(_items(admin))


def test_filtered_set_as_pdf_has_a_title_page_and_reads_back(app_factory: Any) -> None:
    filler = app_factory("tianbao")
    query = "q=白玉兰"
    items = _items(filler, query)
    assert len(items) == 1
    response = filler.get(f"/tables/download.pdf?{query}")
    assert response.headers["content-type"] == "application/pdf"
    import pdfplumber

    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        title_page = pdf.pages[0].extract_text() or ""
    assert items[0]["project"]["name"] in title_page  # the title page lists the set even for one table
    assert _read_back(response, "set.pdf") == _stored(items)


def test_filtered_set_as_json_and_csv(app_factory: Any, seeded_url: str) -> None:
    filler = app_factory("tianbao")
    items = _items(filler, "status=draft&year=2025")
    assert len(items) == 17
    _publish(seeded_url, [items[0]["id"], items[1]["id"]])

    drafts = _items(filler, "status=draft")
    response = filler.get("/tables/download.json?status=draft")
    assert response.headers["content-type"] == "application/json"
    assert _file_name(response) == "绩效目标表_草稿.json"
    assert [d["id"] for d in json.loads(response.content)] == [d["id"] for d in drafts]
    assert _read_back(response, "set.json") == _stored(drafts)

    via_api = filler.get("/api/tables/export?format=json&status=draft")
    assert json.loads(via_api.content) == json.loads(response.content)

    csv_response = app_factory("guanli").get("/tables/download.csv?status=published")
    assert csv_response.headers["content-type"] == "text/csv; charset=utf-8"
    text = csv_response.content.decode("utf-8")
    assert text.startswith("\ufeff表编号,项目名称")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    published = _items(app_factory("guanli"), "status=published")
    assert len(rows) - 1 == sum(len(d["indicators"]) for d in published)
    assert {row[0] for row in rows[1:]} == {str(d["id"]) for d in published}
    assert {row[-1] for row in rows[1:]} == {"已公开"}


def test_visitors_download_only_published_tables(app_factory: Any, seeded_url: str) -> None:
    nobody = app_factory()
    assert json.loads(nobody.get("/tables/download.json").content) == []
    empty = nobody.get("/tables/download.xlsx")
    assert empty.status_code == 400 and "没有符合筛选条件的表" in empty.text
    outsider = app_factory("outsider")
    assert json.loads(outsider.get("/api/tables/export?format=json").content) == []

    items = _items(app_factory("guanli"), "sort=name&order=asc")
    _publish(seeded_url, [items[0]["id"]])
    assert _read_back(nobody.get("/tables/download.xlsx"), "pub.xlsx") == _stored(items[:1])
    assert _read_back(outsider.get("/api/tables/export?format=xlsx"), "pub.xlsx") == _stored(items[:1])


def test_a_set_over_the_limit_is_refused_with_a_clear_message(
    app_factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(service_module.EXPORT_LIMITS, "pdf", 5)
    admin = app_factory("guanli")
    refused = admin.get("/tables/download.pdf?year=2025")
    assert refused.status_code == 400
    assert "筛选出的表共 17 张" in refused.text and "PDF 下载一次最多 5 张" in refused.text
    api = admin.get("/api/tables/export?format=pdf")
    assert api.status_code == 400 and "最多 5 张" in api.json()["error"]
    page = admin.get("/tables").text
    assert "超过 5 张，请缩小范围" in page and 'data-testid="download-list-pdf"' not in page
    assert 'href="/tables/download.xlsx?' in page  # Excel is still within its limit

    small = admin.get(f"/tables/download.pdf?q={SEED_TABLE}")
    assert small.status_code == 200 and small.content.startswith(b"%PDF")
    odt = admin.get("/api/tables/export?format=odt")
    assert odt.status_code == 400 and "不支持的下载格式" in odt.json()["error"]
