"""Checks on a self-evaluation: plain functions in an explicit registry, each yielding diagnostics.

Each `Check` has a stable code (JX-E01…), a severity, the rule in Chinese (the function's docstring)
and its basis. `run_checks` runs them all; a check that crashes becomes a diagnostic, not a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.catalog import canonical
from jixiao.evaluation.numbers import ZERO, money, percent, plain, round2
from jixiao.evaluation.profiles import Profile
from jixiao.evaluation.records import Score, ScoredLine, SelfEvaluation
from jixiao.model import Diagnostic, Severity
from jixiao.scoring.formulas import (
    EXCEEDS_EQUAL,
    NEGATIVE_ACTUAL,
    OVER_BUDGET,
    OVER_COMPLETION,
    ZERO_POSITIVE_TARGET,
    Band,
    band_of,
    describe_band,
    in_band,
)


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a scoring check looks at: the evaluation, profile, budget score, scored lines and totals."""

    evaluation: SelfEvaluation
    profile: Profile
    budget: Score
    lines: tuple[ScoredLine, ...]
    indicators_score: Decimal
    uncapped_total: Decimal


@dataclass(frozen=True, slots=True)
class Check:
    """One consistency check of a 自评表: code, severity, title, 依据 and the function that runs it."""

    code: str
    severity: Severity
    title: str
    basis: str
    run: Callable[[CheckContext], Iterable[tuple[str, ScoredLine | None, str]]]

    @property
    def rule_text(self) -> str:
        """The rule as stated in its check's docstring."""
        return (self.run.__doc__ or "").strip()


# Each check yields (message, line or None, field) — field names the cell (actual, weight, score, …).
Finding = tuple[str, ScoredLine | None, str]


def non_numeric_actual(ctx: CheckContext) -> Iterator[Finding]:
    """定量指标的实际完成值必须是数值（“完成”“约1200”不能计分）。"""
    for s in ctx.lines:
        if "not-numeric" in s.score.flags:
            yield (
                f"定量指标“{s.line.label}”的实际完成值“{s.line.actual}”不是数值，请填写实际数量",
                s,
                "actual",
            )


def missing_actual(ctx: CheckContext) -> Iterator[Finding]:
    """每个年度指标都须填写实际完成值；不适用的指标须注明“不适用”及理由。"""
    for s in ctx.lines:
        if "missing-actual" in s.score.flags:
            yield f"指标“{s.line.label}”未填写实际完成值", s, "actual"
    for line in ctx.evaluation.lines:
        if line.not_applicable and not line.reason.strip():
            yield f"指标“{line.label}”标为不适用，但未说明理由", None, line.label


def score_within_weight(ctx: CheckContext) -> Iterator[Finding]:
    """任何指标得分须满足 0 ≤ 得分 ≤ 分值（得分不得突破权重）。"""
    for s in ctx.lines:
        weight = s.score.weight
        for value, what in ((s.score.value, "得分"), (s.line.score, "填报得分")):
            if value is not None and (value < 0 or value > weight):
                yield f"指标“{s.line.label}”{what}{money(value)}不在0至分值{plain(weight)}之间", s, "score"
                break


def qualitative_band(ctx: CheckContext) -> Iterator[Finding]:
    """定性指标得分须落在完成档次的区间内（达成[80%,100%]、部分达成[60%,80%)、未达成[0,60%)）。"""
    bands = ctx.profile.bands
    for s in ctx.lines:
        if s.score.method != "qualitative" or s.line.score is None:
            continue
        band = band_of(s.line.actual)
        if band is None:
            yield (
                f"定性指标“{s.line.label}”的完成情况“{s.line.actual}”未注明档次，"
                f"应为“{Band.ACHIEVED}”“{Band.PARTIAL}”或“{Band.MISSED}”",
                s,
                "actual",
            )
        elif not in_band(s.line.score, band, s.score.weight, bands):
            yield (
                f"定性指标“{s.line.label}”得分{money(s.line.score)}不在"
                f"{describe_band(band, s.score.weight, bands)}区间内",
                s,
                "score",
            )


def missing_qualitative_score(ctx: CheckContext) -> Iterator[Finding]:
    """定性指标须由评价人在档次区间内给出得分。"""
    for s in ctx.lines:
        if "missing-score" in s.score.flags:
            yield f"定性指标“{s.line.label}”未填写得分", s, "score"


