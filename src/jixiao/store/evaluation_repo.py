"""Repository functions for monitoring and self-evaluation: records in, records out, inside the caller's
transaction (one per save, so a failure leaves nothing half-written).

The scoring core's records (`FundsRow`, `MonitoringLine`, `EvaluationLine`, `Adjustment`) are what goes
in and comes out; targets are not stored here but taken from the table's current version, matched
by position among its 年度 indicators.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from jixiao.evaluation.funds import CENTRAL_ROWS, FundsRow
from jixiao.evaluation.monitoring import Likelihood, MonitoringLine, MonitoringResult, MonitoringSnapshot
from jixiao.evaluation.records import Adjustment, EvaluationResult, SelfEvaluation
from jixiao.evaluation.serialize import evaluation_to_dict, snapshot_to_dict
from jixiao.model import Kind, Target
from jixiao.queries import Visibility
from jixiao.store.errors import integrity_as_conflict
from jixiao.store.evaluation import (
    funds_rows,
    monitoring_funds,
    monitoring_lines,
    monitoring_snapshots,
    self_evaluation_lines,
    self_evaluations,
)
from jixiao.store.evaluation_columns import (
    evaluation_columns,
    evaluation_line_scores,
    from_cents,
    monitoring_columns,
    to_cents,
)
from jixiao.store.listing import UNIT, from_clause, visibility_condition
from jixiao.store.schema import perf_tables, users
from jixiao.store.table_keys import key_values

FEN_PER_WAN = Decimal(1_000_000)
# Stored monitoring lines are matched back to the table's targets by position; until then, none.
_NO_TARGET = Target(raw="", kind=Kind.UNKNOWN)


def now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def wan_to_fen(amount: Decimal) -> int:
    """An amount in 万元 as whole 分 (fen), as stored."""
    return int((amount * FEN_PER_WAN).to_integral_value())


def fen_to_wan(fen: int) -> Decimal:
    """Stored 分 (fen) back to 万元."""
    return (Decimal(fen) / FEN_PER_WAN).normalize() if fen else Decimal(0)


# ---- funds block ---------------------------------------------------------------------------------


def load_funds(conn: Connection, table_id: int, year: int) -> tuple[FundsRow, ...] | None:
    """The stored funds rows of a table's year, in order, or None if none were saved."""
    rows = conn.execute(
        select(funds_rows)
        .where(funds_rows.c.table_id == table_id, funds_rows.c.year == year)
        .order_by(funds_rows.c.position)
    ).all()
    if not rows:
        return None
    by_label = {row.label: row for row in rows}
    return tuple(
        FundsRow(
            label,
            fen_to_wan(by_label[label].initial_fen),
            fen_to_wan(by_label[label].budget_fen),
            fen_to_wan(by_label[label].executed_fen),
        )
        if label in by_label
        else FundsRow(label)
        for label in CENTRAL_ROWS
    )


def save_funds(
    conn: Connection, table_id: int, year: int, rows: Sequence[FundsRow], keep_executed: bool = False
) -> None:
    """Replace the funds block; ``keep_executed`` keeps the stored 全年执行数 (a monitoring save)."""
    stored = load_funds(conn, table_id, year) if keep_executed else None
    executed = {row.label: row.executed for row in stored or ()}
    conn.execute(delete(funds_rows).where(funds_rows.c.table_id == table_id, funds_rows.c.year == year))
    stamp = now()
    conn.execute(
        insert(funds_rows),
        [
            {
                "table_id": table_id,
                "year": year,
                "position": position,
                "label": row.label,
                "initial_fen": wan_to_fen(row.initial),
                "budget_fen": wan_to_fen(row.budget),
                "executed_fen": wan_to_fen(
                    executed.get(row.label, Decimal(0)) if keep_executed else row.executed
                ),
                "updated_at": stamp,
            }
            for position, row in enumerate(rows)
        ],
    )


# ---- monitoring ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredMonitoring:
    """A stored 运行监控 report: months, profile, executed funds, indicator lines, who saved it and when."""

    months: int
    profile: str
    executed: tuple[FundsRow, ...]  # ``executed`` = 1–N月执行数
    expected_executed: Decimal | None
    lines: tuple[MonitoringLine, ...]
    updated_at: datetime
    updated_by: str | None


