"""The engine: clean tables pass, broken rules become findings, order is stable, profiles are data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from jixiao.model import Diagnostic, Severity, Table
from jixiao.readers.text import read_text
from jixiao.review import RULES, Outcome, ProfileError, load_profile, review_batch, review_table
from jixiao.review.common import Hit
from jixiao.review.outcome import grade
from jixiao.review.profiles import DEFAULT_PROFILE, OutcomeThresholds, Profile
from jixiao.review.registry import Rule
from tests.review.tabletext import GOOD_ROWS, review_text, row, table


def _one(text: str) -> Table:
    tables, _ = read_text(text, "t.txt")
    return tables[0]


def test_a_clean_table_has_no_findings_and_is_excellent() -> None:
    review = review_table(_one(table()))
    assert review.findings == ()
    assert review.outcome is Outcome.EXCELLENT
    assert "没有错误和警告" in review.reason


def _explodes(table: Table, profile: Profile) -> Iterator[Hit]:
    """测试用：总是出错的规则。"""
    raise ZeroDivisionError("boom")


def test_a_rule_that_raises_becomes_a_finding_and_the_run_goes_on() -> None:
    broken = Rule("JX-T99", Severity.WARNING, "测试", "结构", "测试", "测试", check=_explodes)
    review = review_table(_one(table(budget="99,000.00")), rules=(*RULES, broken))
    codes = [f.code for f in review.findings]
    assert "JX-Z01" in codes and "JX-B01" in codes
    crash = next(f for f in review.findings if f.code == "JX-Z01")
    assert "JX-T99" in crash.message and "ZeroDivisionError" in crash.message
    assert crash.severity is Severity.ERROR


def test_findings_are_in_source_order_and_repeatable() -> None:
    rows = GOOD_ROWS.replace("学员满意度 | ≥90% | ≥90%", "学员满意度 | ≥80% | ≥80%")
    rows = rows.replace("举办培训班 | ≥2期 | ≥2期", "举办培训班 | 12期 | 12")
    text = table(rows, budget="99,000.00", start="2021", end="2029")
    first = review_text(text)
    assert [f.source.line for f in first] == sorted(f.source.line or 0 for f in first)
    assert first == review_text(text)
    assert ("JX-B01", row(1)) in [(f.code, f.source.line) for f in first]


def test_findings_carry_basis_suggestion_indicator_and_file() -> None:
    finding = next(f for f in review_text(table(budget="99,000.00")) if f.code == "JX-B01")
    assert finding.source.file == "t.txt" and finding.indicator == "预算控制数"
    assert finding.basis and "88号" in finding.basis and finding.suggestion


def test_a_profile_switches_rules_off_and_changes_severity(tmp_path: Path) -> None:
    path = tmp_path / "city.json"
    path.write_text(
        json.dumps({"disabled": ["JX-B01"], "severities": {"JX-M04": "error"}, "satisfaction_floor": "95"}),
        encoding="utf-8",
    )
    profile = load_profile(str(path))
    findings = review_text(table(budget="99,000.00"), profile)
    assert "JX-B01" not in [f.code for f in findings]
    floor = [f for f in findings if f.code == "JX-M04"]
    assert [(f.source.line, f.severity) for f in floor] == [(row(6), Severity.ERROR)]  # ≥90% < 95


def test_profile_errors_are_clear() -> None:
    with pytest.raises(ProfileError, match="未知的审核配置"):
        load_profile("nowhere-2030")
    with pytest.raises(ProfileError, match="不存在"):
        load_profile("/nonexistent/p.json")
    assert load_profile(None) is DEFAULT_PROFILE
    assert load_profile("legacy-2015").catalogue.name == "legacy-2015"


def test_legacy_profile_accepts_cost_under_output() -> None:
    rows = GOOD_ROWS.replace(" | 成本指标 | 经济成本指标 |", " | 产出指标 | 成本指标 |")
    rows = rows.replace(" | 产出指标 | 数量指标 |", " |  | 数量指标 |")
    legacy = load_profile("legacy-2015")
    codes = [f.code for f in review_text(table(rows), legacy)]
    assert "JX-S05" not in codes and "JX-C04" not in codes
    assert "JX-S05" in [f.code for f in review_text(table(), legacy)]


def _finding(code: str, severity: Severity) -> Diagnostic:
    return Diagnostic(code, severity, "x")


def test_outcome_counts_distinct_rules_against_the_thresholds() -> None:
    limits = OutcomeThresholds()
    warn = [_finding("JX-P02", Severity.WARNING)] * 4  # one rule, four rows: one thing to fix
    assert grade(warn, limits)[0] is Outcome.GOOD
    five = [_finding(f"JX-M0{i}", Severity.WARNING) for i in range(1, 6)]
    assert grade(five, limits)[0] is Outcome.FAIR
    errors = [_finding(c, Severity.ERROR) for c in ("JX-B01", "JX-P01", "JX-G01")]
    outcome, reason = grade(errors, limits)
    assert outcome is Outcome.POOR and "JX-B01" in reason and "不得进入预算安排" in reason
    assert grade([_finding("JX-S07", Severity.INFO)], limits)[0] is Outcome.EXCELLENT


def test_batch_review_returns_one_review_per_table_in_order() -> None:
    text = table() + "\n" + table(name="另一个项目", budget="99,000.00")
    tables, _ = read_text(text, "t.txt")
    reviews = review_batch(tables)
    assert [r.table.project.name for r in reviews] == ["妇女干部培训经费", "另一个项目"]
    assert [r.outcome for r in reviews] == [Outcome.EXCELLENT, Outcome.FAIR]
