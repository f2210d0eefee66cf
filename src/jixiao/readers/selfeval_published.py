"""Read published 项目支出绩效自评表 from a file: text (tab, ``|``, one cell per line, single spaces),
a workbook, a PDF, an HTML page or a Word document.

The format readers only cut the file into rows of cells (`readers.selfeval_text.published_text_rows`;
for a workbook, PDF, Word document or page, `parsed_rows` of what the format's reader parsed — the
same object the target-table reader read, see `readers.detect_parsed` — the HTML and Word tables
laid out on their grid by `readers.merged`); `readers.selfeval_rows` reads the meaning, and any
other source of rows plugs in through `read_published_rows`. `looks_published` tells a published
self-evaluation from a target table or from our own template before anything is read.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jixiao.evaluation.published import PublishedSelfEvaluation
from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.detect_parsed import Unreadable
from jixiao.readers.selfeval_rows import read_rows
from jixiao.readers.selfeval_text import published_text_rows
from jixiao.readers.text import FILE_PROBLEM, decode, file_problem

if TYPE_CHECKING:
    from jixiao.readers.detect import Parsed

NOT_SELFEVAL = "JX-A00"
# Words only a self-evaluation prints: its score columns and its funds block.
_SELFEVAL_WORDS = (
    "自评表",
    "实际完成值",
    "完成值",
    "全年执行数",
    "预算执行数",
    "执行率",
    "得分",
    "全年实际值",
)


def read_published_rows(rows: Iterable[Row]) -> list[PublishedSelfEvaluation]:
    """The published self-evaluations in rows of cells from any format reader."""
    return read_rows(rows)


def read_published_text(text: str, file: str | None = None) -> list[PublishedSelfEvaluation]:
    """The published 自评表 found in a text."""
    return read_rows(published_text_rows(text, file))


def parsed_rows(parsed: Parsed, file: str | None) -> list[Row]:
    """A file as rows of cells, from what its format's reader parsed (`readers.detect_parsed`), raising
    what the reader raises for a damaged file: every sheet of a workbook (``Sheet!D17``), every PDF page
    with a text layer (ruled tables with their columns, other text as lines; placed as when opened),
    every table of a Word document or a page (merged cells on their grid, ``表2!C5``; a self-evaluation
    may print its funds and its indicators in two), a Word document's lines under its last table
    (``表注``), and a text's rows as cut for its target tables (`TextCut`)."""
    from jixiao.readers.docx import WordDocument
    from jixiao.readers.html import HtmlPage
    from jixiao.readers.pdf import ParsedPdf
    from jixiao.readers.xlsx import ParsedWorkbook

    if isinstance(parsed, ParsedWorkbook):
        return list(parsed.rows(file, percents=False))
    if isinstance(parsed, ParsedPdf):
        return [row for page in parsed.pages() for row in page.rows(exact_join=False)]
    if isinstance(parsed, WordDocument):
        notes = [Row((line,), SourceRef(file, n, cell="表注")) for n, line in enumerate(parsed.notes(), 1)]
        return _span_rows(parsed.tables, file) + notes
    if isinstance(parsed, HtmlPage):
        return _span_rows(parsed.tables, file)
    return parsed.rows()


def _span_rows(tables: list[Any], file: str | None) -> list[Row]:
    from jixiao.readers.merged import MAX_CELLS, grid_rows, layout

    budget = [MAX_CELLS]
    rows: list[Row] = []
    for number, table in enumerate(tables, start=1):
        rows += list(grid_rows(layout(table, budget), table.above, number, file))
    return rows


def file_rows(path: str | Path) -> tuple[list[Row], list[Diagnostic]]:
    """A file's rows of cells, or one diagnostic saying why it cannot be read.

    Text, workbooks (xlsx/xls/ods), PDFs with a text layer, HTML pages and Word documents (.docx);
    the format is told by content (`readers.detect.detect_format`), not by the file's name.
    """
    p = Path(path)
    name = str(path)
    problem = file_problem(p)
    if problem is not None:
        return [], [_problem(name, problem)]
    return bytes_rows(p.read_bytes(), name)


