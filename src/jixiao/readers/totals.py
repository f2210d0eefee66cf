"""A 合计 cell between an amount label and its amount: a budget block with sub-rows.

Budget disclosures write the year's money as a block: ``年度预算 | 合计 | 18.60 | 财政拨款 | 18.60 |
其他资金 |``. The label's value is the 合计 row's amount; the sub-rows (财政拨款, 其他资金) are its parts,
read as such by the head reader. Where the cells ran together (``合计48.60其中:财政拨款48.60其他资金``)
the 合计's amount is the one right after the word, and only when 其中 or the end of the cell follows it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.readers.cells import Cell, parse_amount_unit

_TOTAL_CELL = re.compile(r"^(?:合\s*计|小\s*计|总\s*计)\s*[:：]?$")


def is_total_cell(text: str) -> bool:
    """A cell that only says 合计 (小计, 总计), a total row's first cell."""
    return bool(_TOTAL_CELL.match(text))


def amount_after_total(row: Sequence[Cell], j: int) -> int:
    """The index of the amount after the 合计 cell at ``j`` (empty cells skipped), or ``j`` itself where
    none follows (then the 合计 stands as the value and reads as no amount)."""
    k = j + 1
    while k < len(row) and not row[k].text:
        k += 1
    if k < len(row) and parse_amount_unit(row[k].text) is not None:
        return k
    return j


_RUN_TOTAL = re.compile(
    r"^(?:合\s*计|总\s*计)\s*[:：]?\s*(\d[\d,]*(?:\.\d+)?\s*(?:万元|元)?)\s*(?:[,，;；]?\s*其中|$)"
)


def total_run_together(text: str) -> str | None:
    """The 合计's amount of a total row run together with its parts (``合计48.60其中:财政拨款48.60``);
    None where the cell is laid out any other way."""
    match = _RUN_TOTAL.match(text.strip())
    return match.group(1) if match else None
