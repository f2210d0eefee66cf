"""HTML pages (a disclosure page saved from a browser, a table exported as .htm) → tables.

The page is parsed with the standard library's tolerant ``html.parser`` into `SpanTable`s: every
``<table>`` with its rows and cells (``rowspan``/``colspan`` kept), a table nested in a cell read as
a table of its own, ``<br>`` and paragraph ends inside a cell kept as line breaks, entities decoded,
``<script>``/``<style>`` skipped. The text between tables is kept as lines so a title above a
table (``2023年项目支出绩效目标表``) comes along. Rows with no ``<table>`` around them (a CMS or a
copy-paste that dropped the element and kept its ``<tr>``/``<td>``) are read as a table of their own,
which ends at the next block outside a cell (the ``<p>填报单位`` line under it) or a real table.
`merged` then lays the tables out on their grids, chooses the target tables and hands them to the
reader core.

The bytes are decoded by the BOM, then the page's ``<meta charset>``, then UTF-8, then GB18030
(which reads GBK and GB2312 pages). A hostile page is refused with a message, in bounded time and
memory: too large, tables nested too deep, or more grid places than any real page has.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.readers.detect_parsed import Unreadable
from jixiao.readers.merged import MAX_CELLS, SpanCell, SpanTable, TooLarge, read_span_tables
from jixiao.readers.text import FILE_PROBLEM, file_problem

MAX_BYTES = 20 * 1024 * 1024  # the upload limit; html.parser reads about 1 MB a second on hostile markup
MAX_TABLE_DEPTH = 40
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.IGNORECASE
)
_MARKUP = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|table|meta|div|tr|td|!--)[\s>/-]", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<table[\s>]", re.IGNORECASE)
_CELL_TAG = re.compile(r"<t[dh][\s>]", re.IGNORECASE)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}
_BLOCKS = frozenset(("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "caption", "section",
                     "article", "header", "footer", "ul", "ol", "dd", "dt", "blockquote", "pre", "center",
                     "hr"))  # fmt: skip
_ROW_TAGS = frozenset(("tr", "td", "th"))
_SKIPPED = frozenset(("script", "style", "template", "noscript", "head", "title", "textarea", "select"))
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")


def looks_like_html(text: str) -> bool:
    """True for text that is a page's markup (a ``<table>``, ``<html>``, ``<!DOCTYPE html>``…)."""
    head = text[:65536].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _MARKUP.search(head[:4096]) is not None:
        return True
    return _TABLE_TAG.search(head) is not None and _CELL_TAG.search(head) is not None


