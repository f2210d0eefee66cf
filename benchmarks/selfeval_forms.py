"""A published self-evaluation of the corpus produced again in the other forms publishers use (issue 12
item 1: "from text, HTML, xlsx, docx and PDF … the reading issue's text forms apply here too").

The cells are the document's own rows as the readers get them (`file_rows`); each form is written the
way a publisher's program writes it — a workbook, a Word table, an HTML ``<table>``, a PDF printed
from that page, the PDF's text flattened by pdfplumber, one cell per line, ``|`` rows — and read back
by the same path a user's file takes, against the document's hand-written golden.
"""

from __future__ import annotations

import html
import re
import shutil
from decimal import Decimal
from functools import cache
from pathlib import Path

import pdfplumber
from docx import Document
from openpyxl import Workbook

from benchmarks.selfeval_fidelity import CORPUS, Tally, document_of, score_document
from jixiao.readers.selfeval_published import file_rows

FORMS = ("xlsx", "docx", "html", "pdf", "pdf-text", "lines", "pipes")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@cache
def _grid(document: Path) -> tuple[tuple[str, ...], ...]:
    rows, problems = file_rows(document)
    assert not problems, problems
    grid = (tuple(" ".join(cell.split()) for cell in row.cells) for row in rows)
    return tuple(row for row in grid if any(row))


def grid_of(document: Path) -> list[list[str]]:
    """The document's rows of cells (blank rows dropped, cells trimmed, empty cells kept)."""
    return [list(row) for row in _grid(document)]


def _html(grid: list[list[str]]) -> str:
    cells = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in grid
    )
    return (
        "<html><head><meta charset='utf-8'><style>"
        "@page { size: A4 landscape; margin: 10mm }"
        "body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 7pt }"
        "table { border-collapse: collapse; width: 100% } td { border: 0.5pt solid #000; padding: 1mm }"
        f"</style></head><body><table>{cells}</table></body></html>"
    )


def _typed_number(cell: str) -> bool:
    return _NUMBER.fullmatch(cell) is not None and str(float(cell)) in (cell, cell + ".0")


def _xlsx(grid: list[list[str]], path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row in grid:  # figures typed as numbers, as a publisher's workbook holds them; one whose
        # trailing zeros a number would drop (33.20) stays the text it was typed as
        sheet.append([Decimal(c) if _typed_number(c) else c for c in row])
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # ``=100%`` is text the publisher typed, not a formula
    book.save(path)


def _docx(grid: list[list[str]], path: Path) -> None:
    document = Document()
    table = document.add_table(rows=0, cols=max(len(row) for row in grid))
    table.style = "Table Grid"
    for row in grid:
        cells = table.add_row().cells
        for n, value in enumerate(row):
            cells[n].text = value
    document.save(str(path))


@cache
def _printed(page: str) -> bytes:
    """The page printed to PDF once per page (printing is the slow part of producing the forms)."""
    from weasyprint import HTML

    data: bytes = HTML(string=page).write_pdf()
    return data


def _pdf(grid: list[list[str]], path: Path) -> None:
    path.write_bytes(_printed(_html(grid)))


def write_form(grid: list[list[str]], form: str, folder: Path) -> Path:
    """The grid written in one form as ``folder/document.<ext>``."""
    folder.mkdir(parents=True, exist_ok=True)
    if form == "xlsx":
        _xlsx(grid, path := folder / "document.xlsx")
    elif form == "docx":
        _docx(grid, path := folder / "document.docx")
    elif form == "html":
        (path := folder / "document.html").write_text(_html(grid), encoding="utf-8")
    elif form == "pdf":
        _pdf(grid, path := folder / "document.pdf")
    elif form == "pdf-text":
        printed = folder / "printed.pdf"
        _pdf(grid, printed)
        with pdfplumber.open(printed) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        printed.unlink()
        (path := folder / "document.txt").write_text(text + "\n", encoding="utf-8")
    elif form == "lines":
        lines = [cell for row in grid for cell in row if cell]
        (path := folder / "document.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif form == "pipes":
        lines = [" | ".join(row) for row in grid]
        (path := folder / "document.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        raise ValueError(form)
    return path


def score_in_form(source: Path, form: str, work: Path) -> Tally:
    """The corpus folder ``source`` produced in ``form`` under ``work`` and scored against its golden."""
    folder = work / f"{source.name}-{form}"
    write_form(grid_of(document_of(source)), form, folder)
    shutil.copy(source / "expected.json", folder / "expected.json")
    tally = Tally()
    score_document(folder, tally)
    return tally


def sources() -> list[Path]:
    """The development documents whose cells are exact (workbooks, Word tables, HTML pages)."""
    return sorted(
        folder
        for folder in CORPUS.parent.glob("selfeval*/*")
        if any((folder / f"document.{ext}").exists() for ext in ("xlsx", "docx", "html"))
    )


def main(argv: list[str]) -> int:
    """`python -m benchmarks selfeval_forms [--problems]`: per form, over every exact source, the tables
    read, the published scores read right and the findings found / missed / false."""
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        for form in FORMS:
            total = Tally()
            for source in sources():
                tally = score_in_form(source, form, Path(work))
                for name in ("tables", "tables_read", "scores", "scores_right", "found", "missed", "false"):
                    setattr(total, name, getattr(total, name) + getattr(tally, name))
                total.problems += tally.problems
            print(
                f"{form}: tables {total.tables_read}/{total.tables}, published scores "
                f"{total.scores_right}/{total.scores}, findings {total.found}/{total.missed}/{total.false}"
            )
            if "--problems" in argv:
                for problem in total.problems:
                    print(f"  {problem}")
    return 0
