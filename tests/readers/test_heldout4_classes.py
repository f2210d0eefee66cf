"""Issue 11, the classes the fourth unseen set (tests/corpus/heldout4, with heldout3) exposed, each as a
small document of its layout: a 当年度指标值 block beside the 实施周期 block, a 项目预算 of cost lines closed
by 合计, a label's value run on into the next label, an allocation table's 合计 giving the unit, a
department run on into its budget code, and grades run together with their names (JX-R13)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind, Op
from jixiao.readers.text import read_text

# A 东莞市财政项目支出绩效目标表 as page text: the 实施周期 block left, the 当年度 block right, on each row.
SIDE_BY_SIDE_THIS_YEAR = """东莞市财政项目支出绩效目标表 | |||||||||
( 2024 年度) | |||||||||
预算单位:某市美术馆 | |||||||||
项目 名称 |
馆藏书画数字化支出 | 本年度申请市财政预算资金(万元) | 30 | ||||||
总体目标 | 实施周期总目标(2024年--2026年) | 年度目标 | |||||||
三年内完成馆藏书画的高清数字化采集和著录。 | 2024年完成300幅书画的数字化采集。 | ||||||||
绩效指标 |
一级 指标 |
二级 指标 |
三级 指标 |
实施周期指标值 |
二级 指标 |
三级 指标 |
当年度指标值 | ||
产出指标 | 数量指标 | 书画数字化数量 | ≥900幅 | 数量指标 | 书画数字化数量 | ≥300幅 | |||
著录数据条数 | 900条 | 著录数据条数 | 300条 | ||||||
质量指标 | 图像采集合格率 | ≥98% | 质量指标 | 图像采集合格率 | ≥99% | ||||
时效指标 | 采集任务完成时间 | 2026年12月底前 | 时效指标 | 采集任务完成时间 | 2024年12月底前 | ||||
效益指标 | 社会效益指标 | 线上展示访问量 | ≥30万人次 | 社会效益指标 | 线上展示访问量 | ≥10万人次 | ||||
满意度指标 | 服务对象满意度指标 | 观众满意度 | ≥90% | 服务对象满意度指标 | 观众满意度 | ≥92% | ||||
"""


def test_the_this_year_block_beside_the_period_block_gives_the_annual_value() -> None:
    (table,), _ = read_text(SIDE_BY_SIDE_THIS_YEAR, "dangniandu.txt")
    values = {i.name: (i.period.raw if i.period else None, i.annual.raw) for i in table.indicators}
    assert values == {
        "书画数字化数量": ("≥900幅", "≥300幅"),
        "著录数据条数": ("900条", "300条"),
        "图像采集合格率": ("≥98%", "≥99%"),
        "采集任务完成时间": ("2026年12月底前", "2024年12月底前"),
        "线上展示访问量": ("≥30万人次", "≥10万人次"),
        "观众满意度": ("≥90%", "≥92%"),
    }
    first = table.indicators[0].annual
    assert (first.kind, first.op, first.value) == (Kind.QUANTITATIVE, Op.GE, Decimal("300"))


# A 市直部门预算项目支出绩效目标表 one cell per line, blank lines between: 申报单位 and 金额单位 on one
# line, a 项目预算 block of cost lines (成本构成 | 金额 | 测算(公式)依据 | two years of 实际执行数) closed
# by 合计.
COST_LINES = """某市2023年市直部门预算项目支出绩效目标表

 申报单位: 某市博物馆 金额单位:万元

项目名称

馆藏文物预防性保护专项经费

项目类别

运行维护类

项目预算

成本构成

金额

测算(公式)依据

2021年实际执行数

2022年实际执行数

恒温恒湿设备运维费

12.50

1.设备维保4次*20000=80000元

2.耗材费45000元

11.00

12.00

文物囊匣购置

30.00

1.囊匣600个*500=300000元

28.00

29.50

合计

42.50



39.00

41.50

绩效指标

一级指标

二级指标

三级指标

指标值

产出指标

数量指标

新配置文物囊匣

600个

满意度指标

服务对象满意度指标

观众满意度

