"""A table's stored findings as the pages and the workflow see them: each with its stable place and,
when a reviewer dismissed it, the dismissal (who, why, when); and the rule that a submission with
错误 findings needs a fix, a dismissal or a written explanation of each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection

from jixiao.formats.places import TABLE_LEVEL, finding_place
from jixiao.queries import FindingRow
from jixiao.service.errors import Invalid
from jixiao.store import listing, review_notes
from jixiao.store.document import table_from_dict

EXPLANATION_HEAD = "提交说明（对审核发现的错误）："


def placed_findings(conn: Connection, table_id: int) -> list[FindingRow]:
    """The findings of the current version with ``place`` and ``dismissed`` (the dismissal or None)."""
    table = table_from_dict(listing.get_document(conn, table_id) or {})
    dismissed: dict[tuple[str, str], dict[str, Any]] = {
        (d["code"], d["place"]): d for d in review_notes.dismissals(conn, table_id)
    }
    placed = []
    for f in listing.get_findings(conn, table_id):
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
