"""适当性: the money and the targets match — cost ceilings against the budget, unit costs × quantities."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from jixiao.model import Indicator, Op, Table
from jixiao.review.common import (
    Hit,
    families,
    in_yuan,
    is_cost,
    is_count_unit,
    match_text,
    number,
    per_unit_cost,
)
from jixiao.review.profiles import Profile

# Names of a cost indicator that stands for the whole year's budget, not one item of it.
_WHOLE_BUDGET_NAMES = (
    "预算控制数",
    "预算控制",
    "预算金额",
    "项目预算",
    "预算总额",
    "总成本",
    "项目总成本",
    "资金总额",
)
# Rounding in a published table is to the yuan; a difference below one yuan is no difference.
_TOLERANCE = Decimal("0.5")


def _money(value: Decimal, unit: str) -> str:
    """An amount in the unit the table uses for its budget (元 or 万元), for messages."""
    if unit == "万元":
        return f"{number((value / 10000).normalize())}万元"
    return _yuan(value)


def _yuan(value: Decimal) -> str:
    return f"{number(value.quantize(Decimal('0.01')))}元"


@lru_cache(maxsize=4096)
def _names_whole_budget(name: str) -> bool:
    plain_name = match_text(name)
    return any(n in plain_name for n in _WHOLE_BUDGET_NAMES)


def _annual_ceiling(ind: Indicator) -> Decimal | None:
    target = ind.annual
    if target.op in (Op.GE, Op.GT):
        return None  # a floor, not a ceiling
    return in_yuan(target)


def cost_exceeds_budget(table: Table, profile: Profile) -> Iterator[Hit]:
    """成本指标（预算控制数或分项成本）的年度金额不得超过本年度预算金额。"""
    budget = table.project.budget
    if budget is None:
        return
    unit = table.project.budget_unit
    for ind in table.indicators:
        if not is_cost(ind):
            continue
        amount = _annual_ceiling(ind)
        if amount is not None and amount - budget > _TOLERANCE:
            yield Hit(
                ind.source,
                f"成本指标“{ind.name}”年度值{ind.annual.raw}超过{table.project.year or '本'}年度预算金额"
                f"{_money(budget, unit)}（多{_money(amount - budget, unit)}）",
                ind.name,
            )


def control_differs_from_budget(table: Table, profile: Profile) -> Iterator[Hit]:
    """预算控制数（代表全年预算的成本指标）应等于本年度预算金额；低于预算金额时报告差额。"""
    budget = table.project.budget
    if budget is None:
        return
    unit = table.project.budget_unit
    for ind in table.indicators:
        if not is_cost(ind) or not _names_whole_budget(ind.name):
            continue
        amount = _annual_ceiling(ind)
        if amount is not None and budget - amount > _TOLERANCE:
            yield Hit(
                ind.source,
                f"“{ind.name}”年度值{ind.annual.raw}与{table.project.year or '本'}年度预算金额"
                f"{_money(budget, unit)}不一致（少{_money(budget - amount, unit)}）",
                ind.name,
            )


def _exact_count(ind: Indicator, unit_family: frozenset[str]) -> Decimal | None:
    """The annual number of an indicator counting the given unit, when it is a fixed number."""
    target = ind.annual
    if target.value is None or target.unit is None or not is_count_unit(target.base_unit):
        return None
    if target.op not in (None, Op.EQ) or not (families(target.base_unit or "") & unit_family):
        return None
    return target.value


def unit_cost_against_budget(table: Table, profile: Profile) -> Iterator[Hit]:
    """单位成本 × 数量应与预算相称：按“元/人/年”等单位成本上限和确定的数量测算的金额低于预算金额时，
    预算超出了按标准可以花费的金额；单位成本为确定值时二者应相等。

    只在数量为确定值（不是“≥”）且单位能对应（元/人/年 对 人、元/场 对 场）时检查；“元/人/天”需要
    另有天数指标，否则不检查。
    """
    budget = table.project.budget
    if budget is None:
        return
    unit = table.project.budget_unit
    for cost_ind in table.indicators:
        if not is_cost(cost_ind):
            continue
        parsed = per_unit_cost(cost_ind.annual)
        if parsed is None:
            continue
        rate, per = parsed
        days: Decimal | None = Decimal(1)
        if len(per) == 2 and per[1] in ("天", "日"):
            days = _days(table)
        elif (len(per) == 2 and per[1] != "年") or len(per) > 2:
            days = None
        if days is None:
            continue
        wanted = families(per[0])
        for qty_ind in table.indicators:
            count = _exact_count(qty_ind, wanted)
            if count is None or qty_ind is cost_ind:
                continue
            total = rate * count * days
            ceiling = cost_ind.annual.op in (Op.LE, Op.LT)
            too_big = budget - total > _TOLERANCE
            if too_big or (not ceiling and total - budget > _TOLERANCE):
                relation = "低于" if too_big else "高于"
                yield Hit(
                    cost_ind.source,
                    f"按“{cost_ind.name}”{cost_ind.annual.raw} × “{qty_ind.name}”{qty_ind.annual.raw}"
                    f"测算为{_money(total, unit)}，{relation}年度预算金额{_money(budget, unit)}",
                    cost_ind.name,
                )
                break


def _days(table: Table) -> Decimal | None:
    for ind in table.indicators:
        t = ind.annual
        if t.value is not None and t.unit in ("天", "日") and t.op in (None, Op.EQ):
            return t.value
    return None
