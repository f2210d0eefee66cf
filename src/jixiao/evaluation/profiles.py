"""Scoring profiles: the weights, bands, formulas and thresholds of one jurisdiction and year, as data.

The central profile follows 财预〔2020〕10号 and common practice (rules.md §6, §10, §11); Sichuan and
Hubei-2020 follow their published templates (§6.8). Every number a rule uses lives here, so a new
province is a new `Profile`, not new code.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from jixiao.catalog import BENEFIT, COST, OUTPUT, SATISFACTION


class ReverseMethod(StrEnum):
    """How a missed 反向指标 (≤, <) is scored (rules.md §6.3, §10)."""

    RATIO = "ratio"  # 权重 × A/B (printed local notes T5, T7) — the default
    VENDOR = "vendor"  # 权重 × (1 − (B−A)/A), 0 once B ≥ 2A (一体化 vendor module)


class Layout(StrEnum):
    """Which 项目支出绩效自评表 layout the exports use (rules.md §6.7, §6.8)."""

    CENTRAL = "central"
    SICHUAN = "sichuan"
    HUBEI = "hubei"


@dataclass(frozen=True, slots=True)
class QualitativeBands:
    """Point bands of a 定性指标, as shares of its weight (rules.md §6.4).

    达成年度指标 → [achieved_floor·w, w]; 部分达成 → [partial_floor·w, achieved_floor·w);
    未达成 → [0, partial_floor·w).
    """

    achieved_floor: Decimal = Decimal("0.8")
    partial_floor: Decimal = Decimal("0.6")


@dataclass(frozen=True, slots=True)
class GradeLines:
    """Grade thresholds of the total (rules.md §6.6): ≥90 优, ≥80 良, ≥60 中, else 差."""

    excellent: Decimal = Decimal(90)
    good: Decimal = Decimal(80)
    passing: Decimal = Decimal(60)

    def grade(self, total: Decimal) -> str:
        """The grade of a total score: 优, 良, 中 or 差 by the profile's lines."""
        if total >= self.excellent:
            return "优"
        if total >= self.good:
            return "良"
        if total >= self.passing:
            return "中"
        return "差"


@dataclass(frozen=True, slots=True)
class MonitoringRules:
    """In-year monitoring settings (rules.md §5.3, §11.9–12).

    ``months`` is N of the 1–N月 period. Lights come from the progress index (execution ratio ÷
    elapsed share of the year × 100): below ``red_below`` red, below ``yellow_below`` yellow, else
    green. ``absolute_floors`` (Sichuan) replaces the index by a minimum cumulative execution rate
    per month reached: ((4, 25), (6, 40), …) means at least 25 % by April. ``gap_points`` is how far
    money and outputs may drift apart (in percentage points) before a joint warning.
    ``switched_off`` lists the checks (JX-J03…) a year's rule profile switched off
    (`jixiao.scoring.monitoring_checks`: only the warnings and hints may be).
    """

    months: int = 7
    red_below: Decimal = Decimal(60)
    yellow_below: Decimal = Decimal(80)
    absolute_floors: tuple[tuple[int, Decimal], ...] = ()
    gap_points: Decimal = Decimal(30)
    switched_off: frozenset[str] = frozenset()

    def floor_at(self, months: int) -> Decimal | None:
        """The Sichuan-style minimum execution rate (in %) that applies after ``months`` months."""
        reached = [floor for month, floor in self.absolute_floors if month <= months]
        return reached[-1] if reached else None