def reason_when_below_weight(ctx: CheckContext) -> Iterator[Finding]:
    """得分低于分值的指标，必须填写偏差原因分析及改进措施。"""
    for s in ctx.lines:
        if s.score.value < s.score.weight and not s.line.reason.strip():
            yield (
                f"指标“{s.line.label}”得分{money(s.score.value)}低于分值{plain(s.score.weight)}，"
                "须填写偏差原因分析及改进措施",
                s,
                "reason",
            )


def entered_score_differs(ctx: CheckContext) -> Iterator[Finding]:
    """定量指标的填报得分须与按规则计算的得分一致（如T6：按完成率而非B/A计分）。"""
    for s in ctx.lines:
        entered = s.line.score
        if entered is None or s.score.method in ("qualitative", "missing", "not-computable"):
            continue
        if round2(entered) != s.score.value:
            yield (
                f"指标“{s.line.label}”填报得分{money(entered)}与按规则计算的{money(s.score.value)}不一致："
                f"{s.score.explanation}",
                s,
                "score",
            )


def all_full_marks(ctx: CheckContext) -> Iterator[Finding]:
    """所有指标均得满分，提示复核目标设置是否偏低、完成值是否真实。"""
    if len(ctx.lines) >= 2 and all(s.score.is_full for s in ctx.lines):
        yield f"全部{len(ctx.lines)}个指标均为满分，请复核目标设置与完成值", None, ""


def over_completion_without_reason(ctx: CheckContext) -> Iterator[Finding]:
    """实际完成值达到目标的1.2倍（可配置）及以上的，须说明超额原因；仅评价人可据理扣分。"""
    for s in ctx.lines:
        if OVER_COMPLETION in s.score.flags and not s.line.reason.strip():
            yield f"指标“{s.line.label}”超额较多，需说明原因：{s.score.explanation}", s, "reason"


def exceeds_equal_target(ctx: CheckContext) -> Iterator[Finding]:
    """“=”指标的完成值超过目标值，不扣分，但提示复核。"""
    for s in ctx.lines:
        if EXCEEDS_EQUAL in s.score.flags:
            yield f"指标“{s.line.label}”完成值超过“=”目标值，请复核", s, "actual"


def negative_actual(ctx: CheckContext) -> Iterator[Finding]:
    """实际完成值为负数的，按0计分。"""
    for s in ctx.lines:
        if NEGATIVE_ACTUAL in s.score.flags:
            yield f"指标“{s.line.label}”实际完成值为负数，已按0计分", s, "actual"


def zero_positive_target(ctx: CheckContext) -> Iterator[Finding]:
    """正向指标（≥、>）的目标值为0，无法按比例计分，目标设置应修改。"""
    for s in ctx.lines:
        if ZERO_POSITIVE_TARGET in s.score.flags:
            yield f"指标“{s.line.label}”为正向指标但目标值为0，无法按比例计分", s, "target"


def unit_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """实际完成值的计量单位须与年度指标值一致。"""
    for s in ctx.lines:
        if "unit-mismatch" in s.score.flags:
            yield (
                f"指标“{s.line.label}”完成值“{s.line.actual}”的单位与目标“{s.line.target.raw}”不一致，按数值直接比较",
                s,
                "actual",
            )


def adjustment_without_reason(ctx: CheckContext) -> Iterator[Finding]:
    """评价人扣减得分须写明理由。"""
    for s in ctx.lines:
        adj = s.line.adjustment
        if adj is not None and adj.reduction != 0 and not adj.reason.strip():
            yield f"指标“{s.line.label}”的扣减{plain(adj.reduction)}分未写明理由", s, "adjustment"


