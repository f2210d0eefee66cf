"""Split value columns and weight columns, folded into the shape the reader core knows.

Many units fill in forms where a value is spread over three columns, ``指标性质 | 指标值 | 度量单位``
(``≥ | 85 | %``), sometimes under a merged ``实施周期指标值`` / ``年度指标值`` heading over two
header rows, and where a ``权重`` (or ``分值``) column follows. The reader core (`grid`) reads one
value cell per period; this stage, run on the rows before the core, folds each triple into one
value text (``≥85%``) in the column of its heading and takes the weights out, keyed by the row, so
they can be put on the indicators afterwards (`attach_weights`). Rows of tables without such
columns pass through unchanged.

A lone ``指标值`` group with no 实施周期/年度 heading is taken as the 年度指标值: forms with one
value column are annual forms (年度绩效目标申报表).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from jixiao.model import Diagnostic, Indicator, Severity, SourceRef, Table, Target
from jixiao.readers.cells import Row, first_label
from jixiao.readers.joinedlevels import split_joined_levels
from jixiao.readers.labels import Label, label_key
from jixiao.readers.textforms import without_template_notes

BAD_WEIGHT = "JX-R20"

PERIOD = "实施周期指标值"
ANNUAL = "年度指标值"

_GROUP_OF = {PERIOD: PERIOD, ANNUAL: ANNUAL}
_PART_OF = {
    "指标性质": "op",
    "计算符号": "op",  # a system export's comparator column, in words (大于等于, 等于, 定性)
    "指标值": "value",
    "度量单位": "unit",
    "计量单位": "unit",
    "权重": "weight",
    "分值": "weight",
    "权重(%)": "weight",
    "分值(分)": "weight",
}
# parts named only on the lower row of a two-row header, under a merged 指标值 (比较符 | 目标值 | 计量单位)
_LOWER_PART_OF = {"比较符": "op", "运算符": "op", "运算符号": "op", "目标值": "value", "指标方向": "op"}
_TREE_HEADERS = frozenset(("绩效指标", "一级指标", "二级指标", "三级指标", "三级指标名称"))

# What units write in a 指标性质 cell → the comparator to put before the number.
_OP_WORDS = {
    "≥": "≥",
    ">=": "≥",
    "＞＝": "≥",
    "大于等于": "≥",
    "大于或等于": "≥",
    "不低于": "≥",
    "不少于": "≥",
    "正向": "≥",
    "正向指标": "≥",
    "≤": "≤",
    "<=": "≤",
    "小于等于": "≤",
    "小于或等于": "≤",
    "不高于": "≤",
    "不超过": "≤",
    "反向": "≤",
    "反向指标": "≤",
    "=": "=",
    "＝": "=",
    "等于": "=",
    ">": ">",
    "＞": ">",
    "大于": ">",
    "<": "<",
    "＜": "<",
    "小于": "<",
}
_COMPARATOR_START = ("≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦")


def comparator_of(nature: str) -> str:
    """The comparator a 指标性质 cell stands for, or "" (定性, 定量 alone, blank)."""
    return _OP_WORDS.get("".join(nature.split()), "")


def fold_value(nature: str, value: str, unit: str) -> str:
    """``≥``, ``85``, ``%`` → ``≥85%``; a value that already carries either part keeps its own."""
    value = value.strip()
    if not value:
        return ""
    op = comparator_of(nature)
    unit = unit.strip()
    if op and not value.startswith(_COMPARATOR_START):
        value = op + value
    if unit and unit not in ("/", "-", "无") and not value.endswith(unit):
        value += unit
    return value


@dataclass(slots=True)
class _Columns:
    """The meaning of each column of one table's indicator block."""

    width: int
    groups: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # group → part → columns
    shared: dict[str, list[int]] = field(default_factory=dict)  # op/unit columns of no group
    weights: list[int] = field(default_factory=list)

    @property
    def needs_folding(self) -> bool:
        split = any(set(parts) - {"value"} for parts in self.groups.values())
        # a 度量单位 with no 指标值 column it knows (目标值…) is left to the reader by meaning, never dropped
        return bool(split or (self.shared and self.groups) or self.weights or "" in self.groups)


