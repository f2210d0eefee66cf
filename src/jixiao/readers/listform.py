"""List-form tables → one table per project: a stage before the grid reader.

Some departments publish all their projects in one list (四川 部门预算项目绩效目标申报表): a header
row ``单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | …`` and
then rows where the project columns are filled only on a project's first row (merged cells), and a
department's total row (``820-某镇部门 | 7,412,300.00``) above its projects. This stage recognises
such a header (项目名称 beside the tree headers in one row), and rewrites the rows as the ordinary
layout the grid reads: per project a title, 项目名称, 主管部门, 实施单位, 预算金额, 年度目标, then the
indicator header and the indicator rows. Rows of other tables pass through unchanged.

The project cells of a row are the cells before its first category name; they are matched to the
header's project columns from the right, since the leftmost ones (单位名称) are those merged away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao import catalog
from jixiao.readers.cells import Row, parse_amount_unit
from jixiao.readers.labels import Label, label_key, label_of, unit_in
from jixiao.readers.roles import HEADER_KEYS, LEVEL1, LEVEL3, role_of

_PROJECT_COLUMNS = {
    "项目名称": Label.NAME,
    "单位名称": Label.UNIT,
    "预算单位": Label.UNIT,
    "项目单位": Label.UNIT,
    "实施单位": Label.UNIT,
    "部门名称": Label.DEPARTMENT,
    "预算数": Label.BUDGET,
    "预算金额": Label.BUDGET,
    "项目金额": Label.BUDGET,
    "年度目标": Label.ANNUAL_GOAL,
    "年度绩效目标": Label.ANNUAL_GOAL,
    "单位(专项)名称": Label.NAME,  # 湖南: a unit's total row, then its projects, in one column
    "项目(专项)名称": Label.NAME,
    "专项名称": Label.NAME,
    "资金总额": Label.BUDGET,
    "绩效目标": Label.ANNUAL_GOAL,
}
_OUT_LABELS = {
    Label.NAME: "项目名称",
    Label.UNIT: "实施单位",
    Label.DEPARTMENT: "主管部门",
    Label.BUDGET: "预算金额",
    Label.ANNUAL_GOAL: "年度目标",
}


_TREE_NAMES = {LEVEL1: "一级指标", LEVEL3: "三级指标"}


def _tree_key(key: str) -> str:
    """A tree header by any of its names (具体指标, 指标名称 → 三级指标; 评价指标 → 一级指标)."""
    return _TREE_NAMES.get(role_of(key) or "", key) if key in HEADER_KEYS else key


def _list_header(row: Row) -> list[Label] | None:
    """The project columns of a list-form header, in order, or None for any other row."""
    if not any("名称" in cell for cell in row.cells):  # cheap test first: this runs on every row
        return None
    keys = [_tree_key(label_key(cell)) for cell in row.cells if cell.strip()]
    names = [k for k, key in enumerate(keys) if _PROJECT_COLUMNS.get(key) is Label.NAME]
    if not names or not {"一级指标", "三级指标"} <= set(keys):
        return None
    first_tree = keys.index("一级指标")
    if names[0] > first_tree:
        return None
    return [_PROJECT_COLUMNS.get(key, Label.TYPE) for key in keys[:first_tree]]


def _row(source_row: Row, cells: tuple[str, ...]) -> Row:
    return replace(source_row, cells=cells, cell_sources=None, aligned=False)


def split_list_form(rows: Iterable[Row]) -> Iterator[Row]:
    """Rewrite list-form tables as one ordinary table per project; pass other rows through."""
    columns: list[Label] | None = None
    header: Row | None = None
    department = ""
    unit = ""
    title = "项目绩效目标表"  # the list's own title (its year) is repeated over every project
    money_line = ""  # 部门:505_某局 金额单位:万元 above the list: every project's unit of amounts
    organisation = ""  # 单位名称:某局 on a line above the list: the department of every project in it
    pending: tuple[Row, dict[Label, str]] | None = None  # a project row whose indicators start below it
    in_block = False  # a project's block was written: its indicator rows follow
    for row in rows:
        if columns is None:
            found = _list_header(row) if row.columns_known else None
            if found is None:
                first = next((c.strip() for c in row.cells if c.strip()), "")
                if first and label_of(first) is Label.TITLE:
                    title, money_line, organisation = first, "", ""
                elif first and (named_line := _ORGANISATION_LINE.match(first)) is not None:
                    organisation = named_line.group(1)
                elif first and unit_in(first) is not None and "单位" in first and len(first) <= 60:
                    money_line = first
                yield row
                continue
            columns, header, department, unit, pending, in_block = found, row, "", "", None, False
            if (match := _DEPARTMENT_LINE.search(money_line)) is not None:
                department = match.group(1)
            department = department or organisation
            continue
        cells = [c.strip() for c in row.cells if c.strip()]
        if not cells:
            continue
        if label_of(cells[0]) is Label.TITLE:  # another table begins
            columns = None
            yield row
            continue
        first_category = next((i for i, c in enumerate(cells) if catalog.is_category_name(c)), None)
        if first_category is None:
            if len(cells) == 2 and parse_amount_unit(cells[1]) is not None:
                department = cells[0]  # a department's total row above its projects
            elif (named := _project_row(row, columns)) is not None:
                if pending is not None:  # a unit's total row (代码 | 单位名称 | 金额) above its projects
                    unit = pending[1][Label.NAME]
                pending = (row, named)
            elif _indicator_only(row, columns, header):  # its 一级/二级 merged from the rows above
                yield _row(row, tuple(c.strip() for c in row.cells[len(columns) :] if c.strip()))
            elif in_block and not row.aligned and len(cells) > 1 and label_of(cells[0]) is None:
                yield _row(row, tuple(cells))  # words in order from the 三级 on: its 二级 is the one above
            continue
        project = cells[:first_category]
        named = dict(zip(columns[len(columns) - len(project) :], project, strict=False)) if project else {}
        if not project and pending is not None:
            named = pending[1]
        if named:
            pending = None
            if Label.NAME not in named:
                continue
            unit = named.get(Label.UNIT, unit)
            assert header is not None
            head = [title, money_line] if money_line else [title]
            yield from _project_block(row, named, head, department, unit, header, len(columns))
            in_block = True
        if _without_indicator(row, header):  # 生态效益指标 | (empty) …: a template's category left empty
            yield _row(row, tuple(c for c in cells[first_category:] if catalog.is_category_name(c)))
            continue
        yield _row(row, tuple(cells[first_category:]))


def _project_block(
    row: Row, named: dict[Label, str], head: list[str], department: str, unit: str, header: Row, width: int
) -> Iterator[Row]:
    """One project's block in the ordinary layout: its title lines, 项目名称, 主管部门, 实施单位, 预算金额,
    年度目标, then the indicator header."""
    for line in head:
        yield _row(row, (line,))
    yield _row(row, (_OUT_LABELS[Label.NAME], named[Label.NAME]))
    if department:
        yield _row(row, (_OUT_LABELS[Label.DEPARTMENT], department))
    if unit:
        yield _row(row, (_OUT_LABELS[Label.UNIT], unit))
    for label in (Label.BUDGET, Label.ANNUAL_GOAL):
        if label in named:
            yield _row(row, (_OUT_LABELS[label], named[label]))
    tree = [c for c in header.cells if c.strip()][width:]
    yield _row(header, ("绩效指标", *tree))


def _without_indicator(row: Row, header: Row | None) -> bool:
    """An aligned row whose 三级指标 cell is empty: its categories stand with no indicator."""
    if header is None or not (row.columns_known and row.aligned):
        return False
    keys = [_tree_key(label_key(cell)) for cell in header.cells]
    if "三级指标" not in keys or len(keys) != len(row.cells):
        return False
    return not row.cells[keys.index("三级指标")].strip()


def _indicator_only(row: Row, columns: list[Label], header: Row | None) -> bool:
    """An aligned row with its project cells empty and a 三级指标 under its header: an indicator whose
    categories stand merged in the rows above."""
    if (
        header is None
        or not (row.columns_known and row.aligned)
        or any(c.strip() for c in row.cells[: len(columns)])
    ):
        return False
    return not _without_indicator(row, header) and len(row.cells) == len(header.cells)


def _project_row(row: Row, columns: list[Label]) -> dict[Label, str] | None:
    """A row with its project columns filled and nothing after them (the indicators begin on the row
    below), read by position; None for any other row."""
    if not (row.columns_known and row.aligned) or any(c.strip() for c in row.cells[len(columns) :]):
        return None
    named = {label: text.strip() for label, text in zip(columns, row.cells, strict=False) if text.strip()}
    return named if Label.NAME in named else None


_DEPARTMENT_LINE = re.compile(r"(?:^|\s)(?:预算|主管)?部门\s*[:：]\s*(\S+?)(?=\s|金额单位|单位[:：]|$)")
# ``单位名称:某局`` alone on a line above a unit's list of all its projects (云南 部门预算公开).
_ORGANISATION_LINE = re.compile(r"^(?:单位名称|部门名称|预算单位|预算部门|主管部门)\s*[:：]\s*(\S+)\s*$")
