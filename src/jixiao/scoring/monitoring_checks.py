"""The checks of a 运行监控 report (JX-J01…JX-J07) as data: code, title, severity, and whether the
year's rule profile may switch it off.

The checks on the data itself (an impossible period, negative or overspent money) and the required
explanation of a likely deviation (the 监控表 asks for 偏差原因 and 改进措施) always run; the
warnings and hints may be switched off by an administrator for a year
(`jixiao.evaluation.profiles.MonitoringRules.switched_off`).
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.model import Severity


@dataclass(frozen=True, slots=True)
class MonitoringCheck:
    """One check of the 运行监控 report."""

    code: str
    title: str
    severity: Severity
    switchable: bool


MONITORING_CHECKS = (
    MonitoringCheck("JX-J01", "监控期间应为1至12月", Severity.ERROR, False),
    MonitoringCheck("JX-J02", "金额不得为负，执行数不得超过全年预算", Severity.ERROR, False),
    MonitoringCheck("JX-J03", "预算执行进度预警（红灯、黄灯）", Severity.WARNING, True),
    MonitoringCheck("JX-J04", "可能完不成目标的指标须写明偏差原因和改进措施", Severity.ERROR, False),
    MonitoringCheck("JX-J05", "指标进度预警（红灯）", Severity.WARNING, True),
    MonitoringCheck("JX-J06", "红灯指标却填“确定能”完成", Severity.INFO, True),
    MonitoringCheck("JX-J07", "资金与产出进度相差过大", Severity.WARNING, True),
)
MONITORING_CHECKS_BY_CODE = {check.code: check for check in MONITORING_CHECKS}
SWITCHABLE = frozenset(check.code for check in MONITORING_CHECKS if check.switchable)

__all__ = ["MONITORING_CHECKS", "MONITORING_CHECKS_BY_CODE", "SWITCHABLE", "MonitoringCheck"]
