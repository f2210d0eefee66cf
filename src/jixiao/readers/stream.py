"""Cells of a stream or of a row read by meaning: the cells after an indicator's name that fill the
value columns its header named (`ValueCellsReader`, a mixin of the grid reader), which value column a
cell can fill, blocks side by side, categories wrapped over two cells, a score wrapped below its
category."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from mypy_extensions import trait

from jixiao import catalog
from jixiao.model import Indicator, Kind, RowLayout, SourceRef, Target
from jixiao.readers import roles as column_roles
from jixiao.readers.cells import (
    NEXT_TABLE,
    PROSE_START,
    Cell,
    is_footer,
    looks_like_prose,
    parse_amount_unit,
)
from jixiao.readers.columns import comparator_of, fold_value, with_written_values
from jixiao.readers.labels import Label, label_of
from jixiao.readers.subheader import lone_value_is_target
from jixiao.readers.valuetails import joined_value, value_tail_joins
from jixiao.readers.yearcolumns import is_year_role
from jixiao.values import parse_target_with_reason


@lru_cache(maxsize=16384)
def _closes_values(text: str) -> bool:
    """A cell that no value column takes: a category, a label, a heading, prose or a footer."""
    return (
        catalog.is_category_name(text)
        or label_of(text) is not None
        or catalog.is_umbrella(text)
        or text.startswith(PROSE_START)
        or is_footer(text)
    )


@lru_cache(maxsize=16384)
def ends_stream(text: str) -> bool:
    """A stream cell after which the table has ended: a title or a name label (the next table's),
    prose, a footer, ``表十二`` over the next table's title."""
    return (
        label_of(text) in (Label.TITLE, Label.NAME)
        or text.startswith(PROSE_START)
        or is_footer(text)
        or NEXT_TABLE.match(text) is not None
    )


_EMPTY_MARKS = frozenset(("-", "—", "/"))
_DIRECTION_WORDS = frozenset(("正向", "反向", "定量", "定性", ""))
SCORE_CELL = re.compile(r"^[(（]?\d+(?:-\d+)?(?:[)）]?分|分[)）])$")  # 10分, (20-30)分, (10分)
_STANDARD_WORDS = frozenset(("计划标准", "行业标准", "历史标准", "其他标准", "其他", "计划", "行业", "历史"))


def fits(role: str, text: str, after: str, last: bool = True) -> bool:
    """Whether a stream cell can fill a value column of the given role (an empty cell always can)."""
    if not text:
        return True
    if role == column_roles.OP:
        if text in _EMPTY_MARKS:  # 定性 | - | 有效保障: the comparator cell marked empty, the value after it
            return bool(after) and after not in _DIRECTION_WORDS and after not in _EMPTY_MARKS
        return bool(comparator_of(text)) or text in ("定量", "定性", "正向", "反向")
    if role == column_roles.UNIT:
        return len(text) <= 6 and not any(ch.isdigit() for ch in text)
    if role == column_roles.WEIGHT:
        return parse_amount_unit(text.rstrip("%分")) is not None
    if column_roles.is_text_role(role):
        if text in _STANDARD_WORDS or looks_like_prose(text) or not last:
            return True  # an explanation before the value column is always there to take
        # a short text followed by a value is the next indicator's name, not this one's remark
        return not (after and _looks_like_value(after) and not _looks_like_value(text))
    return True


def _value_before_its_column(text: str, later_roles: list[str]) -> bool:
    """A number with its unit where a text column stands before the value column: the value itself."""
    if not text or not (text[0].isdigit() or text[0] in "≥≤<>=＞＜"):
        return False
    return column_roles.ANNUAL in later_roles and _looks_like_value(text)


def _looks_like_value(text: str) -> bool:
    target, _ = parse_target_with_reason(text, None)
    return target.kind in (Kind.QUANTITATIVE, Kind.DEADLINE, Kind.RANGE)


def join_category(cells: list[Cell], i: int) -> Cell | None:
    """A category name wrapped over two cells (``经济效益`` / ``指标``, ``满意度指`` / ``标``), joined."""
    if i + 1 >= len(cells):
        return None
    first, second = cells[i].text, cells[i + 1].text
    if not second or len(second) > 4 or len(first) > 12 or "指" not in first + second:
        return None
    if catalog.is_category_name(second):
        return None
    joined = first + second
    if catalog.is_category_name(joined):
        return Cell(joined, cells[i].source, cells[i].col)
    return None


PLAIN_VALUES = frozenset((column_roles.PERIOD, column_roles.ANNUAL))


def _squeeze(text: str) -> str:
    return "".join(text.split())


@trait  # a mixin of grid's reader: mypyc compiles a class with several bases only from traits
class ValueCellsReader:
    """Reads the value cells after an indicator's name by the roles of the header's columns."""

    stream_roles: list[str]
    role_columns: dict[str, int]
    indicators: list[Indicator]

    def _add_indicator(
        self,
        name_cell: Cell | None,
        period_cell: Cell | None,
        annual_cell: Cell | None,
        source: SourceRef,
        layout: RowLayout | None,
    ) -> None:
        raise NotImplementedError

    def _target(self, cell: Cell | None, name: str) -> Target:
        raise NotImplementedError

    def _take_categories(self, row: list[Cell], layout: RowLayout | None) -> list[Cell]:
        raise NotImplementedError

    def _read_side_by_side(self, rest: list[Cell], source: SourceRef, layout: RowLayout | None) -> bool:
        """Blocks side by side (中期 left, 年度 right, each 二级/三级/值): one indicator, two values."""
        left_name, left_value = rest[0], rest[1] if len(rest) > 1 else None
        right = self._take_categories(rest[2:], layout) if len(rest) > 2 else []
        if not right:
            self._add_indicator(left_name, None, left_value, source, layout)
            return True
        right_name, right_value = right[0], right[1] if len(right) > 1 else None
        if _squeeze(right_name.text) != _squeeze(left_name.text):
            self._add_indicator(left_name, left_value, None, source, layout)
            self._add_indicator(right_name, None, right_value, source, layout)
        else:
            self._add_indicator(right_name, left_value, right_value, source, layout)
        return True

    def _take_role_cells(self, cells: list[Cell], j: int) -> tuple[dict[str, Cell], int]:
        """The cells after a name that fill the header's value columns, in order."""
        taken: dict[str, Cell] = {}
        roles = self.stream_roles
        for n, role in enumerate(roles):
            if j >= len(cells):
                break
            candidate = cells[j]
            text = candidate.text
            if candidate.col is not None and candidate.col > self.role_columns.get(role, candidate.col):
                continue  # an aligned cell right of this role's column: the column was left empty
            if text and _closes_values(text):
                break
            if lone_value_is_target(roles, n, cells, j):
                continue  # 培训计划按期完成率 | | 100%: the one value of the row is the target
            if role in PLAIN_VALUES:  # a value column takes any cell
                taken.setdefault(role, candidate)
                j += 1
                continue
            last = not any(column_roles.takes_a_value(r) for r in roles[n + 1 :])
            if (
                column_roles.is_text_role(role)
                and not (
                    is_year_role(role) and candidate.col == self.role_columns.get(role)
                )  # another year's
                and not column_roles.is_part_of_year_role(role)  # a quarter's target, before the year's
                and _value_before_its_column(text, roles[n + 1 :])
            ):
                continue  # 资助幼儿人数达到预计值 | 860 | 10: the remark was run into the name, left empty
            if not fits(role, text, cells[j + 1].text if j + 1 < len(cells) else "", last):
                if role in (column_roles.ANNUAL, column_roles.PERIOD) or column_roles.is_text_role(role):
                    break
                continue  # an optional part (比较符, 单位, 分值) left out: the cell is the next column's
            if role == column_roles.OP and role in taken and taken[role].text in _DIRECTION_WORDS:
                taken[role] = candidate  # 指标性质 正向 then 指标方向 =: the comparator written is the one
            taken.setdefault(role, candidate)
            j += 1
        annual = taken.get(column_roles.ANNUAL)
        tail = cells[j].text if j < len(cells) and column_roles.UNIT not in roles else ""
        if annual is not None and value_tail_joins(annual.text, tail):  # ≥120 / 件: the value's unit
            taken[column_roles.ANNUAL] = Cell(joined_value(annual.text, tail), annual.source, annual.col)
            j += 1
        return taken, j

    def _add_stream_indicator(
        self,
        name: Cell,
        taken: dict[str, Cell],
        layout: RowLayout | None = None,
        source: SourceRef | None = None,
    ) -> None:
        """An indicator from its name and the cells taken for its value columns; ``source`` is the
        row's place (its first cell), the name's own place in a stream."""
        where = source or name.source
        if len(taken) <= 2 and all(role in PLAIN_VALUES for role in taken):  # the common case, fast
            period, annual = taken.get(column_roles.PERIOD), taken.get(column_roles.ANNUAL)
            self._add_indicator(name, period, annual, where, layout)
            return
        op = taken[column_roles.OP].text if column_roles.OP in taken else ""
        unit = taken[column_roles.UNIT].text if column_roles.UNIT in taken else ""

        def folded(role: str) -> Cell | None:
            cell = taken.get(role)
            if cell is None or not cell.text or not (op or unit):
                return cell
            return Cell(fold_value(op, cell.text, unit), cell.source, cell.col)

        before = len(self.indicators)
        self._add_indicator(
            name, folded(column_roles.PERIOD), folded(column_roles.ANNUAL), name.source, layout
        )
        if len(self.indicators) == before:
            return
        extras: dict[str, object] = {}
        if column_roles.BASELINE in taken and taken[column_roles.BASELINE].text:
            extras["baseline"] = self._target(taken[column_roles.BASELINE], name.text)
        notes = tuple(
            (column_roles.text_label(r), c.text)
            for r, c in taken.items()
            if (column_roles.is_text_role(r) or column_roles.is_region_role(r)) and c.text
        )
        if notes:
            extras["notes"] = notes
        if column_roles.WEIGHT in taken and taken[column_roles.WEIGHT].text:
            amount = parse_amount_unit(taken[column_roles.WEIGHT].text.rstrip("%分"))
            if amount is not None:
                extras["weight"] = amount[0]
        written = {
            role: taken[role].text
            for role in (column_roles.PERIOD, column_roles.ANNUAL)
            if role in taken and taken[role].text and (op or unit)
        }
        if written:  # ``raw`` is the 指标值 cell as written; 指标性质/度量单位 live in op and unit
            self.indicators[-1] = with_written_values(
                self.indicators[-1], written.get(column_roles.PERIOD), written.get(column_roles.ANNUAL), unit
            )
        if extras:
            self.indicators[-1] = replace(self.indicators[-1], **extras)  # type: ignore[arg-type]
