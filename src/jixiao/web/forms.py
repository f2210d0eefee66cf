"""The editor's form fields → a Table (values parsed with the 指标值 grammar)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from starlette.datastructures import FormData

from jixiao.model import Goals, Indicator, Project, Table
from jixiao.service import Invalid
from jixiao.values import parse_target


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _year(form: FormData, name: str, label: str) -> int | None:
    text = _text(form, name)
    if not text:
        return None
    if not text.isdigit() or not 1900 <= int(text) <= 2100:
        raise Invalid(f"{label}应为四位年份，而不是“{text}”")
    return int(text)


def _budget(form: FormData) -> Decimal | None:
    text = _text(form, "budget").replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise Invalid(f"预算金额应为数字（元），而不是“{text}”") from None
    if amount < 0 or not amount.is_finite():
        raise Invalid("预算金额不能为负数")
    return amount.quantize(Decimal("0.01"))


def _list(form: FormData, name: str) -> list[str]:
    return [value.strip() if isinstance(value, str) else "" for value in form.getlist(name)]


def table_from_form(form: FormData, base: Table) -> Table:
    """The edited table; fields the form does not carry (sources, budget unit) come from ``base``."""
    project = Project(
        name=_text(form, "name"),
        type=_text(form, "type") or None,
        level=_text(form, "level") or None,
        department=_text(form, "department") or None,
        unit=base.project.unit,  # the 用款单位 decides who owns the table: not editable here
        period_start=_year(form, "period_start", "起始年度"),
        period_end=_year(form, "period_end", "到期年度"),
        year=_year(form, "year", "预算年度"),
        budget=_budget(form),
        budget_unit=base.project.budget_unit,
        source=base.project.source,
    )
    if not project.name:
        raise Invalid("项目名称不能为空")
    level1s, level2s = _list(form, "level1"), _list(form, "level2")
    names, periods, annuals = _list(form, "indicator"), _list(form, "period"), _list(form, "annual")
    if not len(level1s) == len(level2s) == len(names) == len(periods) == len(annuals):
        raise Invalid("指标行不完整，请刷新页面后重试")
    old_sources = {(i.level1, i.level2, i.name): i.source for i in base.indicators}
    indicators = tuple(
        Indicator(
            level1=level1,
            level2=level2,
            name=name,
            period=parse_target(period, name),
            annual=parse_target(annual, name),
            source=old_sources.get((level1, level2, name), base.source),
        )
        for level1, level2, name, period, annual in zip(
            level1s, level2s, names, periods, annuals, strict=True
        )
        if name or period or annual
    )
    goals = Goals(period=_text(form, "goals_period"), annual=_text(form, "goals_annual"))
    return Table(
        project=project,
        goals=goals,
        indicators=indicators,
        placeholders=base.placeholders,
        source=base.source,
    )
