"""Indicators grouped by goal: a first column ``年度目标`` holding ``目标1：…``, ``目标2：…`` merged down over
each goal's rows, then 一级 | 二级 | 三级 | 指标值, the 一级 starting again under every goal.

The goal column is taken out of the indicator rows before the tree is read, and its texts become the
table's 年度目标 (in order, each once): a goal is never an indicator, and with the column gone every row
reads under the header like any other table's.
"""

from __future__ import annotations

from jixiao import catalog
from jixiao.readers import roles as column_roles
from jixiao.readers.cells import Cell
from jixiao.readers.labels import Label, label_key, label_of

_GOAL_HEADERS = (Label.ANNUAL_GOAL, Label.GOALS)


def without_goal_column(
    rows: list[list[Cell]], goal_parts: dict[str, list[str]], goal_lines: dict[str, int]
) -> list[list[Cell]]:
    """The rows with a goal column in front of the indicator header taken out, its texts added to
    ``goal_parts["annual"]`` (their first line in ``goal_lines``); the rows unchanged where no such
    column heads the indicators."""
    for start, row in enumerate(rows):
        column = _goal_column(row)
        if column is None:
            continue
        body = rows[start + 1 :]
        goal_cells = [c for r in body for c in r if c.col == column and _beside_indicator(r, column)]
        if not goal_cells or any(catalog.is_category_name(c.text) for c in goal_cells):
            return rows  # 一级 in that column: the header is read as written
        goals = [c.text for c in goal_cells]
        goal_parts.setdefault("annual", []).extend(dict.fromkeys(goals))
        goal_lines.setdefault("annual", goal_cells[0].source.line or 0)
        kept = [[c for c in r if not (c.col == column and _beside_indicator(r, column))] for r in body]
        return [*rows[:start], [c for c in row if c.col != column], *[r for r in kept if r]]
    return rows


def _goal_column(row: list[Cell]) -> int | None:
    """The column of a ``年度目标`` cell that opens a row of tree headers (一级指标 | 二级指标 …)."""
    if len(row) < 3 or row[0].col is None or row[0].col < 0 or label_of(row[0].text) not in _GOAL_HEADERS:
        return None
    roles = [column_roles.role_of(label_key(c.text)) for c in row[1:3]]
    return row[0].col if all(role in column_roles.TREE_ROLES for role in roles) else None


def _beside_indicator(row: list[Cell], column: int) -> bool:
    """A cell in the goal column of a row that goes on in the indicator columns (not a footer line)."""
    return any(c.col is not None and c.col > column for c in row)
