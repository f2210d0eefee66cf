"""Where the rules of the audit do not reach, and the audit says so instead of inventing a finding.

Tables in the forms the held-out set showed (issue 12): a four-part 项目决策/项目管理/产出/效益 form with
no budget score, Hubei's 20 + 80 with a score on every row and no weight column, whole-point scores,
lost points with their reason, actuals that copy the target. Each written as a ``|``-separated page,
read by the published-table reader and audited with the implied profile.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import AuditResult, audit
from tests.scoring.test_audit_rules import ROWS, central, with_row


def audited(text: str) -> AuditResult:
    [table] = read_published_text(text, "自评表.txt")
    return audit(table)


FRAMEWORK_HEAD = [
    "项目支出绩效自评表",
    "项目名称 | 初中公用经费 | 自评得分 | {total}",
    "项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率",
    "年度资金总额 | 66.2 | 66.2 | 66.2 | 100%",
    "一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 | 偏差原因分析及改进措施",
]
FRAMEWORK_ROWS = [
    "项目决策 | 项目立项 | 立项依据充分性 | 10 | — | 依据充分 | 10 |",
    "项目管理 | 组织实施 | 管理制度健全性 | 10 | — | 制度健全 | {management} |",
    "产出指标 | 数量指标 | 保障学生人数 | 40 | 2410人 | 2410人 | 40 |",
    "效益指标 | 社会效益指标 | 办学条件改善 | 30 | 明显改善 | 明显改善 | 30 |",
    "满意度指标 | 服务对象满意度指标 | 师生满意度 | 10 | ≥90% | 96% | 10 |",
]


def framework(total: str, management: str = "10") -> str:
    rows = [r.format(management=management) for r in FRAMEWORK_ROWS]
    return "\n".join([*(h.format(total=total) for h in FRAMEWORK_HEAD), *rows]) + "\n"


def test_a_framework_table_without_a_budget_score_is_recomputed_from_its_rows() -> None:
    result = audited(framework("100"))
    assert result.result.budget.weight == 0  # 预算执行 lies inside the rows that weigh 100
    assert result.result.total == 100
    assert result.codes() == ["JX-A21"]
    kept = result.result.lines[0].score
    assert kept.method == "kept" and "按评价标准打分" in kept.explanation


def test_a_point_lost_in_project_management_needs_no_deviation_reason() -> None:
    result = audited(framework("99", management="9"))
    assert result.result.total == 99
    assert result.codes() == []  # 项目管理 is scored by its 评价标准, not against a target


def test_a_measured_execution_rate_that_loses_a_point_needs_its_reason() -> None:
    text = framework("99", management="9").replace(
        "管理制度健全性 | 10 | — | 制度健全", "预算执行率 | 10 | — | 100%"
    )
    result = audited(text)
    assert result.codes() == ["JX-A24"]  # 100% executed yet 9 of 10, and no word why


def test_a_total_above_its_own_rows_is_an_arithmetic_finding_and_not_also_a_rescore() -> None:
    result = audited(framework("98", management="9"))
    assert "JX-A01" in result.codes()
    assert "JX-A11" not in result.codes()


def test_rows_printing_neither_target_nor_actual_keep_their_printed_scores() -> None:
    rows = [
        "产出指标 | 数量指标 | 培训人次 | ≥100人次 | 100人次 | 30 | 30 |",
        " | 质量指标 | 工程质量合格 | | | 20 | 20 |",
        "效益指标 | 社会效益指标 | 保障群众安全 | | | 30 | 30 |",
        "满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% | 92% | 10 | 10 |",
    ]
    result = audited(central(rows, total="100"))
    assert result.result.total == 100
    assert "JX-A11" not in result.codes()
    assert "未列年度指标值和实际完成值" in result.result.lines[1].score.explanation


def test_a_lower_score_with_its_reason_stands_and_one_without_is_a_finding() -> None:
    explained = " | 质量指标 | 培训合格率 | ≥90% | 85% | 20 | 15 | 两名学员缺考，下期补考"
    result = audited(central(with_row(1, explained), total="86"))
    assert result.result.total == 86
    assert not {"JX-A10", "JX-A11", "JX-A24"} & set(result.codes())
    silent = audited(central(with_row(1, " | 质量指标 | 培训合格率 | ≥90% | 85% | 20 | 15 |"), total="86"))
    assert {"JX-A10", "JX-A11", "JX-A24"} <= set(silent.codes())


def test_whole_point_scores_rounded_from_the_rule_agree_with_the_total() -> None:
    # 培训合格率 86% of ≥90%: the rule gives 20 × 86/90 = 19.11, printed 19; in whole points 90 = 90
    result = audited(central(with_row(1, " | 质量指标 | 培训合格率 | ≥90% | 86% | 20 | 19 |"), total="90"))
    assert "JX-A10" in result.codes()  # the row is not what the rule gives…
    assert "JX-A11" not in result.codes()  # …but the total is, in the table's whole points
    generous = audited(central(with_row(1, " | 质量指标 | 培训合格率 | ≥90% | 86% | 20 | 20 |"), total="91"))
    assert {"JX-A10", "JX-A11"} <= set(generous.codes())


def test_a_copied_bound_is_no_actual_but_one_copied_qualitative_phrase_is() -> None:
    bound = audited(central(with_row(0, "产出指标 | 数量指标 | 培训人次 | ≥100人次 | ≥100人次 | 30 | 30 |")))
    assert "JX-A22" in bound.codes()
    assert bound.result.lines[0].score.value == 0  # ≥100人次 counts nothing that was done
    phrase = "效益指标 | 社会效益指标 | 政策知晓度 | 明显提高 | 明显提高 | 30 | 30 |"
    one = audited(central(with_row(2, phrase), total="100"))
    assert "JX-A22" not in one.codes()
    assert one.result.lines[2].score.value == Decimal(30)


def test_copied_phrases_on_most_rows_are_a_finding() -> None:
    rows = [
        "产出指标 | 质量指标 | 培训质量 | 符合要求 | 符合要求 | 30 | 30 |",
        " | 时效指标 | 培训完成时间 | 2024年6月完成 | 2024年6月完成 | 20 | 20 |",
        "效益指标 | 社会效益指标 | 政策知晓度 | 明显提高 | 明显提高 | 30 | 30 |",
        ROWS[3],
    ]
    result = audited(central(rows, total="100"))
    assert "JX-A22" in result.codes()
    assert result.result.total == 100  # each copy keeps its printed score: the copy is no evidence
    assert "照抄" in result.result.lines[1].score.explanation


HUBEI = """湖北省财政项目绩效自评表
项目名称 | 院区建设补助
预算执行情况（万元）（20分） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 得分
年度财政资金总额 | 800 | 800 | 800 | 100% | 20
一级指标 | 二级指标 | 三级指标 | 年初目标值 | 实际完成值 | 得分
产出指标 | 数量指标 | 每年财政补助 | 800万元 | 800万元 | 20
 | 质量指标 | 资金专款专用 | 专款专用 | 专款专用 | 20
