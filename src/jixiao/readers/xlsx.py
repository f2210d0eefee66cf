"""Workbooks (.xlsx, and .xls/.ods through calamine) → tables.

Each sheet becomes rows of cells with their places (``Sheet1!D17``) and goes through the same
reader core as text (`grid`), after split value columns and weight columns are folded
(`columns`). python-calamine reads the cells (fast); its merged-cell ranges are used to spread a
heading merged over several columns (``实施周期指标值`` over 指标性质/指标值/度量单位) onto each of
them. Other merged cells keep their value in the top-left cell only, which is what the core
expects (an empty 一级 cell means "same as above").

The flat sheet our own writer adds (``指标清单（分析用）``) is skipped. A file that is not a
workbook, is damaged or is password-protected gives one clear diagnostic, never an exception.

The workbook is opened once (`open_workbook` → `ParsedWorkbook`) and each sheet read once
(`sheet_grid`): the target-table reader and the self-evaluation check read the same values.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from jixiao.formats.layout import FLAT_TITLE
from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.readers.cells import Row
from jixiao.readers.columns import Weights, attach_weights, fold_columns
from jixiao.readers.detect_parsed import Unreadable
from jixiao.readers.grid import read_rows
from jixiao.readers.labels import HEADER_ROLES, label_key
from jixiao.readers.listform import split_list_form
from jixiao.readers.text import FILE_PROBLEM, file_problem
from jixiao.readers.unread import why_no_table_in_rows

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
# The stream name an encrypted OOXML package has inside its CFB container (MS-OFFCRYPTO).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_CENT = Decimal("0.01")

ENCRYPTED_MESSAGE = "工作簿有密码保护（已加密），无法读取；请在 Excel 中取消密码后另存为 .xlsx 再导入"


def is_encrypted_office_file(head: bytes) -> bool:
    """True for an OLE/CFB container holding an encrypted OOXML package (a password-protected .xlsx)."""
    return head.startswith(_CFB_MAGIC) and _ENCRYPTED_PACKAGE in head


def _problem(file: str, message: str) -> tuple[list[Table], list[Diagnostic]]:
    return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(file))]


def read_xlsx_path(path: str | Path) -> tuple[list[Table], list[Diagnostic]]:
    """Read every table of every sheet; a file that cannot be opened gives one diagnostic."""
    p = Path(path)
    name = str(path)
    problem = file_problem(p)
    if problem is not None:
        return _problem(name, problem)
    data = p.read_bytes()
    return read_xlsx_bytes(data, name)


def read_xlsx_bytes(data: bytes, file: str | None = None) -> tuple[list[Table], list[Diagnostic]]:
    """Read a workbook held in memory (an upload)."""
    try:
        parsed = open_workbook(data)
    except Unreadable as exc:
        return _problem(file or "<工作簿>", str(exc))
    return read_parsed_workbook(parsed, file)


def open_workbook(data: bytes) -> ParsedWorkbook:
    """The workbook opened by calamine, its sheets read on first use; `Unreadable` saying why when
    it is not a workbook, is password-protected or damaged."""
    import python_calamine as calamine

    if is_encrypted_office_file(data[: 1 << 20]) or (
        data.startswith(_CFB_MAGIC) and _ENCRYPTED_PACKAGE in data
    ):
        raise Unreadable(ENCRYPTED_MESSAGE)
    if not data.startswith((_ZIP_MAGIC, _CFB_MAGIC)):
        raise Unreadable("不是 Excel 工作簿（文件开头不是 xlsx/xls 格式）")
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError as exc:
        raise Unreadable(ENCRYPTED_MESSAGE) from exc
    except Exception as exc:  # calamine raises several types for damaged files; all mean the same
        raise Unreadable(f"无法打开工作簿：文件已损坏或不是 Excel 文件（{_short(exc)}）") from exc
    return ParsedWorkbook(workbook, data)


def read_parsed_workbook(parsed: ParsedWorkbook, file: str | None) -> tuple[list[Table], list[Diagnostic]]:
    """The target tables of an opened workbook; a damaged sheet gives one diagnostic."""
    try:
        return _read_workbook(parsed, file)
    except Exception as exc:  # a damaged sheet inside an openable file
        return _problem(file or "<工作簿>", f"工作簿内容已损坏，无法读取（{_short(exc)}）")


@dataclass(frozen=True, slots=True)
class SheetGrid:
    """One worksheet's cell values as calamine gives them, and the headings merged over columns."""

    name: str
    values: list[list[Any]]
    spreads: dict[tuple[int, int], str]


class ParsedWorkbook:
    """A workbook opened once: each sheet's values read once (`sheets`), for every reader of the file.

    The target-table reader takes its rows with percentage formats (`rows` with ``percents``), the
    self-evaluation check without; calamine is closed once the sheets are read."""

    def __init__(self, workbook: Any, data: bytes) -> None:
        self._workbook = workbook
        self._percents = _PercentFormats(data)
        self._sheets: list[SheetGrid] | None = None
        self._failure: Exception | None = None

    def sheets(self) -> list[SheetGrid]:
        """Every sheet but our analysts' flat copy, in order; a damaged sheet raises (each time)."""
        if self._failure is not None:
            raise self._failure
        if self._sheets is None:
            try:
                found = (
                    sheet_grid(self._workbook.get_sheet_by_name(n), n) for n in self._workbook.sheet_names
                )
                self._sheets = [grid for grid in found if grid is not None]
            except Exception as exc:
                self._failure = exc
                raise
            finally:
                self._workbook.close()
        return self._sheets

    def rows(self, file: str | None, percents: bool) -> Iterator[Row]:
        """Every sheet as rows of cells placed ``Sheet!D17``; ``percents``: number cells formatted as
        percentages written as such (``95%``), else as their values (``0.95``)."""
        for grid in self.sheets():
            yield from sheet_grid_rows(grid, file, self._percents if percents else None)


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def _read_workbook(parsed: ParsedWorkbook, file: str | None) -> tuple[list[Table], list[Diagnostic]]:
    weights = Weights()
    diagnostics: list[Diagnostic] = []
    rows = fold_columns(split_list_form(parsed.rows(file, percents=True)), weights, diagnostics)
    tables, found = read_rows(rows, file)
    tables = [_tidy_budget(t) for t in attach_weights(tables, weights)]
    diagnostics.extend(found)
    if not tables and not any(d.severity is Severity.ERROR for d in diagnostics):  # say why, with the cell
        again = parsed.rows(file, percents=True)
        diagnostics.append(why_no_table_in_rows(again, "工作簿中没有找到项目绩效目标表", file))
    return tables, diagnostics


