"""Review throughput on the 10,000-table corpus, against reading the same tables in the same run.

Target (issue: review): reviewing adds at most 50% to the reading time, i.e. review time / read time
≤ 0.5. Every rule of the default profile runs, including the batch rule over all tables.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from functools import partial

from benchmarks.corpus import build_corpus
from benchmarks.report import Report
from jixiao.model import Table
from jixiao.readers.text import read_text
from jixiao.review import DEFAULT_PROFILE, RULES, review_batch
from jixiao.review.registry import TableCheck


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _run_check(check: TableCheck, tables: list[Table]) -> None:
    for table in tables:
        list(check(table, DEFAULT_PROFILE))


def run(report: Report, n: int = 10_000) -> None:
    corpus = build_corpus(n)
    total_read = 0.0
    total_review = 0.0
    findings: Counter[str] = Counter()
    for layout, text in corpus.texts.items():
        tables, _ = read_text(text, "corpus.txt")
        # Alternate reading and reviewing so both see the same load on a shared machine.
        read_s = review_s = float("inf")
        for _ in range(3):
            read_s = min(read_s, _best_of(1, partial(read_text, text, "corpus.txt")))
            review_s = min(review_s, _best_of(1, partial(review_batch, tables)))
        total_read += read_s
        total_review += review_s
        report.figure(f"review {layout}", len(tables) / review_s, "tables/s")
        for r in review_batch(tables):
            findings.update(f.code for f in r.findings)
    report.line(f"corpus: {corpus.total} tables; findings: {sum(findings.values())}")
    report.figure("rule crashes (JX-Z01) on the corpus", findings["JX-Z01"], "findings", target="0")
    report.line("most frequent: " + ", ".join(f"{code} {count}" for code, count in findings.most_common(6)))
    report.figure("review all layouts", corpus.total / total_review, "tables/s")
    report.figure("read all layouts (same run)", corpus.total / total_read, "tables/s")
    report.figure("review time / read time", total_review / total_read, "x", target="<= 0.5")

    # Where the time goes: each rule's check alone over 1,000 tables of the tab layout (rules that share
    # a per-table analysis pay for it here each time, so these overstate a little).
    tables, _ = read_text(corpus.texts["tabs"], "corpus.txt")
    tables = tables[:1000]
    costs = []
    for rule in RULES:
        check = rule.check
        if check is None:
            continue
        seconds = _best_of(3, partial(_run_check, check, tables))
        costs.append((seconds, rule.id))
    costs.sort(reverse=True)
    report.line(
        "slowest rules (tabs): "
        + ", ".join(f"{rid} {s * 1e6 / len(tables):.1f} µs/table" for s, rid in costs[:5])
    )