def weights_per_level(ctx: CheckContext) -> Iterator[Finding]:
    """指标分值须合计为方案规定的分值（中央：产出50、效益30、满意度10，指标合计90，加预算执行10为100）。"""
    for s in ctx.lines:
        if s.line.weight is None:
            yield f"指标“{s.line.label}”未填写分值", s, "weight"
    # Weights are set before the year ends: 不适用 lines keep theirs in the sums (T7 re-scales later).
    every = ctx.evaluation.lines
    total = sum((line.weight or ZERO for line in every), ZERO)
    profile = ctx.profile
    if profile.scale_indicator_block and total == 100:
        return
    if total != profile.indicators_weight:
        yield (
            f"指标分值合计{plain(total)}，应为{plain(profile.indicators_weight)}"
            f"（加预算执行{plain(profile.budget_weight)}分共{plain(profile.total_weight)}分）",
            None,
            "",
        )
    for group in profile.weight_groups:
        members = [line for line in every if canonical(line.level1) in group.level1]
        got = sum((line.weight or ZERO for line in members), ZERO)
        if members and got != group.weight:
            yield f"{group.label}分值合计{plain(got)}，应为{plain(group.weight)}", None, ""


def total_over_limit(ctx: CheckContext) -> Iterator[Finding]:
    """总分 = 预算执行得分 + 指标得分之和，不得超过100分。"""
    limit = ctx.profile.total_weight
    if ctx.uncapped_total > limit:
        yield (
            f"得分合计{money(ctx.uncapped_total)}超过{plain(limit)}分，已按{plain(limit)}分计，请检查分值设置",
            None,
            "",
        )


def funds_total_matches_rows(ctx: CheckContext) -> Iterator[Finding]:
    """年度资金总额须等于当年财政拨款、上年结转资金与其他资金之和（由分项计算，不手填）。"""
    funds = ctx.evaluation.funds
    typed = funds.entered_total
    if typed is None:
        return
    pairs = (
        ("年初预算数", typed.initial, funds.initial),
        ("全年预算数", typed.budget, funds.budget),
        ("全年执行数", typed.executed, funds.executed),
    )
    for label, entered, summed in pairs:
        if entered != summed:
            yield (
                f"年度资金总额的{label}填为{plain(entered)}，分项之和为{plain(summed)}{funds.unit}；"
                "总额按分项之和计算",
                None,
                label,
            )


def execution_rate_matches(ctx: CheckContext) -> Iterator[Finding]:
    """执行率须等于全年执行数÷全年预算数；预算执行得分须等于分值×执行率（不超过分值）。"""
    funds = ctx.evaluation.funds
    rate = funds.execution_rate
    if (
        funds.entered_rate is not None
        and rate is not None
        and abs(funds.entered_rate - rate * 100) > Decimal("0.01")
    ):
        yield (
            f"执行率填为{plain(funds.entered_rate)}%，按金额计算为{percent(rate)}"
            f"（{plain(funds.executed)}÷{plain(funds.budget)}）",
            None,
            "执行率",
        )
    if funds.entered_score is not None and round2(funds.entered_score) != ctx.budget.value:
        yield (
            f"预算执行得分填为{money(funds.entered_score)}，应为{money(ctx.budget.value)}：{ctx.budget.explanation}",
            None,
            "得分",
        )


def funds_amounts_valid(ctx: CheckContext) -> Iterator[Finding]:
    """资金金额不得为负；全年预算数为0时执行率无法计算。"""
    funds = ctx.evaluation.funds
    for row in funds.rows:
        for label, value in (
            ("年初预算数", row.initial),
            ("全年预算数", row.budget),
            ("全年执行数", row.executed),
        ):
            if value < 0:
                yield f"{row.label}的{label}为负数（{plain(value)}）", None, f"{row.label}{label}"
    if funds.budget <= 0:
        yield "全年预算数为0，预算执行率无法计算", None, "全年预算数"


def execution_over_budget(ctx: CheckContext) -> Iterator[Finding]:
    """全年执行数超过全年预算数的，执行率按100%计分并提示核实。"""
    if OVER_BUDGET in ctx.budget.flags:
        yield f"全年执行数超过全年预算数：{ctx.budget.explanation}", None, "全年执行数"


def low_execution_reason(ctx: CheckContext) -> Iterator[Finding]:
    """（四川）预算执行率低于90%的，须说明原因。"""
    floor = ctx.profile.execution_reason_below
    rate = ctx.evaluation.funds.execution_rate
    if floor is not None and rate is not None and rate < floor and not ctx.evaluation.funds.reason.strip():
        yield f"预算执行率{percent(rate)}低于{percent(floor)}，须说明原因", None, "原因"


