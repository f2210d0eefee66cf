"""A 指标值 whose tail fell into the next cell: ``≥120`` / ``件``, ``较上年`` / ``只减不增``.

Text extracted from a PDF (a flattened page, or one cell per line) breaks a value where the table
wrapped it or where a space stood inside it, so the unit or the rest of a qualitative phrase arrives
as a cell of its own. Read as a cell, it would become an indicator named ``件`` — an invented
indicator, the worst error a reader can make. The tail is joined back (with the space it had) only
where the two pieces say so by themselves:

- a number with no unit, then a cell that is a whole unit of the registry (``件``, ``分钟``,
  ``台（套）``), and the table has no 度量单位 column the unit could belong to;
- a bare basis of comparison (``较上年``), then a cell that is a whole qualitative phrase of
  `jixiao.value_words` (``只减不增``, ``持续提高``).

A unit or a comparator alone is never an indicator's name; nothing else is joined.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.value_words import BASES, is_value_phrase
from jixiao.values import is_unit, normalise_symbols

# A number, maybe with a comparator before it, and nothing after its last digit: ``≥120``, ``≤30``.
_BARE_NUMBER = re.compile(r"^(?:[≥≤<>=＞＜]|>=|<=)?\s*\d+(?:[.,]\d+)*$")
_LONGEST_TAIL = 8  # characters: a unit or a phrase is short; a longer cell is a name or a remark


@lru_cache(maxsize=16384)  # asked after each value read in a stream; the pairs repeat (≥85% / 服务对象满意度)
def value_tail_joins(value: str, tail: str) -> bool:
    """Whether ``tail`` (the next cell) is the rest of ``value`` (an annual value just read)."""
    if not tail or len(tail) > _LONGEST_TAIL or any(ch.isdigit() for ch in tail):
        return False
    if _BARE_NUMBER.match(normalise_symbols(value.strip())):
        return is_unit(tail)
    return value.strip() in BASES and is_value_phrase(tail)


def joined_value(value: str, tail: str) -> str:
    """The value with its tail, as the table wrote it (one space between, the space the break took)."""
    return f"{value.strip()} {tail.strip()}"
