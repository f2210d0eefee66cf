"""Where an indicator row that opens with empty cells starts, in text that may have dropped one.

A printed 自评表 merges the 一级 (and often the 二级) cell over a group's rows; copied as text, the later
rows open with runs of empty cells (``| | | 国土空间规划编制完成数 | ≥3个 | 完成 | 10 | 10 |``). When the
text keeps every cell, the row keeps the header's columns. When the copy dropped the row's first cell
(a line that opens with `` | `` loses it as the ``|`` text form is cut), every cell stands one column to
the left of its header. Which of the two holds is read from the row itself: by its count (the 得分 the
header promises is there or not) and by what each cell holds (a name where the name stands, figures
under 分值 and 得分, a category or nothing under 一级/二级). Never guessed: when both places fit the row
equally and read it differently, the header's own columns are kept and the row is reported ambiguous.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from jixiao import catalog
from jixiao.readers.selfeval_lines import SERIAL, key, number

_VALUE_START = "≥≤<>=＞＜≧≦═＝"
POINTS_AFTER = re.compile(r"\s*\d+(?:\.\d+)?\s*分\s*$")  # 产出指标40分, 项目决策 2 分
_SCORE_NOTE = re.compile(r"^(\d+(?:\.\d+)?)\s*分?\s*[（(](.*)[）)]$")
# The 一级 of a 四级 评价指标体系 (项目决策/项目过程(管理)/项目产出/项目效益), beside the performance 一级.
FRAMEWORK_LEVEL1 = ("项目决策", "项目过程", "项目管理", "项目产出", "项目效益", "决策", "过程", "管理")


def is_level1(k: str) -> bool:
    """An 一级 label (its points taken off): 产出指标…, or a framework part (``项目决策``, ``项目管理``)."""
    return catalog.is_level1_name(k) or k in FRAMEWORK_LEVEL1


def score_and_note(text: str) -> tuple[Decimal | None, str]:
    """``48.5分（因在校生人数减少…）``: a score with the reason written in the same cell."""
    plain_score = number(text)
    if plain_score is not None:
        return plain_score, ""
    match = _SCORE_NOTE.match(unicodedata.normalize("NFKC", text).strip())
    return (Decimal(match[1]), match[2].strip()) if match else (None, "")


def leading_blank_start(cells: list[str], roles: list[str], offset: int, width: int) -> tuple[int, bool]:
    """Where role 0 of ``roles`` stands in a text row that opens with empty cells, and whether the row
    is ambiguous: ``offset`` (the header's own columns) when the row has as many cells as the header
    (``width``: nothing was dropped) or does not fit one column to the left strictly better."""
    if len(cells) >= width:
        return offset, False
    kept = _fit(cells, roles, offset)
    dropped = _fit(cells, roles, offset - 1)
    if dropped > kept:
        return offset - 1, False
    ambiguous = dropped == kept and _reading(cells, roles, offset) != _reading(cells, roles, offset - 1)
    return offset, ambiguous


def first_role(cells: list[str], roles: list[str], first_at: int, start_role: int) -> int:
    """Which role a text row that kept no empty cells in front opens with, where its first cell is
    no known category (``项目立项 | 相关性 | 2 | — | …``: a 二级 of the 四级 framework, ``可持续性``): the
    二级 when the row fits the header strictly better read from there, else ``start_role``."""
    if "level2" not in roles or roles[start_role] != "name":
        return start_role
    level2 = roles.index("level2")
    if level2 > start_role:
        return start_role
    from_level2 = _fit(cells, roles[level2:], first_at)
    return level2 if from_level2 > _fit(cells, roles[start_role:], first_at) else start_role


def reads_worse_from(cells: list[str], roles: list[str], at: int, later: int) -> bool:
    """Whether ``roles`` placed from cell ``later`` fit the row strictly worse than placed from ``at``
    (a name that reads like a category, ``服务对象满意度``, is the row's name, not a category before it)."""
    return _fit(cells, roles, later) < _fit(cells, roles, at)


_DASHES = ("—", "——", "-", "/", "－")


def fund_start(cells: list[str], roles: list[str], first_at: int, offset: int, start: int) -> int:
    """Where a text fund row's amounts start: ``start`` (as the row reader placed them) unless one
    column to the left or right of the header's own (``offset``) fits the row strictly better — a
    row that lost its first, empty cell (``| 年度资金总额 | | 25 | 25 | 25 | 10 | 100% | 10``
    under a label that spans three columns), or a header that lost its own (`` | | | 年初预算数…``)."""
    best, best_fit = start, _fund_fit(cells, roles, first_at, start)
    for candidate in (offset - 1, offset, offset + 1):
        if candidate <= first_at or candidate == start:
            continue
        fit = _fund_fit(cells, roles, first_at, candidate)
        if fit > best_fit:
            best, best_fit = candidate, fit
    return best


def _fund_fit(cells: list[str], roles: list[str], first_at: int, start: int) -> int:
    """How well the amounts fit the fund roles from ``start``: a rate (``%``) under 执行率, figures or
    dashes under the other columns; a filled cell between the label and ``start``, or after the
    last role, counts against."""
    fit = 0
    for j, role in enumerate(roles):
        at = start + j
        text = cells[at].strip() if at < len(cells) else ""
        if not role or role == "reason" or not text or text in _DASHES:
            continue
        if number(text) is None:
            fit -= 2
        elif "%" in text:
            fit += 1 if role == "rate" else -2
    outside = [*range(first_at + 1, min(start, len(cells))), *range(start + len(roles), len(cells))]
    return fit - 2 * sum(1 for i in outside if cells[i].strip())


def _reading(cells: list[str], roles: list[str], start: int) -> tuple[tuple[str, str], ...]:
    """What the row says with role 0 at ``start``: the filled roles and their texts."""
    return tuple(
        (role, cells[start + j].strip())
        for j, role in enumerate(roles)
        if role and 0 <= start + j < len(cells) and cells[start + j].strip()
    )


def _fit(cells: list[str], roles: list[str], start: int) -> int:
    """How well the row's cells fit ``roles`` placed from ``start``: each role scored by what its
    cell holds; a filled cell that no role takes counts against the placement."""
    fit = 0
    taken: set[int] = set()
    for j, role in enumerate(roles):
        at = start + j
        inside = 0 <= at < len(cells)
        if inside:
            taken.add(at)
        fit += _holds(role, cells[at].strip() if inside else "")
    fit -= 2 * sum(1 for i, c in enumerate(cells) if c.strip() and i not in taken)
    return fit


def _holds(role: str, text: str) -> int:
    """How well ``text`` fits under ``role``: +1 for what the column holds, a penalty for what it
    cannot hold; 0 for columns that may hold anything (年度指标值, 实际完成值, 偏差原因…)."""
    k = POINTS_AFTER.sub("", key(text))
    if role == "level1":
        return 0 if not text else (1 if is_level1(k) else -2)
    if role == "level2":
        return 0 if not text else (1 if catalog.is_category_name(k) else -1)
    if role == "name":
        if not text:
            return -1
        if catalog.is_category_name(k):
            return 0  # 质量指标 under 三级: a name (服务对象满意度) or a category moved right
        value = number(text) is not None or unicodedata.normalize("NFKC", text)[:1] in _VALUE_START
        return -2 if value and not SERIAL.match(unicodedata.normalize("NFKC", text)) else 1
    if role in ("weight", "score"):
        if not text:
            return -1
        figure = number(text) is not None or (role == "score" and score_and_note(text)[0] is not None)
        return 1 if figure else -2
    return 0
