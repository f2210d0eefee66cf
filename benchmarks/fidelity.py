"""Reading fidelity on the corpus of real layouts (tests/corpus/publishers): `python -m benchmarks fidelity`.

Every folder under tests/corpus/publishers holds one document and its hand-written golden
(``expected.json``, format in that folder's README). Each document is read as a user would read it
(`read_any`) and scored against its golden, per document and in total:

- tables: project name, budget year, budget (元, Decimal), budget unit, department/unit;
- indicators found (golden indicators matched by name), 一级/二级 right (by the catalogue's canonical
  name), annual values right as written (``raw``) and structured (kind, op, value, unit), period and
  baseline values where the golden has them;
- invented indicators: read but not in the golden (header and footer cells read as indicators);
- documents of kind ``none``/``selfeval``: right when no target table is read from them.

``--json`` prints the whole score as JSON; ``--quiet`` only the totals.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jixiao import catalog
from jixiao.model import Indicator, Table, Target
from jixiao.readers.detect import read_any
from jixiao.value_units import display_unit

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "publishers"
_DOCUMENT = "document."

# Counters kept per document and in total: (right, out of).
MEASURES = (
    "names",
    "years",
    "budgets",
    "budget_units",
    "departments",
    "units",
    "indicators_found",
    "level1_right",
    "level2_right",
    "annual_raw_right",
    "annual_structured_right",
    "period_right",
    "baseline_right",
    "no_table_right",
)


@dataclass
class Score:
    """Right/out-of counts of one document (or the total), and what went wrong, for reading."""

    document: str = ""
    counts: dict[str, list[int]] = field(default_factory=lambda: {m: [0, 0] for m in MEASURES})
    invented: int = 0
    tables_read: int = 0
    tables_expected: int = 0
    misses: list[str] = field(default_factory=list)

    def count(self, measure: str, right: bool, miss: str = "") -> None:
        self.counts[measure][1] += 1
        if right:
            self.counts[measure][0] += 1
        elif miss:
            self.misses.append(f"{measure}: {miss}")

    def add(self, other: Score) -> None:
        for measure, (right, total) in other.counts.items():
            self.counts[measure][0] += right
            self.counts[measure][1] += total
        self.invented += other.invented
        self.tables_read += other.tables_read
        self.tables_expected += other.tables_expected

    def ratio(self, measure: str) -> float | None:
        right, total = self.counts[measure]
        return right / total if total else None


def squeeze(text: str | None) -> str:
    """Text compared without spaces and with ASCII brackets (line wrapping and PDF spacing differ)."""
    if not text:
        return ""
    table = str.maketrans({"（": "(", "）": ")", "：": ":", "\u3000": None})
    return "".join(text.translate(table).split())


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _unit_key(unit: str | None) -> str | None:
    """A unit as compared: 件(套) and 件（套） are one unit (the grammar stores full-width brackets)."""
    return display_unit(unit) if unit else None


def _same_target(target: Target, expected: dict[str, Any]) -> tuple[bool, bool]:
    """(raw right, structured right) of a read value against a golden TARGET."""
    raw_right = squeeze(target.raw) == squeeze(expected.get("raw"))
    op = target.op.value if target.op is not None else None
    # A deadline's value is its year in jixiao.table/1; goldens that leave it null compare kind and op only.
    deadline_unvalued = expected.get("kind") == "deadline" and expected.get("value") is None
    structured = (
        target.kind.value == expected.get("kind", "unknown")
        and op == expected.get("op")
        and (deadline_unvalued or target.value == _decimal(expected.get("value")))
        and (deadline_unvalued or _unit_key(target.unit) == _unit_key(expected.get("unit")))
    )
    return raw_right, structured


def _match_tables(
    read: list[Table], expected: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], Table | None]]:
    """Pair each golden table with the read table of the same name, else the next unpaired one in order."""
    free = list(read)
    pairs: list[tuple[dict[str, Any], Table | None]] = []
    unnamed: list[int] = []
    for n, golden in enumerate(expected):
        match = next((t for t in free if squeeze(t.project.name) == squeeze(golden.get("name"))), None)
        if match is not None:
            free.remove(match)
        else:
            unnamed.append(n)
        pairs.append((golden, match))
    for n in unnamed:  # by order among the rest
        if free:
            pairs[n] = (pairs[n][0], free.pop(0))
    return pairs


def _match_indicators(
    read: tuple[Indicator, ...], expected: list[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], Indicator | None]], int]:
    """Pair golden indicators with read ones by name, in order; return the pairs and the unpaired read."""
    free = list(read)
    pairs: list[tuple[dict[str, Any], Indicator | None]] = []
    for golden in expected:
        name = squeeze(golden.get("name"))
        match = next((i for i in free if squeeze(i.name) == name), None)
        if match is None and name:  # a name kept with more or less of its wrapped text
            match = next(
                (i for i in free if i.name and (name in squeeze(i.name) or squeeze(i.name) in name)), None
            )
        if match is not None:
            free.remove(match)
        pairs.append((golden, match))
    return pairs, len(free)


def score_table(score: Score, golden: dict[str, Any], table: Table | None) -> None:
    label = golden.get("name") or "?"
    project = table.project if table is not None else None
    read_name = project.name if project else None
    score.count("names", squeeze(read_name) == squeeze(golden.get("name")), f"{label} ← {read_name}")
    if "year" in golden:
        year = project.year if project else None
        score.count("years", year == golden["year"], f"{label}: {year} ≠ {golden['year']}")
    if "budget" in golden:
        budget = project.budget if project else None
        wanted_budget = _decimal(golden["budget"])
        score.count("budgets", budget == wanted_budget, f"{label}: {budget} ≠ {wanted_budget}")
        if golden.get("budget_unit") is not None:
            unit = project.budget_unit if project else None
            score.count(
                "budget_units", unit == golden["budget_unit"], f"{label}: {unit} ≠ {golden['budget_unit']}"
            )
    for key, measure in (("department", "departments"), ("unit", "units")):
        if golden.get(key) is not None:
            value = getattr(project, key) if project else None
            score.count(measure, squeeze(value) == squeeze(golden[key]), f"{label}: {value} ≠ {golden[key]}")
    indicators = table.indicators if table is not None else ()
    pairs, invented = _match_indicators(indicators, golden.get("indicators", []))
    score.invented += invented
    if invented:
        known = {squeeze(g.get("name")) for g in golden.get("indicators", [])}
        extra = [i.name for i in indicators if squeeze(i.name) not in known][:5]
        score.misses.append(f"invented: {label}: {'、'.join(extra)}")
    for want, got in pairs:
        name = want.get("name", "")
        score.count("indicators_found", got is not None, f"{label}: {name}")
        if got is None:
            for measure in ("level1_right", "level2_right", "annual_raw_right", "annual_structured_right"):
                score.count(measure, False)
            continue
        l1 = catalog.canonical(got.level1) == catalog.canonical(want.get("level1") or "")
        l2 = catalog.canonical(got.level2) == catalog.canonical(want.get("level2") or "")
        score.count("level1_right", l1, f"{name}: {got.level1} ≠ {want.get('level1')}")
        score.count("level2_right", l2, f"{name}: {got.level2} ≠ {want.get('level2')}")
        annual = want.get("annual") or {"raw": "", "kind": "unknown", "op": None, "value": None, "unit": None}
        raw, structured = _same_target(got.annual, annual)
        score.count("annual_raw_right", raw, f"{name}: {got.annual.raw!r} ≠ {annual.get('raw')!r}")
        score.count(
            "annual_structured_right",
            structured,
            f"{name}: {got.annual.kind.value} {got.annual.op} {got.annual.value} {got.annual.unit} ≠ "
            f"{annual.get('kind')} {annual.get('op')} {annual.get('value')} {annual.get('unit')}",
        )
        if want.get("period"):
            p_raw, p_structured = _same_target(got.period, want["period"])
            score.count("period_right", p_raw and p_structured, f"{name}: period {got.period.raw!r}")
        baseline = getattr(got, "baseline", None)
        baseline_raw = baseline.raw if isinstance(baseline, Target) else (baseline or "")
        if want.get("baseline") or baseline_raw:  # only where either side has one
            score.count(
                "baseline_right",
                squeeze(baseline_raw) == squeeze(want["baseline"] if isinstance(want["baseline"], str) else
                                                 (want["baseline"] or {}).get("raw")),
                f"{name}: baseline {baseline_raw!r}",
            )  # fmt: skip


def score_document(folder: Path) -> Score:
    """Read the document of one corpus folder and score it against its expected.json."""
    score = Score(document=folder.name)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    documents = sorted(p for p in folder.iterdir() if p.name.startswith(_DOCUMENT))
    if not documents:
        score.misses.append("no document.* in the folder")
        return score
    try:
        tables, _ = read_any(documents[0])
    except Exception as exc:  # a reader that raises is a failure to measure, not a crash of the benchmark
        score.misses.append(f"reader raised {type(exc).__name__}: {exc}")
        tables = []
    score.tables_read = len(tables)
    kind = expected.get("kind", "target")
    if kind != "target":
        score.count("no_table_right", not tables, f"{kind} document read as {len(tables)} target table(s)")
        return score
    golden_tables = expected.get("tables", [])
    score.tables_expected = len(golden_tables)
    paired = _match_tables(tables, golden_tables)
    for golden, table in paired:
        score_table(score, golden, table)
    used = sum(1 for _, t in paired if t is not None)
    for table in [t for t in tables if all(t is not p for _, p in paired)][: max(0, len(tables) - used)]:
        score.invented += len(table.indicators)
        score.misses.append(f"invented table: {table.project.name} ({len(table.indicators)} indicators)")
    return score


def score_corpus(root: Path = CORPUS) -> tuple[list[Score], Score]:
    """Every document of the corpus scored, and the total."""
    folders = sorted(p.parent for p in root.glob("*/expected.json"))
    scores = [score_document(folder) for folder in folders]
    total = Score(document="total")
    for score in scores:
        total.add(score)
    return scores, total


def _line(score: Score) -> str:
    parts = []
    for measure in MEASURES:
        right, total = score.counts[measure]
        if total:
            parts.append(f"{measure} {right}/{total}")
    parts.append(f"invented {score.invented}")
    return ", ".join(parts)


def totals(total: Score, documents: int) -> dict[str, Any]:
    """The totals as plain data: each measure's right, out of, and ratio."""
    data: dict[str, Any] = {"documents": documents, "invented": total.invented}
    for measure in MEASURES:
        right, out_of = total.counts[measure]
        data[measure] = {"right": right, "of": out_of, "ratio": round(right / out_of, 4) if out_of else None}
    return data


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv if not a.startswith("--")] or [CORPUS]
    scores: list[Score] = []
    total = Score(document="total")
    for root in roots:  # several sets at once: ``tests/corpus/publishers tests/corpus/heldout*``
        set_scores, set_total = score_corpus(root)
        scores += set_scores
        total.add(set_total)
    if "--json" in argv:
        payload = {"total": totals(total, len(scores)), "documents": [asdict(s) for s in scores]}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    if "--quiet" not in argv:
        for score in scores:
            print(f"{score.document}: {_line(score)}")
            for miss in score.misses[:12]:
                print(f"    {miss}")
            if len(score.misses) > 12:
                print(f"    … {len(score.misses) - 12} more")
    print(f"\n{len(scores)} documents: {_line(total)}")
    for measure in MEASURES:
        ratio = total.ratio(measure)
        if ratio is not None:
            print(f"  {measure:24} {total.counts[measure][0]:5}/{total.counts[measure][1]:<5} {ratio:6.1%}")
    print(f"  {'invented indicators':24} {total.invented:5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
