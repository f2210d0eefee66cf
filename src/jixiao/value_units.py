"""The units of the 指标值 grammar, as data, and how a written unit is composed of them.

A unit after the number is read as ``[magnitude]base[次][(alternate)]{/per}``, every part from a
table below (a publisher's new unit is a line of data here, never a condition in the grammar)::

    ≥180万亩次   → 万 + 亩 + 次: 万亩次 (a frequency-weighted area)
    ≥40件(套)    → 件 with its alternate 套: 件（套）
    ≤25元/册     → 元 per 册: 元/册 (a price per item)
    ≤12/10万     → per 10 万: /10万 (a rate per 100 000, no unit before the slash)
    3.5张/千人   → 张 per 千人

Split from `jixiao.values`, which reads the number and the comparators around the unit.
"""

from __future__ import annotations

import re

# Units seen in published tables, written whole (compounds that composition would also give are kept
# so that a listed unit always wins over a composed reading of the same characters).
LISTED: frozenset[str] = frozenset(
    {
        "%", "‰", "‱", "百分比", "个百分点", "百分点",
        "元", "万元", "亿元", "千元",
        "个", "场", "场次", "宗", "期", "人", "人次", "万人", "万人次", "户", "次", "条", "条(次)",
        "篇", "篇次", "件", "项", "家", "所", "座", "处", "间", "栋", "辆", "台", "套", "本", "份",
        "册", "名", "批", "批次", "张", "部", "支", "队", "组", "班", "轮", "届", "单",
        "所次", "户次", "家次", "人/次", "宗次",
        "年", "月", "天", "日", "周", "小时", "分钟", "工作日", "个工作日", "学时", "课时",
        "课", "节", "门", "类", "分", "倍", "级", "星",
        "米", "公里", "千米", "平方米", "平方公里", "亩", "万亩", "公顷", "吨", "千克", "立方米",
        "万立方米", "万平方米",
        "km", "M",  # Latin units as typed: 3km, ≥24M (米)
        "TB", "GB", "MB",  # storage: 新增数字资源容量 ≥6TB
    }
)  # fmt: skip

# Things counted one by one: they take a magnitude (万册), 次 (亩次) and an alternate in brackets (件(套)).
COUNTING: frozenset[str] = frozenset(
    (
        "个", "件", "套", "台", "人", "户", "家", "所", "场", "次", "篇", "部", "条", "项", "本",
        "册", "份", "名", "批", "株", "头", "只", "辆", "架", "艘", "座", "处", "间", "栋", "张",
        "支", "队", "组", "班", "期", "宗", "幅", "拍", "首", "集", "卷", "枚", "块", "棵", "盏",
        "箱", "床", "村", "校", "站", "车", "单", "门", "类", "节", "课", "轮", "届", "例", "剂",
        "针", "亩", "公顷", "吨", "册次",
    )
)  # fmt: skip
# Units of time: ``N<time unit>内`` is within N (≤), as 以内.
TIME: frozenset[str] = frozenset(
    (
        "年", "月", "天", "日", "周", "小时", "分钟", "秒", "工作日", "个工作日", "学时", "课时",
        "季度", "学年", "学期", "个月",
    )
)  # fmt: skip
# What may stand only after a slash: 元/生, 元/平米, 次/学年.
PER_ONLY: frozenset[str] = frozenset(("平米", "学年", "学期", "生", "季度", "kg", "秒", "个月"))
# Magnitudes written before a unit (万册, 千人) or alone after a slash (/10万: per 100 000).
MAGNITUDES: tuple[str, ...] = ("百万", "千万", "十万", "万", "亿", "千", "百")
# Units a rate is not divided by: ``90%/95%`` is two values, never a unit.
_NOT_PER = frozenset(("%", "‰", "‱", "百分比", "个百分点", "百分点", "倍", "分", "级", "星"))
# Units that, ending the text before the number, are the number's unit (覆盖人次≥65400).
SUBJECT_UNITS: dict[str, str] = {
    "人次": "人次",
    "户次": "户次",
    "场次": "场次",
    "人数": "人",
    "户数": "户",
    "次数": "次",
    "场数": "场",
    "个数": "个",
    "宗数": "宗",
}
# Written before the number instead of after it: 百分之95 is 95%.
PREFIX_UNITS: dict[str, str] = {"百分之": "%", "千分之": "‰", "万分之": "‱"}

_KNOWN = LISTED | COUNTING | TIME
# Longest first within each first character, so 场次 wins over 场 and 万元 over 元.
_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _unit in sorted(_KNOWN | PER_ONLY, key=len, reverse=True):
    _BY_FIRST[_unit[0]] = (*_BY_FIRST.get(_unit[0], ()), _unit)
_UNLISTED = re.compile(r"[\u4e00-\u9fff]{1,2}")
_DIGITS = re.compile(r"\d+")
_MAGNITUDE_AFTER_SLASH = re.compile("/\\d*(?:" + "|".join(MAGNITUDES) + ")")
_ALTERNATE_LONGEST = 2  # characters inside the brackets of an alternate: 件(套), 个(件)


def display_unit(unit: str) -> str:
    """Units are stored with full-width brackets, as Chinese tables write them: 条（次）; ``百分比`` is %."""
    if unit == "百分比":
        return "%"
    return unit.replace("(", "（").replace(")", "）")


def is_unit(text: str) -> bool:
    """True when the whole text is a unit the registry knows or composes (``公里``, ``万亩次``, ``元/册``)."""
    return bool(text) and _composed_end(text.replace("（", "(").replace("）", ")"), 0) == len(text)


