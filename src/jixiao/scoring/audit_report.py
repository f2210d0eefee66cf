"""An audited published 自评表 as plain data (JSON): what it printed, what the rules give, the findings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.evaluation.numbers import plain
from jixiao.evaluation.published import PublishedSelfEvaluation
from jixiao.evaluation.serialize import result_to_dict
from jixiao.model import Diagnostic, SourceRef
from jixiao.scoring.audit import AuditResult
from jixiao.scoring.audit_checks import BY_CODE

AUDIT_FORMAT = "jixiao-selfeval-audit/1"


def _figure(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _places(source: SourceRef, cells: tuple[tuple[str, SourceRef], ...]) -> list[str]:
    """Every place a printed row's figures stand (a workbook's cells, the lines of one-cell-per-line
    text), so a finding placed on one of its cells is shown on the row."""
    return sorted({str(source), *(str(ref) for _, ref in cells)})


def published_to_dict(p: PublishedSelfEvaluation) -> dict[str, Any]:
    """Every figure the table printed, as strings exactly as read (None where the cell was empty)."""
    return {
        "budget_weight": _figure(p.printed_budget_weight),
        "budget_score": _figure(p.budget_score),
        "fund_unit": p.fund_unit,
        "funds": [
            {
                "label": row.label,
                "total": row.is_total,
                "initial": _figure(row.initial),
                "budget": _figure(row.budget),
                "executed": _figure(row.executed),
                "weight": _figure(row.weight),
                "rate": _figure(row.rate),
                "score": _figure(row.score),
                "where": str(row.source),
                "places": _places(row.source, row.cells),
            }
            for row in p.funds
        ],
        "indicators": [
            {
                "level1": i.level1,
                "level2": i.level2,
                "name": i.name,
                "weight": _figure(i.weight),
                "target": i.target,
                "actual": i.actual,
                "score": _figure(i.score),
                "reason": i.reason,
                "where": str(i.source),
                "places": _places(i.source, i.cells),
            }
            for i in p.indicators
        ],
        "indicators_weight": _figure(p.indicators_weight),
        "group_weights": {level1: plain(w) for level1, w in p.group_weights},
        "group_scores": {level1: plain(score) for level1, score, _ in p.group_scores},
        "total": _figure(p.total),
        "total_where": str(p.where("total")) if p.total is not None else None,
        "grade": p.grade or None,
    }


def diagnostic_dict(d: Diagnostic) -> dict[str, Any]:
    """An audit finding as a JSON-ready dict, with its rule's kind."""
    rule = BY_CODE.get(d.code)
    return {
        "code": d.code,
        "kind": rule.kind if rule is not None else None,
        "severity": d.severity.value,
        "message": d.message,
        "where": str(d.source),
        "indicator": d.indicator,
        "basis": d.basis,
        "suggestion": d.suggestion,
    }


def audit_to_dict(audit: AuditResult, file: str = "") -> dict[str, Any]:
    """Per table: ``published``, the computed result fields (as `result_to_dict`), ``diagnostics``."""
    p = audit.published
    computed = result_to_dict(audit.result, p.project)
    computed.pop("diagnostics", None)
    difference = audit.difference
    return {
        **computed,
        "format": AUDIT_FORMAT,
        "file": file,
        "project": p.project,
        "department": p.department,
        "unit": p.unit,
        "year": p.year,
        "form": p.form,
        "choices": list(audit.choices),
        "published": published_to_dict(p),
        "difference": None if difference is None else plain(difference),
        "diagnostics": [diagnostic_dict(d) for d in audit.diagnostics],
    }
