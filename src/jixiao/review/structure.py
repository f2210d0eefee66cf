"""结构: names in the right column and level, indicators under the right category, no duplicates.

The layout rules read `RowLayout` (each non-empty cell with the column it stood in, from the header).
Readers that cannot see columns leave the layout out, and then these rules stay silent. A name in
the wrong column is a defect of the published layout, not of the content — the reader recovered the
meaning — so those findings are 提示 (info); a row outside the indicator tree is 警告 because its
category had to be guessed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from jixiao import catalog
from jixiao.model import Op, RowLayout, SourceRef, Table
from jixiao.review.common import (
    Hit,
    is_cost,
    level1_of,
    level2_of,
    match_text,
    money_factor,
    names_satisfaction,
    per_unit_cost,
)
from jixiao.review.profiles import Profile

LEVEL1_COLUMN = "一级指标"
LEVEL2_COLUMN = "二级指标"
LEVEL3_COLUMN = "三级指标"
HEAD_COLUMN = "绩效指标"


@lru_cache(maxsize=4096)
def _expected_column(text: str) -> str | None:
    """The column a category name belongs in, or None when the text is not a category name."""
    if not catalog.is_category_name(text):
        return None
    return LEVEL1_COLUMN if catalog.is_level1_name(text) else LEVEL2_COLUMN


def _misplaced_categories(layout: RowLayout) -> list[tuple[str, str, str]]:
    """(text, column it stood in, column it belongs in) for category names out of place."""
    out = []
    for role, text in layout.cells:
        if role is None:
            continue
        expected = _expected_column(text)
        if expected is not None and role != expected:
            out.append((text, role, expected))
    return out


@dataclass(frozen=True, slots=True)
class _RowView:
    """One row with a layout: its line, the indicator's name (None for a placeholder), where that name
    stood, and the category names out of place."""

    source: SourceRef
    name: str | None
    name_column: str | None
    misplaced: tuple[tuple[str, str, str], ...]


# The three layout rules read the same rows of the same table one after the other: keep the last.
_last: list[tuple[Table, list[_RowView]]] = []


def _rows(table: Table) -> list[_RowView]:
    cached = _last[:1]  # one read: another thread may replace it meanwhile
    if cached and cached[0][0] is table:
        return cached[0][1]
    rows = []
    for ind in table.indicators:
        if ind.layout is not None:
            column = ind.layout.role_of(ind.name) if ind.name else None
            rows.append(_RowView(ind.source, ind.name, column, tuple(_misplaced_categories(ind.layout))))
    for ph in table.placeholders:
        if ph.layout is not None:
            rows.append(_RowView(ph.source, None, None, tuple(_misplaced_categories(ph.layout))))
    rows.sort(key=lambda r: r.source.line or 0)
    _last[:] = [(table, rows)]
    return rows


def _describe(items: Sequence[tuple[str, str, str]]) -> str:
    return "；".join(f"“{text}”在{role}列（应在{expected}列）" for text, role, expected in items)


def category_in_wrong_column(table: Table, profile: Profile) -> Iterator[Hit]:
    """类别名称应在它所属的列：一级指标名称在“一级指标”列，二级指标名称在“二级指标”列。

    例如“时效指标”（二级）写在一级指标列、“满意度指标”（一级）写在“绩效指标”列。同一行中三级指标
    名称的错位一并列出。
    """
    for row in _rows(table):
        if not row.misplaced:
            continue
        misplaced = list(row.misplaced)
        if row.name and row.name_column not in (None, LEVEL3_COLUMN):
            misplaced.append((row.name, row.name_column, LEVEL3_COLUMN))
        yield Hit(row.source, f"本行名称错位：{_describe(misplaced)}", row.name)


def name_in_category_column(table: Table, profile: Profile) -> Iterator[Hit]:
    """三级指标名称应在“三级指标”列；写在一级或二级指标列时报告（整行错位由 JX-S01 报告）。"""
    for row in _rows(table):
        if row.name_column in (LEVEL1_COLUMN, LEVEL2_COLUMN) and not row.misplaced:
            yield Hit(row.source, f"三级指标“{row.name}”写在{row.name_column}列（应在三级指标列）", row.name)


def row_outside_tree(table: Table, profile: Profile) -> Iterator[Hit]:
    """指标行应在指标树内；三级指标名称写在“绩效指标”列的行（表尾多出的一行）须核实归属。"""
    for ind in table.indicators:
        if ind.layout is not None and ind.name and ind.layout.role_of(ind.name) == HEAD_COLUMN:
            where = f"{catalog.canonical(ind.level1)}/{catalog.canonical(ind.level2)}"
            yield Hit(
                ind.source,
                f"“{ind.name}”一行在指标树之外（写在“绩效指标”列），读取时归入{where}，请核实",
                ind.name,
            )


def wrong_category(table: Table, profile: Profile) -> Iterator[Hit]:
    """指标应放在与其内容相符的类别下：满意度类指标放在满意度指标下；金额类成本指标放在成本指标下，
    不放在产出指标的数量、质量、时效下。"""
    for ind in table.indicators:
        level1 = level1_of(ind)
        if level1 != catalog.SATISFACTION and names_satisfaction(ind.name):
            yield Hit(
                ind.source,
                f"满意度类指标“{ind.name}”放在了{level1}/{level2_of(ind)}下，应放在满意度指标下",
                ind.name,
            )
            continue
        target = ind.annual if not ind.annual.is_empty else ind.period
        # A money ceiling or a unit cost is a cost standard; an amount to reach (≥500万元 paid out)
        # can be an output, so only ceilings are reported.
        ceiling = money_factor(target.unit) is not None and target.op in (Op.LE, Op.LT)
        is_money = ceiling or per_unit_cost(target) is not None
        if is_money and level1 == catalog.OUTPUT and not is_cost(ind):
            yield Hit(
                ind.source,
                f"金额类指标“{ind.name}”（{target.raw}）放在了{level1}/{level2_of(ind)}下，应放在成本指标下",
                ind.name,
            )


def category_not_in_framework(table: Table, profile: Profile) -> Iterator[Hit]:
    """一级、二级指标应来自所用框架的指标目录（按审核配置），且二级指标应属于其一级指标。"""
    cat = profile.catalogue
    tree = dict(cat.tree)
    seen: set[tuple[str, str]] = set()
    for ind in sorted(table.indicators, key=lambda i: i.source.line or 0):
        level1, level2 = level1_of(ind), level2_of(ind)
        if (level1, level2) in seen:
            continue
        seen.add((level1, level2))
        if level1 not in tree:
            yield Hit(ind.source, f"一级指标“{level1}”不在{cat.title}的目录中", ind.name)
        elif level2 not in tree[level1]:
            yield Hit(ind.source, f"二级指标“{level2}”不属于{cat.title}中的“{level1}”", ind.name)


def duplicate_indicators(table: Table, profile: Profile) -> Iterator[Hit]:
    """同一张表中不应有名称相同的两个三级指标。"""
    first: dict[str, int | None] = {}
    for ind in sorted(table.indicators, key=lambda i: i.source.line or 0):
        key = match_text(ind.name)
        if not key:
            continue
        if key in first:
            yield Hit(ind.source, f"指标“{ind.name}”与第{first[key]}行重复", ind.name)
        else:
            first[key] = ind.source.line


def empty_categories(table: Table, profile: Profile) -> Iterator[Hit]:
    """没有三级指标的类别行（如“社会成本指标”下为空）列出供核实是否确实不适用；每张表一条提示。"""
    items = [p for p in table.placeholders if p.level2 or p.level1]
    if not items:
        return
    items.sort(key=lambda p: p.source.line or 0)
    names = "、".join(
        f"{catalog.canonical(p.level2 or p.level1)}（第{p.source.line}行）"
        if p.source.line
        else catalog.canonical(p.level2 or p.level1)
        for p in items
    )
    yield Hit(items[0].source, f"{len(items)}个类别没有三级指标：{names}")


def duplicate_tables(tables: Sequence[Table], profile: Profile) -> Iterator[tuple[int, Hit]]:
    """同一批材料中，同一项目同一年度的目标表只应出现一次。"""
    first: dict[tuple[str, int | None], int] = {}
    for index, table in enumerate(tables):
        key = (match_text(table.project.name), table.project.year)
        if not key[0]:
            continue
        if key in first:
            earlier = tables[first[key]]
            where = str(earlier.source)
            line = table.project.line_of("name")
            yield (
                index,
                Hit(
                    line,
                    f"项目“{table.project.name}”{table.project.year or ''}年度的目标表重复（另见{where}）",
                ),
            )
        else:
            first[key] = index
