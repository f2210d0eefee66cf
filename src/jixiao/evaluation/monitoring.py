"""The records of in-year monitoring (运行监控): what a 1–N月 monitoring report holds and its result.

Pure data shared by the readers and writers of the monitoring workbook and by the scoring core.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.model import NOWHERE, Diagnostic, SourceRef, Target


class Light(StrEnum):
    """The 绩效监控 traffic light: green, yellow or red."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self) -> str:
        """The Chinese name of the light: 绿灯, 黄灯, 红灯."""
        return {Light.GREEN: "绿灯", Light.YELLOW: "黄灯", Light.RED: "红灯"}[self]


class Likelihood(StrEnum):
    """完成目标可能性 (rules.md §5.2, §11.11)."""

    CERTAIN = "确定能"
    POSSIBLE = "有可能"
    IMPOSSIBLE = "不可能"


@dataclass(frozen=True, slots=True)
class MonitoringLine:
    """One indicator of the 监控表: the 年度 target and what the unit reports after N months.

    ``cumulative`` says whether the value grows through the year (个案57个) or is a level reached
    at once (满意度≥85%); None lets the system decide from the unit (% and grades are one-off).
    """

    level1: str
    level2: str
    name: str
    target: Target
    current: str = ""
    expected: str = ""  # 全年预计完成情况
    likelihood: Likelihood = Likelihood.CERTAIN
    reason: str = ""  # 偏差原因分析
    measures: str = ""  # 改进措施
    cumulative: bool | None = None
    source: SourceRef = NOWHERE

    @property
    def label(self) -> str:
        """The indicator's 三级 name, else its 二级 or 一级."""
        return self.name or self.level2 or self.level1


@dataclass(frozen=True, slots=True)
class MonitoringSnapshot:
    """A 1–N月 monitoring report of one project: the money and each indicator's progress."""

    project: str
    months: int
    annual_budget: Decimal  # 全年预算数
    executed: Decimal  # 1–N月执行数
    lines: tuple[MonitoringLine, ...] = ()
    initial_budget: Decimal | None = None  # 年初预算数
    expected_executed: Decimal | None = None  # 全年预计执行数
    unit: str = "万元"
    year: int | None = None
    source: SourceRef = NOWHERE
    department: str = ""  # 主管部门
    agency: str = ""  # 实施单位
    table_key: str = ""


@dataclass(frozen=True, slots=True)
class Progress:
    """A ratio with its light and the sentence that explains both."""

    ratio: Decimal | None  # completion ratio (executed/budget, current/target), None if unknown
    index: Decimal | None  # ratio against time elapsed, × 100 (None where time does not apply)
    light: Light
    explanation: str


@dataclass(frozen=True, slots=True)
class LineProgress:
    """One indicator of a monitoring report with its progress."""

    line: MonitoringLine
    progress: Progress


@dataclass(frozen=True, slots=True)
class MonitoringResult:
    """The scored monitoring report: profile, months, funds progress, each indicator's progress, findings."""

    profile: str
    months: int
    funds: Progress
    lines: tuple[LineProgress, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def light(self) -> Light:
        """The worst light of the report (funds and indicators)."""
        lights = [self.funds.light, *(lp.progress.light for lp in self.lines)]
        for light in (Light.RED, Light.YELLOW):
            if light in lights:
                return light
        return Light.GREEN
