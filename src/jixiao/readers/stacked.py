"""The indicator block: what its header's columns hold (`header_roles`), blocks stacked one above
the other (a 长期绩效指标 block, then a 年度绩效指标 block), and how sure a table's reading is.

Some forms (湖南, 陕西 项目绩效目标表) write the period's indicators in one block and the year's in the
next, each with its own header and one 指标值 column. A mixin of the grid reader (`grid._SegmentReader`):
under a 长期/中期/实施周期 header the one value is the period value; under the 年度 header that follows,
a row naming an indicator of the first block gives that indicator its annual value, and a row naming
a new one becomes an indicator of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from mypy_extensions import trait

from jixiao import catalog
from jixiao.model import EMPTY_TARGET, Indicator, Kind, Op, Severity, SourceRef, Target
from jixiao.readers import roles as column_roles
from jixiao.readers.cells import Cell
from jixiao.readers.damage import DAMAGED_VALUE, damage
from jixiao.readers.labels import HEADER_ROLES, Label, label_key, label_of
from jixiao.values import parse_target_with_reason

_PERIOD_BLOCK_WORDS = ("长期", "中期", "中长期", "实施周期", "项目总体", "总体")
_ANNUAL_BLOCK_WORDS = ("年度", "本年度", "当年", "YYYY年")


def squeeze_name(text: str) -> str:
    """The text with all whitespace removed."""
    return "".join(text.split())


@lru_cache(maxsize=65536)  # a document's value cells repeat (≥95%, 100%, 按时完成) under the same names
def judged_value(text: str, name: str) -> tuple[Target, str | None, str | None]:
    """A value cell's text read under its indicator's name: the target, why it is not understood
    (or None), why it looks damaged (or None). A pure function of the two texts, found once each."""
    target, reason = parse_target_with_reason(text, name or None)
    return target, reason, damage(target, name)


@trait  # a mixin of grid's reader: mypyc compiles a class with several bases only from traits
class StackedBlocks:
    """Which block of a stacked form the rows are in, and the first block's indicators by name; how a
    value cell is read (with its diagnostics) and where a cell stands among the header's columns."""

    block: str | None
    period_names: dict[str, int]
    indicators: list[Indicator]
    roles: dict[int, str]
    inferred: list[str]

    def note(
        self, code: str, severity: Severity, message: str, source: SourceRef, name: str | None = None
    ) -> None:
        """Record a diagnostic (implemented by the grid reader)."""
        raise NotImplementedError

    def _infer(self, what: str) -> None:
        """Note once that something was inferred rather than read."""
        if what not in self.inferred:
            self.inferred.append(what)

    def _target(self, cell: Cell | None, name: str) -> Target:
        if cell is None:
            return EMPTY_TARGET
        target, reason, damaged = judged_value(cell.text, name)
        if damaged is not None:
            self.note(
                DAMAGED_VALUE, Severity.WARNING, f"指标值“{cell.text}”疑似损坏：{damaged}", cell.source, name
            )
            return Target(raw=target.raw, kind=Kind.UNKNOWN)
        if target.kind is Kind.UNKNOWN:
            self.note(
                UNKNOWN_VALUE, Severity.WARNING, f"指标值“{cell.text}”无法识别：{reason}", cell.source, name
            )
        return self._from_name_template(target, name)

    def _from_name_template(self, target: Target, name: str) -> Target:
        """A template left in the name (``补播出苗率(≥**%)``) gives a bare number its comparator and unit;
        what the value itself writes always wins. Noted as inferred."""
        match = _NAME_TEMPLATE.search(name) if "*" in name else None
        if match is None or target.kind is not Kind.QUANTITATIVE:
            return target
        op = _TEMPLATE_OPS.get(match.group(1))
        unit = match.group(2).strip() or None
        changes: dict[str, object] = {}
        if target.op is None and op is not None:
            changes["op"] = op
        if unit is not None and (target.unit is None or target.unit_from_name):
            changes.update(unit=unit, unit_from_name=True)
        if changes:
            self._infer("比较符和单位取自指标名称中的模板（如“≥**%”）")
            return replace(target, **changes)  # type: ignore[arg-type]
        return target

    def _outside_tree(self, cell: Cell) -> bool:
        """True for a cell left of the 三级 column (where a lone name cannot stand)."""
        name_columns = [col for col, role in self.roles.items() if role == "三级指标"]
        return bool(name_columns) and cell.col is not None and 0 <= cell.col < min(name_columns)

    def _column_role(self, cell: Cell) -> str | None:
        return self.roles.get(cell.col) if cell.col is not None else None

    def _stands_in_value_column(self, cell: Cell) -> bool:
        return self._column_role(cell) in ("实施周期指标值", "年度指标值")

    def _note_block(self, text: str) -> None:
        """A header over a block of its own (长期绩效指标, then 年度绩效指标): which values it holds."""
        key = squeeze_name(text)
        if key.startswith(_PERIOD_BLOCK_WORDS):
            self.block = column_roles.PERIOD
            self.period_names = {}
        elif self.block == column_roles.PERIOD and key.startswith(_ANNUAL_BLOCK_WORDS):
            self.block = column_roles.ANNUAL

    def _stacked(
        self, name: str, period_cell: Cell | None, annual_cell: Cell | None
    ) -> tuple[Cell | None, Cell | None, bool]:
        """The row's value cells as (period, annual) for the block it is in, and whether the row only
        completed an indicator of the first block (its annual value set there)."""
        if period_cell is not None:
            return period_cell, annual_cell, False
        if self.block == column_roles.PERIOD:  # the 长期 block's one value
            if name:
                self.period_names[squeeze_name(name)] = len(self.indicators)
            return annual_cell, None, False
        n = self.period_names.pop(squeeze_name(name), None) if name else None
        if n is None:
            return None, annual_cell, False
        self.indicators[n] = replace(self.indicators[n], annual=self._target(annual_cell, name))
        return None, None, True