≥90%
"""


def test_the_total_of_the_cost_lines_is_the_budget_in_the_unit_of_the_header_line() -> None:
    (table,), _ = read_text(COST_LINES, "chengben.txt")
    project = table.project
    assert project.budget == Decimal("425000") and project.budget_unit == "万元"
    assert table.reading is not None
    assert "预算金额取自项目预算成本构成的“合计”行（金额列）" in table.reading.inferred
    assert [i.name for i in table.indicators] == ["新配置文物囊匣", "观众满意度"]


def test_cost_lines_without_their_total_give_no_budget() -> None:
    text = COST_LINES.replace("合计\n\n42.50\n\n\n\n39.00\n\n41.50\n\n", "")
    (table,), _ = read_text(text, "chengben.txt")
    assert table.project.budget is None  # never a sum of lines, nor an 实际执行数, presented as the budget


def test_a_label_value_stops_where_the_next_label_on_its_line_begins() -> None:
    (table,), _ = read_text(COST_LINES, "chengben.txt")
    assert table.project.unit == "某市博物馆"  # not 某市博物馆 金额单位:万元


# A 市 fund notice: 附件1 an allocation table in 万元 (one cell per line ending ' |'), 附件2 the
# 专项转移支付绩效目标表 whose 年度金额 has no unit of its own and whose 主管部门 runs on into its code.
NOTICE_WITH_ALLOCATION = """现下达2023年中央补助地方美术馆公共服务资金(详见附件),请切实加强资金监管。
附件1
2023年度美术馆公共服务补助资金分配表
单位:万元
|
序号 |
项目单位 |
补助金额 |
|
1 |
某市美术馆 |
15 |
|
2 |
某区文化馆 |
10 |
|
|
合计 |
|
25 |
|
附件2
美术馆公共服务专项转移支付绩效目标表
|
项目名称 |
美术馆公共服务提升 |
|||||
|
主管部门(单位)名称及预算编码 |
某省文化和旅游厅335301302 |
|||||
|
资金情况 |
年度金额: |
25 |
||||
|
绩效指标 |
一级指标 |
二级指标 |
三级指标 |
指标值 |
||
|
产出指标 |
数量指标 |
公益展览场次 |
≥12场 |
||
|
满意度指标 |
服务对象满意度指标 |
观众满意度 |
≥90% |
||
"""


def test_an_amount_without_unit_takes_wan_from_the_same_total_of_the_allocation_table_above() -> None:
    (table,), _ = read_text(NOTICE_WITH_ALLOCATION, "fenpei.txt")
    assert table.project.budget == Decimal("250000") and table.project.budget_unit == "万元"
    assert table.reading is not None
    assert "预算金额单位（万元）取自表格上方正文或分配表合计中的同一金额" in table.reading.inferred


def test_a_different_allocation_total_leaves_the_amount_in_yuan() -> None:
    text = NOTICE_WITH_ALLOCATION.replace("合计 |\n|\n25 |", "合计 |\n|\n26 |")
    (table,), _ = read_text(text, "fenpei.txt")
    assert table.project.budget == Decimal("25") and table.project.budget_unit == "元"


def test_a_department_run_on_into_its_budget_code_is_the_name_with_the_code_noted() -> None:
    (table,), _ = read_text(NOTICE_WITH_ALLOCATION, "fenpei.txt")
    assert table.project.department == "某省文化和旅游厅"
    assert table.reading is not None
    assert "主管部门名称后的编码“335301302”已与名称分开" in table.reading.inferred


# A 部门整体支出绩效目标表 copied from a page with no separators: each indicator row its categories, name and
# value run together (JX-R13), grades among them.
RUN_TOGETHER_GRADES = """2024年某县部门整体支出绩效目标表
部门名称某县妇幼保健计划生育服务中心
年度预算申请 (万元)资金总额:520.00
部门整体支出 年度绩效指标一级指标二级指标三级指标指标值及单位
产出指标数量指标孕产妇系统管理人数1200人以上
儿童健康体检人次5000人次以上
质量指标孕产妇系统管理率≥90%
成本指标公用经费控制在预算内不超预算
效益指标社会效益指标婴儿死亡率较上年下降
可持续影响指标妇幼健康服务体系运行保持稳定运行
满意度指标服务对象满意度指标孕产妇家属满意度≥90%
"""

# The same kind of table from a document-sharing site: the whole table on one line (a docx flattened).
ONE_LINE_GRADES = (
    "1、绩效目标表申报城市:某省某市项目名称妇幼健康服务能力提升项目中央主管部门财政部、国家卫生健康委"
    "项目资金(万元)3000总体目标2024年底,建成市级危重孕产妇救治中心,群众满意度明显提升。"
    "绩效指标一级指标二级指标三级指标指标值产出指标数量指标危重孕产妇救治中心建设数量≥1个"
    "质量指标妇幼保健机构等级评审结果逐年提升时效指标救治中心建设完成时间2024年底前"
    "效益指标社会效益指标孕产妇死亡率≤10/10万可持续影响指标妇幼健康服务网络基本建立"
    "满意度指标服务对象满意度指标孕产妇满意度≥90%\n"
)


def _annual(text: str) -> dict[str, str]:
    (table,), _ = read_text(text, "grades.txt")
    return {i.name: i.annual.raw for i in table.indicators}


def test_grades_run_onto_their_names_row_by_row_are_cut_where_the_words_compose_them() -> None:
    assert _annual(RUN_TOGETHER_GRADES) == {
        "孕产妇系统管理人数": "1200人以上",
        "儿童健康体检人次": "5000人次以上",
        "孕产妇系统管理率": "≥90%",
        "公用经费控制在预算内": "不超预算",
        "婴儿死亡率": "较上年下降",
        "妇幼健康服务体系运行": "保持稳定运行",
        "孕产妇家属满意度": "≥90%",
    }


def test_grades_and_dates_in_a_table_on_one_line_are_cut_off_their_names() -> None:
    assert _annual(ONE_LINE_GRADES) == {
        "危重孕产妇救治中心建设数量": "≥1个",
        "妇幼保健机构等级评审结果": "逐年提升",
        "救治中心建设完成时间": "2024年底前",
        "孕产妇死亡率": "≤10/10万",
        "妇幼健康服务网络": "基本建立",
        "孕产妇满意度": "≥90%",
    }


def test_a_department_code_run_on_with_its_own_label_is_split_off() -> None:
    from jixiao.readers.head_parts import code_after_name

    found = code_after_name("部门(单位)名称", "示范市民族与宗教事务局部门预算编码230001")
    assert found is not None and found.groups() == ("示范市民族与宗教事务局", "230001")
    assert code_after_name("主管部门", "示范县财政局") is None
    assert code_after_name("项目名称", "示范项目项目编码2023001") is None  # only a department's code
