"""What every audit rule sees (the printed table, its rescoring) and the small helpers they share."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.evaluation.numbers import ZERO, read_actual
from jixiao.evaluation.profiles import Profile
from jixiao.evaluation.published import PublishedFundRow, PublishedIndicator, PublishedSelfEvaluation
from jixiao.evaluation.records import EvaluationResult, ScoredLine, SelfEvaluation
from jixiao.model import SourceRef

CENT = Decimal("0.01")
# A printed figure is rounded to 2 places: two figures agree when they differ by at most this.
TOLERANCE = Decimal("0.011")

# (message, where, indicator label or None)
Finding = tuple[str, SourceRef, str | None]


# 部门整体 tables break the total down twice: by income (财政拨款, 其他资金)
# and by expenditure (基本支出, 项目支出)
_BY_EXPENDITURE = ("基本支出", "项目支出")


def fund_breakdowns(published: PublishedSelfEvaluation) -> list[tuple[PublishedFundRow, ...]]:
    """The total's breakdowns: one group of source rows, or — where a 部门整体 table prints its money both by
    income (按收入性质分) and by expenditure (按支出性质分) — the two groups, each summing to the total on
    its own (never added together). Groups whose rows are all blank are left out."""
    rows = published.fund_rows
    by_expenditure = tuple(r for r in rows if r.label in _BY_EXPENDITURE)
    by_income = tuple(r for r in rows if r.label not in _BY_EXPENDITURE)
    groups = [g for g in (by_income, by_expenditure) if g and not all(r.is_empty for r in g)]
    return groups if len(groups) == 2 else [rows]


@dataclass(frozen=True, slots=True)
class AuditContext:
    """What an audit check looks at: the printed 自评表, its rescoring, and the profile."""

    published: PublishedSelfEvaluation
    evaluation: SelfEvaluation
    result: EvaluationResult
    profile: Profile

    def rows(self) -> Iterator[tuple[PublishedIndicator, ScoredLine | None]]:
        """Each printed indicator with its rescored line (None for 不适用 rows, which are not scored)."""
        scored = {id(s.line): s for s in self.result.lines}
        for printed, line in zip(self.published.indicators, self.evaluation.lines, strict=True):
            yield printed, scored.get(id(line))

    @property
    def block_weight(self) -> Decimal:
        """The weight of the indicator block as printed (``绩效指标(90分)``), else the profile's."""
        return self.published.indicators_weight or self.profile.indicators_weight

    @property
    def budget_weight(self) -> Decimal:
        """The 预算执行 weight: as printed, else the profile's."""
        return self.published.printed_budget_weight or self.profile.budget_weight

    @property
    def weight_sum(self) -> Decimal | None:
        """The sum of the printed indicator weights, or None if any row has none."""
        weights = [i.weight for i in self.published.indicators]
        if not weights or any(w is None for w in weights):
            return None
        return sum((w for w in weights if w is not None), ZERO)


@dataclass(frozen=True, slots=True)
class GroupSum:
    """The printed scores of one 一级 group added up against the weight its label states."""

    level1: str
    weight: Decimal
    scored: Decimal
    rows: tuple[PublishedIndicator, ...]


def group_sums(published: PublishedSelfEvaluation) -> list[GroupSum]:
    """Where no row prints a weight but the 一级 labels do (``产出指标(40分)``), each labelled group's
    printed scores added up; empty when any row has its own weight, when a scored row stands outside
    the labelled groups, or when the table already prints one score per group.

    A form with no 分值 column (Hubei's 市直 table prints one 得分 per 二级 group) still says what full
    marks are: the group's stated weight."""
    rows = [i for i in published.indicators if not i.not_applicable]
    labelled = dict(published.group_weights)
    if not rows or not labelled or published.group_scores or any(i.weight is not None for i in rows):
        return []
    if any(i.score is not None and i.level1 not in labelled for i in rows):
        return []
    sums = []
    for level1, weight in labelled.items():
        members = tuple(i for i in rows if i.level1 == level1)
        scores = [i.score for i in members if i.score is not None]
        if scores:
            sums.append(GroupSum(level1, weight, sum(scores, ZERO), members))
    return sums


def agree(a: Decimal, b: Decimal, count: int = 1) -> bool:
    """Two printed figures agree within rounding (a sum of ``count`` rounded figures may drift more)."""
    return abs(a - b) <= TOLERANCE + Decimal("0.005") * max(count - 1, 0)


def has_reason(text: str) -> bool:
    """A 偏差原因 cell that says something (not blank, ``/``, ``无``, ``—``)."""
    return text.strip() not in ("", "/", "无", "—", "-", "——", "暂无", "无偏差")


def names(rows: list[PublishedIndicator], limit: int = 4) -> str:
    """Up to ``limit`` indicator labels in quotes joined by 、, with 等N项 when there are more."""
    shown = "、".join(f"“{r.label}”" for r in rows[:limit])
    return shown + (f"等{len(rows)}项" if len(rows) > limit else "")


def kept_because(indicator: PublishedIndicator) -> str:
    """Why a printed row cannot be scored again by the rules ("" when it can): a 项目决策/过程/管理 row
    (scored against its 评价标准, not a target), a row printing neither target nor actual, or an actual
    that copies the target's words or bound (``≥300米`` is no count of what was done)."""
    if indicator.score is None:
        return ""
    if framework_row(indicator):
        return f"“{indicator.level1}”类指标按评价标准打分"
    if not indicator.target.strip() and not indicator.actual.strip():
        return "表中未列年度指标值和实际完成值"
    if (
        copies_target(indicator)
        and not states_bound(indicator.actual)
        and read_actual(indicator.actual).number is None
    ):
        return f"实际完成值照抄年度指标值“{indicator.actual.strip()}”"
    return ""


BOUNDS = (
    "≥",
    "≤",
    ">",
    "<",
    "=",
    "≧",
    "≦",
    "＞",
    "＜",
    "＝",
    "═",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "以上",
    "以内",
)


# Targets that say only that the target will be met (达标, 完成): they name no state or amount, so an
# actual repeating one reports nothing that can be checked.
ATTAINMENT_ONLY = ("达标", "完成", "已完成", "全部完成", "达到", "达成", "实现", "达到预期", "达到目标",
                   "完成目标", "达成目标", "实现目标")  # fmt: skip


def states_attainment_only(text: str) -> bool:
    """A target written as the bare word for "met" (``达标``, ``完成``, ``达到目标``)."""
    return _plain_text(text).rstrip("。.") in ATTAINMENT_ONLY


def states_bound(text: str) -> bool:
    """An actual written as a bound (``≥300米``, ``不超过预算``) states no amount that was reached."""
    return any(mark in text for mark in BOUNDS)


FRAMEWORK_LEVELS = ("项目决策", "项目过程", "项目管理", "决策", "过程", "管理")


def framework_row(indicator: PublishedIndicator) -> bool:
    """A row of the 决策/过程 part of a 四级 评价指标体系 (not a performance indicator of the targets)."""
    return indicator.level1.strip() in FRAMEWORK_LEVELS


def _plain_text(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).replace("≥", ">=").replace("≤", "<=")


def copies_target(indicator: PublishedIndicator) -> bool:
    """The printed actual is the target's text again (spaces and full-width forms aside)."""
    actual = indicator.actual.strip()
    return bool(actual) and _plain_text(actual) == _plain_text(indicator.target)
