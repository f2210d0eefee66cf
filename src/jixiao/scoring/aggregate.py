"""Several sub-projects summarised into one 自评 line (Hubei-style, rules.md §6.8, §10).

Absolute values (counts, amounts) are summed; relative values (rates, %, satisfaction) are averaged
weighted by each sub-project's funds; the result is then scored like any actual value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from jixiao.evaluation.numbers import ZERO, plain


@dataclass(frozen=True, slots=True)
class SubProjectValue:
    """One sub-project's actual value of an indicator and its funds (全年预算数)."""

    name: str
    actual: Decimal
    funds: Decimal


def is_relative(unit: str | None) -> bool:
    """Rates and shares are relative: ``%``, ``‰``, or a unit with 率."""
    return unit is not None and ("%" in unit or "‰" in unit or "率" in unit)


def aggregate(values: Sequence[SubProjectValue], relative: bool) -> tuple[Decimal, str]:
    """The combined actual value and how it was reached, in words."""
    if not values:
        return ZERO, "没有子项目数据"
    if not relative:
        total = sum((v.actual for v in values), ZERO)
        terms = "+".join(plain(v.actual) for v in values)
        return total, f"绝对值相加：{terms}={plain(total)}"
    funds = sum((v.funds for v in values), ZERO)
    if funds <= 0:
        average = sum((v.actual for v in values), ZERO) / len(values)
        return average, f"各子项目资金为0，按简单平均：{plain(average)}"
    weighted = sum((v.actual * v.funds for v in values), ZERO) / funds
    terms = "+".join(f"{plain(v.actual)}×{plain(v.funds)}" for v in values)
    return weighted, f"按资金加权平均：({terms})/{plain(funds)}={plain(weighted)}"
