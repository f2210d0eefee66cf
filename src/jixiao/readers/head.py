"""The project block of a table, read by label synonyms: name, units, period, year, amounts in 元.

A mixin of the grid reader (`grid._SegmentReader`): the rows before the indicator header are read label
by label (`labels`), with the hints around them — the year of the title (``(2024 年度)``), the unit of
amounts in a header line (``单位：万元``) or a section label (``项目资金(万元)``). Amounts are kept as
written and turned into 元 once the whole block is read: the year's budget (``年度资金总额``) before a
generic amount (``资金总额``), a multi-year amount (``中期资金总额``) as ``total_funds``, parts
(``其中：财政拨款``) never.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from mypy_extensions import trait

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers import head_facts
from jixiao.readers import head_parts as parts
from jixiao.readers.cells import Cell, Row, document_year, is_footer, parse_amount_unit
from jixiao.readers.cost_lines import INFERRED as COST_LINES_TOTAL
from jixiao.readers.cost_lines import CostLines
from jixiao.readers.head_parts import (
    PARTS_SUMMED,
    add_column_parts,
    after_funds_heading,
    amount_heading,
    amounts_under,
    cut_at_next_label,
    line_of,
    parts_under,
    request_column,
    run_on_amounts,
)
from jixiao.readers.head_parts import goal_year as year_of_goal
from jixiao.readers.labels import (
    NAME_INFERENCES,
    Label,
    is_whole_department_title,
    label_key,
    label_of,
    title_subject,
    unit_in,
    year_in,
)
from jixiao.readers.task_totals import TaskTotals
from jixiao.readers.totals import amount_after_total, is_total_cell, total_run_together
from jixiao.readers.yearfunds import year_columns_heading

BAD_AMOUNT = "JX-R05"
BAD_YEAR = "JX-R06"
# Where a form names the 主管部门 of several levels, the local one is the table's (a notice's annex).
LOCAL_LEVELS = ("区级", "县级", "区县")
_YEAR_ONLY = re.compile(r"\s*\d{4}\s*(?:年)?\s*")
NO_YEAR_AMOUNT = "表中未写预算年度：资金金额记为项目资金总额，年度预算金额留空"


@trait  # a mixin of grid's reader: mypyc compiles a class with several bases only from traits
class ProjectBlockReader:
    """Reads the labels before the indicator header into fields; the state lives on the grid reader."""

    file: str | None
    source: SourceRef
    diagnostics: list[Diagnostic]
    fields: dict[str, str]
    lines: dict[str, int]
    goal_parts: dict[str, list[str]]
    goal_lines: dict[str, int]
    year: int | None
    title_year: int | None
    document_year: int | None
    context_texts: list[str]
    budget_unit: str
    unit_hint: str | None
    header_unit: str | None
    inherited_unit: str | None
    amounts: dict[Label, tuple[str, str | None, int]]
    parts: list[tuple[str, str | None, int]]  # 其中: amounts, summed only where the total has no value
    inferred: list[str]
    previous_year: int | None  # the year of the table before it in the same document
    roles: dict[int, str]
    money_above: tuple[Decimal, ...]

    def note(
        self, code: str, severity: Severity, message: str, source: SourceRef, name: str | None = None
    ) -> None:
        """Record a diagnostic about the table being read (implemented by the reader that mixes this in)."""
        raise NotImplementedError

    def _read_head(self, rows: list[list[Cell]]) -> int:
        """Read labels and their values until the indicator header; return the row to go on from.

        Rows with columns are read row by row; a stream (one long row) is read cell by cell, and
        where its indicator header starts the remaining cells are split off as a row of their own.
        """
        goal: str | None = None
        request: tuple[int, str | None] | None = None  # 本年度申请金额's place among a funds table's amounts
        cost_lines = CostLines()  # 项目预算 as 成本构成 | 金额 lines closed by 合计
        tasks = TaskTotals()  # 部门整体: 年度主要任务 closed by 金额合计
        heading: list[tuple[Label, Cell]] | None = None  # 资金总额 | 本年预算 over a row of amounts
        for r, row in enumerate(rows):
            if heading is not None and (column_parts := parts_under(heading, row)) is not None:
                add_column_parts(self.amounts, self.inferred, heading, column_parts, line_of(row[0].source))
                continue
            if heading is not None and (under := amounts_under(heading, row)) is not None:
                for (amount_label, label_cell), amount in zip(heading, under, strict=True):
                    self._read_amount(amount_label, label_cell, [label_cell, amount], 0)
                heading = None
                continue
            heading = amount_heading(row) or year_columns_heading(row, self.year or self.title_year)
            texts = [c.text for c in row if c.text]
            self._note_filer_beside_unit(texts)  # (empty cells count for nothing there)
            unread = Label.BUDGET not in self.amounts and Label.FUNDS not in self.amounts
            if unread and (total := cost_lines.total(texts)):
                self.amounts[Label.BUDGET] = (total[0], total[1], line_of(row[0].source))
                self.lines["budget"] = line_of(row[0].source)
                self.inferred.append(COST_LINES_TOTAL)
            unread = Label.BUDGET not in self.amounts and Label.FUNDS not in self.amounts
            if unread and (total := tasks.total(texts)):
                self.amounts[Label.BUDGET] = (total[0], total[1], line_of(row[0].source))
                self.lines["budget"] = line_of(row[0].source)
                self.inferred.append(tasks.inferred)
            if Label.BUDGET not in self.amounts:
                if (found := request_column(texts)) is not None:
                    request = found
                    continue
                if request is not None and "".join("".join(texts[:2]).split()).startswith(("合计", "总计")):
                    self._read_request_total(texts, request, row[0])
                    request = None
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
                    label is Label.HEADER and not self.roles and parts.opens_header(row, i)
                ):
                    if i > 0:  # a stream: the rest of this row is the indicator block
                        rows.insert(r + 1, row[i:])
                        del row[i:]
                        return r + 1
                    return r
                if label is None and self.fields.get("whole_department"):
                    self._note_grid_total(cell)
                if label is None:
                    if goal is not None:
                        self.goal_parts[goal].append(cell.text)
                        self.goal_lines.setdefault(goal, line_of(cell.source))
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

    def _note_block(self, text: str) -> None:
        raise NotImplementedError  # implemented by `stacked.StackedBlocks`

    def _note_head_cell(self, text: str) -> None:
        """Hints in unlabelled head cells: the year of the title (``(2024 年度)``), ``单位:万元``, a
        heading over the indicators that says whose values they are (``(二)中长期绩效指标``)."""
        if text.endswith("绩效指标") and len(text) <= 16:
            self._note_block(parts.ENUMERATION.sub("", text))
        unit = unit_in(text)
        if unit is not None and ("单位" in text or len(text) <= 8):
            self.unit_hint = unit
            if "单位" in text:
                self.header_unit = unit
        if self.year is None and "年度" in text and (labelled := parts.YEAR_LABEL.search(text)) is not None:
            self.year = int(labelled.group(1))  # 预算年度:2025 above the table: the year, as labelled
        if self.title_year is None and not self.fields.get("name"):
            match = parts.TITLE_YEAR.search(text)
            if match is not None:
                self.title_year = int(next(g for g in match.groups() if g))

    def _note_filer(self, text: str) -> None:
        """``编制单位(盖章):某局`` in a line above the table: who filled it in, the 实施单位 where the
        table names none."""
        for sep in (":", "："):
            head, found, tail = text.partition(sep)
            if found and tail.strip() and label_of(head) is Label.FILER:
                self.fields.setdefault("filer", tail.strip().split()[0])
                return

    def _read_request_total(self, texts: list[str], request: tuple[int, str | None], cell: Cell) -> None:
        """The 合计 row of a funds table: the amount under 本年度申请金额 is the year's budget."""
        amounts = [text for text in texts if parse_amount_unit(text) is not None]
        place, unit = request
        if place < len(amounts):
            self.amounts[Label.BUDGET] = (amounts[place], unit, line_of(cell.source))
            self.lines["budget"] = line_of(cell.source)
            self.inferred.append("预算金额取自资金表“本年度申请”列的合计")

    def _note_grid_total(self, cell: Cell) -> None:
        """A 部门整体 table's funds grid (总体资金情况(万元): 预算支出总额 | 基本支出 | 项目支出 over one row
        of amounts): the first amount after the 总额 heading is the department's budget."""
        if "总额" in cell.text and len(cell.text) <= 8:
            self.fields["grid_total"] = cell.text
        elif (
            self.fields.get("grid_total")
            and not (self.amounts.keys() & {Label.BUDGET, Label.FUNDS})
            and parse_amount_unit(cell.text) is not None
        ):
            self.amounts[Label.BUDGET] = (cell.text, None, line_of(cell.source))
            self.lines["budget"] = line_of(cell.source)
            self.inferred.append("部门整体：预算金额取自资金表“预算支出总额”列")

    def _note_filer_beside_unit(self, cells: Sequence[str]) -> None:
        """``207101某法院 | 单位:万元``: a line over the table naming who made it and the money's unit."""
        parts.note_organisation_beside_unit(self.fields, cells)

    def _note_context_year(self, context: Sequence[Row]) -> None:
        """A title wrapped over lines (``…项目)2022年`` / ``中央预算内投资计划绩效目标表``) read joined; a
        year in a line above the table (a notice's title) kept as the last resort for the budget year."""
        texts = [c.strip() for row in context for c in row.cells if c.strip()]
        self.context_texts = texts
        if self.title_year is None and len(texts) > 1:
            for start in range(len(texts) - 1):
                joined = "".join(texts[start:])
                if len(joined) <= 80:
                    self._note_head_cell(joined)
        for text in reversed(texts):
            year = document_year(text)
            if year is not None:
                self.document_year = year
                break

    def _split_label_value(self, cell: Cell, row: list[Cell], i: int) -> tuple[Label | None, Cell]:
        """``一、预算资金:250`` in one cell: the label, and its value put in the cell after it."""
        for sep in (":", "："):
            head, found, tail = cell.text.partition(sep)
            if found and tail.strip() and head:
                label = label_of(head)
                if label is None and (split := after_funds_heading(head)) is not None:
                    head, label = split[0], label_of(split[0])  # (万元)资金总额:886.40
                    self.unit_hint = split[1] or self.unit_hint
                if label is not None and label not in (Label.HEADER, Label.INDICATORS, Label.TITLE):
                    parts = cut_at_next_label(tail.strip())  # 申报单位: 某馆 金额单位:万元
                    row[i + 1 : i + 1] = [Cell(t, cell.source, cell.col) for t in parts]
                    return label, Cell(head, cell.source, cell.col)
        return None, cell

    def _read_label(self, label: Label, cell: Cell, row: list[Cell], i: int) -> int:
        """Read one label's value(s) from the cells after it; return the index to go on from."""
        if label is Label.TITLE:
            self.title_year = self.title_year or year_in(cell.text)
            if is_whole_department_title(cell.text):
                self.fields["whole_department"] = cell.text
            subject = title_subject(cell.text)
            if subject is not None:
                self.fields.setdefault("title_name", subject)
            for k in (1, 2):  # a title wrapped over lines: ``…项目)2022年`` / ``…绩效目标表``
                if self.title_year is None and len(self.context_texts) >= k:
                    self._note_head_cell("".join(self.context_texts[-k:]) + cell.text)
            after = next((c.text for c in row[i + 1 :] if c.text), "")  # …目标表 | (2023年度)一级项目名称
            if self.title_year is None and (opening := parts.YEAR_OPENING.match(after)) is not None:
                self.title_year = int(opening.group(1))
            return i + 1
        if label is Label.FUNDS_SECTION:
            self.unit_hint = unit_in(cell.text) or self.unit_hint
            following = next((c for c in row[i + 1 :] if c.text), None)
            amount = following is not None and (
                parse_amount_unit(following.text) is not None or total_run_together(following.text)
            )
            if amount:  # 资金情况(万元) | 600, 项目预算(万元) | 合计48.60其中:…: one amount
                return self._read_amount(Label.FUNDS, cell, row, i)
            return i + 1
        if label in head_facts.READ_AS_AMOUNT:  # amounts and their parts; 预算年度, 年初预算数 (head_facts)
            return self._read_amount(label, cell, row, i)
        simple = parts.FIELD_OF_LABEL
        following, skipped = parts.value_cell(row, i)  # 名称 | 填报人 | 某局 | 王某: two columns read across
        value_next = following is not None and label_of(following.text) is None
        if label in simple:
            key = simple[label]
            self.lines[key] = line_of(cell.source)
            if value_next and following is not None:
                local = label_key(cell.text).startswith(LOCAL_LEVELS) and "(市、区)" not in following.text
                central = parts.yields(label_key(cell.text))  # 中央主管部门, 预算单位: only if alone
                marker = f"{key}_central"  # the value held came from such a label: any other wins
                if not self.fields.get(key) or local or marker in self.fields:
                    # the first filled one, or the 区级/县级 one
                    self.fields[key] = self._without_code(cell.text, following.text)
                    self._note_name_label(key, cell, following)
                    if central:
                        self.fields[marker] = "1"
                    else:
                        self.fields.pop(marker, None)
                return i + 2 + skipped
            self.fields.setdefault(key, "")
            self._note_name_label(key, cell, following)
            return i + 1
        if label is Label.PERIOD:
            self.lines["period"] = line_of(cell.source)
            if value_next and following is not None and not skipped:  # 实施周期 as one value: 2021-2029年
                text, used = following.text, 2
                if i + 3 < len(row) and row[i + 2].text in parts.RANGE_WORDS:  # 20210101 | 到 | 20211231
                    text, used = f"{following.text}到{row[i + 3].text}", 4
                years = [int(y) for y in parts.PERIOD_YEAR.findall(text)]
                years = years * 2 if len(years) == 1 and parts.ONE_YEAR.fullmatch(text) else years  # 2023年
                if len(years) == 2:
                    self.fields["period_start"], self.fields["period_end"] = str(years[0]), str(years[1])
                else:
                    self.note(BAD_YEAR, Severity.WARNING, f"实施周期“{text}”无法识别", following.source)
                return i + used
            return i + 1
        if label in (Label.PERIOD_START, Label.PERIOD_END):
            key = "period_start" if label is Label.PERIOD_START else "period_end"
            self.lines.setdefault("period", line_of(cell.source))
            heads_columns = following is not None and following.text.endswith(("时间", "日期"))
            if value_next and following is not None and not heads_columns:
                self.fields[key] = following.text
                return i + 2
            return i + 1  # 开始时间 | 完成时间 heading a plan's columns: no value
        return i + 1

    def _note_name_label(self, key: str, cell: Cell, following: Cell | None) -> None:
        """A name inferred (a section heading's) is listed as one; an empty ``项目名称:`` is remembered."""
        parts.note_applicant(self.fields, key, cell.text, following)  # 申报单位: maybe the department
        if key != "name":
            return
        if cell.text in NAME_INFERENCES and following is not None:
            self.inferred.append(NAME_INFERENCES[cell.text])
        elif following is None and cell.text.endswith((":", "：")):
            self.fields["name_left_empty"] = cell.text

    def _without_code(self, label: str, value: str) -> str:
        """A 名称及预算编码 value run together (``福建省文化和旅游厅335301302``): the name, the code noted."""
        match = parts.code_after_name(label, value)  # or the code's own label run on: …局部门预算编码230001
        if match is None:
            return value
        self.inferred.append(f"主管部门名称后的编码“{match.group(2)}”已与名称分开")
        return match.group(1)

    def _read_amount(self, label: Label, cell: Cell, row: list[Cell], i: int) -> int:
        """An amount label and its value: the year's budget, a generic or multi-year amount, or a part."""
        if label in head_facts.FACT_LABELS:  # 预算年度 | 2021; 年初预算数 beside 调整后预算数
            return head_facts.read_fact(self, label, row, i)
        j = i + 1
        while j < len(row) and not row[j].text:
            j += 1
        following = row[j] if j < len(row) else None
        if following is not None and label is not Label.SUB_FUNDS and is_total_cell(following.text):
            j = amount_after_total(row, j)  # 年度预算 | 合计 | 18.60 | 财政拨款 | 18.60: the 合计 row's
            following = None if is_total_cell(row[j].text) else row[j]  # a heading: amounts below
        elif following is not None and (total := total_run_together(following.text)) is not None:
            following = Cell(total, following.source, following.col)  # 合计48.60其中:财政拨款48.60
        elif following is not None and (run_on := run_on_amounts(following.text)) is not None:
            row[j : j + 1] = [Cell(t, following.source, following.col) for t in run_on]  # read on after
            following = row[j]
        elif (
            following is not None
            and j + 1 < len(row)
            and parts.bare_amount_then_unit(following.text, row[j + 1].text)
        ):
            following, j = Cell(following.text + row[j + 1].text, following.source, following.col), j + 1
        if label is Label.SUB_FUNDS:  # 其中:财政拨款 — a part of the amount, never the budget alone
            if following is None or label_of(following.text) is not None:
                return i + 1
            self.parts.append((following.text, unit_in(cell.text), line_of(cell.source)))
            return j + 1
        if label is Label.BUDGET:
            self.lines["budget"] = line_of(cell.source)
            self.year = self.year or year_in(cell.text)
        elif label is Label.FUNDS:  # 资金总额 left empty over 其中:财政拨款 | 260: the parts make it
            self.lines.setdefault("budget", line_of(cell.source))
        if following is None or label_of(following.text) is not None or label in self.amounts:
            if following is None and label is Label.BUDGET:  # 年初安排金额(万元) heading amounts below
                self.unit_hint = self.unit_hint or unit_in(cell.text)
            return i + 1
        heading = unit_in(following.text) if len(following.text) <= 10 else None
        if heading is not None and parse_amount_unit(following.text) is None:
            self.unit_hint = heading  # 年度资金总额 | 金额(万元): a column heading, no amount
            return j + 1
        self.amounts[label] = (following.text, unit_in(cell.text), line_of(cell.source))
        self.lines.setdefault("budget", line_of(cell.source))
        return j + 1

    def _year_field(self, key: str) -> int | None:
        text = self.fields.get(key)
        if text is None:
            return None
        year = year_in(text)
        if year is None or not (_YEAR_ONLY.fullmatch(text) or parts.DATE.fullmatch(text.strip())):
            self.note(BAD_YEAR, Severity.WARNING, f"年度“{text}”无法识别", self._line_source("period"))
            return None
        return year

    def _amounts(self) -> tuple[Decimal | None, Decimal | None]:
        """The year's budget and the multi-year amount, in 元, from the amount labels read."""
        annual = self.amounts.get(Label.BUDGET)
        generic = self.amounts.get(Label.FUNDS)
        total = self.amounts.get(Label.TOTAL_FUNDS)
        if annual is None and generic is not None and (self.year or self.title_year) is None:
            self.inferred.append(NO_YEAR_AMOUNT)  # 项目资金 of a table that names no year: its total
            total, generic = total or generic, None
        if annual is None:
            annual, generic = generic, None
        if annual is None and "budget" in self.lines and self.parts:  # 年度资金总额 with parts only
            amounts = [self._amount(part, keep_unit=True) for part in self.parts]
            if all(amount is not None for amount in amounts):
                self.inferred.append(PARTS_SUMMED)
                return sum(a for a in amounts if a is not None) or Decimal(0), self._amount(total)
        budget = self._amount(annual, keep_unit=True) if annual is not None else None
        total_funds = self._amount(total or generic) if (total or generic) is not None else None
        return budget, total_funds

    def _amount(self, read: tuple[str, str | None, int] | None, keep_unit: bool = False) -> Decimal | None:
        if read is None:
            return None
        text, label_unit, line = read
        parsed = parse_amount_unit(parts.TOTAL_WORD.sub("", text, count=1))  # 总额860.5万元一、财政拨款…
        if parsed is None:
            if text.strip() not in ("", "/", "-", "无"):
                message = f"预算金额“{text}”无法识别"
                self.note(BAD_AMOUNT, Severity.ERROR, message, SourceRef(self.file, line or None))
            return None
        amount, cell_unit = parsed
        unit = cell_unit or label_unit or self.unit_hint
        if unit is None and keep_unit and self.inherited_unit is not None:  # 单位:万元 over tables before
            unit = self.inherited_unit
            self.inferred.append(f"预算金额单位（{unit}）取自同一文件中上一张表的表头“单位”")
        if unit is None and keep_unit and amount in self.money_above:  # 预算安排12万元 above, 12.00 here
            unit = "万元"
            self.inferred.append("预算金额单位（万元）取自表格上方正文或分配表合计中的同一金额")
        unit = unit or "元"
        if keep_unit:
            self.budget_unit = unit
            if cell_unit is None and label_unit is None and self.unit_hint is not None:
                self.inferred.append(f"预算金额单位（{unit}）取自表头")
        return amount * 10000 if unit == "万元" else amount

    def _line_source(self, key: str) -> SourceRef:
        return SourceRef(self.file, self.lines.get(key)) if key in self.lines else self.source

    # ---- what the table does not say outright: its name and year, each inference recorded ----------

    def _table_name(self) -> str:
        """The project's name: its label's value, else the title's, else (a 部门整体 table) the
        department's; "" when none."""
        name = self.fields.get("name", "").strip()
        if not name and self.fields.get("title_name"):
            name = self.fields["title_name"]
            self.inferred.append("项目名称取自标题")
        if not name and self.fields.get("whole_department") and self.fields.get("department"):
            name = self.fields["department"].strip()  # the subject, and still its department
            self.inferred.append("部门整体支出绩效目标表：表名取自部门名称")
        return name

    def _year_from_names(self, name: str) -> None:
        """Without a labelled year: the title's, the project name's, or the document title's; and the
        unit from 填报单位 when no 实施单位 is given."""
        if self.year is None and self.title_year is not None:
            self.inferred.append("预算年度取自标题")
        elif self.year is None and self.title_year is None and (named := parts.NAME_YEAR.match(name)):
            self.title_year = int(named.group(1))
            self.inferred.append("预算年度取自项目名称")
        elif self.year is None and self.title_year is None and self.document_year is not None:
            self.title_year = self.document_year
            self.inferred.append("预算年度取自表格上方的文件标题")
        if (found := parts.department_of_filer(self.fields)) is not None:  # the form's one organisation
            self.fields["department"] = found[0]  # or its 申报单位 beside its own 实施单位
            self.inferred.append(found[1])
        if not self.fields.get("unit") and self.fields.get("filer") and not is_footer(self.fields["filer"]):
            self.fields["unit"] = self.fields["filer"]
            self.inferred.append("实施单位取自填报单位")

    def _year_from_period(self, start: int | None, end: int | None) -> None:
        """Still without a year: a one-year 实施期, the 年度目标's opening year, or the table before's."""
        if self.year is not None or self.title_year is not None:
            return
        if start is not None and start == end:
            self.title_year = start
            self.inferred.append("预算年度取自实施期（只有一年）")
        elif goal_year := year_of_goal(self.goal_parts):
            self.title_year = goal_year  # 年度目标: 到2022年底, … (a 区域绩效目标表 names no year elsewhere)
            self.inferred.append("预算年度取自年度目标")
        elif start is not None and end is None:
            self.title_year = start  # 项目开始年度 | 2023 alone: the first year is the year applied for
            self.inferred.append("预算年度取自项目开始年度（未写结束年度）")
        elif self.previous_year is not None:
            self.title_year = self.previous_year  # tables one after another under one title (2023年)
            self.inferred.append("预算年度取自同一文件中上一张表")
