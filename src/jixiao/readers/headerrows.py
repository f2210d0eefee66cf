"""The rows around an indicator header that are no indicators, settled before the tree is read.

- A goal column in front of the header (``年度目标 | 一级指标 | …``, `goalgroups`): its texts are goals.
- A funds heading's value written as a sentence (``项目资金 | 年度资金总额 612.00 万元，其中…``,
  `head_facts`): cut into label and amount cells before the project block is read.
- An empty column group's sub-header: ``采集数据项`` spanning two columns over ``数据项1 | 数据项2`` on the
  row under the header, the group filled in later (a 吉林 专项经费 form). The sub-header row names no
  tree column and no value column: it is header, never an indicator, and is dropped.
"""

from __future__ import annotations

from functools import lru_cache

from jixiao import catalog
from jixiao.readers import roles as column_roles
from jixiao.readers.cells import Cell
from jixiao.readers.goalgroups import without_goal_column
from jixiao.readers.head_facts import split_funds_sentences
from jixiao.readers.labels import label_key, label_of


def settle_header_rows(
    rows: list[list[Cell]], goal_parts: dict[str, list[str]], goal_lines: dict[str, int]
) -> list[list[Cell]]:
    """The rows without a goal column and without a column group's sub-header row; a funds heading's
    sentence of amounts in the head cut into label and amount cells (`head_facts`)."""
    split_funds_sentences(rows)
    return without_group_sub_header(without_goal_column(rows, goal_parts, goal_lines))


def without_group_sub_header(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows without the row under an indicator header whose every cell stands under a header cell
    of no known role (a column group's heading such as ``采集数据项``)."""
    for start, row in enumerate(rows[:-1]):
        if not _is_tree_header(row):
            continue
        if _under_unknown_group(row, rows[start + 1]):
            return [*rows[: start + 1], *rows[start + 2 :]]
        return rows
    return rows


@lru_cache(maxsize=8192)  # asked of each cell of the rows before the header: the texts repeat
def _role(text: str) -> str | None:
    return column_roles.role_of(label_key(text))


def _is_tree_header(row: list[Cell]) -> bool:
    """A header row with columns: two or more tree headings (一级指标, 二级指标, 三级指标)."""
    if not row or row[0].col is None or row[0].col < 0:
        return False
    found = 0
    for c in row:  # stops at the second: most rows before the header hold none
        if _role(c.text) in column_roles.TREE_ROLES:
            found += 1
            if found == 2:
                return True
    return False


def _under_unknown_group(header: list[Cell], row: list[Cell]) -> bool:
    """Every cell of ``row`` stands under (at or right of) a header cell that names no role and no
    label, and none is a category name or a label itself."""
    if not row or any(c.col is None or c.col < 0 for c in row):
        return False
    for cell in row:
        heading = next((h for h in reversed(header) if h.col is not None and h.col <= (cell.col or 0)), None)
        if heading is None or _role(heading.text) is not None or label_of(heading.text) is not None:
            return False
        if _role(cell.text) is not None or label_of(cell.text) is not None:
            return False
    return not any(catalog.is_category_name(c.text) for c in row)
