"""Issue 11, the failure classes heldout12 showed in the project block, values and invented indicators,
read generally (documents of our own in the layouts of real published tables; projects, names and values
are ours):

1. project fields: a budget on the row below a merged ``预算金额(万元)`` heading over 合计 / 财政资金 /
   其他资金; ``资金安排`` as a row of years with the amounts beneath (the table's year is the budget, 合计
   the period's money, and no column is taken where the table's year is not one of them);
   ``项目总金额(元)`` beside ``其中:区级配套(元)``; the year only in a one-year ``实施期限``;
2. template rows with '/' in every cell (an unused 二级 of the form) are no indicators;
3. values: comparators as words (不少于, 不低于, 低于, 不超过), per-mille and storage units (``≥6TB``);
4. in a PDF's space-aligned text, a 一级 that filled its column runs into the 二级 beside it across one
   space (``满意度指标 服务对象满意``), the 二级 wrapping onto the next line (``度指标``): cut where the
   二级 column starts, then joined, never an indicator of its own.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from jixiao.model import Kind, Op, Severity
from jixiao.readers.detect import read_any
from jixiao.readers.docx import read_docx_bytes
from jixiao.readers.html import read_html_text
from jixiao.readers.templaterows import TEMPLATE_ROW
from jixiao.readers.text import read_text
from jixiao.values import parse_target
from tests.readers.test_docx import docx, p, tbl, tc, tr

# A district bureau's page (layout of 山东 county 绩效目标表 pages): the budget heading spans two rows,
# its parts side by side, the amounts on the row below.
BUDGET_OVER_PARTS = """<html><body><p>2024年度项目绩效目标表</p><table border="1">
<tr><td>项目名称</td><td colspan="3">社区养老驿站运营补助</td>
<td>主管部门</td><td colspan="3">某区民政局</td></tr>
<tr><td>实施单位</td><td colspan="3">某区养老服务中心</td>
<td>项目期限</td><td colspan="3">2024年1月-2024年12月</td></tr>
<tr><td rowspan="2">预算金额(万元)</td><td colspan="2">合计</td><td colspan="2">财政资金</td>
<td colspan="2">其他资金</td></tr>
<tr><td colspan="2">52.50</td><td colspan="2">50.00</td><td colspan="2">2.50</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td colspan="2">三级指标</td>
<td colspan="2">指标值</td><td colspan="2">权重(%)</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td colspan="2">运营驿站数量</td>
<td colspan="2">≥12个</td><td colspan="2">50</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td colspan="2">老人满意度</td>
<td colspan="2">≥90%</td><td colspan="2">50</td></tr>
</table></body></html>"""


def test_a_budget_heading_over_its_parts_takes_the_total_on_the_row_below() -> None:
    (table,), _ = read_html_text(BUDGET_OVER_PARTS, "page.html")
    assert (table.project.budget, table.project.budget_unit) == (Decimal("525000.00"), "万元")
    assert table.project.total_funds is None
    assert (table.project.year, table.project.period_start, table.project.period_end) == (2024, 2024, 2024)


# A county's 中期财政规划 table, tab-separated (layout of 浙江 county 中期规划 forms): money by year.
YEARS_OF_FUNDS = """某县2021—2023年中期财政规划项目绩效目标表
编制单位：某县农业农村局				单位：万元
项目名称	高标准农田建设		项目期限	2021年—2023年
主管部门	某县农业农村局		实施单位	某县农田建设中心
资金安排	2021年	2022年	2023年	合计
	1,200	900	600	2,700