def monitoring_periods(conn: Connection, table_id: int, year: int) -> list[dict[str, Any]]:
    """The stored 1–N月 snapshots of a table-year with their lights, earliest first."""
    rows = conn.execute(
        select(monitoring_snapshots.c.months, monitoring_snapshots.c.light, monitoring_snapshots.c.updated_at)
        .where(monitoring_snapshots.c.table_id == table_id, monitoring_snapshots.c.year == year)
        .order_by(monitoring_snapshots.c.months)
    ).all()
    return [{"months": r.months, "light": r.light, "updated_at": r.updated_at} for r in rows]


def load_monitoring(
    conn: Connection, table_id: int, year: int, months: int | None
) -> StoredMonitoring | None:
    """The snapshot of 1–``months``月 (the latest one when None), with its lines in table order."""
    query = select(monitoring_snapshots, users.c.username).outerjoin(
        users, users.c.id == monitoring_snapshots.c.updated_by
    )
    query = query.where(monitoring_snapshots.c.table_id == table_id, monitoring_snapshots.c.year == year)
    if months is not None:
        query = query.where(monitoring_snapshots.c.months == months)
    head = conn.execute(query.order_by(monitoring_snapshots.c.months.desc()).limit(1)).first()
    if head is None:
        return None
    executed = {
        row.label: fen_to_wan(row.executed_fen)
        for row in conn.execute(select(monitoring_funds).where(monitoring_funds.c.snapshot_id == head.id))
    }
    lines = tuple(
        MonitoringLine(
            level1=row.level1,
            level2=row.level2,
            name=row.name,
            target=_NO_TARGET,
            current=row.current,
            expected=row.expected,
            likelihood=Likelihood(row.likelihood),
            reason=row.reason,
            measures=row.measures,
        )
        for row in conn.execute(
            select(monitoring_lines)
            .where(monitoring_lines.c.snapshot_id == head.id)
            .order_by(monitoring_lines.c.position)
        )
    )
    return StoredMonitoring(
        months=head.months,
        profile=head.profile,
        executed=tuple(FundsRow(label, executed=executed.get(label, Decimal(0))) for label in CENTRAL_ROWS),
        expected_executed=None
        if head.expected_executed_fen is None
        else fen_to_wan(head.expected_executed_fen),
        lines=lines,
        updated_at=head.updated_at,
        updated_by=head.username,
    )


@integrity_as_conflict()  # two people saving the same period at once
def save_monitoring(
    conn: Connection,
    table_id: int,
    year: int,
    executed: Sequence[FundsRow],
    snapshot: MonitoringSnapshot,
    result: MonitoringResult,
    user_id: int | None,
) -> int:
    """Replace the snapshot of this period (1–N月) with the new one; its id."""
    conn.execute(
        delete(monitoring_snapshots).where(
            monitoring_snapshots.c.table_id == table_id,
            monitoring_snapshots.c.year == year,
            monitoring_snapshots.c.months == result.months,
        )
    )
    key = conn.execute(
        insert(monitoring_snapshots).values(
            table_id=table_id,
            **key_values(conn, table_id),
            year=year,
            months=result.months,
            profile=result.profile,
            expected_executed_fen=None
            if snapshot.expected_executed is None
            else wan_to_fen(snapshot.expected_executed),
            **monitoring_columns(result),
            latest=True,
            document=json.dumps(snapshot_to_dict(snapshot), ensure_ascii=False),
            updated_by=user_id,
            updated_at=now(),
        )
    ).inserted_primary_key
    assert key is not None
    snapshot_id = int(key[0])
    conn.execute(
        insert(monitoring_funds),
        [
            {
                "snapshot_id": snapshot_id,
                "position": p,
                "label": row.label,
                "executed_fen": wan_to_fen(row.executed),
            }
            for p, row in enumerate(executed)
        ],
    )
    if result.lines:
        conn.execute(
            insert(monitoring_lines),
            [
                {
                    "snapshot_id": snapshot_id,
                    "position": p,
                    "level1": lp.line.level1,
                    "level2": lp.line.level2,
                    "name": lp.line.name,
                    "target_raw": lp.line.target.raw,
                    "current": lp.line.current,
                    "expected": lp.line.expected,
                    "likelihood": lp.line.likelihood.value,
                    "reason": lp.line.reason,
                    "measures": lp.line.measures,
                    "light": lp.progress.light.value,
                }
                for p, lp in enumerate(result.lines)
            ],
        )
    _mark_latest(conn, table_id)
    return int(snapshot_id)


