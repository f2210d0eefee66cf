"""Project facts written as a label and a value in forms the project block otherwise would not take.

- ``预算年度 | 2021`` (``2019年``, a number in an xlsx cell): the budget year, as labelled.
- ``年初预算数 | 80.00 | 调整后预算数 | 65.00`` on one row of a 绩效目标调整表: the table's budget is the
  adjusted amount (the year's amount now in force, `docs/data-format.md` ``project.budget``); the
  original amount is kept in the table's ``source.inferred``, never taken as the budget.
- ``项目资金 | 年度资金总额 612.00 万元，其中财政拨款 612.00 万元``: amounts written as one sentence in one
  cell, cut into label and amount cells when every clause is a known amount label with its amount.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from jixiao.model import Severity, SourceRef
from jixiao.readers.cells import Cell, parse_amount_unit
from jixiao.readers.labels import Label, label_of

BAD_YEAR = "JX-R06"
FACT_LABELS = frozenset((Label.YEAR, Label.ORIGINAL_BUDGET))
# The labels the project block reads as an amount and its value (these facts among them).
READ_AS_AMOUNT = frozenset(
    (Label.BUDGET, Label.FUNDS, Label.TOTAL_FUNDS, Label.SUB_FUNDS, Label.YEAR, Label.ORIGINAL_BUDGET)
)
ORIGINAL_BUDGET = "目标调整表：{label}“{amount}”为调整前的金额，未作预算金额（预算金额取调整后的金额）"
_YEAR_VALUE = re.compile(r"^\s*((?:19|20)\d{2})(?:\.0+)?\s*(?:年度?)?\s*$")
_CLAUSE_CUT = re.compile(r"[，,；;。]")
# One clause: an amount label, a colon or none, an amount with or without its unit (``其中财政拨款 6 万元``).
_CLAUSE = re.compile(
    r"^(?P<label>[^\d:：]{2,16}?)\s*[:：]?\s*(?P<amount>\d[\d,]*(?:\.\d+)?\s*(?:万元|元|万)?)$"
)
_AMOUNTS = (Label.BUDGET, Label.FUNDS, Label.TOTAL_FUNDS)


class FactsReader(Protocol):
    """What of the project block reader (`head.ProjectBlockReader`) a labelled fact sets."""

    year: int | None
    inferred: list[str]

    def note(
        self, code: str, severity: Severity, message: str, source: SourceRef, name: str | None = None
    ) -> None:
        """Record a diagnostic about the table being read."""


def read_fact(reader: FactsReader, label: Label, row: list[Cell], i: int) -> int:
    """Read the fact labelled by ``row[i]`` into the reader; return the index to go on from."""
    value = next(((j, c) for j, c in enumerate(row[i + 1 :], i + 1) if c.text.strip()), None)
    if value is None or label_of(value[1].text) is not None:
        return i + 1
    j, cell = value
    if label is Label.YEAR:
        match = _YEAR_VALUE.match(cell.text)
        if match is None:
            reader.note(BAD_YEAR, Severity.WARNING, f"预算年度“{cell.text}”无法识别", cell.source)
        elif reader.year is None:
            reader.year = int(match.group(1))
        return j + 1
    if parse_amount_unit(cell.text) is None:
        return i + 1
    reader.inferred.append(ORIGINAL_BUDGET.format(label=row[i].text.strip(), amount=cell.text.strip()))
    return j + 1


def split_funds_sentences(rows: list[list[Cell]]) -> None:
    """Each funds heading's sentence of amounts in the rows before the indicator header, cut in place."""
    for row in rows:
        if row and label_of(row[0].text) in (Label.HEADER, Label.INDICATORS):
            return
        for i, cell in enumerate(row[:-1]):
            if _funds_heading(cell.text):
                split_funds_sentence(row, i)


@lru_cache(maxsize=8192)  # asked of each cell before the header
def _funds_heading(text: str) -> bool:
    """A funds heading (项目资金, 资金情况(万元)): a short cell with the funds section's label."""
    return len(text) <= 16 and label_of(text) is Label.FUNDS_SECTION


def split_funds_sentence(row: list[Cell], i: int) -> None:
    """The cell after a funds heading written as one sentence of amounts: cut into label and amount
    cells in place, only when every clause reads as an amount label and its amount, the first the
    table's amount (年度资金总额, 资金总额) and the others its parts."""
    j = next((k for k in range(i + 1, len(row)) if row[k].text.strip()), None)
    if j is None or parse_amount_unit(row[j].text) is not None:
        return
    cells = sentence_cells(row[j].text)
    if cells is not None:
        row[j : j + 1] = [Cell(text, row[j].source, row[j].col) for text in cells]


def sentence_cells(text: str) -> list[str] | None:
    """``年度资金总额 612.00 万元，其中财政拨款 612.00 万元`` → its labels and amounts; None otherwise."""
    clauses = [c.strip() for c in _CLAUSE_CUT.split(text) if c.strip()]
    if not clauses or len(clauses) > 6:
        return None
    cells: list[str] = []
    for k, clause in enumerate(clauses):
        match = _CLAUSE.match(clause)
        if match is None:
            return None
        label_text = match.group("label").strip()
        label = label_of(label_text)
        if label is None and label_text.startswith("其中"):
            label_text = "其中:" + label_text[2:].lstrip(":：")
            label = label_of(label_text)
        if (k == 0 and label not in _AMOUNTS) or (k > 0 and label is not Label.SUB_FUNDS):
            return None
        cells += [label_text, "".join(match.group("amount").split())]
    return cells
