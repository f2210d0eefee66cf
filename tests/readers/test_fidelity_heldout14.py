"""The fourteenth held-out set of target tables (tests/corpus/heldout14): fifteen publishers no other
corpus has, in fourteen provinces, target tables only, chosen as a new user brings them — six ordinary
provincial forms in the formats they are published in (page text, docx, PDF, Excel-exported HTML, a
portal <table>) and nine with one element the corpus lacked (the 湖南 专项 form, text extracted column by
column, full-width digits, two-number ranges, a '续表' page break, '（含）以上' wording, thousands
separators, a 云南 all-projects sheet with 指标属性/指标内容) — five of the layouts seen in stored
material, kept aside from the reader's development and scored as a new user would (issue 11: ≥ 90% of
indicators found and ≥ 85% of annual values right on unseen publishers).

The floors are what the reader scored when the set was committed, before anyone looked at its
failures, rounded down a little (see the set's README for the figures and the command). They only
go up; nobody changes the reader because a document here fails.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-12-01 on branch heldout14 = main 49409a0 (15 documents, 17 tables, 129 indicators),
# goldens committed first (70662f0): names 15/17, years 14/17, budgets 11/17, budget units 10/15,
# departments 10/17, units 10/11, indicators found 109/129, 一级 107/129, 二级 106/129, annual values
# 103/129 raw and 94/129 structured, period values 7/7, 9 invented. The goldens then took the corpus's
# conventions for deadlines and coded departments (README): departments 13/17, structured 97/129.
# With 17 tables one miss is about 6 points and with 129 indicators one miss is under 1 point, hence
# floors one table miss under for the table figures and three or four misses under for the indicators.
# The 9 invented indicators exceed the one per ten tables (1.7 here); the allowance keeps them
# visible instead of hiding them, and may only go down.
# Raised after the set became a development set (branch read19, issue 11's classes read generally, with
# documents of our own in tests/readers/test_heldout14_classes.py): names, years, budgets, departments
# 17/17, budget units 15/15, units 11/11, indicators 129/129, 一级 127/129, 二级 124/129 (the column-by-
# column 江西 block leaves unsettled categories empty, JX-R16), annual values 129/129 raw and 129/129
# structured (after the golden's five two-number ranges took the lower bound and unit that
# docs/data-format.md defines), 0 invented — floors a table miss or three indicators under.
FLOORS = {
    "names": 0.94,
    "years": 0.94,
    "budgets": 0.94,
    "budget_units": 0.93,
    "departments": 0.94,
    "units": 0.90,
    "indicators_found": 0.97,
    "level1_right": 0.96,
    "level2_right": 0.94,
    "annual_raw_right": 0.97,
    "annual_structured_right": 0.97,
    "period_right": 0.85,
}

(
    test_heldout14_publishers_are_new,
    test_heldout14_fidelity_stays_above_its_floor,
    test_heldout14_invents_few_indicators,
) = heldout_tests("heldout14", FLOORS, min_publishers=12, invented_at_most=1)