def _mark_latest(conn: Connection, table_id: int) -> None:
    """Flag the table's most recent period (latest year, then most months) as the one to count."""
    snap = monitoring_snapshots
    newest = (
        select(snap.c.id)
        .where(snap.c.table_id == table_id)
        .order_by(snap.c.year.desc(), snap.c.months.desc())
        .limit(1)
        .scalar_subquery()
    )
    conn.execute(update(snap).where(snap.c.table_id == table_id).values(latest=snap.c.id == newest))


# ---- self-evaluation -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredEvaluation:
    """What the unit entered (as payload items, by position) and the reviewer's reductions."""

    profile: str
    goal_actual: str
    funds_reason: str
    items: tuple[dict[str, Any], ...]
    adjustments: dict[int, Adjustment]
    updated_at: datetime
    updated_by: str | None


def load_evaluation(conn: Connection, table_id: int, year: int) -> StoredEvaluation | None:
    """The stored self-evaluation of a table's year with its lines and who saved it, or None."""
    head = conn.execute(
        select(self_evaluations, users.c.username)
        .outerjoin(users, users.c.id == self_evaluations.c.updated_by)
        .where(self_evaluations.c.table_id == table_id, self_evaluations.c.year == year)
    ).first()
    if head is None:
        return None
    reviewer = users.alias("reviewer")
    rows = conn.execute(
        select(self_evaluation_lines, reviewer.c.username.label("reviewer"))
        .outerjoin(reviewer, reviewer.c.id == self_evaluation_lines.c.reduction_by)
        .where(self_evaluation_lines.c.evaluation_id == head.id)
        .order_by(self_evaluation_lines.c.position)
    ).all()
    items = tuple(
        {
            "name": row.name,
            "actual": row.actual,
            "weight": _points_text(row.weight_cents),
            "score": _points_text(row.entered_score_cents),
            "reason": row.reason,
            "not_applicable": bool(row.not_applicable),
        }
        for row in rows
    )
    adjustments = {
        row.position: Adjustment(
            from_cents(row.reduction_cents) or Decimal(0), row.reduction_reason or "", row.reviewer or ""
        )
        for row in rows
        if row.reduction_cents
    }
    return StoredEvaluation(
        head.profile, head.goal_actual, head.funds_reason, items, adjustments, head.updated_at, head.username
    )


def _points_text(cents: int | None) -> str:
    value = from_cents(cents)
    return "" if value is None else format(value.normalize(), "f")


