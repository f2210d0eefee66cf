"""The 指标库 as open data in CSV and xlsx: one row per entry, text written as text.

The rows come ready (a header and lists of cells, see `jixiao.service.library`); here they are only
written: CSV with a byte-order mark for Excel and every formula-like cell neutralised, xlsx with every
text cell of the string type (`cell_text`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from jixiao.writers.cell_text import append_row, csv_row


def rows_to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text (with a BOM, so Excel reads it as UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(header))
    for row in rows:
        writer.writerow(csv_row(list(row)))
    return "\ufeff" + buffer.getvalue()


def rows_to_xlsx(header: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "指标库") -> bytes:
    """An xlsx workbook of one sheet; text cells stay text."""
    from openpyxl import Workbook

    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    append_row(sheet, list(header))
    for row in rows:
        append_row(sheet, list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
