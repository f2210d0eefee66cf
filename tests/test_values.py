"""The 指标值 grammar: every distinct value of the seed, the grammar's edge cases, and properties."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jixiao.model import Kind, Op, Target
from jixiao.values import (
    canonical_text,
    format_target,
    number_text,
    parse_target,
    parse_target_with_reason,
)
from tests.seed import seed_tables

# Every distinct value in the seed: raw text, indicator name (where the unit comes from it),
# kind, comparator, number, unit — reviewed by eye against the published tables.
SEED_VALUES = """\
≤2480691元 |  | quantitative | ≤ | 2480691 | 元
1200个 |  | quantitative |  | 1200 | 个
110个 |  | quantitative |  | 110 | 个
50场 |  | quantitative |  | 50 | 场
13个 |  | quantitative |  | 13 | 个
100% |  | quantitative |  | 100 | %
合格及以上 |  | qualitative |  |  |
单人单月专业服务时长差异率小于等于0 |  | quantitative | ≤ | 0 |
良好 |  | qualitative |  |  |
≥85% |  | quantitative | ≥ | 85 | %
≤954100元 |  | quantitative | ≤ | 954100 | 元
12个 |  | quantitative |  | 12 | 个
12 |  | quantitative |  | 12 |
57个 |  | quantitative |  | 57 | 个
55场 |  | quantitative |  | 55 | 场
5场 |  | quantitative |  | 5 | 场
≤720000元 |  | quantitative | ≤ | 720000 | 元
10场 |  | quantitative |  | 10 | 场
630宗 |  | quantitative |  | 630 | 宗
2期 |  | quantitative |  | 2 | 期
35宗 |  | quantitative |  | 35 | 宗
35个 |  | quantitative |  | 35 | 个
90%及以上 |  | quantitative | ≥ | 90 | %
≥4000人 |  | quantitative | ≥ | 4000 | 人
85%及以上 |  | quantitative | ≥ | 85 | %
≤270000元 |  | quantitative | ≤ | 270000 | 元
≥2场次 |  | quantitative | ≥ | 2 | 场次
≥6次 |  | quantitative | ≥ | 6 | 次
≤100000元 |  | quantitative | ≤ | 100000 | 元
2场以上 |  | quantitative | ≥ | 2 | 场
及时 |  | qualitative |  |  |
1000人以上 |  | quantitative | ≥ | 1000 | 人
≤200000元 |  | quantitative | ≤ | 200000 | 元
35个以上 |  | quantitative | ≥ | 35 | 个
≥2场 |  | quantitative | ≥ | 2 | 场
提升 |  | qualitative |  |  |
≥150场 |  | quantitative | ≥ | 150 | 场
1场 |  | quantitative |  | 1 | 场
90%或以上 |  | quantitative | ≥ | 90 | %
增强 |  | qualitative |  |  |
85%或以上 |  | quantitative | ≥ | 85 | %
≤210元/人/天 |  | quantitative | ≤ | 210 | 元/人/天
≥2期 |  | quantitative | ≥ | 2 | 期
≥95% |  | quantitative | ≥ | 95 | %
≥300人 |  | quantitative | ≥ | 300 | 人
90%以上认为政治理论素养和综合素质得到提升 |  | quantitative | ≥ | 90 | %
学员满意度90%以上 |  | quantitative | ≥ | 90 | %
≤560000元 |  | quantitative | ≤ | 560000 | 元
150户 |  | quantitative |  | 150 | 户
50户 |  | quantitative |  | 50 | 户
6场 |  | quantitative |  | 6 | 场
2场 |  | quantitative |  | 2 | 场
18000户 |  | quantitative |  | 18000 | 户
6000户 |  | quantitative |  | 6000 | 户
1个 |  | quantitative |  | 1 | 个
完成 |  | qualitative |  |  |
持续提高 |  | qualitative |  |  |
≤144000元 |  | quantitative | ≤ | 144000 | 元
≥1场 |  | quantitative | ≥ | 1 | 场
有序推进 |  | qualitative |  |  |
≤140000元 |  | quantitative | ≤ | 140000 | 元
100以上 |  | quantitative | ≥ | 100 |
覆盖全市 |  | qualitative |  |  |
2025年12月 |  | deadline |  | 2025 |
显著 |  | qualitative |  |  |
90%以上 |  | quantitative | ≥ | 90 | %
≤105000元/人/年 |  | quantitative | ≤ | 105000 | 元/人/年
1人 |  | quantitative |  | 1 | 人
≤549676元 |  | quantitative | ≤ | 549676 | 元
1场以上 |  | quantitative | ≥ | 1 | 场
提高 |  | qualitative |  |  |
≥20条（次） |  | quantitative | ≥ | 20 | 条（次）
≤650元/人/天 |  | quantitative | ≤ | 650 | 元/人/天
1次 |  | quantitative |  | 1 | 次
90% |  | quantitative |  | 90 | %
有效提高 |  | qualitative |  |  |
≤208000元 |  | quantitative | ≤ | 208000 | 元
1年 |  | quantitative |  | 1 | 年
稳定运行 |  | qualitative |  |  |
≥90% |  | quantitative | ≥ | 90 | %
≤110000元 |  | quantitative | ≤ | 110000 | 元
2025年 |  | deadline |  | 2025 |
≥1000人次 |  | quantitative | ≥ | 1000 | 人次
20个 |  | quantitative |  | 20 | 个
4个/年 |  | quantitative |  | 4 | 个/年
90宗/年 |  | quantitative |  | 90 | 宗/年
30宗/年 |  | quantitative |  | 30 | 宗/年
12场 |  | quantitative |  | 12 | 场
4场/年 |  | quantitative |  | 4 | 场/年
1080 | 咨询服务数（宗） | quantitative |  | 1080 | 宗
360 | 咨询服务数（宗） | quantitative |  | 360 | 宗
4 |  | quantitative |  | 4 |
540 |  | quantitative |  | 540 |
180 |  | quantitative |  | 180 |
≥80% |  | quantitative | ≥ | 80 | %
2023-2025年 |  | range |  | 2023 | 年
实施周期法治宣传服务覆盖人次≥65400 | 法治宣传服务覆盖程度 | quantitative | ≥ | 65400 | 人次
年法治宣传服务覆盖人次≥21800 | 法治宣传服务覆盖程度 | quantitative | ≥ | 21800 | 人次
实施周期培训维权队伍人次≥54 | 维权队伍建设力度 | quantitative | ≥ | 54 | 人次
年培训维权队伍人次≥18 | 维权队伍建设力度 | quantitative | ≥ | 18 | 人次
实施周期维权服务覆盖人次≥1530 | 维权服务覆盖程度 | quantitative | ≥ | 1530 | 人次
年维权服务覆盖人次≥510 | 维权服务覆盖程度 | quantitative | ≥ | 510 | 人次
"""

_OPS = {"≥": Op.GE, ">": Op.GT, "=": Op.EQ, "<": Op.LT, "≤": Op.LE, "": None}


def _seed_value_rows() -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    for line in SEED_VALUES.splitlines():
        raw, name, kind, op, value, unit = ([cell.strip() for cell in line.split("|")] + [""] * 6)[:6]
        rows.append((raw, name, kind, op, value, unit))
    return rows


@pytest.mark.parametrize(("raw", "name", "kind", "op", "value", "unit"), _seed_value_rows())
def test_every_seed_value_is_understood(
    raw: str, name: str, kind: str, op: str, value: str, unit: str
) -> None:
    target = parse_target(raw, name or None)
    assert target.kind is Kind(kind)
    assert target.op is _OPS[op]
    assert target.value == (Decimal(value) if value else None)
    assert target.unit == (unit or None)
    assert target.raw == raw


def test_the_table_above_covers_every_value_of_the_seed() -> None:
    listed = {row[0] for row in _seed_value_rows()}
    in_seed = {t.raw for table in seed_tables() for i in table.indicators for t in (i.period, i.annual)}
    assert in_seed - {""} == listed


@pytest.mark.parametrize(
    ("raw", "op", "value", "unit"),
    [
        ("＞＝８５％", Op.GE, "85", "%"),
        ("≧90%", Op.GE, "90", "%"),
        ("≦30天", Op.LE, "30", "天"),
        ("﹦100%", Op.EQ, "100", "%"),
        ("＝100 %", Op.EQ, "100", "%"),
        (">= 50 个", Op.GE, "50", "个"),
        ("不低于90%", Op.GE, "90", "%"),
        ("不少于20个", Op.GE, "20", "个"),
        ("不超过5%", Op.LE, "5", "%"),
        ("不高于3次", Op.LE, "3", "次"),
        ("小于等于0", Op.LE, "0", None),
        ("大于10场", Op.GT, "10", "场"),
        ("低于2%", Op.LT, "2", "%"),
        ("5%以下", Op.LE, "5", "%"),
        ("3000例以上", Op.GE, "3000", "例"),  # an unlisted one-character unit before 以上 (例, not 例以)
        ("12宗以下", Op.LE, "12", "宗"),
        ("3个工作日以内", Op.LE, "3", "个工作日"),
        ("1,200个", None, "1200", "个"),
        ("≥1200 人次", Op.GE, "1200", "人次"),
        ("≤90万元", Op.LE, "90", "万元"),
        ("0.5‰", None, "0.5", "‰"),
        ("3km", None, "3", "km"),
        ("≥24M", Op.GE, "24", "M"),
        ("≥60万立方米", Op.GE, "60", "万立方米"),
        ("≥180万平方米", Op.GE, "180", "万平方米"),  # a city's cleaned road area (评审申报表)
    ],
)
def test_comparators_numbers_and_units(raw: str, op: Op | None, value: str, unit: str | None) -> None:
    target = parse_target(raw)
    assert (target.kind, target.op, target.value, target.unit) == (
        Kind.QUANTITATIVE,
        op,
        Decimal(value),
        unit,
    )


@pytest.mark.parametrize(
    ("raw", "year", "month", "day"),
    [("2025年12月", 2025, 12, None), ("2025年12月31日前", 2025, 12, 31), ("2025.06", 2025, 6, None),
     ("2025-12-31", 2025, 12, 31), ("12月31日前完成", None, 12, 31), ("年底前", None, 12, None),
     ("2021年全年", 2021, None, None), ("12月底到位", None, 12, None),
     ("2024年6月底前拨付到位", 2024, 6, None)],
)  # fmt: skip
def test_deadlines(raw: str, year: int | None, month: int | None, day: int | None) -> None:
    target = parse_target(raw)
    assert target.kind is Kind.DEADLINE
    assert (target.value, target.month, target.day) == (Decimal(year) if year else None, month, day)


@pytest.mark.parametrize(
    ("raw", "low", "high", "unit"), [("2023-2025年", "2023", "2025", "年"), ("80%-90%", "80", "90", "%"),
                                     ("10~20个", "10", "20", "个"), ("3至5天", "3", "5", "天")]
)  # fmt: skip
def test_ranges(raw: str, low: str, high: str, unit: str) -> None:
    target = parse_target(raw)
    assert (target.kind, target.value, target.upper, target.unit) == (
        Kind.RANGE,
        Decimal(low),
        Decimal(high),
        unit,
    )


@pytest.mark.parametrize("raw", ["约1200", "1200左右", "大约50场", "≥10个≤5个", "完成3个或4个", "20-10个"])
def test_values_that_cannot_be_read_with_certainty_are_unknown_with_a_reason(raw: str) -> None:
    target, reason = parse_target_with_reason(raw)
    assert target.kind is Kind.UNKNOWN and reason


def test_empty_value_is_unknown_and_empty() -> None:
    assert parse_target("  ").is_empty and parse_target("").kind is Kind.UNKNOWN


def test_unit_from_the_name_only_when_the_value_has_none() -> None:
    assert parse_target("1080", "咨询服务数（宗）").unit == "宗"
    assert parse_target("1000人以上", "带动妇女就业人数（个）").unit == "人"
    assert parse_target("12", "举办民生座谈会").unit is None


def test_per_year_units() -> None:
    target = parse_target("90宗/年")
    assert target.per_year and target.base_unit == "宗" and not parse_target("90宗").per_year


def test_rendering_keeps_what_the_unit_wrote() -> None:
    assert format_target(parse_target("90%及以上")) == "90%及以上"
    assert canonical_text(parse_target("90%及以上")) == "≥90%"


# -- properties -------------------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(
        list("0123456789.,%-~年月日个场元万人次≥≤<>=＝＞﹦≧以上下及或不低于约左右（）()/ 良好提升满意度")
    ),
    max_size=30,
)


@given(st.one_of(st.text(max_size=60), _TEXT), st.one_of(st.none(), st.text(max_size=20)))
@settings(max_examples=400, deadline=None)
def test_arbitrary_text_never_raises(raw: str, name: str | None) -> None:
    target = parse_target(raw, name)
    assert isinstance(target, Target)
    assert target.raw == raw.strip()


_UNITS = st.sampled_from(
    [None, "%", "个", "场", "场次", "宗", "人次", "元", "万元", "元/人/天", "个/年", "条（次）", "户"]
)
_DATE_SHAPED = re.compile(r"^(?:19|20|21)\d{2}\.(?:0?[1-9]|1[0-2])$")
_NUMBERS = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(st.sampled_from([None, *Op]), _NUMBERS, _UNITS)
@settings(max_examples=300, deadline=None)
def test_printed_quantitative_targets_parse_back_to_themselves(
    op: Op | None, value: Decimal, unit: str | None
) -> None:
    original = Target(raw="", kind=Kind.QUANTITATIVE, op=op, value=value, unit=unit)
    # A bare YYYY.MM (2025.06, 2140.01) is read as a date by design (test_deadlines): not a quantity.
    assume(op is not None or unit is not None or not _DATE_SHAPED.match(number_text(value)))
    again = parse_target(canonical_text(original))
    assert (again.kind, again.op, again.value, again.unit) == (Kind.QUANTITATIVE, op, value, unit)


@given(
    st.sampled_from([t for table in seed_tables() for i in table.indicators for t in (i.period, i.annual)])
)
@settings(max_examples=100, deadline=None)
def test_canonical_text_of_seed_values_parses_to_the_same_meaning(target: Target) -> None:
    again = parse_target(canonical_text(target))
    expected_unit = again.unit if target.unit_from_name else target.unit
    assert (again.kind, again.op, again.value, again.unit, again.upper) == (
        target.kind, target.op, target.value, expected_unit, target.upper,
    )  # fmt: skip


def test_percent_written_as_a_word_is_a_percentage() -> None:
    """``N百分比`` (a budget system's export of %) is N %, raw kept as written."""
    target = parse_target("≥98百分比")
    assert target.raw == "≥98百分比"
    assert (target.op, target.value, target.unit) == (Op.GE, Decimal("98"), "%")


def test_per_units_joined_by_a_dot_or_a_slash() -> None:
    """``元/人·年`` and ``万元/站/年`` are whole units, not a unit and a note."""
    assert parse_target("≤20000元/人·年").unit == "元/人·年"
    target = parse_target("3万元/站/年")
    assert (target.unit, target.note) == ("万元/站/年", None)


@pytest.mark.parametrize(
    ("raw", "name", "kind", "year", "month", "day"),
    [
        ("44,377", "储备监管完成时间", Kind.DEADLINE, 2021, 6, 30),  # a date cell exported as its serial
        ("=44561", "项目完成时间", Kind.DEADLINE, 2021, 12, 31),
        ("44561", "受益人数", Kind.QUANTITATIVE, None, None, None),  # a count, not a date
        ("2", "故障响应时间", Kind.QUANTITATIVE, None, None, None),  # outside the serials of 2000–2050
    ],
)
def test_an_excel_date_serial_under_a_date_name_is_a_deadline(
    raw: str, name: str, kind: Kind, year: int | None, month: int | None, day: int | None
) -> None:
    target = parse_target(raw, name)
    assert target.kind is kind and target.raw == raw
    if kind is Kind.DEADLINE:
        assert (target.value, target.month, target.day) == (Decimal(year or 0), month, day)


@pytest.mark.parametrize(
    ("raw", "kind", "op", "year", "month"),
    [
        ("≤2022年11月", Kind.DEADLINE, Op.LE, 2022, 11),  # a comparator before a date: no later than it
        ("不晚于2023年6月30日", Kind.DEADLINE, Op.LE, 2023, 6),
        ("≤12月", Kind.QUANTITATIVE, Op.LE, 12, None),  # no year: a duration in months, not a date
    ],
)
def test_a_comparator_before_a_dated_value_makes_it_a_deadline(
    raw: str, kind: Kind, op: Op, year: int, month: int | None
) -> None:
    target = parse_target(raw, "工程完工时间")
    assert (target.kind, target.op, target.value, target.month) == (kind, op, Decimal(year), month)
