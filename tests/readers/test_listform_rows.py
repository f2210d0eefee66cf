"""A list of projects printed as words in order (内蒙古 旗县 disclosure: 项目名称 | 项目单位 | 项目类别 |
预算数 | 年度绩效目标 | 一级 | 二级 | 三级 | 指标性质 | 指标方向 | 目标值 | 计量单位 | 分值, one line per
row, merged cells left out): a row that starts at its 三级 keeps the 二级 above it and is read."""

from __future__ import annotations

from jixiao.readers.text import read_text

HEADER = (
    "项目名称 项目单位 项目类别 预算数 年度绩效目标 一级指标 二级指标 三级指标 指标性质 指标方向 目标值 "
    "计量单位 分值"
)
PROJECT = (
    "办案装备购置经费 776001-示范旗人民检察院 32-专项资金项目 560,000.00 补充办案装备,提高办案保障水平。 "
    "产出指标(50分) 数量指标 执法车辆购置数量 正向 大于等于 2 辆 10"
)
LIST = f"""示范旗人民检察院2025年项目支出绩效目标表
单位:元
{HEADER}
{PROJECT}
时效指标 采购计划完成时间 定性
10月底之前
5
装备验收及时率 正向 大于等于 95 % 5
满意度指标(10分) 服务对象满意度 干警使用满意度 正向 大于等于 96 % 10
"""


def test_a_row_starting_at_its_level3_keeps_the_level2_above_it() -> None:
    tables, _ = read_text(LIST, "list.txt")
    (table,) = tables
    rows = [(i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert rows == [
        ("数量指标", "执法车辆购置数量", "2"),
        ("时效指标", "采购计划完成时间", "10月底之前"),
        ("时效指标", "装备验收及时率", "95"),
        ("服务对象满意度", "干警使用满意度", "96"),
    ]
