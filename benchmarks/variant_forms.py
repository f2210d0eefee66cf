"""Meaning-preserving rewrites of a target table's grid (`python -m benchmarks variants`).

A grid is the rows of cells the corpus reader gives for the original document: only a starting point.
Each transformation rewrites it so that the document's hand-written golden still holds unchanged; one
that could change what the golden needs returns None for that document (it is not tried there).
Two kinds, both data where they can be:

- ``CARRIERS``: how the same rows are written — cell separators of flattened text, HTML, xlsx, docx,
  a PDF's text (the writers of `benchmarks.selfeval_forms`, one place);
- ``CONTENT``: what the rows say — header labels swapped for synonyms of the reader's own registries
  (`readers.roles.SYNONYMS`, `readers.labels`), extra columns moved or dropped, the 一级 written once
  at another row of its group or not at all, a preamble and a portal footer, a page marker with the
  header repeated. These are written in the tab carrier, so each measures one change at a time.

Only for measuring the readers; nothing here is read by jixiao.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jixiao import catalog
from jixiao.readers import roles
from jixiao.readers.labels import _LABELS, Label, label_key, label_of, year_in

Grid = list[list[str]]

# Text carriers: (name, separator between cells of a row, line after a row, whether empty cells stay).
TEXT_CARRIERS: dict[str, tuple[str, str, bool]] = {
    "tab": ("\t", "", True),
    "pipes": (" | ", "", True),  # ``|`` between the cells of one line (flattened HTML)
    "cell-bars": ("\n", "", True),  # one cell per line, each ending `` |`` (written in `text_of`)
    "spaces": ("    ", "", False),  # runs of spaces between cells, empty cells lost
    "cell-lines": ("\n", "\n", False),  # one cell per line, a blank line between rows
}
FILE_CARRIERS = ("html", "xlsx", "docx", "pdf-text")

# Extra columns: roles the golden never reads from (their cells may be dropped) and those it may
# read a value part from (度量单位, 指标性质: moved only).
DROPPABLE_ROLES = (
    "text:备注",
    "text:绩效标准",
    "text:指标解释",
    "text:评分标准",
    "text:取值依据",
    roles.WEIGHT,
)
MOVABLE_ROLES = (*DROPPABLE_ROLES, roles.UNIT, roles.OP)

PREAMBLE = (
    "首页 > 信息公开 > 财政信息 > 预决算公开",
    "发布时间：见正文  来源：本单位  浏览次数：",
    "根据预算公开的有关规定，现将本单位项目支出绩效目标公开如下。",
)
FOOTER = (
    "扫一扫在手机打开当前页",
    "主办单位：本单位办公室  技术支持：信息中心",
    "网站标识码：0000000000  备案号：某ICP备00000000号",
)
PAGE_MARKER = "— 2 —"


def text_of(grid: Grid, carrier: str) -> str:
    """The grid written in one text carrier."""
    separator, after, keep_empty = TEXT_CARRIERS[carrier]
    lines = []
    for row in grid:
        cells = [" ".join(cell.split()) for cell in row]
        cells = cells if keep_empty else [c for c in cells if c]
        if not cells:
            continue
        if carrier == "cell-bars":
            lines.append("\n".join(f"{c} |" for c in cells))
        else:
            lines.append(separator.join(cells))
        if after:
            lines.append("")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Block:
    """Where the indicator block lies: its header row, its last row, and each column's role."""

    header: int
    end: int  # exclusive
    columns: dict[int, str]


def _role(cell: str) -> str | None:
    return roles.role_of(label_key(cell)) if cell and len(cell) <= 24 else None


def indicator_block(grid: Grid) -> Block | None:
    """The first header row naming an annual value column and a tree column, and the rows under it up
    to the first row of another width or a footer; None where the grid has no clear block."""
    for n, row in enumerate(grid):
        columns = {c: r for c, cell in enumerate(row) if (r := _role(cell)) is not None}
        found = set(columns.values())
        if roles.ANNUAL in found and found & roles.TREE_ROLES:
            end = n + 1
            while end < len(grid) and len(grid[end]) == len(row) and _role(grid[end][0]) is None:
                end += 1
            if list(columns.values()).count(roles.ANNUAL) == 1:
                return Block(n, end, columns)
            return None
    return None


