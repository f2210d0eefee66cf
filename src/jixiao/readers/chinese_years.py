"""Year patterns (``(2024年度)``, ``预算年度:2025``) that read a year written in Chinese numerals too
(``二〇二三年度``, ``二零二四年``; `jixiao.value_numerals.arabic_years`); a cell's text is kept as written.
"""

from __future__ import annotations

import re

from jixiao.values import arabic_years

__all__ = ["YearPattern", "arabic_years"]


class YearPattern:
    """A year pattern that reads a year in Chinese numerals too: the text is matched with its
    Chinese-numeral years in Arabic digits, so the groups hold digits."""

    def __init__(self, pattern: str) -> None:
        self._pattern = re.compile(pattern)

    def search(self, text: str) -> re.Match[str] | None:
        """``re.Pattern.search`` on the text with its years in Arabic digits."""
        return self._pattern.search(arabic_years(text))

    def match(self, text: str) -> re.Match[str] | None:
        """``re.Pattern.match`` on the text with its years in Arabic digits."""
        return self._pattern.match(arabic_years(text))
