"""Scoring and monitoring results as plain dicts (JSON for `--json`, the web API and storage).

Numbers are decimal strings, never floats, as in the open data contract (product.md §6).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.evaluation.funds import FundsBlock, FundsRow
from jixiao.evaluation.monitoring import (
    Likelihood,
    MonitoringLine,
    MonitoringResult,
    MonitoringSnapshot,
    Progress,
)
from jixiao.evaluation.numbers import plain
from jixiao.evaluation.records import Adjustment, EvaluationLine, EvaluationResult, Score, SelfEvaluation
from jixiao.formats.table_json import target_to_dict
from jixiao.formats.table_json_read import target_from_dict
from jixiao.model import Diagnostic, SourceRef

RESULT_FORMAT = "jixiao.selfeval-result/1"
MONITORING_FORMAT = "jixiao.monitoring-result/1"


def _number(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _money(value: Decimal) -> str:
    return format(value, "f")


def score_to_dict(score: Score) -> dict[str, Any]:
    """A score as a JSON-ready dict: weight, score, method, flags, explanation."""
    return {
        "weight": plain(score.weight),
        "score": _money(score.value),
        "method": score.method,
        "flags": list(score.flags),
        "explanation": score.explanation,
    }


def diagnostic_to_dict(d: Diagnostic) -> dict[str, Any]:
    """A finding as a JSON-ready dict."""
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "where": str(d.source),
        "indicator": d.indicator,
        "basis": d.basis,
    }


def result_to_dict(result: EvaluationResult, project: str = "") -> dict[str, Any]:
    """A scored 自评表 as its JSON document: budget, each indicator's score, total, grade, findings."""
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
    """A scored monitoring report as its JSON document: light, funds and indicator progress, findings."""
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


# -- inputs, both ways: what storage keeps and the web form posts ------------------------------------

EVALUATION_FORMAT = "jixiao.selfeval/1"
SNAPSHOT_FORMAT = "jixiao.monitoring/1"


def _decimal(text: Any) -> Decimal | None:
    return None if text is None or text == "" else Decimal(str(text))


def _source(ref: SourceRef) -> dict[str, Any]:
    return {
        k: v
        for k, v in (("file", ref.file), ("line", ref.line), ("sheet", ref.sheet), ("cell", ref.cell))
        if v
    }


def _source_from(data: dict[str, Any] | None) -> SourceRef:
    data = data or {}
    return SourceRef(data.get("file"), data.get("line"), data.get("sheet"), data.get("cell"))


def evaluation_to_dict(evaluation: SelfEvaluation) -> dict[str, Any]:
    """A self-evaluation as plain JSON data (decimal strings); `evaluation_from_dict` reads it back."""
    funds = evaluation.funds

    def row(r: FundsRow) -> dict[str, Any]:
        return {
            "label": r.label,
            "initial": str(r.initial),
            "budget": str(r.budget),
            "executed": str(r.executed),
            "source": _source(r.source),
        }

    return {
        "format": EVALUATION_FORMAT,
        "project": evaluation.project,
        "year": evaluation.year,
        "department": evaluation.department,
        "unit": evaluation.unit,
        "goal_expected": evaluation.goal_expected,
        "goal_actual": evaluation.goal_actual,
        "table_key": evaluation.table_key,
        "funds": {
            "unit": funds.unit,
            "rows": [row(r) for r in funds.rows],
            "entered_total": row(funds.entered_total) if funds.entered_total else None,
            "entered_rate": _number(funds.entered_rate),
            "entered_score": _number(funds.entered_score),
            "reason": funds.reason,
            "cells": [[name, _source(ref)] for name, ref in funds.cells],
        },
        "lines": [
            {
                "level1": line.level1,
                "level2": line.level2,
                "name": line.name,
                "target": target_to_dict(line.target),
                "weight": None if line.weight is None else str(line.weight),
                "actual": line.actual,
                "score": None if line.score is None else str(line.score),
                "reason": line.reason,
                "not_applicable": line.not_applicable,
                "adjustment": None
                if line.adjustment is None
                else {
                    "reduction": str(line.adjustment.reduction),
                    "reason": line.adjustment.reason,
                    "by": line.adjustment.by,
                },
                "source": _source(line.source),
                "cells": [[name, _source(ref)] for name, ref in line.cells],
            }
            for line in evaluation.lines
        ],
        "source": _source(evaluation.source),
    }


