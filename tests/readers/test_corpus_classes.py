"""Issue 11, layout classes the development corpora (publishers, heldout, heldout2) missed: each test is a
small document of one class, written in that class's own form, and fails without the rule that reads it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.model import Kind, Op
from jixiao.readers.text import read_text

# A province's 一体化 system page: a 部门整体 block headed 部门整体绩效目标 (no 支出, no 表), the
# 部门名称 label third on its row after 部门编码, starred required labels, and a 指标值说明 text column.
WHOLE_DEPARTMENT_BLOCK = """| 部门整体绩效目标 | |||||||
| 基本信息 | |||||||
| 部门编码: | 208 | 部门名称: | 某县水利局 | *联系人: | 王工 | ||
| *年度绩效总目标 | 保障机构运转,完成河道管护和农村供水工程维护任务。 | ||||||
| 一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 | 指标值说明 | |
| 产出指标 | 数量指标 | 河道管护长度(公里) | ≥ | 85 | 公里 | 按年度计划设定 | |
| 农村供水工程维护处数(处) | = | 12 | 处 | 按年度计划设定 | |||
| 满意度指标 | 服务对象满意度指标 | 群众满意度(%) | ≥ | 90 | % | 按年度计划设定 | |
"""


def test_a_whole_department_block_with_its_name_mid_row_is_read_as_a_table() -> None:
    tables, diagnostics = read_text(WHOLE_DEPARTMENT_BLOCK, "bumen.txt")
    (table,) = tables
    assert table.project.name == "某县水利局"  # a 部门整体 table is named by its department
    assert [i.name for i in table.indicators] == [
        "河道管护长度(公里)",
        "农村供水工程维护处数(处)",
        "群众满意度(%)",
    ]
    first = table.indicators[0].annual
    assert (first.raw, first.kind, first.op, first.value, first.unit) == (
        "85",
        Kind.QUANTITATIVE,
        Op.GE,
        Decimal("85"),
        "公里",
    )
    assert table.indicators[1].level2 == "数量指标"
    assert not [d for d in diagnostics if d.code == "JX-R03"]  # 指标值说明 is text, not an extra cell


# A county bureau's 绩效评价指标表 attachment that sets only 目标值 and 分值: the title names the project,
# the tree's headers are 评价指标 | 评价内容 | 指标名称, a goal heading stands in the 一级 column over a
# 二级 of the bureau's own (制度指标) with no value, and 产出数量指标 writes 一级 and 二级 in one cell.
SCORED_TARGETS = """2020年度某某县营养改善计划项目绩效评价指标表
| 评价指标 | 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值 | 备注 |
| 项目年度绩效目标(定量指标) | 制度指标 | 营养餐管理制度健全与否 | | | 20 | |
| | 产出数量指标 | 受益学生人数 | 达到预计值 | 1200 | 10 | |
| | | 供餐天数达标率 | 达到目标值 | 98% | 10 | |
| | 质量指标 | 食品安全事故发生率 | | 0 | 20 | |
| | 时效指标 | 补助资金按月拨付率 | 达到目标值 | 100% | 20 | |
| | 效益社会效益指标 | 学生营养状况改善 | | 明显改善 | 20 | |
| 总分 | | | | | 100 | |
"""


def test_a_scored_target_table_is_read_by_its_tree_synonyms_with_joined_categories() -> None:
    tables, _ = read_text(SCORED_TARGETS, "pingjia.txt")
    (table,) = tables
    assert table.project.name == "营养改善计划项目" and table.project.year == 2020  # 某某县: the publisher
    rows = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert rows == [
        ("", "制度指标", "营养餐管理制度健全与否", ""),  # a goal heading is no 一级; no value, no guess
        ("产出指标", "数量指标", "受益学生人数", "1200"),
        ("产出指标", "数量指标", "供餐天数达标率", "98%"),
        ("产出指标", "质量指标", "食品安全事故发生率", "0"),  # no 指标说明: the value is not taken for it
        ("产出指标", "时效指标", "补助资金按月拨付率", "100%"),
        ("效益指标", "社会效益指标", "学生营养状况改善", "明显改善"),
    ]
    assert table.reading is not None
    assert any("一级指标与二级指标写在同一单元格" in note for note in table.reading.inferred)


# The same kind of table flattened to page text with every row's cells run together: value and 分值
# run into each other (``…达到预计值12015``), the 总分 below. Only the weights summing to 100 tell
# 120 | 15 from 1201 | 5.
SCORED_RUN_TOGETHER = """2021年度某某县农村饮水安全维修项目绩效评价指标表

发布时间: 2022-03-01      发布机构:水利局

2021年度某某县农村饮水安全维修项目绩效评价指标表
评价指标评价内容指标名称指标说明目标值分值备注
项目年度绩效目标(定量指标)制度指标维修管理制度健全与否10
产出数量指标受益人口达到预计值12015
维修工程处数达到目标值8处20
质量指标工程验收合格率100%25
时效指标维修完成及时率达到目标值95%以上30
总分


