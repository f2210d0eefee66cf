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

from dataclasses import dataclass
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
from jixiao.evaluation.records import EvaluationLine, EvaluationResult, SelfEvaluation
from jixiao.model import Diagnostic, Kind
from jixiao.scoring.selfeval import evaluate
from jixiao.values import parse_target


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
    if published.budget_weight is not None and published.budget_weight != profile.budget_weight:
        choices.append(
            f"表中预算执行分值为{plain(published.budget_weight)}分，重算按方案的{plain(profile.budget_weight)}分"
        )
    result = evaluate(evaluation, profile)
    diagnostics = tuple(run_audit_checks(published, evaluation, result, profile))
    return AuditResult(published, profile, tuple(choices), evaluation, result, diagnostics)


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
        for row in published.fund_rows
    )
    total = published.total_row
    notes: list[str] = []
    if not rows and total is not None:  # only a total row printed: it is the money
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
            target=parse_target(i.target, i.name),
            weight=weight,
            actual=i.actual,
            score=score,
            reason=i.reason,
            not_applicable=i.not_applicable,
            source=i.source,
            cells=i.cells,
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
    groups = dict(published.group_weights)
    for level1 in dict.fromkeys(i.level1 for i in indicators):
        members = [n for n, i in enumerate(indicators) if i.level1 == level1 and weights[n] is None]
        if not members:
            continue
        pool = groups.get(level1)
        if pool is None:
            block = profile.indicators_weight if not profile.scale_indicator_block else Decimal(100)
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
