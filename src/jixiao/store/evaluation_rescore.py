"""Computed columns of stored monitoring and self-evaluations, written again after the year's rule
profile changed (new lights, weights or grade lines): what the unit typed, who saved it and when stay
as they are; only what the scoring core computed from them is replaced.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, select, update

from jixiao.evaluation.monitoring import MonitoringResult
from jixiao.evaluation.records import EvaluationResult, SelfEvaluation
from jixiao.store.evaluation import (
    monitoring_lines,
    monitoring_snapshots,
    self_evaluation_lines,
    self_evaluations,
)
from jixiao.store.evaluation_columns import (
    evaluation_columns,
    evaluation_line_scores,
    monitoring_columns,
    monitoring_line_lights,
    to_cents,
)


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
    conn.execute(update(snap).where(snap.c.id == head.id).values(**monitoring_columns(result)))
    lines = monitoring_lines.c
    rows = [{"at": row["position"], "new_light": row["light"]} for row in monitoring_line_lights(result)]
    if rows:
        conn.execute(
            update(monitoring_lines)
            .where(lines.snapshot_id == head.id, lines.position == bindparam("at"))
            .values(light=bindparam("new_light")),
            rows,
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
        update(self_evaluations).where(self_evaluations.c.id == head.id).values(**evaluation_columns(result))
    )
    lines = self_evaluation_lines.c
    rows = [
        {
            "at": row["position"],
            "new_score": row["score_cents"],
            "new_method": row["method"],
            "new_explanation": row["explanation"],
        }
        for row in evaluation_line_scores(evaluation, result)
    ]
    if rows:
        conn.execute(
            update(self_evaluation_lines)
            .where(lines.evaluation_id == head.id, lines.position == bindparam("at"))
            .values(
                score_cents=bindparam("new_score"),
                method=bindparam("new_method"),
                explanation=bindparam("new_explanation"),
            ),
            rows,
        )
    return bool(head.total_cents != to_cents(result.total) or head.grade != result.grade)
