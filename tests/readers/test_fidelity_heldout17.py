"""The seventeenth held-out set of target tables (tests/corpus/heldout17): fourteen publishers no
other corpus has, in fourteen provinces of the south and east (江苏 浙江 安徽 福建 江西 湖北 湖南
广东 广西 海南 四川 重庆 贵州 云南), target tables only, chosen as a new user brings them — seven
ordinary forms in the formats they are published in (page text, tab text, xlsx, docx, a PDF file, a
portal <table>), two of them seen in stored material for other publishers, and seven with one element
the corpus lacked (a year in Chinese numerals only, a Word grid split over two tables by a page break,
full-width comparators, footnote marks after indicator names, a full-width yuan sign, two-sided
targets joined by '且', a table drawn with box-drawing characters) — kept aside from the reader's
development and scored as a new user would (issue 11: ≥ 90% of indicators found and ≥ 85% of annual
values right on unseen publishers).

The floors are what the reader scored when the set was committed, before anyone looked at its
failures (see the set's README for the figures and the command). They only go up; nobody changes the
reader because a document here fails.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-12-01 on branch heldout17 = main 6120371 (14 documents, 14 tables, 107 indicators),
# goldens committed first (13f2484) and not changed after: names 13/14, years 12/14, budgets 12/14,
# budget units 12/14, departments 11/14, units 12/13, indicators found 99/107, 一级/二级 99/107,
# annual values 99/107 raw and 97/107 structured, 1 invented (the issue allows 1.4 for 14 tables).
# The floors equal the measured shares, cut to three decimals.
# Raised 2026-12-01 on branch read25 (the set made a development set; its classes read generally, tests in
# tests/readers/test_heldout17_classes.py): everything 14/14, 13/13 and 107/107, structured 105/107 (the
# two '且' ranges: the golden writes value null, the reader value and upper as for '8%-10%'), 0 invented.
FLOORS = {
    "names": 1.0,
    "years": 1.0,
    "budgets": 1.0,
    "budget_units": 1.0,
    "departments": 1.0,
    "units": 1.0,
    "indicators_found": 1.0,
    "level1_right": 1.0,
    "level2_right": 1.0,
    "annual_raw_right": 1.0,
    "annual_structured_right": 0.981,
}

(
    test_heldout17_publishers_are_new,
    test_heldout17_fidelity_stays_above_its_floor,
    test_heldout17_invents_few_indicators,
) = heldout_tests("heldout17", FLOORS, min_publishers=12, invented_at_most=0)
