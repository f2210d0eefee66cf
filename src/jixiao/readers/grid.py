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
from dataclasses import dataclass, field, replace
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
    Reading,
    RowLayout,
    Severity,
    SourceRef,
    Table,
    Target,
)
from jixiao.readers import roles as R
from jixiao.readers.cells import (
    PAGE_MARK,
    PROSE_START,
    Cell,
    Row,
    category_rows,
    clean_goal_text,
    is_footer,
    join_wrapped_labels,
    looks_like_prose,
    parse_amount_unit,
    segments,
)
from jixiao.readers.columns import comparator_of, fold_value
from jixiao.readers.damage import DAMAGED_VALUE, damage
from jixiao.readers.labels import HEADER_ROLES, Label, label_key, label_of, unit_in, year_in
from jixiao.values import parse_target_with_reason

# Reader diagnostics. Codes are stable; messages are for people.
UNREADABLE_TABLE = "JX-R01"
UNKNOWN_VALUE = "JX-R02"
EXTRA_CELLS = "JX-R03"
NO_INDICATORS = "JX-R04"
BAD_AMOUNT = "JX-R05"
BAD_YEAR = "JX-R06"
NO_CATEGORY = "JX-R07"
UNALIGNED = -1  # the column of a cell whose row is in order but not under its header's columns
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
        self.title_year: int | None = None
        self.budget_unit = "元"
        self.unit_hint: str | None = None  # 单位:万元 in a header line, 项目资金(万元) as a section label
        self.amounts: dict[Label, tuple[str, str | None, int]] = {}  # label → (text, unit of label, line)
        self.inferred: list[str] = []
        self.roles: dict[int, str] = {}
        self.stream_roles: list[str] = [R.PERIOD, R.ANNUAL]
        self.side_by_side = False
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
        rows = self.rows
        if rows and rows[0].context:  # lines just before the table: the title's year, 单位:万元
            body = [row for row in rows if not row.context]
            for row in rows[: len(rows) - len(body)]:
                for text in row.cells:
                    if text.strip():
                        self._note_head_cell(text.strip())
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
            cells = []
            sources = row.cell_sources
            col_known = row.columns_known
            for i, text in enumerate(row.cells):
                if not text:
                    continue
                stripped = text.strip()
                if stripped:
                    source = sources[i] if sources and i < len(sources) else row.source
                    column = (i if row.aligned else UNALIGNED) if col_known else None
                    cells.append(Cell(stripped, source, column))
            if row.blank and not row.columns_known:
                stream.append(Cell("", row.source, None))
                continue
            if not cells:
                continue
            if not row.aligned and row.columns_known and _BY_MEANING not in self.inferred:
                self.inferred.append(_BY_MEANING)
            if row.columns_known:
                if stream:
                    grouped.append(join_wrapped_labels(stream))
                    stream = []
                grouped.append(cells if row.aligned else join_wrapped_labels(cells))
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
                if not cell.text:
                    i += 1
                    continue
                label = label_of(cell.text)
                if label is None and len(cell.text) <= 60:
                    self._note_head_cell(cell.text)
                    label, cell = self._split_label_value(cell, row, i)
                if label is Label.INDICATORS or (
                    label is Label.HEADER and not self.roles and self._opens_header(row, i)
                ):
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

    @staticmethod
    def _opens_header(row: list[Cell], i: int) -> bool:
        """A tree header cell (一级指标, 三级) followed by another header cell opens the indicator block."""
        if R.role_of(label_key(row[i].text)) not in R.TREE_ROLES:
            return False
        following = next((c for c in row[i + 1 :] if c.text), None)
        return following is not None and label_of(following.text) is Label.HEADER

    def _note_head_cell(self, text: str) -> None:
        """Hints in unlabelled head cells: the year of the title (``(2024 年度)``), ``单位:万元``."""
        unit = unit_in(text)
        if unit is not None and ("单位" in text or len(text) <= 8):
            self.unit_hint = unit
        if self.title_year is None and not self.fields.get("name"):
            match = _TITLE_YEAR.search(text)
            if match is not None:
                self.title_year = int(next(g for g in match.groups() if g))

    def _split_label_value(self, cell: Cell, row: list[Cell], i: int) -> tuple[Label | None, Cell]:
        """``一、预算资金:250`` in one cell: the label, and its value put in the cell after it."""
        for sep in (":", "："):
            head, found, tail = cell.text.partition(sep)
            if found and tail.strip() and head:
                label = label_of(head)
                if label is not None and label not in (Label.HEADER, Label.INDICATORS, Label.TITLE):
                    row.insert(i + 1, Cell(tail.strip(), cell.source, cell.col))
                    return label, Cell(head, cell.source, cell.col)
        return None, cell

    def _read_label(self, label: Label, cell: Cell, row: list[Cell], i: int) -> int:
        """Read one label's value(s) from the cells after it; return the index to go on from."""
        if label is Label.TITLE:
            self.title_year = self.title_year or year_in(cell.text)
            return i + 1
        if label is Label.FUNDS_SECTION:
            self.unit_hint = unit_in(cell.text) or self.unit_hint
            following = next((c for c in row[i + 1 :] if c.text), None)
            if following is not None and parse_amount_unit(following.text) is not None:
                return self._read_amount(Label.FUNDS, cell, row, i)  # 资金情况(万元) | 600: one amount
            return i + 1
        if label in (Label.BUDGET, Label.FUNDS, Label.TOTAL_FUNDS, Label.SUB_FUNDS):
            return self._read_amount(label, cell, row, i)
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
                if not self.fields.get(key):  # the first filled one: 省级主管部门 before 市级, 县级
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
        return i + 1

    def _read_amount(self, label: Label, cell: Cell, row: list[Cell], i: int) -> int:
        """An amount label and its value: the year's budget, a generic or multi-year amount, or a part."""
        j = i + 1
        while j < len(row) and not row[j].text:
            j += 1
        following = row[j] if j < len(row) else None
        if label is Label.SUB_FUNDS:  # 其中:财政拨款 — a part of the amount, never the budget
            return j + 1 if following is not None and label_of(following.text) is None else i + 1
        if label is Label.BUDGET:
            self.lines["budget"] = _line(cell.source)
            self.year = self.year or year_in(cell.text)
        if following is None or label_of(following.text) is not None or label in self.amounts:
            return i + 1
        self.amounts[label] = (following.text, unit_in(cell.text), _line(cell.source))
        self.lines.setdefault("budget", _line(cell.source))
        return j + 1

    # -- indicator block -----------------------------------------------------------------------
    def _read_indicators(self, rows: list[list[Cell]], start: int) -> None:
        header = rows[start]
        body_from = 0
        stream_roles: list[str] = []
        for j, cell in enumerate(header):
            if not cell.text:
                continue
            text = label_key(cell.text)
            if text in HEADER_ROLES and cell.col is not None and cell.col >= 0:
                self.roles[cell.col] = text
            if label_of(cell.text) in (Label.INDICATORS, Label.HEADER):
                body_from = j + 1
                role = R.role_of(text)
                if role is not None and role not in R.TREE_ROLES:
                    stream_roles.append(role)
            else:
                break
        levels3 = sum(1 for c in header[:body_from] if R.role_of(label_key(c.text)) == R.LEVEL3)
        if levels3 >= 2 and len([r for r in stream_roles if r in (R.ANNUAL, R.PERIOD)]) >= 2:
            self.side_by_side = True
        elif R.ANNUAL in stream_roles or R.PERIOD in stream_roles:
            self.stream_roles = stream_roles
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
        if label_of(first) is Label.TITLE or any(is_footer(c.text) for c in row):
            return False
        if len(row) == 1 and not catalog.is_category_name(first) and self._outside_tree(row[0]):
            return False  # a lone line beside the tree: text between or after tables
        if len(row) == 1 and (PAGE_MARK.match(first) or _SCORE_CELL.match(first)):
            return True
        layout = (
            None  # cells in order but not under their headers: no layout to judge (JX-S01…S03 stay quiet)
            if row[0].col == UNALIGNED
            else RowLayout(tuple((self.roles.get(c.col) if c.col is not None else None, c.text) for c in row))
        )
        rest = self._take_categories(row, layout)
        if not rest:
            return True
        if self.side_by_side:
            return self._read_side_by_side(rest, row[0].source, layout)
        if self.stream_roles != [R.PERIOD, R.ANNUAL]:  # read the value columns by their roles
            taken, j = self._take_role_cells(rest, 1)
            if j < len(rest):
                extra = "、".join(c.text for c in rest[j:])
                self.note(EXTRA_CELLS, Severity.WARNING, f"指标行多出的单元格未读取：{extra}", rest[j].source)
            self._add_stream_indicator(rest[0], taken, layout)
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
        while i < len(cells):
            cell = cells[i]
            if not cell.text or PAGE_MARK.match(cell.text) or _SCORE_CELL.match(cell.text):
                i += 1  # an empty cell, a page number, a category's score wrapped below it ((40-50)分)
                continue
            if (
                label_of(cell.text) in (Label.TITLE, Label.NAME)
                or cell.text.startswith(PROSE_START)
                or is_footer(cell.text)
            ):
                return False
            if label_of(cell.text) in (Label.HEADER, Label.INDICATORS):  # a header repeated on a new page
                i += 1
                continue
            joined = _join_category(cells, i)
            if joined is not None:
                cells[i : i + 2] = [joined]
                cell = joined
            if catalog.is_category_name(cell.text) or catalog.is_umbrella(cell.text):
                j = i
                while j < len(cells) and (catalog.is_category_name(cells[j].text) or not cells[j].text
                                          or catalog.is_umbrella(cells[j].text)):  # fmt: skip
                    j += 1
                run = [c for c in cells[i:j] if c.text and not catalog.is_umbrella(c.text)]
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
            values = [taken[r] for r in (R.PERIOD, R.ANNUAL) if r in taken]
            if len(values) == 2 and all(looks_like_prose(v.text) for v in values):
                return False
            self._add_stream_indicator(cell, taken)
            i = j
        return True

    def _read_side_by_side(self, rest: list[Cell], source: SourceRef, layout: RowLayout | None) -> bool:
        """Blocks side by side (中期 left, 年度 right, each 二级/三级/值): one indicator, two values."""
        left_name, left_value = rest[0], rest[1] if len(rest) > 1 else None
        right = self._take_categories(rest[2:], layout) if len(rest) > 2 else []
        if not right:
            self._add_indicator(left_name, None, left_value, source, layout)
            return True
        right_name, right_value = right[0], right[1] if len(right) > 1 else None
        if squeeze_name(right_name.text) != squeeze_name(left_name.text):
            self._add_indicator(left_name, left_value, None, source, layout)
            self._add_indicator(right_name, None, right_value, source, layout)
        else:
            self._add_indicator(right_name, left_value, right_value, source, layout)
        return True

    def _take_role_cells(self, cells: list[Cell], j: int) -> tuple[dict[str, Cell], int]:
        """The cells after a name that fill the header's value columns, in order."""
        taken: dict[str, Cell] = {}
        for role in self.stream_roles:
            if j >= len(cells):
                break
            candidate = cells[j]
            text = candidate.text
            if text and (
                catalog.is_category_name(text) or label_of(text) is not None or catalog.is_umbrella(text)
            ):
                break
            if text and (text.startswith(PROSE_START) or is_footer(text)):
                break
            last = not any(r in R.VALUE_ROLES for r in self.stream_roles[self.stream_roles.index(role) + 1 :])
            if not _fits(role, text, cells[j + 1].text if j + 1 < len(cells) else "", last):
                if role in (R.ANNUAL, R.PERIOD) or R.is_text_role(role):
                    break
                continue  # an optional part (比较符, 单位, 分值) left out: the cell is the next column's
            taken.setdefault(role, candidate)
            j += 1
        return taken, j

    def _add_stream_indicator(
        self, name: Cell, taken: dict[str, Cell], layout: RowLayout | None = None
    ) -> None:
        op = taken[R.OP].text if R.OP in taken else ""
        unit = taken[R.UNIT].text if R.UNIT in taken else ""

        def folded(role: str) -> Cell | None:
            cell = taken.get(role)
            if cell is None or not cell.text or not (op or unit):
                return cell
            return Cell(fold_value(op, cell.text, unit), cell.source, cell.col)

        before = len(self.indicators)
        self._add_indicator(name, folded(R.PERIOD), folded(R.ANNUAL), name.source, layout)
        if len(self.indicators) == before:
            return
        extras: dict[str, object] = {}
        if R.BASELINE in taken and taken[R.BASELINE].text:
            extras["baseline"] = self._target(taken[R.BASELINE], name.text)
        notes = tuple((R.text_label(r), c.text) for r, c in taken.items() if R.is_text_role(r) and c.text)
        if notes:
            extras["notes"] = notes
        if R.WEIGHT in taken and taken[R.WEIGHT].text:
            amount = parse_amount_unit(taken[R.WEIGHT].text.rstrip("%分"))
            if amount is not None:
                extras["weight"] = amount[0]
        if extras:
            self.indicators[-1] = replace(self.indicators[-1], **extras)  # type: ignore[arg-type]

    def _take_categories(self, row: list[Cell], layout: RowLayout | None) -> list[Cell]:
        """Consume the category names that open a row; return the cells after them."""
        k = 0
        names: list[str] = []
        while k < len(row) and (catalog.is_category_name(row[k].text) or catalog.is_umbrella(row[k].text)):
            if not catalog.is_umbrella(row[k].text):
                names.append(row[k].text)
            k += 1
        if not names:
            return row[k:]
        state = self.categories
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
        damaged = damage(target, name)
        if damaged is not None:
            self.note(
                DAMAGED_VALUE, Severity.WARNING, f"指标值“{cell.text}”疑似损坏：{damaged}", cell.source, name
            )
            return Target(raw=target.raw, kind=Kind.UNKNOWN)
        if target.kind is Kind.UNKNOWN:
            self.note(
                UNKNOWN_VALUE, Severity.WARNING, f"指标值“{cell.text}”无法识别：{reason}", cell.source, name
            )
        return target

    def _outside_tree(self, cell: Cell) -> bool:
        """True for a cell left of the 三级 column (where a lone name cannot stand)."""
        name_columns = [col for col, role in self.roles.items() if role == "三级指标"]
        return bool(name_columns) and cell.col is not None and 0 <= cell.col < min(name_columns)

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
        if self.year is None and self.title_year is not None:
            self.inferred.append("预算年度取自标题")
        elif self.year is None and self.title_year is None and _NAME_YEAR.match(name):
            self.title_year = int(name[:4])
            self.inferred.append("预算年度取自项目名称")
        budget, total_funds = self._amounts()
        project = Project(
            name=name,
            type=self.fields.get("type") or None,
            level=self.fields.get("level") or None,
            department=self.fields.get("department") or None,
            unit=self.fields.get("unit") or None,
            period_start=self._year_field("period_start"),
            period_end=self._year_field("period_end"),
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
        reading = Reading(confidence=self._confidence(), inferred=tuple(self.inferred))
        return Table(project, goals, tuple(self.indicators), placeholders, self.source, reading)

    def _confidence(self) -> Decimal:
        """A plain measure of how much of the table was read as stated: values and categories recognised."""
        if not self.indicators:
            return Decimal("0")
        sure = sum(
            1
            for i in self.indicators
            if i.level1
            and i.name
            and (i.annual.kind is not Kind.UNKNOWN or i.period.kind is not Kind.UNKNOWN)
        )
        score = Decimal(sure) / Decimal(len(self.indicators))
        if "budget" not in self.lines:
            score *= Decimal("0.9")
        return score.quantize(Decimal("0.01"))

    def _year_field(self, key: str) -> int | None:
        text = self.fields.get(key)
        if text is None:
            return None
        year = year_in(text)
        if year is None or not re.fullmatch(r"\s*\d{4}\s*(?:年)?\s*", text):
            self.note(BAD_YEAR, Severity.WARNING, f"年度“{text}”无法识别", self._line_source("period"))
            return None
        return year

    def _amounts(self) -> tuple[Decimal | None, Decimal | None]:
        """The year's budget and the multi-year amount, in 元, from the amount labels read."""
        annual = self.amounts.get(Label.BUDGET)
        generic = self.amounts.get(Label.FUNDS)
        total = self.amounts.get(Label.TOTAL_FUNDS)
        if annual is None:
            annual, generic = generic, None
        budget = self._amount(annual, keep_unit=True) if annual is not None else None
        total_funds = self._amount(total or generic) if (total or generic) is not None else None
        return budget, total_funds

    def _amount(self, read: tuple[str, str | None, int] | None, keep_unit: bool = False) -> Decimal | None:
        if read is None:
            return None
        text, label_unit, line = read
        parsed = parse_amount_unit(text)
        if parsed is None:
            if text.strip() not in ("", "/", "-", "无"):
                message = f"预算金额“{text}”无法识别"
                self.note(BAD_AMOUNT, Severity.ERROR, message, SourceRef(self.file, line or None))
            return None
        amount, cell_unit = parsed
        unit = cell_unit or label_unit or self.unit_hint or "元"
        if keep_unit:
            self.budget_unit = unit
            if cell_unit is None and label_unit is None and self.unit_hint is not None:
                self.inferred.append(f"预算金额单位（{unit}）取自表头")
        return amount * 10000 if unit == "万元" else amount

    def _line_source(self, key: str) -> SourceRef:
        return SourceRef(self.file, self.lines.get(key)) if key in self.lines else self.source


def squeeze_name(text: str) -> str:
    return "".join(text.split())


def _line(source: SourceRef) -> int:
    return source.line or 0


_TITLE_YEAR = re.compile(
    r"^[(（]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$"  # (2024 年度) under the title
    r"|绩效目标.{0,6}表.{0,3}((?:19|20)\d{2})"  # 绩效目标表(2022年度)
    r"|((?:19|20)\d{2})年.{0,40}目标(?:申报|审批|批复)?表"  # 2022年中央预算内投资计划绩效目标表
)
_BY_MEANING = "单元格不在表头的列下，按含义读取"
_NAME_YEAR = re.compile(r"^(?:19|20)\d{2}年(?!\d)")
_SCORE_CELL = re.compile(r"^[(（]?\d+(?:-\d+)?[)）]?分$")
_STANDARD_WORDS = frozenset(("计划标准", "行业标准", "历史标准", "其他标准", "其他", "计划", "行业", "历史"))


def _fits(role: str, text: str, after: str, last: bool = True) -> bool:
    """Whether a stream cell can fill a value column of the given role (an empty cell always can)."""
    if not text:
        return True
    if role == R.OP:
        return bool(comparator_of(text)) or text in ("定量", "定性", "正向", "反向")
    if role == R.UNIT:
        return len(text) <= 6 and not any(ch.isdigit() for ch in text)
    if role == R.WEIGHT:
        return parse_amount_unit(text.rstrip("%分")) is not None
    if R.is_text_role(role):
        if text in _STANDARD_WORDS or looks_like_prose(text) or not last:
            return True  # an explanation before the value column is always there to take
        # a short text followed by a value is the next indicator's name, not this one's remark
        return not (after and _looks_like_value(after) and not _looks_like_value(text))
    return True


def _looks_like_value(text: str) -> bool:
    target, _ = parse_target_with_reason(text, None)
    return target.kind in (Kind.QUANTITATIVE, Kind.DEADLINE, Kind.RANGE)


def _join_category(cells: list[Cell], i: int) -> Cell | None:
    """A category name wrapped over two cells (``经济效益`` / ``指标``, ``满意度指`` / ``标``), joined."""
    if i + 1 >= len(cells) or not cells[i + 1].text:
        return None
    first, second = cells[i].text, cells[i + 1].text
    if len(second) > 4 or catalog.is_category_name(second):
        return None
    joined = first + second
    if catalog.is_category_name(joined):
        return Cell(joined, cells[i].source, cells[i].col)
    return None
