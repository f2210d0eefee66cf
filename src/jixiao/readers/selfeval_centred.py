"""A 自评表 PDF flattened to text (pdfplumber's ``extract_text``) whose cells are centred in their rows:
a cell wrapped onto two lines prints its first line above its row's line and its second below it::

    全年预算 执行
    项目资金 (万元) 年初预算数 全年执行数 分值 得分
    数 率
    …
    因路况引发的交通安
    效益指标(30分) 社会效益指标 0起 0起 15 15
    全事故

`join_centred` puts such cells back, only where the pieces prove it:

- a header line (it names three columns the reader knows) with a line of pieces above and one below,
  as many pieces each, where the n-th piece above and the n-th below make a column name the reader
  knows (``全年预算`` + ``数``, ``执行`` + ``率``, ``年度指标`` + ``值``) and no piece below is one by itself;
  each column goes where the template's fixed column order puts it among the header's named columns
  (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分; 一级 … 三级, 年度指标值, 实际完成值, 分值,
  得分, 原因), unless the rows under the header print another order and only one placement fits them
  (`selfeval_headorder`: 执行率 before 分值, 分值 before 年度指标值);
- an indicator row under such a header whose category labels are followed at once by its target (a
  figure or a sign), with one piece of words alone on the line above and one alone below: together
  they are the row's name, put after its labels.

Anything else is left as it was; nothing is joined on a guess.
"""

from __future__ import annotations

from dataclasses import replace

from jixiao import catalog
from jixiao.model import SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.selfeval_centred_pieces import (
    fund_label_back,
    grouped_tops,
    header_roles,
    join_points,
    measured,
    put_back,
    serial_name_at,
    short_of_a_cell,
)
from jixiao.readers.selfeval_headorder import placed_by_rows
from jixiao.readers.selfeval_lines import FUND_ROLES, INDICATOR_ROLES, key, number
from jixiao.readers.selfeval_segment import is_grid
from jixiao.readers.selfeval_wrapped import join_spaced

_FUND_ORDER = ("initial", "budget", "executed", "weight", "rate", "score", "reason")
_INDICATOR_ORDER = (
    "level1",
    "level2",
    "name",
    "nature",
    "target",
    "value",
    "unit",
    "actual",
    "weight",
    "share",
    "single",
    "score",
    "reason",
)
_SIGNS = ("≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦")
_BLOCK_LABELS = ("项目资金", "资金情况", "年度资金", "预算资金", "年度预算资金", "预算执行", "年度预算申请")
_TITLE_WORDS = ("整体", "绩效", "支出", "自评")
_LONGEST_PIECE = 24  # characters: a wrapped cell's line is short


def _roles(row: Row) -> tuple[dict[str, str], tuple[str, ...]] | None:
    """The role table and column order a header row follows, or None when it is no header."""
    keys = [key(c) for c in row.cells]
    if sum(1 for k in keys if k in INDICATOR_ROLES) >= 3 and {"一级指标", "三级指标", "指标名称"} & set(keys):
        return INDICATOR_ROLES, _INDICATOR_ORDER
    if sum(1 for k in keys if k in FUND_ROLES) >= 3:
        return FUND_ROLES, _FUND_ORDER
    return None


def _known_column(text: str) -> bool:
    return key(text) in INDICATOR_ROLES or key(text) in FUND_ROLES or key(text) in _BLOCK_LABELS


def _pieces(row: Row) -> list[str]:
    cells = [c.strip() for c in row.cells if c.strip()]
    if is_grid(row) or not cells or any(len(c) > _LONGEST_PIECE or number(c) is not None for c in cells):
        return []
    return cells


