"""Audit rules of the arithmetic kind (the table contradicts its own numbers) and of the rescore kind
(its numbers agree with each other but not with the scoring rules). Each yields `Finding`s.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from jixiao.evaluation.numbers import ONE, ZERO, money, plain, round2
from jixiao.evaluation.published import PublishedFundRow, PublishedIndicator
from jixiao.scoring.audit_context import AuditContext, Finding, agree, fund_breakdowns, group_sums, names

_HUNDRED = Decimal(100)


def total_is_sum(ctx: AuditContext) -> Iterator[Finding]:
    """总分应等于预算执行得分与各指标得分之和。"""
    p = ctx.published
    grouped = {level1 for level1, _, _ in p.group_scores}
    scores = [i.score for i in p.indicators if not i.not_applicable and i.level1 not in grouped]
    scores += [score for _, score, _ in p.group_scores]
    if p.total is None or not scores or any(s is None for s in scores):
        return
    budget = p.budget_score or ZERO
    indicators = sum((s for s in scores if s is not None), ZERO)
    summed = budget + indicators
    if agree(p.total, summed, len(scores) + 1):
        return
    if not p.funds and p.budget_score is None:
        room = p.budget_weight or ctx.profile.budget_weight
        if ZERO <= p.total - indicators <= room:
            return  # no funds block was read: its score, between 0 and its weight, is unknown
    block = ctx.profile.indicators_weight
    if ctx.profile.scale_indicator_block and agree(
        p.total, budget + indicators * block / _HUNDRED, len(scores)
    ):
        return  # Hubei: the block scored on 100 and weighed to 80
    applicable = sum((i.weight or ZERO for i in p.indicators if not i.not_applicable), ZERO)
    dropped = any(i.not_applicable for i in p.indicators)
    if dropped and applicable and agree(p.total, budget + indicators * block / applicable, len(scores)):
        return  # T7: 不适用 rows dropped and the rest re-scaled to the block
    yield (
        f"总分填为{plain(p.total)}，但预算执行得分{plain(budget)}与{len(scores)}个指标得分之和为{plain(summed)}，"
        f"相差{plain(abs(p.total - summed))}分",
        p.where("total"),
        None,
    )


def score_within_weight(ctx: AuditContext) -> Iterator[Finding]:
    """任何指标得分应在0至该指标分值之间（得分不得突破分值）；没有分值列的表，一级指标各项得分之和不得
    超过该一级指标标明的分值。"""
    for group in group_sums(ctx.published):
        if group.scored > group.weight:
            yield (
                f"“{group.level1}”标明{plain(group.weight)}分，其下各项得分之和为{plain(group.scored)}分，"
                f"超出{plain(group.scored - group.weight)}分",
                group.rows[0].where("score"),
                None,
            )
    for i in ctx.published.indicators:
        if i.score is not None and i.weight is not None and (i.score > i.weight or i.score < 0):
            yield f"指标“{i.label}”得分{plain(i.score)}超出其分值{plain(i.weight)}", i.where("score"), i.label
    for row in ctx.published.funds:
        if row.score is not None and row.weight is not None and row.score > row.weight:
            yield f"预算执行得分{plain(row.score)}超出其分值{plain(row.weight)}", row.where("score"), None


def fund_total_is_sum(ctx: AuditContext) -> Iterator[Finding]:
    """年度资金总额应等于各资金来源（当年财政拨款、上年结转、其他资金等）之和。"""
    total = ctx.published.total_row
    if total is None:
        return
    for rows in fund_breakdowns(ctx.published):  # 按收入性质分 and 按支出性质分: each sums to the total
        yield from _breakdown_sums(ctx, total, rows)


def _breakdown_sums(
    ctx: AuditContext, total: PublishedFundRow, rows: tuple[PublishedFundRow, ...]
) -> Iterator[Finding]:
    if not rows or all(r.is_empty for r in rows):
        return
    for field, label in (("initial", "年初预算数"), ("budget", "全年预算数"), ("executed", "全年执行数")):
        printed = getattr(total, field)
        if printed is None or all(getattr(r, field) is None for r in rows):
            continue  # no source row printed this column: there is no sum to compare with
        summed = sum((getattr(r, field) or ZERO for r in rows), ZERO)
        if printed != summed:
            yield (
                f"年度资金总额的{label}填为{plain(printed)}，各资金来源之和为{plain(summed)}{ctx.published.fund_unit}",
                total.where(field),
                None,
            )


def rate_matches_amounts(ctx: AuditContext) -> Iterator[Finding]:
    """执行率应等于全年执行数÷全年预算数（按表中印出的位数四舍五入）。"""
    for row in ctx.published.funds:
        if row.rate is None or not row.budget or row.executed is None:
            continue
        computed = row.executed / row.budget * _HUNDRED
        exponent = row.rate.as_tuple().exponent
        places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        near = {
            computed.quantize(places, rounding=ROUND_HALF_UP),
            computed.quantize(places, rounding="ROUND_DOWN"),
        }
        if row.rate not in near and not agree(row.rate, computed):
            yield (
                f"{row.label}的执行率填为{plain(row.rate)}%，按全年执行数{plain(row.executed)}"
                f"÷全年预算数{plain(row.budget)}"
                f"应为{money(computed)}%",
                row.where("rate"),
                None,
            )


def budget_score_matches(ctx: AuditContext) -> Iterator[Finding]:
    """预算执行得分应等于分值×执行率（执行率按各资金来源之和计算，超过100%按100%计）。"""
    printed = ctx.published.budget_score
    funds = ctx.evaluation.funds
    rate = funds.execution_rate
    if printed is None or rate is None:
        return
    weight = ctx.budget_weight
    expected = round2(weight * min(rate, ONE))
    if not agree(printed, expected):
        yield (
            f"预算执行得分填为{plain(printed)}，按全年执行数{plain(funds.executed)}÷全年预算数{plain(funds.budget)}"
            f"应为{plain(weight)}×{money(min(rate, ONE) * _HUNDRED)}%={money(expected)}",
            _budget_score_place(ctx),
            None,
        )


def _budget_score_place(ctx: AuditContext):  # type: ignore[no-untyped-def]
    total = ctx.published.total_row
    if total is not None and total.score is not None:
        return total.where("score")
    scored = [r for r in ctx.published.funds if r.score is not None]
    return scored[0].where("score") if scored else ctx.published.source


def weights_add_up(ctx: AuditContext) -> Iterator[Finding]:
    """各指标分值之和加预算执行分值应为100分；一级指标标明的分值应等于其下各指标分值之和。"""
    p = ctx.published
    weight_sum = ctx.weight_sum
    if weight_sum is not None:
        whole = ctx.budget_weight + weight_sum
        scaled_ok = ctx.profile.scale_indicator_block and weight_sum == _HUNDRED
        # no budget weight printed and the rows weigh 100: the form scores the money among its rows
        unweighted_ok = p.printed_budget_weight is None and weight_sum == _HUNDRED
        if whole != _HUNDRED and not scaled_ok and not unweighted_ok:
            yield (
                f"预算执行分值{plain(ctx.budget_weight)}与各指标分值之和{plain(weight_sum)}合计{plain(whole)}分，应为100分",
                p.indicators[0].where("weight"),
                None,
            )
    for level1, stated in p.group_weights:
        members = [i for i in p.indicators if i.level1 == level1 and i.weight is not None]
        got = sum((i.weight for i in members if i.weight is not None), ZERO)
        if members and got != stated:
            yield (
                f"“{level1}”标明{plain(stated)}分，其下指标分值之和为{plain(got)}分",
                members[0].where("weight"),
                None,
            )


def groups_match_note(ctx: AuditContext) -> Iterator[Finding]:
    """一级指标的分值应与表注（填报说明）所述的分值一致。"""
    p = ctx.published
    labelled = dict(p.group_weights)
    for level1, stated in p.stated_weights:
        got = labelled.get(level1)
        if got is None:
            members = [i.weight for i in p.indicators if i.level1 == level1]
            if not members or any(w is None for w in members):
                continue
            got = sum((w for w in members if w is not None), ZERO)
        if got != stated:
            yield f"“{level1}”在表中为{plain(got)}分，表注写明{plain(stated)}分", p.where("note"), None


def weight_applied_twice(ctx: AuditContext) -> Iterator[Finding]:
    """达到目标的指标应得满分；得分=分值×权重占比说明权重被重复折算。"""
    twice: list[PublishedIndicator] = []
    example = ""
    for printed, scored in ctx.rows():
        w, s = printed.weight, printed.score
        if scored is None or w is None or s is None or w <= 0 or s >= w or not scored.score.is_full:
            continue
        shares = [
            x for x in (printed.share, w, w / ctx.block_weight * _HUNDRED) if x is not None and x < _HUNDRED
        ]
        base = printed.single if printed.single is not None else w
        for share in shares:
            if agree(s, base * share / _HUNDRED):
                twice.append(printed)
                example = example or f"{plain(base)}×{plain(share)}%={plain(s)}"
                break
    if twice:
        got = sum((i.score or ZERO for i in twice), ZERO)
        due = sum((i.weight or ZERO for i in twice), ZERO)
        yield (
            f"{names(twice)}达到目标却只得{example}：分值又乘了一次权重，这些指标合计得{plain(got)}分，应得{plain(due)}分",
            twice[0].where("score"),
            None,
        )


def grade_matches_total(ctx: AuditContext) -> Iterator[Finding]:
    """自评等级应与总分对应（≥90优、≥80良、≥60中、<60差）。"""
    p = ctx.published
    if not p.grade or p.total is None:
        return
    expected = ctx.profile.grades.grade(p.total)
    if expected != p.grade:
        yield f"总分{plain(p.total)}对应等级“{expected}”，表中填为“{p.grade}”", p.where("grade"), None


def indicator_score_differs(ctx: AuditContext) -> Iterator[Finding]:
    """定量指标的得分应按规则由年度指标值、实际完成值和分值算出（达到得满分，未达到按比例）。"""
    for printed, scored in ctx.rows():
        if scored is None or printed.score is None or printed.weight is None:
            continue
        if scored.score.method in ("qualitative", "missing", "not-computable", "kept"):
            continue
        if agree(printed.score, scored.score.value):
            continue
        direction = "高" if printed.score > scored.score.value else "低"
        yield (
            f"指标“{printed.label}”填报得分{plain(printed.score)}，按规则应为{money(scored.score.value)}"
            f"（{direction}{plain(abs(printed.score - scored.score.value))}分）："
            f"{scored.score.explanation}",
            printed.where("score"),
            printed.label,
        )


def group_score_differs(ctx: AuditContext) -> Iterator[Finding]:
    """一组只印一个得分的，应等于组内各指标按规则得分之和。"""
    for level1, printed, where in ctx.published.group_scores:
        lines = [s for p, s in ctx.rows() if s is not None and p.level1 == level1]
        computed = sum((s.score.value for s in lines), ZERO)
        if lines and not agree(printed, computed, len(lines)):
            direction = "高" if printed > computed else "低"
            yield (
                f"“{level1}”组得分填为{plain(printed)}，组内{len(lines)}个指标按规则合计{money(computed)}"
                f"（{direction}{plain(abs(printed - computed))}分）",
                where,
                None,
            )


def total_differs(ctx: AuditContext) -> Iterator[Finding]:
    """发布的总分应与按规则重算的总分一致；不一致时写明相差多少、偏高还是偏低。"""
    printed = ctx.published.total
    if printed is None or not ctx.published.indicators:
        return  # no indicator was read (the reader says why): there is no rescoring to compare with
    computed = ctx.result.total
    if agree(printed, computed, len(ctx.published.indicators)):
        return
    if any(True for _ in total_is_sum(ctx)):
        return  # the total disagrees with its own rows (JX-A01): comparing it with the rules adds nothing
    if (
        _whole_points(ctx)
        and printed == _rounded_total(ctx)
        and _budget_rounds_to_printed(ctx)
        and not _misprinted_rate(ctx)
    ):
        return  # a table scored in whole points: the rule's scores, each rounded, give its total
    direction = "高于" if printed > computed else "低于"
    grade = ctx.result.grade
    yield (
        f"发布总分{plain(printed)}{direction}按规则重算的{money(computed)}，"
        f"相差{money(abs(printed - computed))}分"
        f"（重算等级“{grade}”）：{ctx.result.explanation}",
        ctx.published.where("total"),
        None,
    )


def _misprinted_rate(ctx: AuditContext) -> bool:
    """A printed rate that does not follow the amounts (JX-A04): a whole-point budget score taken
    from it is that wrong rate's score, not the recomputed one rounded (rules.md §6.5)."""
    return any(True for _ in rate_matches_amounts(ctx))


