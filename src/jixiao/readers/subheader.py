"""A value column split by a sub-header row: ``指标值`` over ``2021年实际实现值 | 预期2022年实现值``.

Some forms head one merged value column and name its parts on the row below it: the year before's
achieved value (a baseline, never a target) and the expected value of the table's year (the annual
target), or ``实施周期指标值 | 年度指标值``. The header row alone gave the grid reader one value column; the
sub-header row replaces it by its parts, in their order, so each row's two values go to the baseline
and the annual target. A row that fills only one of the parts gives the part always filled, the target
(`lone_value_is_target`).
"""

from __future__ import annotations

from jixiao.model import Kind
from jixiao.readers import roles as column_roles
from jixiao.readers.cells import Cell
from jixiao.readers.labels import label_key
from jixiao.values import parse_target_with_reason


def sub_header_roles(cells: list[Cell]) -> list[tuple[str, Cell]]:
    """The value roles a sub-header row names, in order, where it names two or more and nothing of the
    tree (a repeated whole header is no sub-header); otherwise []."""
    named: list[tuple[str, Cell]] = []
    for cell in cells:
        if not cell.text:
            continue
        role = column_roles.role_of(label_key(cell.text))
        if role is None or role in column_roles.TREE_ROLES:
            return []
        if role in column_roles.VALUE_ROLES:
            named.append((role, cell))
    if len(named) < 2 or len({role for role, _ in named}) != len(named):
        return []
    return named


def split_value_column(stream_roles: list[str], cells: list[Cell]) -> list[str] | None:
    """The header's roles with its one value column replaced by the sub-header's parts, or None where
    the row is no sub-header of a single value column."""
    parts = sub_header_roles(cells)
    values = [role for role in stream_roles if role in column_roles.VALUE_ROLES]
    if not parts or values != [column_roles.ANNUAL] or column_roles.BASELINE not in {r for r, _ in parts}:
        return None
    at = stream_roles.index(column_roles.ANNUAL)
    return [*stream_roles[:at], *(role for role, _ in parts), *stream_roles[at + 1 :]]


def merged_over_parts(stream_roles: list[str]) -> list[str]:
    """A header read in one run with its sub-header (``指标值 | 上年实际值 | 本年目标值`` in a stream of
    cells): the spanning 指标值 dropped, its parts kept."""
    if stream_roles.count(column_roles.ANNUAL) < 2:
        return stream_roles
    at = stream_roles.index(column_roles.ANNUAL)
    end = at + 1
    while end < len(stream_roles) and stream_roles[end] in column_roles.VALUE_ROLES:
        end += 1
    parts = stream_roles[at + 1 : end]
    if column_roles.BASELINE in parts and column_roles.ANNUAL in parts:
        return stream_roles[:at] + stream_roles[at + 1 :]
    return stream_roles


def part_columns(cells: list[Cell], value_col: int | None) -> dict[str, int]:
    """Where each part of the split column stands, for rows whose cells are under their headers. A
    sub-header row flattened without the merged cells before it (its parts in the first columns) stands
    under the value column all the same: its parts are counted from there."""
    parts = [
        (role, cell.col) for role, cell in sub_header_roles(cells) if cell.col is not None and cell.col >= 0
    ]
    if not parts:
        return {}
    first = parts[0][1]
    shift = value_col - first if value_col is not None and value_col > first else 0
    return {role: col + shift for role, col in parts}


def lone_value_is_target(roles: list[str], n: int, cells: list[Cell], j: int) -> bool:
    """Whether the baseline column (``roles[n]``) is to be left empty: its cell is the row's only value
    and the annual target follows it. The year before's value may be missing, the target never, and a
    flattened row loses the place of its empty cells (``培训班期数 | 4期 | ||||`` under ``2021年实际实现值 |
    预期2022年实现值``): a row's one value is its target. A following cell of words is the target only where
    no text column comes after the target; in a stream of cells it is the next indicator's name."""
    if roles[n] != column_roles.BASELINE or column_roles.ANNUAL not in roles[n + 1 :]:
        return False
    following = cells[j + 1].text if j + 1 < len(cells) else ""
    if not following:
        return True
    target, _ = parse_target_with_reason(following, None)
    if target.kind in (Kind.QUANTITATIVE, Kind.DEADLINE, Kind.RANGE):
        return False
    return cells[j].col is None or any(column_roles.is_text_role(role) for role in roles[n + 1 :])
