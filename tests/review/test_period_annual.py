"""相关性 rules between the 实施周期 and the 年度 values."""

from __future__ import annotations

from tests.review.tabletext import GOOD_ROWS, assert_fires, assert_silent, row, table

COUNT_ROW = " | 产出指标 | 数量指标 | 举办培训班 | ≥2期 | ≥2期"


def with_count(period: str, annual: str) -> str:
    return GOOD_ROWS.replace(COUNT_ROW, f" | 产出指标 | 数量指标 | 举办培训班 | {period} | {annual}")


def test_p01_annual_larger_than_period() -> None:
    assert_fires("JX-P01", table(with_count("2期", "6期"), start="2023", end="2025"), [row(2)])
    assert_silent("JX-P01", table(with_count("6期", "2期"), start="2023", end="2025"))


def test_p02_equal_values_in_a_nine_year_project() -> None:
    # seed table 1: 2021–2029, 1200个 in both columns (row 5, ≥300人次 twice, is the same defect)
    assert_fires("JX-P02", table(with_count("12期", "12期"), start="2021", end="2029"), [row(2), row(5)])
    assert_fires("JX-P02", table(with_count("108期", "12期"), start="2021", end="2029"), [row(5)])
    assert_silent("JX-P02", table(with_count("12期", "12期")))  # one-year project
    assert_silent("JX-P02", table(with_count("12期", "12期"), start="2021", end="2099"))  # open-ended
    # a one-off (1期) is not reported; row 5 (≥300人次) is
    assert_fires("JX-P02", table(with_count("1期", "1期"), start="2024", end="2025"), [row(5)])


def test_p02_leaves_stock_counts_alone() -> None:
    rows = GOOD_ROWS.replace(COUNT_ROW, COUNT_ROW + "\n |  |  | 服务妇女之家数量 | 20个 | 20个")
    # rows 2 (≥2期) and 6 (≥300人次) are flows; row 3, a number of places served, is a stock
    assert_fires("JX-P02", table(rows, start="2023", end="2025"), [row(2), row(6)])


def test_p03_period_value_written_per_year() -> None:
    # seed line 446: 个案服务指标数 90宗/年 | 30宗/年
    assert_fires("JX-P03", table(with_count("6期/年", "2期/年"), start="2023", end="2025"), [row(2)])
    assert_silent("JX-P03", table(with_count("6期", "2期/年"), start="2023", end="2025"))


def test_p04_units_differ() -> None:
    assert_fires("JX-P04", table(with_count("6期", "2场")), [row(2)])
    assert_silent("JX-P04", table(with_count("6期", "2期/年")))


def test_p05_deadline_after_the_period_or_outside_the_year() -> None:
    late = GOOD_ROWS.replace("2025年12月 | 2025年12月", "2026年6月 | 2025年12月")
    assert_fires("JX-P05", table(late), [row(4)])
    next_year = GOOD_ROWS.replace("2025年12月 | 2025年12月", "2025年12月 | 2026年")
    assert_fires("JX-P05", table(next_year, start="2025", end="2027"), [row(4)])
    span = GOOD_ROWS.replace("2025年12月 | 2025年12月", "2023-2025年 | 2025年")
    assert_silent("JX-P05", table(span, start="2023", end="2025"))  # seed line 453
    assert_silent("JX-P05", table())


def test_p06_ratio_is_not_the_number_of_years() -> None:
    # seed line 52: 55场 | 5场 in a nine-year project
    assert_fires("JX-P06", table(with_count("55期", "5期"), start="2021", end="2029"), [row(2)])
    # seed table 17: 12个 | 4个/年 over 2023–2025
    assert_silent("JX-P06", table(with_count("6期", "2期"), start="2023", end="2025"))
