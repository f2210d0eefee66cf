"""Rows of a published 自评表 that print fewer cells than their header: where each figure belongs.

Text copied from a web page keeps only the cells that held something, so a row may be shorter than
the header above it: ``指标1：工程质量合格 10 10`` under 三级指标/年度指标值/实际完成值/分值/得分 printed no
target and no actual, and its two figures are the 分值 and the 得分; ``年度资金总额： 640 640 640 10 10``
under 年初预算数/全年预算数/全年执行数/分值/执行率/得分 left the 执行率 blank, and its last figure is the
得分 (a rate is printed with ``%``). These rules place such cells; full rows are left as they are.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from jixiao.model import SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.selfeval_lines import INDICATOR_ROLES, key, number


def short_row_places(
    cells: list[str], first_at: int, roles: list[str], places: list[tuple[str, int]]
) -> list[tuple[str, int]]:
    """For a text row shorter than its header, the leading cells take the leading roles in order and
    the last two figures the 分值 and 得分; any other row keeps ``places``."""
    core = roles[: roles.index("score") + 1] if "score" in roles else roles
    if "weight" not in core or core.index("weight") != len(core) - 2:
        return places  # only where 分值 stands just before 得分
    if len(cells) - first_at >= len(core):
        return places  # the row kept its cells (blank ones too): its places are right
    present = [j for j in range(first_at, len(cells)) if cells[j].strip()]
    if len(present) < 3:
        return places
    if any(number(cells[j]) is None for j in present[-2:]):
        return places
    lead = [r for r in core[:-2]]
    placed = list(zip(lead, present[:-2], strict=False))
    return [*placed, ("weight", present[-2]), ("score", present[-1])]


def missing_rate(
    cells: list[str],
    roles: list[str],
    start: int,
    values: dict[str, Decimal | None],
    refs: list[tuple[str, SourceRef]],
) -> tuple[dict[str, Decimal | None], list[tuple[str, SourceRef]]]:
    """A fund row whose 执行率 cell is missing: the figure read as the rate has no ``%`` and nothing
    follows it, so it is the 得分."""
    if "rate" not in roles or "score" not in roles or values.get("score") is not None:
        return values, refs
    at = start + roles.index("rate")
    if at >= len(cells) or "%" in cells[at] or values.get("rate") is None:
        return values, refs
    if any(c.strip() for c in cells[at + 1 :]):
        return values, refs
    moved = {**values, "score": values["rate"], "rate": None}
    return moved, [(("score" if role == "rate" else role), ref) for role, ref in refs]


_SUB_HEADER = ("指标性质", "指标值", "度量单位", "计量单位")
_LEVELS = ("一级指标", "二级指标", "三级指标")


def unflatten(rows: list[Row]) -> list[Row]:
    """Text rows where a web page's two header rows and the first data row ran into one line.

    ``绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | … | 一级指标 | 二级指标 | 三级指标 |
    指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 受益学生人数 | ≧ | 782 | …``: the
    second header row splits 年度指标值 into 指标性质/指标值/度量单位 and names the levels. The
    header is laid out again in the grid's order (levels, the split target, then the first
    row's other columns) and the cells after it become a row of their own. A row whose 总分
    stands after words (``其他需要说明事项 | 无 | 总分 | 100 | 97 | 优``) is read from its 总分.
    Workbook and ruled-PDF rows keep their columns and are left as they are."""
    out: list[Row] = []
    for row in rows:
        if row.cell_sources is not None and row.cell_sources[:1] and row.cell_sources[0].cell is not None:
            out.append(row)
            continue
        out.extend(_split(row))
    return out


def _split(row: Row) -> list[Row]:
    keys = [key(c) for c in row.cells]
    total_at = next((i for i, k in enumerate(keys) if k == "总分"), None)
    if total_at is not None and total_at > 0 and all(number(c) is None for c in row.cells[:total_at]):
        return [replace(row, cells=row.cells[total_at:], cell_sources=_sources(row, total_at, None))]
    if "年度指标值" not in keys or not any(k in keys for k in _SUB_HEADER):
        return [row]
    target_at = keys.index("年度指标值")
    sub_at = [i for i, k in enumerate(keys) if k in _SUB_HEADER and i > target_at]
    level_at = [i for i, k in enumerate(keys) if k in _LEVELS and i > target_at]
    if not sub_at or not level_at:
        return [row]
    first_group = [i for i in range(target_at + 1, min(level_at)) if keys[i] in INDICATOR_ROLES]
    end = max(sub_at + level_at) + 1
    order = [*level_at, *sub_at, *first_group]
    header = replace(
        row,
        cells=tuple(row.cells[i] for i in order),
        cell_sources=tuple(_place(row, i) for i in order) if row.cell_sources else None,
    )
    rest = row.cells[end:]
    if not any(c.strip() for c in rest):
        return [header]
    return [header, replace(row, cells=rest, cell_sources=_sources(row, end, None))]


def _place(row: Row, index: int) -> SourceRef:
    return row.cell_sources[index] if row.cell_sources and index < len(row.cell_sources) else row.source


def _sources(row: Row, start: int, end: int | None) -> tuple[SourceRef, ...] | None:
    return None if row.cell_sources is None else row.cell_sources[start:end]
