"""Hostile input costs work that grows linearly with it: the shapes `python -m benchmarks fuzz` found to
cost far more than their size — long run-together 自评表 texts, a row's cell of thousands of
characters, a file of thousands of tables and diagnostics — each read at sizes that double, its work
counted (`tests.work`: the reader's loops and what its regexes may scan) and never timed.
Doubling the input at most about doubles the count; each quadratic scan these tests were written for
makes it four times larger or more."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model import Diagnostic, Goals, Project, Severity, SourceRef, Table
from jixiao.readers import selfeval_runplain, selfeval_runrows
from jixiao.readers.cells import Row
from jixiao.readers.selfeval_runplain import run_together_plain
from jixiao.readers.selfeval_runrows import run_together_rows
from jixiao.service import reading
from jixiao.service.reading import _attach_reader_diagnostics
from tests.readers.test_selfeval_runplain import ROWS, wuhan
from tests.readers.test_selfeval_runrows import ningxia
from tests.work import assert_grows_linearly, count_work


def _rows(text: str) -> list[Row]:
    return [Row((line,), SourceRef("x.txt", n + 1)) for n, line in enumerate(text.splitlines())]


def test_a_run_together_table_after_thousands_of_lines_is_placed_in_linear_work() -> None:
    """Each row's line is found by bisection over the lines' starts, which are summed once: summing
    every line's start from the first line again was quadratic in the lines."""
    lines = ningxia().splitlines()

    def work_at(filler: int) -> int:
        text = "\n".join([*lines[:2], *["下载本文档"] * filler, *lines[2:]])
        (table,), steps = count_work([selfeval_runrows], lambda: run_together_rows(_rows(text)))
        assert [i.source.line for i in table.indicators] == [filler + 5] * 3 + [filler + 6] * 3
        return steps

    assert_grows_linearly((2_000, 4_000, 8_000), work_at)


def test_a_long_damaged_group_is_given_up_within_a_work_limit() -> None:
    """A name, then a figure, again and again, never a 指标N: every try scans on to the end of the
    group, so a limit on the tries alone let the work grow with the group, 20,000 tries times its
    length. A limit on the positions looked at (`_MAX_WORK`) bounds it."""

    def work_at(repeats: int) -> int:
        body = "产出指标(50分)数量指标指标1" + "深松整地作业面积2" * repeats
        text = ningxia().replace("产出指标(50分)数量指标指标1", body, 1)
        found, steps = count_work([selfeval_runrows], lambda: run_together_rows(_rows(text)))
        assert found == []
        return steps

    # past the limit (about 100 repeats) four times the group adds almost nothing: the work is bounded
    assert_grows_linearly((250, 1_000), work_at, slack=1.1)


def test_the_plain_form_after_thousands_of_lines_is_placed_in_linear_work() -> None:
    lines = wuhan().splitlines()

    def work_at(filler: int) -> int:
        text = "\n".join([*lines[:1], *["下载本文档"] * filler, *lines[1:]])
        (table,), steps = count_work([selfeval_runplain], lambda: run_together_plain(_rows(text)))
        assert {i.source.line for i in table.indicators} == {filler + 3}
        return steps

    assert_grows_linearly((2_000, 4_000, 8_000), work_at)


def test_a_row_of_thousands_of_characters_is_not_cut_but_left_unread() -> None:
    """Every cut of a row's piece was tried, each checked by a regex over the rest: cubic in its
    length. A piece longer than any row's (`_MAX_PIECE`) is not cut."""

    def work_at(repeats: int) -> int:
        rows = ROWS.replace("古树复壮株数", "古树复壮株数" * repeats)
        found, steps = count_work([selfeval_runplain], lambda: run_together_plain(_rows(wuhan(rows))))
        assert found == []
        return steps

    assert_grows_linearly((40, 80, 160, 320), work_at)


def test_a_long_run_of_words_at_the_end_is_found_without_retrying_every_start() -> None:
    """A ``[一-鿿]{2,}$`` search tries every character of a long run of words as a start and reads on
    to the run's end from each: quadratic in the run. The ending is scanned back from the end instead."""

    def work_at(repeats: int) -> int:
        text = wuhan().rstrip("\n") + "1" + "达成预期" * repeats + "1\n"
        found, steps = count_work([selfeval_runplain], lambda: run_together_plain(_rows(text)))
        assert found == []
        return steps

    assert_grows_linearly((5_000, 10_000, 20_000), work_at)


def test_a_rate_printed_to_more_places_than_the_precision_is_no_cut_and_no_crash() -> None:
    (table,) = run_together_plain(_rows(wuhan(funds="20.119.61" + "0" * 30 + "1%")))
    assert table.indicators and [f.label for f in table.funds] == []


def _table(line: int | None, sheet: str | None) -> Table:
    source = SourceRef("x.xlsx", line, sheet=sheet)
    return Table(Project(name=f"表{line}", budget=Decimal(1)), Goals(), (), source=source)


def _said(line: int | None, sheet: str | None) -> Diagnostic:
    return Diagnostic("JX-R01", Severity.WARNING, "某处", SourceRef("x", line, sheet=sheet))


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


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_LINES, _SHEETS), min_size=1, max_size=8),
    st.lists(st.tuples(_LINES, _SHEETS), max_size=12),
)
def test_diagnostics_go_to_the_same_table_as_by_the_rule(
    tables: list[tuple[int | None, str | None]], found: list[tuple[int | None, str | None]]
) -> None:
    read = [_table(line, sheet) for line, sheet in tables]
    said = [_said(line, sheet) for line, sheet in found]
    assert _attach_reader_diagnostics(read, said) == _naive(read, said)


def test_thousands_of_tables_and_diagnostics_are_matched_in_linear_work() -> None:
    """The tables' starts and sheets are indexed once: comparing every diagnostic with every table
    made a file of many of both cost their product."""

    def work_at(tables_read: int) -> int:
        # first a table per sheet (its diagnostics have no line), then tables ten lines apart
        tables = [_table(None, f"表{n}") for n in range(tables_read)]
        tables += [_table(10 * n + 1, None) for n in range(tables_read)]
        said = [_said(None, f"表{n}") for n in range(tables_read)]
        said += [_said(n + 1, None) for n in range(10 * tables_read)]
        per_table, steps = count_work([reading], lambda: _attach_reader_diagnostics(tables, said))
        assert [len(p) for p in per_table[tables_read - 1 : tables_read + 2]] == [1, 10, 10]
        assert sum(map(len, per_table)) == 11 * tables_read
        return steps

    assert_grows_linearly((500, 1_000, 2_000), work_at)
