"""Decimal arithmetic shared by scoring and monitoring: rounding, printing, reading actual values.

Scores are rounded half-up to 2 places (rules.md §10, "Score precision"); numbers in explanations are
printed without exponent and without trailing zeros (``1100``, ``89.974``), scores always with two
places (``9.17``, ``10.00``) so a reader can redo the sum.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


def round2(value: Decimal) -> Decimal:
    """Round half-up to 2 decimal places (9.165 → 9.17)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> str:
    """A number as people write it: no exponent, no trailing zeros (``1100``, ``22.5``, ``89.974``)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def money(value: Decimal) -> str:
    """A score or an amount with exactly two places (``9.17``, ``10.00``)."""
    return format(round2(value), "f")


def percent(ratio: Decimal) -> str:
    """A ratio printed as a percentage with two places (0.75 → ``75.00%``)."""
    return f"{money(ratio * HUNDRED)}%"


# Words that make a number approximate: an actual value must be exact (rules.md §11.4, §11.21).
_APPROXIMATE = ("约", "左右", "余", "多", "近", "大概", "以上", "以下", "不到", "超过")
# the unit: words (个, 万元, %), or a rate per population whose base is a number (3.2/10万, 1.5例/1000人)
_ACTUAL = re.compile(
    r"^(?P<number>-?\d+(?:,\d{3})*(?:\.\d+)?)\s*"
    r"(?P<unit>[^\d]{0,12}|[^\d/]{0,4}/\s*\d+(?:\.\d+)?\s*[^\d/]{1,4})$"
)
_UNIT_SCALES = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


@dataclass(frozen=True, slots=True)
class Actual:
    """An 实际完成值 read as a number with an optional unit; ``number`` is None when it is not one."""

    text: str
    number: Decimal | None = None
    unit: str | None = None

    @property
    def is_numeric(self) -> bool:
        """True if the actual value was read as an exact number."""
        return self.number is not None


def read_actual(text: str) -> Actual:
    """Read an actual value: ``1100``, ``1,100个``, ``98.5%``, ``95.41万元``; anything else is text.

    Approximate numbers (``约1200``, ``1200左右``) and words (``完成``) are not numbers: a
    quantitative indicator needs an exact count to be scored.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    match = _ACTUAL.match(cleaned)
    if match is None:
        return Actual(text=text.strip())
    unit = match["unit"].strip() or None
    if unit is not None and any(word in unit for word in _APPROXIMATE):
        return Actual(text=text.strip())
    try:
        number = Decimal(match["number"].replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return Actual(text=text.strip())
    return Actual(text=text.strip(), number=number, unit=unit)


def read_amount(text: str) -> Decimal | None:
    """A plain amount or weight typed in a cell (``1,234.50``); None when it is not a number."""
    actual = read_actual(text)
    if actual.number is None or actual.unit not in (None, "元", "万元", "分", "%"):
        return None
    return actual.number


def convert(number: Decimal, unit: str | None, to_unit: str | None) -> Decimal | None:
    """Convert between 元/万元/亿元; same or missing units pass through; other pairs give None."""
    if unit is None or to_unit is None or unit == to_unit:
        return number
    if unit in _UNIT_SCALES and to_unit in _UNIT_SCALES:
        return number * _UNIT_SCALES[unit] / _UNIT_SCALES[to_unit]
    return None
