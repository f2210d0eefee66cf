"""Rows of cells → tables, by meaning: the core every reader (text, xlsx, PDF) feeds.

A source is first cut into rows of cells (`Row`). Rows whose columns are known (tab- or
``|``-separated text, a worksheet) keep their empty cells; a stream of single cells (text from a PDF,
one cell per line) has ``columns_known=False`` and is regrouped here by meaning. Nothing depends on
fixed column positions: labels are recognised by name (`labels`), categories by the catalogue,
values by the 指标值 grammar. What is uncertain becomes a `Diagnostic` with the source; nothing is
invented.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from jixiao import catalog
from jixiao.model import (
    Diagnostic,
    Goals,
    Indicator,
    Placeholder,
    Project,
    Reading,
    RowLayout,
    Severity,
    SourceRef,
    Table,
)
from jixiao.readers import headerrows, stacked
from jixiao.readers import roles as column_roles
from jixiao.readers.cells import (
    NEXT_TABLE,
    PAGE_MARK,
    PLACEHOLDER_ROW,
    PROSE_START,
    Cell,
    Row,
    category_rows,
    clean_goal_text,
    in_category_run,
    is_footer,
    is_signature,
    looks_like_prose,
    segments,
)
from jixiao.readers.head import ProjectBlockReader
from jixiao.readers.labels import Label, label_key, label_of
from jixiao.readers.labelwraps import join_wrapped_labels
from jixiao.readers.outline import without_outline_numbers
from jixiao.readers.owntree import CategoryState, OwnTree
from jixiao.readers.stacked import StackedBlocks
from jixiao.readers.stream import SCORE_CELL, ValueCellsReader, ends_stream, join_category
from jixiao.readers.templaterows import without_template_rows

# Reader diagnostics. Codes are stable; messages are for people.
UNREADABLE_TABLE = "JX-R01"
EXTRA_CELLS = "JX-R03"
NO_INDICATORS = "JX-R04"
NO_CATEGORY = "JX-R07"
UNALIGNED = -1  # the column of a cell whose row is in order but not under its header's columns
UNNAMED_INDICATOR = "JX-R08"
REGIONS = "JX-R12"
EMPTY_NAME = "JX-R14"  # the 项目名称 label stands with no value: the table is read, its name left empty


def read_rows(rows: Iterable[Row], file: str | None = None) -> tuple[list[Table], list[Diagnostic]]:
    """Read every table in the rows; return the tables and what could not be read with certainty."""
    tables: list[Table] = []
    diagnostics: list[Diagnostic] = []
    for table, found in iter_tables(rows, file):
        if table is not None:
            tables.append(table)
        diagnostics.extend(found)
    return tables, diagnostics


def iter_tables(
    rows: Iterable[Row], file: str | None = None
) -> Iterator[tuple[Table | None, list[Diagnostic]]]:
    """Yield tables one at a time as their rows arrive, so large inputs stream in flat memory."""
    previous_year: int | None = None  # the budget year of the table before, for a table that names none
    header_unit: str | None = None  # 单位:万元 over the document's tables: holds until another is written
    for segment in segments(without_outline_numbers(rows)):
        reader = _SegmentReader(segment, file)
        reader.previous_year, reader.inherited_unit = previous_year, header_unit
        table, found = without_template_rows(*reader.read())  # 本项目不适用此指标 | 无: no indicator
        if table is not None and table.project.year is not None:
            previous_year = table.project.year
        header_unit = reader.header_unit or header_unit
        yield table, found


class _SegmentReader(StackedBlocks, ProjectBlockReader, ValueCellsReader, OwnTree):
    """Reads the rows of one table."""

    def __init__(self, rows: Sequence[Row], file: str | None) -> None:
        self.rows = rows
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        self.fields: dict[str, str] = {}
        self.lines: dict[str, int] = {}
        self.goal_parts: dict[str, list[str]] = {"period": [], "annual": []}
        self.goal_lines: dict[str, int] = {}
        self.year: int | None = None
        self.title_year: int | None = None
        self.document_year: int | None = None  # a year in a line above the table: the last resort
        self.context_texts: list[str] = []
        self.previous_year: int | None = None  # the year of the table before it in the same document
        self.money_above: tuple[Decimal, ...] = ()  # amounts in 万元 the text above the table writes
        self.budget_unit = "元"
        self.unit_hint: str | None = None  # 单位:万元 in a header line, 项目资金(万元) as a section label
        self.header_unit: str | None = None  # 单位:万元 in a header line of this table
        self.inherited_unit: str | None = None  # the header line's unit of a table before, in the document
        self.amounts: dict[Label, tuple[str, str | None, int]] = {}  # label → (text, unit of label, line)
        self.parts: list[tuple[str, str | None, int]] = []
        self.inferred: list[str] = []
        self.roles: dict[int, str] = {}
        self.role_columns: dict[str, int] = {}  # a value or text role → the last column headed by it
        self.annual_col: int | None = None  # the column headed 年度指标值 (or a synonym), where known
        self.level2_columns: set[int] = set()
        self.stream_roles: list[str] = [column_roles.PERIOD, column_roles.ANNUAL]
        self.side_by_side = False
        self.block: str | None = None  # stacked blocks: PERIOD under 长期绩效指标, then ANNUAL under 年度
        self.period_names: dict[str, int] = {}  # the 长期 block's indicators by name → index
        self.indicators: list[Indicator] = []
        self.categories = CategoryState()
        self.source = rows[0].source if rows else SourceRef(file)

    # -- diagnostics ---------------------------------------------------------------------------
    def note(
        self, code: str, severity: Severity, message: str, source: SourceRef, name: str | None = None
    ) -> None:
        self.diagnostics.append(Diagnostic(code, severity, message, source, indicator=name))

    # -- top level -----------------------------------------------------------------------------
    def read(self) -> tuple[Table | None, list[Diagnostic]]:
        rows = self.rows
        self.money_above = rows[0].money_above if rows else ()
        if rows and rows[0].context:  # lines just before the table: the title's year, 单位:万元
            body = [row for row in rows if not row.context]
            context = rows[: len(rows) - len(body)]
            for row in context:
                self._note_filer_beside_unit(row.cells)
                for text in row.cells:
                    if text.strip():
                        self._note_head_cell(text.strip())
                        self._note_filer(text.strip())
            self._note_context_year(context)
            self.rows = body
            self.source = body[0].source if body else self.source
        cells = self._cells()
        position = self._read_head(cells)
        if position < len(cells):
            self._read_indicators(cells, position)
        table = self._build()
        return table, self.diagnostics

    def _cells(self) -> list[list[Cell]]:
        """The non-empty cells of each row; a stream of single cells becomes one long row."""
        grouped: list[list[Cell]] = []
        stream: list[Cell] = []
        for row in self.rows:
            sources = row.cell_sources
            if not row.columns_known:  # one cell per line: straight into the stream
                if row.blank:
                    stream.append(_new_cell(Cell, ("", row.source, None)))
                    continue
                for i, text in enumerate(row.cells):
                    if text and (stripped := text.strip()):
                        source = sources[i] if sources and i < len(sources) else row.source
                        stream.append(_new_cell(Cell, (stripped, source, None)))
                continue
            aligned, place = row.aligned, row.source
            cells = [
                _new_cell(Cell, (stripped, sources[i] if sources and i < len(sources) else place, i))
                for i, text in enumerate(row.cells)
                if text and (stripped := text.strip())
            ]  # (a column of -1 below where the row is not aligned)
            if not cells:
                continue
            if not aligned and _BY_MEANING not in self.inferred:
                self.inferred.append(_BY_MEANING)
            if stream:
                grouped.append(join_wrapped_labels(stream))
                stream = []
            grouped.append(
                cells if aligned else join_wrapped_labels([c._replace(col=UNALIGNED) for c in cells])
            )
        if stream:
            grouped.append(join_wrapped_labels(stream))
        return headerrows.settle_header_rows(grouped, self.goal_parts, self.goal_lines)  # 年度目标, 数据项1

    # -- project block and goals ---------------------------------------------------------------
    def _read_indicators(self, rows: list[list[Cell]], start: int) -> None:
        header = rows[start]
        if header and header[0].text:
            self._note_block(header[0].text)
        body_from, stream_roles = self._note_header(header, rows[start + 1 :])
        levels3 = sum(
            1 for c in header[:body_from] if column_roles.role_of(label_key(c.text)) == column_roles.LEVEL3
        )
        if (
            levels3 >= 2
            and len([r for r in stream_roles if r in (column_roles.ANNUAL, column_roles.PERIOD)]) >= 2
        ):
            self.side_by_side = True
        elif column_roles.ANNUAL in stream_roles or column_roles.PERIOD in stream_roles:
            self.stream_roles = stream_roles
        elif any(column_roles.is_region_role(r) for r in stream_roles):
            self.stream_roles = stream_roles
            places = "、".join(r.partition(":")[2] for r in stream_roles if column_roles.is_region_role(r))
            message = f"指标值按地区分列（{places}），没有统一的年度指标值：各地区的值记在指标的说明中"
            self.note(REGIONS, Severity.INFO, message, header[0].source)
        rest = header[body_from:]
        body = rows[start + 1 :]
        if rest and rest[0].col is not None and not any(catalog.is_category_name(c.text) for c in rest):
            rest = []  # a note on the header row (保障绩效目标实现措施 in a column of its own)
        if rest:  # a stream: the header cells are followed by the indicator cells
            body = [rest, *body]
        for row in body:
            if row[0].col is None:
                if not self._read_stream(row):
                    return
            elif not self._read_row(row):
                return

    def _read_row(self, row: list[Cell]) -> bool:
        """One row of a table with columns. Return False where the table has ended."""
        first = row[0].text
        if first.startswith(PROSE_START) or (len(row) == 1 and looks_like_prose(first)):
            return False
        first_label = label_of(first)
        if first_label is Label.INDICATORS and len(row) > 3 and catalog.is_category_name(row[1].text):
            shift = 1 if row[0].col is not None and self.roles.get(row[0].col) == "一级指标" else 0
            row = [c._replace(col=c.col - shift) if c.col else c for c in row[1:]]
            first, first_label = row[0].text, None  # the merged 绩效指标 label beside a row: not a header
        if first_label is Label.TITLE or is_footer(first) or (len(row) == 1 and NEXT_TABLE.match(first)):
            return False
        if first_label in (Label.INDICATORS, Label.HEADER) or PLACEHOLDER_ROW.match(first):
            if first_label is Label.INDICATORS:
                self._note_block(first)
            if first_label is Label.HEADER:
                self._note_sub_header(row)
            return True  # a header repeated over a second block (年度绩效指标), a '……' template row
        if len(row) > 1 and is_footer(row[-1].text):  # 财政部门初审意见 | (盖章)
            return False
        if len(row) == 1 and (PAGE_MARK.match(first) or SCORE_CELL.match(first)):
            return True  # a page number mid-table (the header may follow again): the table goes on
        if len(row) == 1 and not catalog.is_category_name(first) and self._outside_tree(row[0]):
            return False  # a lone line beside the tree: text between or after tables
        roles = self.roles
        layout = (
            None  # cells in order but not under their headers: no layout to judge (JX-S01…S03 stay quiet)
            if row[0].col == UNALIGNED
            else RowLayout(tuple([(roles.get(c.col) if c.col is not None else None, c.text) for c in row]))
        )
        row = self._take_own_categories(row)
        rest = self._take_categories(row, layout)
        if not rest or (len(rest) == 1 and PLACEHOLDER_ROW.match(rest[0].text)):
            return True  # categories alone, or a template's '…' in the 二级 column
        if self.side_by_side:
            return self._read_side_by_side(rest, row[0].source, layout)
        if self.stream_roles != _PERIOD_ANNUAL:  # read the value columns by their roles
            taken, j = self._take_role_cells(rest, 1)
            if j < len(rest):
                extra = "、".join(c.text for c in rest[j:])
                self.note(EXTRA_CELLS, Severity.WARNING, f"指标行多出的单元格未读取：{extra}", rest[j].source)
            self._add_stream_indicator(rest[0], taken, layout, row[0].source)
            return True
        values = rest[1:3] if len(rest) >= 2 else []
        name_cell: Cell | None = rest[0]
        if len(rest) == 2 and self._stands_in_value_column(rest[0]):
            name_cell, values = None, rest[0:2]
        if len(rest) > 3:
            extra = "、".join(c.text for c in rest[3:])
            self.note(EXTRA_CELLS, Severity.WARNING, f"指标行多出的单元格未读取：{extra}", rest[3].source)
        period_cell = values[0] if values else None
        annual_cell = values[1] if len(values) > 1 else None
        if len(values) == 1 and (
            self._column_role(values[0]) == "年度指标值" or "实施周期指标值" not in self.roles.values()
        ):
            period_cell, annual_cell = None, values[0]
        self._add_indicator(name_cell, period_cell, annual_cell, row[0].source, layout)
        return True

    def _read_stream(self, cells: list[Cell]) -> bool:
        """Cells with no columns (one per line): categories, then a name and the cells of the value
        columns the header named (`roles`), in order; an absent optional cell is skipped by meaning."""
        i = 0
        left_empty = False
        while i < len(cells):
            cell = cells[i]
            text = cell.text
            if not text or (
                (text[0].isdigit() or text[0] in "(（-….")
                and (PAGE_MARK.match(text) or SCORE_CELL.match(text) or PLACEHOLDER_ROW.match(text))
            ):
                i += 1  # an empty cell, a page number, a category's score wrapped below it ((40-50)分)
                continue
            if ends_stream(text):  # a title, a name label, prose, a footer, 表十二 over the next table
                return False
            label = label_of(text)
            if i + 1 < len(cells) and is_signature(text, cells[i + 1].text):
                return False
            if label in (Label.HEADER, Label.INDICATORS):  # a header repeated on a new page, a sub-header
                i = self._note_stream_headers(cells, i)
                continue
            joined = join_category(cells, i)
            if joined is not None:
                cells[i : i + 2] = [joined]
                cell = joined
            if in_category_run(cells, max(i - 1, 0), i):  # a category, not a 二级 renamed as the indicator
                j = i
                while j < len(cells) and in_category_run(cells, i, j):
                    j += 1
                run = [c for c in cells[i:j] if c.text and not catalog.is_umbrella(c.text)]
                # blocks side by side with the left (中期) block empty: the blank cells stand between the
                # two blocks' categories, and the one value that follows is the right (年度) block's
                left_empty = any(not c.text for c in cells[i:j]) and len(run) >= 2
                groups = list(category_rows(run))
                for n, group in enumerate(groups):
                    if n == len(groups) - 1 and j < len(cells):
                        # the last group stands in a row with the indicator after it, as in a table:
                        # 成本指标 followed by an indicator under 产出 is the old framework's 二级
                        self._take_categories([*group, cells[j]], None)
                    else:
                        self._take_categories(group, None)
                i = j
                continue
            if looks_like_prose(cell.text):
                return False
            taken, j = self._take_role_cells(cells, i + 1)
            if self.side_by_side and left_empty:  # a blank cell closing the last row is no 年度 value
                taken = {role: c for role, c in taken.items() if c.text.strip()}
            if self.side_by_side and left_empty and list(taken) == [column_roles.PERIOD]:
                taken = {column_roles.ANNUAL: taken[column_roles.PERIOD]}
            values = [taken[r] for r in (column_roles.PERIOD, column_roles.ANNUAL) if r in taken]
            if len(values) == 2 and all(looks_like_prose(v.text) for v in values):
                return False
            self._add_stream_indicator(cell, taken)
            i = j
        return True

    def _take_categories(self, row: list[Cell], layout: RowLayout | None) -> list[Cell]:
        """Consume the category names that open a row; return the cells after them."""
        k = 0
        names: list[str] = []
        while k < len(row) and (catalog.is_category_name(row[k].text) or catalog.is_umbrella(row[k].text)):
            if not catalog.is_umbrella(row[k].text):
                names.append(row[k].text)
            k += 1
        if (
            names
            and k < len(row)
            and row[k - 1].text == names[-1]
            and not self._under_level3(row[k])
            and stacked.named_like_category(names, row, k)
        ):  # a cell under the 三级 header is a name however it reads (指标1:学员满意度)
            names, k = names[:-1], k - 1  # 满意度指标 | 服务对象满意度 | ≥90%: the last is the 三级's name
        if not names:
            return row[k:]
        state = self.categories
        if (
            len(names) == 1
            and k == len(row)
            and catalog.canonical(names[0]) == catalog.canonical(state.level2 or "")
        ):
            return []  # the 二级 just read, repeated over the 年度 block beside it (成本指标 | … | 成本指标)
        if (
            len(names) == 1
            and k < len(row)
            and catalog.parent_in_any(names[0]) is None
            and state.level2 is not None
            and catalog.parent_in_any(state.level2) == catalog.canonical(names[0])
            and catalog.canonical(state.level1 or "") == catalog.canonical(names[0])
        ):  # the tall merged 一级 cell written mid-group: the group goes on
            state.seen.append((state.level1 or names[0], state.level2, row[0].source, layout))
            return row[k:]
        stated_in_row = False  # a 一级 written in the row itself is kept, even if misfiled
        for n, name in enumerate(names):
            parent = catalog.parent_in_any(name)
            opens_row = n == 0 and catalog.is_level1_name(name)
            if opens_row and (
                len(names) > 1
                or k == len(row)
                or parent is None
                or catalog.canonical(state.level1 or "") != parent
            ):
                state.level1, state.level2, stated_in_row = name, None, True
                continue
            if parent is None and n > 0 and (only := stacked.sole_level2(name, state.level1)) is not None:
                state.level2 = only  # 满意度指标 | 满意度指标: the 一级 repeated where its one 二级 stands
                self.inferred.extend(
                    () if stacked.LEVEL2_FROM_LEVEL1 in self.inferred else (stacked.LEVEL2_FROM_LEVEL1,)
                )
                continue
            if parent is None:  # a 一级 name after another category: take it as the 一级
                state.level1, state.level2, stated_in_row = name, None, True
                continue
            if not stated_in_row and (state.level1 is None or catalog.canonical(state.level1) != parent):
                if state.level1 is None and "一级指标由二级指标推断" not in self.inferred:
                    self.inferred.append("一级指标由二级指标推断")
                state.level1 = parent
            state.level2 = name
        if state.level1 is not None:
            state.seen.append((state.level1, state.level2, row[0].source, layout))
        return row[k:]

    def _add_indicator(
        self,
        name_cell: Cell | None,
        period_cell: Cell | None,
        annual_cell: Cell | None,
        source: SourceRef,
        layout: RowLayout | None,
    ) -> None:
        state = self.categories
        name = name_cell.text if name_cell else ""
        if self.block is not None:
            period_cell, annual_cell, done = self._stacked(name, period_cell, annual_cell)
            if done:
                return
        period = self._target(period_cell, name)
        annual = self._target(annual_cell, name)
        if not name:
            name = period.subject or annual.subject or ""
            self.note(
                UNNAMED_INDICATOR,
                Severity.WARNING,
                "三级指标名称为空" + (f"，按指标值中的文字取名“{name}”" if name else ""),
                source,
            )
        if state.level1 is None:
            self.note(NO_CATEGORY, Severity.WARNING, f"指标“{name}”前没有一级指标", source, name)
        state.used.add((state.level1 or "", state.level2))
        state.used.add((state.level1 or "", None))
        self.indicators.append(
            Indicator(
                level1=state.level1 or "",
                level2=state.level2 or "",
                name=name,
                period=period,
                annual=annual,
                source=source,
                layout=layout,
            )
        )

    # -- assembling ----------------------------------------------------------------------------
    def _build(self) -> Table | None:
        name = self._table_name()
        if not name and "name_left_empty" in self.fields and self.indicators:  # 项目名称: and no value
            message = "项目名称一栏为空：表格照读，项目名称留空（不从别处推断），请核对原表"
            self.note(EMPTY_NAME, Severity.WARNING, message, SourceRef(self.file, self.lines["name"]))
        elif not name:
            self.note(UNREADABLE_TABLE, Severity.ERROR, "表格没有项目名称，无法读取", self.source)
            return None
        if not self.indicators:
            self.note(NO_INDICATORS, Severity.WARNING, f"“{name}”没有找到绩效指标", self.source)
        self._year_from_names(name)
        start, end = self._year_field("period_start"), self._year_field("period_end")
        self._year_from_period(start, end)
        budget, total_funds = self._amounts()  # after the year: an amount of no told year is no budget
        project = Project(
            name=name,
            type=self.fields.get("type") or None,
            level=self.fields.get("level") or None,
            department=self.fields.get("department") or None,
            unit=self.fields.get("unit") or None,
            period_start=start,
            period_end=end,
            year=self.year or self.title_year,
            budget=budget,
            budget_unit=self.budget_unit,
            source=self.source,
            lines=tuple(sorted(self.lines.items())),
            total_funds=total_funds,
        )
        goals = Goals(
            period=clean_goal_text(" ".join(self.goal_parts["period"])),
            annual=clean_goal_text(" ".join(self.goal_parts["annual"])),
            period_line=self.goal_lines.get("period"),
            annual_line=self.goal_lines.get("annual"),
        )
        state = self.categories
        placeholders = tuple(
            Placeholder(level1, level2, source, layout)
            for level1, level2, source, layout in state.seen
            if (level1, level2) not in state.used
        )
        reading = Reading(
            confidence=stacked.confidence(self.indicators, "budget" in self.lines),
            inferred=tuple(self.inferred),
        )
        return Table(project, goals, tuple(self.indicators), placeholders, self.source, reading)


_BY_MEANING = "单元格不在表头的列下，按含义读取"
_new_cell = tuple.__new__  # a `Cell` from its tuple: the namedtuple's __new__ is a Python call a cell
_PERIOD_ANNUAL = [column_roles.PERIOD, column_roles.ANNUAL]  # the value columns when no header says
