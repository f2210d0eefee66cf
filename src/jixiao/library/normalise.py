"""Indicator names → grouping keys: the spelling differences that do not change what is measured.

``normalise_name`` turns a 三级指标 as a unit wrote it into a key and a unit hint::

    咨询服务数（宗）      → 咨询服务数, unit 宗
    指标1：服务对象满意度(%) → 服务对象满意度, unit %
    服务对象的满意度       → 服务对象满意度
    Ａ级景区数            → a级景区数

Full-width forms become half-width (NFKC), a numbering prefix (``指标1:``, ``1、``, ``(2)``, ``①``)
and a trailing bracket holding a unit are removed, punctuation and spaces dropped, Latin lower-cased,
and the structural particle 的 dropped. A name that is a pure enumeration (``培训、宣传``) has its parts
put in order (the only word-order change that is always safe).

``signature`` describes a key for the fuzzy matcher's guards: its measure word (人次, 次数, 率 …) and
class, the digits and Latin letters it holds, and its polarity words (不, 未, 下降 …), so that
``培训人次`` and ``培训次数`` — similar strings, different measures — are never merged blindly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Units a name may carry in a trailing bracket: 咨询服务数（宗）, 满意度(%), 成本（万元/人）.
_UNIT_WORDS = (
    "%|‰|元|万元|亿元|千元|个|场|场次|次|人|人次|户|宗|期|件|项|条|篇|册|份|本|台|套|辆|家|所|座|处|"
    "天|日|小时|月|年|周|个工作日|工作日|分|分钟|平方米|亩|公里|千米|米|吨|立方米|万人|万人次|批|批次|"
    "班|课时|学时|名|位|只|头|株|棵|张|部|间|块|盏|口|条次|篇次|人天|人日"
)
_UNIT = re.compile(rf"(?:{_UNIT_WORDS})(?:/(?:{_UNIT_WORDS}))*")
_TRAILING_BRACKET = re.compile(r"[(\[{【〔]\s*([^()\[\]{}【】〔〕]{1,12})\s*[)\]}】〕]\s*$")
_PREFIX = re.compile(
    r"^\s*(?:(?:指标|三级指标)\s*\d+\s*[:.、)]?|\d{1,2}\s*[.、)]|\(\d{1,2}\)|[①-⑳]|"
    r"[一二三四五六七八九十]{1,3}\s*、)\s*[:]?\s*"
)
_PLACEHOLDER = re.compile(r"^[≥≤><=]+|[*×xX]+")
_TRAILING_PLACEHOLDER = re.compile(r"[≥≤><=]+\s*[*×]+\s*([^\s*×()\[\]]{0,4})\s*$")
_AS_OF = re.compile(r"^截至\s*\d{4}\s*年\s*(?:\d{1,2}\s*月)?\s*底?\s*,?")
_ENUMERATION_SEPARATORS = re.compile(r"[、/;]")
_DE = re.compile(r"(?<!目)的")


@dataclass(frozen=True, slots=True)
class NormalisedName:
    """A grouping key and the unit the name carried in brackets (``None`` when it carried none)."""

    key: str
    unit: str | None = None


def _keep(char: str) -> bool:
    """Letters, digits and CJK characters take part in a key; punctuation, symbols and spaces do not."""
    return unicodedata.category(char)[0] in "LN"


def _strip(text: str) -> str:
    return "".join(c for c in text if _keep(c)).lower()


def has_prefix(name: str) -> bool:
    """True for a name written with a numbering prefix (指标1:, 1、): not the one to display."""
    return bool(_PREFIX.match(name)) or bool(_PREFIX.match(unicodedata.normalize("NFKC", name)))


@lru_cache(maxsize=65_536)  # the common spellings; the tail is cheap to redo
def normalise_name(name: str) -> NormalisedName:
    """The key of an indicator name (see the module docstring); an empty name gives an empty key."""
    text = _PREFIX.sub("", name.strip(), count=1)  # before NFKC, which turns ① into 1
    text = _PREFIX.sub("", unicodedata.normalize("NFKC", text).strip(), count=1)
    text = _AS_OF.sub("", text, count=1)  # 截至2023年底项目完工率 = 项目完工率 (the date is the target's)
    unit: str | None = None
    trailing = _TRAILING_PLACEHOLDER.search(text)  # 受益人口数≥**人: a template's placeholder, unbracketed
    if trailing and trailing.start() > 0:
        unit = trailing.group(1) or None
        text = text[: trailing.start()]
    while True:  # 活动数（场次）（个）: peel unit brackets from the end; the last one is the unit
        match = _TRAILING_BRACKET.search(text)
        if not match:
            break
        # a template's placeholder (≥**年) is a unit too
        inner = _PLACEHOLDER.sub("", match.group(1).replace(" ", ""))
        if not _UNIT.fullmatch(inner) or match.start() == 0:
            break
        unit = unit or inner
        text = text[: match.start()].rstrip()
    parts = [_strip(part) for part in _ENUMERATION_SEPARATORS.split(text)]
    parts = [part for part in parts if part]
    # Only a pure enumeration (each part a few characters, none a measure) is reordered.
    if len(parts) > 1 and all(len(p) <= 6 and measure_of(p) is None for p in parts):
        parts.sort()
    key = _DE.sub("", "".join(parts))
    return NormalisedName(key or _strip(text), unit)


# Measure words at the end of a key, longest first, with the class the fuzzy matcher compares.
# 人次 (person-times) and 次数 (sessions) are different measures; so are 人数 and 户数.
_MEASURES: tuple[tuple[str, str], ...] = (
    ("满意程度", "satisfaction"),
    ("人口数", "persons"),
    ("人口", "persons"),
    ("及时率", "timeliness"),
    ("时效性", "timeliness"),
    ("时效", "timeliness"),
    ("满意度", "satisfaction"),
    ("满意率", "satisfaction"),
    ("知晓率", "awareness"),
    ("知晓度", "awareness"),
    ("万人次", "person_times"),
    ("人次数", "person_times"),
    ("人次", "person_times"),
    ("人数", "persons"),
    ("户数", "households"),
    ("场次", "events"),
    ("次数", "events"),
    ("场数", "events"),
    ("期数", "events"),
    ("批次", "events"),
    ("个数", "count"),
    ("件数", "count"),
    ("项数", "count"),
    ("宗数", "count"),
    ("数量", "count"),
    ("百分比", "rate"),
    ("比例", "rate"),
    ("占比", "rate"),
    ("比率", "rate"),
    ("及时性", "timeliness"),
    ("时长", "duration"),
    ("天数", "duration"),
    ("工期", "duration"),
    ("时限", "duration"),
    ("时间", "duration"),
    ("金额", "money"),
    ("资金", "money"),
    ("经费", "money"),
    ("费用", "money"),
    ("成本", "money"),
    ("标准", "standard"),
    ("质量", "quality"),
    ("等级", "quality"),
    ("水平", "quality"),
    ("率", "rate"),
    ("度", "degree"),
    ("数", "count"),
    ("次", "events"),
    ("场", "events"),
    ("户", "households"),
    ("人", "persons"),
)
# A generic count (服务数) may be a count of sessions (服务次数); persons and person-times never mix.
_COMPATIBLE = frozenset({("count", "events"), ("events", "count")})
_POLARITY_WORDS = ("不", "未", "无", "非", "降", "减", "下降", "增", "升", "提高", "超", "违")
_MARKS = re.compile(r"[0-9]+(?:\.[0-9]+)?|[a-z]+")
# Verbs that open a name without changing what is counted: 开展培训场次 = 培训场次.
LIGHT_VERBS = ("开展", "组织", "举办", "举行", "完成", "提供", "实施", "进行", "参加", "参与", "落实")
# Words that say the same thing differently (完工/完成 时间), and words that frame a name without
# naming a narrower object (各项工作, 年度, 计划, 带动…总人口, 项目(工程), 群众): the core is compared
# without them. Words that narrow the object (林区群众, 管网工程, 受助家长) stay: those are other indicators.
CORE_SYNONYMS = (
    ("完工", "完成"),
    ("装备", "设备"),
    ("场镇", "集镇"),
    ("参会", "参加"),
    ("村级", "村"),
    ("儿童", "幼儿"),
    ("建档立卡贫困", "脱贫"),
)
FRAME_WORDS = (
    "各项",
    "年度",
    "计划",
    "按月",
    "建设",
    "预算",
    "带动",
    "促进",
    "项目",
    "任务",
    "群众",
    "公众",
    "学员",
    "工作",
    "总",
)


def measure_of(key: str) -> str | None:
    """The measure word a key ends with (``培训人次`` → 人次), or ``None``."""
    for word, _ in _MEASURES:
        if key.endswith(word):
            return word
    return None


@dataclass(frozen=True, slots=True)
class Signature:
    """What must agree between two keys before the fuzzy matcher may merge them."""

    measure: str | None
    measure_class: str | None
    core: str  # the key without its measure word, frame words and an opening light verb
    marks: tuple[str, ...]  # digits and Latin letters: 4a级 ≠ 5a级
    polarity: frozenset[str]


@lru_cache(maxsize=65_536)  # the common spellings; the tail is cheap to redo
def signature(key: str) -> Signature:
    """A normalised key's signature: measure word and class, core (light verb dropped), marks, polarity."""
    measure = measure_of(key)
    measure_class = dict(_MEASURES)[measure] if measure else None
    core = key[: len(key) - len(measure)] if measure else key
    framed = core
    for word, same in CORE_SYNONYMS:
        framed = framed.replace(word, same)
    for word in FRAME_WORDS:
        framed = framed.replace(word, "")
    core = framed if framed or measure else core
    for verb in LIGHT_VERBS:
        if core.startswith(verb) and len(core) > len(verb) + 1:
            core = core[len(verb) :]
            break
    polarity = frozenset(word for word in _POLARITY_WORDS if word in key)
    return Signature(measure, measure_class, core, tuple(_MARKS.findall(key)), polarity)


def compatible(a: Signature, b: Signature) -> bool:
    """True when nothing forbids merging two keys: same measure class (or count ~ events), same digits
    and Latin letters, same polarity words."""
    if a.marks != b.marks or a.polarity != b.polarity:
        return False
    if a.measure_class == b.measure_class:
        return True
    return (a.measure_class, b.measure_class) in _COMPATIBLE


def level2_key(level2: str) -> str:
    """A 二级 name for blocking: 数量 and 数量指标 are one block."""
    text = _strip(unicodedata.normalize("NFKC", level2))
    if "满意" in text:  # 服务对象满意度指标, 满意度指标, 社会公众或服务对象满意度指标: one block
        return "满意度"
    return text[: -len("指标")] if text.endswith("指标") and len(text) > 2 else text


def forget_cached() -> None:
    """Empty the caches of names and signatures. A database build calls it between its passes: the
    spellings cached while mining are not what grouping asks for, and a full cache (65,536 names) is
    memory the next pass can use — so the peak is that of one pass, not of both."""
    normalise_name.cache_clear()
    signature.cache_clear()