def _joined_header(header: Row, above: Row, below: Row, under: list[Row]) -> Row | None:
    """The header with its centred two-line cells put back in their columns, or None. ``under``: the
    rows below it, asked where the template's order and the table's differ (`selfeval_headorder`)."""
    tops, bottoms = _pieces(above), _pieces(below)
    paired = len(tops) == len(bottoms) and all(
        _known_column(t + b) for t, b in zip(tops, bottoms, strict=True)
    )
    if tops and bottoms and not paired:  # a cell printed with a space: its pieces cut at the space
        tops = grouped_tops([t for top in tops for t in top.split()], bottoms, _known_column) or tops
    if not tops or len(tops) != len(bottoms):
        return None
    header = join_spaced([header])[0]  # 绩 效 指 标, 实际 完成值: labels printed with spaces
    # the header's line may name fewer than three columns when most of them wrapped
    joined = [top + bottom for top, bottom in zip(tops, bottoms, strict=True)]
    found = _roles(header) or _roles(replace(header, cells=(*header.cells, *joined)))
    if found is None:
        return None
    roles, order = found
    own = sum(1 for b in bottoms if key(b) in roles) * 2 > len(bottoms)  # a header line of its own
    cells = list(header.cells)
    pieces: list[tuple[str, str]] = []
    for n, (top, bottom) in enumerate(zip(tops, bottoms, strict=True)):
        role = roles.get(key(top + bottom))
        label = key(top + bottom) in _BLOCK_LABELS and (key(top) not in _BLOCK_LABELS or not key(bottom))
        if n == 0 and role is None and label:  # (a unit below a label whole above: 年度预算申请 / (万元))
            cells = [top + bottom, *cells]  # 项目资金（万 / 元）: the block's own label, the first column
            pieces.append((top + bottom, ""))
            continue
        if role not in order or own:
            return None  # the pieces do not make one column name, or the line below names columns itself
        cells = _placed(cells, top + bottom, role, roles, order)
        pieces.append((top + bottom, role or ""))
    named = [(c, roles.get(key(c), "")) for c in header.cells if c.strip()]
    if len(named) == len([c for c in header.cells]) and len({t for t, _ in named + pieces}) == len(cells):
        cells = placed_by_rows(named, pieces, cells, under) or cells
    return replace(header, cells=tuple(cells), cell_sources=None)


def _placed(
    cells: list[str], name: str, role: str, roles: dict[str, str], order: tuple[str, ...]
) -> list[str]:
    """``name`` put before the first named column that comes after its role in the template's order."""
    rank = order.index(role)
    for at, cell in enumerate(cells):
        other = roles.get(key(cell))
        if other in order and order.index(other) > rank:
            return [*cells[:at], name, *cells[at:]]
    return [*cells, name]


def _opens_with_target(row: Row) -> int | None:
    """Where a row's first value stands when its category labels are followed at once by a target
    (a figure or a sign): the row lacks its name there. None otherwise."""
    cells = [c.strip() for c in row.cells]
    at = 0
    while at < len(cells) and catalog.is_category_name(key(cells[at]) or "-"):
        at += 1
    if at >= len(cells) or (at == 0 and number(cells[0]) is None and not measured(cells[0])):
        return None  # a row without its categories opens with its 分值 (分值 before 年度指标值)
    first = cells[at]
    return at if first[:1].isdigit() or first.startswith(_SIGNS) else None


def _centred_cell_at(row: Row, joined: str) -> int | None:
    """Where a cell centred over the row's line goes back, or None: a name where the row's category
    labels are followed at once by its target; a 二级 category (``服务对象满意度`` / ``指标``) after the
    row's 一级 when a name follows it; a bound (``≥12万剂`` / ``次``) after the row's name when the row
    goes on with a figure (its actual)."""
    cells = [c.strip() for c in row.cells]
    k = key(joined)
    if catalog.is_category_name(k) and not catalog.is_level1_name(k):
        first = key(cells[0]) if cells else ""
        follows = cells[1] if len(cells) > 1 else ""
        named = follows and not catalog.is_category_name(key(follows)) and number(follows) is None
        return 1 if catalog.is_level1_name(first) and named and not follows.startswith(_SIGNS) else None
    if joined.startswith(_SIGNS):
        at = 0
        while at < len(cells) and catalog.is_category_name(key(cells[at]) or "-"):
            at += 1
        name = cells[at] if at < len(cells) else ""
        after = cells[at + 1] if at + 1 < len(cells) else ""
        if at and name and number(name) is None and not name.startswith(_SIGNS) and after[:1].isdigit():
            return at + 1
        return None
    return _opens_with_target(row)


