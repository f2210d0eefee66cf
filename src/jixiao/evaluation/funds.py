"""The funds block of the 自评表 and the budget-execution score (rules.md §6.5, §11.13, §11.25).

Totals are always computed from the rows (当年财政拨款 + 上年结转 + 其他资金): the T1 table typed a
0/0/0 total row and so scored 0 instead of 10. A typed total is kept only to be checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import NOWHERE, SourceRef

CURRENT_YEAR = "当年财政拨款"
CARRIED_OVER = "上年结转资金"
OTHER = "其他资金"
CENTRAL_ROWS = (CURRENT_YEAR, CARRIED_OVER, OTHER)
SICHUAN_ROWS = ("财政资金", "财政专户管理资金", "单位资金", "其他资金")


@dataclass(frozen=True, slots=True)
class FundsRow:
    """One source of money: 年初预算数, 全年预算数 (A, adjusted, incl. carry-over), 全年执行数 (B)."""

    label: str
    initial: Decimal = Decimal(0)
    budget: Decimal = Decimal(0)
    executed: Decimal = Decimal(0)
    source: SourceRef = NOWHERE


@dataclass(frozen=True, slots=True)
class FundsBlock:
    """The 年度资金 block; ``entered_*`` are what a filled-in table typed, kept only for the checks."""

    rows: tuple[FundsRow, ...]
    unit: str = "万元"
    entered_total: FundsRow | None = None
    entered_rate: Decimal | None = None  # in %, as typed
    entered_score: Decimal | None = None
    reason: str = ""  # 原因 (Sichuan: required below 90 %)
    # Where each figure was read (``全年预算数``, ``当年财政拨款全年执行数``, ``执行率``…), for messages.
    cells: tuple[tuple[str, SourceRef], ...] = ()

    def where(self, name: str) -> SourceRef | None:
        """Where a named cell of the funds block came from, or None."""
        for cell_name, ref in self.cells:
            if cell_name == name:
                return ref
        return None

    @property
    def initial(self) -> Decimal:
        """年初预算数: the sum of the rows."""
        return sum((row.initial for row in self.rows), Decimal(0))

    @property
    def budget(self) -> Decimal:
        """全年预算数 A: the sum of the rows, never a typed figure."""
        return sum((row.budget for row in self.rows), Decimal(0))

    @property
    def executed(self) -> Decimal:
        """全年执行数 B: the sum of the rows."""
        return sum((row.executed for row in self.rows), Decimal(0))

    @property
    def execution_rate(self) -> Decimal | None:
        """B / A as a ratio (not capped), None when A is 0 (no full-year budget)."""
        if self.budget == 0:
            return None
        return self.executed / self.budget

    @classmethod
    def simple(
        cls, budget: Decimal, executed: Decimal, initial: Decimal | None = None, unit: str = "万元"
    ) -> FundsBlock:
        """A block whose whole money is 当年财政拨款 (the common case)."""
        row = FundsRow(CURRENT_YEAR, budget if initial is None else initial, budget, executed)
        return cls(rows=(row, FundsRow(CARRIED_OVER), FundsRow(OTHER)), unit=unit)
