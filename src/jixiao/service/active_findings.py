"""Which findings count: the one place that decides it.

A finding a reviewer dismissed with a reason (`jixiao.service.review_notes`) stays on the table's page,
marked 已驳回 with the reason, but it is no longer *active*: it leaves the table's counts of 错误／警告
／提示, its risk and its 审核结论 (graded again on the active findings by the year's rule profile), the
list's filters and order, the dashboard's figures, the 待办 counts and the submission check.

`is_active` answers for one finding as the pages hold it; `settle` writes the answer into the store
(``findings.dismissed`` and the table's counts) after anything that writes findings or dismissals:
a save, an import, a rule profile applied again, a dismissal. Tables without a dismissal are left as
the review stored them, so settling costs one query for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection

from jixiao.formats.places import finding_place
from jixiao.model import Diagnostic, Severity, Table
from jixiao.queries import FindingRow
from jixiao.review import profiles as reviewing
from jixiao.review.outcome import grade
from jixiao.service.reading import review
from jixiao.service.rule_profiles import by_year_profiles, review_profile
from jixiao.store import listing, review_notes
from jixiao.store.admin import profile_settings
from jixiao.store.document import table_from_dict
from jixiao.store.tables import Reviewed, summarise


def placed_findings(
    conn: Connection,
    table_id: int,
    table: Table | None = None,
    found: Sequence[FindingRow] | None = None,
    version: int | None = None,
) -> list[FindingRow]:
    """The findings of the current version (or ``found`` about ``table``: an adjustment's, reviewed
    now) with ``place`` and ``dismissed`` (the dismissal or None). With ``version``, only dismissals
    made on that version or an earlier one count — never one made on a later 目标调整 under way."""
    if table is None:
        table = table_from_dict(listing.get_document(conn, table_id) or {})
    dismissed: dict[tuple[str, str], dict[str, Any]] = {
        (d["code"], d["place"]): d for d in review_notes.dismissals(conn, table_id, version)
    }
    placed = []
    for f in listing.get_findings(conn, table_id) if found is None else found:
        place = finding_place(table, f.line, f.indicator)
        placed.append(replace(f, place=place, dismissed=dismissed.get((f.code, place))))
    return placed


def finding_rows(table_id: int, found: Sequence[Diagnostic]) -> list[FindingRow]:
    """Findings as the stored rows read (numbered from 1 in review order), for a version whose
    findings are not stored (an adjustment under way)."""
    return [
        FindingRow(
            number,
            table_id,
            d.code,
            d.severity.value,
            d.message,
            d.indicator,
            d.source.line,
            d.basis,
            d.suggestion,
        )
        for number, d in enumerate(found, start=1)
    ]


def working_findings(conn: Connection, table_id: int, adjusting: bool, version: int) -> list[FindingRow]:
    """The findings of the version people work on, placed: the stored ones; during a 目标调整 (whose
    findings are not stored until it is published) the adjustment's, reviewed now. The table page,
    a reviewer's dismissal and the submission check all read these, so a finding's id means the
    same finding in all three."""
    if not adjusting:
        return placed_findings(conn, table_id, version=version)
    adjusted = table_from_dict(listing.get_document(conn, table_id, version) or {})
    found = finding_rows(table_id, review_by_year(conn, adjusted).findings)
    return placed_findings(conn, table_id, adjusted, found, version)


def review_by_year(conn: Connection, table: Table) -> Reviewed:
    """``table`` reviewed by the rule profile of its year where the administrator set one (as a stored
    version is when it is saved), else by the default profile."""
    return by_year_profiles(conn, [review(table)])[0]


@dataclass(frozen=True, slots=True)
class LiveReview:
    """The review of a table as typed: each finding with its place and the reviewer's dismissal (or
    None), and the outcome graded on the findings that count."""

    findings: list[tuple[Diagnostic, str, dict[str, Any] | None]]
    outcome: str
    reason: str


def live_review(conn: Connection, table_id: int | None, reviewed: Reviewed) -> LiveReview:
    """``reviewed`` (a table as typed, reviewed by its year's profile) with the dismissals of the
    stored table ``table_id`` applied, as `settle` applies them to the stored findings."""
    table = reviewed.table
    dismissed = (
        {}
        if table_id is None
        else {(d["code"], d["place"]): d for d in review_notes.dismissals(conn, table_id)}
    )
    marked = []
    for d in reviewed.findings:
        place = finding_place(table, d.source.line, d.indicator)
        marked.append((d, place, dismissed.get((d.code, place))))
    if not any(dismissal for _, _, dismissal in marked):
        return LiveReview(marked, reviewed.outcome, reviewed.reason)
    counted = [d for d, _, dismissal in marked if not dismissal]
    outcome, reason = grade(counted, outcome_limits(conn, table.project.year))
    return LiveReview(marked, outcome.value, reason)


def is_active(finding: FindingRow) -> bool:
    """A finding counts unless a reviewer dismissed it."""
    return not finding.dismissed


def active(findings: Iterable[FindingRow]) -> list[FindingRow]:
    """The findings that count, in their order."""
    return [f for f in findings if is_active(f)]


def active_errors(findings: Iterable[FindingRow]) -> list[FindingRow]:
    """The 错误 findings that count: each needs a fix or an explanation before submitting."""
    return [f for f in active(findings) if f.severity == Severity.ERROR.value]


def outcome_limits(conn: Connection, year: int | None) -> reviewing.OutcomeThresholds:
    """The outcome thresholds of ``year``'s rule profile (the default profile's without one)."""
    settings = profile_settings(conn, year) if year is not None else None
    profile = (
        reviewing.DEFAULT_PROFILE if settings is None or year is None else review_profile(settings, year)
    )
    return profile.outcome


def settle(conn: Connection, table_ids: Sequence[int] | None = None) -> int:
    """Mark the dismissed findings of ``table_ids`` (None: every table) and store each table's counts,
    risk and outcome from its active findings; returns how many tables had dismissals."""
    settled = review_notes.tables_with_dismissals(conn, table_ids)
    for table_id in settled:
        row = listing.get_table_row(conn, table_id)
        if row is None:
            continue
        # the stored findings are the current version's: a dismissal made on an adjustment under way
        # does not change them (nor the public's counts) until the adjustment is published
        placed = placed_findings(conn, table_id, version=row.current_version)
        counted = [Diagnostic(f.code, Severity(f.severity), f.message) for f in active(placed)]
        outcome, reason = grade(counted, outcome_limits(conn, row.year))
        summary = summarise(counted, row.budget, outcome.value)
        fields = {
            "outcome": summary.outcome,
            "outcome_reason": reason,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
            "risk": summary.risk,
        }
        review_notes.settle_findings(conn, table_id, [f.id for f in placed if not is_active(f)], fields)
    return len(settled)


__all__ = [
    "active",
    "active_errors",
    "finding_rows",
    "is_active",
    "live_review",
    "outcome_limits",
    "placed_findings",
    "settle",
    "working_findings",
]
