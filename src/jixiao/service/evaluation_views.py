"""The records the monitoring and self-evaluation pages show, and who may do what with them.

The views are the pages' data and, through `jixiao.service.evaluation_files`, their JSON twins.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.evaluation.funds import FundsRow
from jixiao.evaluation.monitoring import Likelihood, MonitoringResult, MonitoringSnapshot
from jixiao.evaluation.numbers import plain
from jixiao.evaluation.profiles import Profile
from jixiao.evaluation.records import EvaluationResult, SelfEvaluation
from jixiao.model import Diagnostic, Table
from jixiao.permissions import Access
from jixiao.queries import TableRow
from jixiao.scoring import checks
from jixiao.service.errors import InputProblem

# Scoring findings that make an entry unusable, like a bad cell: the points do not add up to the
# profile's totals, a quantitative actual is not a number (rules.md §11.21). Negative amounts and
# execution above budget are refused earlier, by the input readers. A zero budget only flags (§10).
# Looked up by function so a renamed code stays blocking.
_BLOCKING_CHECKS = (checks.weights_per_level, checks.non_numeric_actual)
BLOCKING_CODES = frozenset(c.code for c in checks.REGISTRY if c.run in _BLOCKING_CHECKS)

# What the pages offer to choose from: the profiles (标准) and the monitoring likelihoods.
LIKELIHOODS = tuple(item.value for item in Likelihood)


@dataclass
class EntryContext:
    """A stored table being entered or viewed: its row, current version, year, and who may do what."""

    row: TableRow
    table: Table
    year: int
    access: Access
    scoring: Profile | None = None  # the year's scoring profile set by an administrator, if any
    settings: Mapping[str, Any] | None = None  # the year's stored rule profile (monitoring's part too)


@dataclass
class MonitoringView:
    """The 监控 page and its JSON twin: the payload as entered, the lights, the stored periods."""

    table_id: int
    row: TableRow
    table: Table
    access: Access
    profile: Profile
    payload: dict[str, Any]
    snapshot: MonitoringSnapshot
    result: MonitoringResult
    problems: tuple[InputProblem, ...] = ()
    stored: bool = False
    periods: list[dict[str, Any]] = field(default_factory=list)
    updated_by: str | None = None
    totals: dict[str, str] = field(default_factory=dict)  # 合计 of the funds rows, in 万元


@dataclass
class EvaluationView:
    """The 自评 page and its JSON twin: the payload as entered, the scored result, adjustments."""

    table_id: int
    row: TableRow
    table: Table
    access: Access
    profile: Profile
    payload: dict[str, Any]
    evaluation: SelfEvaluation
    result: EvaluationResult
    problems: tuple[InputProblem, ...] = ()
    stored: bool = False
    updated_by: str | None = None

    @property
    def totals(self) -> dict[str, str]:
        """The funds block's totals as text, for the page."""
        return funds_totals(self.evaluation.funds.rows)

    @property
    def blocking(self) -> list[Diagnostic]:
        """The findings that block submitting the 自评表."""
        return [d for d in self.result.diagnostics if d.code in BLOCKING_CODES]


def funds_payload(
    rows: Sequence[FundsRow], executed: Sequence[FundsRow] | None = None
) -> list[dict[str, str]]:
    """The fund rows as form fields (年初预算数, 全年预算数, 执行数); executed figures from ``executed``."""
    spent = {row.label: row.executed for row in (executed if executed is not None else rows)}
    return [
        {
            "label": row.label,
            "initial": plain(row.initial),
            "budget": plain(row.budget),
            "executed": plain(spent.get(row.label, Decimal(0))),
        }
        for row in rows
    ]


def funds_totals(rows: Sequence[FundsRow]) -> dict[str, str]:
    """合计 of each column, always the sum of the rows (rules.md §11.25)."""
    return {
        key: plain(sum((getattr(row, key) for row in rows), Decimal(0)))
        for key in ("initial", "budget", "executed")
    }


def match_items(table: Table, items: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Stored items for the table's current 年度 indicators: same position and name, else same name."""
    by_name = {str(item.get("name", "")): item for item in items}
    matched: list[dict[str, Any]] = []
    for index, indicator in enumerate(table.annual_indicators):
        item = items[index] if index < len(items) and items[index].get("name") == indicator.name else None
        matched.append(dict(item or by_name.get(indicator.name) or {"name": indicator.name}))
    return matched
