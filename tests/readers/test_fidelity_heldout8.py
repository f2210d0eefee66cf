"""The eighth held-out set of target tables (tests/corpus/heldout8): publishers no other corpus has, kept
aside from the reader's development and scored as a new user would (issue 11: ≥ 90% of indicators
found and ≥ 85% of annual values right on unseen publishers).

The floors were first what the reader scored when the set was committed, before anyone looked at its
failures (see the set's README for the figures and the command); the set is now a development set and
the floors are what the tuning reached. They only go up.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-11-30 on main 8139681 (13 documents, 5 tables, 32 indicators, 9 documents without a
# target table): names 80%, years 80%, budgets 60%, indicators found 78.1%, 一级/二级 78.1%, annual values
# 75.0% raw and structured, the nine documents without a target table read as none, 1 invented.
# The set then became a development set (branch read7 tuned the reader on its failure classes, by class:
# a PDF flattened to one run of words, 单位:万元 said once atop a sheet, glued labels holding other labels,
# a document's next section after a table; tests/readers/test_flattened_layouts.py). The floors are what
# that branch reached: names and years 5/5, budgets 4/5, indicators and annual values 32/32, rounded down
# by one indicator (one miss is 3 points), no invented indicator.
FLOORS = {
    "names": 1.0,
    "years": 1.0,
    "budgets": 0.8,
    "indicators_found": 0.96,
    "level1_right": 0.96,
    "level2_right": 0.96,
    "annual_raw_right": 0.96,
    "annual_structured_right": 0.96,
    "no_table_right": 1.0,
}

(
    test_heldout8_publishers_are_new,
    test_heldout8_fidelity_stays_above_its_floor,
    test_heldout8_invents_few_indicators,
) = heldout_tests("heldout8", FLOORS, min_publishers=8, invented_at_most=0)