def evaluation_from_dict(data: dict[str, Any]) -> SelfEvaluation:
    """Read `evaluation_to_dict` output back; raises ValueError with a Chinese message on bad data."""
    if data.get("format") != EVALUATION_FORMAT:
        raise ValueError(f"不是 {EVALUATION_FORMAT} 格式（format = {data.get('format')!r}）")
    try:
        f = data["funds"]

        def row(r: dict[str, Any]) -> FundsRow:
            zero = Decimal(0)
            return FundsRow(
                r["label"],
                _decimal(r.get("initial")) or zero,
                _decimal(r.get("budget")) or zero,
                _decimal(r.get("executed")) or zero,
                _source_from(r.get("source")),
            )

        funds = FundsBlock(
            rows=tuple(row(r) for r in f["rows"]),
            unit=f.get("unit", "万元"),
            entered_total=row(f["entered_total"]) if f.get("entered_total") else None,
            entered_rate=_decimal(f.get("entered_rate")),
            entered_score=_decimal(f.get("entered_score")),
            reason=f.get("reason", ""),
            cells=tuple((name, _source_from(ref)) for name, ref in f.get("cells", [])),
        )
        lines = tuple(
            EvaluationLine(
                level1=x["level1"],
                level2=x["level2"],
                name=x["name"],
                target=target_from_dict(x["target"]),
                weight=_decimal(x.get("weight")),
                actual=x.get("actual", ""),
                score=_decimal(x.get("score")),
                reason=x.get("reason", ""),
                not_applicable=bool(x.get("not_applicable", False)),
                adjustment=None
                if not x.get("adjustment")
                else Adjustment(
                    Decimal(x["adjustment"]["reduction"]),
                    x["adjustment"].get("reason", ""),
                    x["adjustment"].get("by", ""),
                ),
                source=_source_from(x.get("source")),
                cells=tuple((name, _source_from(ref)) for name, ref in x.get("cells", [])),
            )
            for x in data["lines"]
        )
    except (KeyError, TypeError, ArithmeticError) as exc:
        raise ValueError(f"自评数据不完整或有误：{exc.__class__.__name__} {exc}") from exc
    return SelfEvaluation(
        project=data.get("project", ""),
        funds=funds,
        lines=lines,
        year=data.get("year"),
        department=data.get("department", ""),
        unit=data.get("unit", ""),
        goal_expected=data.get("goal_expected", ""),
        goal_actual=data.get("goal_actual", ""),
        table_key=data.get("table_key", ""),
        source=_source_from(data.get("source")),
    )


def snapshot_to_dict(snapshot: MonitoringSnapshot) -> dict[str, Any]:
    """A monitoring snapshot as its JSON document (amounts as text), for storing."""
    return {
        "format": SNAPSHOT_FORMAT,
        "project": snapshot.project,
        "year": snapshot.year,
        "months": snapshot.months,
        "unit": snapshot.unit,
        "annual_budget": str(snapshot.annual_budget),
        "executed": str(snapshot.executed),
        "initial_budget": _number(snapshot.initial_budget),
        "expected_executed": _number(snapshot.expected_executed),
        "department": snapshot.department,
        "agency": snapshot.agency,
        "table_key": snapshot.table_key,
        "lines": [
            {
                "level1": x.level1,
                "level2": x.level2,
                "name": x.name,
                "target": target_to_dict(x.target),
                "current": x.current,
                "expected": x.expected,
                "likelihood": x.likelihood.value,
                "reason": x.reason,
                "measures": x.measures,
                "cumulative": x.cumulative,
            }
            for x in snapshot.lines
        ],
    }


def snapshot_from_dict(data: dict[str, Any]) -> MonitoringSnapshot:
    """A monitoring snapshot from its stored JSON document; ValueError when it is not one."""
    if data.get("format") != SNAPSHOT_FORMAT:
        raise ValueError(f"不是 {SNAPSHOT_FORMAT} 格式（format = {data.get('format')!r}）")
    try:
        lines = tuple(
            MonitoringLine(
                x["level1"],
                x["level2"],
                x["name"],
                target_from_dict(x["target"]),
                x.get("current", ""),
                x.get("expected", ""),
                Likelihood(x.get("likelihood", Likelihood.CERTAIN.value)),
                x.get("reason", ""),
                x.get("measures", ""),
                x.get("cumulative"),
            )
            for x in data["lines"]
        )
        return MonitoringSnapshot(
            project=data.get("project", ""),
            months=int(data["months"]),
            annual_budget=Decimal(data["annual_budget"]),
            executed=Decimal(data["executed"]),
            lines=lines,
            initial_budget=_decimal(data.get("initial_budget")),
            expected_executed=_decimal(data.get("expected_executed")),
            unit=data.get("unit", "万元"),
            year=data.get("year"),
            department=data.get("department", ""),
            agency=data.get("agency", ""),
            table_key=data.get("table_key", ""),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise ValueError(f"监控数据不完整或有误：{exc.__class__.__name__} {exc}") from exc
