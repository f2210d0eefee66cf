"""The records of a self-evaluation and its result: plain frozen fields, so storage can keep them as is.

Input: a `SelfEvaluation` (the funds block and one `EvaluationLine` per 年度 indicator, as the unit
filled them). Output: an `EvaluationResult` (each line's `Score` with its Chinese explanation, the
budget score, total, grade and the diagnostics of the checks).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.evaluation.funds import FundsBlock
from jixiao.model import NOWHERE, Diagnostic, Severity, SourceRef, Target


@dataclass(frozen=True, slots=True)
class Score:
    """A score with the weight it is out of, how it was reached and why, in words.

    ``method`` names the formula (``positive``, ``reverse-ratio``, ``reverse-vendor``, ``equal``,
    ``zero-target``, ``qualitative``, ``deadline``, ``budget``, ``not-computable``, ``kept``); ``flags`` are
    facts the checks turn into diagnostics (``over-completion``, ``negative-actual``, …).
    """

    value: Decimal
    weight: Decimal
    explanation: str
    method: str
    flags: tuple[str, ...] = ()

    @property
    def is_full(self) -> bool:
        """True when the score reaches the full weight."""
        return self.value >= self.weight


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A reviewer's reduction of a score (e.g. a target set far too low), never without a reason."""

    reduction: Decimal
    reason: str
    by: str = ""


class IndicatorRow:
    """What an indicator row of a 自评表 knows about its place, shared by the entered
    (`EvaluationLine`) and the published (`PublishedIndicator`) rows."""

    __slots__ = ()
    level1: str
    level2: str
    name: str
    source: SourceRef
    cells: tuple[tuple[str, SourceRef], ...]

    def where(self, field_name: str) -> SourceRef:
        """Where a field of this row was written, else the row's own place."""
        for name, ref in self.cells:
            if name == field_name:
                return ref
        return self.source

    @property
    def label(self) -> str:
        """The indicator's 三级 name, else its 二级 or 一级."""
        return self.name or self.level2 or self.level1


@dataclass(frozen=True, slots=True)
class EvaluationLine(IndicatorRow):
    """One indicator row of the 自评表: the 年度 target and what the unit entered for it.

    ``score`` is the 得分 the unit typed (required for qualitative indicators, compared with the
    formula for quantitative ones). ``cells`` maps a field name (``actual``, ``weight``, ``score``,
    ``reason``) to the place it was read from, so a finding can name the cell. ``kept_because``:
    why the entered score stands as it is (audits of published tables only).
    """

    level1: str
    level2: str
    name: str
    target: Target
    weight: Decimal | None = None
    actual: str = ""
    score: Decimal | None = None
    reason: str = ""
    not_applicable: bool = False
    adjustment: Adjustment | None = None
    source: SourceRef = NOWHERE
    cells: tuple[tuple[str, SourceRef], ...] = ()
    # Why the rules cannot score this row from its target and actual (a 项目决策 row, an actual that
    # copies the target's text): the entered score is kept, and the explanation says why.
    kept_because: str = ""


@dataclass(frozen=True, slots=True)
class SelfEvaluation:
    """A year-end 单位自评 of one project, as entered (or uploaded)."""

    project: str
    funds: FundsBlock
    lines: tuple[EvaluationLine, ...]
    year: int | None = None
    department: str = ""
    unit: str = ""
    goal_expected: str = ""
    goal_actual: str = ""
    table_key: str = ""
    source: SourceRef = NOWHERE


@dataclass(frozen=True, slots=True)
class ScoredLine:
    """One 自评 line with its score."""

    line: EvaluationLine
    score: Score


@dataclass(frozen=True, slots=True)
class EvaluationResult:
    """The scored 自评表: budget score, each line's score, the total, the grade and the findings."""

    profile: str
    budget: Score
    lines: tuple[ScoredLine, ...]
    indicators_score: Decimal
    total: Decimal
    grade: str
    diagnostics: tuple[Diagnostic, ...]
    explanation: str = ""

    @property
    def has_errors(self) -> bool:
        """True if any finding is an error."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def codes(self) -> list[str]:
        """The rule codes of the findings, in order."""
        return [d.code for d in self.diagnostics]
