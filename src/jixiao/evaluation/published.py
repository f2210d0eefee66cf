"""A published 项目支出绩效自评表 as printed: every figure the publisher typed, with the place it stands.

Units publish their year-end self-evaluations with the final accounts; nobody checks them. These
records hold what such a table *printed* (budget score and weight, the fund rows, each indicator's
weight, target, actual and score, the total and the grade) so that the scoring core
(`jixiao.scoring.audit`) can score the table again by the rules and list where the printed
figures do not add up. Nothing here is recomputed: a figure the table left empty is None, a
figure it typed wrong stays wrong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from jixiao.evaluation.records import IndicatorRow
from jixiao.model import NOWHERE, SourceRef

# The layouts a published table can have (rules.md §6.7, §6.8); each implies a scoring profile.
FORM_CENTRAL = "central"  # 财预〔2020〕10号 附件1: 年度资金总额/当年财政拨款…, 年度指标值, 分值, 得分
FORM_SICHUAN = "sichuan"  # 510000_0013zp: 预算执行情况(10分), 指标性质/指标值/度量单位, 权重
FORM_HUBEI = "hubei"  # 预算执行情况(20分), 年初目标值(A)/实际完成值(B), 年度绩效目标(80分)
FORM_ANHUI = "anhui"  # 指标1：/指标2： rows under each 二级指标
FORM_UNNAMED = "unnamed"  # 全年实际值/年度指标值, 不适用 re-scaled (rules.md §6.8 T7)

FORMS = (FORM_CENTRAL, FORM_SICHUAN, FORM_HUBEI, FORM_ANHUI, FORM_UNNAMED)


@dataclass(frozen=True, slots=True)
class PublishedFundRow:
    """One row of the printed funds block: 年度资金总额 (``is_total``) or one source of money."""

    label: str
    is_total: bool = False
    initial: Decimal | None = None
    budget: Decimal | None = None
    executed: Decimal | None = None
    weight: Decimal | None = None
    rate: Decimal | None = None  # in %, as printed
    score: Decimal | None = None
    reason: str = ""
    source: SourceRef = NOWHERE
    cells: tuple[tuple[str, SourceRef], ...] = ()
    unsure: str = ""  # why its figures' columns are not certain (text that lost them); "" when they are

    def where(self, field_name: str) -> SourceRef:
        """Where a field of this fund row was printed, else the row's own place."""
        for name, ref in self.cells:
            if name == field_name:
                return ref
        return self.source

    @property
    def is_empty(self) -> bool:
        """True when the row prints no 年初预算数, 全年预算数 or 全年执行数."""
        return all(v is None for v in (self.initial, self.budget, self.executed))


@dataclass(frozen=True, slots=True)
class PublishedIndicator(IndicatorRow):
    """One printed indicator row.

    ``weight`` is the row's 分值/权重 in points; ``share`` a 权重占比 (%) printed beside it;
    ``single`` a 单项得分 printed before the weighted score; ``score`` the score that counts
    toward the total (折算得分 where the table has three score-like columns).
    """

    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: Decimal | None = None
    score: Decimal | None = None
    share: Decimal | None = None
    single: Decimal | None = None
    reason: str = ""
    not_applicable: bool = False
    source: SourceRef = NOWHERE
    cells: tuple[tuple[str, SourceRef], ...] = ()
    unsure: str = ""  # why its cells' columns are not certain (text that lost them); "" when they are


@dataclass(frozen=True, slots=True)
class PublishedSelfEvaluation:
    """A published 自评表 as printed, and the form it was read in.

    ``group_weights`` are weights printed in 一级 labels (``产出指标(50分)``); ``stated_weights``
    those a note under the table states (``产出指标50分、效益指标30分``); ``group_scores`` one
    score printed for a whole group; ``indicators_weight`` the block's printed weight
    (``绩效指标(90分)``, ``年度绩效目标(80分)``). ``conclusions`` holds the free-text fields
    (评价结论, 存在问题, 改进措施…) so an unfilled template can be recognised. ``ambiguous_rows``
    are the indicator rows whose cells fit two placements under the header equally (text that may
    have dropped a row's first, empty cell): read in the header's own columns, and said.
    """

    project: str
    form: str
    funds: tuple[PublishedFundRow, ...]
    indicators: tuple[PublishedIndicator, ...]
    department: str = ""
    unit: str = ""
    year: int | None = None
    fund_unit: str = "万元"
    budget_weight: Decimal | None = None
    indicators_weight: Decimal | None = None
    group_weights: tuple[tuple[str, Decimal], ...] = ()
    # One score printed for a whole 一级 group (Hubei: a merged 得分 cell), and where it stands.
    group_scores: tuple[tuple[str, Decimal, SourceRef], ...] = ()
    stated_weights: tuple[tuple[str, Decimal], ...] = ()
    total: Decimal | None = None
    grade: str = ""
    conclusions: tuple[tuple[str, str, SourceRef], ...] = ()
    form_evidence: str = ""
    ambiguous_rows: tuple[SourceRef, ...] = ()
    source: SourceRef = NOWHERE
    cells: tuple[tuple[str, SourceRef], ...] = ()

    def where(self, field_name: str) -> SourceRef:
        """The place a figure was read; the last reading wins (总分 in a header, then the footer's)."""
        for name, ref in reversed(self.cells):
            if name == field_name:
                return ref
        return self.source

    @property
    def total_row(self) -> PublishedFundRow | None:
        """The printed 年度资金总额 row, or None."""
        return next((row for row in self.funds if row.is_total), None)

    @property
    def fund_rows(self) -> tuple[PublishedFundRow, ...]:
        """The fund rows other than the total."""
        return tuple(row for row in self.funds if not row.is_total)

    @property
    def budget_score(self) -> Decimal | None:
        """The printed 预算执行 score: the total row's, else the only row that has one."""
        total = self.total_row
        if total is not None and total.score is not None:
            return total.score
        scored = [row.score for row in self.funds if row.score is not None]
        return scored[0] if len(scored) == 1 else None

    @property
    def printed_budget_weight(self) -> Decimal | None:
        """The printed 预算执行 weight: the total row's, else the first row's, else the table's."""
        total = self.total_row
        if total is not None and total.weight is not None:
            return total.weight
        weights = [row.weight for row in self.funds if row.weight is not None]
        return weights[0] if weights else self.budget_weight


_LINK_NOISE = re.compile(r"[\s\"'“”‘’《》〈〉()（）\[\]【】〔〕、，,.。:：;；·\-—_]+")


# the budget system's project code printed before the name: 51092324T000010271144-2023年法律援助案件补贴
_PROJECT_CODE = re.compile(r"^[0-9A-Z]{10,}\s*[-－—_]\s*")


def link_name(text: str | None) -> str:
    """A project or unit name as compared when a self-evaluation is linked to its target table.

    Full-width forms folded (NFKC), spaces, quotes, brackets and punctuation dropped, and a trailing
    ``项目`` dropped (one table prints ``…补助项目``, the other ``…补助``): ``“ 乡村振兴（2023）项目”``
    and ``乡村振兴2023`` are the same project; a leading budget-system project code is dropped.
    """
    folded = _PROJECT_CODE.sub("", unicodedata.normalize("NFKC", text or "").strip())
    folded = _LINK_NOISE.sub("", folded)
    return folded.removesuffix("项目")
