"""The 指标值 grammar: the text a unit wrote → a structured `Target`, and back.

A value is read as ``[subject][comparator]number[unit][comparator word][note]``::

    ≥85%                     → ≥ 85 %
    90%及以上                 → ≥ 90 %
    学员满意度90%以上          → subject 学员满意度, ≥ 90 %
    90%以上认为…得到提升        → ≥ 90 %, note 认为…得到提升
    单人单月…差异率小于等于0     → subject …差异率, ≤ 0
    ≤210元/人/天              → ≤ 210 元/人/天
    1080 + name 咨询服务数（宗）  → 1080 宗 (unit taken from the name)

or as a date (``2025年12月`` → deadline), a range (``2023-2025年``), or, without digits, a
qualitative grade (``良好``, ``合格及以上``, ``持续提高``). A value that cannot be read with
certainty (``约1200``, ``1200左右``, two unrelated numbers) is kind ``unknown`` with a reason;
parsing never raises.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from jixiao.model import Kind, Op, Target
from jixiao.value_dates import date_serial
from jixiao.value_numerals import arabic_years as arabic_years  # re-exported: readers see only values
from jixiao.value_numerals import date_of_numerals, digits_of_numerals
from jixiao.value_text import canonical_text as canonical_text
from jixiao.value_text import format_target as format_target
from jixiao.value_text import number_text as number_text
from jixiao.value_units import display_unit, is_time_unit, prefix_unit, unit_ending
from jixiao.value_units import is_unit as is_unit
from jixiao.value_units import take_unit as take_unit
from jixiao.value_words import PREFIX_OPS as _PREFIX_OPS

# One character in, one character out, so positions in the normalised text map back to the raw text.
_CHAR_MAP: dict[int, str] = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_CHAR_MAP.update(
    {
        ord("≧"): "≥",
        ord("⩾"): "≥",
        ord("≦"): "≤",
        ord("⩽"): "≤",
        ord("﹦"): "=",
        ord("﹥"): ">",
        ord("﹤"): "<",
        ord("＝"): "=",
        ord("—"): "-",
        ord("–"): "-",
        ord("－"): "-",
        ord("〜"): "~",
        ord("═"): "=",
        ord("∽"): "~",
    }
)
_SPACES = frozenset(" \t\r\n\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff")


def normalise_symbols(text: str) -> str:
    """Full-width digits and symbols to ASCII (＞ ＝ ≧ ﹦ → > = ≥ =); spaces dropped."""
    return "".join(c for c in text if c not in _SPACES).translate(_CHAR_MAP)


# Comparators written after the number (and unit). 以上/以下 include the number itself (民法典 §1259).
_SUFFIX_OPS: tuple[tuple[str, Op], ...] = (
    ("(含)及以上", Op.GE),
    ("(含)以上", Op.GE),
    ("以上(含)", Op.GE),
    ("及以上", Op.GE),
    ("或以上", Op.GE),
    ("以上", Op.GE),
    ("(含)以下", Op.LE),
    ("以下(含)", Op.LE),
    ("及以下", Op.LE),
    ("或以下", Op.LE),
    ("以下", Op.LE),
    ("(含)以内", Op.LE),  # 15个工作日（含）以内
    ("以内(含)", Op.LE),
    ("以内", Op.LE),
)
_SUFFIX_WORDS = tuple(word for word, _ in _SUFFIX_OPS)
_HEDGES = ("约", "大约", "左右", "上下", "大概", "估计")

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ALL_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = r"(?:19|20|21)\d{2}"
_DEADLINE_DONE = r"(?:完成|到位|拨付|发放|下达)"  # 12月底到位, 6月底前拨付到位: what is done by the date
_DEADLINE_TAIL = rf"(?:底|末|初|中|上旬|中旬|下旬)?(?:前|以前|之前|内|止)?(?:{_DEADLINE_DONE}.{{0,20}})?"
_DATE_CN = re.compile(
    rf"^(?P<y>{_YEAR})年度?(?:全年)?(?:(?P<m>\d{{1,2}})月(?:(?P<d>\d{{1,2}})[日号])?)?(?:年(?=[底末]))?"
    rf"(?P<tail>{_DEADLINE_TAIL})$"  # 2025年年底前: the year's end written with its 年 again
)
_DATE_ISO = re.compile(
    rf"^(?P<y>{_YEAR})[./-](?P<m>\d{{1,2}})(?:[./-](?P<d>\d{{1,2}}))?(?P<tail>{_DEADLINE_TAIL})$"
)
_NO_LATER_THAN = re.compile(r"(?:≤|<=|不晚于|不迟于)\s*(?=\d)")
_DATE_MONTH_DAY = re.compile(rf"^(?P<m>\d{{1,2}})月(?:(?P<d>\d{{1,2}})[日号])?(?P<tail>{_DEADLINE_TAIL})$")
_YEAR_END = re.compile(r"^(?:当年|本年|年度|全年)?(?:年底|年末)(?:前|以前|之前)?(?:完成.{0,20})?$")
_RANGE = re.compile(
    r"^(?P<subject>[^\d]*?)(?P<a>\d+(?:\.\d+)?)(?P<ua>%|[^\d~至到-]{0,4}?)"
    r"(?:-|~|至|到)(?P<b>\d+(?:\.\d+)?)(?P<rest>.*)$"
)
# A span of months (服务周期 2023.08-2024.02, 2021年1月-12月), days allowed (2020.2.1-2020.12.31): a range
# of dates with no number to compare.
_DAY = r"(?:[./]|月)(?P<d{n}>\d{{1,2}})日?"
_DATE_PERIOD = re.compile(
    rf"^(?:{_YEAR})(?:[./]|年)(?P<m1>\d{{1,2}})月?(?:{_DAY.format(n=1)})?\s*(?:-{{1,2}}|~|至|到|—{{1,2}})\s*"
    rf"(?:(?:{_YEAR})(?:[./]|年))?(?P<m2>\d{{1,2}})月?(?:{_DAY.format(n=2)})?$"
)
# A bare magnitude after the number (180万) is an amount of money where the name speaks of money.
_MAGNITUDE_OF_MONEY = frozenset({"万", "亿", "千万", "百万"})
_MONEY_NAME = re.compile(r"成本|费用|资金|经费|金额|预算|投资|造价|补助|补贴|奖补")
# A name phrased as a sentence whose value follows (绩效评价指标表: ``资助幼儿人数达到预计值``).
_TARGET_PHRASE = re.compile(r"(?:达到|不低于|不少于|不高于|不超过)(?:预计|目标|计划)?值?$")
_UNIT_IN_NAME = re.compile(r"[(（]\s*([^()（）]{1,8}?)\s*[)）]\s*$")
_PUNCTUATION = " ,，;；:：。、.!！"


def parse_target(raw: str, indicator_name: str | None = None) -> Target:
    """Read one 指标值. Never raises; what it cannot read is kind ``unknown``."""
    return parse_target_with_reason(raw, indicator_name)[0]


# Real batches repeat the same few hundred values (≥85%, 良好, 100%…); targets are immutable, so a
# bounded cache is safe and makes reading several times faster.
@lru_cache(maxsize=65536)
def parse_target_with_reason(raw: str, indicator_name: str | None = None) -> tuple[Target, str | None]:
    """Like `parse_target`, and when the result is ``unknown`` also say why (in Chinese)."""
    text = raw.strip()
    if not text:
        return Target(raw="", kind=Kind.UNKNOWN), "指标值为空"
    try:
        target, reason = _parse(text)
    except (InvalidOperation, ValueError, IndexError) as exc:  # defensive: the grammar must not crash
        return Target(raw=text, kind=Kind.UNKNOWN), f"无法解析（{exc.__class__.__name__}）"
    if indicator_name and (serial := date_serial(target, indicator_name)):
        return serial, None  # 44,377 under 储备监管完成时间: a date whose cell lost its format
    if (
        target.unit in _MAGNITUDE_OF_MONEY
        and indicator_name
        and _MONEY_NAME.search(indicator_name)
        and unit_ending(_TARGET_PHRASE.sub("", "".join(indicator_name.split()))) is None  # not 补助人数
    ):
        target = replace(target, unit=target.unit + "元")  # 控制在预算成本内 | 180万: 万 of money is 万元
    if target.kind is Kind.QUANTITATIVE and target.unit is None:
        implied = unit_ending(target.subject) or (
            _unit_of_name(indicator_name, target) if indicator_name else None
        )
        if implied is not None:
            target = replace(target, unit=implied, unit_from_name=True)
    return target, reason


def _unit_of_name(name: str, target: Target) -> str | None:
    """The unit in the name's brackets (``咨询服务数（宗）``), or for a number alone what the name counts
    (``补贴发放人数`` 7800 is 人) or a rate's or satisfaction's % (1 to 100). A bare 0 (``事故发生率`` 0)
    takes no unit: nothing is counted, and no table that writes it means a unit by it."""
    key, value = _UNIT_IN_NAME.sub("", "".join(name.split())), target.value  # 成活率(≥**%) → 成活率
    key = _TARGET_PHRASE.sub("", key)  # 资助幼儿人数达到预计值 860: what is counted ends before the phrase
    if (unit := unit_from_name(name)) is not None or target.subject is not None:
        return unit
    rate = key.endswith(("率", "满意度")) and value is not None and 1 <= value <= 100
    return unit_ending(key) or ("%" if rate else None)


def unit_from_name(indicator_name: str) -> str | None:
    """The unit an indicator's name gives in brackets: ``咨询服务数（宗）`` → ``宗``."""
    match = _UNIT_IN_NAME.search(indicator_name)
    if match is None:
        return None
    candidate = display_unit(normalise_symbols(match.group(1)))
    if is_unit(candidate) or len(candidate) <= 2:
        return candidate
    return None


