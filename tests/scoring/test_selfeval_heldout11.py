"""Floors on the eleventh held-out set of published self-evaluations (tests/corpus/selfeval_heldout11):
12 publishers in 12 provinces none of the other corpora has, in the forms the corpus holds least — three
部门整体 tables (text, PDF, a government page), two 转移支付区域 tables (an Excel export with merged cells,
text), the central form as a scan's OCR text, Excel exports with merged cells, Word with a footnote, a
landscape PDF — tried as a new user would (issue 12: ≥ 90% of published scores read, every table that
contradicts its own numbers flagged). `python -m benchmarks selfeval_fidelity --corpus
tests/corpus/selfeval_heldout11` prints the figures.

The floors are the figures measured once when the set was committed, before any reader or audit change for
it. They only go up; the ceilings (tables not read without a reason, findings missed and false, arithmetic
findings on a table that agrees, recomputed totals wrong) only come down.
"""

from __future__ import annotations

from tests.scoring.selfeval_heldout_floors import SelfEvalFloors, selfeval_heldout_tests

# Measured 2026-12-01 10:32 UTC on main 6120371 (branch selfeval_heldout11 changes no code; documents and
# goldens committed first in bd50f22; 12 documents, 12 tables, 12 publishers, all composed): 12 of 12 tables
# read, published scores 104/104 (100%), published figures 1.0, recomputed totals 10/10, findings found 11 /
# missed 0 / false 0, no arithmetic finding on a table that agrees, 6 of 6 self-contradicting tables flagged.
FLOORS = SelfEvalFloors(
    publishers=12,
    documents=12,
    tables=12,
    tables_read=12,
    scores_read=1.0,
    totals_right=10,
    totals_wrong=0,
    contradicting=6,
    contradicting_flagged=6,
    findings_found=11,
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
) = selfeval_heldout_tests("selfeval_heldout11", FLOORS)
