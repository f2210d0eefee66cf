"""可行性: every value can be checked at year end — numbers where numbers are expected, sane
percentages, units that agree with the name, no vague words or approximations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from jixiao import catalog
from jixiao.model import Indicator, Kind, Op, Table, Target
from jixiao.review.common import (
    Hit,
    compatible_units,
    implied_unit,
    is_output,
    level1_of,
    match_text,
    names_satisfaction,
    unit_key,
)
from jixiao.review.profiles import Profile

# Words that state a direction or an impression, not a level anyone can check (rules.md §3.3, §11.5).
_VAGUE_WORDS = (
    "进一步提高",
    "进一步提升",
    "持续提高",
    "持续提升",
    "稳步提升",
    "有序推进",
    "稳步推进",
    "稳定运行",
    "正常运行",
    "逐步",
    "不断",
    "持续",
    "进一步",
    "有效",
    "显著",
    "明显",
    "较好",
    "良好",
    "较高",
    "提升",
    "提高",
    "增强",
    "加强",
    "改善",
    "及时",
    "积极",
    "大幅",
    "得到",
    "好",
)
# A grade is checkable when the indicator names the grading it comes from (第三方评估等级 合格及以上).
_GROWTH_WORDS = ("增长", "增幅", "增速", "提高率", "提升率", "比上年", "同比")
_GRADED_NAMES = ("等级", "评级", "评估", "验收", "考核结果", "评价结果")
_FILLER = re.compile(r"[、，,。；;和与并且\s]")


@lru_cache(maxsize=4096)
def is_vague(text: str) -> bool:
    """True when the text is made only of vague words (``有效提高``, ``持续提高``, ``良好``)."""
    rest = _FILLER.sub("", match_text(text))
    if not rest:
        return False
    for word in _VAGUE_WORDS:
        rest = rest.replace(word, "")
    return not rest


@lru_cache(maxsize=4096)
def _names_a_grading(name: str) -> bool:
    return any(g in name for g in _GRADED_NAMES)


@lru_cache(maxsize=4096)
def _names_growth(name: str) -> bool:
    return any(w in name for w in _GROWTH_WORDS)


def _vague_targets(ind: Indicator) -> list[Target]:
    if _names_a_grading(ind.name):
        return []
    seen: list[Target] = []
    for t in (ind.period, ind.annual):
        if t.kind is Kind.QUALITATIVE and is_vague(t.raw) and t.raw not in [s.raw for s in seen]:
            seen.append(t)
    return seen


def vague_output(table: Table, profile: Profile) -> Iterator[Hit]:
    """产出指标（数量、质量、时效）应当可以计量；只有“良好”“提升”“及时”等笼统词语的指标值无法在
    年底核验，应改为数值、比率或明确的时限。"""
    for ind in table.indicators:
        if not is_output(ind):
            continue
        vague = _vague_targets(ind)
        if vague:
            values = "、".join(f"“{t.raw}”" for t in vague)
            yield Hit(ind.source, f"产出指标“{ind.name}”的指标值只有笼统词语{values}，无法计量", ind.name)


def vague_other(table: Table, profile: Profile) -> Iterator[Hit]:
    """效益、满意度等指标的定性指标值不应只是“提升”“增强”“显著”“持续提高”之类的笼统词语：这样的
    目标在年底无法判断是否达成。"""
    for ind in table.indicators:
        if is_output(ind):
            continue
        vague = _vague_targets(ind)
        if vague:
            values = "、".join(f"“{t.raw}”" for t in vague)
            yield Hit(
                ind.source,
                f"“{ind.name}”的指标值{values}只是笼统表述，年底无法判断是否达成",
                ind.name,
            )


def percent_above_100(table: Table, profile: Profile) -> Iterator[Hit]:
    """百分比指标值不应超过100%（增长率、增幅类指标除外）。"""
    for ind in table.indicators:
        if _names_growth(ind.name):
            continue
        for column, t in (("实施周期值", ind.period), ("年度值", ind.annual)):
            if t.unit == "%" and t.value is not None and t.value > 100 and t.op not in (Op.LE, Op.LT):
                yield Hit(ind.source, f"“{ind.name}”{column}{t.raw}超过100%", ind.name)
                break


def satisfaction_below_floor(table: Table, profile: Profile) -> Iterator[Hit]:
    """满意度指标值通常不低于85%（阈值在审核配置中）；目标定得更低时报告。"""
    floor = profile.satisfaction_floor
    for ind in table.indicators:
        named = names_satisfaction(ind.name) or names_satisfaction(ind.annual.subject or "")
        if not named and level1_of(ind) != catalog.SATISFACTION:
            continue
        t = ind.annual if not ind.annual.is_empty else ind.period
        if t.unit == "%" and t.value is not None and t.op not in (Op.LE, Op.LT) and t.value < floor:
            yield Hit(ind.source, f"满意度目标“{ind.name}”{t.raw}低于通常的{floor}%", ind.name)


def unit_contradicts_name(table: Table, profile: Profile) -> Iterator[Hit]:
    """指标值的计量单位应与指标名称所示的单位一致，如“社区活动数(场次)”写“50场”可以，
    “咨询服务数(宗)”写“1200个”、“年均培训人次”写“300人”则不一致。"""
    for ind in table.indicators:
        named = implied_unit(ind.name)
        if named is None:
            continue
        for t in (ind.period, ind.annual):
            if t.kind is not Kind.QUANTITATIVE or not t.unit or t.unit_from_name:
                continue
            unit = unit_key(t.base_unit or t.unit)
            if not compatible_units(named, unit):
                yield Hit(
                    ind.source,
                    f"指标名称“{ind.name}”的单位是“{named}”，指标值{t.raw}的单位却是“{unit}”",
                    ind.name,
                )
                break


def quantity_without_unit(table: Table, profile: Profile) -> Iterator[Hit]:
    """定量指标值必须有计量单位（名称中写明单位的除外；数值为0的比率除外）。"""
    for ind in table.indicators:
        if implied_unit(ind.name) is not None:
            continue
        bare = [
            (column, t)
            for column, t in (("实施周期值", ind.period), ("年度值", ind.annual))
            if t.kind is Kind.QUANTITATIVE and t.value is not None and not t.unit and t.value != 0
        ]
        if bare:
            values = "、".join(f"{column}“{t.raw}”" for column, t in bare)
            yield Hit(ind.source, f"指标“{ind.name}”的{values}没有计量单位", ind.name)


_HEDGED = re.compile(r"(约|大约|大概|估计|预计)\s*\d|\d[^\d]{0,4}(左右|上下)")


def approximate_value(table: Table, profile: Profile) -> Iterator[Hit]:
    """定量指标值必须是确定的数，“约1200”“1200左右”无法考核（rules.md §11 第4条）。"""
    for ind in table.indicators:
        for column, t in (("实施周期值", ind.period), ("年度值", ind.annual)):
            if _HEDGED.search(t.raw):
                yield Hit(ind.source, f"“{ind.name}”{column}“{t.raw}”是约数，无法考核", ind.name)
                break
