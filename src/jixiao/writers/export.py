"""One entry for every output format: tables → the bytes of a file, with its media type.

The CLI (`jixiao export`) and the web download buttons both call `export_bytes`, so a table
downloaded from a page is the same file as the one the command writes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from jixiao.formats.files import MEDIA_TYPES, ExportedFile, ExportFormat
from jixiao.model import Table


def export_bytes(
    tables: Sequence[Table], fmt: ExportFormat, *, one_sheet: bool = False, cover: bool | None = None
) -> ExportedFile:
    """The exported file, built in memory (so a failure never leaves half a file anywhere)."""
    if fmt is ExportFormat.XLSX:
        from jixiao.writers.xlsx import write_xlsx

        buffer = io.BytesIO()
        write_xlsx(tables, buffer, one_sheet=one_sheet)
        data = buffer.getvalue()
    elif fmt is ExportFormat.PDF:
        from jixiao.writers.pdf import write_pdf

        buffer = io.BytesIO()
        write_pdf(tables, buffer, cover=cover)
        data = buffer.getvalue()
    elif fmt is ExportFormat.JSON:
        from jixiao.formats.table_json import dumps_tables

        data = (dumps_tables(tables) + "\n").encode("utf-8")
    else:
        from jixiao.writers.csv import write_csv

        data = write_csv(tables).encode("utf-8-sig")  # with BOM: Excel opens UTF-8 CSV correctly then
    return ExportedFile(data, MEDIA_TYPES[fmt], fmt.value)
