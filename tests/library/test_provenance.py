"""Provenance: counts, years, publishers and the distribution of target values, exact and traceable."""

from __future__ import annotations

from decimal import Decimal

from jixiao.library import Library, build_library, entry_code, find, rows_from_table
from tests.library.tables import FIRST_ROW, mine, table
from tests.seed import seed_tables

ROWS = """
 | 满意度指标 | 服务对象满意度 | 学员满意度 | {v} | {v}
 | 成本指标 | 经济成本指标 | 预算控制数 | {c} | {c}
"""


def _library() -> Library:
    return mine(
        table(ROWS.format(v="≥85%", c="≤100000元"), unit="甲单位", year=2024),
        table(ROWS.format(v="≥90%", c="≤80000元"), unit="乙单位", year=2025),
        table(ROWS.format(v="95%", c="≤120000元"), unit="丙单位", year=2025),
        table(ROWS.format(v="≥90%", c="≤100000元"), unit="丙单位", year=2025, name="另一个项目"),
        table(" | 满意度指标 | 服务对象满意度 | 学员满意度（%） | 良好 | 良好", unit="丁单位", name="第五"),
    )


def test_counts_years_and_publishers() -> None:
    entry = find(_library().entries, "学员满意度")
    assert entry is not None
    p = entry.provenance
    assert (p.rows, p.tables, p.publishers) == (5, 5, 4)
    assert p.years == ((2024, 1), (2025, 4))
    assert dict(p.kinds) == {"quantitative": 4, "qualitative": 1}
    assert dict(p.grades) == {"良好": 1}
    assert entry.synonyms == ("学员满意度（%）",)


def test_median_and_range_are_exact_decimals() -> None:
    entry = find(_library().entries, "学员满意度")
    assert entry is not None
    [d] = entry.provenance.distributions
    assert (d.unit, d.count, d.median, d.low, d.high) == ("%", 4, Decimal("90"), Decimal("85"), Decimal("95"))
    assert (d.common_op, d.common_value) == (">=", Decimal("90"))
    assert (entry.direction, entry.value_type, entry.unit_class) == ("positive", "percent", "percent")
    # each figure leads back to the table and line that set it
    assert (d.low_source, d.high_source, d.median_source) == (
        f"t1.txt:{FIRST_ROW}",
        f"t3.txt:{FIRST_ROW}",
        f"t2.txt:{FIRST_ROW}",
    )


def test_even_count_median_is_the_mean_of_the_middle_values() -> None:
    entry = find(_library().entries, "预算控制数")
    assert entry is not None
    [d] = entry.provenance.distributions
    assert d.median == Decimal("100000")
    two = mine(
        table(" | 成本指标 | 经济成本指标 | 预算控制数 | ≤100000元 | ≤100000元"),
        table(" | 成本指标 | 经济成本指标 | 预算控制数 | ≤100001元 | ≤100001元", name="乙"),
    )
    assert two.entries[0].provenance.distributions[0].median == Decimal("100000.5")
    assert (entry.direction, entry.value_type, entry.unit) == ("negative", "money", "元")


def test_the_seed_provenance() -> None:
    library = build_library(rows_from_table(t) for t in seed_tables())
    assert library.tables == 17 and library.rows == sum(len(t.indicators) for t in seed_tables())
    entry = find(library.entries, "预算控制数")
    assert entry is not None and entry.code == entry_code("预算控制数")
    assert (entry.provenance.tables, entry.provenance.publishers) == (14, 1)
    d = entry.provenance.distributions[0]
    assert (d.unit, d.count, d.median, d.low, d.high) == (
        "元",
        14,
        Decimal("204000"),
        Decimal("100000"),
        Decimal("2480691"),
    )
    # the unit taken from the name's bracket: 咨询服务数(宗) ＋ 1200个 keeps the written unit
    consulting = find(library.entries, "咨询服务数(宗)")
    assert consulting is not None and consulting.key == "咨询服务数"


def test_the_entry_is_named_by_its_commonest_spelling_without_a_numbering_prefix() -> None:
    library = mine(
        table(" | 满意度指标 | 服务对象满意度 | 指标1:学员满意度 | ≥90% | ≥90%"),
        table(" | 满意度指标 | 服务对象满意度 | 指标1:学员满意度 | ≥90% | ≥90%", name="乙"),
        table(" | 满意度指标 | 服务对象满意度 | 学员满意度 | ≥90% | ≥90%", name="丙"),
    )
    [entry] = library.entries
    assert (entry.name, entry.synonyms) == ("学员满意度", ("指标1:学员满意度",))
