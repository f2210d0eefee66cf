"""The footer of a published 自评表 (合计 / 总分): its total, its grade, and the lone figures that are
no total — the weights' sum (四川 ``合计 | 100 |``; an unfilled template's ``总分 | … | 100`` under
rows that scored nothing) or the points the labels state (湖北 ``总分 | 100 |``)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from jixiao.readers.cells import Row
from jixiao.readers.selfeval_lines import key, number
from jixiao.readers.selfeval_segment import Segment, cell_source


def footer(state: Segment, row: Row, cells: list[str], first_at: int) -> None:
    """合计/总分: two figures are (weights, score); one figure under 合计 may be the weights alone."""
    figures = [(number(c), i) for i, c in enumerate(cells) if i > first_at and number(c) is not None]
    if not figures:
        return
    after = [c.strip() for c in cells[figures[-1][1] + 1 :] if c.strip()]
    if not state.grade and after and after[0] in ("优", "良", "中", "差"):
        state.grade = after[0]  # 总分 | 100 | 97 | 优: the grade printed after the score
        state.cells.append(("grade", cell_source(row, cells.index(after[0], figures[-1][1] + 1))))
    if len(figures) >= 2:
        state.total, at = figures[1]
    else:
        value, at = figures[0]
        blank_after = at + 1 < len(cells) and not cells[at + 1].strip()
        if key(cells[first_at]) == "合计" and _is_weight_sum(state, value, blank_after):
            return  # Sichuan 合计 | 100 | (blank): the sum of the weights, the score left empty
        unscored = bool(state.indicators) and all(i.score is None for i in state.indicators)
        weights_only = unscored and _is_weight_sum(state, value, True)
        if (blank_after and _is_stated_points(state, value)) or weights_only:
            # 湖北 总分 | 100 | (blank): the points the labels state (20分 + 80分), no score beside it;
            # an unfilled template's 总分 | … | 100: its 分值 column summed, no row scored
            state.total = None  # (the head-field pass took the lone figure for a total)
            state.cells = [(name, where) for name, where in state.cells if name != "total"]
            return
        state.total = value
    state.cells.append(("total", cell_source(row, at)))


def _is_stated_points(state: Segment, value: Decimal | None) -> bool:
    """A table with no 分值 column whose labels state its points (预算执行情况（20分）, 年度绩效目标（80分）):
    a lone figure equal to their sum is what the table is out of."""
    if value is None or state.budget_weight is None or state.indicators_weight is None:
        return False
    if any(i.weight is not None for i in state.indicators):
        return False
    return value == state.budget_weight + state.indicators_weight


def _is_weight_sum(state: Segment, value: Decimal | None, blank_after: bool) -> bool:
    """The figure is the weights' sum, and the score cell beside it (blank, or missing) is not a total."""
    weights = [i.weight for i in state.indicators]
    if value is None or not weights or any(w is None for w in weights):
        return False
    budget = next((f.weight for f in state.funds if f.weight is not None), state.budget_weight or Decimal(0))
    summed = sum((w for w in weights if w is not None), Decimal(0))
    if value not in (summed, summed + budget):
        return False
    scores = [i.score for i in state.indicators]
    if blank_after or any(s is None for s in scores):
        return True
    budget_score = next((f.score for f in state.funds if f.score is not None), Decimal(0))
    return sum((s for s in scores if s is not None), budget_score) != value


# 自评得分99.17分，自评等级为优 / 综合得分为 96.5 分，评价等级：良 — a conclusion sentence that states them
_SENTENCE_TOTAL = re.compile(r"(?:自评|综合|评价|总)\s*(?:总)?得分\s*(?:为|是|:|：)?\s*(\d+(?:\.\d+)?)\s*分")
_SENTENCE_GRADE = re.compile(r"等级\s*(?:为|是|:|：)?\s*[“\"「]?([优良中差])")


def conclusion_total(state: Segment) -> None:
    """A table with no 总分 row whose 自评结论 states the score and the grade in words: read them there,
    at the conclusion's place. A total or grade the table prints in a row of its own always wins."""
    for _, text, where in state.conclusions:
        sentence = unicodedata.normalize("NFKC", text)
        scored = _SENTENCE_TOTAL.search(sentence)
        if state.total is None and scored:
            state.total = Decimal(scored[1])
            state.cells.append(("total", where))
        graded = _SENTENCE_GRADE.search(sentence)
        if not state.grade and graded:
            state.grade = graded[1]
            state.cells.append(("grade", where))


# 自评得分：95.5分　　自评等级：优 — a line under a table with no 总分 row
_LINE_TOTAL = re.compile(r"自评\s*(?:总)?得分\s*(?:为|:)?\s*(\d+(?:\.\d+)?)(?!\s*%)")


def footer_line(state: Segment, row: Row, cells: list[str], first_at: int) -> None:
    """A total and a grade printed on a line under the table (``自评得分：95.5分　　自评等级：优``), read as
    the conclusion sentence is: only where the table has not printed them in a 总分 row of its own."""
    line = unicodedata.normalize("NFKC", " ".join(c for c in cells[first_at:] if c))
    if not key(cells[first_at]).startswith(("自评等级", "自评得分")):
        return  # 项目负责人, 填表人 …: the foot's other fields
    scored = _LINE_TOTAL.search(line)
    if state.total is None and scored:
        state.total = Decimal(scored[1])
        state.cells.append(("total", cell_source(row, first_at)))
    graded = _SENTENCE_GRADE.search(line)
    if not state.grade and graded:
        state.grade = graded[1]
        state.cells.append(("grade", cell_source(row, first_at)))
