"""What changed between two versions of a table: project fields, goals, indicators (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.model import Indicator, Table

PROJECT_FIELDS = (
    ("name", "项目名称"),
    ("type", "项目类型"),
    ("level", "项目等级"),
    ("department", "主管部门"),
    ("unit", "用款单位"),
    ("period_start", "起始年度"),
    ("period_end", "到期年度"),
    ("year", "预算年度"),
    ("budget", "预算金额(元)"),
)


@dataclass(frozen=True, slots=True)
class Change:
    """One difference: where (``place``), what it was and what it is (empty when added/removed)."""

    kind: str  # changed | added | removed
    place: str
    old: str
    new: str


def _key(item: Indicator) -> tuple[str, str, str]:
    return (item.level1, item.level2, item.name)


def _values(item: Indicator) -> str:
    return f"实施周期 {item.period.raw or '—'}；年度 {item.annual.raw or '—'}"


def diff_tables(old: Table, new: Table) -> list[Change]:
    """Changes from ``old`` to ``new``, in table order; indicators are matched by 一级/二级/三级 name."""
    changes: list[Change] = []
    for field_name, label in PROJECT_FIELDS:
        before, after = getattr(old.project, field_name), getattr(new.project, field_name)
        if before != after:
            changes.append(Change("changed", label, _text(before), _text(after)))
    if old.goals.period != new.goals.period:
        changes.append(Change("changed", "实施周期总目标", old.goals.period, new.goals.period))
    if old.goals.annual != new.goals.annual:
        changes.append(Change("changed", "年度目标", old.goals.annual, new.goals.annual))
    old_items = {_key(i): i for i in old.indicators}
    new_items = {_key(i): i for i in new.indicators}
    for key, item in old_items.items():
        place = "／".join(key)
        if key not in new_items:
            changes.append(Change("removed", place, _values(item), ""))
        elif (item.period.raw, item.annual.raw) != (new_items[key].period.raw, new_items[key].annual.raw):
            changes.append(Change("changed", place, _values(item), _values(new_items[key])))
    for key, item in new_items.items():
        if key not in old_items:
            changes.append(Change("added", "／".join(key), "", _values(item)))
    return changes


def _text(value: object) -> str:
    return "" if value is None else str(value)
