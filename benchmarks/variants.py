"""How robust reading is to variations of layouts it already reads: `python -m benchmarks variants`.

Every corpus target-table document that jixiao reads exactly today (all golden indicators found, every
annual value right as written and structured, nothing invented — `benchmarks.fidelity`'s comparison)
is rewritten in meaning-preserving variants (`benchmarks.variant_forms`): the same rows in other
carriers (cell separators, HTML, xlsx, docx, a PDF's text) and the same table said otherwise (header
synonyms, extra columns moved or dropped, the 一级 written once elsewhere or not at all, a portal's
preamble and footer, a page marker). Each variant is scored against the ORIGINAL golden, never against
jixiao's output. Per transformation: documents tried, indicators found, annual values right (raw and
structured), invented indicators.

``--no-pdf`` leaves out the PDF carrier (slow: WeasyPrint prints each page); ``--misses`` prints what
each variant got wrong; ``--only NAME`` runs one transformation; ``--limit N`` the first N documents.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from benchmarks.fidelity import Score, score_document
from benchmarks.selfeval_forms import grid_of, write_form
from benchmarks.variant_forms import CONTENT, FILE_CARRIERS, TEXT_CARRIERS, Grid, indicator_block, text_of

ROOT = Path(__file__).resolve().parent.parent / "tests" / "corpus"
SETS = ("publishers", "heldout*")
BASE = "tab"  # the carrier the content transformations are written in


@dataclass
class Tally:
    """One transformation's figures over the documents it was tried on."""

    tried: int = 0
    exact: int = 0
    found: list[int] = field(default_factory=lambda: [0, 0])
    raw: int = 0
    structured: int = 0
    invented: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, score: Score) -> None:
        self.tried += 1
        counts = score.counts
        self.found[0] += counts["indicators_found"][0]
        self.found[1] += counts["indicators_found"][1]
        self.raw += counts["annual_raw_right"][0]
        self.structured += counts["annual_structured_right"][0]
        self.invented += score.invented
        if is_exact(score):
            self.exact += 1
        else:
            self.misses.append(f"{name}: " + "; ".join(score.misses[:4]))

    def line(self, transformation: str) -> str:
        right, total = self.found
        return (
            f"{transformation:20} documents {self.exact:3}/{self.tried:<3} exact, "
            f"indicators {right}/{total}, annual raw {self.raw}, structured {self.structured}, "
            f"invented {self.invented}"
        )


def is_exact(score: Score) -> bool:
    counts = score.counts
    found, out_of = counts["indicators_found"]
    return (
        out_of > 0
        and found == out_of
        and counts["annual_raw_right"][0] == out_of
        and counts["annual_structured_right"][0] == out_of
        and score.invented == 0
    )


@cache
def exact_documents() -> tuple[Path, ...]:
    """The corpus folders of target tables read exactly today, their grids readable."""
    folders = sorted(p.parent for pattern in SETS for p in ROOT.glob(f"{pattern}/*/expected.json"))
    exact = []
    for folder in folders:
        golden = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        if golden.get("kind", "target") == "target" and is_exact(score_document(folder)):
            exact.append(folder)
    return tuple(exact)


def _document(folder: Path) -> Path:
    return next(p for p in sorted(folder.iterdir()) if p.name.startswith("document."))


def grid_for(folder: Path) -> Grid | None:
    """The rows the corpus reader gives for the folder's document, where they form a grid: an indicator
    block whose header row names a tree column and one annual value column. A text written one cell
    per line gives no grid (its reader puts the cells under their columns later): not rewritten."""
    try:
        grid = grid_of(_document(folder))
    except AssertionError:  # the corpus reader gave no rows (a problem): nothing to rewrite
        return None
    return grid if indicator_block(grid) is not None else None


def score_variant(folder: Path, grid: Grid, carrier: str, work: Path) -> Score:
    """The grid written in ``carrier`` beside a copy of the folder's golden, and scored."""
    target = work / f"{folder.parent.name}-{folder.name}"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    if carrier in TEXT_CARRIERS:
        (target / "document.txt").write_text(text_of(grid, carrier), encoding="utf-8")
    else:
        write_form(grid, carrier, target)
    shutil.copy(folder / "expected.json", target / "expected.json")
    score = score_document(target)
    score.document = f"{folder.parent.name}/{folder.name}"
    return score


def run(folders: list[Path], transformations: list[str], work: Path) -> dict[str, Tally]:
    """Each transformation over each folder; content ones only where the base carrier reads exactly."""
    tallies = {name: Tally() for name in transformations}
    for folder in folders:
        grid = grid_for(folder)
        if grid is None:
            tallies.setdefault("(no grid)", Tally()).tried += 1
            continue
        golden = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        base = score_variant(folder, grid, BASE, work)
        for name in transformations:
            if name in TEXT_CARRIERS or name in FILE_CARRIERS:
                score = base if name == BASE else score_variant(folder, grid, name, work)
                tallies[name].add(score.document, score)
            elif is_exact(base):
                variant = CONTENT[name](grid, golden)
                if variant is not None:
                    score = score_variant(folder, variant, BASE, work)
                    tallies[name].add(score.document, score)
    return tallies


def transformation_names(argv: list[str]) -> list[str]:
    names = [*TEXT_CARRIERS, *FILE_CARRIERS, *CONTENT]
    if "--no-pdf" in argv:
        names.remove("pdf-text")
    if "--only" in argv:
        names = [argv[argv.index("--only") + 1]]
    return names


def main(argv: list[str]) -> int:
    folders = list(exact_documents())
    if "--limit" in argv:
        folders = folders[: int(argv[argv.index("--limit") + 1])]
    print(f"{len(folders)} documents read exactly today")
    with tempfile.TemporaryDirectory() as work:
        tallies = run(folders, transformation_names(argv), Path(work))
    for name, tally in tallies.items():
        print(tally.line(name))
        if "--misses" in argv:
            for miss in tally.misses:
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
