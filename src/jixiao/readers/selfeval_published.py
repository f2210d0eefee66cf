"""Read published 项目支出绩效自评表 from a file: text (tab, ``|`` or one cell per line), a workbook or a PDF.

The format readers only cut the file into rows of cells (`readers.text.text_rows`,
`readers.xlsx.sheet_rows`); `readers.selfeval_rows` reads the meaning, so an HTML or docx reader
that yields rows of cells plugs in through `read_published_rows`. `looks_published` tells a
published self-evaluation from a target table or from our own template before anything is read.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.selfeval_rows import read_rows
from jixiao.readers.text import FILE_PROBLEM, decode, file_problem, text_rows
from jixiao.scoring.published import PublishedSelfEvaluation

NOT_SELFEVAL = "JX-A00"
_ZIP = b"PK\x03\x04"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
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
    return read_rows(text_rows(text, file))


def workbook_rows(data: bytes, file: str | None = None) -> list[Row]:
    """Every sheet of a workbook as rows of cells with their ``Sheet!D17`` places."""
    import python_calamine as calamine

    from jixiao.readers.xlsx import sheet_rows

    workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    rows: list[Row] = []
    for name in workbook.sheet_names:
        rows += list(sheet_rows(workbook.get_sheet_by_name(name), name, file))
    return rows


def pdf_rows(data: bytes, file: str | None = None) -> list[Row]:
    """Every page with a text layer as rows: ruled tables with their columns, other text as lines."""
    import pdfplumber

    from jixiao.readers.pdf import page_rows

    rows: list[Row] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            if page.chars:
                rows += list(page_rows(page, number, file, exact_join=False))
    return rows


def file_rows(path: str | Path) -> tuple[list[Row], list[Diagnostic]]:
    """A file's rows of cells, or one diagnostic saying why it cannot be read."""
    p = Path(path)
    name = str(path)
    problem = file_problem(p)
    if problem is not None:
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, problem, SourceRef(name))]
    data = p.read_bytes()
    if data.lstrip()[:1024].startswith(b"%PDF"):
        try:
            return pdf_rows(data, name), []
        except Exception as exc:  # pdfminer raises many types for damaged or locked files
            message = f"无法读取 PDF：文件已损坏或有密码保护（{type(exc).__name__}）"
            return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))]
    if data.startswith((_ZIP, _CFB)):
        try:
            return workbook_rows(data, name), []
        except Exception as exc:  # calamine raises several types for damaged files; all mean the same
            message = f"无法打开工作簿：文件已损坏或不是 Excel 文件（{type(exc).__name__}）"
            return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))]
    text = decode(data)
    if text is None:
        message = "不是文本文件，也不是 Excel 工作簿或 PDF，无法读取"
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))]
    return list(text_rows(text, name)), []


def looks_published(rows: list[Row]) -> bool:
    """True when the rows hold a self-evaluation's score or funds columns, not only targets."""
    words = {unicodedata.normalize("NFKC", c).replace(" ", "").strip(" |") for r in rows for c in r.cells}
    joined = " ".join(words)
    hits = sum(1 for w in _SELFEVAL_WORDS if w in joined)
    return hits >= 3 or "自评表" in joined


def read_published_path(path: str | Path) -> tuple[list[PublishedSelfEvaluation], list[Diagnostic]]:
    """The published self-evaluations in a file, and why there are none when there are none."""
    rows, problems = file_rows(path)
    if problems:
        return [], problems
    tables = read_rows(rows) if looks_published(rows) else []
    if not tables:
        message = "文件中没有找到项目支出绩效自评表（需有资金执行和指标得分两部分）"
        return [], [Diagnostic(NOT_SELFEVAL, Severity.ERROR, message, SourceRef(str(path)))]
    return tables, []
