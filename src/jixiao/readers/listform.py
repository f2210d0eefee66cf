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

from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao import catalog
from jixiao.readers.cells import Row, parse_amount_unit
from jixiao.readers.labels import Label, label_key, label_of

_PROJECT_COLUMNS = {
    "项目名称": Label.NAME,
    "单位名称": Label.UNIT,
    "预算单位": Label.UNIT,
    "部门名称": Label.DEPARTMENT,
    "预算数": Label.BUDGET,
    "预算金额": Label.BUDGET,
    "项目金额": Label.BUDGET,
    "年度目标": Label.ANNUAL_GOAL,
    "年度绩效目标": Label.ANNUAL_GOAL,
}
_OUT_LABELS = {
    Label.NAME: "项目名称",
    Label.UNIT: "实施单位",
    Label.DEPARTMENT: "主管部门",
    Label.BUDGET: "预算金额",
    Label.ANNUAL_GOAL: "年度目标",
}


def _list_header(row: Row) -> list[Label] | None:
    """The project columns of a list-form header, in order, or None for any other row."""
    if not any("项目名称" in cell for cell in row.cells):  # cheap test first: this runs on every row
        return None
    keys = [label_key(cell) for cell in row.cells if cell.strip()]
    if "项目名称" not in keys or not {"一级指标", "三级指标"} <= set(keys):
        return None
    first_tree = keys.index("一级指标")
    if keys.index("项目名称") > first_tree:
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
    for row in rows:
        if columns is None:
            found = _list_header(row) if row.columns_known else None
            if found is None:
                first = next((c.strip() for c in row.cells if c.strip()), "")
                if first and label_of(first) is Label.TITLE:
                    title = first
                yield row
                continue
            columns, header, department, unit = found, row, "", ""
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
            continue
        project = cells[:first_category]
        if project:
            named = dict(zip(columns[len(columns) - len(project) :], project, strict=False))
            if Label.NAME not in named:
                continue
            unit = named.get(Label.UNIT, unit)
            yield _row(row, (title,))
            yield _row(row, (_OUT_LABELS[Label.NAME], named[Label.NAME]))
            if department:
                yield _row(row, (_OUT_LABELS[Label.DEPARTMENT], department))
            if unit:
                yield _row(row, (_OUT_LABELS[Label.UNIT], unit))
            for label in (Label.BUDGET, Label.ANNUAL_GOAL):
                if label in named:
                    yield _row(row, (_OUT_LABELS[label], named[label]))
            assert header is not None
            tree = [c for c in header.cells if c.strip()][len(columns) :]
            yield _row(header, ("绩效指标", *tree))
        yield _row(row, tuple(cells[first_category:]))
