"""Score a published 自评表 again by the rules and say where it does not add up (issue 12).

`audit(published, profile_name=None)` is the entry point: pure, no I/O, never raises.

1. **Profile** — the one asked for, else the one the layout implies (`profile_for`): Sichuan's
   510000_0013zp → ``sichuan`` (10 + 90), Hubei's 20-point budget → ``hubei-2020`` (20 + 80, block
   scored on 100 and weighed to 80), the T7 template → central with 不适用 re-scaled, else ``central``.
   Every choice is a sentence in ``choices``.
2. **Rescore** with the existing core (`scoring.selfeval.evaluate`): the budget score from the fund
   rows (never the typed total), each quantitative score from target, actual and weight, qualitative
   rows keeping the printed score inside their band, total and grade.
3. **Findings** from the registry in `scoring.audit_checks` (JX-A…), each with its place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.evaluation.funds import FundsBlock, FundsRow
from jixiao.evaluation.numbers import ZERO, plain, round2
from jixiao.evaluation.profiles import CENTRAL, HUBEI_2020, PROFILES, SICHUAN, Profile
from jixiao.evaluation.published import (
    FORM_HUBEI,
    FORM_SICHUAN,
    FORM_UNNAMED,
    PublishedIndicator,
    PublishedSelfEvaluation,
)
from jixiao.evaluation.records import EvaluationLine, EvaluationResult, Score, SelfEvaluation
from jixiao.model import Diagnostic, Kind, Op, Target
from jixiao.scoring.audit_context import fund_breakdowns, has_reason, kept_because
from jixiao.scoring.selfeval import KEPT, evaluate
from jixiao.values import parse_target

HUNDRED = Decimal(100)
_POINTS = re.compile(r"(\d+(?:\.\d+)?)\s*分")


def points_in(label: str) -> Decimal | None:
    """The points a 二级 label states: ``数量指标15分``, ``质量指标 12 分`` → 15, 12."""
    match = _POINTS.search(unicodedata.normalize("NFKC", label))
    return Decimal(match[1]) if match else None


@dataclass(frozen=True, slots=True)
class AuditResult:
    """What the table printed, what the rules give, and the findings between the two."""

    published: PublishedSelfEvaluation
    profile: Profile
    choices: tuple[str, ...]
    evaluation: SelfEvaluation
    result: EvaluationResult
    diagnostics: tuple[Diagnostic, ...]

    @property
    def difference(self) -> Decimal | None:
        """Printed total − recomputed total (positive: the table scored itself higher)."""
        if self.published.total is None:
            return None
        return self.published.total - self.result.total

    def codes(self) -> list[str]:
        """The rule codes of the audit's findings, in order."""
        return [d.code for d in self.diagnostics]


def profile_for(published: PublishedSelfEvaluation, asked: str | None = None) -> tuple[Profile, str]:
    """The profile to score by, and why, in Chinese."""
    if asked is not None:
        profile = PROFILES[asked]
        return profile, f"评分方案：按要求采用“{profile.name}”（{profile.title}）"
    evidence = published.form_evidence or "未见省级版式特征"
    if published.form == FORM_SICHUAN:
        return SICHUAN, f"评分方案：{evidence}，采用“sichuan”（预算执行10、绩效指标90）"
    if published.form == FORM_HUBEI:
        return HUBEI_2020, f"评分方案：{evidence}，采用“hubei-2020”（预算执行20、年度绩效目标80）"
    if published.form == FORM_UNNAMED:
        profile = CENTRAL.with_changes(rescale_not_applicable=True)
        return profile, f"评分方案：{evidence}，采用“central”并将不适用指标剔除后折算"
    return CENTRAL, f"评分方案：{evidence}，采用“central”（预算执行10、产出50、效益30、满意度10）"


def audit(published: PublishedSelfEvaluation, profile_name: str | None = None) -> AuditResult:
    """Rescore a published table and run the audit registry over printed and recomputed figures."""
    from jixiao.scoring.audit_checks import run_audit_checks

    profile, why = profile_for(published, profile_name)
    choices = [why, _reverse_choice(profile), _band_choice(profile)]
    evaluation, weight_notes = to_evaluation(published, profile)
    choices += weight_notes
    if _budget_inside_rows(published, evaluation):
        profile = profile.with_changes(budget_weight=ZERO, indicators_weight=HUNDRED)
        choices.append(
            "表中没有预算执行分值和得分，各行分值合计100分：预算执行已在各行之中，重算不另加预算执行得分"
        )
    if published.budget_weight is not None and published.budget_weight != profile.budget_weight:
        choices.append(
            f"表中预算执行分值为{plain(published.budget_weight)}分，重算按方案的{plain(profile.budget_weight)}分"
        )
    result = _budget_in_rows(evaluate(evaluation, profile), profile)
    stricter = _stricter_with_reason(published, result)
    if stricter:
        evaluation = _keep(evaluation, stricter)
        result = _budget_in_rows(evaluate(evaluation, profile), profile)
        choices.append(
            f"{len(stricter)}个指标得分低于按比例计分且写明了原因，采用其填报得分（各地评价标准可按偏差扣分）"
        )
    diagnostics = tuple(run_audit_checks(published, evaluation, result, profile))
    return AuditResult(published, profile, tuple(choices), evaluation, result, diagnostics)


