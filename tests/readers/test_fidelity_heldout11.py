"""The eleventh held-out set of target tables (tests/corpus/heldout11): thirteen publishers no other corpus
has, target tables only, kept aside from the reader's development and scored as a new user would (issue
11: ≥ 90% of indicators found and ≥ 85% of annual values right on unseen publishers).

The floors were what the reader scored when the set was committed, before anyone looked at its
failures, rounded down a little (see the set's README for the figures and the command). The set has
since become a development set (its failure classes read generally, with documents of their own in
tests/readers/test_heldout11_classes.py), and the floors were raised to what was reached. They only go
up.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-12-01 on branch heldout11 = main 6798e8f (13 documents, 15 tables, 126 indicators),
# goldens committed first (71cd6c7) and not changed after: names 15/15, years 15/15, budgets 13/15,
# budget units 14/15, departments 11/12, units 11/12, indicators found 125/126, 一级/二级 123/126,
# annual values 115/126 raw and 114/126 structured, period values 23/24, baselines 0/5, 6 invented.
# With 15 tables one miss is about 7 points and with 126 indicators one miss is under 1 point, hence
# floors one table miss under for the table figures and three or four misses under for the indicators.
#
# Raised on branch read13 (the set then a development set, its failure classes read generally: a
# baseline sub-header, template rows and wrapped sentence names, budget units in labels and a budget
# label split around its amount): budgets 15/15, budget units 15/15, annual values 123/126 raw and
# 121/126 structured, baselines 5/5, 3 invented (all in hunan-lusong's space-aligned text, the class
# of wrapped cells in PDF text). The 3 invented still exceed the one per ten tables (1.5
# here); the allowance keeps them visible instead of hiding them, and may only go down.
FLOORS = {
    "names": 0.93,
    "years": 0.93,
    "budgets": 0.93,
    "budget_units": 0.93,
    "departments": 0.83,
    "units": 0.83,
    "indicators_found": 0.96,
    "level1_right": 0.94,
    "level2_right": 0.94,
    "annual_raw_right": 0.94,
    "annual_structured_right": 0.92,
    "period_right": 0.91,
    "baseline_right": 0.8,
}

(
    test_heldout11_publishers_are_new,
    test_heldout11_fidelity_stays_above_its_floor,
    test_heldout11_invents_few_indicators,
) = heldout_tests("heldout11", FLOORS, min_publishers=12, invented_at_most=3)
