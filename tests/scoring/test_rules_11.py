"""rules.md §11: each of the 25 testable statements, with the numbers it gives, one test each."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from jixiao.catalog import CATALOGUES, CENTRAL_2021, LEGACY_2015
from jixiao.evaluation.layouts import CENTRAL_LAYOUT, HUBEI_LAYOUT, LAYOUTS, SICHUAN_LAYOUT, nature_of
from jixiao.evaluation.monitoring import Light, Likelihood, MonitoringLine, MonitoringSnapshot
from jixiao.evaluation.numbers import read_actual
from jixiao.evaluation.profiles import CENTRAL, HUBEI_2020, PROFILES, SICHUAN, Layout, MonitoringRules
from jixiao.model import Goals, Indicator, Kind, Op, Project, Table, Target
from jixiao.scoring import (
    Adjustment,
    FundsBlock,
    FundsRow,
    ReverseMethod,
    budget_score,
    evaluate,
    get_profile,
    lines_from_table,
    score_quantitative,
)
from jixiao.scoring.monitoring import funds_progress, monitor
from jixiao.values import parse_target
from tests.scoring.scoring_support import central_lines, evaluation, line, qualitative, quantitative

D = Decimal


def score(
    op: str, target: str, actual: str, weight: str, method: ReverseMethod = ReverseMethod.RATIO
) -> Decimal:
    profile = CENTRAL.with_changes(reverse_method=method)
    return score_quantitative(
        quantitative(op, target).op or Op.GE, D(target), D(actual), D(weight), profile
    ).value


# Configuration ---------------------------------------------------------------------------------


def test_01_default_weights_and_profile_overrides() -> None:
    assert CENTRAL.budget_weight == 10
    assert {g.label: g.weight for g in CENTRAL.weight_groups} == {
        "产出指标（含成本指标）": 50,
        "效益指标": 30,
        "满意度指标": 10,
    }
    assert CENTRAL.total_weight == 100
    assert (SICHUAN.budget_weight, SICHUAN.indicators_weight, SICHUAN.weight_groups) == (10, 90, ())
    assert (HUBEI_2020.budget_weight, HUBEI_2020.indicators_weight) == (20, 80)
    # 产出 40 + 效益 40 + 满意度 10 = 90: fine for Sichuan's free split, wrong for the central 50/30/10.
    lines = central_lines()
    lines[0] = line(quantitative("≥", "1200"), "20", "1200", name="服务人次")
    lines[2] = line(qualitative("良好"), "40", "达成年度指标", level1="效益指标", score="40")
    assert "JX-E09" in evaluate(evaluation(lines), CENTRAL).codes()
    assert "JX-E09" not in evaluate(evaluation(lines), SICHUAN).codes()


def test_02_level1_catalogue_is_data_per_profile() -> None:
    assert CENTRAL_2021.level1_names == ("成本指标", "产出指标", "效益指标", "满意度指标")
    assert LEGACY_2015.level1_names == ("产出指标", "效益指标", "满意度指标")
    assert "成本指标" in LEGACY_2015.level2_names("产出指标")
    for profile in PROFILES.values():
        assert profile.catalogue in CATALOGUES


def test_03_indicator_nature_enum() -> None:
    assert {op.symbol for op in Op} == {"≥", ">", "=", "<", "≤"}
    assert nature_of(quantitative("≤", "30", "万元")) == "≤"
    assert nature_of(qualitative("严格执行相关制度规定")) == "定性"


# Target entry and review -------------------------------------------------------------------------


def test_04_quantitative_needs_operator_number_unit() -> None:
    # Actual values must be exact numbers too: approximate ones are not numbers.
    assert read_actual("1200人次").number == 1200 and read_actual("1200人次").unit == "人次"
    assert read_actual("约1200").number is None
    assert read_actual("1200左右").number is None
    parsed = parse_target("≥1200 人次")
    assert (parsed.kind, parsed.op, parsed.value, parsed.unit) == (Kind.QUANTITATIVE, Op.GE, D(1200), "人次")
    assert parse_target("约1200").kind is Kind.UNKNOWN
    assert parse_target("1200左右").kind is Kind.UNKNOWN


def test_05_qualitative_target_text_present_and_not_vague() -> None:
    from jixiao.review.measurability import is_vague
    from jixiao.review.runner import review_table

    assert all(is_vague(text) for text in ("进一步提高", "明显", "较好", "有效"))
    assert not is_vague("覆盖全市") and not is_vague("2025年12月底前完成")

    def codes(annual: str) -> list[str]:
        target = Target(annual, Kind.QUALITATIVE if annual else Kind.UNKNOWN)
        vague = Indicator("产出指标", "质量指标", "服务质量", target, target)
        project = Project("项目", year=2025, period_start=2025, period_end=2025, budget=D(100))
        return [d.code for d in review_table(Table(project, Goals(), (vague,))).findings]

    assert "JX-M01" in codes("进一步提高")
    assert "JX-C07" in codes("")
    assert "JX-M01" not in codes("2025年12月底前完成")


def test_06_monitoring_and_self_evaluation_use_the_annual_set_only() -> None:
    annual = Indicator(
        "产出指标", "数量指标", "个案数", quantitative("≥", "50", "个"), quantitative("≥", "10", "个")
    )
    period_only = Indicator(
        "产出指标", "数量指标", "累计人次", quantitative("≥", "500"), Target("", Kind.UNKNOWN)
    )
    table = Table(Project("项目"), Goals(), (annual, period_only))
    lines = lines_from_table(table)
    assert [(x.name, x.target.value) for x in lines] == [("个案数", D(10))]


def test_07_review_outcome_grades() -> None:
    from jixiao.review.outcome import Outcome, grade
    from jixiao.review.profiles import OutcomeThresholds

    assert [o.value for o in Outcome] == ["优", "良", "中", "差"]
    assert "进入预算安排" in Outcome.EXCELLENT.consequence
    assert "退回" in Outcome.FAIR.consequence and "不得进入预算安排" in Outcome.POOR.consequence
    assert grade([], OutcomeThresholds())[0] is Outcome.EXCELLENT


def test_08_review_checklist_sections() -> None:
    from jixiao.review.registry import FAMILIES, RULES

    assert {"完整性", "相关性", "适当性", "可行性"} <= set(FAMILIES)
    assert {"完整性", "相关性", "适当性", "可行性"} <= {rule.family for rule in RULES}


# Monitoring ------------------------------------------------------------------------------------


def test_09_monitoring_period_defaults_to_seven_months() -> None:
    assert MonitoringRules().months == 7 and CENTRAL.monitoring.months == 7
    six = funds_progress(D(100), D(30), 6, CENTRAL.monitoring)
    assert six.index == D(60)  # 30 % after 6 of 12 months
    bad = monitor(MonitoringSnapshot("项目", 13, D(100), D(10)))
    assert "JX-J01" in [d.code for d in bad.diagnostics]


def test_10_progress_index_and_lights() -> None:
    rules = CENTRAL.monitoring
    yellow = funds_progress(D(100), D(35), 7, rules)  # 35 % ÷ 7/12 × 100 = 60.00
    assert (yellow.index, yellow.light) == (D(60), Light.YELLOW)
    red = funds_progress(D(100), D(34), 7, rules)
    assert red.light is Light.RED and red.index is not None and round(red.index, 2) == D("58.29")
    green = funds_progress(D(100), D("46.67"), 7, rules)  # 80.01
    assert green.light is Light.GREEN
    # Sichuan: absolute floors 25/40/60/80 % at N = 4/6/8/10.
    assert funds_progress(D(100), D(39), 6, SICHUAN.monitoring).light is Light.RED
    assert funds_progress(D(100), D(40), 6, SICHUAN.monitoring).light is Light.GREEN
    assert funds_progress(D(100), D(24), 4, SICHUAN.monitoring).light is Light.RED
    assert funds_progress(D(100), D(80), 10, SICHUAN.monitoring).light is Light.GREEN
    assert funds_progress(D(0), D(0), 7, rules).light is Light.RED  # A = 0 → red (vendor)


def test_11_likelihood_other_than_certain_needs_reason_and_measures() -> None:
    assert [x.value for x in Likelihood] == ["确定能", "有可能", "不可能"]
    target = quantitative("≥", "57", "个")

    def codes(likelihood: Likelihood, reason: str = "", measures: str = "") -> list[str]:
        row = MonitoringLine(
            "产出指标", "数量指标", "个案", target, "30个", "57个", likelihood, reason, measures
        )
        return [d.code for d in monitor(MonitoringSnapshot("项目", 7, D(100), D(60), (row,))).diagnostics]

    assert "JX-J04" not in codes(Likelihood.CERTAIN)
    assert "JX-J04" in codes(Likelihood.POSSIBLE)
    assert "JX-J04" in codes(Likelihood.IMPOSSIBLE, reason="服务对象减少")
    assert "JX-J04" not in codes(Likelihood.POSSIBLE, reason="服务对象减少", measures="加强宣传")


def test_12_qualitative_monitoring_values_map_to_lights() -> None:
    target = qualitative("良好")
    rows = tuple(
        MonitoringLine("效益指标", "社会效益指标", f"效益{i}", target, current)
        for i, current in enumerate(("达成", "部分达成", "未达成"))
    )
    result = monitor(MonitoringSnapshot("项目", 7, D(100), D(60), rows))
    assert [lp.progress.light for lp in result.lines] == [Light.GREEN, Light.YELLOW, Light.RED]


# Self-evaluation scoring -----------------------------------------------------------------------


def test_13_budget_score() -> None:
    assert budget_score(FundsBlock.simple(D("89.974"), D("89.974")), D(10)).value == D("10.00")
    half = budget_score(FundsBlock.simple(D(200), D(150)), D(10))
    assert half.value == D("7.50")
    assert "10×150/200=7.50" in half.explanation


def test_14_positive_quantitative() -> None:
    result = score_quantitative(Op.GE, D(1200), D(1100), D(10), CENTRAL)
    assert result.value == D("9.17")
    assert result.explanation == "实际完成1100，目标≥1200，得分 10×1100/1200=9.17"
    assert score("≥", "1200", "1300", "10") == D("10.00")


def test_15_over_completion_is_flagged_not_cut() -> None:
    flagged = score_quantitative(Op.GE, D(1200), D(1440), D(10), CENTRAL)
    assert flagged.value == D("10.00") and "over-completion" in flagged.flags
    assert "超额较多" in flagged.explanation and "需说明原因" in flagged.explanation
    assert "over-completion" not in score_quantitative(Op.GE, D(1200), D(1439), D(10), CENTRAL).flags

    lines = central_lines(actual_output="1440")
    assert "JX-E08" in evaluate(evaluation(lines)).codes()
    explained = central_lines(actual_output="1440", reason="新增服务点")
    assert "JX-E08" not in evaluate(evaluation(explained)).codes()
    # Only a reviewer's reduction with a reason lowers the score.
    cut = central_lines(actual_output="1440", reason="年初目标偏低")
    cut[0] = replace(cut[0], adjustment=Adjustment(D(3), "目标明显偏低", "评价人"))
    result = evaluate(evaluation(cut))
    assert result.lines[0].score.value == D("27.00")
    assert "评价人扣减3分（目标明显偏低）" in result.lines[0].score.explanation


def test_16_reverse_quantitative() -> None:
    assert score("≤", "90", "100", "8") == D("7.20")
    assert score("≤", "90", "100", "8", ReverseMethod.VENDOR) == D("7.11")
    assert score("≤", "90", "180", "8", ReverseMethod.VENDOR) == D("0.00")
    assert score("≤", "90", "200", "8", ReverseMethod.VENDOR) == D("0.00")
    assert score("≤", "90", "90", "8") == D("8.00")
    assert score("≤", "90", "60", "8", ReverseMethod.VENDOR) == D("8.00")
    assert score("<", "90", "100", "8") == D("7.20")
    text = score_quantitative(Op.LE, D(90), D(100), D(8), CENTRAL).explanation
    assert text == "实际完成100，目标≤90，得分 8×90/100=7.20"


def test_17_equal_quantitative() -> None:
    assert score("=", "100", "100", "10") == D("10.00")
    assert score("=", "100", "95", "10") == D("9.50")
    assert score("=", "0", "0", "10") == D("10.00")
    assert score("=", "0", "1", "10") == D("0.00")
    assert "exceeds-equal-target" in score_quantitative(Op.EQ, D(100), D(110), D(10), CENTRAL).flags


def test_18_qualitative_bands() -> None:
    def codes(
        score_: str, profile_name: str = "central", actual: str = "部分达成年度指标并具有一定效果"
    ) -> list[str]:
        lines = central_lines()
        lines[3] = line(qualitative("良好"), "10", actual, level1="满意度指标", score=score_, reason="原因")
        return evaluate(evaluation(lines), get_profile(profile_name)).codes()

    assert "JX-E03" in codes("8")
    assert "JX-E03" not in codes("7")
    assert "JX-E03" in codes("5")  # below 0.6w centrally
    assert "JX-E03" not in codes("5", "legacy-80/50")  # partial band [0.5w, 0.8w)
    assert "JX-E03" not in codes("10", actual="达成年度指标")
    assert "JX-E03" in codes("7.99", actual="达成年度指标")
    assert "JX-E03" not in codes("5.99", actual="未达成年度指标且效果较差")
    assert "JX-E03" in codes("6", actual="未达成年度指标且效果较差")


def test_19_score_between_zero_and_weight() -> None:
    lines = central_lines()
    lines[2] = line(qualitative("良好"), "30", "达成年度指标", level1="效益指标", score="31")
    over = evaluate(evaluation(lines))
    assert "JX-E02" in over.codes()
    assert over.lines[2].score.value == D("30.00")  # the total never counts more than the weight
    lines[2] = line(qualitative("良好"), "30", "达成年度指标", level1="效益指标", score="-1", reason="差")
    assert "JX-E02" in evaluate(evaluation(lines)).codes()
    assert score("≥", "10", "1000", "7") == D("7.00")
    assert score("≥", "10", "-5", "7") == D("0.00")  # negative actual counts as 0


def test_20_reason_required_below_weight() -> None:
    assert "JX-E04" in evaluate(evaluation(central_lines(actual_output="1100"))).codes()
    explained = central_lines(actual_output="1100", reason="疫情影响，下半年加密服务")
    assert "JX-E04" not in evaluate(evaluation(explained)).codes()


def test_21_non_numeric_actual_for_quantitative_is_rejected() -> None:
    lines = central_lines()
    lines[1] = line(quantitative("≤", "30", "万元"), "20", "完成", level1="成本指标", name="成本控制数")
    result = evaluate(evaluation(lines))
    assert "JX-E01" in result.codes() and result.has_errors
    assert result.lines[1].score.value == 0


def test_22_total_is_budget_plus_indicators_at_most_100() -> None:
    result = evaluate(
        evaluation(central_lines(actual_output="1100", reason="r"), budget="200", executed="150")
    )
    indicator_sum = sum((s.score.value for s in result.lines), D(0))
    assert indicator_sum == D("87.50")  # 27.50 + 20 + 30 + 10
    assert result.total == D("95.00") == result.budget.value + indicator_sum
    too_much = central_lines()
    too_much[2] = line(qualitative("良好"), "40", "达成年度指标", level1="效益指标", score="40")
    capped = evaluate(evaluation(too_much))
    assert capped.total == D("100.00") and "JX-E17" in capped.codes()


def test_23_grades() -> None:
    grades = CENTRAL.grades
    cases = {"92": "优", "90.00": "优", "89.99": "良", "80": "良", "79.5": "中", "60": "中", "59.99": "差"}
    assert {total: grades.grade(D(total)) for total in cases} == cases
    assert evaluate(evaluation(central_lines())).grade == "优"


def test_24_export_columns_per_layout() -> None:
    assert CENTRAL_LAYOUT.funds_columns == (
        "年初预算数",
        "全年预算数（A）",
        "全年执行数（B）",
        "分值",
        "执行率（B/A）",
        "得分",
    )
    assert CENTRAL_LAYOUT.funds_rows == ("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金")
    assert CENTRAL_LAYOUT.indicator_columns == (
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值（A）",
        "实际完成值（B）",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    )
    assert SICHUAN_LAYOUT.indicator_columns[3:6] == ("指标性质", "指标值", "度量单位")
    assert SICHUAN_LAYOUT.funds_rows == ("总额", "财政资金", "财政专户管理资金", "单位资金", "其他资金")
    assert "年初目标值（A）" in HUBEI_LAYOUT.indicator_columns
    assert {p.layout for p in PROFILES.values()} <= set(LAYOUTS) == set(Layout)


def test_25_funds_totals_are_computed_from_rows() -> None:
    # T1 Chizhou: the 年度资金总额 row was typed 0/0/0; the rows give 89.974 → 100 % → 10.
    rows = (
        FundsRow("当年财政拨款", D(90), D("89.974"), D("89.974")),
        FundsRow("上年结转资金"),
        FundsRow("其他资金"),
    )
    funds = FundsBlock(
        rows=rows, entered_total=FundsRow("年度资金总额"), entered_rate=D(0), entered_score=D(0)
    )
    assert (funds.initial, funds.budget, funds.executed) == (D(90), D("89.974"), D("89.974"))
    result = evaluate(replace(evaluation(central_lines()), funds=funds))
    assert result.budget.value == D("10.00")
    codes = result.codes()
    assert codes.count("JX-E07") == 3  # initial, budget and executed totals all disagree
    assert codes.count("JX-E06") == 2  # the typed rate 0 and the typed score 0
