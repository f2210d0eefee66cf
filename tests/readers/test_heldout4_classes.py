"""Issue 11, the classes the fourth unseen set (tests/corpus/heldout4) exposed, each as a small document
of its layout: a 当年度指标值 block beside the 实施周期 block, …"""

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
