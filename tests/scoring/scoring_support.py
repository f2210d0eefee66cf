"""Builders for scoring tests: targets written the way tables write them."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind, Op, Target
from jixiao.scoring import EvaluationLine, FundsBlock, SelfEvaluation

_OPS = {"≥": Op.GE, ">": Op.GT, "=": Op.EQ, "<": Op.LT, "≤": Op.LE}


def quantitative(op: str, value: str, unit: str | None = None) -> Target:
    """A quantitative annual target, e.g. quantitative("≥", "1200", "人次")."""
    return Target(
        raw=f"{op}{value}{unit or ''}", kind=Kind.QUANTITATIVE, op=_OPS[op], value=Decimal(value), unit=unit
    )


def qualitative(text: str) -> Target:
    return Target(raw=text, kind=Kind.QUALITATIVE)


def line(
    target: Target,
    weight: str,
    actual: str,
    *,
    level1: str = "产出指标",
    name: str = "指标",
    score: str | None = None,
    reason: str = "",
) -> EvaluationLine:
    return EvaluationLine(
        level1=level1,
        level2="数量指标",
        name=name,
        target=target,
        weight=Decimal(weight),
        actual=actual,
        score=None if score is None else Decimal(score),
        reason=reason,
    )


def evaluation(lines: list[EvaluationLine], budget: str = "100", executed: str = "100") -> SelfEvaluation:
    return SelfEvaluation(
        project="测试项目",
        funds=FundsBlock.simple(Decimal(budget), Decimal(executed)),
        lines=tuple(lines),
    )


def central_lines(actual_output: str = "1200", reason: str = "") -> list[EvaluationLine]:
    """A complete central-profile table: 产出 50 (two lines), 效益 30, 满意度 10."""
    return [
        line(quantitative("≥", "1200"), "30", actual_output, name="服务人次", reason=reason),
        line(quantitative("≤", "90", "万元"), "20", "90万元", level1="成本指标", name="成本控制"),
        line(qualitative("良好"), "30", "达成年度指标", level1="效益指标", name="社会效益", score="30"),
        line(quantitative("≥", "85", "%"), "10", "92%", level1="满意度指标", name="服务对象满意度"),
    ]
