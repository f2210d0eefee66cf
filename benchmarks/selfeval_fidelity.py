"""Score the reading and the audit of published self-evaluations against the hand-written goldens.

Every folder under tests/corpus/selfeval/ holds one document (text or a workbook built by make.py)
and expected.json, written from the real table it stands for. For each table of the golden:

- **published figures read right**: budget weight and score, every fund row's amounts, rate and
  score, each indicator's weight, target, actual and score, the total and the grade;
- **published scores read right**: the subset that are scores (budget score, indicator scores, total);
- **recomputed totals right**: jixiao's recomputed total against the golden's ``computed.total``;
- **findings**: the golden's codes against the codes raised — found, missed, false (by table, as sets);
- **unread tables explained**: of the tables not read (or read without the indicators their golden
  has), those whose file says why with a reader diagnostic (JX-R13 run together, JX-R04 …).

`python -m benchmarks selfeval_fidelity` prints the figures; tests/scoring/test_selfeval_corpus.py
holds the floors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.evaluation.published import PublishedSelfEvaluation
from jixiao.readers.selfeval_published import read_published_path
from jixiao.scoring.audit import AuditResult, audit
from jixiao.scoring.audit_checks import ARITHMETIC, BY_CODE

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "selfeval"


@dataclass
class Tally:
    figures: int = 0
    figures_right: int = 0
    scores: int = 0
    scores_right: int = 0
    totals: int = 0
    totals_right: int = 0
    found: int = 0
    missed: int = 0
    false: int = 0
    false_arithmetic_on_clean: int = 0
    tables: int = 0
    tables_read: int = 0
    contradicting: int = 0  # tables whose golden has an arithmetic finding (they contradict themselves)
    contradicting_flagged: int = 0  # … of which jixiao raised at least one arithmetic finding
    unread: int = 0  # tables not read, or read without the indicators their golden has
    unread_explained: int = 0  # … of which the file says why with a reader diagnostic (JX-R…)
    documents: int = 0
    publishers: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def documents(corpus: Path = CORPUS) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if (p / "expected.json").exists())


def document_of(folder: Path) -> Path:
    return next(p for p in sorted(folder.iterdir()) if p.stem == "document")


def _same(golden: Any, read: Any) -> bool:
    if golden is None:
        return read is None or read == ""
    if isinstance(read, Decimal):
        try:
            return Decimal(str(golden)) == read
        except ArithmeticError:
            return False
    return str(golden).strip() == str(read or "").strip()


def _check(tally: Tally, where: str, name: str, golden: Any, read: Any, score: bool = False) -> None:
    tally.figures += 1
    right = _same(golden, read)
    tally.figures_right += right
    if score:
        tally.scores += 1
        tally.scores_right += right
    if not right:
        tally.problems.append(f"{where}: {name} 应为 {golden!r}，读到 {read!r}")


def _compare_published(
    tally: Tally, where: str, golden: dict[str, Any], table: PublishedSelfEvaluation
) -> None:
    _check(tally, where, "预算执行分值", golden.get("budget_weight"), table.printed_budget_weight)
    _check(tally, where, "预算执行得分", golden.get("budget_score"), table.budget_score, score=True)
    _check(tally, where, "总分", golden.get("total"), table.total, score=True)
    _check(tally, where, "等级", golden.get("grade"), table.grade or None)
    rows = {row.label: row for row in table.funds}
    for fund in golden.get("funds", []):
        row = rows.get(fund["label"])
        for name in ("initial", "budget", "executed", "rate", "score"):
            if name in fund:
                _check(
                    tally,
                    where,
                    f"{fund['label']}.{name}",
                    fund[name],
                    getattr(row, name, None),
                    name == "score",
                )
    groups = {level1: score for level1, score, _ in table.group_scores}
    for level1, score in golden.get("group_scores", {}).items():
        _check(tally, where, f"{level1}组得分", score, groups.get(level1), score=True)
    read = list(table.indicators)
    for n, indicator in enumerate(golden.get("indicators", [])):
        got = read[n] if n < len(read) else None
        label = indicator.get("name", str(n))
        for name in ("weight", "target", "actual", "score"):
            if name in indicator:
                value = getattr(got, name, None)
                _check(tally, where, f"{label}.{name}", indicator[name], value, name == "score")
    if len(read) != len(golden.get("indicators", [])):
        tally.problems.append(f"{where}: 指标 {len(golden.get('indicators', []))} 个，读到 {len(read)} 个")


def score_document(folder: Path, tally: Tally) -> list[AuditResult]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    tally.documents += 1
    tally.publishers.add(expected["stands_for"]["publisher"])
    tables, diagnostics = read_published_path(document_of(folder))
    explained = any(d.code.startswith("JX-R") for d in diagnostics)
    results = []
    for n, golden in enumerate(expected["tables"]):
        tally.tables += 1
        where = f"{folder.name}#{n + 1}"
        if n >= len(tables):
            tally.problems.append(f"{where}: 没有读到这张表")
            tally.unread += 1
            tally.unread_explained += explained
            tally.missed += len(golden.get("findings", []))
            continue
        tally.tables_read += 1
        table = tables[n]
        if golden.get("published", {}).get("indicators") and not table.indicators:
            tally.unread += 1
            tally.unread_explained += explained
        _compare_published(tally, where, golden.get("published", {}), table)
        result = audit(table)
        results.append(result)
        computed = golden.get("computed", {})
        if computed.get("total") is not None:
            tally.totals += 1
            right = Decimal(computed["total"]) == result.result.total
            tally.totals_right += right
            if not right:
                tally.problems.append(f"{where}: 重算总分应为 {computed['total']}，得 {result.result.total}")
        want, got = set(golden.get("findings", [])), set(result.codes())
        tally.found += len(want & got)
        tally.missed += len(want - got)
        tally.false += len(got - want)
        for code in sorted(want - got):
            tally.problems.append(f"{where}: 漏报 {code}")
        for code in sorted(got - want):
            tally.problems.append(
                f"{where}: 误报 {code} {next(d.message for d in result.diagnostics if d.code == code)}"
            )
        clean = not any(BY_CODE[c].kind == ARITHMETIC for c in want if c in BY_CODE)
        if not clean:
            tally.contradicting += 1
            tally.contradicting_flagged += any(c in BY_CODE and BY_CODE[c].kind == ARITHMETIC for c in got)
        if clean:
            tally.false_arithmetic_on_clean += sum(
                1 for c in got if c in BY_CODE and BY_CODE[c].kind == ARITHMETIC
            )
    return results


def score_corpus(corpus: Path = CORPUS) -> Tally:
    tally = Tally()
    for folder in documents(corpus):
        score_document(folder, tally)
    return tally


def ratio(right: int, total: int) -> float:
    return right / total if total else 1.0


def main(argv: list[str]) -> int:
    """`python -m benchmarks selfeval_fidelity [--corpus FOLDER] [--json]`: the figures for one corpus
    (default tests/corpus/selfeval; the held-out set is tests/corpus/selfeval_heldout)."""
    corpus = CORPUS
    if "--corpus" in argv:
        corpus = Path(argv[argv.index("--corpus") + 1])
    tally = score_corpus(corpus)
    figures = {
        "corpus": str(corpus),
        "documents": tally.documents,
        "tables": tally.tables,
        "tables_read": tally.tables_read,
        "publishers": len(tally.publishers),
        "published_figures_read_right": round(ratio(tally.figures_right, tally.figures), 4),
        "published_scores_read_right": round(ratio(tally.scores_right, tally.scores), 4),
        "published_scores": f"{tally.scores_right}/{tally.scores}",
        "recomputed_totals_right": f"{tally.totals_right}/{tally.totals}",
        "findings_found": tally.found,
        "findings_missed": tally.missed,
        "findings_false": tally.false,
        "arithmetic_findings_on_clean_tables": tally.false_arithmetic_on_clean,
        "contradicting_tables_flagged": f"{tally.contradicting_flagged}/{tally.contradicting}",
        "unread_tables_explained": f"{tally.unread_explained}/{tally.unread}",
    }
    if "--json" in argv:
        print(json.dumps({**figures, "problems": tally.problems}, ensure_ascii=False, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
        for problem in tally.problems:
            print(f"  {problem}")
    return 0
