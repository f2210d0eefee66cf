"""Text PDFs → tables (pdfplumber), through the same reader core as text and workbooks.

A page with ruled tables gives rows of cells from the table structure (pdfplumber finds the cells
from the drawn lines); a page without gives its text lines as one cell per line, which the core
regroups by meaning. Text outside the tables (the title above them) comes along as lines; page
numbers are dropped. A table cut by a page break has its bottom line missing, so the cut is
closed before the cells are read, and the tree header a continuation page repeats is skipped.

A cell whose text wraps over lines is joined back: without a separator for Chinese text (and
always for PDFs this project wrote, which never break at a space — see `writers.pdf`), with a
space between two Latin letters otherwise. A PDF without a text layer (a scan) gets a clear
message: OCR is not supported.

The document is opened once (`open_pdf` → `ParsedPdf`) and each page cut once (`cut_page`): the
target-table reader and the self-evaluation check (`selfeval_published.parsed_rows`) read the same
cut pages, each joining wrapped cells its own way.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from jixiao.formats.layout import FLAT_TITLE
from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.readers.cells import Row
from jixiao.readers.columns import Weights, attach_weights, fold_columns
from jixiao.readers.detect_parsed import Unreadable
from jixiao.readers.grid import read_rows
from jixiao.readers.labels import Label, label_of
from jixiao.readers.pdf_unruled import UnruledTables, beside_rows, line_fragments, unruled_rows
from jixiao.readers.text import FILE_PROBLEM, file_problem
from jixiao.readers.unread import why_no_table_in_rows

GENERATOR = "jixiao"  # what our PDF writer puts in the document's Creator field
SCANNED_PAGE = "JX-R30"

PDF_MAGIC = b"%PDF-"
NO_TEXT_MESSAGE = (
    "PDF 没有文字层（可能是扫描件或图片），本系统不支持 OCR 识别；请提供可复制文字的 PDF 或 Excel 文件"
)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[-—–－~·]*\s*\d{1,4}\s*[-—–－~·]*|\d+\s*/\s*\d+)\s*$"
)
_LATIN = re.compile(r"[A-Za-z]")
_LOCKED = "PDF 有密码保护，无法读取；请提供未加密的文件"
_TABLE_SETTINGS: dict[str, Any] = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def _problem(file: str, message: str) -> tuple[list[Table], list[Diagnostic]]:
    return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(file))]


def read_pdf_path(path: str | Path) -> tuple[list[Table], list[Diagnostic]]:
    """Read every table of a PDF on disk; an unreadable file gives one diagnostic."""
    p = Path(path)
    problem = file_problem(p)
    if problem is not None:
        return _problem(str(path), problem)
    return read_pdf_bytes(p.read_bytes(), str(path))


def read_pdf_bytes(data: bytes, file: str | None = None) -> tuple[list[Table], list[Diagnostic]]:
    """Read every table of a PDF held in memory; problems with the file become one diagnostic."""
    try:
        parsed = open_pdf(data, file)
    except Unreadable as exc:
        return _problem(file or "<PDF>", str(exc))
    with parsed:
        return read_parsed_pdf(parsed, file)


def open_pdf(data: bytes, file: str | None = None) -> ParsedPdf:
    """The PDF opened by pdfplumber, its pages cut on first use; `Unreadable` saying why when it is
    not a PDF, is password-protected or damaged."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    if not data.lstrip()[:1024].startswith(PDF_MAGIC) and PDF_MAGIC not in data[:1024]:
        raise Unreadable("不是 PDF 文件（文件开头没有 %PDF 标记）")
    try:
        return ParsedPdf(pdfplumber.open(io.BytesIO(data)), file)
    except PDFPasswordIncorrect as exc:
        raise Unreadable(_LOCKED) from exc
    except Exception as exc:  # pdfminer raises many types for damaged files; all mean the same here
        raise Unreadable(f"无法打开 PDF：文件已损坏（{_short(exc)}）") from exc


