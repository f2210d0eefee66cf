"""The third held-out set of target tables (tests/corpus/heldout3): publishers no other corpus has, kept
aside from the reader's development and scored as a new user would (issue 11: ≥ 90% of indicators
found and ≥ 85% of annual values right on unseen publishers).

The floors were first what the reader scored when the set was committed, before anyone looked at its
failures, rounded down a little. On branch read4 the set became a development set (the reader was
changed for the layout classes its failures showed); the floors are now what that branch reached,
rounded down a little (see the set's README for the before/after figures and the command). They only
go up. The sets still kept aside are heldout4 on.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-11-30 on main bc3b810 (15 documents, 17 tables, 135 indicators):
# names 41.2%, years 47.1%, budgets 41.2%, indicators found 49.6%, 一级 49.6%, 二级 49.6%,
# annual values 47.4% raw / 44.4% structured, the prose page without a table read as none, 0 invented.
# On branch read4 the set became a development set (its four no-table layout classes fixed for the
# class, each with a document of its own in publishers/): names 100%, years 100%, budgets 94.1%,
# indicators found 100%, 一级/二级 100%, annual values 95.6% raw / 92.6% structured, 0 invented.
# Branch read5b (grades run together with their names, 小时内/日内, 2021年全年): annual values 100% raw
# (135/135) / 99.3% structured (134/135).
FLOORS = {
    "names": 0.97,
    "years": 0.97,
    "budgets": 0.97,  # read8: 17/17 (an amount of a table that names no year is its total_funds)
    "budget_units": 0.97,
    "departments": 0.97,
    "indicators_found": 0.98,
    "level1_right": 0.98,
    "level2_right": 0.98,
    "annual_raw_right": 0.98,
    "annual_structured_right": 0.97,
    "no_table_right": 1.0,
}

(
    test_heldout3_publishers_are_new,
    test_heldout3_fidelity_stays_above_its_floor,
    test_heldout3_invents_few_indicators,
) = heldout_tests("heldout3", FLOORS, min_publishers=8)
