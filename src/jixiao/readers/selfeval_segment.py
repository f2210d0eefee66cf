"""The state of one published 自评表 while its rows are read (`selfeval_rows.read_segment`), and
where a row's cells come from: a grid row (workbook, ruled PDF) keeps every column in place."""

from __future__ import annotations

from decimal import Decimal

from jixiao.evaluation.published import PublishedFundRow, PublishedIndicator
from jixiao.model import SourceRef
from jixiao.readers.cells import Row


def is_grid(row: Row) -> bool:
    """A workbook or ruled-PDF row: every column kept in place (text rows may drop merged cells)."""
    if row.source.page is not None:  # a ruled PDF table: merged cells come out blank, columns kept
        return len(row.cells) > 1
    return bool(row.cell_sources) and row.cell_sources is not None and row.cell_sources[0].cell is not None


def cell_source(row: Row, index: int) -> SourceRef:
    """Where the row's cell ``index`` was read (the row's own place when cells carry none)."""
    if row.cell_sources is not None and index < len(row.cell_sources):
        return row.cell_sources[index]
    return row.source


class Segment:
    """The state of one table being read: which block we are in and what it has collected."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.cells: list[tuple[str, SourceRef]] = []
        self.fund_roles: list[str] | None = None
        self.fund_offset = 0
        self.fund_shift = 0  # leading fund columns a text table left out of every row (年初预算数)
        self.indicator_roles: list[str] | None = None
        self.indicator_offset = 0
        self.indicator_width = 0  # the indicator header's cells, up to its last filled one
        self.indicator_label = ""  # the header's label in front of its roles (绩效指标), as a key
        self.reason_open = False  # the last indicator row printed no reason cell (it may follow)
        self.headed_at = -1  # how many indicators were read when the last indicator header came
        self.funds: list[PublishedFundRow] = []
        self.indicators: list[PublishedIndicator] = []
        self.group_weights: list[tuple[str, Decimal]] = []
        self.stated: list[tuple[str, Decimal]] = []
        self.budget_weight: Decimal | None = None
        self.indicators_weight: Decimal | None = None
        self.total: Decimal | None = None
        self.grade = ""
        self.conclusions: list[tuple[str, str, SourceRef]] = []
        self.level1 = ""
        self.level2 = ""
        self.fund_unit = "万元"
        self.queued_labels: list[tuple[str, SourceRef]] = []  # fund labels printed before any amount
        self.fund_title = ""  # the funds block's own label (部门预算执行情况（万元）) when its header has one
        self.texts: list[str] = []
        self.places: list[SourceRef] = []
        self.ambiguous: list[SourceRef] = []  # indicator rows whose cells fit two columns equally
