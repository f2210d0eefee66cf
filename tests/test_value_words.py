"""The words of qualitative 指标值: where a name and its grade ran together, the value is cut off only
where the words compose a whole phrase, never at a verb alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.value_words import qualitative_ending


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("重点传染病发病率较上年下降", "较上年下降"),  # basis + verb
        ("三级公立医院绩效考核等级逐年提升", "逐年提升"),  # adverb + verb
        ("疾病预防控制体系运行保持稳定运行", "保持稳定运行"),  # the longest phrase, never 稳定运行
        ("公立医院高质量发展体制机制基本建立", "基本建立"),
        ("人员经费控制在预算内不超预算", "不超预算"),  # a set phrase
        ("群众获得感较上年进一步提升", "较上年进一步提升"),
    ],
)
def test_a_grade_composed_whole_is_cut_off_the_name(text: str, value: str) -> None:
    start = qualitative_ending(text)
    assert start is not None and text[start:] == value


@pytest.mark.parametrize(
    "text",
    [
        "群众文化服务能力提升",  # a verb alone may end the name
        "逐年提升",  # no name before it
        "激励学生勤奋学习的作用有效",  # 有效 alone is an adverb, not a phrase
        "安全责任事故发生次数",
        "",
    ],
)
def test_no_cut_where_the_value_is_not_certain(text: str) -> None:
    assert qualitative_ending(text) is None


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_arbitrary_text_never_raises_and_leaves_a_name(text: str) -> None:
    start = qualitative_ending(text)
    assert start is None or 2 <= start < len(text)
