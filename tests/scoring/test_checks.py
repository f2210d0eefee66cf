"""The self-evaluation checks: each code fires on its case and stays quiet on a clean table."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from jixiao.evaluation.profiles import HUBEI_2020, SICHUAN
from jixiao.model import Kind, Severity, SourceRef, Target
from jixiao.scoring import FundsBlock, FundsRow, evaluate, get_profile
from jixiao.scoring.checks import REGISTRY
from tests.scoring.scoring_support import central_lines, evaluation, line, qualitative, quantitative

D = Decimal


def test_registry_codes_are_unique_documented_and_sourced() -> None:
    codes = [c.code for c in REGISTRY]
    assert len(codes) == len(set(codes))
    for check in REGISTRY:
        assert check.rule_text, check.code
        assert check.basis, check.code


def test_a_clean_table_has_only_the_all_full_marks_note() -> None:
    result = evaluate(evaluation(central_lines()))
    assert result.codes() == ["JX-E05"]
    assert result.diagnostics[0].severity is Severity.INFO
    assert result.total == D("100.00") and not result.has_errors


def test_findings_point_at_the_cell_they_are_about() -> None:
    cell = SourceRef("自评.xlsx", sheet="自评表", cell="E12")
    bad = replace(
        line(quantitative("≤", "30", "万元"), "20", "完成", level1="成本指标"), cells=(("actual", cell),)
    )
    lines = central_lines()
    lines[1] = bad
    finding = next(d for d in evaluate(evaluation(lines)).diagnostics if d.code == "JX-E01")
    assert str(finding.source) == "自评.xlsx!自评表!E12"
    assert "完成" in finding.message and finding.basis


def test_entered_score_differing_from_formula_is_flagged_like_t6() -> None:
    # T6: 整编资料审核 target 98 %, actual 98 %, weight 20, table says 19.6 (20 × 0.98) — rule gives 20.
    lines = central_lines()
    lines[0] = line(quantitative("≥", "98", "%"), "30", "98%", name="整编资料审核", score="29.4")
    result = evaluate(evaluation(lines))
    assert result.lines[0].score.value == D("30.00")
    assert "JX-E10" in result.codes()
    lines[0] = line(quantitative("≥", "98", "%"), "30", "98%", score="30")
    assert "JX-E10" not in evaluate(evaluation(lines)).codes()


def test_execution_over_budget_is_capped_and_warned() -> None:
    result = evaluate(evaluation(central_lines(), budget="100", executed="120"))
    assert result.budget.value == D("10.00")
    assert "JX-E11" in result.codes()


def test_zero_budget_is_not_computable() -> None:
    result = evaluate(evaluation(central_lines(), budget="0", executed="0"))
    assert result.budget.value == 0 and "JX-E12" in result.codes()


def test_negative_amounts_are_errors() -> None:
    funds = FundsBlock(rows=(FundsRow("当年财政拨款", D(10), D(10), D(-1)),))
    result = evaluate(replace(evaluation(central_lines()), funds=funds))
    assert "JX-E12" in result.codes()


def test_missing_actual_and_missing_qualitative_score() -> None:
    lines = central_lines()
    lines[0] = line(quantitative("≥", "1200"), "30", "", reason="未统计")
    lines[2] = line(qualitative("良好"), "30", "达成年度指标", level1="效益指标", reason="未评")
    codes = evaluate(evaluation(lines)).codes()
    assert "JX-E15" in codes and "JX-E16" in codes


def test_not_applicable_needs_a_reason_and_can_rescale() -> None:
    lines = central_lines()
    lines.append(
        replace(line(qualitative("提升"), "10", "", level1="效益指标", name="生态效益"), not_applicable=True)
    )
    assert "JX-E15" in evaluate(evaluation(lines)).codes()
    rescaling = get_profile("central").with_changes(rescale_not_applicable=True)
    lines = central_lines()
    lines[3] = replace(lines[3], not_applicable=True, reason="本年未开展满意度调查")
    result = evaluate(evaluation(lines), rescaling)
    assert result.indicators_score == D("90.00")  # 80 points scored of 80 applicable → 90
    assert "JX-E09" not in result.codes()


def test_hubei_scales_a_hundred_point_indicator_block_to_eighty() -> None:
    # T4: indicators scored on their own 100, budget 20: 20 + 0.8 × 100 = 100.
    lines = [
        line(quantitative("≥", "20000"), "10", "23333.56", name=f"指标{i}", reason="r") for i in range(10)
    ]
    result = evaluate(evaluation(lines), HUBEI_2020)
    assert result.indicators_score == D("80.00") and result.total == D("100.00")
    assert "折算为80分" in result.explanation
    assert "JX-E09" not in result.codes()
    assert "JX-E08" not in result.codes()  # 116.7 % is below the 1.2 flag


def test_sichuan_low_execution_needs_reason() -> None:
    lines = [line(quantitative("≥", "10"), "90", "10")]
    low = evaluation(lines, budget="100", executed="80")
    assert "JX-E21" in evaluate(low, SICHUAN).codes()
    assert (
        "JX-E21" not in evaluate(replace(low, funds=replace(low.funds, reason="项目延期")), SICHUAN).codes()
    )
    assert "JX-E21" not in evaluate(low).codes()


def test_unit_conversion_and_mismatch() -> None:
    lines = central_lines()
    lines[1] = line(quantitative("≤", "954100", "元"), "20", "95.41万元", level1="成本指标")
    result = evaluate(evaluation(lines))
    assert result.lines[1].score.value == D("20.00")
    assert "折合954100元" in result.lines[1].score.explanation
    lines[1] = line(quantitative("≥", "50", "场"), "20", "40个", level1="成本指标", reason="r")
    assert "JX-E19" in evaluate(evaluation(lines)).codes()


def test_zero_positive_target_warns() -> None:
    lines = central_lines()
    lines[0] = line(quantitative("≥", "0"), "30", "5")
    result = evaluate(evaluation(lines))
    assert result.lines[0].score.value == D("30.00") and "JX-E14" in result.codes()


def test_deadline_indicator_met_or_late() -> None:
    deadline = Target("2025年12月", Kind.DEADLINE, value=D(2025), month=12)
    lines = central_lines()
    lines[0] = line(deadline, "30", "2025年11月")
    assert evaluate(evaluation(lines)).lines[0].score.value == D("30.00")
    lines[0] = line(deadline, "30", "2026年2月", reason="验收推迟")
    assert evaluate(evaluation(lines)).lines[0].score.value == D("0.00")
    lines[0] = line(deadline, "30", "达成年度指标", score="27", reason="部分延误")
    assert evaluate(evaluation(lines)).lines[0].score.value == D("27.00")


def test_adjustment_without_reason_is_an_error() -> None:
    from jixiao.scoring import Adjustment

    lines = central_lines()
    lines[0] = replace(lines[0], adjustment=Adjustment(D(2), ""), reason="r")
    assert "JX-E20" in evaluate(evaluation(lines)).codes()
