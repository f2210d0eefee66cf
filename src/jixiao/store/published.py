"""Published 自评表 as stored: what the table printed, what the rules give, and the findings (issue 12).

Same MetaData as `jixiao.store.schema`, created by migration ``0005_published_evaluations``. One row
per published self-evaluation (project + unit + year + form: importing the same table again replaces
it). The audit document (``jixiao-selfeval-audit/1``: ``published``, the recomputed result fields,
``diagnostics``) is kept whole in ``document``; the figures the list, filters and dashboard need are
columns beside it — scores in hundredths of a point, ``arithmetic`` the number of findings where the
table contradicts its own numbers, ``full_marks`` whether it gave itself blanket full marks.

A self-evaluation is linked to the target table of the same project, unit and year by comparing
``project_key``/``unit_key`` (`jixiao.evaluation.published.link_name`) with the stored tables, on
every read: a target table imported later is linked from then on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
    select,
)

from jixiao.evaluation.published import link_name
from jixiao.store.schema import UtcDateTime, metadata, orgs, perf_tables

published_evaluations = Table(
    "published_evaluations",
    metadata,
    Column("id", Integer, primary_key=True),
    # project + unit + year + form, normalised: the same table imported twice is recognised by it
    Column("identity", String(64), nullable=False, unique=True),
    Column("project", String(300), nullable=False),
    Column("department", String(200), nullable=False, default=""),
    Column("unit", String(200), nullable=False, default=""),
    Column("year", Integer, nullable=True),
    Column("form", String(20), nullable=False),
    Column("file", String(300), nullable=False, default=""),
    Column("project_key", String(300), nullable=False),
    Column("unit_key", String(200), nullable=False),
    Column("published_cents", BigInteger, nullable=True),  # the total the table printed
    Column("computed_cents", BigInteger, nullable=True),  # the total the rules give
    Column("published_grade", String(10), nullable=True),
    Column("computed_grade", String(10), nullable=True),
    Column("arithmetic", Integer, nullable=False, default=0),
    Column("findings", Integer, nullable=False, default=0),
    Column("full_marks", Boolean, nullable=False, default=False),
    Column("document", Text, nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)
Index("ix_published_evaluations_arithmetic", published_evaluations.c.arithmetic)
Index("ix_published_evaluations_department", published_evaluations.c.department)
Index(
    "ix_published_evaluations_link",
    published_evaluations.c.year,
    published_evaluations.c.project_key,
    published_evaluations.c.unit_key,
)

_T = published_evaluations
_SUMMARY = [c for c in _T.c if c.name != "document"]


@dataclass(frozen=True, slots=True)
class Saved:
    """The id a self-evaluation was stored under, and whether it was new."""

    id: int
    created: bool


def save(conn: Connection, record: dict[str, Any], user_id: int | None) -> Saved:
    """Insert a self-evaluation, or replace the one of the same identity; ``record`` holds the columns."""
    now = datetime.now(UTC)
    values = {**record, "updated_at": now}
    found = conn.execute(select(_T.c.id).where(_T.c.identity == record["identity"])).scalar()
    if found is not None:
        conn.execute(_T.update().where(_T.c.id == found).values(**values))
        return Saved(int(found), False)
    new = conn.execute(_T.insert().values(**values, created_by=user_id, created_at=now)).inserted_primary_key
    assert new is not None
    return Saved(int(new[0]), True)


def get(conn: Connection, evaluation_id: int) -> dict[str, Any] | None:
    """One stored self-evaluation with its document parsed, or None."""
    row = conn.execute(select(_T).where(_T.c.id == evaluation_id)).mappings().first()
    if row is None:
        return None
    return {**row, "document": json.loads(row["document"])}


def listing(
    conn: Connection, inconsistent: bool = False, department: str = "", page: int = 1, per_page: int = 20
) -> tuple[list[dict[str, Any]], int]:
    """A page of stored self-evaluations (newest first) and how many there are in all.

    ``inconsistent``: only those with an arithmetic finding (自评结果不能自洽)."""
    where = []
    if inconsistent:
        where.append(_T.c.arithmetic > 0)
    if department:
        where.append(_T.c.department == department)
    total = conn.execute(select(func.count()).select_from(_T).where(*where)).scalar() or 0
    query = (
        select(*_SUMMARY)
        .where(*where)
        .order_by(_T.c.arithmetic.desc(), _T.c.year.desc(), _T.c.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return [dict(r) for r in conn.execute(query).mappings()], int(total)


def every(conn: Connection, limit: int = 100_000) -> list[dict[str, Any]]:
    """Every stored self-evaluation with its document (the open-data download), oldest first."""
    rows = conn.execute(select(_T).order_by(_T.c.id).limit(limit)).mappings()
    return [{**r, "document": json.loads(r["document"])} for r in rows]


def counts(conn: Connection) -> dict[str, int]:
    """How many self-evaluations are stored, and how many do not add up."""
    row = conn.execute(
        select(func.count(), func.coalesce(func.sum((_T.c.arithmetic > 0).cast(Integer)), 0))
    ).one()
    return {"total": int(row[0]), "inconsistent": int(row[1])}


def full_marks_by_department(conn: Connection) -> list[dict[str, Any]]:
    """Per department: self-evaluations stored and those giving themselves blanket full marks."""
    query = (
        select(_T.c.department, func.count(), func.sum(_T.c.full_marks.cast(Integer)))
        .group_by(_T.c.department)
        .order_by(_T.c.department)
    )
    return [
        {"department": d or "", "total": int(n), "full_marks": int(f or 0)} for d, n, f in conn.execute(query)
    ]


def for_target(conn: Connection, name: str, units: list[str], year: int | None) -> list[dict[str, Any]]:
    """The self-evaluations of a target table: same project, same unit (or department), same year."""
    keys = [link_name(u) for u in units if u]
    if year is None or not keys:
        return []
    query = (
        select(_T)
        .where(_T.c.year == year, _T.c.project_key == link_name(name), _T.c.unit_key.in_(keys))
        .order_by(_T.c.id)
    )
    return [{**r, "document": json.loads(r["document"])} for r in conn.execute(query).mappings()]


def target_candidates(
    conn: Connection, year: int | None, unit_key: str, project_key: str
) -> list[dict[str, Any]]:
    """The stored target tables a self-evaluation belongs to: same year, project and unit/department.

    Names are compared normalised (`link_name`), so the year's tables are read and compared here."""
    if year is None or not unit_key:
        return []
    unit = orgs.alias("unit")
    department = orgs.alias("department")
    query = (
        select(
            perf_tables.c.id,
            perf_tables.c.name,
            perf_tables.c.status,
            unit.c.name.label("unit"),
            department.c.name.label("department"),
        )
        .select_from(
            perf_tables.outerjoin(unit, perf_tables.c.unit_id == unit.c.id).outerjoin(
                department, perf_tables.c.department_id == department.c.id
            )
        )
        .where(perf_tables.c.year == year)
        .order_by(perf_tables.c.id)
    )
    found = []
    for row in conn.execute(query).mappings():
        units = {link_name(row["unit"]), link_name(row["department"])}
        if link_name(row["name"]) == project_key and unit_key in units:
            found.append(dict(row))
    return found
