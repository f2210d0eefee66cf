"""The units of the 指标值 grammar: composed units (万亩次, 件(套), 元/册, /10万) as published tables write
them, what is not a unit, and the property that reading a unit never raises nor loses text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model import Kind, Op
from jixiao.value_units import display_unit, is_unit, take_unit
from jixiao.values import parse_target

# raw 指标值 | comparator | number | unit, as the published tables write them (heldout4 and others).
COMPOSED = """\
≥180万亩次 | >= | 180 | 万亩次
≥40件(套) | >= | 40 | 件（套）
≥400台（套） | >= | 400 | 台（套）
≤25元/册 | <= | 25 | 元/册
≤50元/拍 | <= | 50 | 元/拍
≤12/10万 | <= | 12 | /10万
3.5张/千人 |  | 3.5 | 张/千人
5万册 |  | 5 | 万册
≥30万株次 | >= | 30 | 万株次
≥2万人次 | >= | 2 | 万人次
≤1.8万元 | <= | 1.8 | 万元
≤210元/人/天 | <= | 210 | 元/人/天
10元/人·年 |  | 10 | 元/人·年
15元/人.每天 |  | 15 | 元/人.每天
≥1200车次 | >= | 1200 | 车次
2个百分点 |  | 2 | 个百分点
≤3‰ | <= | 3 | ‰
12个月 |  | 12 | 个月
"""


def _rows(table: str) -> list[tuple[str, ...]]:
    return [tuple(part.strip() for part in line.split("|")) for line in table.splitlines()]


@pytest.mark.parametrize(("raw", "op", "value", "unit"), _rows(COMPOSED))
def test_composed_units_are_read_whole(raw: str, op: str, value: str, unit: str) -> None:
    target = parse_target(raw)
    assert target.kind is Kind.QUANTITATIVE
    assert (target.op.value if target.op else "", target.value, target.unit) == (op, Decimal(value), unit)
    assert target.note is None and target.subject is None


@pytest.mark.parametrize(
    ("raw", "unit", "note"),
    [
        ("≤15.20/株", None, "/株"),  # a slash with no unit before it and no magnitude after: not a rate
        ("≥40件(其中)", "件", "(其中)"),  # brackets around what is not a counted unit stay a note
        ("≥95%(含)", "%", "(含)"),
    ],
)
def test_what_is_not_a_composed_unit(raw: str, unit: str | None, note: str) -> None:
    target = parse_target(raw)
    assert (target.unit, target.note) == (unit, note)


@pytest.mark.parametrize("raw", ["90%/95%", "1/2", "3/5个"])
def test_two_numbers_around_a_slash_are_not_a_rate(raw: str) -> None:
    assert parse_target(raw).kind is Kind.UNKNOWN


@pytest.mark.parametrize(
    ("raw", "op", "value", "unit", "subject", "note"),
    [
        ("2小时内", Op.LE, "2", "小时", None, None),  # within a time: at most, as 以内
        ("发现后7日内整改", Op.LE, "7", "日", "发现后", "整改"),
        ("3个工作日内", Op.LE, "3", "个工作日", None, None),
        ("5公里内", None, "5", "公里", None, "内"),  # only a time is 'within'
        ("不低于百分之95", Op.GE, "95", "%", None, None),  # the unit written before the number
        ("千分之3", None, "3", "‰", None, None),
    ],
)
def test_units_that_change_the_comparator_or_stand_before_the_number(
    raw: str, op: Op | None, value: str, unit: str, subject: str | None, note: str | None
) -> None:
    target = parse_target(raw)
    assert (target.op, target.value, target.unit, target.subject, target.note) == (
        op,
        Decimal(value),
        unit,
        subject,
        note,
    )


def test_a_unit_written_before_and_after_the_number_is_unknown() -> None:
    assert parse_target("百分之95个").kind is Kind.UNKNOWN


def test_is_unit_knows_composed_units_and_not_words() -> None:
    assert all(is_unit(u) for u in ("万亩次", "件(套)", "件（套）", "元/册", "/10万", "人次", "%"))
    assert not any(is_unit(u) for u in ("合格", "万", "", "/株", "以上", "%/95%"))


@given(st.text(max_size=30), st.sampled_from([(), ("以上", "以下")]))
@settings(max_examples=300, deadline=None)
def test_taking_a_unit_never_raises_and_keeps_the_rest(text: str, stops: tuple[str, ...]) -> None:
    unit, rest = take_unit(text, stops)
    if unit is None:
        assert rest == text
    else:
        assert text.endswith(rest) and display_unit(text[: len(text) - len(rest)]) == unit


def test_a_name_phrased_with_its_target_still_gives_what_it_counts() -> None:
    # 绩效评价指标表 names read as sentences before their value: 资助幼儿人数达到预计值 | 860
    counted = parse_target("860", "资助幼儿人数达到预计值")
    assert (counted.value, counted.unit, counted.unit_from_name) == (Decimal("860"), "人", True)
    assert parse_target("95", "培训合格人数不少于").unit == "人"
    assert parse_target("12", "开展培训达到").unit is None  # nothing counted in the name: no unit


def test_a_bare_magnitude_is_money_only_where_the_name_speaks_of_money() -> None:
    # 成本指标 | 控制在预算成本内 | 180万: the 万 of an amount is 万元; raw keeps what was written
    cost = parse_target("180万", "控制在预算成本内")
    assert (cost.raw, cost.value, cost.unit) == ("180万", Decimal("180"), "万元")
    assert parse_target("≤2.5亿", "项目总投资").unit == "亿元"
    assert parse_target("3万", "受益人口").unit == "万"  # no money in the name
    assert parse_target("3万", "补助人数").unit == "万"  # money in the name, but it counts people


@pytest.mark.parametrize(
    ("raw", "name", "unit"),
    [
        ("0", "食品安全事故发生率", None),  # nothing counted: a bare 0 takes no unit (heldout, publishers)
        ("0", "赛事安全事故发生率", None),
        ("95", "服务对象满意度", "%"),  # a rate between 1 and 100 is a percentage
        ("100", "补助资金到位率", "%"),
        ("0.5", "设备故障率", None),  # below 1: not taken for a percentage either
    ],
)
def test_a_rate_named_number_takes_percent_only_when_it_counts(raw: str, name: str, unit: str | None) -> None:
    target = parse_target(raw, name)
    assert target.kind is Kind.QUANTITATIVE and target.unit == unit
    assert target.unit_from_name is (unit is not None)
