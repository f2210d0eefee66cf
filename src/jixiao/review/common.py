"""What the rule modules share: the `Hit` a rule yields, and small readings of units and names.

Rules yield `Hit`s (line, message, indicator); the runner turns them into `Diagnostic`s with the
rule's id, severity, basis and suggestion, so a rule function only says what it saw and where.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao import catalog
from jixiao.model import Indicator, Kind, Op, SourceRef, Table, Target
from jixiao.values import number_text, unit_from_name


@dataclass(frozen=True, slots=True)
class Hit:
    """One thing a rule found: where (the row's full source, or a line of the table such as a project
    field's), a Chinese message, the indicator."""

    where: SourceRef | int | None
    message: str
    indicator: str | None = None
    suggestion: str | None = None  # overrides the rule's general suggestion when more precise


# Names and units repeat from table to table, so the string readings below are memoised; the caches
# are bounded so memory stays flat on any batch.
_CACHE = 16384


@lru_cache(maxsize=_CACHE)
def canonical(text: str) -> str:
    """The canonical spelling of a category name (see `catalog.canonical`)."""
    return catalog.canonical(text)


def level1_of(indicator: Indicator) -> str:
    """The indicator's 一级指标 in canonical spelling."""
    return canonical(indicator.level1)


def level2_of(indicator: Indicator) -> str:
    """The indicator's 二级指标 in canonical spelling."""
    return canonical(indicator.level2)


def is_output(indicator: Indicator) -> bool:
    """True for an indicator under 一级 产出指标."""
    return level1_of(indicator) == catalog.OUTPUT


def is_cost(indicator: Indicator) -> bool:
    """成本 in either framework: 一级 成本指标 (2021) or 二级 成本指标 under 产出 (2015)."""
    return level1_of(indicator) == catalog.COST or level2_of(indicator) in (
        catalog.OUTPUT_COST,
        catalog.ECONOMIC_COST,
        catalog.SOCIAL_COST,
        catalog.ECOLOGICAL_COST,
    )


def show(target: Target) -> str:
    """The value as the unit wrote it, for messages."""
    return target.raw


def number(value: Decimal) -> str:
    """A Decimal as plain text without exponent or trailing zeros."""
    return number_text(value)


def quantity(target: Target) -> bool:
    """True for a 定量 target with a number."""
    return target.kind is Kind.QUANTITATIVE and target.value is not None


def is_ceiling(target: Target) -> bool:
    """True for a ceiling (≤ or <): a 反向指标."""
    return target.op in (Op.LE, Op.LT)


# --- units -------------------------------------------------------------------------------------

MONEY_FACTORS: dict[str, Decimal] = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "亿元": Decimal(100000000),
}

# Units whose totals add up over the years (counts of things done); % and rates do not.
_COUNT_UNITS = frozenset(
    [
        "个",
        "场",
        "场次",
        "次",
        "宗",
        "件",
        "期",
        "人",
        "人次",
        "名",
        "位",
        "户",
        "户次",
        "条",
        "条次",
        "篇",
        "家",
        "所",
        "项",
        "批",
        "册",
        "份",
        "套",
        "台",
        "节",
        "课",
        "班",
        "单",
        "家次",
        "所次",
        "宗次",
        "轮",
        "部",
        "张",
    ]
)

# Units that name the same kind of thing: 社区活动数(场次) written 50场 is consistent.
_FAMILIES: dict[str, str] = {
    "场": "场",
    "场次": "场",
    "次": "场",
    "人": "人",
    "名": "人",
    "位": "人",
    "宗": "宗",
    "件": "宗",
    "宗次": "宗",
    "条": "条",
}
# Composite units that count two things at once: 条（次） is a 条 and a 次.
_MULTI_FAMILIES: dict[str, frozenset[str]] = {"条次": frozenset({"条", "场"})}

# Name endings that imply a unit: 信息发布条数 counts 条, 年均培训人次 counts 人次.
_NAME_SUFFIX_UNITS: tuple[tuple[str, str], ...] = (
    ("人次", "人次"),
    ("户次", "户次"),
    ("场次", "场次"),
    ("人数", "人"),
    ("户数", "户"),
    ("次数", "次"),
    ("场数", "场"),
    ("个数", "个"),
    ("件数", "件"),
    ("宗数", "宗"),
    ("期数", "期"),
    ("篇数", "篇"),
    ("条数", "条"),
    ("天数", "天"),
    ("满意度", "%"),
    ("满意率", "%"),
    ("率", "%"),
)

_BRACKETS = re.compile(r"[（(]([^（）()]*)[)）]")


@lru_cache(maxsize=_CACHE)
def unit_key(unit: str) -> str:
    """Normalise spellings: 条（次） and 条(次) → 条次; ％ → %; 人/次 → 人次."""
    key = _BRACKETS.sub(r"\1", unit).replace("％", "%").strip()
    return _UNIT_SYNONYMS.get(key, key)


