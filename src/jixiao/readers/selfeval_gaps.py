"""Rows of a published 自评表 that print fewer cells than their header: where each figure belongs.

Text copied from a web page keeps only the cells that held something, so a row may be shorter than
the header above it: ``指标1：工程质量合格 10 10`` under 三级指标/年度指标值/实际完成值/分值/得分 printed no
target and no actual, and its two figures are the 分值 and the 得分; ``年度资金总额： 640 640 640 10 10``
under 年初预算数/全年预算数/全年执行数/分值/执行率/得分 left the 执行率 blank, and its last figure is the
得分 (a rate is printed with ``%``). These rules place such cells; full rows are left as they are.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import SourceRef
from jixiao.readers.selfeval_lines import number


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
