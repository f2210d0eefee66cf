"""A table's stored findings as the pages and the workflow see them: each with its stable place and,
when a reviewer dismissed it, the dismissal (who, why, when); and the rule that a submission with
错误 findings needs a fix, a dismissal or a written explanation of each."""

from __future__ import annotations

from collections.abc import Mapping

from jixiao.formats.places import TABLE_LEVEL
from jixiao.queries import FindingRow
from jixiao.service.active_findings import active_errors, placed_findings
from jixiao.service.errors import Invalid

EXPLANATION_HEAD = "提交说明（对审核发现的错误）："

__all__ = ["EXPLANATION_HEAD", "open_errors", "placed_findings", "submission_text"]


def open_errors(findings: list[FindingRow]) -> list[FindingRow]:
    """The 错误 findings not dismissed (`jixiao.service.active_findings` decides): each needs a fix or
    an explanation before submitting."""
    return active_errors(findings)


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
