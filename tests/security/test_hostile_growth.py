"""Hostile input is refused within bounded time: the shapes `python -m benchmarks fuzz` found to cost
far more than their size — long run-together 自评表 texts, a row's cell of thousands of characters, a
file of thousands of tables and diagnostics — each read here in a time that only linear work allows
(the bounds are ten to a hundred times what the work takes, and far below what it took before)."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model import Diagnostic, Goals, Project, Severity, SourceRef, Table
from jixiao.readers.cells import Row
from jixiao.readers.selfeval_runplain import run_together_plain
from jixiao.readers.selfeval_runrows import run_together_rows
from jixiao.service.reading import _attach_reader_diagnostics
from tests.readers.test_selfeval_runplain import ROWS, wuhan
from tests.readers.test_selfeval_runrows import ningxia


def _rows(text: str) -> list[Row]:
    return [Row((line,), SourceRef("x.txt", n + 1)) for n, line in enumerate(text.splitlines())]


def _within(seconds: float, read: Callable[[], Any]) -> Any:
    started = time.process_time()
    result = read()
    assert time.process_time() - started < seconds
    return result


def test_a_run_together_table_after_thousands_of_lines_is_placed_in_linear_time() -> None:
    lines = ningxia().splitlines()
    text = "\n".join([*lines[:2], *["下载本文档"] * 30_000, *lines[2:]])  # each row's line found by bisection
    (table,) = _within(5, lambda: run_together_rows(_rows(text)))
    assert [i.source.line for i in table.indicators] == [30_005] * 3 + [30_006] * 3


def test_a_long_damaged_group_is_given_up_within_a_work_limit() -> None:
    # a name, then a figure, again and again, never a 指标N: every try scanned to the end of the group
    body = "产出指标(50分)数量指标指标1" + "深松整地作业面积2" * 1000
    text = ningxia().replace("产出指标(50分)数量指标指标1", body, 1)
    assert _within(10, lambda: run_together_rows(_rows(text))) == []


def test_the_plain_form_after_thousands_of_lines_is_placed_in_linear_time() -> None:
    lines = wuhan().splitlines()
    text = "\n".join([*lines[:1], *["下载本文档"] * 30_000, *lines[1:]])
    (table,) = _within(5, lambda: run_together_plain(_rows(text)))
    assert {i.source.line for i in table.indicators} == {30_003}


def test_a_row_of_thousands_of_characters_is_not_cut_but_left_unread() -> None:
    rows = ROWS.replace("古树复壮株数", "古树复壮株数" * 500)  # every cut of it tried was cubic in its length
    assert _within(5, lambda: run_together_plain(_rows(wuhan(rows)))) == []


def test_a_long_run_of_words_at_the_end_is_found_without_retrying_every_start() -> None:
    text = wuhan().rstrip("\n") + "1" + "达成预期" * 20_000 + "1\n"  # a [一-鿿]{2,}$ search is quadratic here
    assert _within(5, lambda: run_together_plain(_rows(text))) == []


def test_a_rate_printed_to_more_places_than_the_precision_is_no_cut_and_no_crash() -> None:
    (table,) = run_together_plain(_rows(wuhan(funds="20.119.61" + "0" * 30 + "1%")))
    assert table.indicators and [f.label for f in table.funds] == []


def _table(line: int | None, sheet: str | None) -> Table:
    source = SourceRef("x.xlsx", line, sheet=sheet)
    return Table(Project(name=f"表{line}", budget=Decimal(1)), Goals(), (), source=source)


def _naive(tables: list[Table], found: list[Diagnostic]) -> list[list[Diagnostic]]:
    """The rule as first written: the last table starting at or before the line, else the sheet's first."""
    per_table: list[list[Diagnostic]] = [[] for _ in tables]
    starts = [t.source.line or 0 for t in tables]
    for item in found:
        if item.source.line is not None:
            index = max((i for i, s in enumerate(starts) if s <= item.source.line), default=0)
        else:
            same = [
                i for i, t in enumerate(tables) if item.source.sheet and t.source.sheet == item.source.sheet
            ]
            index = same[0] if same else 0
        per_table[index].append(item)
    return per_table


_LINES = st.one_of(st.none(), st.integers(min_value=0, max_value=30))
_SHEETS = st.sampled_from([None, "", "表1", "表2"])


@settings(max_examples=150, deadline=2000)
@given(
    st.lists(st.tuples(_LINES, _SHEETS), min_size=1, max_size=8),
    st.lists(st.tuples(_LINES, _SHEETS), max_size=12),
)
def test_diagnostics_go_to_the_same_table_as_by_the_rule(
    tables: list[tuple[int | None, str | None]], found: list[tuple[int | None, str | None]]
) -> None:
    read = [_table(line, sheet) for line, sheet in tables]
    said = [
        Diagnostic("JX-R01", Severity.WARNING, "某处", SourceRef("x", line, sheet=sheet))
        for line, sheet in found
    ]
    assert _attach_reader_diagnostics(read, said) == _naive(read, said)


def test_thousands_of_tables_and_diagnostics_are_matched_in_linear_time() -> None:
    tables = [_table(10 * n + 1, None) for n in range(3000)]
    said = [Diagnostic("JX-R01", Severity.WARNING, "某处", SourceRef("x", n + 1)) for n in range(30_000)]
    per_table = _within(3, lambda: _attach_reader_diagnostics(tables, said))
    assert [len(p) for p in per_table[:2]] == [10, 10] and sum(map(len, per_table)) == 30_000
