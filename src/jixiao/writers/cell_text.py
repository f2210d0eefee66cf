"""Text written as text into spreadsheets: no cell of table text ever becomes a live formula.

A table name such as ``=HYPERLINK("http://…","点击")`` typed by a user must reach a reviewer's Excel as
the characters it is, not as a link or a calculation (CWE-1236, OWASP "CSV injection").

- In an xlsx cell, text is stored with the string type, whatever its first character.
- In CSV there is no type: a cell that a spreadsheet would run as a formula (starting with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return, and not a plain number such as ``-5%`` or ``+3``)
  gets a leading apostrophe, as OWASP advises.
"""

from __future__ import annotations

import re
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


class Formula(str):
    """A formula the writer itself puts in a template (``=SUM(B7:B9)``): the one kind of text that
    is written as a formula. Text from a table or a user is never wrapped in it."""


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula; numbers and other values unchanged."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def csv_row(values: list[Any]) -> list[Any]:
    """The values of a CSV row made safe for spreadsheets (see `csv_cell`)."""
    return [csv_cell(value) for value in values]


def put_text(cell: Any, value: Any) -> Any:
    """Set an openpyxl cell's value (None leaves it as it is, as ``sheet.cell(value=None)`` does);
    text keeps the string type even when it starts with ``=``."""
    if value is None:
        return cell
    if isinstance(value, Formula):
        cell.value = str(value)
        return cell
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def append_row(sheet: Any, values: list[Any]) -> None:
    """`sheet.append(values)` with every text cell kept as text."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