@dataclass(slots=True)
class Weights:
    """Weights read from 权重/分值 columns, by the row they stood on."""

    by_row: dict[tuple[str | None, str | None, int | None, int | None], Decimal] = field(default_factory=dict)
    # the 指标值 cell as written where its 指标性质/度量单位 were folded in: row → {group: text}
    written: dict[tuple[str | None, str | None, int | None, int | None], dict[str, str]] = field(
        default_factory=dict
    )
    # the 度量单位 cell folded in, by row (kept whole as the unit)
    units: dict[tuple[str | None, str | None, int | None, int | None], str] = field(default_factory=dict)

    @staticmethod
    def key(source: SourceRef) -> tuple[str | None, str | None, int | None, int | None]:
        """A row's identity: file, sheet or page, and line (the cell column plays no part)."""
        return (source.file, source.sheet, source.page, source.line)


def _roles(row: Row) -> list[str]:
    return [label_key(cell) for cell in row.cells]


def _is_tree_header(row: Row) -> bool:
    if not any("三级" in cell for cell in row.cells):  # cheap test first: this runs on every row
        return False
    keys = set(_roles(row))
    return bool(keys & {"三级指标", "三级指标名称"}) and bool(keys & {"一级指标", "二级指标"})


def _is_sub_header(row: Row) -> bool:
    keys = {k for k in _roles(row) if k}
    known = set(_PART_OF) | set(_LOWER_PART_OF) | {PERIOD, ANNUAL}
    return bool(keys) and keys <= known and not keys & _TREE_HEADERS


def _read_columns(header: Row, sub: Row | None) -> _Columns:
    top = _roles(header)
    low = _roles(sub) if sub is not None else []
    width = max(len(top), len(low))
    columns = _Columns(width)
    group = ""
    for col in range(width):
        upper = top[col] if col < len(top) else ""
        lower = low[col] if col < len(low) else ""
        if upper in _GROUP_OF:
            group = upper
        elif upper in _TREE_HEADERS or (upper and upper not in _PART_OF):
            group = ""
        part = _PART_OF.get(lower) or _LOWER_PART_OF.get(lower) or _PART_OF.get(upper)
        if lower in _GROUP_OF:  # the group named on the lower row (rare, but seen)
            group, part = lower, "value"
        if upper in _GROUP_OF and part is None:
            part = "value"
        if part is None:
            continue
        if part == "weight":
            columns.weights.append(col)
        elif group:
            columns.groups.setdefault(group, {}).setdefault(part, []).append(col)
        elif part == "value":
            columns.groups.setdefault("", {}).setdefault("value", []).append(col)
        else:
            columns.shared.setdefault(part, []).append(col)
    if not columns.groups:  # 比较符 or 度量单位 with no 指标值 known here: the core reads them by role
        columns.shared.clear()
    if "" in columns.groups:  # a lone 指标值 group: the form's only value is the annual one
        lone = columns.groups.pop("")
        target = ANNUAL if ANNUAL not in columns.groups else PERIOD
        columns.groups[target] = lone
    return columns


def _cell(cells: tuple[str, ...], col: int) -> str:
    return cells[col] if col < len(cells) else ""


def _first(cells: tuple[str, ...], cols: list[int]) -> str:
    return next((_cell(cells, c).strip() for c in cols if _cell(cells, c).strip()), "")


def _fold_row(row: Row, columns: _Columns, header: bool, weights: Weights | None = None) -> Row:
    cells = list(row.cells) + [""] * max(0, columns.width - len(row.cells))
    taken: set[int] = set(columns.weights)
    for parts in columns.groups.values():
        for cols in parts.values():
            taken.update(cols)
    for cols in columns.shared.values():
        taken.update(cols)
    folded: dict[int, str] = {}
    for group, parts in columns.groups.items():
        anchor = min(c for cols in parts.values() for c in cols)
        if header:
            folded[anchor] = group
            continue
        nature = _first(row.cells, parts.get("op", []) or columns.shared.get("op", []))
        unit = _first(row.cells, parts.get("unit", []) or columns.shared.get("unit", []))
        value = _first(row.cells, parts.get("value", []))
        folded[anchor] = fold_value(nature, value, unit)
        if weights is not None and folded[anchor] != value.strip():  # ``raw`` stays the cell as written
            weights.written.setdefault(Weights.key(row.source), {})[group] = value.strip()
            if unit:
                weights.units[Weights.key(row.source)] = unit
    for col in taken:
        cells[col] = folded.get(col, "")
    return replace(row, cells=tuple(cells))


