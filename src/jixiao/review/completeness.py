"""完整性: the form is filled in — project fields, goals, each category, names and values."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao import catalog
from jixiao.model import SourceRef, Table
from jixiao.review.common import Hit, is_cost, level1_of, level2_of
from jixiao.review.profiles import Profile

_PROJECT_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "项目名称"),
    ("type", "项目类型"),
    ("department", "主管部门"),
    ("unit", "用款单位（实施单位）"),
    ("period", "实施周期"),
    ("year", "预算年度"),
    ("budget", "预算金额"),
)


def required_project_fields(table: Table, profile: Profile) -> Iterator[Hit]:
    """项目名称、项目类型、主管部门、用款单位、实施周期（起止年度）、预算年度和预算金额都必须填写。"""
    p = table.project
    present = {
        "name": bool(p.name.strip()),
        "type": bool(p.type and p.type.strip()),
        "department": bool(p.department and p.department.strip()),
        "unit": bool(p.unit and p.unit.strip()),
        "period": p.period_start is not None and p.period_end is not None,
        "year": p.year is not None,
        "budget": p.budget is not None,
    }
    for key, label in _PROJECT_FIELDS:
        if not present[key]:
            yield Hit(p.line_of(key) or table.source.line, f"缺少{label}")


def goals_present(table: Table, profile: Profile) -> Iterator[Hit]:
    """总体绩效目标须有实施周期总目标和年度目标两段文字。"""
    if not table.goals.period.strip():
        yield Hit(table.goals.period_line or table.source.line, "实施周期总目标为空")
    if not table.goals.annual.strip():
        yield Hit(table.goals.annual_line or table.source.line, "年度目标为空")


def level1_present(table: Table, profile: Profile) -> Iterator[Hit]:
    """产出指标和效益指标两类一级指标下都必须至少有一个三级指标（空的类别行不算）。

    成本和满意度另有规则（JX-C04、JX-C05）。
    """
    present = {level1_of(i) for i in table.indicators}
    for level1 in (catalog.OUTPUT, catalog.BENEFIT):
        if level1 not in present:
            yield Hit(_first_line(table, level1), f"没有{level1}下的任何三级指标")


def output_dimensions(table: Table, profile: Profile) -> Iterator[Hit]:
    """产出指标应同时有数量、质量、时效三方面的三级指标。"""
    outputs = [i for i in table.indicators if level1_of(i) == catalog.OUTPUT]
    if not outputs:
        return  # JX-C02 says it
    present = {level2_of(i) for i in outputs}
    missing = [
        name for name in (catalog.QUANTITY, catalog.QUALITY, catalog.TIMELINESS) if name not in present
    ]
    if missing:
        first = min(outputs, key=lambda i: i.source.line or 0)
        yield Hit(first.source, f"产出指标缺少{'、'.join(missing)}")


def cost_present(table: Table, profile: Profile) -> Iterator[Hit]:
    """应设置成本指标：2021 框架为一级“成本指标”，旧框架为产出指标下的“成本指标”。"""
    if not any(is_cost(i) for i in table.indicators):
        where = "一级“成本指标”" if profile.catalogue.is_level1(catalog.COST) else "产出指标下的“成本指标”"
        yield Hit(_first_line(table, catalog.COST), f"没有{where}（如预算控制数、单位成本）")


def satisfaction_present(table: Table, profile: Profile) -> Iterator[Hit]:
    """应设置满意度指标（服务对象满意度）。"""
    if not any(level1_of(i) == catalog.SATISFACTION for i in table.indicators):
        yield Hit(_first_line(table, catalog.SATISFACTION), "没有满意度指标")


def names_and_values_present(table: Table, profile: Profile) -> Iterator[Hit]:
    """每个三级指标都要有名称，并至少有一个指标值。"""
    for ind in table.indicators:
        if not ind.name.strip():
            yield Hit(ind.source, "三级指标名称为空", ind.name or None)
        if ind.period.is_empty and ind.annual.is_empty:
            yield Hit(ind.source, f"指标“{ind.name}”没有填写指标值", ind.name or None)


def both_values_present(table: Table, profile: Profile) -> Iterator[Hit]:
    """实施周期指标值和年度指标值都应填写（只填了一个时报告）。"""
    for ind in table.indicators:
        if ind.period.is_empty != ind.annual.is_empty:
            missing = "实施周期指标值" if ind.period.is_empty else "年度指标值"
            yield Hit(ind.source, f"指标“{ind.name}”缺少{missing}", ind.name)


def _first_line(table: Table, level1: str) -> SourceRef:
    """Where a missing category would go: its placeholder row if any, else the table's first line."""
    for ph in table.placeholders:
        if catalog.canonical(ph.level1) == level1 and ph.source.line is not None:
            return ph.source
    return table.source
