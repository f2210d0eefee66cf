"""Dashboard figures: counts by status, budget by type and unit, findings by rule and severity."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from jixiao.queries import Visibility
from jixiao.store.listing import UNIT, from_clause, visibility_condition
from jixiao.store.schema import ACTIVE_FINDING, audit_log, findings, orgs, perf_tables
from jixiao.store.tables import from_fen


def _where(visibility: Visibility) -> list[Any]:
    condition = visibility_condition(visibility)
    return [] if condition is None else [condition]


def dashboard(conn: Connection, visibility: Visibility, top: int = 10) -> dict[str, Any]:
    """The dashboard figures of the tables a caller may see: counts by status, budgets, findings."""
    where = _where(visibility)
    base = perf_tables  # the visibility conditions need no join; only unit names do
    joined = from_clause()
    by_status = {
        row.status: row.n
        for row in conn.execute(
            select(perf_tables.c.status, func.count().label("n"))
            .select_from(base)
            .where(*where)
            .group_by(perf_tables.c.status)
        )
    }
    budget_by_type = [
        {"type": row.project_type or "（未填）", "budget": from_fen(int(row.total or 0)), "tables": row.n}
        for row in conn.execute(
            select(
                perf_tables.c.project_type,
                func.sum(perf_tables.c.budget_fen).label("total"),
                func.count().label("n"),
            )
            .select_from(base)
            .where(*where)
            .group_by(perf_tables.c.project_type)
            .order_by(func.sum(perf_tables.c.budget_fen).desc())
            .limit(top)
        )
    ]
    budget_by_unit = [
        {"unit": row.unit or "（未填）", "budget": from_fen(int(row.total or 0)), "tables": row.n}
        for row in conn.execute(
            select(
                UNIT.c.name.label("unit"),
                func.sum(perf_tables.c.budget_fen).label("total"),
                func.count().label("n"),
            )
            .select_from(joined)
            .where(*where)
            .group_by(UNIT.c.name)
            .order_by(func.sum(perf_tables.c.budget_fen).desc())
            .limit(top)
        )
    ]
    # Everything visible: count the findings alone (a covering index scan), without the join.
    finding_base = (
        findings
        if visibility.everything
        else findings.join(perf_tables, findings.c.table_id == perf_tables.c.id)
    )
    by_rule = [
        {"code": row.code, "severity": row.severity, "count": row.n}
        for row in conn.execute(
            select(findings.c.code, findings.c.severity, func.count().label("n"))
            .select_from(finding_base)
            .where(*where, ACTIVE_FINDING)
            .group_by(findings.c.code, findings.c.severity)
            .order_by(func.count().desc(), findings.c.code)
            .limit(20)
        )
    ]
    by_outcome = {
        row.outcome: row.n
        for row in conn.execute(
            select(perf_tables.c.outcome, func.count().label("n"))
            .select_from(base)
            .where(*where)
            .group_by(perf_tables.c.outcome)
        )
    }
    by_severity = {
        row.severity: row.n
        for row in conn.execute(
            select(findings.c.severity, func.count().label("n"))
            .select_from(finding_base)
            .where(*where, ACTIVE_FINDING)
            .group_by(findings.c.severity)
        )
    }
    worst = [
        {
            "id": row.id,
            "name": row.name,
            "unit": row.unit,
            "year": row.year,
            "errors": row.errors,
            "warnings": row.warnings,
            "status": row.status,
        }
        for row in conn.execute(
            select(
                perf_tables.c.id,
                perf_tables.c.name,
                perf_tables.c.year,
                UNIT.c.name.label("unit"),
                perf_tables.c.errors,
                perf_tables.c.warnings,
                perf_tables.c.status,
            )
            .select_from(joined)
            .where(*where)
            .where((perf_tables.c.errors + perf_tables.c.warnings) > 0)
            .order_by(perf_tables.c.errors.desc(), perf_tables.c.warnings.desc(), perf_tables.c.id)
            .limit(top)
        )
    ]
    total_budget = conn.execute(
        select(func.sum(perf_tables.c.budget_fen)).select_from(base).where(*where)
    ).scalar()
    return {
        "tables": sum(by_status.values()),
        "budget": from_fen(int(total_budget or 0)),
        "by_status": by_status,
        "by_outcome": by_outcome,
        "budget_by_type": budget_by_type,
        "budget_by_unit": budget_by_unit,
        "findings_by_rule": by_rule,
        "findings_by_severity": by_severity,
        "worst_tables": worst,
    }


def filter_options(conn: Connection, visibility: Visibility) -> dict[str, list[Any]]:
    """The values the list page offers in its filters."""
    where = _where(visibility)
    base = perf_tables
    years = [
        r[0]
        for r in conn.execute(
            select(perf_tables.c.year)
            .select_from(base)
            .where(*where)
            .distinct()
            .order_by(perf_tables.c.year.desc())
        )
        if r[0]
    ]
    units = [
        r[0]
        for r in conn.execute(
            select(orgs.c.name)
            .where(orgs.c.id.in_(select(perf_tables.c.unit_id).where(*where)))
            .order_by(orgs.c.name)
            .limit(500)
        )
        if r[0]
    ]
    types = [
        r[0]
        for r in conn.execute(
            select(perf_tables.c.project_type)
            .select_from(base)
            .where(*where)
            .distinct()
            .order_by(perf_tables.c.project_type)
            .limit(100)
        )
        if r[0]
    ]
    return {"years": years, "units": units, "types": types}


def change_counter(conn: Connection) -> tuple[Any, ...]:
    """What moves whenever any table is imported, saved or moved along the workflow, or a published
    self-evaluation is stored, by any process: the newest ``updated_at`` and the highest id of the
    tables, the newest ``updated_at`` and the number of self-evaluations, and the newest audit row —
    every other change visitors could see (a finding dismissed, a year's profile reviewing its tables
    again, a table deleted) is audited (one statement)."""
    return tuple(conn.execute(_CHANGE_COUNTER).one())


def _change_counter_statement() -> Any:
    from jixiao.store.published import published_evaluations

    return select(
        select(func.max(perf_tables.c.updated_at)).scalar_subquery(),
        select(func.max(perf_tables.c.id)).scalar_subquery(),
        select(func.max(published_evaluations.c.updated_at)).scalar_subquery(),
        select(func.count()).select_from(published_evaluations).scalar_subquery(),
        select(func.max(audit_log.c.id)).scalar_subquery(),
    )


_CHANGE_COUNTER = _change_counter_statement()  # built once: only its execution is per request
