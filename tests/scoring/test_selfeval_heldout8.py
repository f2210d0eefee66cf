"""Floors on the eighth held-out set of published self-evaluations (tests/corpus/selfeval_heldout8):
publishers none of the other corpora has, in layouts the earlier sets did not hold (a prose 自评报告, a
中央对地方转移支付区域 table, a 部门整体 table with 基本支出 / 项目支出, two tables in one document, the total
only in the conclusion, comma-separated text …), tried as a new user would (issue 12: ≥ 90% of
published scores read, every table that contradicts its own numbers flagged). `python -m benchmarks
selfeval_fidelity --corpus tests/corpus/selfeval_heldout8` prints the figures.

The floors are a little under the figures measured once when the set was committed, before any reader
or audit change for it. They only go up; the ceilings (tables not read without a reason, findings missed
and false, arithmetic findings on a table that agrees, recomputed totals wrong) only come down.
"""

from __future__ import annotations

from tests.scoring.selfeval_heldout_floors import SelfEvalFloors, selfeval_heldout_tests

# Measured 2026-12-01 on main a6309e7 (branch seheld8 changes no code; goldens committed first in
# 39773cc; 11 documents, 13 tables, 11 publishers, all composed): 11 of 13 tables read, published scores
# 92/93 of the tables read (98.9%; 92 of 112 counting the two unread tables' scores), published figures
# 97.2%, recomputed totals 9/10, findings found 27 / missed 3 / false 2, no arithmetic finding on a table
# that agrees, 7 of 7 self-contradicting tables read flagged (the eighth is in an unread document). The two
# unread documents (prose figures; comma-separated text) say nothing about why.
# After branch selfeval12 (the five classes fixed generally; two goldens corrected, see the README): 13 of
# 13 tables read, published scores 112/112, recomputed totals 11/12, findings 29 / 2 / 0, 8 of 8
# self-contradicting tables flagged. The one wrong total and both misses are beijing-mentougou's row scored
# below the rule with its reason written, which the audit keeps (docs/self-evaluation.md §2) and the golden
# rescores: left for the lead to settle between the golden and the documented rule.
# Settled on branch selfeval14 (the lead's decision: the documented convention stays): that golden now keeps
# the reasoned lower score, as hubei-guangshui's does (README, 2026-12-01): totals 12/12, findings 29 / 0 / 0.
FLOORS = SelfEvalFloors(
    publishers=11,
    documents=11,
    tables=13,
    tables_read=13,
    scores_read=0.99,
    totals_right=12,
    totals_wrong=0,
    contradicting=8,
    contradicting_flagged=8,
    findings_found=29,
    findings_missed=0,
    findings_false=0,
    arithmetic_on_clean=0,
    unread_unexplained=0,
)

(
    test_publishers_are_new,
    test_tables_and_scores_are_read,
    test_contradictions_are_flagged_and_clean_tables_are_not,
    test_findings_are_raised,
) = selfeval_heldout_tests("selfeval_heldout8", FLOORS)
