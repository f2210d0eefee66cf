"""Reading fidelity on the corpus of real layouts, as figures for `make bench` (see fidelity.py)."""

from __future__ import annotations

from benchmarks.fidelity import MEASURES, score_corpus
from benchmarks.report import Report


def run(report: Report) -> None:
    scores, total = score_corpus()
    report.line(f"{len(scores)} documents, {total.tables_expected} tables expected, {total.tables_read} read")
    for measure in MEASURES:
        ratio = total.ratio(measure)
        if ratio is not None:
            report.figure(measure, ratio * 100, "%", target=">= 95" if measure != "no_table_right" else "")
    report.figure("invented indicators", total.invented, "", target="<= 1 per 10 tables")
