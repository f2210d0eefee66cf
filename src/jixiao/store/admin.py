"""What the administration pages store and read: the rule profile of each year, the organisations
(用款单位 and 主管部门) with what uses them, a year's tables to review again, and the audit log searched.

The rule profile is data (JSON of settings, validated by the service before it gets here); the
organisations are the ``orgs`` rows that tables and users point to.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Integer,
    Table,
    Text,
    and_,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from jixiao.store.errors import Conflict
from jixiao.store.schema import (
    UtcDateTime,
    audit_log,
    findings,
    metadata,
    orgs,
    perf_tables,
    reviewer_departments,
    table_versions,
    users,
)
from jixiao.store.table_keys import fill_keys

# One row a year: the settings review and scoring use for that year's tables (created by 0007).
rule_profiles = Table(
    "rule_profiles",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("settings", Text, nullable=False),  # JSON, see jixiao.service.rule_profiles
    Column("updated_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("updated_at", UtcDateTime(), nullable=False),
)


# ---- rule profiles -------------------------------------------------------------------------------


def profile_settings(conn: Connection, year: int) -> dict[str, Any] | None:
    """The stored settings of ``year``, or None (the default profile applies)."""
    text = conn.execute(select(rule_profiles.c.settings).where(rule_profiles.c.year == year)).scalar()
    return None if text is None else dict(json.loads(text))


def profile_years(conn: Connection) -> list[dict[str, Any]]:
    """The years with stored settings, newest first, with who changed them last and when."""
    query = (
        select(rule_profiles.c.year, rule_profiles.c.updated_at, users.c.username)
        .outerjoin(users, users.c.id == rule_profiles.c.updated_by)
        .order_by(rule_profiles.c.year.desc())
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def put_profile(conn: Connection, year: int, settings: dict[str, Any], user_id: int | None) -> None:
    """Store (or replace) the settings of ``year``."""
    values = {
        "settings": json.dumps(settings, ensure_ascii=False, sort_keys=True),
        "updated_by": user_id,
        "updated_at": datetime.now(UTC),
    }
    done = conn.execute(update(rule_profiles).where(rule_profiles.c.year == year).values(**values))
    if not done.rowcount:
        conn.execute(insert(rule_profiles).values(year=year, **values))


def delete_profile(conn: Connection, year: int) -> bool:
    """Remove the settings of ``year`` (the default applies again); whether there were any."""
    return bool(conn.execute(delete(rule_profiles).where(rule_profiles.c.year == year)).rowcount)


def table_documents_of_year(conn: Connection, year: int) -> list[tuple[int, dict[str, Any]]]:
    """Every stored table of ``year`` with its current version's document, to review again."""
    query = (
        select(perf_tables.c.id, table_versions.c.document)
        .join(
            table_versions,
            and_(
                table_versions.c.table_id == perf_tables.c.id,
                table_versions.c.number == perf_tables.c.current_version,
            ),
        )
        .where(perf_tables.c.year == year)
        .order_by(perf_tables.c.id)
    )
    return [(row.id, json.loads(row.document)) for row in conn.execute(query)]


def replace_review(
    conn: Connection,
    table_id: int,
    rows: Sequence[dict[str, Any]],
    summary: dict[str, Any],
    codes: Sequence[str],
) -> None:
    """Replace a table's findings of the review rules ``codes`` by ``rows`` and store the new outcome
    and counts (``summary``); what the reader found in the file stays."""
    conn.execute(delete(findings).where(findings.c.table_id == table_id, findings.c.code.in_(list(codes))))
    if rows:
        conn.execute(insert(findings), fill_keys(conn, [{**row, "table_id": table_id} for row in rows]))
    conn.execute(update(perf_tables).where(perf_tables.c.id == table_id).values(**summary))


def finding_codes(conn: Connection, table_id: int) -> list[tuple[str, str]]:
    """(code, severity) of every stored finding of a table (the reader's and the review's)."""
    query = select(findings.c.code, findings.c.severity).where(findings.c.table_id == table_id)
    return [(row.code, row.severity) for row in conn.execute(query)]


# ---- organisations -------------------------------------------------------------------------------


