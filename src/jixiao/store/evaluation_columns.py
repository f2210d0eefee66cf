"""The columns of stored monitoring and self-evaluations that the scoring core computes: written when a
unit saves, and written again (nothing else touched) when the year's rule profile changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from jixiao.evaluation.monitoring import MonitoringResult
from jixiao.evaluation.records import EvaluationResult, SelfEvaluation
from jixiao.model import Diagnostic

HUNDRED = Decimal(100)


def to_cents(points: Decimal | None) -> int | None:
    """Points as whole hundredths, as stored (None stays None)."""
    return None if points is None else int((points * HUNDRED).to_integral_value())


def from_cents(cents: int | None) -> Decimal | None:
    """Stored hundredths back to points with two decimals (None stays None)."""
    return None if cents is None else (Decimal(cents) / HUNDRED).quantize(Decimal("0.01"))


def _count(diagnostics: Sequence[Diagnostic], severity: str) -> int:
    return sum(1 for d in diagnostics if d.severity.value == severity)


def monitoring_columns(result: MonitoringResult) -> dict[str, Any]:
    """A monitoring snapshot's computed columns: its lights, funds index and error count."""
    index = result.funds.index
    return {
        "light": result.light.value,
        "funds_light": result.funds.light.value,
        "funds_index_cents": None if index is None else int((index * HUNDRED).to_integral_value()),
        "errors": _count(result.diagnostics, "error"),
    }


def monitoring_line_lights(result: MonitoringResult) -> list[dict[str, Any]]:
    """Each monitoring line's computed light, by position."""
    return [{"position": p, "light": lp.progress.light.value} for p, lp in enumerate(result.lines)]


def evaluation_columns(result: EvaluationResult) -> dict[str, Any]:
    """A self-evaluation's computed columns: profile, scores, total, grade, counts and explanation."""
    return {
        "profile": result.profile,
        "budget_score_cents": to_cents(result.budget.value),
        "indicators_score_cents": to_cents(result.indicators_score),
        "total_cents": to_cents(result.total),
        "grade": result.grade,
        "errors": _count(result.diagnostics, "error"),
        "warnings": _count(result.diagnostics, "warning"),
        "explanation": result.explanation,
    }


def evaluation_line_scores(evaluation: SelfEvaluation, result: EvaluationResult) -> list[dict[str, Any]]:
    """Each entered line's computed score, method and explanation, by position (不适用 lines score 0)."""
    scores = {id(s.line): s.score for s in result.lines}
    rows = []
    for position, line in enumerate(evaluation.lines):
        score = scores.get(id(line))
        rows.append(
            {
                "position": position,
                "score_cents": to_cents(score.value) if score else 0,
                "method": score.method if score else "not-applicable",
                "explanation": score.explanation if score else "不适用，不计分",
            }
        )
    return rows