def confidence(indicators: list[Indicator], has_budget: bool) -> Decimal:
    """A plain measure of how much of the table was read as stated: values and categories recognised."""
    if not indicators:
        return Decimal("0")
    sure = sum(
        1
        for i in indicators
        if i.level1 and i.name and (i.annual.kind is not Kind.UNKNOWN or i.period.kind is not Kind.UNKNOWN)
    )
    return _score(sure, len(indicators), has_budget)


@lru_cache(maxsize=4096)  # Decimal arithmetic once per (sure, count) pair: tables repeat their sizes
def _score(sure: int, count: int, has_budget: bool) -> Decimal:
    score = Decimal(sure) / Decimal(count)
    if not has_budget:
        score *= Decimal("0.9")
    return score.quantize(Decimal("0.01"))


def header_roles(header: list[Cell], name_in_level2: bool = False) -> tuple[int, list[str], dict[int, str]]:
    """The indicator header's cells: where the body starts after them, the roles of its value and
    text columns in order, and the header text of each known column (``{3: "三级指标"}``).

    After the tree headers, a header naming a place (``龙门镇山美村``) is a column of that place's targets.
    Where the indicators' names stand in the 二级指标 column (``name_in_level2``), a 三级-like header
    after it (``指标内容``) is the indicator's explanation."""
    body_from = 0
    roles: list[str] = []
    columns: dict[int, str] = {}
    for j, cell in enumerate(header):
        if not cell.text:
            continue
        text = label_key(cell.text)
        if text in HEADER_ROLES and cell.col is not None and cell.col >= 0:
            columns[cell.col] = text
        elif (
            cell.col is not None
            and cell.col >= 0
            and (tree := _TREE_HEADERS.get(column_roles.role_of(text) or ""))
        ):
            columns[cell.col] = tree  # 评价指标 | 评价内容 | 指标名称: the tree's columns by their synonyms
        label = label_of(cell.text)
        if label is None and body_from and _weak_header_before_header(text, header[j + 1 :]):
            label = Label.HEADER  # 绩效指标 | 指标 | 指标权重: a weak header (指标) among header cells
        if label in (Label.INDICATORS, Label.HEADER):
            body_from = j + 1
            role = column_roles.role_of(text)
            if name_in_level2 and role == column_roles.LEVEL3:
                role = EXPLANATION
            if role is not None and role not in column_roles.TREE_ROLES:
                roles.append(role)
            continue
        if body_from == j and text == "指标":  # 绩效指标 | 指标 | 指标权重 …: the names' column, untitled
            body_from = j + 1
            continue
        if body_from and label is None and cell.text[0] in "(（" and cell.text[-1] in ")）":
            body_from = j + 1  # 指标值 / (包含数字及文字描述): a remark wrapped into its own cell
            continue
        region = column_roles.region_role(cell.text) if body_from and label is None else None
        if region is None:
            break
        body_from = j + 1  # one target column per town: each kept as a note, no annual value
        roles.append(region)
    return body_from, roles, columns