def _parse(text: str) -> tuple[Target, str | None]:
    s = normalise_symbols(text)
    if not any(c.isdigit() for c in s):
        dated = date_of_numerals(s)  # 二〇二三年八月底前: a deadline in numerals, read as 2023年8月底前
        if dated is not None and (deadline := _parse_deadline(text, dated)) is not None:
            return deadline, None
        if (digits := digits_of_numerals(s)) is not None:  # 不少于一百二十件: read as 不少于120件
            return replace(_parse(digits)[0], raw=text), None
        if _YEAR_END.match(s):
            return Target(raw=text, kind=Kind.DEADLINE, month=12), None
        return Target(raw=text, kind=Kind.QUALITATIVE), None
    hedge = next((h for h in _HEDGES if h in s), None)
    if hedge is not None:
        return Target(raw=text, kind=Kind.UNKNOWN), f"含“{hedge}”，不是确定的指标值"
    deadline = _parse_deadline(text, s)
    if deadline is not None:
        return deadline, None
    ranged = _parse_range(text, s)
    if ranged is not None:
        return ranged
    if "且" in s and (sided := _parse_two_sided(text, s)) is not None:
        return sided
    return _parse_quantity(text, s)


# Two bounds joined by 且 (≥90%且≤100%, 不低于28元并且不高于35元): a range, where one bound is ≥ and the other
# ≤ of the same unit; strict bounds (>, <) are not a range's inclusive ends and stay unread.
_BOTH = re.compile(r"^(?P<a>[^且]+?)[,，]?(?:并且|且)(?P<b>[^且]+)$")
_BOUNDS = {Op.GE: "low", Op.LE: "high"}