def organisations(conn: Connection) -> list[dict[str, Any]]:
    """Every organisation with how many tables name it as 用款单位 / 主管部门, and how many 填报人 and
    审核人 belong to it; by name."""
    as_unit = (
        select(perf_tables.c.unit_id.label("org"), func.count().label("n"))
        .group_by(perf_tables.c.unit_id)
        .subquery()
    )
    as_department = (
        select(perf_tables.c.department_id.label("org"), func.count().label("n"))
        .group_by(perf_tables.c.department_id)
        .subquery()
    )
    fillers = (
        select(users.c.unit_id.label("org"), func.count().label("n")).group_by(users.c.unit_id).subquery()
    )
    reviewers = (
        select(reviewer_departments.c.org_id.label("org"), func.count().label("n"))
        .group_by(reviewer_departments.c.org_id)
        .subquery()
    )
    query = (
        select(
            orgs.c.id,
            orgs.c.name,
            func.coalesce(as_unit.c.n, 0).label("unit_tables"),
            func.coalesce(as_department.c.n, 0).label("department_tables"),
            func.coalesce(fillers.c.n, 0).label("fillers"),
            func.coalesce(reviewers.c.n, 0).label("reviewers"),
        )
        .outerjoin(as_unit, as_unit.c.org == orgs.c.id)
        .outerjoin(as_department, as_department.c.org == orgs.c.id)
        .outerjoin(fillers, fillers.c.org == orgs.c.id)
        .outerjoin(reviewers, reviewers.c.org == orgs.c.id)
        .order_by(orgs.c.name)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def add_organisation(conn: Connection, name: str) -> int:
    """A new organisation; `Conflict` if the name is taken."""
    try:
        with conn.begin_nested():
            return int(conn.execute(insert(orgs).values(name=name)).inserted_primary_key[0])  # type: ignore[index]
    except IntegrityError:
        raise Conflict(name) from None


def rename_organisation(conn: Connection, org_id: int, name: str) -> str | None:
    """Rename an organisation; its old name, None if there is no such one; `Conflict` if taken."""
    old = conn.execute(select(orgs.c.name).where(orgs.c.id == org_id)).scalar()
    if old is None:
        return None
    try:
        with conn.begin_nested():
            conn.execute(update(orgs).where(orgs.c.id == org_id).values(name=name))
    except IntegrityError:
        raise Conflict(name) from None
    return str(old)


# ---- the audit log, searched ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which audit rows to show: by user name, action, outcome and a time range (``until``
    exclusive)."""

    username: str = ""
    action: str = ""
    outcome: str = ""
    since: datetime | None = None
    until: datetime | None = None


def _where(chosen: AuditFilter) -> list[Any]:
    where: list[Any] = []
    if chosen.username:
        where.append(users.c.username == chosen.username)
    if chosen.action:
        where.append(audit_log.c.action == chosen.action)
    if chosen.outcome:
        where.append(audit_log.c.outcome == chosen.outcome)
    if chosen.since is not None:
        where.append(audit_log.c.created_at >= chosen.since)
    if chosen.until is not None:
        where.append(audit_log.c.created_at < chosen.until)
    return where


def search_audit(
    conn: Connection, chosen: AuditFilter, offset: int = 0, limit: int | None = 50
) -> tuple[list[dict[str, Any]], int]:
    """One page of matching audit rows (newest first, with the user's name) and how many match."""
    where = _where(chosen)
    joined = audit_log.outerjoin(users, users.c.id == audit_log.c.user_id)
    total = int(conn.execute(select(func.count()).select_from(joined).where(*where)).scalar() or 0)
    query = (
        select(audit_log, users.c.username)
        .select_from(joined)
        .where(*where)
        .order_by(audit_log.c.seq.desc())
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    result = []
    for row in conn.execute(query):
        item = dict(row._mapping)
        item["detail"] = json.loads(item["detail"])
        result.append(item)
    return result, total


def audit_actions(conn: Connection) -> list[str]:
    """The actions that occur in the audit log, for the filter's choices."""
    return [
        str(a)
        for a in conn.execute(select(audit_log.c.action).distinct().order_by(audit_log.c.action)).scalars()
    ]
