"""A 指标值 written in Chinese numerals, turned into the digits the value grammar reads.

Some pages write every value in words: ``不少于一百二十件``, ``百分之百``, ``不低于百分之九十五``,
``不超过两千元/村``. Only a whole value of that shape is turned (a comparator word or none, one numeral,
a unit or none), so that grades and phrases that merely contain a numeral character (``一流``,
``统一标准``, ``十佳``) stay qualitative.
"""

from __future__ import annotations

import re

from jixiao.value_units import is_unit
from jixiao.value_words import COMPARATOR_WORDS  # those the grammar reads before digits

_DIGITS = {
    **{"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2},
    **{"三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9},
}
_POWERS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = "零〇一二两三四五六七八九十百千万"

_AFTER_WORDS = ("以上", "以下", "以内", "及以上", "及以下")

_WRITTEN = re.compile(
    rf"^(?P<before>[^{_NUMERAL}]{{0,4}})(?P<percent>百分之)?(?P<number>[{_NUMERAL}]+)(?P<tail>.*)$"
)


def numeral_value(text: str) -> int | None:
    """``一百二十`` → 120, ``两千`` → 2000, ``百`` → 100, ``十二`` → 12, ``三万五千`` → 35000,
    ``一千零五`` → 1005; None when the characters do not make one number (``一一``, ``百百``)."""
    total, section, digit, pending = 0, 0, 0, False
    for char in text:
        if char in "零〇" and not pending:
            continue  # 一千零五: the zero only holds a place
        if char in _DIGITS:
            if pending:
                return None  # two digits with no power between them
            digit, pending = _DIGITS[char], True
        elif char in _POWERS:
            section += (digit if pending else 1) * _POWERS[char]
            digit, pending = 0, False
        elif char == "万":
            if total:
                return None
            total = (section + (digit if pending else 0)) * 10000
            section, digit, pending = 0, 0, False
        else:
            return None
    return total + section + (digit if pending else 0)


def digits_of_numerals(text: str) -> str | None:
    """The value with its numeral written in digits (``不低于百分之九十五`` → ``不低于95%``), or None when
    the text is not a whole value written in numerals."""
    match = _WRITTEN.match(text)
    if match is None:
        return None
    before, tail = match["before"], match["tail"]
    if before and before not in COMPARATOR_WORDS:
        return None
    percent = match["percent"] is not None
    if tail and (percent or not is_unit(tail)) and tail not in _AFTER_WORDS:
        return None
    number = numeral_value(match["number"])
    if number is None:
        return None
    return f"{before}{number}{'%' if percent else ''}{tail}"
