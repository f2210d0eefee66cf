"""A file parsed once for every reader of it: the target-table reader and the self-evaluation check.

Opening a workbook (calamine), a PDF (pdfplumber), a Word document (lxml) or an HTML page
(html.parser) and turning it into cells is the most expensive stage of reading it. Each format's
reader builds one object holding what it parsed — `xlsx.ParsedWorkbook` (each sheet's values and
merged headings), `pdf.ParsedPdf` (each page's rows, cut on demand and kept), `docx.WordDocument`
and `html.HtmlPage` (their tables as marked up) — and `readers.detect.read_bytes_keeping_parsed`
hands it on with the tables, so that `readers.selfeval_published.parsed_rows` reads the same cells
instead of opening the file again. A text file's object is its `readers.text.TextCut`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from jixiao.readers.detect import Format
    from jixiao.readers.docx import WordDocument
    from jixiao.readers.html import HtmlPage
    from jixiao.readers.pdf import ParsedPdf
    from jixiao.readers.text import TextCut
    from jixiao.readers.xlsx import ParsedWorkbook

    ParsedBinary: TypeAlias = ParsedWorkbook | ParsedPdf | WordDocument | HtmlPage
    Parsed: TypeAlias = TextCut | ParsedBinary


class Unreadable(Exception):
    """A file its format's reader cannot open or parse: the message says why, in Chinese; the
    library's own exception, when there was one, is the ``__cause__``."""

    def cause_name(self) -> str:
        """The name of the library's exception behind this one (``PasswordError``), else this one's."""
        return type(self.__cause__ or self).__name__


def close_parsed(parsed: Parsed | None) -> None:
    """Let go of what a parsed file still holds open (a PDF's document); nothing for the others."""
    from jixiao.readers.pdf import ParsedPdf

    if isinstance(parsed, ParsedPdf):
        parsed.close()


def open_parsed(data: bytes, file: str | None, kind: Format) -> ParsedBinary:
    """A workbook, PDF, Word document or HTML page (``kind``, told by `detect.detect_format`) opened
    and parsed by its format's reader; `Unreadable` saying why it cannot be."""
    from jixiao.readers import docx, html, pdf, xlsx
    from jixiao.readers.detect import Format

    if kind is Format.PDF:
        return pdf.open_pdf(data, file)
    if kind is Format.XLSX:
        return xlsx.open_workbook(data)
    if kind is Format.DOCX:
        return docx.open_document(data)
    if kind is Format.HTML:
        return html.open_page(data)
    raise ValueError(f"no parsed form for {kind}")