def _whole_points(ctx: AuditContext) -> bool:
    """Every printed score (budget, rows, total) is a whole number: the table scores in whole points."""
    p = ctx.published
    printed = [p.total, p.budget_score, *(i.score for i in p.indicators)]
    return all(v is None or v == v.to_integral_value() for v in printed)


def _budget_rounds_to_printed(ctx: AuditContext) -> bool:
    """The printed budget score is the recomputed one rounded (or none was printed): a whole-point
    total that matches only because a wrong budget score offsets the rows is no match."""
    printed = ctx.published.budget_score
    return printed is None or printed == ctx.result.budget.value.quantize(Decimal(1), ROUND_HALF_UP)


def _rounded_total(ctx: AuditContext) -> Decimal:
    """The recomputed total with the budget score and each row's score rounded to whole points."""
    budget = ctx.result.budget.value.quantize(Decimal(1), ROUND_HALF_UP)
    rows = sum((s.score.value.quantize(Decimal(1), ROUND_HALF_UP) for s in ctx.result.lines), ZERO)
    raw = sum((s.score.value for s in ctx.result.lines), ZERO)
    if raw:  # the block re-scaled as the profile does it (Hubei's 100 → 80, T7's 不适用)
        rows = rows * ctx.result.indicators_score / raw
    return min(budget + rows, ctx.profile.total_weight)
