"""The domain model: a 项目绩效目标表 as frozen records, with Decimal numbers and source locations.

Nothing here does I/O. Readers build these records, the review and scoring read them, writers print
them. Every record that came from a document knows where (`SourceRef`), so any later finding can say
``file:line`` (or ``file!Sheet!D17`` for a workbook, ``file p.3`` for a PDF).
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

_Record = TypeVar("_Record")


def _set_by_slots(cls: type[_Record]) -> type[_Record]:
    """Give a frozen record an ``__init__`` that sets each field through its slot's setter.

    A frozen dataclass's own ``__init__`` sets each field through ``object.__setattr__``; the slots'
    setters do the same in about half the time, and the reader makes several records per indicator
    row. Same parameters, same defaults (the very objects), and the record stays frozen (`SourceRef`
    does the same by hand)."""
    namespace: dict[str, Any] = {}
    params, body = [], []
    for f in fields(cls):  # type: ignore[arg-type]
        assert f.default_factory is MISSING and f.init, f"{cls.__name__}.{f.name}: not supported"
        namespace[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(cls, "__init__", init)  # noqa: B010 (mypy: no assigning to a method)
    return cls


@dataclass(frozen=True, slots=True, init=False)  # __init__ below: the reader makes one per line read
class SourceRef:
    """Where something was read: a file and a 1-based line, or a sheet and cell, or a page."""

    file: str | None = None
    line: int | None = None
    sheet: str | None = None
    cell: str | None = None
    page: int | None = None

    def __init__(
        self,
        file: str | None = None,
        line: int | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        page: int | None = None,
    ) -> None:
        # A frozen dataclass's own __init__ sets each field through object.__setattr__ (1.9 µs a
        # record); the slots' setters do the same in half the time, and the record stays frozen.
        _SET_FILE(self, file)
        _SET_LINE(self, line)
        _SET_SHEET(self, sheet)
        _SET_CELL(self, cell)
        _SET_PAGE(self, page)

    def __str__(self) -> str:
        where = self.file or "<输入>"
        if self.sheet is not None:
            return f"{where}!{self.sheet}!{self.cell}" if self.cell else f"{where}!{self.sheet}"
        if self.page is not None:  # a PDF: the page, and the row on that page when known
            return f"{where} 第{self.page}页" + (f"第{self.line}行" if self.line is not None else "")
        if self.line is not None:
            return f"{where}:{self.line}"
        return where


_SET_FILE, _SET_LINE, _SET_SHEET, _SET_CELL, _SET_PAGE = (
    getattr(SourceRef, name).__set__ for name in ("file", "line", "sheet", "cell", "page")
)
NOWHERE = SourceRef()


class Kind(StrEnum):
    """What sort of 指标值 a text is."""

    QUANTITATIVE = "quantitative"  # 定量: comparator + number + unit
    QUALITATIVE = "qualitative"  # 定性: a grade or a description (良好, 提升, 覆盖全市)
    DEADLINE = "deadline"  # 时限: a date or a year (2025年12月)
    RANGE = "range"  # 区间: two numbers (2023-2025年)
    UNKNOWN = "unknown"  # not understood, or empty: reported, never guessed


class Op(StrEnum):
    """The comparator of a quantitative target (指标性质 ≥ > = < ≤)."""

    GE = ">="
    GT = ">"
    EQ = "="
    LT = "<"
    LE = "<="

    @property
    def symbol(self) -> str:
        """The comparator as written in a table: ≥, >, =, <, ≤."""
        return _OP_SYMBOLS[self]

    @property
    def is_reverse(self) -> bool:
        """≤ and < are 反向指标: less is better (costs, days, accidents)."""
        return self in (Op.LE, Op.LT)


_OP_SYMBOLS = {Op.GE: "≥", Op.GT: ">", Op.EQ: "=", Op.LT: "<", Op.LE: "≤"}


@_set_by_slots
@dataclass(frozen=True, slots=True)
class Target:
    """One 指标值 (period or annual), structured, with the unit's raw text kept for rendering.

    ``raw`` is exactly what the unit wrote (after whitespace trimming); ``kind``, ``op``, ``value``
    and ``unit`` are what it means. ``subject`` is text standing before the number
    (``学员满意度`` in ``学员满意度90%以上``); ``note`` is text after it (``认为…得到提升``).
    ``upper`` is the second number of a range; ``month``/``day`` refine a deadline whose year is
    ``value``. ``unit_from_name`` is true when the unit was not written after the number but taken
    from the indicator's name (``咨询服务数（宗）`` + ``1080``) or from the words before the number
    (``覆盖人次≥65400``).
    """

    raw: str
    kind: Kind
    op: Op | None = None
    value: Decimal | None = None
    unit: str | None = None
    upper: Decimal | None = None
    month: int | None = None
    day: int | None = None
    subject: str | None = None
    note: str | None = None
    unit_from_name: bool = False

    @property
    def is_empty(self) -> bool:
        """True when the cell held no value at all."""
        return not self.raw

    @property
    def per_year(self) -> bool:
        """True for units written per year (``4个/年``, ``90宗/年``)."""
        return self.unit is not None and self.unit.endswith("/年")

    @property
    def base_unit(self) -> str | None:
        """The unit without a trailing ``/年``: ``宗/年`` → ``宗``."""
        if self.unit is None:
            return None
        return self.unit[: -len("/年")] if self.per_year else self.unit


EMPTY_TARGET = Target(raw="", kind=Kind.UNKNOWN)


@_set_by_slots
@dataclass(frozen=True, slots=True)
class RowLayout:
    """How an indicator row stood in the source, column by column, for the structure rules.

    ``cells`` pairs each non-empty cell with the role of its column taken from the header row
    (``绩效指标``, ``一级指标``, ``二级指标``, ``三级指标``, ``实施周期指标值``, ``年度指标值``) or
    ``None`` where the cell stood beyond the header. Readers that cannot see columns (text from a
    PDF, one cell per line) leave the layout out.
    """

    cells: tuple[tuple[str | None, str], ...]

    def role_of(self, text: str) -> str | None:
        """The header role of the column a cell with this text stood under, or None."""
        for role, cell in self.cells:
            if cell == text:
                return role
        return None


@_set_by_slots
@dataclass(frozen=True, slots=True)
class Indicator:
    """A 三级指标 with its 一级/二级 categories and its 实施周期 and 年度 values."""

    level1: str
    level2: str
    name: str
    period: Target
    annual: Target
    source: SourceRef = field(default=NOWHERE, compare=False)
    weight: Decimal | None = None
    layout: RowLayout | None = field(default=None, compare=False)
    # A 历史值 / ``2021年实际实现值`` column's value: what was achieved before, never a target.
    baseline: Target = EMPTY_TARGET
    # Explanatory columns (绩效标准, 指标解释, 评分标准, 取值依据, 备注) as (header, text) pairs.
    notes: tuple[tuple[str, str], ...] = ()


@_set_by_slots
@dataclass(frozen=True, slots=True)
class Placeholder:
    """A category row with no indicator under it (社会成本指标 with nothing after it)."""

    level1: str
    level2: str | None
    source: SourceRef = field(default=NOWHERE, compare=False)
    layout: RowLayout | None = field(default=None, compare=False)


@_set_by_slots
@dataclass(frozen=True, slots=True)
class Project:
    """The project block of the table.

    ``budget`` is in 元 whatever the source wrote; ``budget_unit`` keeps what it wrote (元 or 万元)
    so the printer can reproduce it. ``period_end`` 2099 means open-ended. ``lines`` maps a field
    name (``name``, ``type``, ``level``, ``department``, ``unit``, ``period``, ``budget``) to the
    line it was read from, so review findings can point at it.
    """

    name: str
    type: str | None = None
    level: str | None = None
    department: str | None = None
    unit: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    year: int | None = None
    budget: Decimal | None = None
    budget_unit: str = "元"
    source: SourceRef = field(default=NOWHERE, compare=False)
    # A multi-year (实施期, 中期) amount, in 元, where the table gives one beside the year's budget.
    total_funds: Decimal | None = None
    lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    def line_of(self, field_name: str) -> int | None:
        """The source line of a project field, else the table's own line."""
        for name, line in self.lines:
            if name == field_name:
                return line
        return self.source.line

    @property
    def open_ended(self) -> bool:
        """True when the 实施周期 ends in 2099 or later (a standing project with no real end)."""
        return self.period_end is not None and self.period_end >= 2099

    @property
    def years(self) -> int | None:
        """Number of years of the implementation period, or None when unknown or open-ended."""
        if self.period_start is None or self.period_end is None or self.open_ended:
            return None
        return self.period_end - self.period_start + 1


