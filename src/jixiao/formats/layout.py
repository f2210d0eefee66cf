"""The official 项目绩效目标表 layout, independent of the output format.

The xlsx and PDF writers both print the same table: the project block, the goals and the indicator
tree. This module decides *what* goes where (labels, the order of tree rows, which cells span
which rows); the writers decide how it looks. Placeholder rows (a 二级 category with nothing under
it) are put back in their catalogue place among the indicators, as the official tables show them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jixiao.catalog import CENTRAL_2021, LEGACY_2015, Catalogue, canonical
from jixiao.model import Indicator, Placeholder, Project, Table

TITLE = "项目绩效目标表"
TREE_HEADER = ("绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值")
WEIGHT_HEADER = "权重"
PERIOD_GOAL_LABEL = "实施周期总目标"
FLAT_TITLE = "指标清单（分析用）"  # first cell of the analysts' sheet; readers skip that sheet
GOALS_LABEL = "总体绩效目标"

_CENT = Decimal("0.01")
_TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True, slots=True)
class TreeRow:
    """One row of the indicator tree as printed.

    ``level1_span`` is the number of rows the 一级 cell covers when this row starts a run of the
    same 一级 category, and 0 on the rows it covers; ``level2_span`` likewise for the 二级 cell.
    ``indicator`` is None for a placeholder row (a category with nothing under it).
    """

    level1: str
    level2: str
    name: str
    period: str
    annual: str
    weight: Decimal | None
    indicator: Indicator | None
    level1_span: int
    level2_span: int


def format_money(amount: Decimal) -> str:
    """``2480691`` → ``2,480,691.00``, as the published tables print 预算金额."""
    return f"{amount.quantize(_CENT, rounding=ROUND_HALF_UP):,.2f}"


def budget_amount(project: Project) -> Decimal | None:
    """The budget in the unit the table was written in (元 or 万元); the model keeps 元."""
    if project.budget is None:
        return None
    if project.budget_unit == "万元":
        return project.budget / _TEN_THOUSAND
    return project.budget


def budget_label(project: Project) -> str:
    """``2025年预算金额(元)``; without a known year just ``预算金额(元)``."""
    year = f"{project.year}年" if project.year is not None else ""
    return f"{year}预算金额({project.budget_unit})"


def annual_goal_label(project: Project) -> str:
    """The heading of the annual-goal block: "2025年度目标", or "年度目标" when the year is unknown."""
    return f"{project.year}年度目标" if project.year is not None else "年度目标"


def project_fields(project: Project) -> list[tuple[str, str]]:
    """The simple label/value rows of the project block, in the official order."""
    return [
        ("项目名称", project.name),
        ("项目类型", project.type or ""),
        ("项目等级", project.level or ""),
        ("主管部门", project.department or ""),
        ("用款单位", project.unit or ""),
    ]


def year_text(year: int | None) -> str:
    """The year as text, empty when unknown."""
    return "" if year is None else str(year)


def has_weights(tables: Sequence[Table]) -> bool:
    """True if any indicator of any table carries a 权重 (weight column needed)."""
    return any(i.weight is not None for t in tables for i in t.indicators)


def format_weight(weight: Decimal | None) -> str:
    """A weight as plain decimal text without trailing zeros, empty when None."""
    return "" if weight is None else format(weight.normalize(), "f")


def _catalogue_for(table: Table) -> Catalogue:
    """The legacy framework when a pair only it knows (成本指标 under 产出) is used, else the current."""
    pairs = [(i.level1, i.level2) for i in table.indicators]
    pairs += [(p.level1, p.level2 or "") for p in table.placeholders]
    for level1, level2 in pairs:
        if canonical(level2) not in CENTRAL_2021.level2_names(level1) and canonical(
            level2
        ) in LEGACY_2015.level2_names(level1):
            return LEGACY_2015
    return CENTRAL_2021


def _rank(catalogue: Catalogue, level1: str, level2: str | None) -> tuple[int, int]:
    """Catalogue position of a category; unknown names sort after the known ones."""
    names1 = catalogue.level1_names
    key1 = canonical(level1)
    if key1 not in names1:
        return (len(names1), 0)
    index1 = names1.index(key1)
    if level2 is None:
        return (index1, -1)
    names2 = catalogue.level2_names(key1)
    key2 = canonical(level2)
    return (index1, names2.index(key2) if key2 in names2 else len(names2))


def _ordered_entries(table: Table) -> list[Indicator | Placeholder]:
    """Indicators in their own order, each placeholder inserted before the first indicator that
    the catalogue puts after it (so 社会成本指标 lands between 经济成本 and 产出)."""
    catalogue = _catalogue_for(table)
    ranks = [_rank(catalogue, i.level1, i.level2) for i in table.indicators]
    slots: dict[int, list[Placeholder]] = {}
    for placeholder in table.placeholders:
        rank = _rank(catalogue, placeholder.level1, placeholder.level2)
        position = next((n for n, r in enumerate(ranks) if r > rank), len(ranks))
        slots.setdefault(position, []).append(placeholder)
    entries: list[Indicator | Placeholder] = []
    for position in range(len(table.indicators) + 1):
        entries.extend(slots.get(position, ()))
        if position < len(table.indicators):
            entries.append(table.indicators[position])
    return entries


def tree_rows(table: Table) -> list[TreeRow]:
    """The indicator tree as printed rows, with the spans of the merged 一级/二级 cells."""
    plain: list[tuple[str, str, Indicator | None]] = []
    for entry in _ordered_entries(table):
        if isinstance(entry, Indicator):
            plain.append((entry.level1, entry.level2, entry))
        else:
            plain.append((entry.level1, entry.level2 or "", None))
    spans1 = _run_spans([level1 for level1, _, _ in plain])
    # A placeholder's 二级 cell never merges with a neighbour: it is its own row by definition.
    keys2 = [
        (level1, level2, n if indicator is None or not level2 else -1)
        for n, (level1, level2, indicator) in enumerate(plain)
    ]
    spans2 = _run_spans(keys2)
    rows: list[TreeRow] = []
    for (level1, level2, indicator), span1, span2 in zip(plain, spans1, spans2, strict=True):
        rows.append(
            TreeRow(
                level1=level1,
                level2=level2,
                name=indicator.name if indicator else "",
                period=indicator.period.raw if indicator else "",
                annual=indicator.annual.raw if indicator else "",
                weight=indicator.weight if indicator else None,
                indicator=indicator,
                level1_span=span1,
                level2_span=span2,
            )
        )
    return rows


def _run_spans(keys: Sequence[object]) -> list[int]:
    """For each position, the length of the run of equal keys it starts, or 0 inside a run."""
    spans = [0] * len(keys)
    start = 0
    for n in range(1, len(keys) + 1):
        if n == len(keys) or keys[n] != keys[start]:
            spans[start] = n - start
            start = n
    return spans
