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


# A year written in Chinese numerals: a whole four-numeral 19xx/20xx right before 年 (二〇二三年, 一九九九年);
# 二十三年 or 三年 (counts, not years) are no year.
_YEAR_NUMERALS = "〇零一二三四五六七八九"
_YEAR_DIGITS = str.maketrans(_YEAR_NUMERALS, "00123456789")
_WRITTEN_YEAR = re.compile(f"(?:一九|二[〇零])[{_YEAR_NUMERALS}]{{2}}(?=\\s*年)")
# A date in numerals: 二〇二三年八月底前, 二〇二三年九月一日前, 十二月底前 (the year, or the month, or both).
_MONTH_DAY = "一二三四五六七八九十"
_WRITTEN_DATE = re.compile(
    rf"^(?P<year>\d{{4}}年)?(?:(?P<month>[{_MONTH_DAY}]{{1,2}})月(?:(?P<day>[{_MONTH_DAY}]{{1,3}})[日号])?)?"
    rf"(?P<tail>[^\d{_NUMERAL}]*)$"
)


def arabic_years(text: str) -> str:
    """The text with each year in Chinese numerals written in Arabic digits (``二〇二三年`` → ``2023年``)."""
    if "年" not in text or not any(c in text for c in "〇零九"):
        return text
    return _WRITTEN_YEAR.sub(lambda m: m.group().translate(_YEAR_DIGITS), text)


def date_of_numerals(text: str) -> str | None:
    """A date in numerals written in digits (``二〇二三年八月底前`` → ``2023年8月底前``), or None when the
    text is not a whole date of that shape (a year or a month must be there; the day only after a month)."""
    match = _WRITTEN_DATE.match(arabic_years(text))
    if match is None or not (match["year"] or match["month"]):
        return None
    month = numeral_value(match["month"]) if match["month"] else None
    day = numeral_value(match["day"]) if match["day"] else None
    if match["month"] and not (month and 1 <= month <= 12):
        return None
    if match["day"] and not (day and 1 <= day <= 31):
        return None
    written = (match["year"] or "") + (f"{month}月" if month else "") + (f"{day}日" if day else "")
    return written + match["tail"]
