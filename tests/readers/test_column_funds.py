"""Funds written as a small table inside the project block (江西 2023年度 form; 山东 county pages): the
amounts head columns (实施期资金总额 | 年度资金总额) and each part (财政拨款, 其他资金, 上级补助, 县级配套)
is a row under them. The budget is the 年度 column's parts added up, the 实施期 column goes to
``total_funds``; nothing is taken from the wrong column, and the sum is noted as inferred."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Severity
from jixiao.readers.head_parts import PARTS_SUMMED
from jixiao.readers.html import read_html_text

INDICATORS = """
<tr><td rowspan="3">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td>
<td>实施期指标值</td><td>年度指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>改造村卫生室数量</td><td>45个</td><td>15个</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>村民满意度</td><td>≥90%</td><td>≥90%</td></tr>
"""

# 项目资金(万元) merged down three rows; the amount headings in the first row, the parts below them.
COLUMN_PARTS = f"""<html><body><p>2023年项目支出绩效目标表</p><p>(2023年度)</p><table border="1">
<tr><td>项目名称</td><td colspan="5">示范乡村卫生室改造</td></tr>
<tr><td>主管部门</td><td colspan="2">示范县卫生健康委员会</td><td>实施单位</td>
<td colspan="2">示范县基层卫生服务中心</td></tr>
<tr><td rowspan="3">项目资金<br/>(万元)</td><td></td><td>实施期资金总额</td>
<td colspan="3">年度资金总额</td></tr>
<tr><td>财政拨款</td><td>240.00</td><td colspan="3">80.00</td></tr>
<tr><td>其他资金</td><td>30.00</td><td colspan="3">10.50</td></tr>
{INDICATORS}</table></body></html>"""

# The same block with one amount per row (山东): the parts under a 年度预算总额 that is written.
ROW_PARTS = f"""<html><body><p>2022年项目支出绩效目标表</p><table border="1">
<tr><td>项目名称</td><td colspan="5">示范秸秆综合利用</td></tr>
<tr><td rowspan="3">项目资金(万元)</td><td colspan="2">年度预算总额</td><td colspan="3">385</td></tr>
<tr><td colspan="2">其中:上级补助</td><td colspan="3">350</td></tr>
<tr><td colspan="2">县级配套</td><td colspan="3">35</td></tr>
{INDICATORS}</table></body></html>"""


def test_parts_under_column_headings_are_added_up_per_column() -> None:
    tables, diagnostics = read_html_text(COLUMN_PARTS, "column-parts.html")
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    (table,) = tables
    project = table.project
    assert (project.budget, project.budget_unit) == (Decimal("905000.00"), "万元")
    assert project.total_funds == Decimal("2700000.00")
    assert table.reading is not None and PARTS_SUMMED in table.reading.inferred
    assert [i.annual.raw for i in table.indicators] == ["15个", "≥90%"]


def test_a_written_annual_total_wins_over_its_parts() -> None:
    tables, _ = read_html_text(ROW_PARTS, "row-parts.html")
    (table,) = tables
    assert (table.project.budget, table.project.budget_unit) == (Decimal("3850000.00"), "万元")
    assert table.reading is not None and PARTS_SUMMED not in table.reading.inferred


def test_the_implementing_unit_wins_over_the_unit_holding_the_budget() -> None:
    implementing = '<tr><td>实施单位</td><td colspan="5">示范县农技中心</td></tr>'
    page = ROW_PARTS.replace(
        '<tr><td>项目名称</td><td colspan="5">示范秸秆综合利用</td></tr>',
        '<tr><td>预算单位</td><td colspan="5">示范县人民政府</td></tr>'
        '<tr><td>项目名称</td><td colspan="5">示范秸秆综合利用</td></tr>' + implementing,
    )
    (table,) = read_html_text(page, "units.html")[0]
    assert table.project.unit == "示范县农技中心"
    (alone,) = read_html_text(page.replace(implementing, ""), "alone.html")[0]
    assert alone.project.unit == "示范县人民政府"  # the 预算单位 where no 实施单位 is named
