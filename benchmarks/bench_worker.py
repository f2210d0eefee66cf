"""CPU per table in the bulk import's worker, stage by stage (issue 15: reading, then the rest).

The worker (`service.bulk_workers.read_one`) runs `service.reading.read_and_review` on each file and
then makes each table's stored document. Here the same stages run on files like `bench_bulk`'s (17
tables a text file, the three layouts in turn), each timed alone by CPU (`time.process_time`, best of
five): reading (`readers.detect.read_bytes`), the check whether a file is a published
self-evaluation (`service.reading.audit_published` on the rows the reader cut, and for comparison
cutting the text again), review (`review.review_batch` of the tables read), the stored documents
(`store.document.dumps_and_hash`) and the whole `read_and_review`. The baseline is ``json.loads`` of
the same tables' JSON.
"""

from __future__ import annotations

import json

from benchmarks.bench_reading import best_cpu
from benchmarks.corpus import LAYOUTS, in_layout, seed_blocks, vary
from benchmarks.report import Report
from jixiao.formats.table_json import table_to_dict
from jixiao.readers.detect import read_bytes, read_bytes_keeping_parsed
from jixiao.review import review_batch
from jixiao.service.reading import audit_published, read_and_review
from jixiao.store.document import dumps_and_hash

PER_FILE = 17
FILES = 60


def corpus_files(files: int = FILES) -> list[tuple[str, bytes]]:
    """``files`` text files of `PER_FILE` tables each, as (name, bytes), the layouts in turn."""
    blocks = seed_blocks()
    made = []
    for number in range(files):
        layout = LAYOUTS[number % len(LAYOUTS)]
        start = number * PER_FILE
        parts = [in_layout(vary(blocks[k % len(blocks)], k), layout) for k in range(start, start + PER_FILE)]
        made.append((f"表{number:05d}.txt", ("\n\n".join(parts) + "\n").encode()))
    return made


def measure(files: int = FILES) -> dict[str, float]:
    """CPU milliseconds per table for each stage, and the number of tables."""
    corpus = corpus_files(files)
    kept = [(name, data, read_bytes_keeping_parsed(data, name)) for name, data in corpus]
    read = [tables for _, _, (tables, _, _) in kept]
    tables = [table for file_tables in read for table in file_tables]
    canonical = [json.dumps([table_to_dict(t) for t in found], ensure_ascii=False) for found in read]
    stages = {
        "read": lambda: [read_bytes(data, name) for name, data in corpus],
        "self-evaluation check": lambda: [audit_published(data, name, cut) for name, data, (*_, cut) in kept],
        "self-evaluation check, cutting the text again": lambda: [audit_published(d, n) for n, d in corpus],
        "review": lambda: [review_batch(list(file_tables)) for file_tables in read],
        "document JSON and hash": lambda: [dumps_and_hash(t) for t in tables],
        "read_and_review": lambda: [read_and_review(data, name) for name, data in corpus],
        "json.loads": lambda: [json.loads(text) for text in canonical],
    }
    per_table = {name: best_cpu(5, work) * 1000 / len(tables) for name, work in stages.items()}
    per_table["tables"] = len(tables)
    return per_table


def run(report: Report) -> None:
    figures = measure()
    report.line(f"{FILES} text files, {figures['tables']:.0f} tables; CPU ms per table, best of five")
    for name, value in figures.items():
        if name != "tables":
            report.figure(name, value, "ms CPU per table")
    report.figure("read / json.loads", figures["read"] / figures["json.loads"], "x CPU")
    report.figure("review / read", figures["review"] / figures["read"], "x CPU", target="<= 0.5")