def read_parsed_pdf(parsed: ParsedPdf, file: str | None) -> tuple[list[Table], list[Diagnostic]]:
    """The target tables of an opened PDF; a damaged or locked page stream gives one diagnostic."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        return _read_document(parsed, file)
    except PDFPasswordIncorrect:
        return _problem(file or "<PDF>", _LOCKED)
    except Exception as exc:  # a damaged page stream inside an openable file
        return _problem(file or "<PDF>", f"PDF 内容已损坏，无法读取（{_short(exc)}）")


def _short(exc: Exception) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:120]


def _read_document(parsed: ParsedPdf, file: str | None) -> tuple[list[Table], list[Diagnostic]]:
    exact_join = parsed.written_by_us()
    diagnostics: list[Diagnostic] = []
    text_pages = 0
    rows: list[Row] = []
    unruled_seen = 0
    for page in parsed.pages():
        if not page.has_text:
            if page.has_images:
                message = f"第{page.number}页没有文字层（扫描图片），已跳过：不支持 OCR"
                where = SourceRef(file, page=page.number)
                diagnostics.append(Diagnostic(SCANNED_PAGE, Severity.WARNING, message, where))
            continue
        text_pages += 1
        unruled_seen = page.unruled_seen
        page_content = list(page.rows(exact_join))
        flat_at = next((i for i, row in enumerate(page_content) if row.cells[:1] == (FLAT_TITLE,)), None)
        if flat_at is not None:
            # Our workbook's analysts' sheet, printed after the tables (by LibreOffice or Excel):
            # a copy of what was read already, not a table.
            rows.extend(page_content[:flat_at])
            break
        rows.extend(page_content)
    name = file or "<PDF>"
    if text_pages == 0:
        return _problem(name, NO_TEXT_MESSAGE)
    diagnostics.extend(parsed.unruled.diagnostics[:unruled_seen])
    weights = Weights()
    folded = fold_columns(_without_repeated_headers(rows), weights, diagnostics)
    tables, found = read_rows(folded, file)
    tables = attach_weights(tables, weights)
    diagnostics.extend(found)
    if not tables and not any(d.severity is Severity.ERROR for d in diagnostics):
        diagnostics.append(why_no_table_in_rows(rows, "PDF 中没有找到项目绩效目标表", file))  # with the page
    return tables, diagnostics


class PageCut:
    """One page of a `ParsedPdf`: whether it has a text layer (or only images), and its rows as cut
    once (`cut_page`), the cells of ruled tables still with their line breaks (`rows` joins them)."""

    __slots__ = ("cut", "has_images", "has_text", "number", "unruled_seen")

    def __init__(self, page: Any, number: int, file: str | None, unruled: UnruledTables) -> None:
        self.number = number
        self.has_text = bool(page.chars)
        self.has_images = not self.has_text and bool(page.images)
        self.cut = cut_page(page, number, file, unruled) if self.has_text else []
        self.unruled_seen = len(unruled.diagnostics)  # the unruled tables' findings up to this page

    def rows(self, exact_join: bool) -> Iterator[Row]:
        """The page's rows, a wrapped cell of a ruled table joined (`join_wrapped`)."""
        return joined_rows(self.cut, exact_join)


class ParsedPdf:
    """A PDF opened once (pdfplumber) for every reader of the file: its pages are cut into rows in
    order, each once (`pages`), an unruled table's columns carried from page to page; a context
    manager that closes the document."""

    def __init__(self, pdf: Any, file: str | None) -> None:
        self._pdf = pdf
        self.file = file
        self.unruled = UnruledTables(file)
        self._cut: list[PageCut] = []

    def written_by_us(self) -> bool:
        """True for a PDF this project wrote (its Creator), whose wrapped cells never break at a space."""
        return str((self._pdf.metadata or {}).get("Creator", "")).startswith(GENERATOR)

    def pages(self) -> Iterator[PageCut]:
        """Every page in order, cut when first asked for; a damaged page raises."""
        for index, page in enumerate(self._pdf.pages):
            if index == len(self._cut):
                self._cut.append(PageCut(page, index + 1, self.file, self.unruled))
            yield self._cut[index]

    def close(self) -> None:
        """Close the document (its pages cut so far stay)."""
        self._pdf.close()

    def __enter__(self) -> ParsedPdf:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def joined_rows(cut: list[tuple[Row, bool]], exact_join: bool) -> Iterator[Row]:
    """A page's rows from `cut_page`: the cells of a ruled table's row joined (`join_wrapped`)."""
    for row, ruled in cut:
        yield (
            replace(row, cells=tuple(join_wrapped(cell, exact_join) for cell in row.cells)) if ruled else row
        )


