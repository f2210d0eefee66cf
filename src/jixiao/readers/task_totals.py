"""A 部门整体 table's budget given as its 年度主要任务 closed by a 金额合计 row (财预 整体支出绩效目标表)::

    年度主要任务 | 任务名称 | 主要内容 | 预算金额(万元)
                 |          |          | 总额 | 财政拨款 | 其他资金
    保障机构正常运转 | 保障在职人员工资… | 612.40 | 612.40 |
    金额合计 | * | 697.40 | 697.40 | 0

The same form's 湖北 申报表 gives the department's money as 总体资金情况 (单位:万元) with 收入构成 and
支出构成 each closed by a 合计: there the budget is that 合计, taken only when every 合计 of the section
read together agrees (the income and the spending side total the same).

The 金额合计 row holds the year's total and its parts (财政拨款, 其他资金, sometimes a 小计 left 0), so the
budget is the largest amount of that row; its unit is the one the block's amount heading names. The task
rows' own amounts are neither the budget nor indicators. Only a 合计 after a 年度主要任务 label is read;
a block laid out any other way gives nothing (never a guessed amount).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jixiao.readers.cells import parse_amount_unit
from jixiao.readers.labels import is_whole_department_title

TASKS_LABELS = ("年度主要任务", "主要任务")
TOTAL_WORDS = ("金额合计", "合计", "总计")
_PLACEHOLDERS = frozenset(("*", "-", "—", "/", "－"))
INFERRED = "部门整体：预算金额取自年度主要任务的“金额合计”行"
FUNDS_INFERRED = "部门整体：预算金额取自总体资金情况的“合计”（收入与支出合计一致）"
FUNDS_SECTION = "总体资金情况"
_SECTION_ENDS = ("部门职能", "年度主要任务", "主要任务", "绩效目标", "一级指标")


class TaskTotals:
    """Follows the cells of a table's head: open from the 年度主要任务 label to its 金额合计 row."""

    def __init__(self) -> None:
        self.open = False
        self.heading_unit: str | None = None
        self.whole_department = False
        self.inferred = INFERRED  # what the table's `inferred` list says of a budget read here

    def total(self, texts: Sequence[str]) -> tuple[str, str | None] | None:
        """The 金额合计 amount (as written) and the unit the block's heading names, once its row has
        passed; None until then (or never). Under a 部门整体 title (in these cells or an earlier row's),
        the agreeing 合计 of its 总体资金情况 (unit None: the table's 单位:万元 line names it)."""
        joined = "".join(texts)  # the checks below look for a word in any cell: once over the row
        self.whole_department = self.whole_department or (
            "整体" in joined and any(map(is_whole_department_title, texts))
        )
        if self.whole_department and (funds := _funds_section_total(texts)) is not None:
            self.inferred = FUNDS_INFERRED
            return funds, None
        if not self.open and "务" not in joined:
            return None  # closed, and no 主要任务 label in the row: the loop below would pass every cell
        for n, text in enumerate(texts):
            if not self.open and "务" not in text:
                continue  # closed, only a 主要任务 label opens it: most cells of a head hold no 务
            key = _key(text)
            if key in TASKS_LABELS:
                self.open = True
            elif self.open and "金额" in key and self.heading_unit is None:
                self.heading_unit = "万元" if "(万元)" in key else ("元" if "(元)" in key else None)
            elif self.open and key in TOTAL_WORDS:
                self.open = False
                found = _largest(texts[n + 1 :])
                return (found, self.heading_unit) if found is not None else None
        return None


def _funds_section_total(texts: Sequence[str]) -> str | None:
    """The 合计 of a 总体资金情况 section among these cells, when every 合计 in it is followed by the
    same amount; else None."""
    start = next((n for n, text in enumerate(texts) if _key(text) == FUNDS_SECTION), None)
    if start is None:
        return None
    totals: list[tuple[Decimal, str]] = []
    for n in range(start + 1, len(texts) - 1):
        key = _key(texts[n])
        if key.startswith(_SECTION_ENDS):
            break
        if key in TOTAL_WORDS and (amount := parse_amount_unit(texts[n + 1])) is not None:
            totals.append((amount[0], texts[n + 1].strip()))
    if not totals or any(amount != totals[0][0] for amount, _ in totals) or totals[0][0] <= 0:
        return None
    return totals[0][1]


def _largest(texts: Sequence[str]) -> str | None:
    """The largest of the amounts that follow the 合计 cell (placeholders such as ``*`` passed over,
    the first other cell ending the row)."""
    best: tuple[Decimal, str] | None = None
    for text in texts:
        written = text.strip()
        if not written or written in _PLACEHOLDERS:
            continue
        amount = parse_amount_unit(written)
        if amount is None:
            break
        if best is None or amount[0] > best[0]:
            best = (amount[0], written)
    return None if best is None or best[0] <= 0 else best[1]


def _key(text: str) -> str:
    return "".join(text.split()).replace("（", "(").replace("）", ")")