def bytes_rows(data: bytes, name: str) -> tuple[list[Row], list[Diagnostic]]:
    """`file_rows` of a file's bytes (an upload): the format told by content."""
    from jixiao.readers.detect import PARSED_ONCE, close_parsed, detect_format, open_parsed

    kind = detect_format(data, name)
    if kind in PARSED_ONCE:
        try:
            parsed = open_parsed(data, name, kind)
        except Unreadable as exc:
            return [], [_problem(name, f"无法读取文件：已损坏、有密码保护或过大（{exc.cause_name()}）")]
        try:
            return parsed_rows(parsed, name), []
        except Exception as exc:  # the libraries raise many types for damaged, locked or huge files
            return [], [_problem(name, f"无法读取文件：已损坏、有密码保护或过大（{type(exc).__name__}）")]
        finally:
            close_parsed(parsed)
    text = decode(data)
    if text is None:
        return [], [_problem(name, "无法读取：不是文本、Excel 工作簿、PDF、网页或 Word 文档")]
    return list(published_text_rows(text, name)), []


def _problem(file: str, message: str) -> Diagnostic:
    return Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(file))


def looks_published(rows: list[Row]) -> bool:
    """True when the rows hold a self-evaluation's score or funds columns, not only targets: three of
    its words, or 自评表, in the cells (NFKC, spaces dropped)."""
    # One normalisation of the distinct cells joined by NUL, which NFKC never joins to a neighbour: the
    # same as each cell's own, and no word (none holds NUL) can match across two cells.
    joined = unicodedata.normalize("NFKC", "\x00".join({c for r in rows for c in r.cells})).replace(" ", "")
    hits = sum(1 for w in _SELFEVAL_WORDS if w in joined)
    return hits >= 3 or "自评表" in joined


def read_published_if_any(rows: list[Row]) -> list[PublishedSelfEvaluation]:
    """The published self-evaluations in a file's rows; [] unless they look like one (`looks_published`)."""
    return read_rows(rows) if looks_published(rows) else []


def read_published_bytes(data: bytes, name: str) -> list[PublishedSelfEvaluation]:
    """The published self-evaluations in a file's bytes; [] when it holds none (or cannot be read).

    Used to recognise an upload by content before it is read as target tables: only rows that look
    like a self-evaluation (`looks_published`) are read as one."""
    rows, problems = bytes_rows(data, name)
    return [] if problems else read_published_if_any(rows)


def read_published_path(path: str | Path) -> tuple[list[PublishedSelfEvaluation], list[Diagnostic]]:
    """The published self-evaluations in a file, and why there are none when there are none (the
    cells run together, OCR damage), why a table's indicators were not read and which rows could be
    read in two columns' places (`selfeval_unread`), and which rows' cells were not certain to sit in
    their columns (`selfeval_unsure`)."""
    rows, problems = file_rows(path)
    if problems:
        return [], problems
    from jixiao.readers.selfeval_prose import read_from_sentences, why_prose_unread
    from jixiao.readers.selfeval_unread import ambiguous_columns, ocr_damage, why_no_indicators, why_unread

    tables = read_rows(rows) if looks_published(rows) else []
    if not tables:
        message = "文件中没有找到项目支出绩效自评表（需有资金执行和指标得分两部分）"
        not_found = Diagnostic(NOT_SELFEVAL, Severity.ERROR, message, SourceRef(str(path)))
        return [], [*why_unread(rows), *why_prose_unread(rows), not_found]
    unread = [d for t in tables if (d := why_no_indicators(t, rows)) is not None]
    sentences = read_from_sentences(rows)
    ambiguous = [d for t in tables for d in ambiguous_columns(t)]
    return tables, unread + sentences + ocr_damage(rows) + ambiguous + [d for t in tables for d in unsure(t)]


def unsure(table: PublishedSelfEvaluation) -> list[Diagnostic]:
    """JX-R34 on each row of the table whose cells were not read in their columns with certainty."""
    from jixiao.readers.selfeval_unsure import unsure_rows

    rows = [(i.source, i.unsure) for i in table.indicators if i.unsure]
    rows += [(f.source, f.unsure) for f in table.funds if f.unsure]
    return unsure_rows(table.project, rows, table.ambiguous_rows)
