"""Issue 11, the classes heldout16/heldout17 showed, read generally (tables of our own in the layouts of
real published tables; projects, names and values are ours):

1. a table drawn with box-drawing characters (``┌─┬┐`` / ``│a│b│`` / ``├─┼┤``) kept as plain text, merged
   cells blank without a rule under them, a cell wrapped over two lines of one drawn row;
2. a year written only in Chinese numerals (``二〇二四年度``), in the title and under it;
3. a two-sided target joined by ``且`` (``≥90%且≤100%``): a range of the same meaning as ``90%-100%``;
4. the 鄂州 市直 form: ``单位名称:… | 单位:万元`` over the table (the department where no other is
   named), ``项目预算成本构成 | 金额`` lines closed by ``合计`` (the budget), a ``保障绩效目标实现措施`` row
   closing the table;
5. the 重庆 区县 form: ``申报单位`` beside its own ``具体实施单位`` and no 主管部门 (the department);
6. a deadline written in Chinese numerals (``二〇二三年八月底前``): read as ``2023年8月底前``;
7. a page title over a portal table ending in its year in brackets (``…目标表（2025年度）``);
8. ``项目资金(万元) | 年度资金总额 | 其中:财政资金 | 其他资金`` over a row of amounts: the whole in 万元;
9. a score in brackets on the line under a category (``满意度指标`` / ``(10分)``): no indicator.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind, Op
from jixiao.readers.boxdrawn import is_box_drawn, unboxed
from jixiao.readers.chinese_years import arabic_years
from jixiao.readers.html import read_html_text
from jixiao.readers.labels import year_in
from jixiao.readers.stream import SCORE_CELL
from jixiao.readers.text import read_text
from jixiao.values import parse_target

BOX_DRAWN = """某县水务局2024年项目支出绩效目标表
单位：万元
┌──────────┬────────────┬──────────────┬────────┐
│项目名称  │农村饮水安全巡检项目                        │
├──────────┼────────────┬──────────────┬────────┤
│主管部门  │某县水务局  │实施单位      │某县供水站│
├──────────┼────────────┼──────────────┴────────┤
│项目资金  │年度资金总额│36.5                   │
├──────────┼────────────┴───────────────────────┤
│年度目标  │完成全县农村供水工程巡检。          │
├──────────┬────────────┬──────────────┬────────┤
│一级指标  │二级指标    │三级指标      │指标值  │
├──────────┼────────────┼──────────────┼────────┤
│产出指标  │数量指标    │巡检供水工程  │≥120处  │
│          │            │数量          │        │
│          ├────────────┼──────────────┼────────┤
│          │质量指标    │水质检测合格率│≥95%    │
├──────────┼────────────┼──────────────┼────────┤
│满意度指标│服务对象满意│群众满意度    │≥90%    │
│          │度指标      │              │        │
└──────────┴────────────┴──────────────┴────────┘
"""


def test_box_drawn_table_reads_as_its_rows() -> None:
    assert is_box_drawn(BOX_DRAWN)
    lines = unboxed(BOX_DRAWN).splitlines()
    assert len(lines) == len(BOX_DRAWN.splitlines())  # every row keeps its line number
    assert "─" not in "".join(lines) and "│" not in "".join(lines)
    tables, _ = read_text(BOX_DRAWN, "box.txt")
    (table,) = tables
    project = table.project
    assert (project.name, project.year, project.budget) == ("农村饮水安全巡检项目", 2024, Decimal("365000"))
    assert [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators] == [
        ("产出指标", "数量指标", "巡检供水工程数量", "≥120处"),  # a wrapped cell joined
        ("产出指标", "质量指标", "水质检测合格率", "≥95%"),  # under the blank merged 产出指标
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
    ]


def test_text_without_a_drawn_table_is_left_alone() -> None:
    text = "某表\n│ 一处竖线 │\n项目名称 | 某项目 |\n"
    assert not is_box_drawn(text)


CHINESE_YEAR = """某县司法局二〇二四年度项目支出绩效目标表
项目支出绩效目标表 |
（二〇二四年度） |
项目名称 | 社区矫正教育经费 |
主管部门 | 某县司法局 | 实施单位 | 某县社区矫正中心 |
项目资金（万元） | 年度资金总额 | 12 |
年度目标 | 开展社区矫正对象教育帮扶。 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 教育帮扶人次 | ≥300人次 |
满意度指标 | 服务对象满意度指标 | 矫正对象满意度 | ≥90% |
"""


def test_year_in_chinese_numerals() -> None:
    assert arabic_years("（二〇二四年度）") == "（2024年度）"
    assert arabic_years("一九九九年、二零二一年") == "1999年、2021年"
    assert arabic_years("二十三年") == "二十三年"  # a count, not a year
    assert year_in("二〇二三年度项目") == 2023
    tables, _ = read_text(CHINESE_YEAR, "year.txt")
    (table,) = tables
    assert (table.project.name, table.project.year) == ("社区矫正教育经费", 2024)
    assert table.indicators[0].annual.raw == "≥300人次"  # a value's text kept as written


def test_two_sided_target_joined_by_qie_is_a_range() -> None:
    for raw, low, high, unit in (
        ("≥90%且≤100%", "90", "100", "%"),
        ("≥28元且≤35元", "28", "35", "元"),
        ("不低于2次并且不高于4次", "2", "4", "次"),
        ("≤100%且≥90%", "90", "100", "%"),  # the upper bound first
    ):
        target = parse_target(raw)
        assert (target.kind, target.value, target.upper, target.unit) == (
            Kind.RANGE,
            Decimal(low),
            Decimal(high),
            unit,
        ), raw
        assert target.op is None
    for raw in ("＞90%且＜100%", "≥90%且≤100元", "满意度≥90%且投诉≤2件", "≥100%且≤90%"):
        assert parse_target(raw).kind is Kind.UNKNOWN, raw  # strict, mixed units, two subjects, upside down


# The 鄂州 市直 form: 单位名称 beside the money's unit, 项目预算成本构成 closed by 合计, a measures' row after
# the indicators (our own unit, project and figures).
CITY_FORM = """某市2023年市直部门预算项目支出绩效目标表
单位名称：某市地方志办公室 | 单位：万元
项目名称 | 地方志资料征集编纂项目
项目类别 | 本级支出项目
项目预算成本构成 | 金额 | 测算(公式)依据 | 2021年实际执行数 | 2022年实际执行数
资料征集费 | 20 | 依据征集计划 | 18 | 19
编纂印刷费 | 15.5 | 依据印刷合同 | 12 | 14
合计 | 35.5 | | 30 | 33
绩效目标 | 完成年鉴编纂出版。
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 绩效标准 | 当年预期实现值
| 产出指标 | 数量指标 | 年鉴出版册数 | 反映出版情况 | 1000册
| 满意度指标 | 服务对象满意度指标 | 读者满意度 | 反映读者满意程度 | ≥90%
保障绩效目标实现措施 | 加强编纂质量审核。
主管部门审核意见 | 单位公章： 年 月 日
"""


def test_city_form_cost_lines_and_labelled_unit_name() -> None:
    tables, _ = read_text(CITY_FORM, "city.txt")
    (table,) = tables
    project = table.project
    assert (project.budget, project.budget_unit) == (Decimal("355000"), "万元")  # the 合计 of the cost lines
    assert project.department == "某市地方志办公室"  # 单位名称 beside 单位:万元, no other organisation named
    assert table.reading is not None
    assert any("单位名称" in note for note in table.reading.inferred)  # said where it came from
    assert [i.name for i in table.indicators] == ["年鉴出版册数", "读者满意度"]  # no measures' row


# The 重庆 区县 form, one cell per line: 申报单位 and 具体实施单位, no 主管部门 (our own project and figures).
APPLICANT_FORM = """项目绩效目标表 |
(2023年度) |
申报单位 |
某县农业农村委员会 |
项目(专项)名称 |
高标准农田管护项目 |
具体实施单位 |
某县农业技术推广站 |
年度资金总额 |
25 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 管护农田面积 | ≥5000亩 |
满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% |
"""


def test_applicant_beside_its_own_unit_is_the_department() -> None:
    tables, _ = read_text(APPLICANT_FORM, "applicant.txt")
    (table,) = tables
    assert (table.project.department, table.project.unit) == ("某县农业农村委员会", "某县农业技术推广站")
    filled = APPLICANT_FORM.replace("申报单位", "填报单位")  # who filled the form in: not said to apply
    (other,), _ = read_text(filled, "filled.txt")
    assert other.project.department is None


def test_deadline_written_in_chinese_numerals() -> None:
    for raw, year, month, day in (
        ("二〇二四年六月底前", 2024, 6, None),
        ("二零二四年十一月三十日前", 2024, 11, 30),
        ("十二月底前", None, 12, None),
    ):
        target = parse_target(raw)
        assert (target.kind, target.op, target.month, target.day) == (Kind.DEADLINE, Op.LE, month, day), raw
        assert target.value == (Decimal(year) if year else None), raw
        assert target.raw == raw  # kept as written
    for raw in ("二〇二四年十三月前", "一流", "十佳", "三年"):
        assert parse_target(raw).kind is not Kind.DEADLINE, raw


PAGE_TITLE_WITH_YEAR = """<html><body>
<h1>某区文化馆项目支出绩效目标</h1>
<p style="text-align:center">项目支出绩效目标表（2024年度）</p>
<table border="1">
<tr><td>项目名称</td><td colspan=3>群众文化活动项目</td></tr>
<tr><td>主管部门</td><td>某区文化和旅游局</td><td>实施单位</td><td>某区文化馆</td></tr>
<tr><td>年度资金总额</td><td colspan=3>40</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>举办文化活动场次</td><td>≥50场</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td></tr>
</table></body></html>
"""


def test_page_title_with_the_year_in_brackets_after_it() -> None:
    (table,), _ = read_html_text(PAGE_TITLE_WITH_YEAR, "page.html")
    assert (table.project.name, table.project.year) == ("群众文化活动项目", 2024)


SECTION_UNIT_OVER_AMOUNTS = """项目支出绩效目标表 |
（2025年度） |
项目名称 | 少儿阅读推广项目 | | |
主管部门 | 某区文化和旅游局 | 实施单位 | 某区图书馆 |
项目资金（万元） | 年度资金总额 | 其中：财政资金 | 其他资金 |
| 36.20 | 36.20 | 0 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 少儿阅读活动场次 | ≥40场 |
满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥95% |
"""


def test_funds_section_unit_over_a_row_of_amounts() -> None:
    (table,), _ = read_text(SECTION_UNIT_OVER_AMOUNTS, "funds.txt")
    assert (table.project.budget, table.project.budget_unit) == (Decimal("362000"), "万元")


SCORE_UNDER_CATEGORY = """项目名称 某县救助项目
年度资金总额 50
一级指标 二级指标 三级指标 指标值 分值
产出指标
(40分)
数量指标 救助人次 ≥200人次 20
质量指标 救助资金发放准确率 100% 20
满意度指标
(10分)
服务对象满意度指标 救助对象满意度 ≥95% 10
"""


def test_score_in_brackets_under_a_category_is_no_indicator() -> None:
    assert SCORE_CELL.match("(10分)") and SCORE_CELL.match("（20-30）分") and SCORE_CELL.match("10分")
    assert not SCORE_CELL.match("10分钟")
    (table,), _ = read_text(SCORE_UNDER_CATEGORY, "score.txt")
    assert [i.name for i in table.indicators] == ["救助人次", "救助资金发放准确率", "救助对象满意度"]
