"""The blank official template (issue 13): downloaded as xlsx, filled in a spreadsheet program (here
openpyxl), imported back on the web: the table holds what was typed."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from openpyxl import load_workbook

from tests.web.conftest import FULIAN

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(sheet: Any, label: str) -> tuple[int, int]:
    """Row and column of the first cell whose text is ``label``."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == label:
                return cell.row, cell.column
    raise AssertionError(label)


def test_blank_template_downloads_fills_and_imports_back(app_factory: Any) -> None:
    filler = app_factory("tianbao")
    response = filler.get("/tables/new/template.xlsx")
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    year = date.today().year + 1
    unit_row, unit_column = _cell(sheet, "用款单位")
    assert sheet.cell(row=unit_row, column=unit_column + 1).value == FULIAN
    level2 = [sheet.cell(row=r, column=3).value for r in range(1, sheet.max_row + 1)]
    assert {"经济成本指标", "数量指标", "社会效益指标", "服务对象满意度指标"} <= set(level2)

    def put(label: str, value: object) -> None:
        row, column = _cell(sheet, label)
        sheet.cell(row=row, column=column + 1).value = value

    put("项目名称", "妇女儿童维权服务项目")
    put("项目类型", "其他事业类")
    put("主管部门", FULIAN)
    put("起始年度", year)
    put("到期年度", year)
    put(f"{year}年预算金额(万元)", 50)
    goal_row, _ = _cell(sheet, "实施周期总目标")
    sheet.cell(row=goal_row + 1, column=2).value = "为全市妇女儿童提供维权服务"
    annual_row, _ = _cell(sheet, f"{year}年度目标")
    sheet.cell(row=annual_row + 1, column=2).value = f"{year}年开展维权咨询1000人次"
    for name, level, period, annual in (
        ("项目预算控制数", "经济成本指标", "≤50万元", "≤50万元"),
        ("维权咨询人次", "数量指标", "≥1000人次", "≥1000人次"),
        ("受助妇女满意度", "服务对象满意度指标", "≥90%", "≥90%"),
    ):
        row, _ = _cell(sheet, level)
        sheet.cell(row=row, column=4).value = name
        sheet.cell(row=row, column=5).value = period
        sheet.cell(row=row, column=6).value = annual
    filled = io.BytesIO()
    workbook.save(filled)

    preview = filler.post("/import", files={"file": ("维权服务.xlsx", filled.getvalue(), XLSX)})
    assert preview.status_code == 200, preview.text[-500:]
    token = preview.text.split("/import/")[1].split("/confirm")[0]
    confirmed = filler.post(f"/import/{token}/confirm")
    assert confirmed.status_code == 303
    table_id = int(confirmed.headers["location"].split("/tables/")[1].split("?")[0])
    document = filler.get(f"/api/tables/{table_id}").json()
    project = document["project"]
    assert project["name"] == "妇女儿童维权服务项目" and project["unit"] == FULIAN
    assert project["year"] == year and project["budget"] == "500000.00"
    assert document["goals"]["annual"] == f"{year}年开展维权咨询1000人次"
    assert [(i["level2"], i["name"], i["annual"]["raw"]) for i in document["indicators"]] == [
        ("经济成本指标", "项目预算控制数", "≤50万元"),
        ("数量指标", "维权咨询人次", "≥1000人次"),
        ("服务对象满意度指标", "受助妇女满意度", "≥90%"),
    ]
    assert document["status"] == "draft"


def test_blank_template_is_for_those_who_may_start_a_table(app_factory: Any) -> None:
    assert app_factory("shenhe").get("/tables/new/template.xlsx").status_code == 403
    assert app_factory("guanli").get("/tables/new/template.xlsx").status_code == 200
    assert app_factory().get("/tables/new/template.xlsx", follow_redirects=False).status_code == 303
    assert 'data-testid="blank-template"' in app_factory("tianbao").get("/tables").text
