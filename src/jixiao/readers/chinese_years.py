"""A year written in Chinese numerals (``二〇二三年度``, ``二零二四年``) as its Arabic digits, for the year
patterns only: a cell's own text is kept as written.

Only a whole four-numeral year of 19xx/20xx right before ``年`` is turned (``一九九九年``, ``二〇二三年``);
``二十三年`` or ``三年`` (counts, not years) are left alone.
"""

from __future__ import annotations

import re

__all__ = ["YearPattern", "arabic_years"]

_NUMERALS = "〇零一二三四五六七八九"
_DIGITS = str.maketrans(_NUMERALS, "00123456789")
_YEAR = re.compile(f"(?:一九|二[〇零])[{_NUMERALS}]{{2}}(?=\\s*年)")


def arabic_years(text: str) -> str:
    """The text with each year in Chinese numerals written in Arabic digits (``二〇二三年`` → ``2023年``)."""
    if "年" not in text or not any(c in text for c in "〇零九"):
        return text
    return _YEAR.sub(lambda m: m.group().translate(_DIGITS), text)


class YearPattern:
    """A year pattern (``(2024年度)``, ``预算年度:2025``) that reads a year in Chinese numerals too: the
    text is matched with its Chinese-numeral years in Arabic digits, so the groups hold digits."""

    def __init__(self, pattern: str) -> None:
        self._pattern = re.compile(pattern)

    def search(self, text: str) -> re.Match[str] | None:
        """``re.Pattern.search`` on the text with its years in Arabic digits."""
        return self._pattern.search(arabic_years(text))

    def match(self, text: str) -> re.Match[str] | None:
        """``re.Pattern.match`` on the text with its years in Arabic digits."""
        return self._pattern.match(arabic_years(text))
