"""The eighth held-out set of target tables (tests/corpus/heldout8): publishers no other corpus has, kept
aside from the reader's development and scored as a new user would (issue 11: ≥ 90% of indicators
found and ≥ 85% of annual values right on unseen publishers).

The floors are what the reader scored when the set was committed, before anyone looked at its
failures, rounded down a little (see the set's README for the figures and the command). They only
go up; nobody changes the reader because a document here fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.fidelity import CORPUS, Score, score_corpus

HELDOUT8 = CORPUS.parent / "heldout8"
OTHER_SETS = (
    "publishers",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout6",
    "selfeval",
    "selfeval_heldout",
    "selfeval_heldout2",
    "selfeval_heldout3",
    "selfeval_heldout4",
    "selfeval_heldout5",
    "heldout7",
)

# Measured 2026-11-30 on main 8139681 (13 documents, 5 tables, 32 indicators, 9 documents without a
# target table): names 80%, years 80%, budgets 60%, indicators found 78.1%, 一级/二级 78.1%, annual values
# 75.0% raw and structured, the nine documents without a target table read as none, 1 invented. With 5
# tables one miss is 20 points and with 32 indicators one miss is 3 points, hence floors one miss under.
FLOORS = {
    "names": 0.6,
    "years": 0.6,
    "budgets": 0.4,
    "indicators_found": 0.75,
    "level1_right": 0.75,
    "level2_right": 0.75,
    "annual_raw_right": 0.7,
    "annual_structured_right": 0.7,
    "no_table_right": 1.0,
}
# Issue 11 allows one invented indicator per ten tables; this set had one in five tables when measured, so
# the floor is what was measured (it may only go down) and the ratio is not yet met here.
INVENTED_AT_MOST = 1


def _publishers(folder: Path) -> set[str]:
    names = set()
    for path in folder.glob("*/expected.json"):
        publisher = json.loads(path.read_text(encoding="utf-8"))["stands_for"]["publisher"]
        names.add(publisher.split(" (")[0].split("(")[0].split("（")[0])
    return names


@pytest.fixture(scope="module")
def heldout8_total() -> Score:
    if not any(HELDOUT8.glob("*/expected.json")):
        pytest.skip("no tests/corpus/heldout8 in this checkout")
    return score_corpus(HELDOUT8)[1]


def test_heldout8_publishers_are_new() -> None:
    if not any(HELDOUT8.glob("*/expected.json")):
        pytest.skip("no tests/corpus/heldout8 in this checkout")
    held = _publishers(HELDOUT8)
    seen = set().union(*(_publishers(CORPUS.parent / name) for name in OTHER_SETS))
    seen.add("东莞市妇女联合会")  # the seed's publisher
    assert len(held) >= 8
    assert not held & seen, f"publishers already in other corpora: {sorted(held & seen)}"


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_heldout8_fidelity_stays_above_its_floor(heldout8_total: Score, measure: str) -> None:
    ratio = heldout8_total.ratio(measure)
    assert ratio is not None and ratio >= FLOORS[measure], (
        f"heldout8 {measure}: {heldout8_total.counts[measure]} below {FLOORS[measure]:.0%}"
    )


def test_heldout8_invents_no_more_than_measured(heldout8_total: Score) -> None:
    assert heldout8_total.invented <= INVENTED_AT_MOST