def _parse_two_sided(text: str, s: str) -> tuple[Target, str | None] | None:
    match = _BOTH.match(s)
    if match is None:
        return None
    sides = [_parse_quantity(part, part)[0] for part in (match["a"], match["b"])]
    bounds = {_BOUNDS.get(side.op) if side.op else None: side for side in sides}
    low, high = bounds.get("low"), bounds.get("high")
    if low is None or high is None or low.subject or high.subject or low.note or high.note:
        return Target(raw=text, kind=Kind.UNKNOWN), "两端的比较符不是“≥…且≤…”，无法读成区间"
    units = {side.unit for side in sides} - {None}
    if len(units) > 1 or low.value is None or high.value is None:
        return Target(raw=text, kind=Kind.UNKNOWN), "区间两端的单位不一致"
    if low.value > high.value:
        return Target(raw=text, kind=Kind.UNKNOWN), "区间的下限大于上限"
    unit = next(iter(units), None)
    return Target(raw=text, kind=Kind.RANGE, value=low.value, upper=high.value, unit=unit), None


def _parse_deadline(text: str, s: str) -> Target | None:
    no_later = _NO_LATER_THAN.match(s)  # ≤2022年11月, 不晚于2022年11月: the date is a deadline
    s = s[no_later.end() :] if no_later else s
    for pattern in (_DATE_CN,) if no_later else (_DATE_CN, _DATE_ISO, _DATE_MONTH_DAY):  # ≤12月: a duration
        match = pattern.match(s)
        if match is None:
            continue
        groups = match.groupdict()
        year = int(groups["y"]) if groups.get("y") else None
        month = int(groups["m"]) if groups.get("m") else None
        day = int(groups["d"]) if groups.get("d") else None
        if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
            return None
        tail = groups.get("tail") or None
        # 底前 / 之前 / 以内 / 止: no later than the date
        by = no_later is not None or (tail is not None and any(word in tail for word in ("前", "内", "止")))
        return Target(
            raw=text,
            kind=Kind.DEADLINE,
            op=Op.LE if by else None,
            value=Decimal(year) if year is not None else None,
            month=month,
            day=day,
            note=tail,
        )
    return None


