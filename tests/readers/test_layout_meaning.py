"""Layouts of real published tables read by meaning (issue 11): each test is a small table of our own in
the shape a publisher uses, and what the reader must make of it."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind, Op, Severity
from jixiao.readers.text import read_text
from jixiao.values import canonical_text

STACKED = """项目绩效目标表
（2021年度）
项目名称\t集镇污水管网改造
主管部门\t某某镇
年度资金总额及构成\t总额860.5万元一、财政拨款:620.5万元二、其他:240万元
长期绩效指标\t一级指标\t二级指标\t指标内容\t指标值\t备注
\t产出指标\t数量指标\t新建管网长度\t6.5公里\t
\t\t…\t\t\t
\t满意度指标\t服务对象满意度指标\t居民满意度\t≥90%\t
年度绩效指标\t一级指标\t二级指标\t指标内容\t指标值\t备注
\t产出指标\t数量指标\t新建管网长度\t3.2公里\t
\t满意度指标\t服务对象满意度指标\t居民满意度\t≥85%\t
\t效益指标\t社会效益指标\t污水收集率\t≥75%\t
填报人:\t联系电话:
"""


def test_stacked_long_and_annual_blocks_give_each_indicator_both_values() -> None:
    (table,), _ = read_text(STACKED, "stacked.txt")
    got = [(i.name, i.period.raw, i.annual.raw) for i in table.indicators]
    assert got == [
        ("新建管网长度", "6.5公里", "3.2公里"),
        ("居民满意度", "≥90%", "≥85%"),
        ("污水收集率", "", "≥75%"),
    ]
    assert table.project.budget == Decimal("8605000")
    assert table.project.budget_unit == "万元"
    assert table.project.year == 2021


PER_TOWN = """专项资金绩效目标表
项目名称\t省级水利专项资金
主管部门(单位)名称\t某县水利局
资金总额(万元)\t60
绩效指标\t一级指标\t二级指标\t三级指标\t指标解释\t甲镇乙村\t丙镇丁村
\t产出指标\t数量指标\t供水工程(处)\t反映工程开展情况\t1\t2
\t满意度指标\t服务对象满意度指标\t群众满意度\t反映满意程度\t≥90%\t≥95%
"""


def test_one_target_column_per_town_keeps_each_as_a_note_and_no_annual_value() -> None:
    (table,), diagnostics = read_text(PER_TOWN, "towns.txt")
    assert table.project.department == "某县水利局"
    first, second = table.indicators
    assert (first.name, first.annual.raw, first.period.raw) == ("供水工程(处)", "", "")
    assert ("甲镇乙村", "1") in first.notes and ("丙镇丁村", "2") in first.notes
    assert ("丙镇丁村", "≥95%") in second.notes
    (regions,) = [d for d in diagnostics if d.code == "JX-R12"]
    assert regions.severity is Severity.INFO and "甲镇乙村" in regions.message


PROSE = """标 题: | 关于某村人居环境整治项目绩效目标设定的公示 |
根据《关于下达2022年中央财政衔接推进乡村振兴资金预算指标的通知》要求,安排资金300万元,用于某县2022年某村人居环境整治项目,项目建设内容:巷道硬化和绿化。现将绩效目标设定公示如下:
一、产出指标
数量指标:巷道硬化(≥**平方米)大于等于4200平方米,种植数量,补植数量(≥**株)>=260株;时效指标:项目完工时间2022年10月底前。
二、效益指标
社会效益目标:受益人口数(≥**人)≥210人。生态效益指标:土壤改良功能提高。
三、满意度指标
服务对象满意度指标,受益群众满意度(≥**%)≥95%。
某某镇人民政府
"""


def test_targets_written_as_prose_are_read_as_a_table() -> None:
    (table,), _ = read_text(PROSE, "prose.txt")
    assert table.project.name == "某县2022年某村人居环境整治项目"
    assert (table.project.budget, table.project.budget_unit, table.project.year) == (
        Decimal("3000000"),
        "万元",
        2022,
    )
    got = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert got == [
        ("产出指标", "数量指标", "巷道硬化(≥**平方米)", "大于等于4200平方米"),
        ("产出指标", "数量指标", "种植数量,补植数量(≥**株)", ">=260株"),
        ("产出指标", "时效指标", "项目完工时间", "2022年10月底前"),
        ("效益指标", "社会效益指标", "受益人口数(≥**人)", "≥210人"),
        ("效益指标", "生态效益指标", "土壤改良功能提高", "土壤改良功能提高"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度(≥**%)", "≥95%"),
    ]
    assert table.indicators[0].annual.op is Op.GE and table.indicators[4].annual.kind is Kind.QUALITATIVE


HEADINGS = """2023年某市重大政策和项目绩效目标情况

