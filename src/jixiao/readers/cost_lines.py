"""A 项目预算 given as cost lines (成本构成 | 金额 | 测算(公式)依据 | 上年实际执行数…) closed by a 合计 row:
the 合计's amount in the 金额 column is the year's budget (湖北 市直部门预算项目支出绩效目标表).

The cost lines' own amounts, their 测算依据 (``1.维修费4次*4000=16000元``) and the 实际执行数 of earlier
years are neither the budget nor indicators. Only the 金额 column directly after 成本构成 is read, and only
at its 合计: a block laid out any other way gives nothing (never a guessed amount).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from jixiao.readers.cells import parse_amount_unit

# Headings of the cost-line block, as label keys (spaces dropped): its name column, then its amount.
COST_HEADINGS = ("成本构成", "支出明细", "成本明细", "资金用途")
AMOUNT_HEADINGS = ("金额", "金额(万元)", "金额(元)", "预算金额", "预算数")
COST_PREFIXES = ("项目预算", "项目", "预算")  # 项目预算成本构成 (鄂州 市直): the heading with what it costs
TOTAL_WORDS = ("合计", "总计")
_HEADING_FIRST = re.compile("[" + "".join(sorted({word[0] for word in COST_HEADINGS})) + "]")
INFERRED = "预算金额取自项目预算成本构成的“合计”行（金额列）"


class CostLines:
    """Follows the cells of a table's head row by row: True from the 成本构成 | 金额 heading on."""

    def __init__(self) -> None:
        self.open = False
        self.heading_unit: str | None = None

    def total(self, texts: Sequence[str]) -> tuple[str, str | None] | None:
        """The 合计 amount of the block (the text as written and the unit its heading names), once the
        cells of its heading and of its 合计 row have passed; None until then (or never)."""
        if not self.open and _HEADING_FIRST.search("".join(texts)) is None:
            return None  # one search over the row for the many rows with no heading's first letter
        for n, text in enumerate(texts):
            if not self.open and not _heads_costs(text):
                continue  # closed: only a 成本构成 heading can open it (most cells of a head are none)
            key = _key(text)
            if _cost_heading(key) and n + 1 < len(texts) and _key(texts[n + 1]) in AMOUNT_HEADINGS:
                self.open = True
                heading = _key(texts[n + 1])
                self.heading_unit = "万元" if "万元" in heading else ("元" if "(元)" in heading else None)
            elif self.open and key in TOTAL_WORDS:
                following = next((t for t in texts[n + 1 :] if t.strip()), None)
                self.open = False
                if following is not None and parse_amount_unit(following) is not None:
                    return following.strip(), self.heading_unit
        return None


@lru_cache(maxsize=4096)
def _heads_costs(text: str) -> bool:
    """A cell that is a 成本构成 heading (a key only drops spaces: no heading's first letter, no heading)."""
    return _HEADING_FIRST.search(text) is not None and _cost_heading(_key(text))


def _cost_heading(key: str) -> bool:
    """``成本构成``, also after the words that say whose costs they are (``项目预算成本构成``)."""
    return key in COST_HEADINGS or any(
        key.startswith(prefix) and key[len(prefix) :] in COST_HEADINGS for prefix in COST_PREFIXES
    )


def _key(text: str) -> str:
    return "".join(text.split()).replace("（", "(").replace("）", ")")