def _column_of(block: Block, role: str) -> int | None:
    return next((c for c, r in block.columns.items() if r == role), None)


# -- header synonyms (the reader's own registries) ------------------------------------------------------


def _plain(key: str) -> bool:
    return "YYYY" not in key and "(" not in key and key not in roles.WEAK_HEADERS


def role_synonyms(role: str) -> list[str]:
    return [key for key in roles.SYNONYMS[role] if _plain(key)]


def label_synonyms(label: Label) -> list[str]:
    return [key for key, value in _LABELS.items() if value is label and _plain(key) and ":" not in key]


def swap_role_header(grid: Grid, golden: dict[str, Any], role: str, pick: int) -> Grid | None:
    block = indicator_block(grid)
    column = _column_of(block, role) if block else None
    if block is None or column is None:
        return None
    choices = [s for s in role_synonyms(role) if s != label_key(grid[block.header][column])]
    out = [list(row) for row in grid]
    out[block.header][column] = choices[pick % len(choices)]
    return out


def swap_label(grid: Grid, golden: dict[str, Any], label: Label, pick: int) -> Grid | None:
    """Each cell that is exactly a ``label`` (项目名称, 主管部门, a budget label) written as a synonym;
    a unit in brackets (``(万元)``) is kept; a label carrying a year is not touched (the year is data)."""
    choices = label_synonyms(label)
    out = [list(row) for row in grid]
    changed = False
    for row in out:
        for c, cell in enumerate(row):
            if cell and len(cell) <= 24 and label_of(cell) is label and year_in(cell) is None:
                unit = next((u for u in ("(万元)", "(元)") if u in label_key(cell)), "")
                others = [s for s in choices if s != label_key(cell).removesuffix(unit)]
                row[c] = others[pick % len(others)] + unit
                changed = True
    return out if changed else None


# -- extra columns ---------------------------------------------------------------------------------------


def _squeezed(text: str | None) -> str:
    return "".join((text or "").split()).replace("（", "(").replace("）", ")")


def aligned_with_golden(grid: Grid, block: Block, golden: dict[str, Any]) -> bool:
    """Every golden indicator stands in the block's name column with its annual value (or a part of it)
    in the value column: the rows are under their headers, so moving a column moves what it means. A
    grid whose rows are shifted against the header (a merged cell left out) is not rewritten by column."""
    name_col, annual_col = _column_of(block, roles.LEVEL3), _column_of(block, roles.ANNUAL)
    if name_col is None or annual_col is None:
        return False
    rows = {_squeezed(grid[n][name_col]): grid[n][annual_col] for n in range(block.header + 1, block.end)}
    for table in golden.get("tables", []):
        for indicator in table.get("indicators", []):
            cell = rows.get(_squeezed(indicator.get("name")))
            raw = _squeezed((indicator.get("annual") or {}).get("raw"))
            if cell is None or (raw and (not _squeezed(cell) or _squeezed(cell) not in raw)):
                return False
    return True


def _reorder(grid: Grid, block: Block, order: list[int]) -> Grid:
    out = [list(row) for row in grid]
    for n in range(block.header, block.end):
        out[n] = [grid[n][c] for c in order]
    return out


def move_extras(grid: Grid, golden: dict[str, Any], where: str) -> Grid | None:
    """The extra columns (度量单位, 指标性质, 分值, 备注, 绩效标准…) moved to the end of the block or just
    after the indicator's name."""
    block = indicator_block(grid)
    if block is None or not aligned_with_golden(grid, block, golden):
        return None
    extras = [c for c, r in sorted(block.columns.items()) if r in MOVABLE_ROLES]
    if not extras:
        return None
    width = len(grid[block.header])
    rest = [c for c in range(width) if c not in extras]
    if where == "end":
        order = rest + extras
    else:
        name = _column_of(block, roles.LEVEL3)
        if name is None:
            return None
        at = rest.index(name) + 1
        order = rest[:at] + extras + rest[at:]
    if order == list(range(width)):
        return None
    return _reorder(grid, block, order)


def drop_extras(grid: Grid, golden: dict[str, Any]) -> Grid | None:
    """The columns the golden never reads (备注, 绩效标准, 分值…) dropped."""
    block = indicator_block(grid)
    if block is None or not aligned_with_golden(grid, block, golden):
        return None
    dropped = {c for c, r in block.columns.items() if r in DROPPABLE_ROLES}
    if not dropped:
        return None
    order = [c for c in range(len(grid[block.header])) if c not in dropped]
    return _reorder(grid, block, order)