EXPLANATION = "text:指标解释"
_TREE_HEADERS = {
    column_roles.LEVEL1: "一级指标",
    column_roles.LEVEL2: "二级指标",
    column_roles.LEVEL3: "三级指标",
}


def names_in_level2(header: list[Cell], body: list[list[Cell]]) -> bool:
    """Whether the indicators' names stand in the 二级指标 column (广西: 一级指标 | 二级指标 | 分值 |
    指标内容 | 指标值): the header has no 三级指标 itself, and most rows' cells under 二级 are no
    catalogue category."""
    keys = {c.col: label_key(c.text) for c in header if c.col is not None and c.text}
    level2 = [col for col, key in keys.items() if column_roles.role_of(key) == column_roles.LEVEL2]
    if len(level2) != 1 or any(_names_column(key) for key in keys.values()):
        return False
    cells = [c.text for row in body[:30] for c in row if c.col == level2[0] and c.text]
    named = sum(
        1 for text in cells if not catalog.is_category_name(text) and not catalog.joined_categories(text)
    )
    return len(cells) >= 2 and named * 2 > len(cells)


def _names_column(key: str) -> bool:
    """A 三级 header by any of its names (三级指标, 具体指标, 指标名称…) but 指标内容, which 广西's form
    writes beside 分值 for the indicator's explanation, its names standing under 二级指标."""
    return column_roles.role_of(key) == column_roles.LEVEL3 and not key.startswith("指标内容")


def _weak_header_before_header(key: str, rest: list[Cell]) -> bool:
    """A header too common to open a block alone (``指标``, ``年度``) standing before another header cell."""
    if key not in column_roles.WEAK_HEADERS:
        return False
    following = next((c for c in rest if c.text), None)
    return following is not None and label_of(following.text) is Label.HEADER


UNKNOWN_VALUE = "JX-R02"
# ``(≥**%)``, ``(≤**元/株)`` left in an indicator's name by the form's template.
_NAME_TEMPLATE = re.compile(r"[(（]\s*(≥|≤|>=|<=|=|＝|>|<)\s*\*+\s*([^)）*]{0,8})[)）]")
_TEMPLATE_OPS = {
    "≥": Op.GE,
    ">=": Op.GE,
    "≤": Op.LE,
    "<=": Op.LE,
    "=": Op.EQ,
    "＝": Op.EQ,
    ">": Op.GT,
    "<": Op.LT,
}
LEVEL2_FROM_LEVEL1 = "二级指标由一级指标推断（二级位置重写了一级名称）"
LEVEL1_RUN_INTO_LEVEL2 = "一级指标与二级指标写在同一单元格（如“产出数量指标”），已分开"


def sole_level2(name: str, level1: str | None) -> str | None:
    """The one 二级 of a 一级 repeated in the 二级 position (满意度指标 → 服务对象满意度指标), else None."""
    children = catalog.CENTRAL_2021.level2_names(name)
    if len(children) == 1 and catalog.canonical(level1 or "") == catalog.canonical(name):
        return children[0]
    return None


def named_like_category(names: list[str], row: list[Cell], k: int) -> bool:
    """Whether the last of the category names opening a row is the indicator's own name: the row goes
    on with values only (no name cell), and that name is not written as a catalogue heading
    (``服务对象满意度`` without 指标) or repeats the category before it."""
    if (
        row[k - 1].text != names[-1] or row[0].col is None
    ):  # rows with columns only: a stream's cells are grouped by meaning elsewhere
        return False
    last = "".join(names[-1].split())
    repeated = len(names) > 1 and catalog.canonical(names[-2]) == catalog.canonical(last)
    if not (repeated or not last.endswith("指标")) or len(names) < 2:
        return False
    return all(_is_value(cell.text) for cell in row[k:] if cell.text)


def _is_value(text: str) -> bool:
    target, _ = parse_target_with_reason(text, None)
    return target.kind in (Kind.QUANTITATIVE, Kind.DEADLINE, Kind.RANGE)
