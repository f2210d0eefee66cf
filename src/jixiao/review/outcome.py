"""The review outcome 优/良/中/差 (财预〔2015〕88号, rules.md §4), computed from the findings.

The grade counts distinct rules with findings of each severity (a mistake repeated on five rows is
one thing to fix), compares them with the profile's thresholds, and says why in one sentence, with
the consequence the rules attach to the grade.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from jixiao.model import Diagnostic, Severity
from jixiao.review.profiles import OutcomeThresholds


class Outcome(StrEnum):
    """The grade of a 自评 score: 优, 良, 中, 差."""

    EXCELLENT = "优"
    GOOD = "良"
    FAIR = "中"
    POOR = "差"

    @property
    def consequence(self) -> str:
        """What the grade means for the project's budget (可直接进入预算安排 … 不得进入预算安排)."""
        return _CONSEQUENCES[self]


_CONSEQUENCES = {
    Outcome.EXCELLENT: "可直接进入预算安排",
    Outcome.GOOD: "与单位沟通作小幅修改后进入预算安排",
    Outcome.FAIR: "退回单位修改后重新报送审核",
    Outcome.POOR: "不得进入预算安排",
}


def _rules_with(findings: Sequence[Diagnostic], severity: Severity) -> list[str]:
    return sorted({f.code for f in findings if f.severity is severity})


def grade(findings: Sequence[Diagnostic], limits: OutcomeThresholds) -> tuple[Outcome, str]:
    """The outcome and its reason, e.g. ``中``, ``1条规则报错误（JX-G01）…：退回单位修改后重新报送审核``."""
    errors = _rules_with(findings, Severity.ERROR)
    warnings = _rules_with(findings, Severity.WARNING)
    if len(errors) >= limits.poor_min_error_rules:
        outcome = Outcome.POOR
    elif len(errors) >= limits.fair_min_error_rules or len(warnings) >= limits.fair_min_warning_rules:
        outcome = Outcome.FAIR
    elif len(warnings) >= limits.good_min_warning_rules:
        outcome = Outcome.GOOD
    else:
        outcome = Outcome.EXCELLENT
    parts = []
    if errors:
        parts.append(f"{len(errors)}条规则报错误（{'、'.join(errors)}）")
    if warnings:
        parts.append(f"{len(warnings)}条规则报警告（{'、'.join(warnings)}）")
    found = "，".join(parts) if parts else "没有错误和警告"
    return outcome, f"{found}：{outcome.value}，{outcome.consequence}"
