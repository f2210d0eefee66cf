"""Year-end self-evaluation (单位自评): score every line, add up, grade, then run the checks.

`evaluate(evaluation, profile)` is the one entry point: pure, no I/O, returns an
`EvaluationResult` whatever the input — problems become diagnostics, never exceptions.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.evaluation.numbers import ONE, ZERO, convert, money, plain, read_actual, round2
from jixiao.evaluation.profiles import DEFAULT_PROFILE, Profile
from jixiao.evaluation.records import (
    EvaluationLine,
    EvaluationResult,
    Score,
    ScoredLine,
    SelfEvaluation,
)
from jixiao.model import Indicator, Kind, Op, Table, Target
from jixiao.scoring.checks import CheckContext, run_checks
from jixiao.scoring.formulas import (
    band_of,
    budget_score,
    score_qualitative,
    score_quantitative,
)

NOT_NUMERIC = "not-numeric"
MISSING_ACTUAL = "missing-actual"
UNIT_MISMATCH = "unit-mismatch"
KEPT = "kept"  # the entered score stands: the rules cannot score the row (`EvaluationLine.kept_because`)


def evaluate(evaluation: SelfEvaluation, profile: Profile = DEFAULT_PROFILE) -> EvaluationResult:
    """Score a 自评表 by the profile's rules: budget score + Σ indicator scores, grade, findings."""
    scored = tuple(
        ScoredLine(line, score_line(line, profile)) for line in evaluation.lines if not line.not_applicable
    )
    budget = budget_score(evaluation.funds, profile.budget_weight)
    raw_sum = sum((s.score.value for s in scored), ZERO)
    indicators, block_note = _indicator_block(scored, raw_sum, profile)
    uncapped = round2(budget.value + indicators)
    total = min(uncapped, round2(profile.total_weight))
    explanation = (
        f"总分 = 预算执行得分{money(budget.value)} + 指标得分{money(indicators)}{block_note} = {money(total)}"
    )
    if uncapped > total:
        limit = plain(profile.total_weight)
        explanation += f"（合计{money(uncapped)}超过{limit}分，按{limit}分计）"
    grade = profile.grades.grade(total)
    context = CheckContext(evaluation, profile, budget, scored, indicators, uncapped)
    return EvaluationResult(
        profile=profile.name,
        budget=budget,
        lines=scored,
        indicators_score=indicators,
        total=total,
        grade=grade,
        diagnostics=tuple(run_checks(context)),
        explanation=f"{explanation}，等级“{grade}”",
    )


def _indicator_block(
    scored: tuple[ScoredLine, ...], raw_sum: Decimal, profile: Profile
) -> tuple[Decimal, str]:
    """Σ indicator scores, re-scaled where the profile says so (Hubei's 100→80, T7's 不适用)."""
    weights = sum((s.score.weight for s in scored), ZERO)
    block = profile.indicators_weight
    hundred = Decimal(100)
    if profile.scale_indicator_block and weights == hundred and block != hundred:
        scaled = round2(raw_sum * block / hundred)
        return scaled, f"（指标按100分计{money(raw_sum)}，折算为{plain(block)}分：×{plain(block)}/100）"
    if profile.rescale_not_applicable and 0 < weights < block:
        scaled = round2(raw_sum * block / weights)
        return scaled, f"（剔除不适用指标后按{plain(weights)}分计{money(raw_sum)}，折算为{plain(block)}分）"
    return round2(raw_sum), ""


def score_line(line: EvaluationLine, profile: Profile) -> Score:
    """The score of one indicator row, with the reviewer's reduction applied if there is one."""
    weight = line.weight if line.weight is not None else ZERO
    score = _formula_score(line, weight, profile)
    adjustment = line.adjustment
    if adjustment is None or adjustment.reduction == 0:
        return score
    value = max(ZERO, round2(score.value - adjustment.reduction))
    why = adjustment.reason or "未说明理由"
    text = f"{score.explanation}；评价人扣减{plain(adjustment.reduction)}分（{why}），得分{money(value)}"
    return Score(value, weight, text, score.method, (*score.flags, "adjusted"))


def _formula_score(line: EvaluationLine, weight: Decimal, profile: Profile) -> Score:
    target = line.target
    if line.kept_because and line.score is not None:
        kept = min(max(round2(line.score), ZERO), round2(weight))
        text = f"{line.kept_because}，无从按规则重算，采用填报得分{money(kept)}"
        return Score(kept, weight, text, KEPT, (KEPT,))
    if not line.actual.strip():
        return Score(ZERO, weight, "未填写实际完成值，得分0.00", "missing", (MISSING_ACTUAL,))
    if target.kind is Kind.QUANTITATIVE and target.value is not None:
        return _quantitative(line, target, target.value, weight, profile)
    if target.kind is Kind.DEADLINE and target.value is not None:
        deadline = _deadline_score(target, line.actual, weight)
        if deadline is not None:
            return deadline
    return score_qualitative(band_of(line.actual), line.score, weight, profile.bands)


