"""A table's stored findings as the pages and the workflow see them: each with its stable place and,
when a reviewer dismissed it, the dismissal (who, why, when); and the rule that a submission with
错误 findings needs a fix, a dismissal or a written explanation of each."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection

from jixiao.formats.places import TABLE_LEVEL, finding_place
from jixiao.model import Diagnostic
from jixiao.queries import FindingRow, TableRow
from jixiao.service.errors import Invalid
from jixiao.service.reading import review
from jixiao.store import listing, review_notes
from jixiao.store.document import table_from_dict

EXPLANATION_HEAD = "提交说明（对审核发现的错误）："


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


def placed_findings(conn: Connection, row: TableRow) -> list[FindingRow]:
    """The findings of the version ``row`` shows (a working row: during a 目标调整 the adjustment's
    for its owner and reviewers, reviewed now since they are not stored; else the stored findings
    of the current version), each with ``place`` and ``dismissed`` — the dismissal made on that
    version or an earlier one, never one made on a later adjustment — or None.

    The page lists these, and dismissing and submitting find a finding by its id among these, so an
    id always addresses the version its viewer sees."""
    document = listing.get_document(conn, row.id, row.current_version) or {}
    table = table_from_dict(document)
    if row.adjusting:
        found = finding_rows(row.id, review(table).findings)
    else:
        found = listing.get_findings(conn, row.id)
    dismissed: dict[tuple[str, str], dict[str, Any]] = {
        (d["code"], d["place"]): d for d in review_notes.dismissals(conn, row.id, row.current_version)
    }
    placed = []
    for f in found:
        place = finding_place(table, f.line, f.indicator)
        placed.append(replace(f, place=place, dismissed=dismissed.get((f.code, place))))
    return placed


def open_errors(findings: list[FindingRow]) -> list[FindingRow]:
    """The 错误 findings not dismissed: each needs a fix or an explanation before submitting."""
    return [f for f in findings if f.severity == "error" and not f.dismissed]


def submission_text(findings: list[FindingRow], explanations: Mapping[int, str], comment: str = "") -> str:
    """The submission's comment with one explained line per open 错误 finding; Invalid naming those
    still unexplained. The web form, the API and the command line all submit through this."""
    errors = open_errors(findings)
    missing = [f for f in errors if not explanations.get(f.id, "").strip()]
    if missing:
        names = "、".join(f"{f.code}（{f.place or TABLE_LEVEL}）" for f in missing[:5])
        raise Invalid(
            f"这张表有 {len(errors)} 条“错误”级审核发现。请先改正，或逐条写明不改的理由再提交；"
            f"尚未说明：{names}"
        )
    lines = [
        f"· {f.code} {f.place or TABLE_LEVEL}：{f.message} —— 说明：{explanations[f.id].strip()}"
        for f in errors
    ]
    head = [EXPLANATION_HEAD] if lines else []
    return "\n".join(part for part in (comment.strip(), *head, *lines) if part)
