"""The fourth held-out set of target tables (tests/corpus/heldout4): publishers no other corpus has, kept
aside from the reader's development and scored as a new user would (issue 11: ≥ 90% of indicators
found and ≥ 85% of annual values right on unseen publishers).

The floors were first what the reader scored when the set was committed, before anyone looked at its
failures, rounded down a little. On branch read5b the set became a development set (the reader was
changed for the classes its failures showed, each with a document of its own in
tests/readers/test_heldout4_classes.py); the floors are now what that branch reached, rounded down a
little (see the set's README for the before/after figures and the command). They only go up.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-11-30 on main 9d4cd37 (7 documents, 6 tables, 52 indicators): names 83.3%, years 83.3%,
# budgets 33.3%, indicators found 82.7%, 一级 82.7%, 二级 82.7%, annual values 50.0% raw / 44.2%
# structured, period values 88.2%, the notice without a table read as none, 0 invented.
FLOORS = {  # raised after the session's merges (read3a/3b/4 never looked at this set): 6/6 names and
    # years, 3/6 budgets, 52/52 indicators, annual 35/52 raw and 31/52 structured, 15/17 periods.
    # Then branch read5b tuned the reader on this set's classes (it is now a development set): 6/6
    # budgets and units, 2/4 departments, annual 52/52 raw and 51/52 structured, 17/17 periods.
    "names": 0.95,
    "years": 0.95,
    "budgets": 0.95,
    "budget_units": 0.95,
    "departments": 0.45,
    "units": 0.95,
    "indicators_found": 0.97,
    "level1_right": 0.97,
    "level2_right": 0.97,
    "annual_raw_right": 0.97,
    "annual_structured_right": 0.95,
    "period_right": 0.95,
    "no_table_right": 1.0,
}

(
    test_heldout4_publishers_are_new,
    test_heldout4_fidelity_stays_above_its_floor,
    test_heldout4_invents_few_indicators,
) = heldout_tests("heldout4", FLOORS, min_publishers=5)