def _tidy_budget(table: Table) -> Table:
    """A budget read from a number cell comes without its cents: give 元 amounts their two places."""
    budget = table.project.budget
    if budget is None or table.project.budget_unit != "元" or budget.as_tuple().exponent == -2:
        return table
    if budget != budget.quantize(_CENT):
        return table
    return replace(table, project=replace(table.project, budget=budget.quantize(_CENT)))


class _PercentFormats:
    """Which number cells are formatted as percentages (``95%`` typed into a cell is 0.95).

    calamine gives values without their formats, so a fraction that may be a percentage is
    checked with openpyxl; the workbook is opened (read-only) only when such a cell exists, and each
    sheet's cells are looked up once (the reader goes over a workbook without tables twice).
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._book: Any = None
        self._found: dict[str, tuple[set[tuple[int, int]], set[tuple[int, int]]]] = {}

    def of(self, sheet_name: str, cells: set[tuple[int, int]]) -> set[tuple[int, int]]:
        if not cells:
            return set()
        known = self._found.get(sheet_name)
        if known is not None and known[0] == cells:
            return known[1]
        found = self._look_up(sheet_name, cells)
        self._found[sheet_name] = (cells, found)
        return found

    def _look_up(self, sheet_name: str, cells: set[tuple[int, int]]) -> set[tuple[int, int]]:
        try:
            if self._book is None:
                from openpyxl import load_workbook

                self._book = load_workbook(io.BytesIO(self.data), read_only=True, data_only=True)
            sheet = self._book[sheet_name]
            last = max(r for r, _ in cells) + 1
            found: set[tuple[int, int]] = set()
            for r, row in enumerate(sheet.iter_rows(min_row=1, max_row=last)):
                for c, cell in enumerate(row):
                    if (r, c) in cells and "%" in str(getattr(cell, "number_format", "") or ""):
                        found.add((r, c))
            return found
        except Exception:  # .xls/.ods or an odd file: formats are a refinement, values still stand
            return set()


def _percent_text(value: float) -> str:
    return format((Decimal(repr(value)) * 100).normalize(), "f") + "%"


def sheet_grid(sheet: Any, sheet_name: str) -> SheetGrid | None:
    """One worksheet's values and merged headings; None for our analysts' sheet (a copy of the
    tables, not a table)."""
    values: list[list[Any]] = sheet.to_python(skip_empty_area=False)
    if values and values[0] and _text(values[0][0]) == FLAT_TITLE:
        return None
    return SheetGrid(sheet_name, values, _header_spreads(sheet, values))


def sheet_grid_rows(
    grid: SheetGrid, file: str | None, percents: _PercentFormats | None = None
) -> Iterator[Row]:
    """One worksheet as rows of text cells, each cell with its ``Sheet!D17`` place."""
    values, sheet_name, spread = grid.values, grid.name, grid.spreads
    percent_cells: set[tuple[int, int]] = set()
    if percents is not None:
        fractions = {
            (r, c)
            for r, row in enumerate(values)
            for c, v in enumerate(row)
            if isinstance(v, float) and abs(v) <= 10  # 100% is 1.0, 95% is 0.95
        }
        percent_cells = percents.of(sheet_name, fractions)
    letters = [get_column_letter(c + 1) for c in range(max((len(r) for r in values), default=0))]
    for r, raw_cells in enumerate(values):
        number = r + 1
        cells = [_percent_text(v) if (r, c) in percent_cells else _text(v) for c, v in enumerate(raw_cells)]
        for (row_index, col), text in spread.items():
            if row_index == r and col < len(cells) and not cells[col]:
                cells[col] = text
        if not any(cells):
            continue
        sources = tuple(
            SourceRef(file, number, sheet=sheet_name, cell=f"{letters[c]}{number}") for c in range(len(cells))
        )
        yield Row(tuple(cells), SourceRef(file, number, sheet=sheet_name, cell=f"A{number}"), sources)


def _header_spreads(sheet: Any, values: list[list[Any]]) -> dict[tuple[int, int], str]:
    """A heading merged over several columns, copied into each of them (only indicator headings)."""
    spreads: dict[tuple[int, int], str] = {}
    try:
        ranges = sheet.merged_cell_ranges or []
    except Exception:  # merged ranges are a help, not a need (some formats do not keep them)
        return spreads
    for (top, left), (_bottom, right) in ranges:
        if right <= left or top >= len(values) or left >= len(values[top]):
            continue
        text = _text(values[top][left])
        if label_key(text) in HEADER_ROLES:
            for col in range(left + 1, right + 1):
                spreads[(top, col)] = text
    return spreads


def _text(value: Any) -> str:
    """A cell value as the text a person sees (numbers without a spurious ``.0``)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)).normalize(), "f")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()