困难群众生活补贴项目项目绩效目标

(二)中长期绩效指标

一级指标

二级指标

指标名称

指标值

产出指标

数量指标

补贴发放人数

7800

满意度指标

满意度指标

补贴对象满意度

95%

养老服务补助项目项目绩效目标

一级指标

二级指标

指标名称

指标值

产出指标

数量指标

服务老人人次

≥12万人次
"""


def test_several_projects_each_under_a_heading_that_names_it() -> None:
    tables, _ = read_text(HEADINGS, "headings.txt")
    assert [(t.project.name, t.project.year) for t in tables] == [
        ("困难群众生活补贴项目", 2023),
        ("养老服务补助项目", 2023),
    ]
    first = tables[0]
    assert first.reading is not None and "项目名称取自标题" in first.reading.inferred
    people, satisfaction = first.indicators
    assert (people.period.raw, people.period.unit, people.annual.raw) == ("7800", "人", "")  # 中长期: period
    assert (satisfaction.level1, satisfaction.level2) == ("满意度指标", "服务对象满意度指标")
    assert tables[1].indicators[0].annual.raw == "≥12万人次"  # no 中长期 heading over this one


SIDE_CELLS = """项目支出预算绩效目标申报表
项目基本情况  项目名称  重点项目调度经费
项目属性  延续项目
主管部门  某区政府  项目起止时间  2021.1-2021.12
年度绩效指标  一级指标  二级指标  指标内容  指标值  备注
产出指标  数量指标  调度会议次数  12次
满意度指标  服务对象满意度指标  项目单位满意度  ≥90%
"""


def test_a_form_side_cell_before_the_name_and_the_year_of_a_one_year_period() -> None:
    (table,), _ = read_text(SIDE_CELLS, "side.txt")
    assert table.project.name == "重点项目调度经费"
    assert table.project.year == 2021
    assert table.reading is not None and "预算年度取自实施期（只有一年）" in table.reading.inferred
    assert [i.annual.raw for i in table.indicators] == ["12次", "≥90%"]


SPLIT = """部门预算项目绩效目标申报表(2023年度)
项目名称\t村级公益事业经费
一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重
产出指标\t数量指标\t覆盖行政村\t=\t9\t个\t20
满意度指标\t服务对象满意度指标\t群众满意度\t≥\t95\t%\t10
"""


def test_split_value_columns_keep_the_value_cell_as_raw_and_the_meaning_structured() -> None:
    (table,), _ = read_text(SPLIT, "split.txt")
    got = [(i.annual.raw, i.annual.op, i.annual.value, i.annual.unit) for i in table.indicators]
    assert got == [("9", Op.EQ, Decimal(9), "个"), ("95", Op.GE, Decimal(95), "%")]
    assert [canonical_text(i.annual) for i in table.indicators] == ["=9个", "≥95%"]
    assert table.project.year == 2023


NOTICE = """关于下达2024年中央财政衔接补助资金的通知
某某镇人民政府:
现将补助资金12万元下达给你们。
附件:1.项目资金分配表
2.补助资金绩效目标表

补助资金绩效目标表
项目名称 补助资金项目
主管部门 某县民政局 实施单位 某某镇人民政府
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 修复水渠长度(米) ≥820
满意度指标 服务对象满意度指标 群众满意度 ≥90%
"""


def test_the_year_of_the_notice_above_when_the_table_names_none() -> None:
    (table,), _ = read_text(NOTICE, "notice.txt")
    assert table.project.year == 2024
    assert table.reading is not None and "预算年度取自表格上方的文件标题" in table.reading.inferred


PARTS = """项目支出绩效目标申报表
（2021年度）
项目名称\t计划生育奖励扶助
预算单位\t区卫生健康局
项目资金(万元)\t年度资金总额\t金额(万元)
\t(一)财政拨款小计\t40.32
\t1、一般公共预算\t40.32
\t(二)自有资金小计\t0.00
\t(三)其他收入\t0.00
绩效指标\t一级指标\t二级指标\t三级指标\t指标值(包含数字及文字描述)
\t产出指标\t数量指标\t扶助人数\t420人
"""


def test_a_year_total_written_only_as_its_parts_is_their_sum_and_noted() -> None:
    (table,), _ = read_text(PARTS, "parts.txt")
    assert (table.project.budget, table.project.budget_unit) == (Decimal("403200"), "万元")
    assert table.reading is not None
    assert "预算金额为其中各项资金之和（原表未写合计）" in table.reading.inferred
    assert [(i.name, i.annual.raw) for i in table.indicators] == [("扶助人数", "420人")]
