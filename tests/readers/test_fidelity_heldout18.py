"""The eighteenth held-out set of target tables (tests/corpus/heldout18): fourteen publishers no
other corpus has, in fourteen provinces (上海 北京 天津 河北 山西 辽宁 吉林 黑龙江 山东 河南 陕西 甘肃
青海 宁夏), target tables only, chosen as a new user brings them — ten ordinary forms in the formats
they are published in (page text, tab text, text copied out of a PDF, a PDF file, xlsx, docx, portal
<table>) and four with one element the corpus lacked (a comparator column headed '运算符', a GBK tab
export with CRLF line ends, Word content controls around the filled cells, a UTF-8 byte-order mark) —
kept aside from the reader's development and scored as a new user would (issue 11: ≥ 90% of
indicators found and ≥ 85% of annual values right on unseen publishers).

The floors are what the reader scored when the set was committed, before anyone looked at its
failures (see the set's README for the figures and the command). They only go up; nobody changes the
reader because a document here fails.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-12-01 on branch heldout18 = main ac87391 (14 documents, 14 tables, 111 indicators),
# goldens committed first (806a1fd) and not changed after: names 14/14, years 14/14, budgets 14/14,
# budget units 14/14, departments 14/14, units 14/14, indicators found 110/111, 一级/二级 110/111,
# annual values 110/111 raw and 103/111 structured, 3 invented (above the 1.4 for 14 tables,
# so the allowance is the measured 3 and may only go down). The floors equal the measured shares,
# cut to three decimals.
# Raised 2026-12-01 (branch read26) after the set became a development set: the comparator column
# headed '运算符' and a category tail wrapped under its row in PDF text read as classes
# (tests/readers/test_heldout18_classes.py): 111/111 on every measure, no indicator invented.
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
    "annual_structured_right": 1.0,
}

(
    test_heldout18_publishers_are_new,
    test_heldout18_fidelity_stays_above_its_floor,
    test_heldout18_invents_few_indicators,
) = heldout_tests("heldout18", FLOORS, min_publishers=14, invented_at_most=0)
