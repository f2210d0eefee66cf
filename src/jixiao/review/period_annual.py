"""相关性: the 实施周期 (period) value and the 年度 (annual) value of each indicator fit together."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Indicator, Kind, Op, Table, Target
from jixiao.review.common import (
    Hit,
    base_unit,
    compatible_units,
    in_yuan,
    is_count_unit,
    match_text,
    money_factor,
    number,
    quantity,
)
from jixiao.review.profiles import Profile


def _comparable(ind: Indicator) -> tuple[Decimal, Decimal] | None:
    """Period and annual numbers in the same unit, for a quantity that adds up over the years."""
    period, annual = ind.period, ind.annual
    if not (quantity(period) and quantity(annual)) or period.per_year:
        return None
    if period.value is None or annual.value is None:
        return None
    p_yuan, a_yuan = in_yuan(period), in_yuan(annual)
    if p_yuan is not None and a_yuan is not None:
        return p_yuan, a_yuan
    p_unit, a_unit = base_unit(period), base_unit(annual)
    unit = p_unit or a_unit
    if not is_count_unit(unit):
        return None
    if p_unit and a_unit and not compatible_units(p_unit, a_unit):
        return None
    return period.value, annual.value


# Three rules read the same pairs of the same table one after the other: keep the last table's.
_last: list[tuple[Table, list[tuple[Indicator, tuple[Decimal, Decimal]]]]] = []


def _pairs(table: Table) -> list[tuple[Indicator, tuple[Decimal, Decimal]]]:
    """The indicators whose period and annual values can be compared, with the two numbers."""
    cached = _last[:1]  # one read: another thread may replace it meanwhile
    if cached and cached[0][0] is table:
        return cached[0][1]
    out = []
    for ind in table.indicators:
        pair = _comparable(ind)
        if pair is not None:
            out.append((ind, pair))
    _last[:] = [(table, out)]
    return out


def _is_floor(target: Target) -> bool:
    return target.op not in (Op.LE, Op.LT)


def _span(table: Table) -> str:
    p = table.project
    return f"{p.period_start}–{p.period_end}年（{p.years}年）"


def annual_exceeds_period(table: Table, profile: Profile) -> Iterator[Hit]:
    """累计性的数量（个、场、人次、金额等）的年度值不能大于实施周期值：一年是整个周期的一部分。"""
    for ind, (period, annual) in _pairs(table):
        if annual > period:
            yield Hit(
                ind.source,
                f"“{ind.name}”年度值{ind.annual.raw}大于实施周期值{ind.period.raw}",
                ind.name,
            )


def equal_values_multi_year(table: Table, profile: Profile) -> Iterator[Hit]:
    """多年项目中，累计性数量的实施周期值应是整个周期的累计目标；与年度值相同时，多半是把年度值
    照抄到了实施周期列（实施周期值更可能有误）。只检查数值大于1的计数类指标（一次性的会议、1名人员不算），
    名称以“数量”结尾的存量指标（服务的站点数量、人员数量，每年可以是同一批）也不算。
    """
    years = table.project.years
    if years is None or years < 2:
        return
    for ind, (period, annual) in _pairs(table):
        if money_factor(ind.annual.unit) is not None or match_text(ind.name).endswith("数量"):
            continue
        if period == annual and annual > 1 and _is_floor(ind.annual):
            yield Hit(
                ind.source,
                f"实施周期为{_span(table)}，但“{ind.name}”的实施周期值与年度值都是{ind.annual.raw}；"
                "实施周期值应为整个周期的累计目标，更可能有误",
                ind.name,
            )


def period_value_per_year(table: Table, profile: Profile) -> Iterator[Hit]:
    """实施周期指标值应写整个周期的目标，不应写成每年的量（如“90宗/年”）。"""
    for ind in table.indicators:
        if ind.period.per_year and is_count_unit(ind.period.base_unit):
            yield Hit(
                ind.source,
                f"“{ind.name}”的实施周期值写成了每年的量（{ind.period.raw}）",
                ind.name,
            )


def units_differ(table: Table, profile: Profile) -> Iterator[Hit]:
    """同一指标的实施周期值和年度值应使用同一计量单位（“/年”不算不同，元与万元可换算）。"""
    for ind in table.indicators:
        p_unit, a_unit = base_unit(ind.period), base_unit(ind.annual)
        if not (quantity(ind.period) and quantity(ind.annual)) or not p_unit or not a_unit:
            continue
        if money_factor(p_unit) is not None and money_factor(a_unit) is not None:
            continue
        if not compatible_units(p_unit, a_unit):
            yield Hit(
                ind.source,
                f"“{ind.name}”实施周期值单位为“{p_unit}”，年度值单位为“{a_unit}”",
                ind.name,
            )


def _years_of(target: Target) -> tuple[int, int] | None:
    if target.value is None:
        return None
    if target.kind is Kind.DEADLINE:
        year = int(target.value)
        return year, year
    if target.kind is Kind.RANGE and target.unit == "年" and target.upper is not None:
        return int(target.value), int(target.upper)
    return None


def deadline_outside_period(table: Table, profile: Profile) -> Iterator[Hit]:
    """时限类指标值应落在实施周期内；年度指标值的时限应在预算年度内，年底才能核验。"""
    p = table.project
    for ind in table.indicators:
        period_years = _years_of(ind.period)
        if period_years and p.period_start is not None and p.period_end is not None:
            first, last = period_years
            if first < p.period_start or last > p.period_end:
                yield Hit(
                    ind.source,
                    f"“{ind.name}”实施周期值{ind.period.raw}超出实施周期{p.period_start}–{p.period_end}年",
                    ind.name,
                )
                continue
        annual_years = _years_of(ind.annual)
        if annual_years and p.year is not None and annual_years != (p.year, p.year):
            yield Hit(
                ind.source,
                f"“{ind.name}”年度值{ind.annual.raw}不在预算年度{p.year}年内",
                ind.name,
            )


def ratio_disagrees_with_years(table: Table, profile: Profile) -> Iterator[Hit]:
    """实施周期值恰为年度值的整数倍时，倍数应等于实施周期的年数（否则可能乘错了年数，或年度值有误）。"""
    years = table.project.years
    if years is None or years < 2:
        return
    for ind, (period, annual) in _pairs(table):
        if annual == 0:
            continue
        ratio = period / annual
        if ratio == ratio.to_integral_value() and ratio >= 2 and ratio != years:
            yield Hit(
                ind.source,
                f"“{ind.name}”实施周期值{ind.period.raw}是年度值{ind.annual.raw}的{number(ratio)}倍，"
                f"而实施周期为{_span(table)}",
                ind.name,
            )
