"""An audited published 自评表 as a download: xlsx, CSV and PDF, both columns side by side.

Each row of the table as it was published — the funds, every indicator, the total — with the figure
the table printed (``发布得分``) beside the one the rules give (``重算得分``) and the findings on that
row, then the findings on the table as a whole. The service lays the rows out (`AuditSheet`); these
writers only print them. Text is written as text (`writers.cell_text`): nothing typed in a published
table becomes a formula.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from jixiao.writers.cell_text import append_row, csv_row, put_text
from jixiao.writers.fonts import require_cjk_font

COLUMNS = (
    "类别",
    "一级指标",
    "二级指标",
    "三级指标/资金",
    "分值",
    "年度指标值",
    "实际完成值",
    "发布得分",
    "重算得分",
    "差额",
    "发现的问题",
)


@dataclass(frozen=True, slots=True)
class AuditSheet:
    """A stored self-evaluation laid out for printing: a title, the facts above, rows of ``COLUMNS``."""

    title: str
    facts: tuple[tuple[str, str], ...]
    rows: tuple[tuple[str, ...], ...]
    general: tuple[str, ...]  # findings on the table as a whole


def audit_csv(sheets: list[AuditSheet]) -> bytes:
    """One CSV (UTF-8 with BOM, for Excel) of every row of every sheet, the project on each row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["项目名称", *COLUMNS])
    for sheet in sheets:
        project = dict(sheet.facts).get("项目名称", sheet.title)
        for row in sheet.rows:
            writer.writerow(csv_row([project, *row]))
        for finding in sheet.general:
            writer.writerow(csv_row([project, "全表", "", "", "", "", "", "", "", "", "", finding]))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def audit_xlsx(sheet: AuditSheet) -> bytes:
    """The sheet as a workbook: facts, the rows with both score columns, the whole-table findings."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "自评表审核"
    put_text(ws.cell(1, 1), sheet.title).font = Font(bold=True, size=14)
    for label, value in sheet.facts:
        append_row(ws, [label, value])
    append_row(ws, [])
    append_row(ws, list(COLUMNS))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        append_row(ws, list(row))
    if sheet.general:
        append_row(ws, [])
        append_row(ws, ["全表问题"])
        for finding in sheet.general:
            append_row(ws, ["", finding])
    for letter, width in zip("ABCDEFGHIJK", (10, 12, 14, 24, 8, 14, 14, 10, 10, 8, 60), strict=True):
        ws.column_dimensions[letter].width = width
    for line in ws.iter_rows():
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def audit_html(sheet: AuditSheet) -> str:
    """The sheet as HTML for the PDF."""
    env = Environment(
        loader=PackageLoader("jixiao.writers", "templates"), autoescape=select_autoescape(["html"])
    )
    return env.get_template("published_audit.html").render(sheet=sheet, columns=COLUMNS)


def audit_pdf(sheet: AuditSheet) -> bytes:
    """The sheet as a PDF (A4 landscape; needs a CJK font, else `MissingFontError`)."""
    require_cjk_font()
    from weasyprint import HTML

    data: bytes = HTML(string=audit_html(sheet)).write_pdf()
    return data