@integrity_as_conflict()  # two people saving the same year at once
def save_evaluation(
    conn: Connection,
    table_id: int,
    evaluation: SelfEvaluation,
    result: EvaluationResult,
    user_id: int | None,
    reviewers: dict[str, int] | None = None,
) -> int:
    """Replace the 自评 of this table-year with the new entry and its scores; its id."""
    year = evaluation.year or 0
    conn.execute(
        delete(self_evaluations).where(
            self_evaluations.c.table_id == table_id, self_evaluations.c.year == year
        )
    )
    key = conn.execute(
        insert(self_evaluations).values(
            table_id=table_id,
            **key_values(conn, table_id),
            year=year,
            goal_actual=evaluation.goal_actual,
            funds_reason=evaluation.funds.reason,
            **evaluation_columns(result),
            document=json.dumps(evaluation_to_dict(evaluation), ensure_ascii=False),
            updated_by=user_id,
            updated_at=now(),
        )
    ).inserted_primary_key
    assert key is not None
    evaluation_id = int(key[0])
    rows = []
    for line, computed in zip(evaluation.lines, evaluation_line_scores(evaluation, result), strict=True):
        adjustment = line.adjustment
        rows.append(
            {
                "evaluation_id": evaluation_id,
                "level1": line.level1,
                "level2": line.level2,
                "name": line.name,
                "target_raw": line.target.raw,
                "actual": line.actual,
                "weight_cents": to_cents(line.weight),
                "entered_score_cents": to_cents(line.score),
                "reason": line.reason,
                "not_applicable": line.not_applicable,
                "reduction_cents": to_cents(adjustment.reduction) if adjustment else None,
                "reduction_reason": adjustment.reason if adjustment else None,
                "reduction_by": (reviewers or {}).get(adjustment.by) if adjustment else None,
                **computed,
            }
        )
    if rows:
        conn.execute(insert(self_evaluation_lines), rows)
    conn.execute(update(perf_tables).where(perf_tables.c.id == table_id).values(updated_at=now()))
    return int(evaluation_id)


def user_ids(conn: Connection, usernames: Sequence[str]) -> dict[str, int]:
    """The ids of the named users that exist."""
    names = [name for name in usernames if name]
    if not names:
        return {}
    return {
        row.username: row.id
        for row in conn.execute(select(users.c.id, users.c.username).where(users.c.username.in_(names)))
    }


# ---- dashboard -----------------------------------------------------------------------------------


def dashboard(conn: Connection, visibility: Visibility, top: int = 10) -> dict[str, Any]:
    """Monitoring lights (each table's latest period) and self-evaluation grades of the visible tables.

    Counts are aggregated in SQL; only the ``top`` tables to look at (yellow/red lights, lowest
    totals) come back as rows, so the cost stays flat in the number of tables shown.
    """
    condition = visibility_condition(visibility)
    where = [] if condition is None else [condition]
    snap = monitoring_snapshots
    monitored = from_clause().join(snap, snap.c.table_id == perf_tables.c.id)
    # an administrator sees every table: count the snapshots alone, on their (latest, light) index
    counted = snap if condition is None else monitored
    lights = {"green": 0, "yellow": 0, "red": 0}
    for light, count in conn.execute(
        select(snap.c.light, func.count())
        .select_from(counted)
        .where(*where, snap.c.latest.is_(True))
        .group_by(snap.c.light)
    ):
        lights[light] = int(count)
    named = (perf_tables.c.id, perf_tables.c.name, UNIT.c.name.label("unit"))  # each list names the table
    flagged = [
        dict(row._mapping)  # id, name, unit, year, months, light
        for row in conn.execute(
            select(*named, snap.c.year, snap.c.months, snap.c.light)
            .select_from(monitored)
            .where(*where, snap.c.latest.is_(True), snap.c.light != "green")
            .order_by(snap.c.light.desc(), perf_tables.c.name)  # "red" sorts after "yellow": red first
            .limit(top)
        )
    ]
    graded = from_clause().join(self_evaluations, self_evaluations.c.table_id == perf_tables.c.id)
    grades = {"优": 0, "良": 0, "中": 0, "差": 0}
    for grade, count in conn.execute(
        select(self_evaluations.c.grade, func.count())
        .select_from(self_evaluations if condition is None else graded)
        .where(*where)
        .group_by(self_evaluations.c.grade)
    ):
        grades[grade] = int(count)
    lowest = [
        {
            "id": row.id,
            "name": row.name,
            "unit": row.unit,
            "year": row.year,
            "total": from_cents(row.total_cents),
            "grade": row.grade,
            "errors": row.errors,
        }
        for row in conn.execute(
            select(
                *named,
                self_evaluations.c.year,
                self_evaluations.c.total_cents,
                self_evaluations.c.grade,
                self_evaluations.c.errors,
            )
            .select_from(graded)
            .where(*where)
            .order_by(self_evaluations.c.total_cents, perf_tables.c.name)
            .limit(top)
        )
    ]
    return {"lights": lights, "flagged": flagged, "grades": grades, "lowest": lowest}