def _budget_inside_rows(published: PublishedSelfEvaluation, evaluation: SelfEvaluation) -> bool:
    """A table that prints no budget weight or score and whose rows weigh 100 (the 项目决策/管理/产出/
    效益 forms, where 预算执行率 is a row of 项目管理): its budget part lies inside the rows."""
    if published.printed_budget_weight is not None or published.budget_score is not None:
        return False
    weights = [line.weight for line in evaluation.lines]
    return (
        bool(weights) and all(w is not None for w in weights) and sum(w or ZERO for w in weights) == HUNDRED
    )


def _reverse_choice(profile: Profile) -> str:
    formula = "分值×A/B" if profile.reverse_method.value == "ratio" else "分值×(1−(B−A)/A)"
    return f"反向指标（≤、<）未达到时按{formula}计分（方案默认）"


def _band_choice(profile: Profile) -> str:
    bands = profile.bands
    return (
        f"定性指标档次：达成[{plain(bands.achieved_floor * 100)}%,100%]、"
        f"部分达成[{plain(bands.partial_floor * 100)}%,{plain(bands.achieved_floor * 100)}%)，"
        "采用表中填报的得分并核对档次"
    )


def to_evaluation(published: PublishedSelfEvaluation, profile: Profile) -> tuple[SelfEvaluation, list[str]]:
    """The printed table as the scoring core's input; the weights it had to supply are explained."""
    rows = tuple(
        FundsRow(row.label, row.initial or ZERO, row.budget or ZERO, row.executed or ZERO, row.source)
        for row in fund_breakdowns(published)[0]  # 按收入性质分 first: one breakdown, never both added up
    )
    total = published.total_row
    notes: list[str] = []
    if total is not None and all(r.is_empty for r in published.fund_rows) and not total.is_empty:
        # only a total row printed amounts (the 其中 rows blank): it is the money
        rows = (FundsRow(total.label, total.initial or ZERO, total.budget or ZERO, total.executed or ZERO),)
        notes.append("资金只有总额一行有金额，按总额计算执行率")
    elif not rows and total is not None:
        rows = (FundsRow(total.label, total.initial or ZERO, total.budget or ZERO, total.executed or ZERO),)
        notes.append("资金只有总额一行，按总额计算执行率")
    entered_total = None
    if total is not None and published.fund_rows and not all(r.is_empty for r in published.fund_rows):
        entered_total = FundsRow(
            total.label, total.initial or ZERO, total.budget or ZERO, total.executed or ZERO
        )
    funds = FundsBlock(
        rows=rows,
        unit=published.fund_unit,
        entered_total=entered_total,
        entered_rate=total.rate if total is not None else None,
        entered_score=published.budget_score,
        reason=total.reason if total is not None else "",
    )
    weights, weight_notes = _weights(published.indicators, published, profile)
    notes += weight_notes
    scores, score_notes = _group_shares(published, weights)
    notes += score_notes
    lines = tuple(
        EvaluationLine(
            level1=i.level1,
            level2=i.level2,
            name=i.name,
            target=_cost_ceiling(parse_target(i.target, i.name), i, notes),
            weight=weight,
            actual=i.actual,
            score=score,
            reason=i.reason,
            not_applicable=i.not_applicable,
            source=i.source,
            cells=i.cells,
            kept_because=kept_because(i),
        )
        for i, weight, score in zip(published.indicators, weights, scores, strict=True)
    )
    evaluation = SelfEvaluation(
        project=published.project,
        funds=funds,
        lines=lines,
        year=published.year,
        department=published.department,
        unit=published.unit,
        source=published.source,
    )
    return evaluation, notes


def _cost_ceiling(target: Target, indicator: PublishedIndicator, notes: list[str]) -> Target:
    """A 成本指标 whose value has no comparator (``80万``) is a ceiling: spending less meets it."""
    cost = "成本" in indicator.level1 or "成本" in indicator.level2
    if not cost or target.kind is not Kind.QUANTITATIVE or target.op is not None:
        return target
    notes.append(f"成本指标“{indicator.label}”的指标值{target.raw}未写比较符，按成本上限（≤）计分")
    return replace(target, op=Op.LE)


def _group_shares(
    published: PublishedSelfEvaluation, weights: list[Decimal | None]
) -> tuple[list[Decimal | None], list[str]]:
    """Rows under a one-score group: qualitative ones take the group score's share of their weight."""
    scores: list[Decimal | None] = [i.score for i in published.indicators]
    notes: list[str] = []
    for level1, score, _where in published.group_scores:
        members = [n for n, i in enumerate(published.indicators) if i.level1 == level1]
        pool = sum((weights[n] or ZERO for n in members), ZERO)
        shared = [
            n for n in members if parse_target(published.indicators[n].target).kind is not Kind.QUANTITATIVE
        ]
        if not pool or not shared:
            continue
        for n in shared:
            scores[n] = round2(score * (weights[n] or ZERO) / pool)
        notes.append(
            f"“{level1}”只印了一个组得分{plain(score)}，其中定性指标按分值比例分得该组得分后核对档次"
        )
    return scores, notes


