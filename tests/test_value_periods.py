"""The value grammar on spans of months and on deadlines with their verb (issue 11: 服务周期
2023.08-2024.02 is no numeric range; 12月底到位 is a deadline)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model import Kind
from jixiao.values import parse_target


@pytest.mark.parametrize(
    "text", ["2023.08-2024.02", "2023.07-2024.01", "2021年1月-12月", "2022年3月至2022年11月"]
)
def test_a_span_of_months_is_a_range_with_no_numbers_to_compare(text: str) -> None:
    target = parse_target(text)
    assert (target.raw, target.kind, target.value, target.upper) == (text, Kind.RANGE, None, None)


def test_a_numeric_range_and_an_impossible_month_keep_their_numbers() -> None:
    assert parse_target("2.5-3.5").value == Decimal("2.5")
    assert parse_target("2023.13-2024.01").value == Decimal("2023.13")  # month 13: not a date span


@pytest.mark.parametrize(("text", "month"), [("12月底到位", 12), ("6月底前拨付到位", 6), ("9月底前发放", 9)])
def test_a_deadline_followed_by_its_verb_is_a_deadline(text: str, month: int) -> None:
    target = parse_target(text)
    assert (target.kind, target.month) == (Kind.DEADLINE, month)
