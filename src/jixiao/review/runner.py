"""Run the rules over a table or a batch; turn what they found into `Diagnostic`s; grade the table.

Findings come out in source order (line, then the rule's place in the catalogue), so two runs give
the same list. A rule that raises does not stop the run: it becomes a finding of its own
(``JX-Z01``, error) that names the rule and the exception.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.review.common import Hit
from jixiao.review.outcome import Outcome, grade
from jixiao.review.profiles import DEFAULT_PROFILE, Profile
from jixiao.review.registry import RULES, Rule, TableCheck

RULE_CRASHED = "JX-Z01"
_ORDER = {rule.id: index for index, rule in enumerate(RULES)}


@dataclass(frozen=True, slots=True)
class TableReview:
    """One table's review: its findings in source order and the outcome with its reason."""

    table: Table
    findings: tuple[Diagnostic, ...]
    outcome: Outcome
    reason: str

    def count(self, severity: Severity) -> int:
        """How many findings of this table have that severity."""
        return sum(1 for f in self.findings if f.severity is severity)


def _source(hit: Hit, table: Table) -> SourceRef:
    """The hit's place: a row's own source, or a line of the table (on the table's sheet or page)."""
    if isinstance(hit.where, SourceRef):
        return (
            hit.where if hit.where.file == table.source.file else replace(hit.where, file=table.source.file)
        )
    if hit.where is None:
        return table.source
    cell = f"A{hit.where}" if table.source.sheet is not None else None
    return replace(table.source, line=hit.where, cell=cell)


def _finding(rule: Rule, hit: Hit, table: Table, profile: Profile) -> Diagnostic:
    return Diagnostic(
        code=rule.id,
        severity=profile.severity_of(rule.id, rule.severity),
        message=hit.message,
        source=_source(hit, table),
        indicator=hit.indicator,
        basis=rule.basis,
        suggestion=hit.suggestion or rule.suggestion,
    )


def _crash(rule: Rule, exc: Exception, table: Table) -> Diagnostic:
    return Diagnostic(
        code=RULE_CRASHED,
        severity=Severity.ERROR,
        message=f"审核规则{rule.id}（{rule.title}）执行出错：{type(exc).__name__}: {exc}",
        source=table.source,
        basis="实践做法：规则出错不应中断审核",
        suggestion="请把这张表和这条消息报告给 jixiao 的维护者；其余规则的结果仍然有效。",
    )


def _sort_key(d: Diagnostic) -> tuple[int, int, int]:
    """Source order: page (PDF), then line (or row), then the rule's place in the catalogue."""
    return (d.source.page or 0, d.source.line or 0, _ORDER.get(d.code, len(_ORDER)))


def _active(profile: Profile, rules: Iterable[Rule]) -> list[tuple[Rule, TableCheck]]:
    return [(r, r.check) for r in rules if r.check is not None and profile.enabled(r.id)]


def _table_findings(
    table: Table, profile: Profile, active: list[tuple[Rule, TableCheck]]
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for rule, check in active:
        try:
            for hit in check(table, profile):
                out.append(_finding(rule, hit, table, profile))
        except Exception as exc:  # a broken rule must not stop the review
            out.append(_crash(rule, exc, table))
    return out


def _finish(table: Table, findings: list[Diagnostic], profile: Profile) -> TableReview:
    findings.sort(key=_sort_key)
    outcome, reason = grade(findings, profile.outcome)
    return TableReview(table, tuple(findings), outcome, reason)


def review_table(
    table: Table, profile: Profile = DEFAULT_PROFILE, rules: Sequence[Rule] = RULES
) -> TableReview:
    """Review one table with the table rules of the profile."""
    return _finish(table, _table_findings(table, profile, _active(profile, rules)), profile)


def review_batch(
    tables: Sequence[Table], profile: Profile = DEFAULT_PROFILE, rules: Sequence[Rule] = RULES
) -> list[TableReview]:
    """Review tables read together: each table's rules, then the rules that compare tables."""
    active = _active(profile, rules)
    per_table = [_table_findings(t, profile, active) for t in tables]
    for rule in rules:
        if rule.batch_check is None or not profile.enabled(rule.id):
            continue
        try:
            for index, hit in rule.batch_check(tables, profile):
                per_table[index].append(_finding(rule, hit, tables[index], profile))
        except Exception as exc:  # a broken rule must not stop the review
            for index, table in enumerate(tables):
                per_table[index].append(_crash(rule, exc, table))
    return [_finish(t, f, profile) for t, f in zip(tables, per_table, strict=True)]
