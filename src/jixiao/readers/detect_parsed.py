"""A file parsed once for every reader of it: the target-table reader and the self-evaluation check.

Opening a workbook (calamine), a PDF (pdfplumber), a Word document (lxml) or an HTML page
(html.parser) and turning it into cells is the most expensive stage of reading it. Each format's
reader builds one object holding what it parsed — `xlsx.ParsedWorkbook` (each sheet's values and
merged headings), `pdf.ParsedPdf` (each page's rows, cut on demand and kept), `docx.WordDocument`
and `html.HtmlPage` (their tables as marked up) — and `readers.detect.read_bytes_keeping_parsed`
hands it on with the tables (`detect.Parsed`; a text file's is its `readers.text.TextCut`), so that
`readers.selfeval_published.parsed_rows` reads the same cells instead of opening the file again.
`detect.open_parsed` is the one place a format is told to parse.

This module is what the format readers share without importing `detect`: how they say a file
cannot be opened.
"""

from __future__ import annotations


class Unreadable(Exception):
    """A file its format's reader cannot open or parse: the message says why, in Chinese; the
    library's own exception, when there was one, is the ``__cause__``."""

    def cause_name(self) -> str:
        """The name of the library's exception behind this one (``PasswordError``), else this one's."""
        return type(self.__cause__ or self).__name__
