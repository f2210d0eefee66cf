"""Issue 11, project facts written in forms the project block did not take (documents of our own in the
layouts of real published tables; projects, names and values are ours):

1. the budget year only in a 绩效目标调整表's title (``某局2022年项目绩效目标调整表``);
2. ``年初预算数 | 80.00 | 调整后预算数 | 65.00`` on one row: the budget is the adjusted amount, the
   original kept in ``source.inferred``;
3. a labelled ``预算年度 | 2019年`` pair (HTML) and ``预算年度 | 2021`` with the year a number (xlsx);
4. ``项目资金`` written as a sentence in one cell of a ``<th>``-labelled info table.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from jixiao.readers.detect import read_any
from jixiao.readers.head_facts import sentence_cells
from jixiao.readers.text import read_text

ADJUSTMENT = """某县文化旅游体育局2023年项目绩效目标调整表
单位：万元
项目名称\t乡村文化广场设备维护经费\t\t\t
主管部门\t某县文化旅游体育局\t实施单位\t某县文化馆\t
年初预算数\t42.00\t调整后预算数\t36.50\t
调整原因\t部分设备由上级配发，核减预算。\t\t\t
一级指标\t二级指标\t三级指标\t年初指标值\t调整后指标值\t调整说明
产出指标\t数量指标\t维护文化广场数量\t≥30个\t≥26个\t部分设备配发
\t质量指标\t设备完好率\t≥95%\t≥95%\t
效益指标\t社会效益指标\t群众文化活动开展频次\t≥4次/月\t≥4次/月\t
满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t≥90%\t
填报日期：2023年7月10日
"""


def test_an_adjustment_table_takes_its_year_from_the_title_and_the_adjusted_budget() -> None:
    (table,), _ = read_text(ADJUSTMENT, file="adjust.txt")
    assert table.project.year == 2023
    assert table.project.budget == Decimal("365000.00")
    assert table.project.budget_unit == "万元"
    inferred = table.reading.inferred if table.reading else ()
    assert any("年初预算数" in note and "42.00" in note for note in inferred)
    assert table.indicators[0].annual.raw == "≥26个"


def test_an_original_budget_alone_is_never_the_budget() -> None:
    text = ADJUSTMENT.replace("\t调整后预算数\t36.50", "")
    (table,), _ = read_text(text, file="adjust.txt")
    assert table.project.budget is None
    assert any("年初预算数" in note for note in (table.reading.inferred if table.reading else ()))


LABELLED_YEAR_HTML = """<html><body>
<div class="tablename">边境贸易服务中心运行经费绩效目标表</div>
<table><tr><td>项目名称</td><td>边境贸易服务中心运行经费</td><td>预算年度</td><td>{year}</td></tr>
<tr><td>主管部门</td><td>某市商务局</td><td>实施单位</td><td>某市边贸服务中心</td></tr>
<tr><td>预算资金(万元)</td><td>40.00</td><td>其中:本级财政</td><td>40.00</td></tr></table>
<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>目标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>服务企业户数</td><td>≥120户</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>企业满意度</td><td>≥90%</td></tr></table>
</body></html>"""


def test_a_labelled_budget_year_pair_is_the_year(tmp_path: Path) -> None:
    path = tmp_path / "trade.html"
    path.write_text(LABELLED_YEAR_HTML.format(year="2019年"), encoding="utf-8")
    (table,), _ = read_any(path)
    assert table.project.year == 2019
    assert table.project.budget == Decimal("400000.00")


def test_a_budget_year_that_is_no_year_is_left_empty_with_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "trade.html"
    path.write_text(LABELLED_YEAR_HTML.format(year="二〇一九年"), encoding="utf-8")
    (table,), diagnostics = read_any(path)
    assert table.project.year is None
    assert [d.code for d in diagnostics if "预算年度" in d.message] == ["JX-R06"]


def test_a_budget_year_stored_as_a_number_in_a_sheet_is_the_year(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [
        ["项目支出绩效目标"],
        ["项目名称", "农田水利设施维护项目", None, "预算年度", 2021],
        ["主管部门", "某县农业农村局", None, "年度资金总额(万元)", 210.5],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "计量单位"],
        ["产出指标", "数量指标", "维护渠道长度", 12, "公里"],
        ["满意度指标", "服务对象满意度指标", "受益农户满意度", 90, "%"],
    ]:
        sheet.append(row)
    path = tmp_path / "water.xlsx"
    book.save(path)
    (table,), _ = read_any(path)
    assert table.project.year == 2021
    assert table.project.budget == Decimal("2105000.00")


FUNDS_SENTENCE_HTML = """<html><body><h2>某旗林业和草原局2024年项目支出绩效目标表</h2>
<table><tr><th>项目名称</th><td colspan="3">草原围栏建设项目</td></tr>
<tr><th>主管部门</th><td>某旗林业和草原局</td><th>实施单位</th><td>某旗草原工作站</td></tr>
<tr><th>项目资金</th><td colspan="3">{funds}</td></tr></table>
<table><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr></thead>
<tbody><tr><td>产出指标</td><td>数量指标</td><td>新建围栏长度</td><td>≥20公里</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>牧民满意度</td><td>≥90%</td></tr></tbody></table>
</body></html>"""


def test_funds_written_as_a_sentence_in_one_cell_give_the_budget(tmp_path: Path) -> None:
    path = tmp_path / "fence.html"
    funds = "年度资金总额 318.40 万元，其中财政拨款 300.00 万元"
    path.write_text(FUNDS_SENTENCE_HTML.format(funds=funds), "utf-8")
    (table,), _ = read_any(path)
    assert table.project.budget == Decimal("3184000.00")
    assert table.project.budget_unit == "万元"


def test_a_sentence_with_a_clause_that_is_no_amount_is_not_cut() -> None:
    assert sentence_cells("年度资金总额 318.40 万元，其中财政拨款 300.00 万元") == [
        "年度资金总额", "318.40万元", "其中:财政拨款", "300.00万元",
    ]  # fmt: skip
    assert sentence_cells("年度资金总额 318.40 万元，主要用于围栏建设") is None
    assert sentence_cells("其中财政拨款 300.00 万元") is None  # a part alone is no budget
