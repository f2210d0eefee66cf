"""Audit premises first met on the third held-out set (tests/corpus/selfeval_heldout3): side columns
that break the total down by source (按收入性质分) are not fund rows, so the total is not compared
with them; amounts may carry 万; a 成本指标 printed without a comparator is a ceiling."""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import audit

# The 湖南 部门整体 form one cell per line: the funds row continues into two side columns whose
# sub-rows put label and amount in one cell or the label (ending ':') before its amount.
SIDE_COLUMNS = (
    """2023年度部门整体支出绩效自评表
预算部门名称
某乡人民政府
年度预算申请(万元)
年初预算数
全年预算数
全年执行数
分值
执行率
自评得分
年度资金总额
500.00
800.00
760.00
10
95.00%
9.5
按收入性质分:
800.00
按支出性质分:
760.00
其中:
一般公共预算:600.00
其中:基本支出:
400.00
政府性基金拨款:
50.00
项目支出:
360.00
其他资金:
150.00
一级指标
二级指标
三级指标
年度指标值
实际完成值
分值
得分
偏差原因分析及改进措施
产出指标
数量指标
整治村数量
6个
6个
45
45

效益指标
社会效益指标
信访办结率
≥95%
97%
35
35

满意度指标
服务对象满意度指标
群众满意度
≥90%
94%
10
10

总分
100
99.5"""
).replace("\n", "\n\n")


def test_side_columns_by_source_are_not_fund_rows_and_the_total_is_not_summed_from_them() -> None:
    (table,) = read_published_text(SIDE_COLUMNS, "side-columns.txt")
    assert [f.label for f in table.funds] == ["年度资金总额"]
    (total,) = table.funds
    assert (total.budget, total.executed, total.score) == (Decimal(800), Decimal(760), Decimal("9.5"))
    assert table.budget_score == Decimal("9.5")  # 自评得分 is the funds block's score column
    codes = audit(table).codes()
    assert "JX-A03" not in codes and "JX-A01" not in codes  # 9.5 + 90 = 99.5: the table agrees


AMOUNTS_WITH_WAN = """项目支出绩效自评表
项目名称 | 平台运维费
项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
年度资金总额 | 80万 | 80万 | 68.8万 | 10 | 86% | 8.6
其中:当年财政拨款 | 80万 | 80万 | 68.8万 | — | | —
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
产出指标 | 数量指标 | 接入事项数 | 1200项 | 1260项 | 30 | 30 |
| 成本指标 | 平台运维费 | 80万 | 68.8万 | 20 | 20 |
| 时效指标 | 问题响应及时率 | 100% | 86% | 20 | 17 |
效益指标 | 社会效益指标 | 跑腿次数减少 | 明显减少 | 明显减少 | 10 | 10 |
满意度指标 | 服务对象满意度指标 | 办事群众满意度 | 95% | 98% | 10 | 10 |
总分 | 100 | 95.6
"""


def test_amounts_written_with_wan_are_read_as_the_blocks_unit() -> None:
    (table,) = read_published_text(AMOUNTS_WITH_WAN, "wan.txt")
    total, allocated = table.funds
    assert (total.initial, total.budget, total.executed) == (Decimal(80), Decimal(80), Decimal("68.8"))
    assert (allocated.budget, allocated.executed) == (Decimal(80), Decimal("68.8"))


def test_a_cost_indicator_without_comparator_is_a_ceiling() -> None:
    (table,) = read_published_text(AMOUNTS_WITH_WAN, "wan.txt")
    result = audit(table)
    lines = {line.line.name: line.score for line in result.result.lines}
    assert lines["平台运维费"].value == Decimal(20)  # 68.8万 spent under an 80万 ceiling: full marks
    assert "成本上限" in " ".join(result.choices)
    findings = [d.message for d in result.diagnostics if d.code == "JX-A10"]
    assert len(findings) == 1 and "问题响应及时率" in findings[0]  # 17 where 20 × 86/100 = 17.20
    ceiling = AMOUNTS_WITH_WAN.replace("| 80万 | 68.8万 | 20 | 20 |", "| ≥80万 | 68.8万 | 20 | 20 |")
    stated = audit(read_published_text(ceiling, "ge.txt")[0])
    assert "平台运维费" in " ".join(d.message for d in stated.diagnostics)  # ≥ as printed: 68.8 < 80


# The 湖北 市直 form as a flattened page: trailing empty cells after each row, ONE 得分 per 二级 group.
GROUP_SCORES = """2022年度数字资源建设项目自评表
项目名称 | 数字资源建设 | | | | | |
预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | | |
年度财政资金总额 | 6 | 6 | 100% | 20 | | |
年度绩效目标1 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | | |
产出指标(40分) | 数量指标 | 电子期刊采购 | 2000种 | 2000种 | 20 | | |
质量指标 | 以当年新出版资源为主 | 当年出版占比≥70% | 当年出版占比75% | 10 | | | |
成本指标 | 以低价位高质量为采购原则 | 6万 | 6万 | 10 | | | |
效益指标(30分) | 社会效益 | 方便读者查阅 | 访问量较上年增长 | 访问量增长9% | 30 | | |
满意度指标(10分) | 读者 | 读者满意度 | ≥90% | 95% | 10 | | |
"""


def test_a_cost_row_with_trailing_blanks_is_an_er_ji_row_and_a_worded_figure_is_a_figure() -> None:
    (table,) = read_published_text(GROUP_SCORES, "group-scores.txt")
    cost = next(i for i in table.indicators if i.level2 == "成本指标")
    assert (cost.name, cost.target, cost.actual, cost.score) == ("以低价位高质量为采购原则", "6万", "6万", 10)
    result = audit(table)
    assert "JX-A23" not in result.codes()  # 当年出版占比75%: the target's words, then the figure
    worded = GROUP_SCORES.replace("当年出版占比75%", "基本完成")
    assert "JX-A23" in audit(read_published_text(worded, "worded.txt")[0]).codes()


ADJUSTED_BUDGET = """项目支出绩效自评表
项目名称 | 年报抽查审计费
项目资金 (万元) | 年初预算数 | 调整预算数 | 全年执行数 | 分值 | 执行率 | 得分
年度资金总额 | 20 | 16 | | 10 | 100% | 98
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
产出指标 | 数量指标 | 抽查企业户数 | ≥80户 | 84户 | 50 | 50 |
效益指标 | 社会效益指标 | 名录标记准确率 | 100% | 100% | 30 | 30 |
满意度指标 | 服务对象满意度指标 | 服务对象满意度 | ≥90% | 96% | 10 | 10 |
总分 | 100 | 98
"""


def test_an_adjusted_budget_column_is_the_budget_and_a_score_against_a_blank_execution_is_flagged() -> None:
    (table,) = read_published_text(ADJUSTED_BUDGET, "adjusted.txt")
    (total,) = table.funds
    assert (total.initial, total.budget, total.executed) == (Decimal(20), Decimal(16), None)
    codes = audit(table).codes()
    assert {"JX-A01", "JX-A02", "JX-A05"} <= set(codes)  # 98 is the total written in the budget cell


def test_a_lone_figure_beside_zongfen_equal_to_the_stated_points_is_no_total() -> None:
    out_of = GROUP_SCORES + "总分 | 100 | | |\n"
    (table,) = read_published_text(out_of, "out-of.txt")
    assert table.total is None  # 20分 + 80分: what the table is out of, with no score beside it
    assert "JX-A11" not in audit(table).codes()
    scored = GROUP_SCORES + "总分 | 100 | 96 | |\n"
    assert read_published_text(scored, "scored.txt")[0].total == Decimal(96)
