"""完整性 rules: each fires on a small seed-format table and stays silent on a complete one."""

from __future__ import annotations

from tests.review.tabletext import GOOD_ROWS, assert_fires, assert_silent, row, table

QUALITY_ROW = " |  | 质量指标 | 培训出勤率 | ≥95% | ≥95%"


def test_c01_missing_project_type_is_reported_on_its_line() -> None:
    assert_fires("JX-C01", table(project_type=""), [4])
    assert_silent("JX-C01", table())


def test_c02_empty_annual_goal() -> None:
    assert_fires("JX-C02", table(annual_goal=""), [1])
    assert_silent("JX-C02", table())


def test_c03_no_benefit_indicator_points_at_the_empty_category() -> None:
    rows = GOOD_ROWS.replace(
        " | 效益指标 | 社会效益 | 培训人次 | ≥300人次 | ≥300人次", " | 效益指标 | 社会效益 |  |  | "
    )
    assert_fires("JX-C03", table(rows), [row(5)])
    assert_silent("JX-C03", table())


def test_c04_no_cost_indicator() -> None:
    rows = GOOD_ROWS.replace(
        " | 成本指标 | 经济成本指标 | 预算控制数 | ≤100000元 | ≤100000元",
        " | 成本指标 | 经济成本指标 |  |  | ",
    )
    assert_fires("JX-C04", table(rows), [row(1)])
    assert_silent("JX-C04", table())


def test_c05_no_satisfaction_indicator() -> None:
    rows = GOOD_ROWS.replace(" | 满意度指标 | 服务对象满意度 | 学员满意度 | ≥90% | ≥90%", "")
    assert_fires("JX-C05", table(rows), [1])
    assert_silent("JX-C05", table())


def test_c06_output_without_timeliness() -> None:
    rows = GOOD_ROWS.replace(" |  | 时效指标 | 培训完成时间 | 2025年12月 | 2025年12月\n", "")
    assert_fires("JX-C06", table(rows), [row(2)])
    assert_silent("JX-C06", table())


def test_c07_indicator_without_any_value_or_name() -> None:
    no_values = GOOD_ROWS.replace(QUALITY_ROW, " |  | 质量指标 | 培训出勤率 |  | ")
    assert_fires("JX-C07", table(no_values), [row(3)])
    no_name = GOOD_ROWS.replace(QUALITY_ROW, " |  | 质量指标 |  | ≥95% | ≥95%")
    assert_fires("JX-C07", table(no_name), [row(3)])
    assert_silent("JX-C07", table())


def test_c08_only_the_annual_value() -> None:
    half = GOOD_ROWS.replace(QUALITY_ROW, " |  | 质量指标 | 培训出勤率 |  | ≥95%")
    assert_fires("JX-C08", table(half), [row(3)])
    assert_silent("JX-C08", table())