def cut_page(
    page: Any, number: int, file: str | None, unruled: UnruledTables | None = None
) -> list[tuple[Row, bool]]:
    """The rows of one page, top to bottom: table rows with their columns, other text as lines; each
    with True when it is a ruled table's row, whose cells keep their line breaks until joined.

    Ruled tables come from their drawn cells; unruled ones are rebuilt from the word positions
    (`readers.pdf_unruled`, its state carried from page to page in ``unruled``). Each row's place is
    the page and its position on the page (``第3页第12行``).
    """
    tables = _closed_tables(page)
    pieces: list[tuple[float, Row, bool]] = []
    for table in tables:
        for row, cells in zip(table.rows, table.extract(), strict=True):
            texts = tuple(cell or "" for cell in cells)
            if any(join_wrapped(text, False) for text in texts):
                top = min(bbox[1] for bbox in row.cells if bbox is not None)
                pieces.append((top, Row(texts, SourceRef(file, page=number)), True))
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
    lines = [
        line for line in outside.extract_text_lines(return_chars=True) if not _PAGE_NUMBER.match(line["text"])
    ]
    fragments = [line_fragments(line["chars"]) for line in lines]
    state = unruled if unruled is not None else UnruledTables(file)
    table_pieces, used = unruled_rows(fragments, number, state)
    pieces += [(top, row, False) for top, row in table_pieces]
    taken = set(used)
    if taken:  # beside an unruled table: a line's pieces are the cells of one row (项目名称 | …)
        free = [(line["top"], fragments[at]) for at, line in enumerate(lines) if at not in taken]
        for top, cells in beside_rows(free):
            pieces.append((top, Row(cells, SourceRef(file, page=number)), False))
    for at, line in enumerate(lines):
        if at in taken or taken:
            continue
        for fragment in fragments[at]:
            row = Row((fragment.text,), SourceRef(file, page=number), columns_known=False)
            pieces.append((line["top"], row, False))
    pieces.sort(key=lambda piece: piece[0])
    return [
        (replace(row, source=replace(row.source, line=position)), ruled)
        for position, (_, row, ruled) in enumerate(pieces, start=1)
    ]


def line_cells(chars: list[dict[str, Any]]) -> list[str]:
    """A text line cut where a wide gap stands between two characters: the cells of an unruled
    table (``项目名称      购买社工岗位服务经费``); ordinary text stays one cell."""
    return [fragment.text for fragment in line_fragments(chars)]


def _closed_tables(page: Any) -> list[Any]:
    """The page's ruled tables, with a line drawn where a page break cut a table open."""
    found = page.find_tables(_TABLE_SETTINGS)
    if not found:
        return []
    edges = [round(t.bbox[3], 2) for t in found] + [round(t.bbox[1], 2) for t in found]
    edges += _open_bottoms(page, found)
    settings = dict(_TABLE_SETTINGS, explicit_horizontal_lines=sorted(set(edges)))
    return list(page.find_tables(settings))


def _open_bottoms(page: Any, found: list[Any]) -> list[float]:
    """Where a table's last row runs on past its last drawn line to the page break: the column rules
    that start in the table go on below it (a row cut by the break has no line under it), and end
    together there. Without the line the row is lost to the table and read as loose words."""
    bottoms = []
    for table in found:
        left, top, right, bottom = table.bbox
        below = [
            round(edge["bottom"], 2)
            for edge in page.vertical_edges
            if top - 1 <= edge["top"] <= bottom
            and edge["bottom"] > bottom + 1
            and left - 1 <= edge["x0"] <= right + 1
        ]
        if len(below) >= 2 and len(set(below)) == 1:  # the column rules end together: a row's bottom
            bottoms.append(below[0])
    return bottoms


def join_wrapped(text: str, exact: bool) -> str:
    """Join the lines of a wrapped cell; no-break spaces (our PDFs) become spaces again."""
    lines = [line.strip() for line in text.replace("\u00a0", " ").splitlines() if line.strip()]
    if not lines:
        return ""
    joined = lines[0]
    for line in lines[1:]:
        if not exact and _LATIN.match(joined[-1]) and _LATIN.match(line[0]):
            joined += " "
        joined += line
    return joined


def _without_repeated_headers(rows: list[Row]) -> Iterator[Row]:
    """Skip a tree header repeated at the top of a continuation page (the same table goes on).

    A ruled row equal to the table's header is skipped; in unruled text, where header cells come
    one per line, any header cell after the table's first header is.
    """
    header: tuple[str, ...] | None = None
    header_cells_seen = False
    in_stream_header = False
    for row in rows:
        cells = tuple(c for c in row.cells if c)
        label = label_of(cells[0]) if cells else None
        if label in (Label.TITLE, Label.NAME):
            header, header_cells_seen = None, False
        is_header = label in (Label.INDICATORS, Label.HEADER)
        if row.columns_known:
            in_stream_header = False
            if is_header:
                if cells == header:
                    continue
                header = cells
        elif is_header:
            if header_cells_seen and not in_stream_header:
                continue
            header_cells_seen = in_stream_header = True
        else:
            in_stream_header = False
        yield row