def is_time_unit(unit: str | None) -> bool:
    """True for a unit of time (小时, 日, 个工作日): ``2小时内`` is at most 2 hours."""
    return unit in TIME


def unit_ending(subject: str | None) -> str | None:
    """A counting unit that ends the subject: ``覆盖人次≥65400`` is 65400 人次."""
    if not subject:
        return None
    return next((unit for tail, unit in SUBJECT_UNITS.items() if subject.endswith(tail)), None)


def prefix_unit(prefix: str) -> tuple[str | None, str]:
    """A unit written before the number (``不低于百分之``) and the prefix without it."""
    for word, unit in PREFIX_UNITS.items():
        if prefix.endswith(word):
            return unit, prefix[: -len(word)]
    return None, prefix


def take_unit(rest: str, stops: tuple[str, ...] = ()) -> tuple[str | None, str]:
    """Take the unit at the start of ``rest`` (normalised text after the number); return it, displayed,
    and what follows. ``stops`` are words that end a value without a unit (以上, 以下)."""
    if not rest or rest.startswith(stops):
        return None, rest
    end = _composed_end(rest, 0)
    if end == 0:
        end = _unlisted_end(rest, 0, stops)
        if end == 0:
            return None, rest
        end = _per_chain_end(rest, end, stops)
    return display_unit(rest[:end]), rest[end:]


def _composed_end(text: str, start: int) -> int:
    """Where a unit the registry composes, starting at ``start``, ends (``start`` when none does)."""
    end = _base_end(text, start)
    if end == start:  # no unit before the slash: only a rate per a magnitude (≤12/10万, 3/千人)
        per = _per_end(text, start + 1, ()) if text.startswith("/", start) else start
        return per if _MAGNITUDE_AFTER_SLASH.match(text, start) else start
    base = text[start:end]
    if text.startswith("次", end) and _counted(base) and not base.endswith("次"):
        end += 1  # 亩次, 万株次, 车次
    end = _alternate_end(text, end, base)
    return _per_chain_end(text, end)


def _base_end(text: str, start: int) -> int:
    """The end of ``[magnitude]unit`` at ``start``: the longest of a listed unit and a magnitude before
    a counted unit or 元 (万册, 千人, 百万元)."""
    listed = _listed_end(text, start)
    for magnitude in MAGNITUDES:
        if text.startswith(magnitude, start):
            after = start + len(magnitude)
            unit_end = _listed_end(text, after)
            if unit_end > after and (_counted(text[after:unit_end]) or text[after:unit_end] == "元"):
                return max(listed, unit_end)
            break
    return listed


def _listed_end(text: str, start: int) -> int:
    unit = next((u for u in _BY_FIRST.get(text[start : start + 1], ()) if text.startswith(u, start)), None)
    return start + len(unit) if unit is not None and unit not in PER_ONLY else start


def _counted(base: str) -> bool:
    """Whether a unit (a magnitude before it dropped) counts things one by one."""
    for magnitude in MAGNITUDES:
        if base.startswith(magnitude) and base[len(magnitude) :] in COUNTING:
            return True
    return base in COUNTING


def _alternate_end(text: str, end: int, base: str) -> int:
    """After a counted unit, its alternate in brackets: 件(套), 台（套）; else ``end``."""
    if end >= len(text) or text[end] not in "(（" or not _counted(base):
        return end
    for size in range(_ALTERNATE_LONGEST, 0, -1):
        inner, close = text[end + 1 : end + 1 + size], end + 1 + size
        if close < len(text) and text[close] in ")）" and inner in COUNTING:
            return close + 1
    return end


def _per_chain_end(text: str, end: int, stops: tuple[str, ...] = ()) -> int:
    """After a unit, what it is divided by: ``/册``, ``/人/天``, ``·年``, ``/10万``, ``/千人``, ``.每天``."""
    while end < len(text) and (text[end] in "/·" or text.startswith(_EACH, end)):
        start = end + (2 if text.startswith(_EACH, end) else 1)  # 元/人.每天: a dot and 每 before it
        per = _per_end(text, start, stops)
        if per == start:
            break
        end = per
    return end


_EACH = ".每"


def _per_end(text: str, start: int, stops: tuple[str, ...]) -> int:
    """The end of one divisor at ``start``: [digits][magnitude][unit], with a magnitude or a unit;
    digits only before a magnitude (``/10万``), never alone (``90%/95%`` is two values)."""
    digits = _DIGITS.match(text, start)
    at = digits.end() if digits else start
    magnitude = next((m for m in MAGNITUDES if text.startswith(m, at)), "")
    if digits and not magnitude:
        return start
    at += len(magnitude)
    unit = next((u for u in _BY_FIRST.get(text[at : at + 1], ()) if text.startswith(u, at)), None)
    if unit is not None and unit not in _NOT_PER:
        return at + len(unit)
    if magnitude:
        return at  # /10万, /万
    return _unlisted_end(text, start, stops) or start


def _unlisted_end(text: str, start: int, stops: tuple[str, ...]) -> int:
    """An unlisted unit: one or two CJK characters standing alone, or before 以上/以下 or a slash
    (``例以上``: the unit 例, not 例以); 0 when there is none."""
    match = _UNLISTED.match(text, start)
    if match is None:
        return 0
    for end in range(match.end(), start, -1):
        after = text[end:]
        if not after or after.startswith(stops) or after[0] == "/":
            return end
    return 0
