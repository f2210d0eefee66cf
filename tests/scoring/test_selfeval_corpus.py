"""Floors on the corpus of published self-evaluations (tests/corpus/selfeval, `python -m benchmarks
selfeval_fidelity`): published figures read, totals recomputed, golden findings raised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.selfeval_fidelity import CORPUS, document_of, documents, ratio, score_corpus

from jixiao.readers.selfeval_published import read_published_path
from jixiao.scoring.audit import audit
from jixiao.scoring.audit_checks import BY_CODE


@pytest.fixture(scope="module")
def tally():  # type: ignore[no-untyped-def]
    return score_corpus()


def test_the_corpus_is_big_enough(tally) -> None:  # type: ignore[no-untyped-def]
    assert tally.documents >= 20
    assert len(tally.publishers) >= 12


def test_published_figures_are_read(tally) -> None:  # type: ignore[no-untyped-def]
    assert ratio(tally.scores_right, tally.scores) >= 0.95, tally.problems
    assert ratio(tally.figures_right, tally.figures) >= 0.95, tally.problems
    assert tally.tables_read == tally.tables


def test_every_computable_total_is_recomputed_right(tally) -> None:  # type: ignore[no-untyped-def]
    assert tally.totals_right == tally.totals, tally.problems


def test_every_golden_finding_is_raised(tally) -> None:  # type: ignore[no-untyped-def]
    assert tally.missed == 0, tally.problems
    assert tally.false_arithmetic_on_clean == 0, tally.problems
    assert tally.false <= 2, tally.problems


def test_goldens_are_well_formed() -> None:
    for folder in documents():
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        assert expected["kind"] == "selfeval"
        assert {"publisher", "province", "year", "address", "form"} <= set(expected["stands_for"])
        for table in expected["tables"]:
            assert all(code in BY_CODE for code in table["findings"]), folder.name


def test_binary_documents_are_built_by_their_make_py() -> None:
    for folder in documents():
        if document_of(folder).suffix in (".xlsx", ".pdf", ".docx"):
            assert (folder / "make.py").exists(), folder.name


def test_places_are_kept() -> None:
    tables, _ = read_published_path(CORPUS / "anhui-chizhou-tangxi-2022" / "document.xlsx")
    total = tables[0].total_row
    assert total is not None and str(total.where("score")).endswith("!Sheet1!H7")
    places = {(d.code, str(d.source).rsplit("!", 1)[1]) for d in audit(tables[0]).diagnostics}
    assert {("JX-A05", "H7"), ("JX-A03", "C7"), ("JX-A03", "D7"), ("JX-A03", "E7")} <= places
    lines, _ = read_published_path(CORPUS / "sichuan-qingshen-fagaiju-2023" / "document.txt")
    unfilled = next(d for d in audit(lines[0]).diagnostics if d.code == "JX-A26")
    assert Path(str(unfilled.source).rsplit(":", 1)[0]).name == "document.txt"
    assert str(unfilled.source).rsplit(":", 1)[1] == "17"