100
"""


def test_weights_run_into_values_are_cut_only_where_they_sum_to_the_total() -> None:
    tables, diagnostics = read_text(SCORED_RUN_TOGETHER, "pingjia.txt")
    (table,) = tables  # the page's title over the table's own title: one table
    assert table.project.name == "农村饮水安全维修项目" and table.project.year == 2021
    values = [(i.name, i.annual.raw) for i in table.indicators]
    assert values == [
        ("项目年度绩效目标(定量指标)制度指标维修管理制度健全与否", ""),  # a weight alone: no value
        ("受益人口达到预计值", "120"),  # 15 + 10 + 20 + 25 + 30 = 100; 1201 | 5 would make 90
        ("维修工程处数达到目标值", "8处"),
        ("工程验收合格率", "100%"),
        ("维修完成及时率达到目标值", "95%以上"),
    ]
    assert [i.weight for i in table.indicators] == [Decimal(w) for w in ("10", "15", "20", "25", "30")]
    assert not [d for d in diagnostics if d.code == "JX-R13"]


def test_weights_that_do_not_sum_to_the_total_are_not_cut() -> None:
    text = SCORED_RUN_TOGETHER.replace("\n100\n", "\n95\n")  # 120 | 15 sums to 100, 1201 | 5 to 90
    tables, diagnostics = read_text(text, "pingjia.txt")
    assert [d.source.line for d in diagnostics if d.code == "JX-R13"] == [6]  # at the header, said once
    assert all(i.annual.raw != "120" for t in tables for i in t.indicators)  # never a guessed cut


# An aggregator page: the notice and the 专项转移支付绩效目标表 on one line with no separator, the targets
# one column per county (区域目标值 over 甲县 乙区), each row's name, 指标解释 and values run together.
REGIONAL_ONE_LINE = (
    "各县(区)财政局:现下达某项补助资金30万元,请加强资金管理,附件:专项转移支付绩效目标表"
    "附件专项转移支付绩效目标表(2024年度)部门(单位)名称某市农业农村局项目名称高标准农田管护补助区域甲县、乙区"
    "资金情况(万元)资金总额:30其中:财政拨款30其他资金总体目标完成农田设施管护,"
    "绩效指标一级指标二级指标三级指标指标解释区域目标值甲县乙区"
    "产出指标数量指标管护农田面积反映管护面积情况>=1200亩>=800亩"
    "质量指标设施完好率反映设施完好情况>=95%>=95%"
    "满意度指标服务对象满意度指标农户满意度反映农户满意程度>=90%>=90%"
    "效益指标社会效益指标受益农户数反映受益情况2113"
)


def test_a_regional_table_on_one_line_keeps_each_row_whole_and_cuts_no_value() -> None:
    tables, diagnostics = read_text(REGIONAL_ONE_LINE, "quyu.txt")
    (table,) = tables
    assert table.project.name == "高标准农田管护补助" and table.project.year == 2024
    assert table.project.budget == Decimal("300000")
    rows = [(i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert rows == [
        ("数量指标", "管护农田面积反映管护面积情况>=1200亩>=800亩", ""),
        ("质量指标", "设施完好率反映设施完好情况>=95%>=95%", ""),
        ("服务对象满意度指标", "农户满意度反映农户满意程度>=90%>=90%", ""),
        ("社会效益指标", "受益农户数反映受益情况2113", ""),  # 2113: 21 | 13 or 2 | 113, never guessed
    ]
    assert {d.code for d in diagnostics} >= {"JX-R13", "JX-R12"}  # run together; values by region


def test_the_year_in_a_project_name_after_its_place_is_the_budget_year() -> None:
    text = (
        "项目名称 | 某县2024年肉羊养殖技术培训项目\n"
        "一级指标 | 二级指标 | 三级指标 | 指标值\n"
        "产出指标 | 数量指标 | 培训养殖户 | ≥300人\n"
    )
    (table,), _ = read_text(text, "peixun.txt")
    assert table.project.year == 2024
    assert table.reading is not None and "预算年度取自项目名称" in table.reading.inferred


_PIECES = st.sampled_from(
    ["评价指标", "目标值", "分值", "总分", "指标解释", "区域目标值", "甲县", "乙镇", "产出指标", "数量指标",
     "一级指标", "三级指标", "反映", "≥", "%", "10", "0", "860", "\n", "达到预计值", "项目名称", "2023年"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60))
def test_the_new_stages_never_raise_on_pieces_of_their_layouts(pieces: list[str]) -> None:
    text = "".join(pieces)
    read_text(text, "x.txt")
    read_text(text.replace("\n", ""), "x.txt")  # one long line: the regional run's form


# A .doc form re-posted as text, each row's label and value run together: the period as dates, and the
# year only there (上海 申报表: 开始时间2019/1/1结束时间2019/12/31).
DATES_RUN_TOGETHER = """某市财政支出项目绩效目标申报表
申报单位名称:某市青年服务中心
项目名称青年志愿者培训经费
开始时间2022/1/1结束时间2022/12/31
项目预算(万元)
合计12.50其中:财政拨款12.50其他资金0
一级指标二级指标三级指标指标值
产出指标数量指标培训班期数4期
质量指标培训出勤率≥95%
效果指标社会效益指标志愿服务时长≥3000小时
"""


def test_a_period_written_as_dates_run_together_gives_the_year() -> None:
    (table,), diagnostics = read_text(DATES_RUN_TOGETHER, "shenbao.txt")
    project = table.project
    assert (project.period_start, project.period_end, project.year) == (2022, 2022, 2022)
    assert not [d for d in diagnostics if d.code == "JX-R06"]  # 2022/1/1 is a date, not a bad year
