"""One target column per year (``2020年目标值 | 2021年目标值 | 2022年目标值``): the budget year's is annual.

A 中期财政规划 form sets a target for each year of the plan in a column of its own. Each such heading
reads as a year's target value, so the grid reader would take the first as the annual value whatever
the table's year. Here the column of the table's budget year becomes the annual value; the other years'
targets are kept as text fields of the indicator (under their headings), never as values of this year.
Where the table's year is none of the columns' years, which column is annual is not known: all are kept
as text and the reader says so (`YEAR_COLUMNS`) — never a guess.
"""

from __future__ import annotations

import re

from jixiao.readers import roles as column_roles
from jixiao.readers.cells import Cell
from jixiao.readers.labels import label_key

YEAR_COLUMNS = "JX-R33"
_YEAR_TARGET = re.compile(r"^((?:19|20)\d{2})年度?(?:目标值|指标值|计划值|预期值)$")


def _year_of(cell: Cell) -> int | None:
    match = _YEAR_TARGET.match("".join(cell.text.split()))
    return int(match[1]) if match else None


def year_text_role(cell: Cell) -> str:
    """The text role a year's column is kept under: ``text:2021年目标值``."""
    return column_roles.TEXT + ":" + "".join(cell.text.split())


def is_year_role(role: str) -> bool:
    """Whether a text role is another year's target column (``text:2021年目标值``)."""
    return (
        role.startswith(column_roles.TEXT)
        and _YEAR_TARGET.match(role[len(column_roles.TEXT) + 1 :]) is not None
    )


def per_year_roles(
    header: list[Cell], body_from: int, roles: list[str], year: int | None
) -> tuple[list[str], Cell | None, bool]:
    """The header's value roles with the year columns settled: (roles, the annual column's header cell
    or None, whether the annual column is unknown). Headers of fewer than two years pass unchanged."""
    years: list[tuple[int, int, Cell]] = []  # (index in roles, year, header cell)
    k = 0
    for cell in header[:body_from]:
        role = column_roles.role_of(label_key(cell.text)) if cell.text else None
        if role is None or role in column_roles.TREE_ROLES:
            continue
        if k >= len(roles):
            break
        cell_year = _year_of(cell)
        if cell_year is not None and roles[k] == column_roles.ANNUAL:
            years.append((k, cell_year, cell))
        k += 1
    if len({y for _, y, _ in years}) < 2 or len(years) != len({y for _, y, _ in years}):
        return roles, None, False
    settled = list(roles)
    annual: Cell | None = None
    for index, cell_year, cell in years:
        if cell_year == year:
            annual = cell
        else:
            settled[index] = year_text_role(cell)
    if annual is None:  # the table's year among none of them: every year's column kept as text, and
        settled.append(column_roles.ANNUAL)  # the annual value after all the columns: left empty
    return settled, annual, annual is None
