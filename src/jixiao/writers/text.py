"""The canonical printer: tables → tab-separated text in the official layout, as the seed prints.

`read_text(print_tables(tables))` gives the same tables back (a tested round trip). Indicators and
empty placeholder categories are printed in source order, 一级/二级 only where they change, as the
merged cells of the printed table read.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from jixiao.model import Indicator, Placeholder, Table
from jixiao.values import format_target

TITLE = "项目绩效目标表"
HEADER = ("绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值")


def format_amount(amount: Decimal) -> str:
    """Money as the tables print it: thousands separators and at least two decimals."""
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        return f"{amount:,f}"
    return f"{amount:,.2f}"


def budget_label(table: Table) -> str:
    """The budget column's label, e.g. 2025年预算金额(万元)."""
    project = table.project
    year = f"{project.year}年" if project.year is not None else ""
    return f"{year}预算金额({project.budget_unit})"


def budget_text(table: Table) -> str:
    """The table's budget as text in its budget unit, empty when unknown."""
    project = table.project
    if project.budget is None:
        return ""
    amount = project.budget / 10000 if project.budget_unit == "万元" else project.budget
    return format_amount(amount)


def tree_rows(table: Table) -> list[Indicator | Placeholder]:
    """Indicators and placeholders in the order the table shows them (by source line, stable)."""
    rows: list[Indicator | Placeholder] = [*table.indicators, *table.placeholders]
    if all(r.source.line is not None for r in rows):
        rows.sort(key=lambda r: r.source.line or 0)
    return rows


def print_table(table: Table) -> str:
    """One 绩效目标表 as tab-separated text in the official layout."""
    p = table.project
    annual_goal_label = f"{p.year}年度目标" if p.year is not None else "年度目标"
    lines = [
        "",
        TITLE,
        "",
        f"项目名称\t{p.name}",
        f"项目类型\t{p.type or ''}",
        f"项目等级\t{p.level or ''}",
        f"主管部门\t{p.department or ''}",
        f"用款单位\t{p.unit or ''}",
        f"实施周期\t起始年度\t{p.period_start or ''}\t到期年度\t{p.period_end or ''}",
        f"{budget_label(table)}\t{budget_text(table)}",
        "总体绩效目标\t实施周期总目标",
        f"\t{table.goals.period}",
        f"\t{annual_goal_label}",
        f"\t{table.goals.annual}",
        "\t".join(HEADER),
    ]
    level1: str | None = None
    level2: str | None = None
    for row in tree_rows(table):
        first = row.level1 if row.level1 != level1 else ""
        second = row.level2 or ""
        if row.level1 == level1 and row.level2 == level2:
            second = ""
        level1, level2 = row.level1, row.level2
        if isinstance(row, Placeholder):
            lines.append(f"\t{first}\t{second}\t\t\t")
        else:
            period, annual = format_target(row.period), format_target(row.annual)
            lines.append(f"\t{first}\t{second}\t{row.name}\t{period}\t{annual}")
    return "\n".join(lines) + "\n"


def print_tables(tables: Iterable[Table]) -> str:
    """Several tables as text, one after the other."""
    return "".join(print_table(t) for t in tables)
