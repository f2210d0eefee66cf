"""The scoring formulas, each returning a `Score` whose explanation lets anyone redo the arithmetic.

Budget: 分值 × min(B/A, 1) (rules.md §11.13). Quantitative (§6.3, §10, §11.14–17):
- ≥ / >: met → full; missed → 权重 × B/A; B ≥ 1.2·A is flagged as 超额较多, score unchanged;
- ≤ / <: met → full; missed → 权重 × A/B ("ratio", default) or 权重 × (1 − (B−A)/A), 0 at B ≥ 2A
  ("vendor");
- =: B ≥ A → full (exceeding is flagged for review); below → 权重 × B/A;
- target 0: ≤/</= → full if B ≤ 0 else 0; ≥/> → met or not, full or 0 (and a warning at entry);
- negative actuals count as 0.
Qualitative (§6.4, §11.18): the evaluator's score must lie in the band of the stated completion.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from jixiao.evaluation.funds import FundsBlock
from jixiao.evaluation.numbers import ONE, ZERO, money, percent, plain, round2
from jixiao.evaluation.profiles import Profile, QualitativeBands, ReverseMethod
from jixiao.evaluation.records import Score
from jixiao.model import Op

OVER_COMPLETION = "over-completion"
EXCEEDS_EQUAL = "exceeds-equal-target"
NEGATIVE_ACTUAL = "negative-actual"
ZERO_POSITIVE_TARGET = "zero-positive-target"
OVER_BUDGET = "over-budget"
NOT_COMPUTABLE = "not-computable"


def budget_score(funds: FundsBlock, weight: Decimal) -> Score:
    """预算执行率得分 = 分值 × min(B/A, 1), A = 全年预算数, B = 全年执行数, both summed from rows."""
    a, b, unit = funds.budget, funds.executed, funds.unit
    if a <= 0:
        return Score(
            ZERO,
            weight,
            f"全年预算数为{plain(a)}{unit}，执行率无法计算，得分0.00（需核实资金数据）",
            "not-computable",
            (NOT_COMPUTABLE,),
        )
    ratio = b / a
    head = f"全年执行数{plain(b)}{unit} ÷ 全年预算数{plain(a)}{unit} = 执行率{percent(ratio)}"
    if ratio > ONE:
        value = round2(weight)
        text = f"{head}，执行数超过预算数，按100%计分，得分 {plain(weight)}×100%={money(value)}"
        return Score(value, weight, text, "budget", (OVER_BUDGET,))
    value = round2(weight * ratio)
    return Score(
        value, weight, f"{head}，得分 {plain(weight)}×{plain(b)}/{plain(a)}={money(value)}", "budget"
    )


def score_quantitative(
    op: Op, target: Decimal, actual: Decimal, weight: Decimal, profile: Profile, unit: str | None = None
) -> Score:
    """Score a quantitative indicator: target ``op target``, actual ``actual`` (both in the same unit)."""
    u = unit or ""
    flags: list[str] = []
    prefix = ""
    if actual < 0:
        flags.append(NEGATIVE_ACTUAL)
        prefix = f"实际完成值为负数（{plain(actual)}），按0计；"
        actual = ZERO
    head = f"{prefix}实际完成{plain(actual)}{u}，目标{op.symbol}{plain(target)}{u}"
    w = plain(weight)
    full = round2(weight)

    if target == 0:
        return _zero_target(op, actual, weight, head, flags)

    if op.is_reverse:
        met = actual <= target if op is Op.LE else actual < target
        if met or actual == target:
            return Score(
                full, weight, f"{head}，达到目标，得满分{money(full)}", "reverse-ratio", tuple(flags)
            )
        if profile.reverse_method is ReverseMethod.VENDOR:
            if actual >= 2 * target:
                text = f"{head}，达到或超过目标的2倍，得分0.00"
                return Score(ZERO, weight, text, "reverse-vendor", tuple(flags))
            value = round2(weight * (ONE - (actual - target) / target))
            formula = f"{w}×(1−({plain(actual)}−{plain(target)})/{plain(target)})"
            return Score(
                value, weight, f"{head}，得分 {formula}={money(value)}", "reverse-vendor", tuple(flags)
            )
        value = round2(weight * target / actual)
        formula = f"{w}×{plain(target)}/{plain(actual)}"
        return Score(value, weight, f"{head}，得分 {formula}={money(value)}", "reverse-ratio", tuple(flags))

    method = "equal" if op is Op.EQ else "positive"
    if actual >= target:
        text = f"{head}，达到目标，得满分{money(full)}"
        if target > 0 and actual >= profile.over_completion_factor * target:
            flags.append(OVER_COMPLETION)
            factor = plain(profile.over_completion_factor)
            text += f"；超额较多（达到目标的{factor}倍及以上），需说明原因"
        elif op is Op.EQ and actual > target:
            flags.append(EXCEEDS_EQUAL)
            text += "；超过“=”目标值，请复核"
        return Score(full, weight, text, method, tuple(flags))
    value = round2(weight * actual / target)
    formula = f"{w}×{plain(actual)}/{plain(target)}"
    return Score(value, weight, f"{head}，得分 {formula}={money(value)}", method, tuple(flags))


def _zero_target(op: Op, actual: Decimal, weight: Decimal, head: str, flags: list[str]) -> Score:
    """Target 0: the ratio is undefined, so the indicator is either met (full) or not (0)."""
    if op in (Op.GE, Op.GT):
        flags.append(ZERO_POSITIVE_TARGET)
        met = actual >= 0 if op is Op.GE else actual > 0
    elif op is Op.LT:
        met = actual < 0
    else:  # ≤ 0 and = 0: full if the actual is not above 0 (vendor "=0" rule)
        met = actual <= 0
    value = round2(weight) if met else ZERO
    verdict = "达到目标，得满分" if met else "未达到目标（目标为0，无法按比例计分），得分"
    return Score(value, weight, f"{head}，{verdict}{money(value)}", "zero-target", tuple(flags))


class Band(StrEnum):
    """The three completion bands of a 定性指标 (rules.md §3.3, §6.4)."""

    ACHIEVED = "达成年度指标"
    PARTIAL = "部分达成年度指标并具有一定效果"
    MISSED = "未达成年度指标且效果较差"

    @property
    def short(self) -> str:
        """The band's short name: 达成, 部分达成, 未达成."""
        return {Band.ACHIEVED: "达成", Band.PARTIAL: "部分达成", Band.MISSED: "未达成"}[self]


