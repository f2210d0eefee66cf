"""适当性 rules: cost ceilings against the budget amount, unit costs × quantities."""

from __future__ import annotations

from tests.review.tabletext import GOOD_ROWS, assert_fires, assert_silent, row, table

COST_ROW = " | 成本指标 | 经济成本指标 | 预算控制数 | ≤100000元 | ≤100000元"


def test_b01_control_figure_above_the_budget() -> None:
    # seed table 15: ≤208000元 against 200,800.00
    assert_fires("JX-B01", table(budget="99,000.00"), [row(1)])
    assert_silent("JX-B01", table())


def test_b01_an_item_cost_in_wan_yuan_above_the_budget() -> None:
    rows = GOOD_ROWS.replace(COST_ROW, COST_ROW + "\n |  |  | 场地租赁费 | ≤12万元 | ≤12万元")
    assert_fires("JX-B01", table(rows), [row(2)])


def test_b02_control_figure_below_the_budget() -> None:
    # seed table 2: ≤954100元 against 954,112.00
    assert_fires("JX-B02", table(budget="100,012.00"), [row(1)])
    assert_silent("JX-B02", table())
    assert_silent("JX-B02", table(budget="100,000.40"))  # below one yuan is rounding


def test_b02_ignores_item_costs() -> None:
    rows = GOOD_ROWS.replace(COST_ROW, " | 成本指标 | 经济成本指标 | 教材印制费 | ≤5000元 | ≤5000元")
    assert_silent("JX-B02", table(rows))


def test_b03_salary_standard_times_people_below_the_budget() -> None:
    rows = """
 | 成本指标 | 经济成本指标 | 人员薪酬标准 | ≤105000元/人/年 | ≤105000元/人/年
 | 产出指标 | 数量指标 | 派遣人员数量 | 1人 | 1人
 |  | 质量指标 | 人员考核合格率 | 90%及以上 | 90%及以上
 |  | 时效指标 | 到岗时间 | 2025年1月 | 2025年1月
 | 效益指标 | 社会效益 | 后勤保障事项办结率 | ≥95% | ≥95%
 | 满意度指标 | 服务对象满意度 | 用人单位满意度 | ≥90% | ≥90%
"""
    goal = "以政府购买服务方式补充后勤服务岗位1名。"
    # seed table 12 (105,000.00 = 105000 × 1) is consistent; 150,000.00 is not
    assert_silent("JX-B03", table(rows, budget="105,000.00", period_goal=goal, annual_goal=goal))
    assert_fires("JX-B03", table(rows, budget="150,000.00", period_goal=goal, annual_goal=goal), [row(1)])


def test_b03_per_day_needs_a_number_of_days() -> None:
    rows = GOOD_ROWS.replace(COST_ROW, " | 成本指标 | 经济成本指标 | 培训费 | ≤300元/人/天 | ≤300元/人/天")
    rows += " |  |  | 参训人数 | 50人 | 50人\n"
    assert_silent("JX-B03", table(rows))
    with_days = rows + " |  |  | 培训天数 | 3天 | 3天\n"
    # 300 × 50 × 3 = 45000 < 100000
    assert_fires("JX-B03", table(with_days), [row(1)])