@_set_by_slots
@dataclass(frozen=True, slots=True)
class Goals:
    """总体绩效目标: the 实施周期总目标 and the 年度目标 texts (HTML removed)."""

    period: str = ""
    annual: str = ""
    period_line: int | None = field(default=None, compare=False)
    annual_line: int | None = field(default=None, compare=False)


@_set_by_slots
@dataclass(frozen=True, slots=True)
class Reading:
    """How sure the reader is of a table: a confidence in [0, 1] and what it inferred knowingly.

    ``inferred`` lists, in Chinese, what the table did not state and the reader supplied
    (``一级指标由二级指标推断``, ``预算金额单位取自表头“单位：万元”``), so a reviewer knows what to check and
    the layout rules stay quiet on it.
    """

    confidence: Decimal = Decimal("1")
    inferred: tuple[str, ...] = ()


@_set_by_slots
@dataclass(frozen=True, slots=True)
class Table:
    """One 项目绩效目标表.

    Equality is equality of content: where a record was read (``source``, line maps, row layouts)
    does not take part, so a table printed and read back equals the original.
    """

    project: Project
    goals: Goals
    indicators: tuple[Indicator, ...]
    placeholders: tuple[Placeholder, ...] = ()
    source: SourceRef = field(default=NOWHERE, compare=False)
    reading: Reading | None = field(default=None, compare=False)

    @property
    def annual_indicators(self) -> tuple[Indicator, ...]:
        """The indicators that carry a 年度 value: the set monitoring and self-evaluation use."""
        return tuple(i for i in self.indicators if not i.annual.is_empty)


class Severity(StrEnum):
    """How serious a diagnostic is: 错误, 警告 or 提示."""

    ERROR = "error"  # 错误
    WARNING = "warning"  # 警告
    INFO = "info"  # 提示

    @property
    def label(self) -> str:
        """The Chinese word for the severity: 错误, 警告, 提示."""
        return _SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        """Higher is more serious: error 3, warning 2, info 1."""
        return _SEVERITY_RANKS[self]


_SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_SEVERITY_RANKS = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


@_set_by_slots
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something a reader or a rule has to say about the input: data, never an exception.

    ``code`` is stable (``JX-R01`` reader, ``JX-B01`` review rules). ``message`` is Chinese, for
    users. ``basis`` and ``suggestion`` are filled by review rules.
    """

    code: str
    severity: Severity
    message: str
    source: SourceRef = NOWHERE
    indicator: str | None = None
    basis: str | None = None
    suggestion: str | None = None

    def __str__(self) -> str:
        return f"{self.source}: {self.code} {self.severity.label} {self.message}"