def band_of(text: str) -> Band | None:
    """Which band a completion text states: ``达成年度指标``, ``部分达成``, ``未达成…``, ``达成预期指标``."""
    words = "".join(text.split())
    if not words:
        return None
    if "未达成" in words or "未完成" in words or "未达到" in words:
        return Band.MISSED
    if "部分达成" in words or "基本达成" in words or "部分完成" in words:
        return Band.PARTIAL
    if "达成" in words or words in ("完成", "已完成", "达到", "已达到", "按时完成"):
        return Band.ACHIEVED
    return None


def band_range(band: Band, weight: Decimal, bands: QualitativeBands) -> tuple[Decimal, Decimal, bool]:
    """(low, high, high_included) of a band in points: 达成 [0.8w, w], 部分 [0.6w, 0.8w), 未达成 [0, 0.6w)."""
    if band is Band.ACHIEVED:
        return bands.achieved_floor * weight, weight, True
    if band is Band.PARTIAL:
        return bands.partial_floor * weight, bands.achieved_floor * weight, False
    return ZERO, bands.partial_floor * weight, False


def in_band(score: Decimal, band: Band, weight: Decimal, bands: QualitativeBands) -> bool:
    """True if a 定性 score lies within the band's range for that weight."""
    low, high, high_included = band_range(band, weight, bands)
    return low <= score <= high if high_included else low <= score < high


def describe_band(band: Band, weight: Decimal, bands: QualitativeBands) -> str:
    """The band's score range as text, e.g. “达成”档[8.00, 10.00]."""
    low, high, high_included = band_range(band, weight, bands)
    closing = "]" if high_included else ")"
    return f"“{band.short}”档[{money(low)}, {money(high)}{closing}"


def score_qualitative(
    band: Band | None, entered: Decimal | None, weight: Decimal, bands: QualitativeBands
) -> Score:
    """A 定性指标 keeps the evaluator's score; the explanation states the band it must lie in."""
    if entered is None:
        text = "定性指标需由评价人在完成档次的分值区间内给分，未填得分，按0.00计"
        return Score(ZERO, weight, text, "qualitative", ("missing-score",))
    value = round2(entered)
    if not ZERO <= value <= weight:
        # Reported as JX-E02; the total only ever counts what the weight allows.
        kept = min(max(value, ZERO), round2(weight))
        text = f"填报得分{money(value)}超出0至分值{plain(weight)}，按{money(kept)}计"
        return Score(kept, weight, text, "qualitative", ("outside-weight",))
    if band is None:
        text = f"完成情况未注明档次（达成/部分达成/未达成），采用填报得分{money(value)}"
        return Score(value, weight, text, "qualitative", ("unknown-band",))
    text = f"完成情况属{describe_band(band, weight, bands)}，评价人给分{money(value)}"
    flags: tuple[str, ...] = () if in_band(value, band, weight, bands) else ("outside-band",)
    return Score(value, weight, text, "qualitative", flags)
