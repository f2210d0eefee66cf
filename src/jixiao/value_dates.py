"""Dates written as numbers in a 指标值: an Excel date serial copied without its cell's format."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from jixiao.model import Kind, Target

# Excel stores a date as days since 1899-12-30; a cell copied without its format shows the number
# (``44,377`` for 2021-06-30). Read as a date only under a name that asks for one, 2000 to 2049.
_SERIAL_FIRST, _SERIAL_LAST = 36526, 54788
_DATE_NAMES = ("时间", "日期", "时限", "期限", "完成时点")
_EXCEL_EPOCH = date(1899, 12, 30)


def date_serial(target: Target, indicator_name: str) -> Target | None:
    """The deadline an Excel date serial stands for under a 完成时间-like name, else None; the raw text
    is kept as written."""
    value = target.value
    if (
        target.kind is not Kind.QUANTITATIVE
        or target.unit is not None
        or target.subject is not None
        or target.note is not None
        or value is None
    ):
        return None
    if value != value.to_integral() or not _SERIAL_FIRST <= value <= _SERIAL_LAST:
        return None
    if not "".join(indicator_name.split()).endswith(_DATE_NAMES):
        return None
    day = _EXCEL_EPOCH + timedelta(days=int(value))
    return Target(
        raw=target.raw,
        kind=Kind.DEADLINE,
        op=target.op,
        value=Decimal(day.year),
        month=day.month,
        day=day.day,
    )
