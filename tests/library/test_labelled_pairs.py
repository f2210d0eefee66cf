"""The grouping checked on hand-labelled pairs of indicator names seen in tests/corpus and the seed.

`labelled_pairs.tsv` holds pairs of spellings a person judged the same indicator (S) or different
(D). The pairs were drawn from the names of the corpus goldens and the seed that look alike (a
rapidfuzz ratio of 60 or more, or one inside the other), so the different ones are hard cases; pairs
a person could not decide (管网设计使用年限 / 工程设计使用年限) were left out rather than guessed.
The library is built from every corpus table and each pair is predicted "same" when both names fall
in one entry. Precision and recall of "same" must both reach 0.9.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from jixiao.library import Library, build_library, normalise_name
from jixiao.library.mining import TableRows, rows_from_document

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"


def _documents() -> Iterator[dict[str, object]]:
    yield from json.loads((CORPUS / "dongguan_fulian_2025.json").read_text(encoding="utf-8"))
    for folder in ("publishers", "heldout"):
        for path in sorted((CORPUS / folder).glob("*/expected.json")):
            yield from json.loads(path.read_text(encoding="utf-8")).get("tables") or []


def _tables() -> Iterator[TableRows]:
    for index, document in enumerate(_documents()):
        yield rows_from_document({**document, "id": index})


@cache
def _library() -> Library:
    return build_library(_tables())


def pairs() -> list[tuple[bool, str, str]]:
    found = []
    for line in (HERE / "labelled_pairs.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, a, b = line.split("\t")
        found.append((label == "S", a, b))
    return found


def test_at_least_200_pairs_both_kinds() -> None:
    labelled = pairs()
    assert len(labelled) >= 200
    assert sum(same for same, _, _ in labelled) >= 80 and sum(not same for same, _, _ in labelled) >= 80


def test_grouping_precision_and_recall_on_labelled_pairs() -> None:
    library = _library()
    entry_of = {m.key: e.code for e in library.entries for m in e.members}
    outcomes = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    wrong = []
    for same, a, b in pairs():
        code_a, code_b = entry_of.get(normalise_name(a).key), entry_of.get(normalise_name(b).key)
        assert code_a and code_b, f"{a} / {b}: not in the library"
        predicted = code_a == code_b
        outcomes[("t" if predicted == same else "f") + ("p" if predicted else "n")] += 1
        if predicted != same:
            wrong.append(f"{'S' if same else 'D'} {a} / {b}")
    precision = outcomes["tp"] / (outcomes["tp"] + outcomes["fp"])
    recall = outcomes["tp"] / (outcomes["tp"] + outcomes["fn"])
    assert precision >= 0.9 and recall >= 0.9, (precision, recall, outcomes, wrong)
