"""Build the binary test documents of the corpus (xlsx, docx, PDF, Excel-exported HTML) from one layout.

A layout is written as an HTML table is: rows of cells, each a text or `C` with its colspan and
rowspan, so one description gives the same merged form in every format, the way a unit fills in
the official template in Excel, Word or prints it to PDF. Each folder's ``make.py`` describes its
form and calls `build`; the generated files are committed beside it.

Only for building test documents; nothing here is read by jixiao.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FIXED_TIME = dt.datetime(2024, 1, 1, 9, 0, 0)


@dataclass(frozen=True)
class C:
    """A cell: its text (or a number, as Excel holds it), and how many columns/rows it covers."""

    text: str | int | float
    cs: int = 1
    rs: int = 1


Layout = Sequence[Sequence["C | str | int | float"]]


def _cell(value: C | str | int | float) -> C:
    return value if isinstance(value, C) else C(value)


def place(layout: Layout) -> tuple[int, list[tuple[int, int, C]]]:
    """Each cell's top-left place on the grid (HTML's table algorithm), and the grid's width."""
    covered: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, C]] = []
    width = 0
    for r, row in enumerate(layout):
        col = 0
        for value in row:
            cell = _cell(value)
            while (r, col) in covered:
                col += 1
            placed.append((r, col, cell))
            for dr in range(cell.rs):
                for dc in range(cell.cs):
                    covered.add((r + dr, col + dc))
            col += cell.cs
            width = max(width, col)
    return width, placed


def _text(value: str | int | float) -> str:
    return str(value)


def write_xlsx(layout: Layout, path: Path, title: Sequence[str] = (), sheet: str = "Sheet1") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Side

    width, placed = place(layout)
    book = Workbook()
    ws = book.active
    ws.title = sheet
    thin = Side(style="thin")
    offset = len(title)
    for i, line in enumerate(title, start=1):
        ws.cell(i, 1, line)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
        ws.cell(i, 1).alignment = Alignment(horizontal="center")
    for r, c, cell in placed:
        target = ws.cell(offset + r + 1, c + 1, cell.text)
        if isinstance(cell.text, str) and cell.text.startswith("="):
            target.data_type = "s"  # ``=100%`` typed as text, not a formula
        target.alignment = Alignment(wrap_text=True, vertical="center")
        for dr in range(cell.rs):
            for dc in range(cell.cs):
                ws.cell(offset + r + dr + 1, c + dc + 1).border = Border(thin, thin, thin, thin)
        if cell.cs > 1 or cell.rs > 1:
            ws.merge_cells(
                start_row=offset + r + 1,
                start_column=c + 1,
                end_row=offset + r + cell.rs,
                end_column=c + cell.cs,
            )
    book.properties.creator = "jixiao corpus"
    book.properties.created = book.properties.modified = FIXED_TIME
    book.save(path)


def write_docx(blocks: Sequence[tuple[str, object]], path: Path, landscape: bool = False) -> None:
    """A Word document from blocks: ``("p", text)``, ``("h", text)`` (a centred bold title) or
    ``("table", layout)``."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    if landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for kind, content in blocks:
        if kind == "table":
            layout = content
            assert isinstance(layout, list)
            width, placed = place(layout)
            table = document.add_table(rows=len(layout), cols=width)
            table.style = "Table Grid"
            for r, c, cell in placed:
                target = table.cell(r, c)
                if cell.cs > 1 or cell.rs > 1:
                    target = target.merge(table.cell(r + cell.rs - 1, c + cell.cs - 1))
                lines = _text(cell.text).split("\n")
                target.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    target.add_paragraph(line)
        else:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(str(content))
            if kind == "h":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run.bold = True
                run.font.size = Pt(16)
    properties = document.core_properties
    properties.author = "jixiao corpus"
    properties.created = properties.modified = FIXED_TIME
    properties.last_modified_by = "jixiao corpus"
    document.save(str(path))


def table_html(layout: Layout, excel_classes: bool = False) -> str:
    """The layout as an HTML table (as Excel's 另存为网页 writes it when ``excel_classes``)."""
    _, placed = place(layout)
    rows: dict[int, list[tuple[int, C]]] = {}
    for r, c, cell in placed:
        rows.setdefault(r, []).append((c, cell))
    out = []
    for r in range(len(layout)):
        out.append(" <tr height=36 style='height:27.0pt'>" if excel_classes else "<tr>")
        for _, cell in rows.get(r, []):
            attrs = ""
            if cell.rs > 1:
                attrs += f" rowspan={cell.rs}"
            if cell.cs > 1:
                attrs += f" colspan={cell.cs}"
            if excel_classes:
                number = isinstance(cell.text, (int, float))
                attrs = f" class=xl{66 + (cell.cs > 1)}{attrs}" + (f' x:num="{cell.text}"' if number else "")
            text = "<br>\n  ".join(html.escape(line) for line in _text(cell.text).split("\n"))
            out.append(f"  <td{attrs}>{text or '&nbsp;'}</td>")
        out.append(" </tr>")
    return "\n".join(out)


def write_pdf(layout: Layout, path: Path, title: Sequence[str] = (), landscape: bool = False) -> None:
    from weasyprint import HTML

    size = "A4 landscape" if landscape else "A4"
    heads = "".join(f"<p class='t'>{html.escape(line)}</p>" for line in title)
    page = f"""<html><head><meta charset="utf-8">
<meta name="dcterms.created" content="2024-01-01T09:00:00">
<style>
@page {{ size: {size}; margin: 15mm; }}
body {{ font-family: "Noto Sans CJK SC", "Noto Serif CJK SC"; font-size: 9pt; }}
p.t {{ text-align: center; margin: 2pt 0; }}
table {{ border-collapse: collapse; width: 100%; }}
td {{ border: 0.6pt solid black; padding: 2pt 3pt; vertical-align: middle; }}
</style></head><body>{heads}<table>{table_html(layout)}</table></body></html>"""
    HTML(string=page).write_pdf(str(path))


def build(folder: Path, layout: Layout, title: Sequence[str], landscape: bool = False) -> None:
    """document.xlsx, document.docx and document.pdf of one form."""
    write_xlsx(layout, folder / "document.xlsx", title)
    blocks: list[tuple[str, object]] = [("h", line) for line in title]
    blocks.append(("table", list(layout)))
    write_docx(blocks, folder / "document.docx", landscape)
    write_pdf(layout, folder / "document.pdf", title, landscape)
