"""Floors on the second held-out set of published self-evaluations (tests/corpus/selfeval_heldout2):
publishers none of the other corpora has, tried as a new user would (issue 12: ≥ 90% of published
scores read, every table that contradicts its own numbers flagged). `python -m benchmarks
selfeval_fidelity --corpus tests/corpus/selfeval_heldout2` prints the figures.

The floors were first the figures measured when the set was committed, before any reader or audit
change for it; they have been raised to what the readers reach now (rounded down a little) and only
go up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.selfeval_fidelity import CORPUS, Tally, documents, ratio, score_corpus

HELDOUT2 = CORPUS.parent / "selfeval_heldout2"
OTHER_SETS = ("selfeval", "selfeval_heldout", "publishers", "heldout", "heldout2")

# Measured 2026-11-30 on main bc3b810 (8 documents, 9 tables, 8 publishers): 5 of 9 tables read,
# published scores 31/47 (66.0%), published figures 69.6%, recomputed totals 0/2, findings found 7 /
# missed 21 / false 5, no arithmetic finding on a table that agrees, 2 of 5 self-contradicting
# tables flagged.
# Raised 2026-11-30 on branch selfeval4 (the set is a development set from then on): 7 of 9 tables
# read, published scores 68/75 (90.7%), figures 90.6%, recomputed totals 4/4, findings found 19 /
# missed 9 / false 0, 6 of 6 self-contradicting tables read flagged. Not read yet: 蔡甸 (Traditional
# characters run together, no score column), 原州 (OCR text run together); of 稷山 (a workbook
# extracted column by column) only the funds block is read.
TABLES_READ = 7
SCORES_READ = 0.90
CONTRADICTING_FLAGGED = 6
TOTALS_RIGHT = 4


def _publishers(folder: Path) -> set[str]:
    return {
        json.loads((d / "expected.json").read_text(encoding="utf-8"))["stands_for"]["publisher"].split(" (")[
            0
        ]
        for d in documents(folder)
    }


@pytest.fixture(scope="module")
def tally() -> Tally:
    if not HELDOUT2.is_dir():
        pytest.skip("no tests/corpus/selfeval_heldout2 in this checkout")
    return score_corpus(HELDOUT2)


def test_held_out_publishers_are_new() -> None:
    if not HELDOUT2.is_dir():
        pytest.skip("no tests/corpus/selfeval_heldout2 in this checkout")
    held = _publishers(HELDOUT2)
    seen = set().union(*(_publishers(CORPUS.parent / name) for name in OTHER_SETS))
    assert len(held) >= 6
    assert not held & seen, f"publishers already in other corpora: {sorted(held & seen)}"


def test_held_out_tables_and_scores_are_read_at_least_as_well_as_when_committed(tally: Tally) -> None:
    assert tally.tables_read >= TABLES_READ, tally.problems
    assert ratio(tally.scores_right, tally.scores) >= SCORES_READ, tally.problems
    assert tally.totals_right >= TOTALS_RIGHT and tally.totals_right == tally.totals, tally.problems
    assert tally.false == 0, tally.problems


def test_held_out_contradictions_are_flagged_and_clean_tables_are_not(tally: Tally) -> None:
    assert tally.contradicting >= 5
    assert tally.contradicting_flagged >= CONTRADICTING_FLAGGED, tally.problems
    assert tally.false_arithmetic_on_clean == 0, tally.problems
