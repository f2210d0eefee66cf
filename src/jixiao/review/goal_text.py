"""相关性: numbers stated in the goal texts agree with the indicators that carry them.

A goal text such as ``开展个案57个，小组12个，社区活动55场`` is cut into clauses; each clause with a
number and a counting unit is a *mention*. A mention is matched to the indicator whose name shares
the longest distinctive piece of text with the clause (``个案`` → 个案服务指标数), among indicators
whose unit is compatible. Generic words (服务, 开展, 妇女…) never make a match on their own, and a tie
is no match: the rule says nothing rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao.model import Indicator, Kind, Table, Target
from jixiao.review.common import Hit, base_unit, compatible_units, loosely_compatible, match_text, number
from jixiao.review.profiles import Profile

_UNITS = "人次|场次|户次|个|场|宗|期|人|名|位|户|次|条|篇|件|家|所|项|%|％"
_MENTION = re.compile(rf"(?<![第\d.])(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>{_UNITS})")
_CLAUSE_SPLIT = re.compile(r"[，,。；;：:、！!？?\s]+")
_GENERIC = frozenset(
    [
        "服务",
        "开展",
        "提供",
        "举办",
        "工作",
        "妇女",
        "群众",
        "儿童",
        "家庭",
        "项目",
        "全年",
        "每年",
        "累计",
        "指标",
        "数量",
        "活动",
        "完成",
        "实施",
        "组织",
        "不少于",
        "以上",
        "至少",
        "不低于",
        "达到",
        "开展的",
        "情况",
        "人数",
        "次数",
    ]
)
_NAME_NOISE = re.compile(r"[（(][^（）()]*[)）]|指标数|指标")


@dataclass(frozen=True, slots=True)
class Mention:
    """A number with its unit mentioned in the goal text, and whether it is a floor or ceiling."""

    clause: str
    value: Decimal
    unit: str
    bound: str | None = None  # ">=" for 不少于/以上, "<=" for 不超过/以内: a floor or ceiling, not an amount

    def agrees_with(self, value: Decimal) -> bool:
        """A stricter indicator agrees with a floor or ceiling in the goal (不少于20个 vs 25个)."""
        if self.bound == ">=":
            return value >= self.value
        if self.bound == "<=":
            return value <= self.value
        return value == self.value


@lru_cache(maxsize=4096)
def mentions(text: str) -> tuple[Mention, ...]:
    """Numbers with counting units in a goal text, each with the clause around it."""
    out = []
    for clause in _CLAUSE_SPLIT.split(text):
        for m in _MENTION.finditer(clause):
            unit = "%" if m.group("unit") == "％" else m.group("unit")
            around = clause[max(0, m.start() - 4) : m.end() + 3]
            bound = ">=" if _FLOOR.search(around) else "<=" if _CEILING.search(around) else None
            out.append(Mention(clause, Decimal(m.group("num")), unit, bound))
    return tuple(out)


_FLOOR = re.compile(r"不少于|不低于|至少|以上|超过|多于|≥|>=")
_CEILING = re.compile(r"不超过|不高于|不多于|以内|以下|控制在|≤|<=")


@lru_cache(maxsize=16384)
def _longest_common(a: str, b: str) -> str:
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


_GENERIC_LONGEST_FIRST = sorted(_GENERIC, key=len, reverse=True)


@lru_cache(maxsize=16384)
def _distinctive(common: str) -> bool:
    """A shared piece counts when something is left after taking out the generic words."""
    rest = common
    for word in _GENERIC_LONGEST_FIRST:
        rest = rest.replace(word, "")
    return len(common) >= 2 and len(rest) >= 2


@lru_cache(maxsize=16384)
def _name_key(name: str) -> str:
    """An indicator's name as matched against goal texts (the same names recur across tables)."""
    return match_text(_NAME_NOISE.sub("", name))


def _unit_fits(mention: Mention, target: Target) -> bool:
    unit = base_unit(target)
    if unit is None:
        return True
    return compatible_units(mention.unit, unit)


def _match(mention: Mention, indicators: list[tuple[Indicator, Target]]) -> tuple[Indicator, Target] | None:
    clause = match_text(_MENTION.sub("", mention.clause))
    scored = []
    for ind, target in indicators:
        if not _unit_fits(mention, target):
            continue
        common = _longest_common(clause, _name_key(ind.name))
        if _distinctive(common):
            scored.append((len(common), ind, target))
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None  # two equally good candidates: do not guess
    return scored[0][1], scored[0][2]


def _quantities(table: Table, annual: bool) -> list[tuple[Indicator, Target]]:
    out = []
    for ind in table.indicators:
        target = ind.annual if annual else ind.period
        if target.kind is Kind.QUANTITATIVE and target.value is not None:
            out.append((ind, target))
    return out


def _texts(table: Table) -> Iterator[tuple[str, str, int | None, bool]]:
    """(label, text, line, annual?) for the two goal texts; identical texts are read once, as annual."""
    goals = table.goals
    yield "年度目标", goals.annual, goals.annual_line or table.source.line, True
    if match_text(goals.period) != match_text(goals.annual):
        yield "实施周期总目标", goals.period, goals.period_line or table.source.line, False


@dataclass(frozen=True, slots=True)
class _Reading:
    """One mention in one goal text, with the indicator it was matched to (or None)."""

    label: str
    goal_line: int | None
    annual: bool
    mention: Mention
    match: tuple[Indicator, Target] | None
    unit_used: bool  # some quantitative indicator of the table counts in a compatible unit


# Both goal rules read the same analysis of the same table, one after the other: keep the last one.
_last: list[tuple[Table, list[_Reading]]] = []


def _readings(table: Table) -> list[_Reading]:
    cached = _last[:1]  # one read: another thread may replace it meanwhile
    if cached and cached[0][0] is table:
        return cached[0][1]
    out = []
    for label, text, goal_line, annual in _texts(table):
        candidates = _quantities(table, annual)
        units = [base_unit(t) for _, t in candidates]
        for mention in mentions(text):
            used = any(u and loosely_compatible(mention.unit, u) for u in units)
            out.append(_Reading(label, goal_line, annual, mention, _match(mention, candidates), used))
    _last[:] = [(table, out)]
    return out


def goal_number_disagrees(table: Table, profile: Profile) -> Iterator[Hit]:
    """目标文字中写明的数量应与对应指标的指标值一致（年度目标对年度值，实施周期总目标对实施周期值）。"""
    for reading in _readings(table):
        if reading.match is None:
            continue
        ind, target = reading.match
        mention = reading.mention
        if target.value is not None and not mention.agrees_with(target.value):
            column = "年度值" if reading.annual else "实施周期值"
            yield Hit(
                ind.source,
                f"{reading.label}（第{reading.goal_line}行）写“{mention.clause}”（{number(mention.value)}"
                f"{mention.unit}），但指标“{ind.name}”的{column}为{target.raw}",
                ind.name,
            )


def goal_number_without_indicator(table: Table, profile: Profile) -> Iterator[Hit]:
    """目标文字中写明的数量应有指标体现；表中没有任何同类单位的指标时提示（百分比不检查）。"""
    for reading in _readings(table):
        mention = reading.mention
        if mention.unit == "%" or reading.unit_used or reading.match is not None:
            continue
        yield Hit(
            reading.goal_line,
            f"{reading.label}写明“{mention.clause}”（{number(mention.value)}{mention.unit}），"
            f"但没有以“{mention.unit}”计量的指标",
        )
