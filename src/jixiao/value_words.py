"""The words of 指标值, as data: comparators written before the number (不少于, 大于等于), and the words
of qualitative values (逐年提升, 较上年下降, 基本建立, 不超预算).

Where a name and its value ran together with nothing between them (``重点传染病发病率较上年下降``), a
qualitative value can be cut off only where the text ends in a phrase these words compose *whole*:

- ``[basis][adverb][adverb]verb``, with a basis or an adverb: 较上年下降, 逐年提升, 保持稳定运行, 基本建立;
- a set phrase: 不超预算, 控制在预算内, 按时完成, 明显增强.

A verb alone (``服务能力提升``) is never cut: it may be the end of the name; only after a name that
closes on the thing affected (``对就医负担的影响减轻``: 的影响 ends the name) is it the value.
A publisher's new wording is a word added here, never a condition in a reader.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.model import Op

# Comparators written before the number, longest first so 小于等于 wins over 小于.
PREFIX_OPS: tuple[tuple[str, Op], ...] = (
    ("大于或等于", Op.GE),
    ("小于或等于", Op.LE),
    ("大于等于", Op.GE),
    ("小于等于", Op.LE),
    ("不低于", Op.GE),
    ("不少于", Op.GE),
    ("不小于", Op.GE),
    ("不超过", Op.LE),
    ("不高于", Op.LE),
    ("不多于", Op.LE),
    ("不大于", Op.LE),
    ("至少", Op.GE),
    ("达到", Op.GE),
    ("最多", Op.LE),
    ("低于", Op.LT),
    ("少于", Op.LT),
    ("小于", Op.LT),
    ("大于", Op.GT),
    ("高于", Op.GT),
    ("超过", Op.GT),
    ("多于", Op.GT),
    ("等于", Op.EQ),
    (">=", Op.GE),
    ("=>", Op.GE),
    ("<=", Op.LE),
    ("=<", Op.LE),
    ("≥", Op.GE),
    ("≤", Op.LE),
    (">", Op.GT),
    ("<", Op.LT),
    ("=", Op.EQ),
)
# The comparators written in words (不少于, 大于等于…), for readers that meet them outside a value.
COMPARATOR_WORDS: tuple[str, ...] = tuple(word for word, _ in PREFIX_OPS if "\u4e00" <= word[0] <= "\u9fff")

# What the change is measured against: 较上年下降.
BASES: tuple[str, ...] = (
    "与上年相比", "较上年度", "较上一年", "较上年", "比上年", "较去年", "较往年", "同比",
)  # fmt: skip
# How the change goes: 逐年提升, 保持稳定运行, 基本建立.
ADVERBS: tuple[str, ...] = (
    "进一步", "逐年", "逐步", "稳步", "持续", "明显", "显著", "有所", "不断", "大幅", "基本", "全面",
    "有效", "保持", "得到", "切实", "逐渐", "初步", "均有",
)  # fmt: skip
# What changes: the verbs a qualitative target ends with.
VERBS: tuple[str, ...] = (
    "稳定运行", "正常运行", "发挥作用", "提升", "提高", "下降", "降低", "减少", "增加", "增长", "改善",
    "加强", "增强", "优化", "完善", "健全", "建立", "建成", "稳定", "落实", "到位", "达标", "好转", "扩大",
    "减轻",
)  # fmt: skip
# Names that close on the thing affected (对居民就医负担的影响): a verb alone after one is the value.
CLOSED_NAMES: tuple[str, ...] = ("的影响", "的作用", "的贡献", "的效果", "的改善程度", "的促进作用")
# Set phrases a value is written as in full.
PHRASES: tuple[str, ...] = (
    "不超预算", "不超过预算", "未超预算", "控制在预算内", "控制在预算范围内", "按时完成", "按期完成",
    "按时发放", "按时拨付", "及时足额", "足额发放", "只减不增", "只增不减", "不增不减",
)  # fmt: skip


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_COMPOSED = re.compile(
    f"(?:(?:{_alternatives(BASES)})(?:{_alternatives(ADVERBS)}){{0,2}}|(?:{_alternatives(ADVERBS)}){{1,2}})"
    f"(?:{_alternatives(VERBS)})"
    f"|(?:{_alternatives(PHRASES)})"
)
_VERB_ALONE = re.compile(f"(?:{_alternatives(VERBS)})")
_LONGEST = max(len(w) for w in (*BASES, *ADVERBS, *VERBS, *PHRASES)) * 4


def is_value_phrase(text: str) -> bool:
    """Whether the whole text is a qualitative value these words compose (``持续提高``, ``只减不增``)."""
    return _COMPOSED.fullmatch(text) is not None


@lru_cache(maxsize=4096)
def qualitative_ending(text: str, shortest_name: int = 2) -> int | None:
    """Where a qualitative value that ends the text starts (``…发病率较上年下降`` → at 较), or None.

    The value is the longest ending the words above compose whole; what is before it (the name) must
    have ``shortest_name`` characters or more and must not itself end in an adverb or a basis (then the
    cut would fall inside the phrase)."""
    first = max(shortest_name, len(text) - _LONGEST)
    for start in range(first, len(text) - 1):
        if _COMPOSED.fullmatch(text, start) is None and not (
            text[:start].endswith(CLOSED_NAMES) and _VERB_ALONE.fullmatch(text, start)
        ):
            continue
        name = text[:start]
        if name.endswith((*ADVERBS, *BASES)) or not name[-1:].strip():
            continue
        return start
    return None
