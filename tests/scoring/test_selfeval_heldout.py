"""Floors on the held-out set of published self-evaluations (tests/corpus/selfeval_heldout): publishers
the corpus never had, tried as a new user would (issue 12: ≥ 90% of published scores read, every table
that contradicts its own numbers flagged). `python -m benchmarks selfeval_fidelity --corpus
tests/corpus/selfeval_heldout` prints the figures."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.selfeval_fidelity import CORPUS, documents, ratio, score_corpus

HELDOUT = Path(__file__).resolve().parents[1] / "corpus" / "selfeval_heldout"


def test_held_out_publishers_are_new() -> None:
    def publishers(folder: Path) -> set[str]:
        return {
            json.loads((d / "expected.json").read_text(encoding="utf-8"))["stands_for"]["publisher"]
            for d in documents(folder)
        }

    held = publishers(HELDOUT)
    assert len(held) >= 8 and not held & publishers(CORPUS)


def test_held_out_scores_are_read_and_contradictions_flagged() -> None:
    tally = score_corpus(HELDOUT)
    assert tally.tables_read == tally.tables, tally.problems
    assert ratio(tally.scores_right, tally.scores) >= 0.90, tally.problems
    assert tally.contradicting >= 3 and tally.contradicting_flagged == tally.contradicting, tally.problems
    assert tally.false_arithmetic_on_clean == 0, tally.problems


def test_held_out_figures_hold_as_on_the_corpus() -> None:
    """After the general fixes (none for one document): every score read, every golden finding
    raised and none invented, every computable total recomputed right."""
    tally = score_corpus(HELDOUT)
    assert tally.scores_right == tally.scores, tally.problems
    assert tally.totals_right == tally.totals, tally.problems
    assert tally.missed == 0 and tally.false == 0, tally.problems
