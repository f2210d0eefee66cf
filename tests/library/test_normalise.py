"""Names → keys: the spellings that do not change what is measured, and the guards' signatures."""

from __future__ import annotations

import pytest

from jixiao.library.normalise import compatible, normalise_name, signature


@pytest.mark.parametrize(
    ("name", "key", "unit"),
    [
        ("咨询服务数(宗)", "咨询服务数", "宗"),
        ("咨询服务数（宗）", "咨询服务数", "宗"),
        ("服务对象满意度(%)", "服务对象满意度", "%"),
        ("服务对象满意度（%）", "服务对象满意度", "%"),
        ("指标1:服务对象满意度", "服务对象满意度", None),
        ("指标1：服务对象满意度", "服务对象满意度", None),
        ("1、培训人次", "培训人次", None),
        ("(2)培训人次", "培训人次", None),
        ("①培训人次", "培训人次", None),
        ("服务对象的满意度", "服务对象满意度", None),
        (" 培训 人次 ", "培训人次", None),
        ("Ａ级景区数", "a级景区数", None),
        ("工程设计使用年限(≥**年)", "工程设计使用年限", "年"),
        ("成本（万元/人）", "成本", "万元/人"),
        ("社区活动数（场次）（个）", "社区活动数", "个"),  # the last bracket is the unit
        # a bracket that is not a unit stays, without its brackets
        ("项目(工程)验收合格率", "项目工程验收合格率", None),
        ("广东省妇女维权与信息服务站(东莞站)", "广东省妇女维权与信息服务站东莞站", None),
        # 目的 keeps its 的
        ("目的地覆盖率", "目的地覆盖率", None),
        # a pure enumeration is put in order; a name with a measure is not reordered
        ("宣传、培训", "培训宣传", None),
        ("培训、宣传", "培训宣传", None),
        ("", "", None),
        ("（%）", "", None),
    ],
)
def test_normalise_name(name: str, key: str, unit: str | None) -> None:
    normalised = normalise_name(name)
    assert (normalised.key, normalised.unit) == (key, unit)


def test_measure_and_core() -> None:
    assert signature("培训人次").measure == "人次"
    assert signature("培训次数").measure == "次数"
    assert signature("开展培训场次").core == "培训"
    assert signature("服务对象满意率").measure_class == "satisfaction"
    assert signature("4a级景区数").marks == ("4", "a")


@pytest.mark.parametrize(
    ("a", "b", "allowed"),
    [
        ("培训人次", "培训次数", False),  # person-times vs sessions
        ("培训人数", "培训人次", False),
        ("帮扶户数", "帮扶人数", False),
        ("合格率", "不合格率", False),
        ("4a级景区数", "5a级景区数", False),
        ("投诉率", "投诉数", False),
        ("社区活动数", "社区活动场次", True),  # a generic count may be a count of events
        ("服务对象满意度", "服务对象满意率", True),
        ("培训场次", "举办培训场次", True),
    ],
)
def test_guards(a: str, b: str, allowed: bool) -> None:
    assert compatible(signature(a), signature(b)) is allowed
