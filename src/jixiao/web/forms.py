"""The editor's form fields ↔ a Table (values parsed with the 指标值 grammar).

A failed parse never loses what was typed: `form_values` keeps every field as text for the page to
show again, and `FormErrors` says, per field, what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.datastructures import FormData

from jixiao.catalog import canonical
from jixiao.model import Goals, Indicator, Project, Table
from jixiao.service import Invalid
from jixiao.values import parse_target

PROJECT_FIELDS = (
    "name", "type", "level", "department", "unit", "period_start", "period_end", "year", "budget",
)  # fmt: skip
ROW_FIELDS = ("level1", "level2", "indicator", "period", "annual")
_WAN = re.compile(r"^(\d+(?:\.\d+)?)\s*万(?:元)?$")


class FormErrors(Invalid):
    """One message per field name (``budget``, ``year``…) the page shows beside that field, and the
    table as far as it could be read (wrong fields left empty) for the live review to go on with."""

    def __init__(self, errors: dict[str, str], table: Table | None = None) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors
        self.table = table


@dataclass
class FormValues:
    """Everything the editor shows, as text: from a stored table or from what the user typed."""

    fields: dict[str, str]
    rows: list[dict[str, str]] = field(default_factory=list)


def values_of_table(table: Table) -> FormValues:
    """A table's content as the editor form's values."""
    project = table.project
    fields = {
        "name": project.name,
        "type": project.type or "",
        "level": project.level or "",
        "department": project.department or "",
        "unit": project.unit or "",
        "period_start": str(project.period_start or ""),
        "period_end": str(project.period_end or ""),
        "year": str(project.year or ""),
        "budget": "" if project.budget is None else str(project.budget),
        "goals_period": table.goals.period,
        "goals_annual": table.goals.annual,
    }
    rows = [
        {
            "level1": i.level1,
            "level2": i.level2,
            "indicator": i.name,
            "period": i.period.raw,
            "annual": i.annual.raw,
        }
        for i in table.indicators
    ]
    return FormValues(fields, rows)


def form_values(form: FormData) -> FormValues:
    """What the user typed, field by field (rows padded so none is lost when the lists differ)."""
    fields = {name: _raw(form, name) for name in (*PROJECT_FIELDS, "goals_period", "goals_annual")}
    columns = {name: _list(form, name) for name in ROW_FIELDS}
    count = max((len(values) for values in columns.values()), default=0)
    rows = [
        {name: values[index] if index < len(values) else "" for name, values in columns.items()}
        for index in range(count)
    ]
    return FormValues(fields, rows)


def _raw(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _text(form: FormData, name: str) -> str:
    return _raw(form, name).strip()


def _year(text: str, label: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or not 1900 <= int(text) <= 2100:
        raise ValueError(f"{label}应为四位年份，例如 2026，而不是“{text}”")
    return int(text)


def _budget(text: str) -> Decimal | None:
    text = text.replace(",", "").replace("，", "").replace(" ", "")
    if not text:
        return None
    wan = _WAN.match(text)
    if wan:
        yuan = (Decimal(wan.group(1)) * 10000).quantize(Decimal("0.01"))
        raise ValueError(f"预算金额按“元”填写数字：“{text}”即 {yuan} 元，请填写 {yuan.normalize():f}")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"预算金额应为数字（元），而不是“{text}”") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError("预算金额不能为负数")
    return amount.quantize(Decimal("0.01"))


def _list(form: FormData, name: str) -> list[str]:
    return [value.strip() if isinstance(value, str) else "" for value in form.getlist(name)]


def grouped(indicators: list[Indicator]) -> tuple[Indicator, ...]:
    """Rows kept inside their 一级/二级 group: a row added at the end under 成本指标 joins the other
    成本指标 rows instead of landing after 满意度 (groups keep the order they first appear in)."""
    first_level1: dict[str, int] = {}
    first_pair: dict[tuple[str, str], int] = {}
    for index, item in enumerate(indicators):
        level1, level2 = canonical(item.level1), canonical(item.level2)
        first_level1.setdefault(level1, index)
        first_pair.setdefault((level1, level2), index)

    def key(pair: tuple[int, Indicator]) -> tuple[int, int, int]:
        index, item = pair
        level1, level2 = canonical(item.level1), canonical(item.level2)
        return first_level1[level1], first_pair[(level1, level2)], index

    return tuple(item for _, item in sorted(enumerate(indicators), key=key))


def table_from_form(form: FormData, base: Table, unit: str | None = None, complete: bool = True) -> Table:
    """The edited table; fields the form does not carry (sources, budget unit) come from ``base``.

    ``unit`` is the 用款单位 for a new table; an existing table keeps its own, as it decides who owns
    the table. Raises `FormErrors` naming every field that is wrong; with ``complete`` false (the live
    review while typing) a missing name or unit is not yet an error.
    """
    errors: dict[str, str] = {}

    def check(name: str, parse: Any, *args: Any) -> Any:
        try:
            return parse(_text(form, name), *args)
        except ValueError as why:
            errors[name] = str(why)
            return None

    project = Project(
        name=_text(form, "name"),
        type=_text(form, "type") or None,
        level=_text(form, "level") or None,
        department=_text(form, "department") or None,
        unit=unit if unit is not None else base.project.unit,
        period_start=check("period_start", _year, "起始年度"),
        period_end=check("period_end", _year, "到期年度"),
        year=check("year", _year, "预算年度"),
        budget=check("budget", _budget),
        budget_unit=base.project.budget_unit,
        source=base.project.source,
    )
    if complete and not project.name:
        errors["name"] = "项目名称不能为空"
    if complete and not project.unit:
        errors["unit"] = "用款单位不能为空"
    columns = [_list(form, name) for name in ROW_FIELDS]
    if len({len(values) for values in columns}) > 1:
        errors["rows"] = "指标行不完整，请刷新页面后重试"
    if errors.get("rows"):
        raise FormErrors(errors)
    old_sources = {(i.level1, i.level2, i.name): i.source for i in base.indicators}
    # a new row has no line of its own: with the table's line it would sort to the top of the page
    new_source = replace(base.source, line=None, cell=None)
    indicators = [
        Indicator(
            level1=level1,
            level2=level2,
            name=name,
            period=parse_target(period, name),
            annual=parse_target(annual, name),
            source=old_sources.get((level1, level2, name), new_source),
        )
        for level1, level2, name, period, annual in zip(*columns, strict=True)
        if name or period or annual
    ]
    goals = Goals(period=_text(form, "goals_period"), annual=_text(form, "goals_annual"))
    table = Table(
        project=project,
        goals=goals,
        indicators=grouped(indicators),
        placeholders=base.placeholders,
        source=base.source,
    )
    if errors:
        raise FormErrors(errors, table)
    return table
