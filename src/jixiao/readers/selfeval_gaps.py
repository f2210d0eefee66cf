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
from jixiao.readers.selfeval_lines import INDICATOR_ROLES, fund_label, key, number


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
    cells_before = present[:-2]
    named = lead.index("name") + 1 if "name" in lead else len(lead)
    if lead[-1:] == ["actual"] and len(cells_before) > named:
        # 减轻学生家庭经济负担 | 有效 | 有效 | 10 | 10: the cell before the figures is the actual
        placed = list(zip(lead[:-1], cells_before[:-1], strict=False))
        return [*placed, ("actual", cells_before[-1]), ("weight", present[-2]), ("score", present[-1])]
    placed = list(zip(lead, cells_before, strict=False))
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


def dropped_leading(cells: list[str], roles: list[str], start: int, shift: int) -> int:
    """How many leading fund columns a text table left out of its rows: a short row whose rate
    (the figure with ``%``) stands before the 执行率 column ``412530 | 412530 | 10 | 100% | 10``
    under 年初预算数/全年预算数/全年执行数/分值/执行率/得分 lost its first column; later rows of the
    same block without a rate keep the shift found."""
    if "rate" not in roles or len(cells) - start >= len(roles):
        return shift
    at = next((j for j in range(start, len(cells)) if "%" in cells[j] and number(cells[j]) is not None), None)
    if at is None:
        return shift
    return max(roles.index("rate") - (at - start), 0)


_SUB_HEADER = ("指标性质", "指标值", "度量单位", "计量单位")
_LEVELS = ("一级指标", "二级指标", "三级指标")


def _header_keys(row: Row) -> list[str]:
    return [key(c) for c in row.cells]


def join_split_header(rows: list[Row]) -> list[Row]:
    """A two-row header on two lines (``绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | …`` over
    ``一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位``) as one line, for `unflatten`."""
    out: list[Row] = []
    for row in rows:
        keys = _header_keys(row)
        before = _header_keys(out[-1]) if out else []
        grid = (
            bool(row.cell_sources) and row.cell_sources is not None and row.cell_sources[0].cell is not None
        )
        if (
            out
            and not grid
            and any(k in _LEVELS for k in keys)
            and any(k in _SUB_HEADER for k in keys)
            and "年度指标值" in before
            and not any(k in _LEVELS for k in before)
        ):
            last = out.pop()
            sources = (last.cell_sources or ()) + (row.cell_sources or ())
            out.append(replace(last, cells=last.cells + row.cells, cell_sources=sources or None))
            continue
        if out and not grid and _header_wrapped_after_target(before, keys):
            last = out.pop()
            kept = len(last.cells) - next(i for i, c in enumerate(reversed(last.cells)) if c.strip())
            more = [i for i, c in enumerate(row.cells) if c.strip()]
            cells = last.cells[:kept] + tuple(row.cells[i] for i in more)
            joined: tuple[SourceRef, ...] | None = None
            if last.cell_sources is not None and row.cell_sources is not None:
                joined = last.cell_sources[:kept] + tuple(row.cell_sources[i] for i in more)
            out.append(replace(last, cells=cells, cell_sources=joined))
            continue
        out.append(row)
    return out


_SCORE_SIDE = {"actual", "weight", "score", "reason", "share", "single"}


def _header_wrapped_after_target(before: list[str], keys: list[str]) -> bool:
    """``一级指标 | 二级指标 | 三级指标 | 年度 指标值`` then ``实际 完成值 | 分值 | 得分 | 偏差原因…``:
    one header row broken after its target column (a page flattened with its cells' line breaks)."""
    above = {INDICATOR_ROLES[k] for k in before if k in INDICATOR_ROLES}
    here = [k for k in keys if k]
    if "name" not in above or above & _SCORE_SIDE or len(here) < 2:
        return False
    return all(INDICATOR_ROLES.get(k) in _SCORE_SIDE for k in here)


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
    for row in join_split_header(rows):
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


_DASHES = ("—", "-", "——", "/", "－")


def _leads_with_figure(row: Row) -> bool:
    """The line opens with an amount or a dash (a small whole number may be a row's serial: 1, 2…)."""
    first = next((c.strip() for c in row.cells if c.strip()), "")
    value = number(first)
    serial = value is not None and value == value.to_integral_value() and value < 100 and "." not in first
    return bool(first) and ((value is not None and not serial) or first in _DASHES)


def breaks_misplaced(rows: list[Row]) -> bool:
    """Text whose row breaks fell in the wrong places (a site's export: a fund row's label at the end
    of the line above, its amounts on the next): rows of a 自评表 open with a label, so two or more
    ``|`` lines opening with a figure or a dash mean the lines are no rows. Grid rows never qualify."""
    text_lines = [r for r in rows if not (r.cell_sources and r.cell_sources[0].cell is not None)]
    if len(text_lines) != len(rows) or any(r.source.page is not None for r in rows):
        return False
    return sum(1 for r in text_lines if len(r.cells) > 1 and _leads_with_figure(r)) >= 2


def one_cell_each(rows: list[Row]) -> list[Row]:
    """Every non-blank cell as a row of its own, for `rebuild_lines` to set the breaks again."""
    return [
        Row((cell.strip(),), r.source, columns_known=False) for r in rows for cell in r.cells if cell.strip()
    ]


def join_fund_labels(rows: list[Row]) -> list[Row]:
    """A fund row printed as its label on one line and its amounts on the next (``年度资金总额 |`` over
    ``| 40 | 39.2 | 10 | 98.00% | 9 |``, a flattened page) as one row. Grid rows keep their own."""
    out: list[Row] = []
    for row in rows:
        before = out[-1] if out else None
        if before is not None and _label_only(before) and _amounts_line(row):
            label = next(i for i, c in enumerate(before.cells) if c.strip())
            sources = (
                (_place(before, label), *(_place(row, i) for i in range(len(row.cells))))
                if before.cell_sources or row.cell_sources
                else None
            )
            out[-1] = replace(before, cells=(before.cells[label], *row.cells), cell_sources=sources)
            continue
        out.append(row)
    return out


def _is_text_row(row: Row) -> bool:
    grid = bool(row.cell_sources) and row.cell_sources is not None and row.cell_sources[0].cell is not None
    return not grid and row.source.page is None


def _label_only(row: Row) -> bool:
    filled = [c for c in row.cells if c.strip()]
    return _is_text_row(row) and len(filled) == 1 and fund_label(filled[0]) is not None


def _amounts_line(row: Row) -> bool:
    filled = [c for c in row.cells if c.strip()]
    return _is_text_row(row) and len(filled) >= 3 and number(filled[0]) is not None
