"""Floors on the second held-out set of published self-evaluations (tests/corpus/selfeval_heldout2):
publishers none of the other corpora has, tried as a new user would (issue 12: ≥ 90% of published
scores read, every table that contradicts its own numbers flagged). `python -m benchmarks
selfeval_fidelity --corpus tests/corpus/selfeval_heldout2` prints the figures.

The floors were first the figures measured when the set was committed, before any reader or audit
change for it; they have been raised to what the readers reach now (rounded down a little) and only
go up.
"""

from __future__ import annotations

from tests.scoring.selfeval_heldout_floors import SelfEvalFloors, selfeval_heldout_tests

# Measured 2026-11-30 on main bc3b810 (8 documents, 9 tables, 8 publishers): 5 of 9 tables read,
# published scores 31/47 (66.0%), published figures 69.6%, recomputed totals 0/2, findings found 7 /
# missed 21 / false 5, no arithmetic finding on a table that agrees, 2 of 5 self-contradicting
# tables flagged.
# Raised 2026-11-30 on branch selfeval4 (the set is a development set from then on): 7 of 9 tables
# read, published scores 68/75 (90.7%), figures 90.6%, recomputed totals 4/4, findings found 19 /
# missed 9 / false 0, 6 of 6 self-contradicting tables read flagged. Not read yet: 蔡甸 (Traditional
# characters run together, no score column), 原州 (OCR text run together); of 稷山 (a workbook
# extracted column by column) only the funds block is read.
# Branch selfeval8 (only where the table's own sums confirm a cut): 稷山's block extracted column by
# column (names and groups of four figures in row order, the 分值 on the group weights 50/30/10 and with
# the budget's on the 总分 row's 100) and 原州's OCR rows run together (exactly one cut gives 分值 on
# 40/40/20 and 得分 making the printed 99; OCR-damaged targets kept out, JX-R09) are read: 8 of 9 tables,
# published scores 89/89, figures 99.3% (原州's 是/基本达到 not split: the grammar is not sure), findings
# 22 / 1 / 0. 蔡甸 prints no weight or score to confirm a cut and stays unread, saying why (JX-R13):
# unread tables explained 1/1.
# Branch selfeval10: 蔡甸 is read where its template's column order and the grammar of its values leave
# exactly one cut (the reason column's 达成预期指标 ends every row; a name, then one or two values;
# fund amounts cut where one cut makes the printed 执行率; `readers/selfeval_runplain.py`): 9 of 9
# tables, published scores 91/91, findings 23 / 0 / 0 (its JX-A23 raised).
FLOORS = SelfEvalFloors(
    publishers=8,
    documents=8,
    tables=9,
    tables_read=9,
    scores_read=1.0,
    totals_right=4,
    contradicting=5,
    contradicting_flagged=6,
    findings_found=23,
    findings_missed=0,
)

(
    test_publishers_are_new,
    test_tables_and_scores_are_read,
    test_contradictions_are_flagged_and_clean_tables_are_not,
    test_findings_are_raised,
) = selfeval_heldout_tests("selfeval_heldout2", FLOORS)