def _weights(
    indicators: tuple[PublishedIndicator, ...], published: PublishedSelfEvaluation, profile: Profile
) -> tuple[list[Decimal | None], list[str]]:
    """Printed weights; where a table prints none, the group's (or block's) weight split evenly."""
    weights: list[Decimal | None] = [i.weight for i in indicators]
    if all(w is not None for w in weights) or not indicators:
        return weights, []
    notes: list[str] = []
    block = (
        Decimal(100)
        if profile.scale_indicator_block
        else published.indicators_weight or profile.indicators_weight
    )
    if all(w is not None or i.share is not None for w, i in zip(weights, indicators, strict=True)):
        weights = [
            w if w is not None else block * (i.share or ZERO) / 100
            for w, i in zip(weights, indicators, strict=True)
        ]
        notes.append(f"各行未列分值，按“权重占比”折算：分值 = {plain(block)}分 × 权重占比")
        return weights, notes
    for level1, level2 in dict.fromkeys((i.level1, i.level2) for i in indicators):
        members = [n for n, i in enumerate(indicators) if (i.level1, i.level2) == (level1, level2)]
        points = points_in(level2) if all(weights[n] is None for n in members) else None
        if points is None:
            continue  # 数量指标15分: the 二级 label states the points its rows share
        for n in members:
            weights[n] = (points / len(members)).quantize(Decimal("0.0001")).normalize()
        notes.append(f"“{level2}”各行未列分值，按其标明的{plain(points)}分平均分配")
    groups = dict(published.group_weights)
    for level1 in dict.fromkeys(i.level1 for i in indicators):
        members = [n for n, i in enumerate(indicators) if i.level1 == level1 and weights[n] is None]
        if not members:
            continue
        pool = groups.get(level1)
        if pool is None:
            block = _printed_block(published) or (
                profile.indicators_weight if not profile.scale_indicator_block else HUNDRED
            )
            taken = sum((Decimal(g) for g in groups.values()), ZERO)
            unweighted = [i for i in indicators if i.level1 not in groups]
            pool = (block - taken) * len(members) / len(unweighted) if unweighted else ZERO
        share = pool / len(members)
        for n in members:
            weights[n] = share.quantize(Decimal("0.0001")).normalize()
        notes.append(
            f"“{level1 or '指标'}”各行未列分值，按{plain(pool)}分平均分配"
            f"（每项{plain(share.quantize(Decimal('0.01')))}分）"
        )
    return weights, notes


def _printed_block(published: PublishedSelfEvaluation) -> Decimal | None:
    """The points the table's indicator scores are printed on: the block's own label (``年度绩效目标
    （80分）``), else what a printed budget weight leaves of 100; None when the table says neither."""
    if published.indicators_weight is not None:
        return published.indicators_weight
    if published.printed_budget_weight is not None and published.total is not None:
        return HUNDRED - published.printed_budget_weight
    return None


def _stricter_with_reason(published: PublishedSelfEvaluation, result: EvaluationResult) -> dict[int, str]:
    """Rows scored below what the rule gives, with the reason written: the unit's own standard, stated
    (many provinces deduct per point of shortfall), so the printed score stands. By applicable row."""
    rows = [i for i in published.indicators if not i.not_applicable]
    kept: dict[int, str] = {}
    for n, (printed, scored) in enumerate(zip(rows, result.lines, strict=True)):
        score = scored.score
        if printed.score is None or score.method in (KEPT, "qualitative", "missing"):
            continue
        if printed.score < score.value and has_reason(printed.reason):
            kept[n] = (
                f"填报得分低于按规则所得{plain(score.value)}分，并写明原因“{printed.reason.strip()[:30]}”"
            )
    return kept


def _keep(evaluation: SelfEvaluation, kept: dict[int, str]) -> SelfEvaluation:
    """The evaluation with the given rows (numbered among the applicable ones) keeping their scores."""
    lines = list(evaluation.lines)
    applicable = [n for n, line in enumerate(lines) if not line.not_applicable]
    for n, why in kept.items():
        at = applicable[n]
        lines[at] = replace(lines[at], kept_because=why)
    return replace(evaluation, lines=tuple(lines))


def _budget_in_rows(result: EvaluationResult, profile: Profile) -> EvaluationResult:
    """With no budget weight (the rows hold it), the budget score says so instead of ``0×A/B``."""
    if profile.budget_weight != ZERO:
        return result
    text = "表中未单列预算执行分值，预算执行率在各行之中计分，不另计预算执行得分"
    return replace(result, budget=Score(ZERO, ZERO, text, "budget"))
