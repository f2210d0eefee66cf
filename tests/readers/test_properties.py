"""Properties of the reader: arbitrary text never makes it raise; printed tables read back the same."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao import catalog
from jixiao.model import Goals, Indicator, Placeholder, Project, Table
from jixiao.readers.text import read_text
from jixiao.values import parse_target
from jixiao.writers.text import print_tables
from tests.seed import seed_text

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
_WORDS = st.text(alphabet=_CJK, min_size=2, max_size=12)
_VALUES = st.sampled_from(
    [
        "≥85%",
        "1200个",
        "良好",
        "2025年12月",
        "2023-2025年",
        "≤210元/人/天",
        "90%及以上",
        "提升",
        "4个/年",
        "100%",
        "",
    ]
)
_CELL_TEXT = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [
            "项目名称",
            "绩效指标",
            "一级指标",
            "产出指标",
            "数量指标",
            "≥85%",
            "实施周期",
            "起始年度",
            "\t",
            "|",
        ]
    ),
)


@given(st.lists(st.lists(_CELL_TEXT, max_size=7).map("\t".join), max_size=40).map("\n".join))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_text_never_raises(text: str) -> None:
    tables, diagnostics = read_text(text)
    assert isinstance(tables, list) and isinstance(diagnostics, list)


@given(st.integers(min_value=0, max_value=len(seed_text())), st.text(max_size=40))
@settings(max_examples=100, deadline=None)
def test_damaged_seed_never_raises(position: int, insert: str) -> None:
    text = seed_text()
    read_text(text[:position] + insert + text[position + len(insert) :])


def _name() -> st.SearchStrategy[str]:
    return _WORDS.filter(lambda w: not catalog.is_category_name(w))


@st.composite
def tables(draw: st.DrawFn) -> Table:
    year = draw(st.integers(min_value=2020, max_value=2030))
    start = draw(st.integers(min_value=2015, max_value=year))
    end = draw(st.sampled_from([year, year + 2, 2099]))
    budget = draw(st.decimals(min_value=1, max_value=10**8, places=2, allow_nan=False, allow_infinity=False))
    project = Project(
        name=draw(_name()), type=draw(_name()), level="二级项目", department=draw(_name()),
        unit=draw(_name()), period_start=start, period_end=end, year=year, budget=budget,
    )  # fmt: skip
    goals = Goals(period=draw(_WORDS), annual=draw(_WORDS))
    indicators = []
    placeholders = []
    line = 100
    for level1, level2s in catalog.CENTRAL_2021.tree:
        for level2 in level2s:
            line += 1
            count = draw(st.integers(min_value=1 if level2 == catalog.QUANTITY else 0, max_value=3))
            if count == 0:
                placeholders.append(Placeholder(level1, level2))
            for _ in range(count):
                name = draw(_name())
                period, annual = draw(_VALUES), draw(_VALUES)
                indicators.append(
                    Indicator(level1, level2, name, parse_target(period, name), parse_target(annual, name))
                )
    return Table(project, goals, tuple(indicators), tuple(placeholders))


@given(st.lists(tables(), min_size=1, max_size=3))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_printed_tables_read_back_to_themselves(originals: list[Table]) -> None:
    # Print in catalogue order: a generated table has no source lines, so the printer keeps this order.
    read, diagnostics = read_text(print_tables(originals))
    assert diagnostics == []
    assert [_without_budget_noise(t) for t in read] == [_without_budget_noise(t) for t in originals]


def _without_budget_noise(table: Table) -> Table:
    # 2,480,691.5 is printed 2,480,691.50: the same number, another exponent; Decimal equality holds.
    assert table.project.budget is None or isinstance(table.project.budget, Decimal)
    return table