_UNIT_SYNONYMS = {"人/次": "人次", "户/次": "户次", "场/次": "场次"}


def base_unit(target: Target) -> str | None:
    """The target's unit without ``/年``, normalised, or None (the rules ask this of every target
    several times over: the answer is kept per unit)."""
    unit = target.unit
    return _base_key(unit) if unit else None


@lru_cache(maxsize=_CACHE)
def _base_key(unit: str) -> str | None:
    base = unit[: -len("/年")] if unit.endswith("/年") else unit  # as `Target.base_unit`
    return unit_key(base) if base else None


@lru_cache(maxsize=_CACHE)
def families(unit: str) -> frozenset[str]:
    """The kinds of thing a unit counts; 条次 counts both 条 and 次."""
    key = unit_key(unit)
    if key in _MULTI_FAMILIES:
        return _MULTI_FAMILIES[key]
    return frozenset({_FAMILIES.get(key, key)})


@lru_cache(maxsize=_CACHE)
def compatible_units(a: str, b: str) -> bool:
    """True if two units count the same kind of thing."""
    return bool(families(a) & families(b))


@lru_cache(maxsize=_CACHE)
def loosely_compatible(a: str, b: str) -> bool:
    """Compatible once 人次/户次/场次 are read as 人/户/场, as goal texts loosely write them."""

    def loose(unit: str) -> str:
        key = unit_key(unit)
        return key[:-1] if len(key) > 1 and key.endswith("次") and key != "条次" else key

    return compatible_units(loose(a), loose(b))


@lru_cache(maxsize=_CACHE)
def is_count_unit(unit: str | None) -> bool:
    """True for a unit that counts things (个, 人, 次…)."""
    return unit is not None and unit_key(unit) in _COUNT_UNITS


@lru_cache(maxsize=_CACHE)
def money_factor(unit: str | None) -> Decimal | None:
    """Yuan per unit for a plain money unit (元, 万元), None for anything else (元/人/天 too)."""
    if unit is None:
        return None
    return MONEY_FACTORS.get(unit_key(unit))


def in_yuan(target: Target) -> Decimal | None:
    """A 定量 money target converted to 元, or None if it is not money."""
    factor = money_factor(target.unit)
    if factor is None or target.value is None or target.kind is not Kind.QUANTITATIVE:
        return None
    return target.value * factor


def per_unit_cost(target: Target) -> tuple[Decimal, tuple[str, ...]] | None:
    """``≤105000元/人/年`` → (105000 元, ('人', '年')); None unless a money unit per something."""
    if target.kind is not Kind.QUANTITATIVE or target.value is None or target.unit is None:
        return None
    parts = _per_unit_parts(target.unit)
    if parts is None:
        return None
    return target.value * MONEY_FACTORS[parts[0]], parts[1:]


@lru_cache(maxsize=_CACHE)
def _per_unit_parts(unit: str) -> tuple[str, ...] | None:
    parts = tuple(unit_key(unit).split("/"))
    if len(parts) < 2 or parts[0] not in MONEY_FACTORS:
        return None
    return parts


@lru_cache(maxsize=_CACHE)
def implied_unit(name: str) -> str | None:
    """The unit an indicator's name announces: ``咨询服务数（宗）`` → 宗, ``年均培训人次`` → 人次."""
    bracketed = unit_from_name(name)
    if bracketed:
        return unit_key(bracketed)
    plain = catalog.normalise(name)
    for suffix, unit in _NAME_SUFFIX_UNITS:
        if plain.endswith(suffix):
            return unit
    return None


_SATISFACTION_ENDINGS = ("满意度", "满意率", "认可度", "满意程度")


@lru_cache(maxsize=_CACHE)
def names_satisfaction(text: str) -> bool:
    """A satisfaction measure: the name (or the value's subject) ends with 满意度/满意率/认可度.

    Ending, not containing: 满意度调查覆盖率 is a coverage rate, not a satisfaction level.
    """
    core = _BRACKETS.sub("", match_text(text))
    return core.endswith(_SATISFACTION_ENDINGS)


# --- text -------------------------------------------------------------------------------------

_QUOTES = "“”\"'‘’「」『』《》"


@lru_cache(maxsize=_CACHE)
def match_text(text: str) -> str:
    """Text for matching: spaces and quotes dropped, full-width brackets kept apart."""
    return "".join(c for c in catalog.normalise(text) if c not in _QUOTES)


def indicators_in_order(table: Table) -> Iterator[Indicator]:
    """The table's indicators in source-line order."""
    yield from sorted(table.indicators, key=lambda i: i.source.line or 0)
