"""The seventh held-out set of target tables (tests/corpus/heldout7): publishers no other corpus has, kept
aside from the reader's development and scored as a new user would (issue 11: ≥ 90% of indicators
found and ≥ 85% of annual values right on unseen publishers).

The floors are what the reader scored when the set was committed, before anyone looked at its
failures, rounded down a little (see the set's README for the figures and the command). They only
go up; nobody changes the reader because a document here fails.
"""

from __future__ import annotations

from tests.readers.heldout_floors import heldout_tests

# Measured 2026-11-30 on main 8c4c7ff (21 documents, 12 tables, 85 indicators, 10 documents without a
# target table): names 100%, years 91.7%, budgets 75.0%, indicators found 100%, 一级 100%, 二级 100%,
# annual values 100% raw / 98.8% structured, period values 100%, the ten documents without a target
# table read as none, 0 invented. With 12 tables one miss is 8 points, hence the lower year/budget floors.
# Tuned from 2026-11-30 on read6 (a development set since): budgets 11/12 (91.7%) once 项目预算金额 and
# 资金金额 were read as amount labels, departments 8/8 with 主管预算部门, years 12/12 from 项目开始年度.
FLOORS = {
    "names": 0.9,
    "years": 0.9,
    "budgets": 0.85,
    "indicators_found": 0.95,
    "level1_right": 0.95,
    "level2_right": 0.95,
    "annual_raw_right": 0.95,
    "annual_structured_right": 0.95,
    "period_right": 0.95,
    "no_table_right": 1.0,
}

(
    test_heldout7_publishers_are_new,
    test_heldout7_fidelity_stays_above_its_floor,
    test_heldout7_invents_few_indicators,
) = heldout_tests("heldout7", FLOORS, min_publishers=8)