# -- the 一级 written once -------------------------------------------------------------------------------


def _level1_inferable(golden: dict[str, Any]) -> bool:
    """Every indicator's 一级 follows from its 二级 in the catalogue (so leaving it out keeps the meaning)."""
    for table in golden.get("tables", []):
        for indicator in table.get("indicators", []):
            level1, level2 = indicator.get("level1") or "", indicator.get("level2") or ""
            parent = catalog.parent_in_any(catalog.canonical(level2)) if level2 else None
            if parent is None or catalog.canonical(parent) != catalog.canonical(level1):
                return False
    return True


def place_level1(grid: Grid, golden: dict[str, Any], where: str) -> Grid | None:
    """The 一级 of each group written once at its group's first, middle or last row, or nowhere."""
    block = indicator_block(grid)
    column = _column_of(block, roles.LEVEL1) if block else None
    if block is None or column is None or not aligned_with_golden(grid, block, golden):
        return None
    if where == "missing" and not _level1_inferable(golden):
        return None
    groups: list[tuple[str, list[int]]] = []
    for n in range(block.header + 1, block.end):
        cell = grid[n][column].strip()
        if cell and catalog.is_level1_name(cell) and (not groups or groups[-1][0] != cell):
            groups.append((cell, [n]))
        elif groups and (not cell or cell == groups[-1][0]):
            groups[-1][1].append(n)
        elif cell:
            return None  # a 一级 cell we do not recognise: not ours to move
    if not groups:
        return None
    out = [list(row) for row in grid]
    for name, rows in groups:
        for n in rows:
            out[n][column] = ""
        at = {"first": 0, "middle": (len(rows) - 1) // 2, "last": len(rows) - 1}.get(where)
        if at is not None:
            out[rows[at]][column] = name
    return out if out != grid else None


# -- around the table ------------------------------------------------------------------------------------


def add_furniture(grid: Grid, golden: dict[str, Any]) -> Grid | None:
    """A portal's preamble above the table and its footer below."""
    return [[line] for line in PREAMBLE] + [list(row) for row in grid] + [[line] for line in FOOTER]


def page_break(grid: Grid, golden: dict[str, Any]) -> Grid | None:
    """The indicator block cut in the middle by a page marker, the header row written again."""
    block = indicator_block(grid)
    annual = _column_of(block, roles.ANNUAL) if block else None
    if block is None or annual is None:
        return None
    between_indicators = [  # a cut where the rows on both sides hold an indicator's value
        n for n in range(block.header + 2, block.end) if grid[n][annual].strip() and grid[n - 1][annual]
    ]
    if not between_indicators:
        return None
    cut = between_indicators[len(between_indicators) // 2]
    return (
        [list(r) for r in grid[:cut]]
        + [[PAGE_MARKER], list(grid[block.header])]
        + [list(r) for r in grid[cut:]]
    )


Transform = Callable[[Grid, dict[str, Any]], "Grid | None"]


def _bind(function: Callable[..., Grid | None], *args: Any) -> Transform:
    return lambda grid, golden: function(grid, golden, *args)


CONTENT: dict[str, Transform] = {
    "annual-synonym-a": _bind(swap_role_header, roles.ANNUAL, 0),
    "annual-synonym-b": _bind(swap_role_header, roles.ANNUAL, 7),
    "annual-synonym-c": _bind(swap_role_header, roles.ANNUAL, 15),
    "name-header-synonym": _bind(swap_role_header, roles.LEVEL3, 3),
    "project-name-synonym": _bind(swap_label, Label.NAME, 1),
    "department-synonym": _bind(swap_label, Label.DEPARTMENT, 2),
    "budget-synonym": _bind(swap_label, Label.BUDGET, 3),
    "extras-to-end": _bind(move_extras, "end"),
    "extras-after-name": _bind(move_extras, "after-name"),
    "extras-dropped": drop_extras,
    "level1-first": _bind(place_level1, "first"),
    "level1-middle": _bind(place_level1, "middle"),
    "level1-last": _bind(place_level1, "last"),
    "level1-missing": _bind(place_level1, "missing"),
    "preamble-footer": add_furniture,
    "page-break": page_break,
}
