"""The 运行监控 checks as data: every code the monitor can write is in the registry, and a year's
profile that switches a warning off leaves the light as it is but drops the warning."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from jixiao.evaluation.monitoring import Light, Likelihood, MonitoringLine, MonitoringSnapshot
from jixiao.evaluation.profiles import CENTRAL
from jixiao.scoring import monitoring
from jixiao.scoring.monitoring import monitor
from jixiao.scoring.monitoring_checks import MONITORING_CHECKS_BY_CODE, SWITCHABLE
from tests.scoring.scoring_support import quantitative


def test_every_code_the_monitor_writes_is_registered() -> None:
    source = Path(monitoring.__file__).read_text(encoding="utf-8")
    written = set(re.findall(r'Diagnostic\(\s*"(JX-J\d\d)"', source))
    assert len(written) == 7 and written == set(MONITORING_CHECKS_BY_CODE)
    assert {"JX-J03", "JX-J05", "JX-J06", "JX-J07"} == SWITCHABLE  # the data checks and JX-J04 stay on


def test_a_switched_off_warning_leaves_the_light_and_drops_the_warning() -> None:
    line = MonitoringLine(
        "产出指标", "数量指标", "个案", quantitative("≥", "57", "个"), "5个", "57个", Likelihood.CERTAIN
    )
    snapshot = MonitoringSnapshot("项目", 7, Decimal(100), Decimal(60), (line,))
    switched = CENTRAL.with_changes(
        monitoring=replace(CENTRAL.monitoring, switched_off=frozenset({"JX-J05"}))
    )
    on, off = monitor(snapshot, CENTRAL), monitor(snapshot, switched)
    assert on.lines[0].progress.light is off.lines[0].progress.light is Light.RED
    assert "JX-J05" in [d.code for d in on.diagnostics]
    assert [d.code for d in off.diagnostics] == [d.code for d in on.diagnostics if d.code != "JX-J05"]
