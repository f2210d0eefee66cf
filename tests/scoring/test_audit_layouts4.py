"""Rescoring published tables of the layouts first met on the second held-out set: amounts printed
only on the total fund row (the 其中 rows blank), and a whole-point total that matches the rounded
recomputation only because a wrong budget score offsets the rows."""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import audit

TABLE = """项目支出绩效自评表
项目名称 | 林下经济扶持
主管部门 | 某区林业局 | 实施单位 | 某区林业局
项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
年度资金总额 | 100 | 100 | 80 | 10 | 100% | 10
其中：当年财政拨款 | | | | | |
上年结转资金 | | | | | |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
产出指标 | 数量指标 | 扶持农户数 | ≥200户 | 200户 | 50 | 50 |
效益指标 | 经济效益指标 | 林下经济产值 | ≥1000万元 | 920万元 | 30 | 29 |
满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% | 95% | 10 | 10 |
总分 | 100 | 99
"""


def test_the_budget_score_comes_from_the_total_row_when_the_fund_rows_print_no_amounts() -> None:
    (table,) = read_published_text(TABLE, "total-only.txt")
    result = audit(table)
    assert result.result.budget.value == Decimal("8.00")  # 80 ÷ 100 × 10
    assert "JX-A05" in result.codes()  # the printed 10 contradicts its own amounts


def test_a_total_matching_only_through_a_wrong_budget_score_is_still_reported() -> None:
    (table,) = read_published_text(TABLE, "total-only.txt")
    result = audit(table)
    # printed 10 + 50 + 29 + 10 = 99; recomputed 8 + 50 + 27.60 + 10 = 95.60 (rounded 8 + 50 + 28 + 10 = 96)
    assert result.result.total == Decimal("95.60")
    assert "JX-A11" in result.codes()


OFFSET = TABLE.replace("| 920万元 | 30 | 29 |", "| 940万元 | 30 | 26 |").replace("| 100 | 99", "| 100 | 96")


def test_whole_point_rows_offset_by_the_budget_score_do_not_hide_the_difference() -> None:
    (table,) = read_published_text(OFFSET, "offset.txt")
    result = audit(table)
    # printed 10 + 50 + 26 + 10 = 96; recomputed 8 + 50 + 28.20 + 10 = 96.20, rounded 8 + 50 + 28 + 10 = 96
    assert table.total == Decimal(96)
    assert result.result.total == Decimal("96.20")
    assert "JX-A11" in result.codes()