def _quantitative(
    line: EvaluationLine, target: Target, value: Decimal, weight: Decimal, profile: Profile
) -> Score:
    actual = read_actual(line.actual)
    if actual.number is None:
        text = f"定量指标的实际完成值“{actual.text}”不是数值，无法按公式计分，得分0.00"
        return Score(ZERO, weight, text, "not-computable", (NOT_NUMERIC,))
    unit = target.base_unit
    number = convert(actual.number, actual.unit, unit)
    flags: tuple[str, ...] = ()
    if number is None:
        number = actual.number
        flags = (UNIT_MISMATCH,)
    score = score_quantitative(target.op or Op.GE, value, number, weight, profile, unit)
    if number != actual.number:
        text = f"（完成值{actual.text}折合{plain(number)}{unit}）{score.explanation}"
        score = Score(score.value, score.weight, text, score.method, score.flags)
    if flags:
        return Score(score.value, score.weight, score.explanation, score.method, (*score.flags, *flags))
    return score


_DATE = re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?")


def _deadline_score(target: Target, actual_text: str, weight: Decimal) -> Score | None:
    """A 时限 indicator with a dated actual is met (full) or late (0); undated actuals are qualitative."""
    match = _DATE.search(actual_text)
    if match is None or target.value is None:
        return None
    done = (int(match[1]), int(match[2] or 12), int(match[3] or 31))
    due = (int(target.value), target.month or 12, target.day or 31)
    full = round2(weight)
    if done <= due:
        return Score(
            full, weight, f"实际完成时间{match[0]}，不晚于目标{target.raw}，得满分{money(full)}", "deadline"
        )
    return Score(ZERO, weight, f"实际完成时间{match[0]}，晚于目标{target.raw}，得分0.00", "deadline")


def lines_from_table(table: Table) -> tuple[EvaluationLine, ...]:
    """Empty 自评 rows for a table's 年度 indicators (rules.md §11.6: the annual set only)."""
    return tuple(_line_from(indicator) for indicator in table.annual_indicators)


def _line_from(indicator: Indicator) -> EvaluationLine:
    return EvaluationLine(
        level1=indicator.level1,
        level2=indicator.level2,
        name=indicator.name,
        target=indicator.annual,
        weight=indicator.weight,
        source=indicator.source,
    )


def suggest_weights(lines: tuple[EvaluationLine, ...], profile: Profile) -> tuple[EvaluationLine, ...]:
    """Lines with weights filled in: each weight group split evenly, remainders on the group's last line.

    A starting point for the template (rules.md §6.2: 二/三级 weights are the unit's choice); lines
    outside every group, or all lines in a free-split profile, share the block evenly.
    """
    from dataclasses import replace

    from jixiao.catalog import canonical

    groups: list[tuple[Decimal, list[int]]] = []
    grouped: set[int] = set()
    for group in profile.weight_groups:
        members = [i for i, line in enumerate(lines) if canonical(line.level1) in group.level1]
        if members:
            groups.append((group.weight, members))
            grouped.update(members)
    rest = [i for i in range(len(lines)) if i not in grouped]
    if rest:
        taken = sum((w for w, _ in groups), ZERO)
        groups.append((profile.indicators_weight - taken, rest))
    weights: dict[int, Decimal] = {}
    for total, members in groups:
        for i, weight in zip(members, _split(total, len(members)), strict=True):
            weights[i] = weight
    return tuple(replace(line, weight=weights.get(i, line.weight)) for i, line in enumerate(lines))


def _split(total: Decimal, parts: int) -> list[Decimal]:
    """Whole points where possible (50 over 7 → 8, 7, 7, 7, 7, 7, 7), else hundredths."""
    step = ONE if total == total.to_integral_value() and total >= parts else Decimal("0.01")
    units = int(total / step)
    base, extra = divmod(units, parts)
    return [(base + (1 if i < extra else 0)) * step for i in range(parts)]


def table_key(table: Table) -> str:
    """A fingerprint of a table's project and 年度 targets: a filled template must match its table."""
    import hashlib

    parts = [table.project.name, str(table.project.year or "")]
    for indicator in table.annual_indicators:
        parts += [indicator.level1, indicator.level2, indicator.name, indicator.annual.raw]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def evaluation_from_table(table: Table, profile: Profile = DEFAULT_PROFILE) -> SelfEvaluation:
    """An empty 自评 for a table: its 年度 indicators with suggested weights, the budget in 万元."""
    from jixiao.evaluation.funds import FundsBlock

    project = table.project
    budget = ZERO if project.budget is None else project.budget / Decimal(10000)
    funds = FundsBlock.simple(budget, ZERO, initial=budget)
    return SelfEvaluation(
        project=project.name,
        funds=funds,
        lines=suggest_weights(lines_from_table(table), profile),
        year=project.year,
        department=project.department or "",
        unit=project.unit or "",
        goal_expected=table.goals.annual,
        table_key=table_key(table),
        source=table.source,
    )
