"""Property: no rule ever crashes, whatever a (seed-like) table contains.

A rule that raises would become a JX-Z01 finding; here arbitrary mixes of real labels, names, values
and layouts must give none, and the findings must come out in source order.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.readers.text import read_text
from jixiao.review import PROFILES, review_batch
from tests.review.tabletext import cells, table

LEVEL1 = ["", "成本指标", "产出指标", "效益指标", "满意度指标", "生态效益", "时效指标", "效果指标"]
LEVEL2 = [
    "",
    "经济成本指标",
    "社会成本指标",
    "数量指标",
    "质量指标",
    "时效指标",
    "社会效益",
    "服务对象满意度",
    "成本指标",
]
NAMES = [
    "",
    "预算控制数",
    "咨询服务数(宗)",
    "年均培训人次",
    "人均培训成本",
    "派遣人员数量",
    "培训天数",
    "学员满意度",
    "社区活动数(场次)",
    "项目完成时间",
    "服务基层妇女之家数量",
    "带动妇女就业人数（个）",
]
VALUES = [
    "",
    "≤100000元",
    "≤12万元",
    "1200个",
    "12",
    "0",
    "≥85%",
    "105%",
    "≤210元/人/天",
    "≤105000元/人/年",
    "90宗/年",
    "4个/年",
    "2025年12月",
    "2023-2025年",
    "2031年",
    "良好",
    "持续提高",
    "约300人次",
    "单人单月专业服务时长差异率小于等于0",
    "实施周期法治宣传服务覆盖人次≥65400",
    "学员满意度90%以上",
    "≥20条（次）",
    "3天",
    "1人",
    "-5",
    "≥0%",
]
GOALS = [
    "",
    "开展个案57个，小组12个，社区活动55场",
    "购买8名项目社工",
    "咨询服务360宗；满意度不低于90%",
    "目标1：0个",
]

row = st.tuples(
    st.sampled_from(["", "", "满意度指标", "服务对象满意度(%)"]),
    st.sampled_from(LEVEL1),
    st.sampled_from(LEVEL2),
    st.sampled_from(NAMES),
    st.sampled_from(VALUES),
    st.sampled_from(VALUES),
    st.sampled_from(["", "", "≥85%"]),
).map(lambda cs: " | ".join(cs))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(row, min_size=1, max_size=14),
    start=st.sampled_from(["2021", "2023", "2025", ""]),
    end=st.sampled_from(["2025", "2029", "2099", ""]),
    budget=st.sampled_from(["100,000.00", "0", "", "12万元", "abc"]),
    goal=st.sampled_from(GOALS),
    profile=st.sampled_from(sorted(PROFILES)),
)
def test_no_rule_crashes_and_findings_stay_in_order(
    rows: list[str], start: str, end: str, budget: str, goal: str, profile: str
) -> None:
    text = table("\n".join(rows), start=start, end=end, budget=budget, annual_goal=goal, period_goal=goal)
    tables, _ = read_text(text, "p.txt")
    for review in review_batch(tables, PROFILES[profile]):
        assert not [f for f in review.findings if f.code == "JX-Z01"], [str(f) for f in review.findings]
        lines = [f.source.line or 0 for f in review.findings]
        assert lines == sorted(lines)


def test_cells_helper_keeps_empty_cells() -> None:
    assert cells(" | a |  | b") == "\ta\t\tb"
