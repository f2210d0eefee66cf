"""Several sub-projects in one line: absolutes summed, rates averaged by funds (rules.md §10)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.scoring.aggregate import SubProjectValue, aggregate, is_relative

D = Decimal


def test_absolute_values_are_summed() -> None:
    parts = [SubProjectValue("甲", D(120), D(100)), SubProjectValue("乙", D(80), D(300))]
    total, how = aggregate(parts, relative=False)
    assert total == D(200) and how == "绝对值相加：120+80=200"


def test_relative_values_are_fund_weighted() -> None:
    parts = [SubProjectValue("甲", D(90), D(100)), SubProjectValue("乙", D(80), D(300))]
    average, how = aggregate(parts, relative=True)
    assert average == D("82.5") and "(90×100+80×300)/400=82.5" in how


def test_relative_units_and_edge_cases() -> None:
    assert is_relative("%") and is_relative("合格率") and not is_relative("个") and not is_relative(None)
    assert aggregate([], relative=True)[0] == 0
    assert aggregate([SubProjectValue("甲", D(90), D(0)), SubProjectValue("乙", D(70), D(0))], True)[0] == D(
        80
    )
