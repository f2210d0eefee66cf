"""The third held-out set of target tables (tests/corpus/heldout3): publishers no other corpus has, kept
aside from the reader's development and scored as a new user would (issue 11: ≥ 90% of indicators
found and ≥ 85% of annual values right on unseen publishers).

The floors were first what the reader scored when the set was committed, before anyone looked at its
failures, rounded down a little. On branch read4 the set became a development set (the reader was
changed for the layout classes its failures showed); the floors are now what that branch reached,
rounded down a little (see the set's README for the before/after figures and the command). They only
go up. The sets still kept aside are heldout4 on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.fidelity import CORPUS, Score, score_corpus

HELDOUT3 = CORPUS.parent / "heldout3"
OTHER_SETS = ("publishers", "heldout", "heldout2", "selfeval", "selfeval_heldout")

# Measured 2026-11-30 on main bc3b810 (15 documents, 17 tables, 135 indicators):
# names 41.2%, years 47.1%, budgets 41.2%, indicators found 49.6%, 一级 49.6%, 二级 49.6%,
# annual values 47.4% raw / 44.4% structured, the prose page without a table read as none, 0 invented.
# On branch read4 the set became a development set (its four no-table layout classes fixed for the
# class, each with a document of its own in publishers/): names 100%, years 100%, budgets 94.1%,
# indicators found 100%, 一级/二级 100%, annual values 95.6% raw / 92.6% structured, 0 invented.
# Branch read5b (grades run together with their names, 小时内/日内, 2021年全年): annual values 100% raw
# (135/135) / 99.3% structured (134/135).
FLOORS = {
    "names": 0.97,
    "years": 0.97,
    "budgets": 0.92,
    "budget_units": 0.97,
    "departments": 0.97,
    "indicators_found": 0.98,
    "level1_right": 0.98,
    "level2_right": 0.98,
    "annual_raw_right": 0.98,
    "annual_structured_right": 0.97,
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
def heldout3_total() -> Score:
    if not any(HELDOUT3.glob("*/expected.json")):
        pytest.skip("no tests/corpus/heldout3 in this checkout")
    return score_corpus(HELDOUT3)[1]


def test_heldout3_publishers_are_new() -> None:
    if not any(HELDOUT3.glob("*/expected.json")):
        pytest.skip("no tests/corpus/heldout3 in this checkout")
    held = _publishers(HELDOUT3)
    seen = set().union(*(_publishers(CORPUS.parent / name) for name in OTHER_SETS))
    assert len(held) >= 8
    assert not held & seen, f"publishers already in other corpora: {sorted(held & seen)}"


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_heldout3_fidelity_stays_above_its_floor(heldout3_total: Score, measure: str) -> None:
    ratio = heldout3_total.ratio(measure)
    assert ratio is not None and ratio >= FLOORS[measure], (
        f"heldout3 {measure}: {heldout3_total.counts[measure]} below {FLOORS[measure]:.0%}"
    )


def test_heldout3_invents_few_indicators(heldout3_total: Score) -> None:
    allowed = INVENTED_PER_TEN_TABLES * max(heldout3_total.tables_expected, 1) / 10
    assert heldout3_total.invented <= allowed
