"""Computed columns of stored monitoring and self-evaluations, written again after the year's rule
profile changed (new lights, weights or grade lines): what the unit typed, who saved it and when stay
as they are; only what the scoring core computed from them is replaced.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from jixiao.evaluation.monitoring import MonitoringResult
from jixiao.evaluation.records import EvaluationResult, SelfEvaluation
from jixiao.store.evaluation import (
    monitoring_lines,
    monitoring_snapshots,
    self_evaluation_lines,
    self_evaluations,
)
from jixiao.store.evaluation_repo import HUNDRED, to_cents


def monitored_periods(conn: Connection, year: int) -> list[tuple[int, int]]:
    """(table id, months) of every stored monitoring report of ``year``."""
    snap = monitoring_snapshots
    query = select(snap.c.table_id, snap.c.months).where(snap.c.year == year).order_by(snap.c.table_id)
    return [(int(row.table_id), int(row.months)) for row in conn.execute(query)]


def evaluated_tables(conn: Connection, year: int) -> list[int]:
    """Ids of the tables with a stored self-evaluation of ``year``."""
    query = select(self_evaluations.c.table_id).where(self_evaluations.c.year == year)
    return [int(table_id) for table_id in conn.execute(query.order_by(self_evaluations.c.table_id)).scalars()]


def rewrite_monitoring_lights(conn: Connection, table_id: int, year: int, result: MonitoringResult) -> bool:
    """The period's lights as ``result`` computed them; whether its overall light changed."""
    snap = monitoring_snapshots
    head = conn.execute(
        select(snap.c.id, snap.c.light).where(
            snap.c.table_id == table_id, snap.c.year == year, snap.c.months == result.months
        )
    ).first()
    if head is None:
        return False
    index = result.funds.index
    conn.execute(
        update(snap)
        .where(snap.c.id == head.id)
        .values(
            light=result.light.value,
            funds_light=result.funds.light.value,
            funds_index_cents=None if index is None else int((index * HUNDRED).to_integral_value()),
            errors=sum(1 for d in result.diagnostics if d.severity.value == "error"),
        )
    )
    for position, line in enumerate(result.lines):
        conn.execute(
            update(monitoring_lines)
            .where(monitoring_lines.c.snapshot_id == head.id, monitoring_lines.c.position == position)
            .values(light=line.progress.light.value)
        )
    return bool(head.light != result.light.value)


def rewrite_evaluation_scores(
    conn: Connection, table_id: int, evaluation: SelfEvaluation, result: EvaluationResult
) -> bool:
    """The self-evaluation's scores, total and grade as ``result`` computed them; whether the total
    or the grade changed."""
    head = conn.execute(
        select(self_evaluations.c.id, self_evaluations.c.total_cents, self_evaluations.c.grade).where(
            self_evaluations.c.table_id == table_id, self_evaluations.c.year == (evaluation.year or 0)
        )
    ).first()
    if head is None:
        return False
    conn.execute(
        update(self_evaluations)
        .where(self_evaluations.c.id == head.id)
        .values(
            profile=result.profile,
            budget_score_cents=to_cents(result.budget.value),
            indicators_score_cents=to_cents(result.indicators_score),
            total_cents=to_cents(result.total),
            grade=result.grade,
            errors=sum(1 for d in result.diagnostics if d.severity.value == "error"),
            warnings=sum(1 for d in result.diagnostics if d.severity.value == "warning"),
            explanation=result.explanation,
        )
    )
    scores = {id(s.line): s.score for s in result.lines}
    lines = self_evaluation_lines.c
    for position, line in enumerate(evaluation.lines):
        score = scores.get(id(line))
        conn.execute(
            update(self_evaluation_lines)
            .where(lines.evaluation_id == head.id, lines.position == position)
            .values(
                score_cents=to_cents(score.value) if score else 0,
                method=score.method if score else "not-applicable",
                explanation=score.explanation if score else "不适用，不计分",
            )
        )
    return bool(head.total_cents != to_cents(result.total) or head.grade != result.grade)