def _parse_range(text: str, s: str) -> tuple[Target, str | None] | None:
    period = _DATE_PERIOD.match(s)
    days_valid = period is not None and all(1 <= int(period[d] or 1) <= 31 for d in ("d1", "d2"))
    if period is not None and days_valid and all(1 <= int(period[m]) <= 12 for m in ("m1", "m2")):
        return Target(raw=text, kind=Kind.RANGE), None  # 2023.08-2024.02: months, not two numbers
    match = _RANGE.match(s)
    if match is None:
        return None
    low, high = Decimal(match["a"]), Decimal(match["b"])
    rest = match["rest"]
    unit, after = take_unit(rest, _SUFFIX_WORDS)
    unit_a = match["ua"] or None
    if unit_a is not None and unit is not None and display_unit(unit_a) != unit:
        return None
    if unit_a is not None and unit is None:
        if not is_unit(unit_a):
            return None
        unit = display_unit(unit_a)
    if any(c.isdigit() for c in after):
        return None
    if low > high:
        return Target(raw=text, kind=Kind.UNKNOWN), "区间的下限大于上限"
    return (
        Target(
            raw=text,
            kind=Kind.RANGE,
            value=low,
            upper=high,
            unit=unit,
            subject=match["subject"] or None,
            note=after.strip(_PUNCTUATION) or None,
        ),
        None,
    )


def _parse_quantity(text: str, s: str) -> tuple[Target, str | None]:
    number = _NUMBER.search(s)
    if number is None:  # digits glued to letters only, e.g. "A1" — treat the text as a grade
        return Target(raw=text, kind=Kind.QUALITATIVE), None
    prefix, rest = s[: number.start()], s[number.end() :]
    value = Decimal(number.group().replace(",", ""))

    written_before, prefix = prefix_unit(prefix)  # 不低于百分之95: the unit is written before the number
    op, subject = _split_prefix_op(prefix)
    unit, rest = take_unit(rest, _SUFFIX_WORDS)
    if written_before is not None and unit is None:
        unit = written_before
    elif written_before is not None:
        return Target(raw=text, kind=Kind.UNKNOWN), "单位前后矛盾"
    suffix_op, note = _split_suffix_op(rest)
    within = rest.removeprefix("(含)")  # 2小时（含）内: the inclusive mark before 内 changes nothing
    if suffix_op is None and within.startswith("内") and is_time_unit(unit):
        suffix_op, note = Op.LE, within[1:]  # 2小时内, 7日内整改: within the time, as 以内
    if op is not None and suffix_op is not None and op is not suffix_op:
        return Target(raw=text, kind=Kind.UNKNOWN), "比较符前后矛盾"
    note = note.strip(_PUNCTUATION)
    if _ALL_NUMBERS.search(_outside_bracketed_note(note)):
        return Target(raw=text, kind=Kind.UNKNOWN), "含多个数字，无法确定指标值"
    if subject and subject[-1].isdigit():
        return Target(raw=text, kind=Kind.UNKNOWN), "数字格式无法识别"
    return (
        Target(
            raw=text,
            kind=Kind.QUANTITATIVE,
            op=op or suffix_op,
            value=value,
            unit=unit,
            subject=subject.strip(_PUNCTUATION) or None,
            note=note or None,
        ),
        None,
    )


_BRACKETED_NOTE = re.compile(r"^\(([^()]*)\)$")


def _outside_bracketed_note(note: str) -> str:
    """The note without a remark wholly in brackets after the value (``≥99.9%（全年停播不超过8小时）``):
    a number inside it says how the value is counted, it is not a second value. A bracket that opens
    with a number or a comparator (``95%（98%）``) may be another value and is kept."""
    match = _BRACKETED_NOTE.match(note)
    if match is None or not match[1] or match[1][0].isdigit() or match[1][0] in "≥≤<>=~":
        return note
    return ""


def _split_prefix_op(prefix: str) -> tuple[Op | None, str]:
    for word, op in _PREFIX_OPS:
        if prefix.endswith(word):
            return op, prefix[: -len(word)]
    return None, prefix


def _split_suffix_op(rest: str) -> tuple[Op | None, str]:
    for word, op in _SUFFIX_OPS:
        if rest.startswith(word):
            return op, rest[len(word) :]
    return None, rest