一级指标	二级指标	三级指标	2021年目标值	2022年目标值	2023年目标值
产出指标	数量指标	新建高标准农田面积	≥2万亩	≥1.5万亩	≥1万亩
满意度指标	服务对象满意度指标	农户满意度	≥90%	≥90%	≥90%
"""


def test_a_row_of_years_gives_the_budget_of_the_tables_year_and_the_periods_money() -> None:
    (table,), _ = read_text(YEARS_OF_FUNDS, "plan.txt")
    assert (table.project.year, table.project.budget) == (2021, Decimal("12000000"))
    assert (table.project.budget_unit, table.project.total_funds) == ("万元", Decimal("27000000"))


def test_a_row_of_years_without_the_tables_year_gives_no_budget() -> None:
    later = YEARS_OF_FUNDS.replace("2021年\t2022年\t2023年\t合计", "2022年\t2023年\t2024年\t合计")
    (table,), _ = read_text(later, "plan.txt")
    assert table.project.year == 2021
    assert table.project.budget is None


def test_a_total_beside_its_local_share_and_the_year_of_a_one_year_period() -> None:
    body = p("项目支出绩效目标表") + tbl(
        tr(tc("项目名称"), tc("老年人健康体检", span=3)),
        tr(tc("主管部门"), tc("某区卫生健康局"), tc("实施单位"), tc("某区社区卫生服务中心")),
        tr(tc("实施期限"), tc("2021年1月—2021年12月", span=3)),
        tr(tc("项目总金额(元)"), tc("680,000.00"), tc("其中:区级配套(元)"), tc("180,000.00")),
        tr(tc("一级指标"), tc("二级指标"), tc("三级指标"), tc("指标值")),
        tr(tc("产出指标"), tc("数量指标"), tc("体检老年人数"), tc("≥3400人")),
        tr(tc("满意度指标"), tc("服务对象满意度指标"), tc("受检老人满意度"), tc("≥90%")),
    )
    (table,), _ = read_docx_bytes(docx(body), "health.docx")
    assert (table.project.budget, table.project.budget_unit) == (Decimal("680000.00"), "元")
    assert (table.project.year, table.project.period_start, table.project.period_end) == (2021, 2021, 2021)


def test_rows_with_a_slash_in_every_cell_are_template_rows(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "绩效目标表"
    rows: list[list[object]] = [
        ["2023年项目支出绩效目标表"],
        ["项目名称", "乡村文化站设备更新"],
        ["主管部门", "某县文化馆", "实施单位", "某县文化馆"],
        ["项目资金(元)", "资金总额", 180000],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)"],
        ["产出指标", "数量指标", "更新文化站数量", "≥", 9, "个", 40],
        ["成本指标", "经济成本指标", "单站更新成本", "≤", 2, "万元", 30],
        [None, "社会成本指标", "/", "/", "/", "/", "/"],
        [None, "生态环境成本指标", "－", "－", "－", "－", "－"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", 30],
    ]
    for row in rows:
        sheet.append(row)
    path = tmp_path / "culture.xlsx"
    book.save(path)
    (table,), diagnostics = read_any(path)
    names = [indicator.name for indicator in table.indicators]
    assert names == ["更新文化站数量", "单站更新成本", "群众满意度"]
    assert [(p.level1, p.level2) for p in table.placeholders] == [
        ("成本指标", "社会成本指标"),
        ("成本指标", "生态环境成本指标"),
    ]
    assert sum(d.code == TEMPLATE_ROW for d in diagnostics) == 2
    assert [d.message for d in diagnostics if d.severity is not Severity.INFO] == []


# A county bureau's 目标表 taken out of a PDF as space-aligned text (layout of the 2018 Liaoning county
# forms): the 一级 '满意度指标' fills its column, so one space is left before the 二级, which wraps.
WRAPPED_AFTER_A_FULL_COLUMN = """                    2018年度项目支出绩效目标表
 项目名称          村屯绿化补植
 主管部门          某县林业局          实施单位      某县林业局
 项目资金          年度资金总额：     260,000.00
 一级指标   二级指标      三级指标                      指标值
 产出指标   数量指标      补植苗木株数                  不少于12000株
            质量指标      苗木成活率                    不低于85%
 效益指标   生态效益指标  绿化覆盖率                    不低于30%
 满意度指标 服务对象满意  村民满意度                    不低于90%
            度指标
 填表人：                  审核人：
"""


def test_a_category_run_into_the_next_column_is_cut_where_that_column_starts() -> None:
    (table,), _ = read_text(WRAPPED_AFTER_A_FULL_COLUMN, "wrapped.txt")
    last = table.indicators[-1]
    assert [indicator.name for indicator in table.indicators] == [
        "补植苗木株数",
        "苗木成活率",
        "绿化覆盖率",
        "村民满意度",
    ]
    assert (last.level1, last.level2) == ("满意度指标", "服务对象满意度指标")
    assert (last.annual.raw, last.annual.op, last.annual.value) == ("不低于90%", Op.GE, Decimal("90"))


def test_words_of_a_value_are_not_cut_at_a_column_start() -> None:
    one_space = WRAPPED_AFTER_A_FULL_COLUMN.replace("不少于12000株", "2018 年 11 月底前")
    (table,), _ = read_text(one_space, "date.txt")
    assert table.indicators[0].annual.raw == "2018 年 11 月底前"


@pytest.mark.parametrize(
    ("raw", "op", "value", "unit"),
    [
        ("不少于3000亩", Op.GE, "3000", "亩"),
        ("不低于35.6%", Op.GE, "35.6", "%"),
        ("低于0.9‰", Op.LT, "0.9", "‰"),
        ("不超过300元", Op.LE, "300", "元"),
        ("≥6TB", Op.GE, "6", "TB"),
        ("≤500 GB", Op.LE, "500", "GB"),
    ],
)
def test_comparators_as_words_per_mille_and_storage_units(raw: str, op: Op, value: str, unit: str) -> None:
    target = parse_target(raw)
    assert (target.raw, target.kind, target.op) == (raw, Kind.QUANTITATIVE, op)
    assert (target.value, target.unit, target.note) == (Decimal(value), unit, None)


def test_the_title_above_a_numbered_part_heading_gives_the_year() -> None:
    body = (
        p("2023年度项目绩效目标表")
        + p("一、项目基本情况")
        + tbl(tr(tc("项目名称"), tc("少儿阅读推广")), tr(tc("年度资金总额"), tc("18万元")))
        + p("二、项目绩效指标")
        + tbl(
            tr(tc("一级指标"), tc("二级指标"), tc("三级指标"), tc("指标值")),
            tr(tc("产出指标"), tc("数量指标"), tc("阅读推广活动场次"), tc("≥24场")),
        )
    )
    (table,), _ = read_docx_bytes(docx(body), "library.docx")
    assert (table.project.year, table.project.budget) == (2023, Decimal("180000"))
    assert [indicator.name for indicator in table.indicators] == ["阅读推广活动场次"]