@dataclass(frozen=True, slots=True)
class WeightGroup:
    """一级 categories whose weights must add up to ``weight`` (产出 50, 效益 30, 满意度 10)."""

    label: str
    level1: tuple[str, ...]
    weight: Decimal


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything scoring needs to know about one jurisdiction's rules."""

    name: str
    title: str
    budget_weight: Decimal
    indicators_weight: Decimal
    weight_groups: tuple[WeightGroup, ...] = ()
    reverse_method: ReverseMethod = ReverseMethod.RATIO
    over_completion_factor: Decimal = Decimal("1.2")
    bands: QualitativeBands = field(default_factory=QualitativeBands)
    grades: GradeLines = field(default_factory=GradeLines)
    monitoring: MonitoringRules = field(default_factory=MonitoringRules)
    catalogue: str = "central-2021"
    layout: Layout = Layout.CENTRAL
    # Hubei T4 scores the indicator block on its own 100 and weighs it to 80 (rules.md §9).
    scale_indicator_block: bool = False
    # T7: indicators marked 不适用 are dropped and the rest re-scaled to the block's weight.
    rescale_not_applicable: bool = False
    # Sichuan: an execution rate below this share needs a written reason (rules.md §6.5).
    execution_reason_below: Decimal | None = None
    basis: str = ""

    @property
    def total_weight(self) -> Decimal:
        """The full score: 预算执行 weight plus the indicators' weight."""
        return self.budget_weight + self.indicators_weight

    def with_changes(self, **changes: object) -> Profile:
        """A copy with some settings changed (an administrator's local variant)."""
        return replace(self, **changes)  # type: ignore[arg-type]


# 成本指标 is a 二级 of 产出 in 10号, whose weights predate 101号; its points come out of 产出's 50.
CENTRAL_GROUPS = (
    WeightGroup("产出指标（含成本指标）", (OUTPUT, COST), Decimal(50)),
    WeightGroup("效益指标", (BENEFIT,), Decimal(30)),
    WeightGroup("满意度指标", (SATISFACTION,), Decimal(10)),
)

CENTRAL = Profile(
    name="central",
    title="中央默认（财预〔2020〕10号）：预算执行10、产出50、效益30、满意度10",
    budget_weight=Decimal(10),
    indicators_weight=Decimal(90),
    weight_groups=CENTRAL_GROUPS,
    basis="《项目支出绩效评价管理办法》（财预〔2020〕10号）附件1《项目支出绩效自评表》；一级指标权重50/30/10/10为通行引述，条款号尚未与原文核对",
)

LEGACY_80_50 = replace(
    CENTRAL,
    name="legacy-80/50",
    title="旧版定性档次（100–80%、80–50%、50–0%）",
    bands=QualitativeBands(achieved_floor=Decimal("0.8"), partial_floor=Decimal("0.5")),
    basis="实践做法：湖北2020式自评表注释、江西2017自评表的定性档次（100–80%、80–50%、50–0%）",
)

SICHUAN = Profile(
    name="sichuan",
    title="四川（510000_0013zp）：预算执行10、绩效指标90自由分配",
    budget_weight=Decimal(10),
    indicators_weight=Decimal(90),
    layout=Layout.SICHUAN,
    execution_reason_below=Decimal("0.9"),
    monitoring=MonitoringRules(
        months=6,
        absolute_floors=((4, Decimal(25)), (6, Decimal(40)), (8, Decimal(60)), (10, Decimal(80))),
        gap_points=Decimal(10),
    ),
    basis="地方规定：四川省项目支出绩效自评表（报表编号510000_0013zp）；川财绩〔2025〕10号（据二手摘要，未核对原文）",
)

HUBEI_2020 = Profile(
    name="hubei-2020",
    title="湖北2020式：预算执行20、年度绩效目标80、定性档次80/50",
    budget_weight=Decimal(20),
    indicators_weight=Decimal(80),
    bands=QualitativeBands(achieved_floor=Decimal("0.8"), partial_floor=Decimal("0.5")),
    layout=Layout.HUBEI,
    catalogue="legacy-2015",
    scale_indicator_block=True,
    basis="地方做法：湖北2020式自评表（预算执行20分、年度绩效目标80分，公开的2020年自评表）",
)

PROFILES: dict[str, Profile] = {p.name: p for p in (CENTRAL, SICHUAN, HUBEI_2020, LEGACY_80_50)}
DEFAULT_PROFILE = CENTRAL


def get_profile(name: str | None) -> Profile:
    """The profile of that name (``central`` when None); KeyError names the known ones."""
    if name is None:
        return DEFAULT_PROFILE
    try:
        return PROFILES[name]
    except KeyError:
        known = "、".join(PROFILES)
        raise KeyError(f"未知的评分方案“{name}”，可用：{known}") from None
