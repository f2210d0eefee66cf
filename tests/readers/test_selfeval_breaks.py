"""Published 自评表 text whose row breaks fell in the wrong places (a county site's ``|`` export):
fund labels at the end of the line above their amounts, a two-row header on two lines, a
qualitative row over three lines, the rate as the only anchor of a row that lost its first
column, and the score and the grade on the 总分 line. Read as the same table its clean form is.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_gaps import breaks_misplaced
from jixiao.readers.selfeval_published import read_published_text
from jixiao.readers.text import text_rows
from jixiao.scoring.audit import audit

MISPLACED = "\n".join(
    [
        "2023年度项目支出绩效自评表 | 部门:某县某幼儿园 |",
        "|",
        (
            "| 公开14表 | 项目名称 | 学前教育幼儿资助资金 | 主管部门 | "
            "某县教育体育局 | 实施单位 | 某县某幼儿园 | 项目资金 (元) |"
        ),
        ("| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |"),
        ("| 86400.00 | 86400.00 | 10 | 100% | 10 | 其中:当年财政 拨款 |"),
        "| 86400.00 | 86400.00 | — |",
        "| — | 其他资金 | — | — | — | — |",
        (
            "| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | "
            "资助家庭经济困难幼儿 | 按标准资助到位 | 绩效指标 | 年度指标值 | "
            "实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | "
            "二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | "
            "产出指标 | 数量指标 | 资助幼儿人数 | ≧ | 72 | 人 | "
            "72 | 20 | 20 |"
        ),
        ("| 时效指标 | 资助资金发放及时率 | ═ | 100 | % | 100% | 20 | 18 |"),
        "| 效益指标 | 社会效益 指标 | 减轻家庭负担 |",
        "| 明显 |",
        "| 明显 | 30 | 30 |",
        ("| 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≧ | 90 | % | 95% | 10 | 10 |"),
        "| 教师满意度 | ≧ | 90 | % | 92% | 10 | 10 |",
        "| 其他需要说明事项 | 无 | 总分 | 100 | 98 | 优 |",
        "|",
        "",
    ]
)

CLEAN = """2023年度项目支出绩效自评表
项目名称 | 学前教育幼儿资助资金 | 主管部门 | 某县教育体育局 | 实施单位 | 某县某幼儿园
项目资金（元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
年度资金总额 | | 86400.00 | 86400.00 | 10 | 100% | 10
其中：当年财政拨款 | | 86400.00 | 86400.00 | | |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
产出指标 | 数量指标 | 资助幼儿人数 | ≥72人 | 72 | 20 | 20 |
 | 时效指标 | 资助资金发放及时率 | =100% | 100% | 20 | 18 |
效益指标 | 社会效益指标 | 减轻家庭负担 | 明显 | 明显 | 30 | 30 |
满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥90% | 95% | 10 | 10 |
满意度指标 | 服务对象满意度指标 | 教师满意度 | ≥90% | 92% | 10 | 10 |
总分 | 100 | 98
自评等级 | 优
"""


def rows_of(text: str) -> list[tuple[str, str, str, Decimal | None, Decimal | None]]:
    [table] = read_published_text(text, "自评表.txt")
    return [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators]


def test_misplaced_breaks_read_as_the_clean_table() -> None:
    assert rows_of(MISPLACED) == rows_of(CLEAN)
    assert rows_of(MISPLACED)[2] == ("减轻家庭负担", "明显", "明显", Decimal(30), Decimal(30))


def test_the_funds_block_is_placed_by_its_rate_and_the_grade_read_after_the_score() -> None:
    [table] = read_published_text(MISPLACED, "自评表.txt")
    total = table.total_row
    assert total is not None
    assert (total.budget, total.executed, total.weight, total.rate, total.score) == (
        Decimal("86400.00"),
        Decimal("86400.00"),
        Decimal(10),
        Decimal(100),
        Decimal(10),
    )
    assert [row.budget for row in table.fund_rows if row.label == "当年财政拨款"] == [Decimal("86400.00")]
    assert table.total == Decimal(98) and table.grade == "优"
    assert table.printed_budget_weight == Decimal(10) and table.budget_score == Decimal(10)


def test_the_audit_of_the_misplaced_table_finds_the_unexplained_lost_points() -> None:
    [table] = read_published_text(MISPLACED, "自评表.txt")
    result = audit(table)
    assert result.result.total == 100
    assert set(result.codes()) == {"JX-A10", "JX-A11", "JX-A24"}


def test_serial_numbers_opening_each_row_are_not_misplaced_breaks() -> None:
    numbered = CLEAN.replace("产出指标 | 数量指标", "1 | 产出指标 | 数量指标").replace(
        "效益指标 | 社会效益指标", "2 | 效益指标 | 社会效益指标"
    )
    assert breaks_misplaced(list(text_rows(numbered, "表.txt"))) is False
    assert breaks_misplaced(list(text_rows(MISPLACED, "表.txt"))) is True
