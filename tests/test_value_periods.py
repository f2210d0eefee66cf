"""The value grammar on spans of months and on deadlines with their verb (issue 11: 服务周期
2023.08-2024.02 is no numeric range; 12月底到位 is a deadline)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model import Kind
from jixiao.values import parse_target


@pytest.mark.parametrize(
    "text",
    [
        "2023.08-2024.02", "2023.07-2024.01", "2021年1月-12月", "2022年3月至2022年11月",
        "2020年3月--2020年12月", "2020年3月——2020年12月",  # a doubled dash between the months (heldout9)
    ],
)  # fmt: skip
def test_a_span_of_months_is_a_range_with_no_numbers_to_compare(text: str) -> None:
    target = parse_target(text)
    assert (target.raw, target.kind, target.value, target.upper) == (text, Kind.RANGE, None, None)


@pytest.mark.parametrize(
    "text", ["2021.3.1-2021.11.30", "2022年1月1日-2022年12月31日", "2020.2.1至2020.12.31"]
)
def test_a_span_of_dates_with_days_is_a_range_with_no_numbers_to_compare(text: str) -> None:
    target = parse_target(text)  # 补助期限 2020.2.1-2020.12.31 (heldout7): a date range, days written
    assert (target.raw, target.kind, target.value, target.upper) == (text, Kind.RANGE, None, None)


def test_a_numeric_range_and_an_impossible_month_keep_their_numbers() -> None:
    assert parse_target("2.5-3.5").value == Decimal("2.5")
    assert parse_target("2023.13-2024.01").value == Decimal("2023.13")  # month 13: not a date span


@pytest.mark.parametrize(("text", "month"), [("12月底到位", 12), ("6月底前拨付到位", 6), ("9月底前发放", 9)])
def test_a_deadline_followed_by_its_verb_is_a_deadline(text: str, month: int) -> None:
    target = parse_target(text)
    assert (target.kind, target.month) == (Kind.DEADLINE, month)


def test_an_excel_date_serial_under_a_time_name_is_the_date_it_stands_for() -> None:
    target = parse_target("44,377", "储备监管完成时间")  # 2021-06-30, its cell's date format lost
    assert (target.raw, target.kind, target.value, target.month, target.day) == (
        "44,377",
        Kind.DEADLINE,
        Decimal(2021),
        6,
        30,
    )


@pytest.mark.parametrize(
    ("text", "name"), [("44561", "服务人数"), ("44561人", "完成时间"), ("120", "完成时间")]
)
def test_a_number_is_no_date_under_another_name_with_a_unit_or_out_of_range(text: str, name: str) -> None:
    assert parse_target(text, name).kind is Kind.QUANTITATIVE


@pytest.mark.parametrize("text", ["2025年年底前", "2025年底前"])
def test_the_years_end_written_with_its_year_again_is_a_deadline(text: str) -> None:
    target = parse_target(text)  # 补助发放时间 2025年年底前 (heldout9): by the end of 2025
    assert (target.raw, target.kind, target.value) == (text, Kind.DEADLINE, Decimal("2025"))
