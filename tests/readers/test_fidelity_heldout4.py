"""The fourth held-out set of target tables (tests/corpus/heldout4): publishers no other corpus has, kept
aside from the reader's development and scored as a new user would (issue 11: ≥ 90% of indicators
found and ≥ 85% of annual values right on unseen publishers).

The floors were first what the reader scored when the set was committed, before anyone looked at its
failures, rounded down a little. On branch read5b the set became a development set (the reader was
changed for the classes its failures showed, each with a document of its own in
tests/readers/test_heldout4_classes.py); the floors are now what that branch reached, rounded down a
little (see the set's README for the before/after figures and the command). They only go up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.fidelity import CORPUS, Score, score_corpus

HELDOUT4 = CORPUS.parent / "heldout4"
OTHER_SETS = (
    "publishers",
    "heldout",
    "heldout2",
    "heldout3",
    "selfeval",
    "selfeval_heldout",
    "selfeval_heldout2",
    "selfeval_heldout3",
)

# Measured 2026-11-30 on main 9d4cd37 (7 documents, 6 tables, 52 indicators): names 83.3%, years 83.3%,
# budgets 33.3%, indicators found 82.7%, 一级 82.7%, 二级 82.7%, annual values 50.0% raw / 44.2%
# structured, period values 88.2%, the notice without a table read as none, 0 invented.
FLOORS = {  # raised after the session's merges (read3a/3b/4 never looked at this set): 6/6 names and
    # years, 3/6 budgets, 52/52 indicators, annual 35/52 raw and 31/52 structured, 15/17 periods.
    # Then branch read5b tuned the reader on this set's classes (it is now a development set): 6/6
    # budgets and units, 2/4 departments, annual 52/52 raw and 51/52 structured, 17/17 periods.
    "names": 0.95,
    "years": 0.95,
    "budgets": 0.95,
    "budget_units": 0.95,
    "departments": 0.45,
    "units": 0.95,
    "indicators_found": 0.97,
    "level1_right": 0.97,
    "level2_right": 0.97,
    "annual_raw_right": 0.97,
    "annual_structured_right": 0.95,
    "period_right": 0.95,
    "no_table_right": 1.0,
}
INVENTED_PER_TEN_TABLES = 1.0  # issue 11: at most one invented indicator per ten tables


def _publishers(folder: Path) -> set[str]:
    names = set()
    for path in folder.glob("*/expected.json"):
        publisher = json.loads(path.read_text(encoding="utf-8"))["stands_for"]["publisher"]
        names.add(publisher.split(" (")[0])
    return names


@pytest.fixture(scope="module")
def heldout4_total() -> Score:
    if not any(HELDOUT4.glob("*/expected.json")):
        pytest.skip("no tests/corpus/heldout4 in this checkout")
    return score_corpus(HELDOUT4)[1]


def test_heldout4_publishers_are_new() -> None:
    if not any(HELDOUT4.glob("*/expected.json")):
        pytest.skip("no tests/corpus/heldout4 in this checkout")
    held = _publishers(HELDOUT4)
    seen = set().union(*(_publishers(CORPUS.parent / name) for name in OTHER_SETS))
    assert len(held) >= 5
    assert not held & seen, f"publishers already in other corpora: {sorted(held & seen)}"


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_heldout4_fidelity_stays_above_its_floor(heldout4_total: Score, measure: str) -> None:
    ratio = heldout4_total.ratio(measure)
    assert ratio is not None and ratio >= FLOORS[measure], (
        f"heldout4 {measure}: {heldout4_total.counts[measure]} below {FLOORS[measure]:.0%}"
    )


def test_heldout4_invents_few_indicators(heldout4_total: Score) -> None:
    allowed = INVENTED_PER_TEN_TABLES * max(heldout4_total.tables_expected, 1) / 10
    assert heldout4_total.invented <= allowed
