"""The fifteenth held-out set of target tables (tests/corpus/heldout15): sixteen publishers no other
corpus has, in sixteen provinces, target tables only, chosen as a new user brings them — nine ordinary
forms in the formats they are published in (page text, tab text, xlsx, docx, PDF files, a portal
<table>), five of them seen in stored material for other publishers, and seven with one element the
corpus lacked (a hidden Excel column of system codes, a '上年实际值' baseline column, quarterly targets
before the year's, a bracketed note after the value, '/' placeholder rows, values wrapped over lines in
PDF text, a nested Word table) — kept aside from the reader's development and scored as a new user
would (issue 11: ≥ 90% of indicators found and ≥ 85% of annual values right on unseen publishers).

The floors are what the reader scored when the set was committed, before anyone looked at its
failures, rounded down a little (see the set's README for the figures and the command). They only
go up; nobody changes the reader because a document here fails.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-12-01 on branch heldout15 = main 24eb999 (16 documents, 16 tables, 139 indicators),
# goldens committed first (0539828, 639567c) and not changed after: names 15/16, years 15/16,
# budgets 15/16, budget units 15/16, departments 14/16, units 14/16, indicators found 129/139,
# 一级/二级 129/139, annual values 117/139 raw and 119/139 structured, period values 8/8, baseline
# values 8/8, 7 invented. With 16 tables one miss is about 6 points and with 139 indicators one miss is
# under 1 point, hence floors one table miss under for the table figures and three misses under for
# the indicators. The 7 invented indicators exceed the one per ten tables (1.6 here); the
# allowance keeps them visible instead of hiding them, and may only go down.
# Raised after the set became a development set (branch read22, issue 11's classes read generally, with
# documents of our own in tests/readers/test_heldout15_classes.py; no golden changed): names, years,
# budgets, budget units, departments, units 16/16, indicators 139/139, 一级/二级 139/139, annual values
# 139/139 raw and structured, period and baseline values 8/8, 0 invented — floors a table miss or three
# indicators under.
FLOORS = {
    "names": 0.93,
    "years": 0.93,
    "budgets": 0.93,
    "budget_units": 0.93,
    "departments": 0.93,
    "units": 0.93,
    "indicators_found": 0.97,
    "level1_right": 0.97,
    "level2_right": 0.97,
    "annual_raw_right": 0.97,
    "annual_structured_right": 0.97,
    "period_right": 0.87,
    "baseline_right": 0.87,
}

(
    test_heldout15_publishers_are_new,
    test_heldout15_fidelity_stays_above_its_floor,
    test_heldout15_invents_few_indicators,
) = heldout_tests("heldout15", FLOORS, min_publishers=12, invented_at_most=1)
