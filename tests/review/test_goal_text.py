"""相关性 rules between the numbers in the goal texts and the indicators."""

from __future__ import annotations

from decimal import Decimal

from jixiao.review.goal_text import mentions
from tests.review.tabletext import GOOD_ROWS, assert_fires, assert_silent, row, table

ROWS = GOOD_ROWS.replace(
    " | 产出指标 | 数量指标 | 举办培训班 | ≥2期 | ≥2期",
    " | 产出指标 | 数量指标 | 个案服务指标数 | 57个 | 57个\n"
    " |  |  | 小组服务指标数 | 12个 | 12\n"
    " |  |  | 社区活动数(场次) | 55场 | 5场",
)
GOAL = "购买8名项目社工，开展个案57个，小组12个，社区活动55场，帮助受虐者及其家庭走出困境。"


def test_mentions_are_numbers_with_counting_units() -> None:
    found = [
        (m.value, m.unit) for m in mentions("目标1：开展个案57个，第3期，12月31日前完成，满意度不低于90%")
    ]
    assert found == [(Decimal(57), "个"), (Decimal(90), "%")]


def test_g01_goal_says_55_the_annual_value_says_5() -> None:
    # seed table 2, line 52
    assert_fires("JX-G01", table(ROWS, annual_goal=GOAL, period_goal="反家暴服务"), [row(4)])
    agreeing = GOAL.replace("社区活动55场", "社区活动5场")
    assert_silent("JX-G01", table(ROWS, annual_goal=agreeing, period_goal="反家暴服务"))


def test_g01_matches_by_keyword_not_by_unit_alone() -> None:
    # seed table 17: 咨询服务360宗 belongs to 咨询服务数（宗）, not to 个案服务指标数 (30宗/年)
    rows = GOOD_ROWS.replace(
        " | 产出指标 | 数量指标 | 举办培训班 | ≥2期 | ≥2期",
        " | 产出指标 | 数量指标 | 个案服务指标数 | 90宗 | 30宗/年\n |  |  | 咨询服务数（宗） | 1080 | 360",
    )
    goal = "每年为妇女群众提供法律、心理等咨询服务360宗；为妇女群众提供个案服务30宗"
    assert_silent("JX-G01", table(rows, annual_goal=goal, start="2023", end="2025"))
    assert_fires(
        "JX-G01", table(rows, annual_goal=goal.replace("360宗", "300宗"), start="2023", end="2025"), [row(3)]
    )


def test_g02_a_goal_number_no_indicator_could_carry() -> None:
    # seed table 2: 购买8名项目社工, and no indicator counts people
    assert_fires("JX-G02", table(ROWS, annual_goal=GOAL, period_goal="反家暴服务"), [13])
    assert_silent("JX-G02", table())
