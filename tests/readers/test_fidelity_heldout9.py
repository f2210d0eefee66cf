"""The ninth held-out set of target tables (tests/corpus/heldout9): eleven publishers no other corpus has,
target tables only, kept aside from the reader's development and scored as a new user would (issue 11:
≥ 90% of indicators found and ≥ 85% of annual values right on unseen publishers).

The floors are what the reader scored when the set was committed, before anyone looked at its
failures, rounded down a little (see the set's README for the figures and the command). They only
go up. The set has since become a development set (issue 11's classes found here were tuned on, never
its goldens): the floors below were raised to what the reader then reached.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-11-30 on branch heldout9 = main 0281425 (11 documents, 14 tables, 106 indicators): names
# 13/14, years 13/14, budgets 11/14, budget units 11/13, departments 13/14, units 11/11, indicators found
# 95/106 (89.6%), 一级/二级 95/106, annual values 93/106 raw (87.7%) and 91/106 structured (85.8%),
# period values 8/8, 5 invented. With 14 tables one miss is 7 points and with 106 indicators one miss is
# 1 point, hence floors one table miss under for the table figures and about three misses under for the
# indicators.
FLOORS = {
    "names": 0.92,
    "years": 0.92,
    "budgets": 0.99,  # read12: 14/14 (parts under 实施期/年度 column headings, 年度预算总额 over 上级补助)
    "budget_units": 0.99,  # read12: 13/13
    "departments": 0.85,
    "units": 0.9,
    "indicators_found": 0.97,
    "level1_right": 0.97,
    "level2_right": 0.97,
    "annual_raw_right": 0.97,
    "annual_structured_right": 0.97,  # read12: 106/106 (a bare 0 under a 发生率 takes no unit)
    "period_right": 0.87,
}
# Raised after the set became a development set (branch read9, issue 11's classes of this set tuned:
# Traditional characters on a mirror's 整体 table, a PDF's wrapped category labels, the merged 绩效指标
# label beside a row, '-' for an empty comparator, doubled dashes and 年年底前 in dates): names 14/14,
# indicators 106/106, annual values 106/106 raw and 105/106 structured, none invented. The floors
# stand about three indicator misses under; inventing is allowed none, as measured.

(
    test_heldout9_publishers_are_new,
    test_heldout9_fidelity_stays_above_its_floor,
    test_heldout9_invents_few_indicators,
) = heldout_tests("heldout9", FLOORS, min_publishers=8, invented_at_most=0)
