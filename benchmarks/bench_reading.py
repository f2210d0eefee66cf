"""Reading throughput on the 10,000-table corpus, against json.loads of the same tables' JSON.

Targets (issue: reader): at least 5,000 tables/s on one core, and at most 2× the time json.loads
needs for the canonical JSON of the same tables.
"""

from __future__ import annotations

import json
import time
import tracemalloc

from benchmarks.corpus import build_corpus
from benchmarks.report import Report
from jixiao.formats.table_json import table_to_dict
from jixiao.readers.grid import iter_tables
from jixiao.readers.text import read_text, text_rows


def _best_of(runs: int, work: object) -> float:
    assert callable(work)
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def run(report: Report, n: int = 10_000) -> None:
    corpus = build_corpus(n)
    report.line(f"corpus: {corpus.total} tables ({', '.join(f'{k} {v}' for k, v in corpus.counts.items())})")
    total_read = 0.0
    total_json = 0.0
    for layout, text in corpus.texts.items():
        tables, diagnostics = read_text(text, "corpus.txt")
        assert len(tables) == corpus.counts[layout] and not diagnostics, (
            layout,
            len(tables),
            diagnostics[:3],
        )
        canonical = json.dumps([table_to_dict(t) for t in tables], ensure_ascii=False)
        read_s = _best_of(3, lambda text=text: read_text(text, "corpus.txt"))
        json_s = _best_of(3, lambda canonical=canonical: json.loads(canonical))
        total_read += read_s
        total_json += json_s
        report.figure(f"read {layout}", corpus.counts[layout] / read_s, "tables/s")
    report.figure("read all layouts", corpus.total / total_read, "tables/s", target=">= 5000")
    report.figure("json.loads same tables", corpus.total / total_json, "tables/s")
    report.figure("read time / json.loads time", total_read / total_json, "x", target="<= 2")

    # Memory: streaming the tables one at a time keeps the peak flat whatever the input size.
    text = corpus.texts["tabs"]
    tracemalloc.start()
    for _ in iter_tables(text_rows(text, "corpus.txt"), "corpus.txt"):
        pass
    _, peak_stream = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report.figure("streaming peak memory (tabs, beyond the input text)", peak_stream / 2**20, "MiB")