def decode_html(data: bytes) -> str:
    """The page's text: by the BOM, the ``<meta charset>``, then UTF-8, then GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    match = _META_CHARSET.search(data[:8192])
    declared = match.group(1).decode("ascii").lower() if match else None
    if declared in _GB:
        return data.decode("gb18030", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8", "utf8"):
        try:
            return data.decode(declared, errors="replace")
        except LookupError:
            pass
    return data.decode("gb18030", errors="replace")


class _Open:
    """A table being parsed: its rows, the cell being filled, the lines above it."""

    __slots__ = ("cell", "implicit", "parts", "row", "table")

    def __init__(self, above: list[str], implicit: bool = False) -> None:
        self.table = SpanTable(above=above)
        self.implicit = implicit  # opened by a <tr>/<td> outside any <table>
        self.row: list[SpanCell] | None = None
        self.cell: SpanCell | None = None
        self.parts: list[str] = []


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[SpanTable] = []
        self.stack: list[_Open] = []
        self.outside: list[str] = []  # text lines outside any table since the last table
        self.line: list[str] = []
        self.skipping: str | None = None
        self.cells = 0

    # -- text ------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.skipping is not None:
            return
        if self.stack and self.stack[-1].cell is not None:
            self.stack[-1].parts.append(data)
        elif not self.stack:
            self.line.append(data)

    def _break(self) -> None:
        if self.stack:
            top = self.stack[-1]
            if top.cell is not None:
                top.parts.append("\n")
            return
        text = _SPACES.sub(" ", "".join(self.line)).strip()
        self.line = []
        if text:
            self.outside.append(text)
            del self.outside[:-8]

    # -- tags ------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping is not None:
            return
        if tag in _SKIPPED:
            self.skipping = tag
            return
        if self._ends_implicit(tag):
            self._close_implicit()
        if tag in _ROW_TAGS and not self.stack:
            self._open_implicit()
        if tag == "table":
            if len(self.stack) >= MAX_TABLE_DEPTH:
                raise TooLarge(f"表格嵌套超过 {MAX_TABLE_DEPTH} 层")
            self._break()
            above = list(self.outside) if not self.stack else self._lines_before_nested(self.stack[-1])
            self.outside = []
            opened = _Open(above)
            self.tables.append(opened.table)
            self.stack.append(opened)
        elif tag in ("td", "th") and self.stack:
            top = self.stack[-1]
            self._close_cell(top)
            if top.row is None:
                top.row = []
                top.table.rows.append(top.row)
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise TooLarge(f"表格单元格超过 {MAX_CELLS} 个")
            spans = dict(attrs)
            top.cell = SpanCell("", _span(spans.get("rowspan")), _span(spans.get("colspan")))
            top.row.append(top.cell)
        elif tag == "tr" and self.stack:
            top = self.stack[-1]
            self._close_cell(top)
            top.row = []
            top.table.rows.append(top.row)
        elif tag == "br" or tag in _BLOCKS:
            self._break()

    def _open_implicit(self) -> None:
        """A ``<tr>``/``<td>`` outside any table: its rows are a table whose ``<table>`` was lost."""
        self._break()
        opened = _Open(list(self.outside), implicit=True)
        self.outside = []
        self.tables.append(opened.table)
        self.stack.append(opened)

    def _ends_implicit(self, tag: str) -> bool:
        """A block or a real table between rows ends a table opened without ``<table>``."""
        top = self.stack[-1] if self.stack else None
        return (
            top is not None
            and top.implicit
            and top.cell is None
            and tag not in _ROW_TAGS
            and (tag == "table" or tag in _BLOCKS)
        )

    def _close_implicit(self) -> None:
        self._close_cell(self.stack.pop())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":  # <table/>: an empty table, nothing to push
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping is not None:
            if tag == self.skipping:
                self.skipping = None
            return
        if tag in ("body", "html") and self.stack and self.stack[-1].implicit:
            self._close_implicit()
        if tag == "table" and self.stack:
            top = self.stack.pop()
            self._close_cell(top)
        elif tag in ("td", "th") and self.stack:
            self._close_cell(self.stack[-1])
        elif tag == "tr" and self.stack:
            top = self.stack[-1]
            self._close_cell(top)
            top.row = None
        elif tag in _BLOCKS:
            self._break()

    @staticmethod
    def _lines_before_nested(top: _Open) -> list[str]:
        """The lines above a table nested in a cell: a layout table's own lines above, then the cell's
        text before the nested table (the title ``2024年项目支出绩效目标表`` in a ``<p>`` beside it)."""
        if top.cell is None:
            return []
        lines = [_SPACES.sub(" ", part).strip() for part in "".join(top.parts).split("\n")]
        wrapper = len(top.table.rows) == 1 and len(top.table.rows[0]) == 1  # one cell laid out around it
        return [*(top.table.above if wrapper else []), *(line for line in lines if line)][-8:]

    def _close_cell(self, top: _Open) -> None:
        if top.cell is None:
            return
        lines = (_SPACES.sub(" ", part).strip() for part in "".join(top.parts).split("\n"))
        top.cell.text = "\n".join(line for line in lines if line)
        top.cell, top.parts = None, []

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close_cell(self.stack.pop())


def _span(value: str | None) -> int:
    digits = re.match(r"\s*(\d{1,6})", value or "")
    return max(1, int(digits.group(1))) if digits else 1


def defuse(text: str) -> str:
    """The page with comments, declarations and processing instructions removed and a ``<`` that no
    ``>`` follows escaped, in one linear pass.

    ``html.parser`` (before Python 3.12.11/3.13.4) rescans to the end of the page for every
    unterminated ``<!--``, ``<![``, ``<?`` or ``</``: quadratic time on a hostile page. None of these
    carry table text, so they are taken out here; an unterminated one runs to the end of the page,
    as browsers read it.
    """
    last_gt = text.rfind(">")
    out: list[str] = []
    i = 0
    while True:
        j = text.find("<", i)
        if j == -1:
            out.append(text[i:])
            break
        out.append(text[i:j])
        if j > last_gt:
            out.append(text[j:].replace("<", "&lt;"))
            break
        if text.startswith("<!--", j):
            end, width = text.find("-->", j + 4), 3
        elif text.startswith(("<!", "<?"), j):
            end, width = text.find(">", j + 2), 1
        else:
            out.append("<")
            i = j + 1
            continue
        if end == -1:
            break
        out.append(" ")
        i = end + width
    return "".join(out)


def parse_tables(text: str) -> list[SpanTable]:
    """Every table of a page, in document order (a nested table after the table holding it)."""
    parser = _TableParser()
    parser.feed(defuse(text))
    parser.close()
    return parser.tables


def read_html_bytes(data: bytes, file: str | None = None) -> tuple[list[Table], list[Diagnostic]]:
    """Read the target tables of a page held in memory; a bad page gives a diagnostic, never an exception."""
    try:
        page = open_page(data)
    except Unreadable as exc:
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, str(exc), SourceRef(file or "<网页>"))]
    return read_span_tables(page.tables, file, "网页")


def read_html_text(text: str, file: str | None = None) -> tuple[list[Table], list[Diagnostic]]:
    """Read the target tables of an HTML page given as text; an oversized page gives one error."""
    try:
        page = HtmlPage(text)
    except Unreadable as exc:
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, str(exc), SourceRef(file or "<网页>"))]
    return read_span_tables(page.tables, file, "网页")


def open_page(data: bytes) -> HtmlPage:
    """The page decoded and its tables parsed once; `Unreadable` when it is too large."""
    if len(data) > MAX_BYTES:
        raise Unreadable(f"网页过大（{len(data) // 1048576} MB，上限 {MAX_BYTES // 1048576} MB），拒绝读取")
    return HtmlPage(decode_html(data))


class HtmlPage:
    """An HTML page's tables parsed once (`parse_tables`), for the target-table reader and the
    self-evaluation check."""

    def __init__(self, text: str) -> None:
        try:
            self.tables = parse_tables(text)
        except TooLarge as exc:
            raise Unreadable(f"网页过大或结构异常，拒绝读取：{exc}") from exc


def read_html_path(path: str | Path) -> tuple[list[Table], list[Diagnostic]]:
    """Read the target tables of an HTML file on disk; an unreadable file gives one error."""
    p = Path(path)
    problem = file_problem(p)
    if problem is not None:
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, problem, SourceRef(str(path)))]
    return read_html_bytes(p.read_bytes(), str(path))
