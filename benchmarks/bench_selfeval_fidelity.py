"""Published self-evaluations: figures read right, totals recomputed right, findings found/missed/false.

`python -m benchmarks selfeval_fidelity`; the goldens are tests/corpus/selfeval/*/expected.json and
the scoring is `benchmarks.selfeval_fidelity`.
"""

from __future__ import annotations

from benchmarks.report import Report
from benchmarks.selfeval_fidelity import ratio, score_corpus


def run(report: Report) -> None:
    tally = score_corpus()
    report.line(
        f"{tally.documents} documents, {tally.tables} tables ({tally.tables_read} read), "
        f"{len(tally.publishers)} publishers"
    )
    report.figure(
        "published figures read right", ratio(tally.figures_right, tally.figures), "share", "≥ 0.95"
    )
    report.figure("published scores read right", ratio(tally.scores_right, tally.scores), "share", "≥ 0.95")
    report.figure("recomputed totals right", ratio(tally.totals_right, tally.totals), "share", "1.0")
    report.figure("findings found", tally.found, "findings")
    report.figure("findings missed", tally.missed, "findings", "0")
    report.figure("findings false", tally.false, "findings")
    report.figure("arithmetic findings on clean tables", tally.false_arithmetic_on_clean, "findings", "0")
    for problem in tally.problems[:40]:
        report.line(problem)
