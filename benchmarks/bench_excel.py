"""Excel and PDF: our layout's cost over the bare libraries, measured in the same run.

xlsx write: `write_xlsx` of 1,000 tables (official layout on one sheet, merged cells, borders,
row heights, page breaks, plus the flat 指标清单 sheet) against openpyxl writing the same cell
values with no styling. xlsx read: `read_xlsx_bytes` (cells → rows → reader core → tables)
against python-calamine loading the same workbook's cells. PDF: `write_pdf` / `read_pdf_bytes`
of 50 tables against WeasyPrint rendering a bare HTML table of the same cells / pdfplumber
extracting the same file's text. The ratio is the overhead of our layout and reading logic.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from html import escape

from benchmarks.corpus import corpus_tables
from benchmarks.report import Report
from jixiao.formats import layout
from jixiao.model import Table


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _plain_rows(table: Table) -> list[list[str]]:
    """The same cell values our layout writes, as bare rows."""
    p = table.project
    rows = [[layout.TITLE]]
    rows += [[label, value] for label, value in layout.project_fields(p)]
    start, end = layout.year_text(p.period_start), layout.year_text(p.period_end)
    rows.append(["实施周期", "起始年度", start, "到期年度", end])
    amount = layout.budget_amount(p)
    rows.append([layout.budget_label(p), layout.format_money(amount) if amount is not None else ""])
    rows += [
        [layout.GOALS_LABEL, layout.PERIOD_GOAL_LABEL],
        ["", table.goals.period],
        ["", layout.annual_goal_label(p)],
        ["", table.goals.annual],
        list(layout.TREE_HEADER),
    ]
    rows += [["", r.level1, r.level2, r.name, r.period, r.annual] for r in layout.tree_rows(table)]
    return rows


def _openpyxl_plain(tables: tuple[Table, ...]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for table in tables:
        for row in _plain_rows(table):
            sheet.append(row)
        sheet.append([])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _calamine_cells(data: bytes) -> int:
    import python_calamine as calamine

    book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    cells = 0
    for name in book.sheet_names:
        cells += sum(len(row) for row in book.get_sheet_by_name(name).to_python(skip_empty_area=False))
    return cells


def _plain_html(tables: tuple[Table, ...]) -> str:
    body = []
    for table in tables:
        cells = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in _plain_rows(table)
        )
        body.append(f"<table>{cells}</table>")
    style = "body{font-family:'Noto Sans CJK SC'} td{border:0.5pt solid #000}"
    return f"<html><head><style>{style}</style></head><body>{''.join(body)}</body></html>"


def run(report: Report, n_xlsx: int = 1000, n_pdf: int = 50) -> None:
    from jixiao.readers.pdf import read_pdf_bytes
    from jixiao.readers.xlsx import read_xlsx_bytes
    from jixiao.writers.pdf import write_pdf
    from jixiao.writers.xlsx import write_xlsx

    tables = corpus_tables(n_xlsx)
    indicators = sum(len(t.indicators) for t in tables)
    report.line(f"xlsx: {len(tables)} tables, {indicators} indicators, all on one sheet")

    ours: dict[str, bytes] = {}

    def write_ours() -> None:
        buffer = io.BytesIO()
        write_xlsx(tables, buffer, one_sheet=True)
        ours["xlsx"] = buffer.getvalue()

    plain: dict[str, bytes] = {}

    def write_plain() -> None:
        plain["xlsx"] = _openpyxl_plain(tables)

    def write_layout_only() -> None:
        write_xlsx(tables, io.BytesIO(), one_sheet=True, flat_sheet=False)

    write_s = _best_of(2, write_ours)
    layout_s = _best_of(2, write_layout_only)
    plain_s = _best_of(2, write_plain)
    report.figure("xlsx write (official layout + 指标清单 sheet)", len(tables) / write_s, "tables/s")
    report.figure("xlsx write (official layout only)", len(tables) / layout_s, "tables/s")
    report.figure("layout-only time / openpyxl plain time", layout_s / plain_s, "x")
    report.figure("openpyxl write, same cells, no layout", len(tables) / plain_s, "tables/s")
    report.figure("xlsx write time / openpyxl plain time", write_s / plain_s, "x")

    read_back, diagnostics = read_xlsx_bytes(ours["xlsx"], "bench.xlsx")
    assert len(read_back) == len(tables) and not diagnostics, (len(read_back), diagnostics[:3])
    read_s = _best_of(3, lambda: read_xlsx_bytes(ours["xlsx"], "bench.xlsx"))
    cells_s = _best_of(3, lambda: _calamine_cells(ours["xlsx"]))
    report.figure("xlsx read (to tables)", len(tables) / read_s, "tables/s")
    report.figure("calamine cells only, same file", len(tables) / cells_s, "tables/s")
    report.figure("xlsx read time / calamine cells time", read_s / cells_s, "x")
    report.figure("xlsx size per table", len(ours["xlsx"]) / len(tables) / 1024, "KiB")

    few = tables[:n_pdf]
    report.line(f"pdf: {len(few)} tables with a title page")
    from weasyprint import HTML

    pdf: dict[str, bytes] = {}

    def write_pdf_ours() -> None:
        buffer = io.BytesIO()
        write_pdf(few, buffer)
        pdf["ours"] = buffer.getvalue()

    html = _plain_html(few)
    pdf_s = _best_of(1, write_pdf_ours)
    bare_s = _best_of(1, lambda: HTML(string=html).write_pdf())
    report.figure("pdf write (official layout)", len(few) / pdf_s, "tables/s")
    report.figure("weasyprint bare table, same cells", len(few) / bare_s, "tables/s")
    report.figure("pdf write time / bare weasyprint time", pdf_s / bare_s, "x")

    import pdfplumber

    def plumber_text() -> None:
        with pdfplumber.open(io.BytesIO(pdf["ours"])) as document:
            for page in document.pages:
                page.extract_text()

    back, problems = read_pdf_bytes(pdf["ours"], "bench.pdf")
    assert back == list(few) and not problems
    pdf_read_s = _best_of(1, lambda: read_pdf_bytes(pdf["ours"], "bench.pdf"))
    text_s = _best_of(1, plumber_text)
    report.figure("pdf read (to tables)", len(few) / pdf_read_s, "tables/s")
    report.figure("pdfplumber extract_text, same file", len(few) / text_s, "tables/s")
    report.figure("pdf read time / pdfplumber text time", pdf_read_s / text_s, "x")