def fold_columns(
    rows: Iterable[Row], weights: Weights, diagnostics: list[Diagnostic], template_notes: bool = True
) -> Iterator[Row]:
    """Fold split value columns and take out weight columns, table by table, streaming.

    ``template_notes`` False: the rows hold no 填 (cut from a text without one), so no template's
    filling note (`without_template_notes` changes only a cell holding 填) and that stage is skipped."""
    columns: _Columns | None = None
    pending_header: Row | None = None
    noted = without_template_notes(rows) if template_notes else rows  # 质量指标 (必填) in any format
    for row in split_joined_levels(noted):
        if columns is None and pending_header is None and not (row.columns_known and row.aligned):
            yield row  # nothing to fold, and no header to open: its label would change nothing
            continue
        label = first_label(row.cells)
        if label in (Label.TITLE, Label.NAME):
            columns = None  # a new table: its own columns
        if pending_header is not None:
            header, pending_header = pending_header, None
            sub = row if _is_sub_header(row) else None
            columns = _read_columns(header, sub)
            if not columns.needs_folding:
                columns = None
                yield header
            else:
                yield _fold_row(header, columns, header=True)
            if sub is not None:
                continue
        if (
            row.columns_known
            and row.aligned
            and label in (Label.INDICATORS, Label.HEADER)
            and _is_tree_header(row)
        ):
            pending_header = row
            continue
        if columns is None or not row.columns_known or not row.aligned:
            yield row
            continue
        _take_weight(row, columns, weights, diagnostics)
        yield _fold_row(row, columns, header=False, weights=weights)
    if pending_header is not None:
        yield pending_header


def with_written_values(
    indicator: Indicator, period: str | None, annual: str | None, unit: str = ""
) -> Indicator:
    """The indicator with each value's ``raw`` set to its 指标值 cell as written (where one is given),
    and the 度量单位 cell kept whole as the unit (`unit_of_column`)."""
    changes: dict[str, Target] = {}
    if period is not None and indicator.period.raw:
        changes["period"] = unit_of_column(replace(indicator.period, raw=period), unit)
    if annual is not None and indicator.annual.raw:
        changes["annual"] = unit_of_column(replace(indicator.annual, raw=annual), unit)
    return replace(indicator, **changes) if changes else indicator  # type: ignore[arg-type]


def unit_of_column(target: Target, unit: str) -> Target:
    """A 度量单位 cell is the unit as a whole: where the grammar cut a unit per something (``元/批次``
    read as ``元`` with ``/批次`` left over), the column's text is put back as the unit."""
    unit = unit.strip()
    if not unit or not target.unit or target.unit == unit or not unit.startswith(target.unit):
        return target
    rest = unit[len(target.unit) :]
    if not rest.startswith("/") or (target.note or "") != rest:  # only a unit per something: 元/批次
        return target
    return replace(target, unit=unit, note=None)


_NO_WEIGHT = frozenset(("/", "／", "-", "－", "—", "——", "无"))


def _take_weight(row: Row, columns: _Columns, weights: Weights, diagnostics: list[Diagnostic]) -> None:
    for col in columns.weights:
        text = _cell(row.cells, col).strip().rstrip("%％分").strip()
        if not text or text in _NO_WEIGHT:  # '/' in every cell of a template row: no weight, no error
            continue
        source = row.cell_sources[col] if row.cell_sources and col < len(row.cell_sources) else row.source
        try:
            weights.by_row[Weights.key(row.source)] = Decimal(text)
        except InvalidOperation:
            message = f"权重“{_cell(row.cells, col).strip()}”不是数字，未读取"
            diagnostics.append(Diagnostic(BAD_WEIGHT, Severity.WARNING, message, source))
        return


def attach_weights(tables: list[Table], weights: Weights) -> list[Table]:
    """Put the weights read from the rows on the indicators read from the same rows, and give a value
    folded from split columns its ``raw`` text back: the 指标值 cell as written (``95`` beside ``≥`` and
    ``%``), the meaning (op, unit) staying in the structured fields."""
    if not weights.by_row and not weights.written:
        return tables

    def weighted(indicator: Indicator) -> Indicator:
        key = Weights.key(indicator.source)
        weight = weights.by_row.get(key)
        if weight is not None:
            indicator = replace(indicator, weight=weight)
        written = weights.written.get(key)
        if written:
            unit = weights.units.get(key, "")
            indicator = with_written_values(indicator, written.get(PERIOD), written.get(ANNUAL), unit)
        return indicator

    return [replace(t, indicators=tuple(weighted(i) for i in t.indicators)) for t in tables]
