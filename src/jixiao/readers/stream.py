"""Cells of a stream or of a row read by meaning: which value column a cell can fill, categories
wrapped over two cells, a category's score wrapped below it. Used by the grid reader's role-take."""

from __future__ import annotations

import re

from jixiao import catalog
from jixiao.model import Kind
from jixiao.readers import roles as column_roles
from jixiao.readers.cells import Cell, looks_like_prose, parse_amount_unit
from jixiao.readers.columns import comparator_of
from jixiao.values import parse_target_with_reason

SCORE_CELL = re.compile(r"^[(（]?\d+(?:-\d+)?[)）]?分$")
_STANDARD_WORDS = frozenset(("计划标准", "行业标准", "历史标准", "其他标准", "其他", "计划", "行业", "历史"))


def fits(role: str, text: str, after: str, last: bool = True) -> bool:
    """Whether a stream cell can fill a value column of the given role (an empty cell always can)."""
    if not text:
        return True
    if role == column_roles.OP:
        return bool(comparator_of(text)) or text in ("定量", "定性", "正向", "反向")
    if role == column_roles.UNIT:
        return len(text) <= 6 and not any(ch.isdigit() for ch in text)
    if role == column_roles.WEIGHT:
        return parse_amount_unit(text.rstrip("%分")) is not None
    if column_roles.is_text_role(role):
        if text in _STANDARD_WORDS or looks_like_prose(text) or not last:
            return True  # an explanation before the value column is always there to take
        # a short text followed by a value is the next indicator's name, not this one's remark
        return not (after and _looks_like_value(after) and not _looks_like_value(text))
    return True


def _looks_like_value(text: str) -> bool:
    target, _ = parse_target_with_reason(text, None)
    return target.kind in (Kind.QUANTITATIVE, Kind.DEADLINE, Kind.RANGE)


def join_category(cells: list[Cell], i: int) -> Cell | None:
    """A category name wrapped over two cells (``经济效益`` / ``指标``, ``满意度指`` / ``标``), joined."""
    if i + 1 >= len(cells):
        return None
    first, second = cells[i].text, cells[i + 1].text
    if not second or len(second) > 4 or len(first) > 12 or "指" not in first + second:
        return None
    if catalog.is_category_name(second):
        return None
    joined = first + second
    if catalog.is_category_name(joined):
        return Cell(joined, cells[i].source, cells[i].col)
    return None
