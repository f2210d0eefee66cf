"""Scoring and monitoring results as plain dicts (JSON for `--json`, the web API and storage).

Numbers are decimal strings, never floats, as in the open data contract (product.md §6).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.model import Diagnostic
from jixiao.scoring.monitoring import MonitoringResult, Progress
from jixiao.scoring.numbers import plain
from jixiao.scoring.records import EvaluationResult, Score

RESULT_FORMAT = "jixiao.selfeval-result/1"
MONITORING_FORMAT = "jixiao.monitoring-result/1"


def _number(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _money(value: Decimal) -> str:
    return format(value, "f")


def score_to_dict(score: Score) -> dict[str, Any]:
    return {
        "weight": plain(score.weight),
        "score": _money(score.value),
        "method": score.method,
        "flags": list(score.flags),
        "explanation": score.explanation,
    }


def diagnostic_to_dict(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "where": str(d.source),
        "indicator": d.indicator,
        "basis": d.basis,
    }


def result_to_dict(result: EvaluationResult, project: str = "") -> dict[str, Any]:
    return {
        "format": RESULT_FORMAT,
        "project": project,
        "profile": result.profile,
        "budget": score_to_dict(result.budget),
        "indicators": [
            {
                "level1": s.line.level1,
                "level2": s.line.level2,
                "name": s.line.name,
                "target": s.line.target.raw,
                "actual": s.line.actual,
                "reason": s.line.reason,
                **score_to_dict(s.score),
            }
            for s in result.lines
        ],
        "indicators_score": _money(result.indicators_score),
        "total": _money(result.total),
        "grade": result.grade,
        "explanation": result.explanation,
        "diagnostics": [diagnostic_to_dict(d) for d in result.diagnostics],
    }


def _progress(p: Progress) -> dict[str, Any]:
    return {
        "ratio": _number(None if p.ratio is None else p.ratio.quantize(Decimal("0.0001"))),
        "index": _number(None if p.index is None else p.index.quantize(Decimal("0.01"))),
        "light": p.light.value,
        "explanation": p.explanation,
    }


def monitoring_to_dict(result: MonitoringResult, project: str = "") -> dict[str, Any]:
    return {
        "format": MONITORING_FORMAT,
        "project": project,
        "profile": result.profile,
        "months": result.months,
        "light": result.light.value,
        "funds": _progress(result.funds),
        "indicators": [
            {
                "name": lp.line.name,
                "target": lp.line.target.raw,
                "current": lp.line.current,
                "likelihood": lp.line.likelihood.value,
                **_progress(lp.progress),
            }
            for lp in result.lines
        ],
        "diagnostics": [diagnostic_to_dict(d) for d in result.diagnostics],
    }