_DOC10 = "财预〔2020〕10号 附件1 项目支出绩效自评表"
REGISTRY: tuple[Check, ...] = (
    Check("JX-E01", Severity.ERROR, "定量指标完成值非数值", "rules.md §11.21；§9 T2", non_numeric_actual),
    Check(
        "JX-E02",
        Severity.ERROR,
        "得分超出0至分值",
        "rules.md §11.19；§6.3 “得分不得突破权重”",
        score_within_weight,
    ),
    Check("JX-E03", Severity.ERROR, "定性指标得分不在档次区间", "rules.md §6.4、§11.18", qualitative_band),
    Check(
        "JX-E04", Severity.ERROR, "扣分未说明偏差原因", f"rules.md §11.20；{_DOC10}", reason_when_below_weight
    ),
    Check("JX-E05", Severity.INFO, "全部指标满分", "rules.md §9 经验", all_full_marks),
    Check(
        "JX-E06",
        Severity.ERROR,
        "执行率或预算得分与金额不符",
        "rules.md §6.5、§11.13",
        execution_rate_matches,
    ),
    Check(
        "JX-E07", Severity.ERROR, "资金总额不等于分项之和", "rules.md §11.25；§9 T1", funds_total_matches_rows
    ),
    Check(
        "JX-E08",
        Severity.WARNING,
        "超额较多未说明原因",
        "rules.md §6.3、§11.15",
        over_completion_without_reason,
    ),
    Check("JX-E09", Severity.ERROR, "分值合计不符", "rules.md §6.2、§10、§11.1", weights_per_level),
    Check("JX-E10", Severity.WARNING, "填报得分与公式不符", "rules.md §6.3；§9 T6", entered_score_differs),
    Check("JX-E11", Severity.WARNING, "执行数超过预算数", "rules.md §10", execution_over_budget),
    Check("JX-E12", Severity.ERROR, "资金金额无效", "rules.md §10", funds_amounts_valid),
    Check("JX-E13", Severity.WARNING, "完成值为负数", "rules.md §6.3、§10", negative_actual),
    Check("JX-E14", Severity.WARNING, "正向指标目标值为0", "rules.md §10", zero_positive_target),
    Check("JX-E15", Severity.ERROR, "缺少完成值", "rules.md §10", missing_actual),
    Check("JX-E16", Severity.ERROR, "定性指标未给分", "rules.md §6.4", missing_qualitative_score),
    Check("JX-E17", Severity.ERROR, "总分超过100", "rules.md §11.22", total_over_limit),
    Check("JX-E18", Severity.INFO, "“=”指标超过目标值", "rules.md §10", exceeds_equal_target),
    Check("JX-E19", Severity.WARNING, "完成值单位不一致", "rules.md §3.3", unit_mismatch),
    Check("JX-E20", Severity.ERROR, "扣减未写理由", "rules.md §10 超额完成", adjustment_without_reason),
    Check("JX-E21", Severity.WARNING, "执行率偏低未说明原因", "rules.md §6.5（四川）", low_execution_reason),
)


def run_checks(ctx: CheckContext) -> list[Diagnostic]:
    """Every check of the registry, in order; a crashing check is reported, not raised."""
    out: list[Diagnostic] = []
    for check in REGISTRY:
        try:
            for message, scored, field_name in check.run(ctx):
                out.append(_diagnostic(check, ctx, message, scored, field_name))
        except Exception as error:  # a bug in one check must not hide the others' findings
            out.append(
                Diagnostic(
                    check.code, Severity.ERROR, f"检查“{check.title}”出错：{error}", ctx.evaluation.source
                )
            )
    return out


def _diagnostic(
    check: Check, ctx: CheckContext, message: str, scored: ScoredLine | None, field_name: str
) -> Diagnostic:
    if scored is not None:
        source = scored.line.where(field_name)
        indicator: str | None = scored.line.label
    else:
        source = ctx.evaluation.funds.where(field_name) or ctx.evaluation.source
        indicator = None
    return Diagnostic(
        code=check.code,
        severity=check.severity,
        message=message,
        source=source,
        indicator=indicator,
        basis=check.basis,
        suggestion=check.rule_text,
    )