def _wrapped_title(row: Row, below: Row | None) -> Row | None:
    """A title wrapped onto a second line (``部门整体支出绩效自`` / ``评表``, ``2021年度部门整`` /
    ``体绩效自评表``): the two lines as one, where only together they name a 自评表 (or a 部门整体 one)."""
    if below is None or is_grid(row) or len(row.cells) != 1 or len(below.cells) != 1:
        return None
    top, bottom = row.cells[0].strip(), below.cells[0].strip()
    whole = top + bottom
    if not top or not bottom or "自评表" in top or "自评表" not in whole or len(whole) >= 60:
        return None
    # a word of the title cut at the line's end (整体, 绩效: ``部门整体支出绩`` / ``效自评表``)
    cut = any(w in whole and w not in top and w not in bottom for w in _TITLE_WORDS)
    alone = "自评表" in bottom and len(bottom) > len("自评表")  # the second line a title of its own
    return replace(row, cells=(whole,)) if not alone or cut else None


def join_centred(rows: list[Row], apart: list[SourceRef] | None = None) -> list[Row]:
    """Rows of flattened PDF text with their centred two-line cells put back (see the module's note);
    the rows whose wrapped cell went back nowhere (`short_of_a_cell`) are appended to ``apart``."""
    apart = [] if apart is None else apart
    rows = join_spaced([join_points(row) for row in rows])  # 产出指标 （50分）, 数量 指标: one label
    out: list[Row] = []
    indicators = False  # under an indicator header (printed on its line, or put back)
    roles: tuple[str, ...] = ()  # that header's columns from its name column on
    n = 0
    while n < len(rows):
        row = rows[n]
        above = out[-1] if out else None
        below = rows[n + 1] if n + 1 < len(rows) else None
        title = _wrapped_title(row, below)
        if title is not None:
            out.append(title)
            n += 2
            continue
        if not is_grid(row) and _roles(row) is not None:
            indicators = _roles(row) == (INDICATOR_ROLES, _INDICATOR_ORDER)
            roles = header_roles(row) if indicators else ()
        if above is not None and below is not None and not is_grid(row):
            header = _joined_header(row, above, below, rows[n + 2 : n + 12])
            if header is not None:
                indicators = _roles(header) == (INDICATOR_ROLES, _INDICATOR_ORDER)
                roles = header_roles(header) if indicators else ()
                out[-1:] = [header]
                n += 2
                continue
            top, bottom = _pieces(above), _pieces(below)
            one = len(top) == 1 and len(bottom) == 1 and not _roles(above)
            at = _centred_cell_at(row, top[0] + bottom[0]) if indicators and one else None
            if at is None and indicators and one:
                at = serial_name_at(row, (top[0], bottom[0]), roles)
            labelled = fund_label_back(row, top, bottom) if not indicators else None
            if labelled is not None:
                out[-1:] = [labelled]
                n += 2
                continue
            several = put_back(row, top, bottom, roles) if indicators and not one and top else None
            if several is not None and not _roles(above):
                out[-1:] = [several]
                n += 2
                continue
            if at is not None:
                cells = [*row.cells[:at], top[0] + bottom[0], *row.cells[at:]]
                out[-1:] = [replace(row, cells=tuple(cells), cell_sources=None)]
                n += 2
                continue
            if indicators and top and len(top) == len(bottom) and short_of_a_cell(row, top + bottom, roles):
                apart.append(row.source)  # a wrapped cell of the row, its column not known
        out.append(row)
        n += 1
    return out
