"""Monitoring: time elapsed vs progress per indicator, and money vs outputs."""

from __future__ import annotations

from decimal import Decimal

from jixiao.evaluation.monitoring import Light, Likelihood, MonitoringLine, MonitoringSnapshot
from jixiao.evaluation.profiles import CENTRAL, SICHUAN
from jixiao.scoring.monitoring import is_cumulative, line_progress, monitor
from tests.scoring.scoring_support import qualitative, quantitative

D = Decimal
RULES = CENTRAL.monitoring


def row(target_op: str, value: str, unit: str | None, current: str, name: str = "个案数") -> MonitoringLine:
    return MonitoringLine("产出指标", "数量指标", name, quantitative(target_op, value, unit), current)


def test_cumulative_indicator_is_compared_with_time_elapsed() -> None:
    # 57 个案 a year; 7 of 12 months gone; 30 done → 52.63 % ÷ 58.33 % = 90.23 → green.
    progress = line_progress(row("≥", "57", "个", "30个"), 7, RULES)
    assert progress.light is Light.GREEN and progress.index is not None
    assert round(progress.index, 2) == D("90.23")
    assert "累计型" in progress.explanation
    # 19 → 57.14 red; 20 → 60.15 yellow (just above the line).
    assert line_progress(row("≥", "57", "个", "19个"), 7, RULES).light is Light.RED
    assert line_progress(row("≥", "57", "个", "20个"), 7, RULES).light is Light.YELLOW
    assert line_progress(row("≥", "57", "个", "25个"), 7, RULES).light is Light.YELLOW


def test_one_off_indicator_is_compared_with_the_target_itself() -> None:
    satisfaction = row("≥", "85", "%", "80%", name="服务对象满意度")
    assert not is_cumulative(satisfaction)
    progress = line_progress(satisfaction, 7, RULES)
    assert progress.index is None and progress.light is Light.GREEN  # 94.12 % of target
    assert "一次性" in progress.explanation
    assert line_progress(row("≥", "85", "%", "40%", name="满意度"), 7, RULES).light is Light.RED


def test_explicit_cumulative_setting_wins() -> None:
    base = row("≥", "100", "%", "50%", name="覆盖率")
    forced = MonitoringLine(base.level1, base.level2, base.name, base.target, base.current, cumulative=True)
    assert is_cumulative(forced) and not is_cumulative(base)


def test_reverse_indicator_is_red_only_past_its_ceiling() -> None:
    assert line_progress(row("≤", "954100", "元", "600000元"), 7, RULES).light is Light.GREEN
    assert line_progress(row("≤", "954100", "元", "96万元"), 7, RULES).light is Light.RED


def test_zero_equal_target_is_green_only_at_zero() -> None:
    assert line_progress(row("=", "0", "起", "0起"), 7, RULES).light is Light.GREEN
    assert line_progress(row("=", "0", "起", "1起"), 7, RULES).light is Light.RED


def test_non_numeric_current_value_is_red() -> None:
    assert line_progress(row("≥", "57", "个", "进行中"), 7, RULES).light is Light.RED
    assert line_progress(row("≥", "57", "个", ""), 7, RULES).light is Light.RED


def test_money_far_ahead_of_outputs_is_a_joint_warning() -> None:
    lines = (row("≥", "100", "场", "20场"),)
    spent = monitor(MonitoringSnapshot("项目", 7, D(100), D(80), lines))
    warning = next(d for d in spent.diagnostics if d.code == "JX-J07")
    assert "资金已执行80.00%" in warning.message and "20.00%" in warning.message
    ahead = monitor(MonitoringSnapshot("项目", 7, D(100), D(20), (row("≥", "100", "场", "80场"),)))
    assert any(d.code == "JX-J07" and "产出快于资金" in d.message for d in ahead.diagnostics)
    together = monitor(MonitoringSnapshot("项目", 7, D(100), D(55), (row("≥", "100", "场", "60场"),)))
    assert "JX-J07" not in [d.code for d in together.diagnostics]


def test_sichuan_gap_of_more_than_ten_points_warns() -> None:
    snapshot = MonitoringSnapshot("项目", 6, D(100), D(50), (row("≥", "100", "场", "38场"),))
    assert "JX-J07" in [d.code for d in monitor(snapshot, SICHUAN).diagnostics]
    assert "JX-J07" not in [d.code for d in monitor(snapshot, CENTRAL).diagnostics]


def test_overall_light_is_the_worst_one() -> None:
    lines = (
        row("≥", "57", "个", "40个"),
        MonitoringLine("效益指标", "社会效益指标", "成效", qualitative("良好"), "部分达成"),
    )
    result = monitor(MonitoringSnapshot("项目", 7, D(100), D(60), lines))
    assert result.funds.light is Light.GREEN and result.light is Light.YELLOW


def test_red_indicator_declared_certain_is_questioned() -> None:
    line = MonitoringLine(
        "产出指标", "数量指标", "个案", quantitative("≥", "57", "个"), "5个", "57个", Likelihood.CERTAIN
    )
    codes = [d.code for d in monitor(MonitoringSnapshot("项目", 7, D(100), D(60), (line,))).diagnostics]
    assert "JX-J05" in codes and "JX-J06" in codes


def test_execution_above_budget_is_an_error() -> None:
    result = monitor(MonitoringSnapshot("项目", 7, D(100), D(120)))
    assert "JX-J02" in [d.code for d in result.diagnostics]
