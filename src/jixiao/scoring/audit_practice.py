"""Audit rules of the practice kind: what a careful auditor would question in a published 自评表."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.evaluation.numbers import percent, plain, read_actual
from jixiao.model import Kind
from jixiao.scoring.audit_context import (
    AuditContext,
    Finding,
    copies_target,
    framework_row,
    group_sums,
    has_reason,
    names,
    states_attainment_only,
    states_bound,
)
from jixiao.scoring.formulas import OVER_COMPLETION, band_of, describe_band, in_band


def blanket_full_marks(ctx: AuditContext) -> Iterator[Finding]:
    """全部指标均得满分（或超过分值）的，应复核目标是否偏低、完成值是否真实；表中没有分值列、
    只在一级指标标明分值的，各组得分之和都等于其标明的分值即是全部满分。"""
    sums = group_sums(ctx.published)
    if sums:
        if len(sums) == len(ctx.published.group_weights) and all(g.scored == g.weight for g in sums):
            stated = "、".join(f"{g.level1}{plain(g.weight)}分" for g in sums)
            yield (
                f"表中没有分值列，各组得分之和均等于一级指标标明的分值（{stated}），{len(ctx.published.indicators)}"
                "个指标没有一处扣分，请复核目标设置是否偏低、完成值是否有佐证",
                sums[0].rows[0].where("score"),
                None,
            )
        return
    grouped = {level1: score for level1, score, _ in ctx.published.group_scores}
    pairs = [(p, line) for p, line in zip(ctx.published.indicators, ctx.evaluation.lines, strict=True)]
    rows = [(p.score, line.weight) for p, line in pairs if not p.not_applicable and p.level1 not in grouped]
    for level1, score in grouped.items():
        weights = [line.weight or Decimal(0) for p, line in pairs if p.level1 == level1]
        rows.append((score, sum(weights, Decimal(0))))
    full = [score for score, weight in rows if score is not None and weight and score >= weight]
    if len(pairs) >= 3 and len(full) == len(rows):
        # a row scored above its weight is no mark-down either (its excess is JX-A02's finding)
        above = sum(1 for score, weight in rows if score is not None and weight and score > weight)
        beyond = f"（其中{above}个得分超过分值）" if above else ""
        yield (
            f"全部{len(rows)}个指标均为满分{beyond}，请复核目标设置是否偏低、完成值是否有佐证",
            ctx.published.source,
            None,
        )


def actual_copies_target(ctx: AuditContext) -> Iterator[Finding]:
    """实际完成值应写实际完成的数量或情况，不能照抄年度指标值：照抄一个界限（≥266米、不超过预算）的
    即是；照抄定性的表述（符合要求）单独一项是正常的完成情况，半数以上指标都如此才是照抄；
    但指标值只是重复指标名称的（名称、指标值、完成值同为“可持续”）或只是“达标”“完成”一词的，照抄它就
    什么也没有写出。"""
    copies = [
        i
        for i in ctx.published.indicators
        if i.actual.strip() and copies_target(i) and read_actual(i.target).number is None
    ]
    targeted = [i for i in ctx.published.indicators if i.target.strip()]
    widespread = len(copies) >= 3 and len(copies) * 2 >= len(targeted)
    empty_of_content = any(
        i.target.strip() == i.name.strip() or states_attainment_only(i.target) for i in copies
    )
    if copies and (widespread or empty_of_content or any(states_bound(i.actual) for i in copies)):
        count = len(ctx.published.indicators)
        yield (
            f"{count}个指标中有{len(copies)}个的实际完成值照抄年度指标值"
            f"（如{names(copies, 2)}写“{copies[0].actual}”）",
            copies[0].where("actual"),
            None,
        )


def word_for_quantitative(ctx: AuditContext) -> Iterator[Finding]:
    """定量指标的实际完成值应是数值（“完成”“达标”不能按公式计分）。"""
    for printed, line in zip(ctx.published.indicators, ctx.evaluation.lines, strict=True):
        target = line.target
        actual = printed.actual.strip()
        if (
            target.kind is not Kind.QUANTITATIVE
            or target.value is None
            or not actual
            or printed.not_applicable
        ):
            continue
        if copies_target(printed) or read_actual(actual).number is not None:
            continue
        subject = target.subject or ""
        if subject and actual.startswith(subject) and read_actual(actual[len(subject) :]).number is not None:
            continue  # 当年出版占比85% against 当年出版占比≥80%: the target's own words, then a figure
        weight = f"，却得{plain(printed.score)}分" if printed.score else ""
        yield (
            f"定量指标“{printed.label}”（{printed.target}）的实际完成值写作“{actual}”{weight}，无法核实",
            printed.where("actual"),
            printed.label,
        )


def below_weight_without_reason(ctx: AuditContext) -> Iterator[Finding]:
    """得分低于分值、列有指标值或完成值的指标，应填写偏差原因分析及改进措施；项目决策/管理类行按评价标准
    打分，只在其完成值是测得的数（如预算执行率100%）时才要求说明。"""
    rows = [
        i
        for i in ctx.published.indicators
        if i.score is not None
        and i.weight is not None
        and i.score < i.weight
        and not has_reason(i.reason)
        and (i.target.strip() or i.actual.strip())
        and (not framework_row(i) or read_actual(i.actual).number is not None)
    ]
    if rows:
        lost = sum(((i.weight or Decimal(0)) - (i.score or Decimal(0)) for i in rows), Decimal(0))
        yield f"{names(rows)}扣分（共{plain(lost)}分）但未写偏差原因", rows[0].where("reason"), None


def over_completion_without_reason(ctx: AuditContext) -> Iterator[Finding]:
    """实际完成值达到目标1.2倍及以上的，应说明原因（目标是否明显偏低）。"""
    rows = [
        p
        for p, s in ctx.rows()
        if s is not None and OVER_COMPLETION in s.score.flags and not has_reason(p.reason)
    ]
    if rows:
        first = rows[0]
        yield (
            f"{names(rows)}超额较多（≥{plain(ctx.profile.over_completion_factor)}倍，如“{first.label}”目标"
            f"{first.target}、完成{first.actual}）却未说明原因",
            first.where("actual"),
            None,
        )


def unfilled_template(ctx: AuditContext) -> Iterator[Finding]:
    """发布的自评表应已填写：不应留有模板的填写说明，完成值和得分不应全空。"""
    p = ctx.published
    instructions = [c for c in p.conclusions if c[0] == "模板说明"]
    rows = p.indicators
    empty = bool(rows) and all(not i.actual.strip() for i in rows) and all(i.score is None for i in rows)
    if instructions or empty:
        what = []
        if empty:
            what.append(f"{len(rows)}个指标的完成值和得分全部空白")
        if instructions:
            what.append(f"仍保留填写说明“{instructions[0][1][:30]}”")
        yield (
            "发布的是未填写的模板：" + "，".join(what),
            instructions[0][2] if instructions else p.source,
            None,
        )


def qualitative_band(ctx: AuditContext) -> Iterator[Finding]:
    """定性指标的得分应落在完成情况所述档次的区间内。"""
    bands = ctx.profile.bands
    for printed, scored in ctx.rows():
        if (
            scored is None
            or scored.score.method != "qualitative"
            or printed.score is None
            or not printed.weight
        ):
            continue
        band = band_of(printed.actual)
        if band is not None and not in_band(printed.score, band, printed.weight, bands):
            yield (
                f"定性指标“{printed.label}”完成情况为“{printed.actual}”，得分{plain(printed.score)}"
                f"不在{describe_band(band, printed.weight, bands)}区间内",
                printed.where("score"),
                printed.label,
            )


def one_indicator_dominates(ctx: AuditContext) -> Iterator[Finding]:
    """单个指标不宜占去指标分值的八成以上（10号：产出、效益、满意度原则上按50、30、10分配）。"""
    block = ctx.weight_sum
    if not block:
        return
    for i in ctx.published.indicators:
        if i.weight is not None and i.weight * 5 >= block * 4:
            yield (
                f"指标“{i.label}”一项占{plain(i.weight)}分（指标分值共{plain(block)}分），评价几乎只看这一项",
                i.where("weight"),
                i.label,
            )


def low_execution_without_reason(ctx: AuditContext) -> Iterator[Finding]:
    """预算执行率低于90%的，应说明原因（四川自评表填报说明）。"""
    rate = ctx.evaluation.funds.execution_rate
    floor = ctx.profile.execution_reason_below  # only templates with a 原因 column ask for one
    if floor is None or rate is None or rate >= floor:
        return
    reasons = [r.reason for r in ctx.published.funds if has_reason(r.reason)]
    total = ctx.published.total_row
    where = total.where("rate") if total is not None else ctx.published.source
    if not reasons:
        yield f"预算执行率{percent(rate)}低于{percent(floor)}，未说明原因", where, None
