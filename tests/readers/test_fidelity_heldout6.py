"""The sixth held-out set of target tables (tests/corpus/heldout6): publishers no other corpus has, kept
aside from the reader's development and scored as a new user would (issue 11: ≥ 90% of indicators
found and ≥ 85% of annual values right on unseen publishers).

The set was kept aside until it was measured once before any tuning; since 2026-11-30 it is a
development set (the reader was tuned on its failure classes, by class, never per document). The floors
are the figures after that tuning, rounded down a little (see the set's README for both measurements
and the command). They only go up.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-11-30 on main e40ee21 before any tuning (13 documents, 10 tables, 75 indicators, 4
# documents without a target table): names 70.0%, years 70.0%, budgets 40.0%, indicators found 58.7%,
# 一级/二级 58.7%, annual values 58.7% raw / 58.7% structured, period values 92.3%, 0 invented.
# Tuned from 2026-11-30 (branch read5c, the set became a development set): names, years, budgets,
# budget units, indicators, 一级/二级 and annual values (raw and structured) 100%, period values 92.3%
# (12/13), the four documents without a target table read as none, 0 invented. Floors a little under.
FLOORS = {
    "names": 0.95,
    "years": 0.95,
    "budgets": 0.95,
    "budget_units": 0.95,
    "indicators_found": 0.95,
    "level1_right": 0.95,
    "level2_right": 0.95,
    "annual_raw_right": 0.95,
    "annual_structured_right": 0.95,
    "period_right": 0.9,
    "no_table_right": 1.0,
}

(
    test_heldout6_publishers_are_new,
    test_heldout6_fidelity_stays_above_its_floor,
    test_heldout6_invents_few_indicators,
) = heldout_tests("heldout6", FLOORS, min_publishers=8)
