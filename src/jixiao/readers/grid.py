"""Rows of cells → tables, by meaning: the core every reader (text, xlsx, PDF) feeds.

A source is first cut into rows of cells (`Row`). Rows whose columns are known (tab- or
``|``-separated text, a worksheet) keep their empty cells; a stream of single cells (text from a PDF,
one cell per line) has ``columns_known=False`` and is regrouped here by meaning. Nothing depends on
fixed column positions: labels are recognised by name (`labels`), categories by the catalogue,
values by the 指标值 grammar. What is uncertain becomes a `Diagnostic` with the source; nothing is
invented.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao import catalog
from jixiao.model import (
    EMPTY_TARGET,
    Diagnostic,
    Goals,
    Indicator,
    Kind,
    Placeholder,
    Project,
    RowLayout,
    Severity,
    SourceRef,
    Table,
    Target,
)
from jixiao.readers.cells import (
    PAGE_MARK,
    PROSE_START,
    Cell,
    Row,
    category_rows,
    clean_goal_text,
    join_wrapped_labels,
    looks_like_prose,
    parse_amount,
    segments,
)
from jixiao.readers.labels import HEADER_ROLES, Label, label_key, label_of, year_in
from jixiao.values import parse_target_with_reason

# Reader diagnostics. Codes are stable; messages are for people.
UNREADABLE_TABLE = "JX-R01"
UNKNOWN_VALUE = "JX-R02"
EXTRA_CELLS = "JX-R03"
NO_INDICATORS = "JX-R04"
BAD_AMOUNT = "JX-R05"
BAD_YEAR = "JX-R06"
NO_CATEGORY = "JX-R07"
UNNAMED_INDICATOR = "JX-R08"


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
    for segment in segments(rows):
        yield _SegmentReader(segment, file).read()


@dataclass(slots=True)
class _CategoryState:
    level1: str | None = None
    level2: str | None = None
    # category rows seen, (level1, level2, source, layout), to report those left without indicators
    seen: list[tuple[str, str | None, SourceRef, RowLayout | None]] = field(default_factory=list)
    used: set[tuple[str, str | None]] = field(default_factory=set)


class _SegmentReader:
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
        self.budget_unit = "元"
        self.roles: dict[int, str] = {}
        self.indicators: list[Indicator] = []
        self.categories = _CategoryState()
        self.source = rows[0].source if rows else SourceRef(file)

    # -- diagnostics ---------------------------------------------------------------------------
    def note(
        self, code: str, severity: Severity, message: str, source: SourceRef, name: str | None = None
    ) -> None:
        self.diagnostics.append(Diagnostic(code, severity, message, source, indicator=name))

    # -- top level -----------------------------------------------------------------------------
    def read(self) -> tuple[Table | None, list[Diagnostic]]:
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
            cells = []
            sources = row.cell_sources
            col_known = row.columns_known
            for i, text in enumerate(row.cells):
                if not text:
                    continue
                stripped = text.strip()
                if stripped:
                    source = sources[i] if sources and i < len(sources) else row.source
                    cells.append(Cell(stripped, source, i if col_known else None))
            if not cells:
                continue
            if row.columns_known:
                if stream:
                    grouped.append(join_wrapped_labels(stream))
                    stream = []
                grouped.append(cells)
            else:
                stream.extend(cells)
        if stream:
            grouped.append(join_wrapped_labels(stream))
        return grouped

    # -- project block and goals ---------------------------------------------------------------
    def _read_head(self, rows: list[list[Cell]]) -> int:
        """Read labels and their values until the indicator header; return the row to go on from.

        Rows with columns are read row by row; a stream (one long row) is read cell by cell, and
        where its indicator header starts the remaining cells are split off as a row of their own.
        """
        goal: str | None = None
        for r, row in enumerate(rows):
            i = 0
            while i < len(row):
                cell = row[i]
                label = label_of(cell.text)
                if label is Label.INDICATORS or (label is Label.HEADER and not self.roles):
                    if i > 0:  # a stream: the rest of this row is the indicator block
                        rows.insert(r + 1, row[i:])
                        del row[i:]
                        return r + 1
                    return r
                if label is None:
                    if goal is not None:
                        self.goal_parts[goal].append(cell.text)
                        self.goal_lines.setdefault(goal, _line(cell.source))
                    i += 1
                    continue
                goal = None
                i = self._read_label(label, cell, row, i)
                if label is Label.PERIOD_GOAL:
                    goal = "period"
                elif label is Label.ANNUAL_GOAL:
                    goal = "annual"
                    self.year = self.year or year_in(cell.text)
        return len(rows)

    def _read_label(self, label: Label, cell: Cell, row: list[Cell], i: int) -> int:
        """Read one label's value(s) from the cells after it; return the index to go on from."""
        simple = {
            Label.NAME: "name",
            Label.TYPE: "type",
            Label.LEVEL: "level",
            Label.DEPARTMENT: "department",
            Label.UNIT: "unit",
        }
        following = row[i + 1] if i + 1 < len(row) else None
        value_next = following is not None and label_of(following.text) is None
        if label in simple:
            key = simple[label]
            self.lines[key] = _line(cell.source)
            if value_next and following is not None:
                self.fields[key] = following.text
                return i + 2
            self.fields.setdefault(key, "")
            return i + 1
        if label is Label.PERIOD:
            self.lines["period"] = _line(cell.source)
            if value_next and following is not None:  # 实施周期 written as one value: 2021-2029年
                years = [int(y) for y in re.findall(r"(?:19|20|21)\d{2}", following.text)]
                if len(years) == 2:
                    self.fields["period_start"], self.fields["period_end"] = str(years[0]), str(years[1])
                else:
                    self.note(
                        BAD_YEAR, Severity.WARNING, f"实施周期“{following.text}”无法识别", following.source
                    )
                return i + 2
            return i + 1
        if label in (Label.PERIOD_START, Label.PERIOD_END):
            key = "period_start" if label is Label.PERIOD_START else "period_end"
            self.lines.setdefault("period", _line(cell.source))
            if value_next and following is not None:
                self.fields[key] = following.text
                return i + 2
            return i + 1
        if label is Label.BUDGET:
            self.lines["budget"] = _line(cell.source)
            self.year = self.year or year_in(cell.text)
            self.budget_unit = "万元" if "万元" in cell.text else "元"
            if value_next and following is not None:
                self.fields["budget"] = following.text
                return i + 2
            return i + 1
        return i + 1

    # -- indicator block -----------------------------------------------------------------------
    def _read_indicators(self, rows: list[list[Cell]], start: int) -> None:
        header = rows[start]
        body_from = 0
        for j, cell in enumerate(header):
            text = label_key(cell.text)
            if text in HEADER_ROLES and cell.col is not None:
                self.roles[cell.col] = text
            if label_of(cell.text) in (Label.INDICATORS, Label.HEADER):
                body_from = j + 1
            else:
                break
        rest = header[body_from:]
        body = rows[start + 1 :]
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
        if len(row) == 1 and not catalog.is_category_name(first) and self._outside_tree(row[0]):
            return False  # a lone line beside the tree: text between or after tables
        if len(row) == 1 and PAGE_MARK.match(first):
            return True
        layout = RowLayout(tuple((self.roles.get(c.col) if c.col is not None else None, c.text) for c in row))
        rest = self._take_categories(row, layout)
        if not rest:
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
        if len(values) == 1 and self._column_role(values[0]) == "年度指标值":
            period_cell, annual_cell = None, values[0]
        self._add_indicator(name_cell, period_cell, annual_cell, row[0].source, layout)
        return True

    def _read_stream(self, cells: list[Cell]) -> bool:
        """Cells with no columns (one per line): categories, then name + period value + annual value."""
        i = 0
        while i < len(cells):
            cell = cells[i]
            if label_of(cell.text) in (Label.TITLE, Label.NAME) or cell.text.startswith(PROSE_START):
                return False
            if PAGE_MARK.match(cell.text):
                i += 1
                continue
            if catalog.is_category_name(cell.text):
                j = i
                while j < len(cells) and catalog.is_category_name(cells[j].text):
                    j += 1
                for group in category_rows(cells[i:j]):
                    self._take_categories(group, None)
                i = j
                continue
            if looks_like_prose(cell.text):
                return False
            values = []
            for candidate in cells[i + 1 : i + 3]:
                if catalog.is_category_name(candidate.text) or label_of(candidate.text) is not None:
                    break
                values.append(candidate)
            if len(values) == 2 and all(looks_like_prose(v.text) for v in values):
                return False
            self._add_indicator(
                cell, values[0] if values else None, values[1] if len(values) > 1 else None, cell.source, None
            )
            i += 1 + len(values)
        return True

    def _take_categories(self, row: list[Cell], layout: RowLayout | None) -> list[Cell]:
        """Consume the category names that open a row; return the cells after them."""
        k = 0
        names: list[str] = []
        while k < len(row) and catalog.is_category_name(row[k].text):
            names.append(row[k].text)
            k += 1
        if not names:
            return row
        state = self.categories
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
            if parent is None:  # a 一级 name after another category: take it as the 一级
                state.level1, state.level2, stated_in_row = name, None, True
                continue
            if not stated_in_row and (state.level1 is None or catalog.canonical(state.level1) != parent):
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

    def _target(self, cell: Cell | None, name: str) -> Target:
        if cell is None:
            return EMPTY_TARGET
        target, reason = parse_target_with_reason(cell.text, name or None)
        if target.kind is Kind.UNKNOWN:
            self.note(
                UNKNOWN_VALUE, Severity.WARNING, f"指标值“{cell.text}”无法识别：{reason}", cell.source, name
            )
        return target

    def _outside_tree(self, cell: Cell) -> bool:
        """True for a cell left of the 三级 column (where a lone name cannot stand)."""
        name_columns = [col for col, role in self.roles.items() if role == "三级指标"]
        return bool(name_columns) and cell.col is not None and cell.col < min(name_columns)

    def _column_role(self, cell: Cell) -> str | None:
        return self.roles.get(cell.col) if cell.col is not None else None

    def _stands_in_value_column(self, cell: Cell) -> bool:
        return self._column_role(cell) in ("实施周期指标值", "年度指标值")

    # -- assembling ----------------------------------------------------------------------------
    def _build(self) -> Table | None:
        name = self.fields.get("name", "").strip()
        if not name:
            self.note(UNREADABLE_TABLE, Severity.ERROR, "表格没有项目名称，无法读取", self.source)
            return None
        if not self.indicators:
            self.note(NO_INDICATORS, Severity.WARNING, f"“{name}”没有找到绩效指标", self.source)
        project = Project(
            name=name,
            type=self.fields.get("type") or None,
            level=self.fields.get("level") or None,
            department=self.fields.get("department") or None,
            unit=self.fields.get("unit") or None,
            period_start=self._year_field("period_start"),
            period_end=self._year_field("period_end"),
            year=self.year,
            budget=self._budget(),
            budget_unit=self.budget_unit,
            source=self.source,
            lines=tuple(sorted(self.lines.items())),
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
        return Table(project, goals, tuple(self.indicators), placeholders, self.source)

    def _year_field(self, key: str) -> int | None:
        text = self.fields.get(key)
        if text is None:
            return None
        year = year_in(text)
        if year is None or not re.fullmatch(r"\s*\d{4}\s*(?:年)?\s*", text):
            self.note(BAD_YEAR, Severity.WARNING, f"年度“{text}”无法识别", self._line_source("period"))
            return None
        return year

    def _budget(self) -> Decimal | None:
        text = self.fields.get("budget")
        if text is None:
            return None
        amount = parse_amount(text)
        if amount is None:
            self.note(BAD_AMOUNT, Severity.ERROR, f"预算金额“{text}”无法识别", self._line_source("budget"))
            return None
        return amount * 10000 if self.budget_unit == "万元" else amount

    def _line_source(self, key: str) -> SourceRef:
        return SourceRef(self.file, self.lines.get(key)) if key in self.lines else self.source


def _line(source: SourceRef) -> int:
    return source.line or 0