效益指标 | 社会效益指标 | 门诊服务人次 | ≥30万人次 | 33万人次 | 20
满意度指标 | 服务对象满意度指标 | 患者满意度 | ≥90% | 93% | 20
总分 | 100
"""


def test_rows_without_weights_are_weighed_on_the_points_the_table_prints_them_on() -> None:
    result = audited(HUBEI)
    assert [line.weight for line in result.evaluation.lines] == [Decimal(20)] * 4  # 80 of 100 less 20
    assert result.result.total == 100
    assert "JX-A11" not in result.codes() and "JX-A21" in result.codes()


def test_second_level_labels_give_their_points_to_the_rows_under_them() -> None:
    text = framework("100").replace("| 分值 |", "| 分值 |").splitlines()
    rows = [
        "产出指标40分 | 数量指标15分 | 派车次数 | | 15000次 | 16820次 | 15 |",
        " | 质量指标25分 | 调度员培训率 | | 100% | 100% | 25 |",
    ]
    result = audited("\n".join([*text[:-3], *rows, *text[-2:]]) + "\n")
    assert [line.weight for line in result.evaluation.lines][2:4] == [Decimal(15), Decimal(25)]
    assert result.evaluation.lines[2].level1 == "产出指标"
    assert result.result.total == 100


def test_a_total_is_not_compared_with_a_rescoring_that_read_no_indicator() -> None:
    """Indicators not read (JX-R04) leave nothing to score again: the printed 95 is not "85 too high"."""
    text = (
        "项目支出绩效自评表\n项目名称 | 基层干部政策培训\n主管部门 | 某县财政局 | 实施单位 | 某县财政局\n"
        "项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n"
        "年度资金总额 | 10 | 10 | 10 | 10 | 100% | 10\n"
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施\n"
        "总分 | 95\n"
    )
    (table,) = read_published_text(text, "培训.txt")
    assert table.total == Decimal(95) and table.indicators == ()
    assert "JX-A11" not in audit(table).codes()
