"""Layouts of published 自评表 first seen on the third held-out set (tests/corpus/selfeval_heldout3):
an indicator header broken after its target column, and the 中央对地方转移支付 form that names its
project 转移支付(项目)名称 and prints no score columns. Each test reads a table of our own in that
layout and checks the printed figures as printed."""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_published import read_published_text

HEADER_BROKEN_AFTER_TARGET = """部门整体支出绩效自评表 | |||||||
(2023年度) | ||||||
部门 | 某县乡村建设服务中心 | |||||
预算资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | ||||
年度资金总额 | 120.00 | 120.00 | 118.80 | 10 | 99.00% | 9.9 | |||
绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 年度 指标值 |
实际 完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | ||||
产出指标 | 数量指标 | 指标1:改造户用厕所数量 | ≥500 | 512 | 50 | 50 | |||||
效益指标 | 社会效益指标 | 指标1:群众知晓率 | ≥90% | 93% | 30 | 30 | ||||
满意度指标 | 服务对象满意度指标 | 指标1:受益群众满意度 | ≥90% | 95% | 10 | 10 | |||
总分 | 100 | 99.9 | |||
"""


def test_an_indicator_header_broken_after_its_target_column_is_one_header() -> None:
    (table,) = read_published_text(HEADER_BROKEN_AFTER_TARGET, "broken-header.txt")
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("改造户用厕所数量", "≥500", "512", Decimal(50), Decimal(50)),
        ("群众知晓率", "≥90%", "93%", Decimal(30), Decimal(30)),
        ("受益群众满意度", "≥90%", "95%", Decimal(10), Decimal(10)),
    ]
    assert table.total == Decimal("99.9")


TRANSFER_PAYMENT = """中央对地方转移支付区域绩效自评表 |
(2022年度) |
转移支付(项目)名称 | 某项卫生服务补助 |
中央主管部门 | 某部委 |
地方主管部门 | 某州卫生健康委 | 资金使用单位 | 某县卫生健康局 |
项目资金 (万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) |
年度资金总额: | 200.00 | 190.00 | 95.00% |
其中:中央财政资金 | 180.00 | 172.00 | 95.56% |
地方资金 | 20.00 | 18.00 | 90.00% |
绩效指标 | 一级 指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 | 未完成原因和改进措施 |
产出指标 | 数量指标 | 健康档案建档率 | ≥90% | 91% | |
效益指标 | 社会效益指标 | 服务水平 | 不断提高 | 不断提高 | |
说明 | 无 |
"""


def test_a_transfer_payment_table_names_its_project_and_is_read_without_score_columns() -> None:
    (table,) = read_published_text(TRANSFER_PAYMENT, "transfer.txt")
    assert table.project == "某项卫生服务补助"
    assert [(f.label, f.budget, f.executed, f.rate) for f in table.funds] == [
        ("年度资金总额", Decimal("200.00"), Decimal("190.00"), Decimal("95.00")),
        ("中央财政资金", Decimal("180.00"), Decimal("172.00"), Decimal("95.56")),
        ("地方资金", Decimal("20.00"), Decimal("18.00"), Decimal("90.00")),
    ]
    assert [(i.name, i.target, i.actual, i.score) for i in table.indicators] == [
        ("健康档案建档率", "≥90%", "91%", None),
        ("服务水平", "不断提高", "不断提高", None),
    ]


BREAKDOWN_ROWS = """绩效目标自评表
项目名称 | 某村特色种养补贴到户项目
资金情况 (万元) | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分
年度资金总额: | 4.0 | 4.0 | 10 | 100% | 10
一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施
产出指标 (50分) | 数量指标 | ★补助瓜果蔬菜种植面积 | 40 | 12亩 | 12亩 | 40 |
其中露天蔬菜 | | 10亩 | 10亩 | |
其中大棚蔬菜 | | 2亩 | 2亩 | |
质量指标 | 种植作物成活率 | 10 | 95% | 96% | 10 |
效益指标 (30分) | 社会效益指标 | 受益人口数量 | 30 | 40人 | 40人 | 30 |
满意度指标 (10分) | 服务对象满意度指标 | 受益户满意度 | 10 | ≥95% | 98% | 10 |
总分 | 100 | 100
"""


def test_breakdown_rows_without_points_are_parts_of_the_row_above_not_indicators() -> None:
    (table,) = read_published_text(BREAKDOWN_ROWS, "breakdown.txt")
    assert [(i.name, i.weight, i.target, i.score) for i in table.indicators] == [
        ("★补助瓜果蔬菜种植面积", Decimal(40), "12亩", Decimal(40)),
        ("种植作物成活率", Decimal(10), "95%", Decimal(10)),
        ("受益人口数量", Decimal(30), "40人", Decimal(30)),
        ("受益户满意度", Decimal(10), "≥95%", Decimal(10)),
    ]
