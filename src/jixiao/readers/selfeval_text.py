"""A published 自评表 as text: the text forms of `readers.textforms`, comma-separated values, and a
自评报告 that writes its figures as sentences (`readers.selfeval_prose`).

A 自评表 saved as CSV (``"项目名称","城市绿地日常养护",,,`` — quoted cells, commas between, empty cells
left empty) is a grid: each line is cut by the CSV rules into its cells, in its columns. Told by most
lines, never by one: Chinese text uses the full-width comma ``，``, so an ASCII comma between quoted
cells on most lines is a CSV's, not a sentence's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from jixiao.model import SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.selfeval_prose import is_prose, published_prose_rows
from jixiao.readers.textforms import text_rows

_SAMPLE = 60  # the first lines that show the form


def _csv_cells(line: str) -> list[str] | None:
    """A line's cells by the CSV rules, or None when it does not read as three or more of them."""
    if "\t" in line or "," not in line:
        return None
    try:
        (cells,) = list(csv.reader([line]))
    except (csv.Error, ValueError):  # an unclosed quote, or a line that is two records
        return None
    return cells if len(cells) >= 3 else None


def is_csv(lines: list[str]) -> bool:
    """Most non-empty lines are three or more CSV cells, and some of them are quoted."""
    filled = [line for line in lines[:_SAMPLE] if line.strip()]
    cut = [line for line in filled if _csv_cells(line) is not None]
    quoted = sum(1 for line in cut if line.lstrip().startswith('"') or ',"' in line)
    return len(filled) >= 3 and len(cut) * 4 >= len(filled) * 3 and quoted * 2 >= len(cut)


def published_text_rows(text: str, file: str | None = None) -> Iterator[Row]:
    """Rows of cells of a text: CSV by its rules (each row at the line it starts on; a quoted cell may
    hold a line break), other text by its form."""
    lines = text.splitlines()
    if not is_csv(lines):
        yield from published_prose_rows(text, file) or text_rows(text, file)
        return
    records = csv.reader(io.StringIO(text))
    start = 1
    for cells in records:
        if cells:
            yield Row(tuple(" ".join(c.split("\n")) for c in cells), SourceRef(file, start))
        start = records.line_num + 1


def cut_of_its_own(text: str) -> bool:
    """The text is cut otherwise for a self-evaluation than for target tables (CSV, or a 自评报告 in
    sentences): rows cut for the table reader (`readers.text.TextCut`) cannot stand in for its own."""
    lines = text.splitlines()
    return is_csv(lines) or is_prose(lines)
