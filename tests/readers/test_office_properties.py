"""Property tests: whatever a workbook or a PDF holds, the readers answer with data, never raise."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from jixiao.model import Goals, Project, Table
from jixiao.readers.columns import fold_value
from jixiao.readers.detect import read_bytes
from jixiao.readers.xlsx import read_xlsx_bytes
from jixiao.writers.pdf import write_pdf
from jixiao.writers.xlsx import write_xlsx
from tests.seed import seed_tables

_WORDS = st.sampled_from(
    ["项目名称", "项目绩效目标表", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
     "权重", "实施周期指标值", "年度指标值", "产出指标", "数量指标", "≥", "≤", "%", "个", "85", "2025年12月",
     "2025年预算金额(万元)", "实施周期", "起始年度", "", "良好", "约1200"]
)  # fmt: skip
_NUMBERS = st.one_of(st.integers(-(10**6), 10**6), st.floats(allow_nan=False, allow_infinity=False, width=32))
_CELL = st.one_of(_WORDS, st.text(max_size=12), _NUMBERS)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_CELL, max_size=9), max_size=25))
def test_any_grid_of_cells_reads_without_raising(grid: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in grid:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    tables, diagnostics = read_xlsx_bytes(buffer.getvalue(), "any.xlsx")
    assert tables or diagnostics


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_read_without_raising(data: bytes) -> None:
    tables, diagnostics = read_bytes(data, "upload.bin")
    assert isinstance(tables, list) and isinstance(diagnostics, list)


@settings(deadline=None)  # no speed bound in a unit test: the property alone
@given(st.text(max_size=6), st.text(max_size=10), st.text(max_size=6))
def test_folding_split_values_never_raises_and_keeps_the_value(nature: str, value: str, unit: str) -> None:
    folded = fold_value(nature, value, unit)
    assert value.strip() in folded


def test_control_characters_in_a_table_do_not_break_the_writers() -> None:
    seed = seed_tables()[0]
    odd = replace(seed, goals=Goals(period="目标\x1f一\x00", annual="年度\x0b目标"))
    for writer in (write_xlsx, write_pdf):
        buffer = io.BytesIO()
        writer([odd], buffer)
        (table,), _ = read_bytes(buffer.getvalue(), "t")
        assert table.goals.period == "目标一" and table.indicators == seed.indicators


def test_a_sparse_table_and_a_budget_in_wan_yuan_round_trip() -> None:
    seed = seed_tables()[0]
    sparse = Table(project=Project(name="只有名称的项目"), goals=Goals(), indicators=seed.indicators[:2])
    wan = replace(seed, project=replace(seed.project, budget=Decimal("1234500.00"), budget_unit="万元"))
    for writer in (write_xlsx, write_pdf):
        buffer = io.BytesIO()
        writer([sparse, wan], buffer)
        tables, diagnostics = read_bytes(buffer.getvalue(), "t")
        assert [d for d in diagnostics if d.severity.value == "error"] == []
        assert tables == [sparse, wan], writer.__name__
        assert tables[1].project.budget_unit == "万元"
