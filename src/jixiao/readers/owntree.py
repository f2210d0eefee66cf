"""A publisher's own categories in the tree columns, known by the column they stand under.

A mixin of the grid reader (`grid._SegmentReader`). Old and local forms write 一级/二级 the catalogue
does not know (投入指标, 过程指标; 目标完成程度, 制度指标): under the 一级 or 二级 header, with the
indicator's name under the 三级 header after them, they are categories kept as written, never names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mypy_extensions import trait

from jixiao import catalog
from jixiao.model import RowLayout, Severity, SourceRef
from jixiao.readers import roles as column_roles
from jixiao.readers import stacked
from jixiao.readers.cells import Cell
from jixiao.readers.labels import HEADER_ROLES, Label, label_key, label_of
from jixiao.readers.subheader import merged_over_parts, part_columns, split_value_column
from jixiao.readers.yearcolumns import YEAR_COLUMNS, per_year_roles, year_text_role

_GOAL_HEADING = re.compile(r"^[^()]{0,10}绩效目标(?:\([^()]{1,10}\))?$")


@dataclass(slots=True)
class CategoryState:
    """The 一级/二级 the rows being read stand under."""

    level1: str | None = None
    level2: str | None = None
    # category rows seen, (level1, level2, source, layout), to report those left without indicators
    seen: list[tuple[str, str | None, SourceRef, RowLayout | None]] = field(default_factory=list)
    used: set[tuple[str, str | None]] = field(default_factory=set)


@trait  # a mixin of grid's reader: mypyc compiles a class with several bases only from traits
class OwnTree:
    """Reads the tree columns of the header and a publisher's own categories; state on the grid reader."""

    roles: dict[int, str]
    stream_roles: list[str]
    role_columns: dict[str, int]
    annual_col: int | None
    level2_columns: set[int]
    categories: CategoryState
    inferred: list[str]
    year: int | None
    title_year: int | None

    def _note_header(self, header: list[Cell], body: list[list[Cell]]) -> tuple[int, list[str]]:
        """The indicator header's columns: where the body starts, the value and text roles in order;
        the tree columns and the annual column are kept for the rows."""
        in_level2 = stacked.names_in_level2(header, body)
        body_from, stream_roles, columns = stacked.header_roles(header, in_level2)
        stream_roles = merged_over_parts(stream_roles)  # 指标值 | 上年实际值 | 本年目标值 read in one run
        if in_level2:  # the 二级指标 column holds the names: read it as the 三级's
            columns = {col: "三级指标" if text == "二级指标" else text for col, text in columns.items()}
            self.inferred.append("指标名称在二级指标列（表中没有三级指标）")
        self.roles.update(columns)
        for cell in header[:body_from]:  # where each value and text column stands, for aligned rows
            role = (
                column_roles.role_of(label_key(cell.text)) if cell.col is not None and cell.col >= 0 else None
            )
            if role is not None and role not in column_roles.TREE_ROLES and cell.col is not None:
                self.role_columns[role] = cell.col  # the last column of the role: 指标性质 | 指标方向
        self.annual_col = next(
            (c.col for c in header if c.col is not None
             and column_roles.role_of(label_key(c.text)) == column_roles.ANNUAL),
            None,
        )  # fmt: skip
        return body_from, self._settle_year_columns(header, body_from, stream_roles)

    def _settle_year_columns(self, header: list[Cell], body_from: int, stream_roles: list[str]) -> list[str]:
        """One target column per year: the budget year's is annual, the others text (`yearcolumns`)."""
        year = self.year or self.title_year
        settled, annual, unknown = per_year_roles(header, body_from, stream_roles, year)
        for cell in header[:body_from]:  # each other year's column stands under its own heading
            if cell.col is not None and cell.col >= 0 and year_text_role(cell) in settled:
                self.role_columns[year_text_role(cell)] = cell.col
        if annual is not None and annual.col is not None and annual.col >= 0:
            self.annual_col = self.role_columns[column_roles.ANNUAL] = annual.col
        if unknown:
            self.annual_col = None
            self.role_columns.pop(column_roles.ANNUAL, None)
            message = (
                f"指标值按年度分列，表的预算年度（{year or '未知'}）不在其中：哪一列是年度指标值无法确定，"
                "年度指标值留空，各年的值记在指标的说明中"
            )
            self.note(YEAR_COLUMNS, Severity.WARNING, message, header[0].source)
        return settled

    def note(
        self, code: str, severity: Severity, message: str, source: SourceRef, name: str | None = None
    ) -> None:
        """A diagnostic of the table (implemented by the grid's reader)."""
        raise NotImplementedError

    def _infer(self, what: str) -> None:
        raise NotImplementedError  # implemented by `stacked.StackedBlocks`

    def _note_sub_header(self, row: list[Cell]) -> None:
        """指标名称 over 二级指标 | 三级指标: the lower header row names the tree columns; 指标值 over
        ``2021年实际实现值 | 预期2022年实现值``: the value column splits into a baseline and the target."""
        self.roles.update(
            (c.col, key) for c in row if c.col is not None and (key := label_key(c.text)) in HEADER_ROLES
        )
        split = split_value_column(self.stream_roles, row)
        if split is not None:
            self.stream_roles = split
            self.role_columns.update(part_columns(row, self.role_columns.get(column_roles.ANNUAL)))
            self.annual_col = self.role_columns.get(column_roles.ANNUAL, self.annual_col)

    def _note_stream_headers(self, cells: list[Cell], i: int) -> int:
        """Header cells met in a stream (a header repeated on a new page, or a sub-header naming the
        parts of the value column): noted, and the index after them."""
        j = i
        while j < len(cells) and label_of(cells[j].text) is Label.HEADER:
            j += 1
        self._note_sub_header(cells[i:j])
        return max(j, i + 1)

    def _take_own_categories(self, row: list[Cell]) -> list[Cell]:
        """Consume a publisher's own 一级 and 二级 opening a row; return the cells after them."""
        joined = catalog.joined_categories(row[0].text) if row[0].text.endswith("指标") else None
        if joined is not None:  # 产出数量指标 in one cell: the 一级 and the 二级 run together
            level1, level2 = joined
            row = [row[0]._replace(text=level1), row[0]._replace(text=level2), *row[1:]]
            if stacked.LEVEL1_RUN_INTO_LEVEL2 not in self.inferred:
                self.inferred.append(stacked.LEVEL1_RUN_INTO_LEVEL2)
        if len(row) > 2 and self._goal_heading(row[0]):  # 项目年度绩效目标(定量指标) over the rows
            self.categories.level1, self.categories.level2 = None, None
            row = row[1:]
        first = row[0]
        if first.col is not None and catalog.parent_in_any(first.text) is not None:
            self.level2_columns.add(first.col)  # a column that holds 二级 names, whatever its header
        elif first.col in self.level2_columns and len(row) > 1 and not catalog.is_category_name(row[1].text):
            only = stacked.sole_level2(first.text, first.text)
            if only is not None:  # 满意度指标 where the column holds 二级: its one 二级
                self.categories.level1, self.categories.level2 = first.text, only
                self._infer(stacked.LEVEL2_FROM_LEVEL1)
                return row[1:]
        if len(row) > 2 and self._custom_level1(row[0], row[1]):
            self.categories.level1, self.categories.level2 = row[0].text, None
            row = row[1:]
        if len(row) > 2 and self._custom_level2(row[0], row[1]) and self._fills_annual(row):
            self.categories.level2 = row[0].text
            row = row[1:]
        return row

    def _goal_heading(self, cell: Cell) -> bool:
        """A heading of the goals in the 一级 column (``项目年度绩效目标(定量指标)``): not a category,
        so the rows under it have no 一级 until a category is written."""
        header = self.roles.get(cell.col) if cell.col is not None else None
        if header is None or column_roles.role_of(label_key(header)) != column_roles.LEVEL1:
            return False
        return _GOAL_HEADING.match(label_key(cell.text)) is not None

    def _custom_level2(self, cell: Cell, following: Cell) -> bool:
        """A 二级 of the publisher's own (目标完成程度, 制度指标) under the 二级 header, a 三级 after it:
        kept as written, under the 一级 read before it (the catalogue does not know it)."""
        header = self.roles.get(cell.col) if cell.col is not None else None
        if header is None or column_roles.role_of(label_key(header)) != column_roles.LEVEL2:
            return False
        return bool(cell.text) and not catalog.is_category_name(cell.text) and self._under_level3(following)

    def _custom_level1(self, cell: Cell, following: Cell) -> bool:
        """A 一级 of an old or local tree (投入指标, 过程指标) under the 一级 header, a 三级 after it."""
        header = self.roles.get(cell.col) if cell.col is not None else None
        if header is None or column_roles.role_of(label_key(header)) != column_roles.LEVEL1:
            return False
        if not cell.text.endswith("指标") or catalog.is_category_name(cell.text) or len(cell.text) > 12:
            return False
        return self._under_level3(following)

    def _fills_annual(self, row: list[Cell]) -> bool:
        """Whether the row has its annual value (or, with no value written, its 分值) under its header:
        its cells stand in their columns."""
        weight_col = self.role_columns.get(column_roles.WEIGHT)
        return self.annual_col is not None and any(
            c.text and c.col is not None and c.col in (self.annual_col, weight_col) for c in row
        )

    def _under_level3(self, cell: Cell) -> bool:
        """Whether a cell stands under the 三级 header (its column's header names the indicator)."""
        header = self.roles.get(cell.col) if cell.col is not None else None
        return header is not None and column_roles.role_of(label_key(header)) == column_roles.LEVEL3
