"""Published 自评表 whose budget block contradicts itself, the two classes of the fifth held-out set
(tests/corpus/selfeval_heldout5): a whole-point table whose printed rate and budget score follow no
amount (rules.md §6.5: 执行率 = B ÷ A, 得分 = 分值 × 执行率), and a 年度资金总额 row that is not the sum
of its 其中 rows (rules.md §6.5 and §9 T1: the budget score comes from the fund rows). Each test reads
a table of our own in the central form, cells joined by spaces as a PDF's text layer gives them."""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import audit

_INDICATORS = """绩
效
指
标
一级
指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 监测站点运维数量 ≥6个 6个 25 25
质量指标 监测数据有效率 ≥90% 96% 25 25
时效指标 故障响应及时率 ≥95% 100% 20 20
效益指标 社会效益指标 空气质量优良天数比率 ≥85% 88.2% 10 10
满意度指标 服务对象满意度指标 群众满意度 ≥85% 92% 10 10
"""


def _table(funds: str, total: str) -> str:
    return f"""项目支出绩效自评表
( 2023年度)
项目名称 大气污染防治专项经费 主管部门 某市生态环境局 实施单位 某市生态环境局
项目资金
(万元)
年初预算数 全年预算数 全年执行数 分值 执行率 得分
{funds}{_INDICATORS}总分 100 {total}
"""


# 45.6 ÷ 48 = 95 %, so 9.5 is due; the table prints 100 % and 10, and 10 + 90 = 100 as its total.
MISPRINTED_RATE = _table(
    "年度资金总额 40 48 45.6 10 100% 10\n其中:当年财政拨款 40 48 45.6 — —\n上年结转资金 — —\n其他资金 — —\n",
    "100",
)

# The total row's own figures agree (57 ÷ 60 = 95 %, 9.5) but its 其中 rows sum to 58 and 55.
TOTAL_ROW_NOT_SUMMED = _table(
    "年度资金总额 60 60 57 10 95% 9.5\n其中:当年财政拨款 50 50 47 — —\n"
    "上年结转资金 8 8 8 — —\n其他资金 — —\n",
    "99.5",
)


def test_a_whole_point_total_built_on_a_misprinted_rate_differs_from_the_recomputed_one() -> None:
    (table,) = read_published_text(MISPRINTED_RATE, "misprinted_rate.txt")
    result = audit(table)
    codes = set(result.codes())
    assert {"JX-A04", "JX-A05", "JX-A11"} <= codes
    assert "JX-A01" not in codes  # the printed total is the sum of the printed scores
    assert result.result.total == Decimal("99.5")
    (differs,) = [d for d in result.diagnostics if d.code == "JX-A11"]
    assert "低于" not in differs.message and "高于按规则重算的99.50" in differs.message


def test_a_total_row_that_contradicts_its_sub_rows_is_scored_from_the_sub_rows() -> None:
    (table,) = read_published_text(TOTAL_ROW_NOT_SUMMED, "total_row.txt")
    result = audit(table)
    codes = set(result.codes())
    assert {"JX-A03", "JX-A05"} <= codes
    assert {"JX-A01", "JX-A04"}.isdisjoint(codes)
    (budget,) = [d for d in result.diagnostics if d.code == "JX-A05"]
    assert "55" in budget.message and "58" in budget.message and "9.48" in budget.message


def _with_last_row(row: str) -> str:
    """A clean budget block (48 of 48 spent) and the shared rows, the satisfaction row replaced."""
    funds = (
        "年度资金总额 48 48 48 10 100% 10\n其中:当年财政拨款 48 48 48 — —\n上年结转资金 — —\n其他资金 — —\n"
    )
    return _table(funds, "100").replace("满意度指标 服务对象满意度指标 群众满意度 ≥85% 92% 10 10\n", row)


def test_a_qualitative_actual_copying_a_target_that_only_repeats_the_name_is_a_copy() -> None:
    text = _with_last_row("可持续影响指标 可持续 可持续 可持续 10 10\n")
    (table,) = read_published_text(text, "repeats_name.txt")
    assert [(i.name, i.target, i.actual) for i in table.indicators][-1] == ("可持续", "可持续", "可持续")
    (copied,) = [d for d in audit(table).diagnostics if d.code == "JX-A22"]
    assert "可持续" in copied.message


def test_a_single_qualitative_actual_stating_the_standard_met_is_no_copy() -> None:
    text = _with_last_row("可持续影响指标 制度执行 符合相关文件要求 符合相关文件要求 10 10\n")
    (table,) = read_published_text(text, "standard_met.txt")
    assert [(i.name, i.target, i.actual) for i in table.indicators][-1] == (
        "制度执行",
        "符合相关文件要求",
        "符合相关文件要求",
    )
    assert "JX-A22" not in audit(table).codes()
