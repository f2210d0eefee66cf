"""CPU per file of reading a workbook, PDF, Word document or HTML page once for both readers (issue 15).

`service.reading.read_and_review` reads a file's target tables and checks whether it is a published
self-evaluation. Both readers once parsed a binary file each (calamine, pdfplumber, lxml,
html.parser: the most expensive stage of each format); now the format's reader parses it once and the
check reads what it parsed (`readers.detect_parsed`). Measured per format on the corpus's documents
(``tests/corpus/*/*/document.<format>``, the first `FILES` of each), CPU per file (best of `RUNS`),
in the same run:

- parsed once: `readers.detect.read_bytes_keeping_parsed`, then `service.reading.audit_published`
  on what it parsed — what `read_and_review` does;
- parsed twice (the baseline): `readers.detect.read_bytes`, then `audit_published` of the bytes,
  which parses the file again — what it did before.

Both give the same tables, diagnostics and audits (checked here on every file measured).
"""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks.bench_reading import best_cpu
from benchmarks.report import Report
from jixiao.readers.detect import close_parsed, read_bytes, read_bytes_keeping_parsed
from jixiao.service.reading import audit_published

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
FORMATS = ("xlsx", "docx", "pdf", "html")
FILES = 8
RUNS = 3


def corpus_files(suffix: str, files: int = FILES) -> list[tuple[str, bytes]]:
    """The first ``files`` corpus documents of a format, self-evaluations first, as (name, bytes)."""
    paths = sorted(CORPUS.glob(f"selfeval*/*/document.{suffix}")) + sorted(
        p for p in CORPUS.glob(f"*/*/document.{suffix}") if not p.parent.parent.name.startswith("selfeval")
    )
    return [(str(p.relative_to(CORPUS)), p.read_bytes()) for p in paths[:files]]


def parsed_once(name: str, data: bytes) -> tuple[object, ...]:
    tables, diagnostics, parsed = read_bytes_keeping_parsed(data, name)
    try:
        return tables, diagnostics, audit_published(data, name, parsed)
    finally:
        close_parsed(parsed)


def parsed_twice(name: str, data: bytes) -> tuple[object, ...]:
    tables, diagnostics = read_bytes(data, name)
    return tables, diagnostics, audit_published(data, name)


def measure(suffix: str, files: int = FILES, runs: int = RUNS) -> dict[str, float]:
    """CPU milliseconds per file parsed once and parsed twice, and the number of files."""
    corpus = corpus_files(suffix, files)
    for name, data in corpus:
        assert parsed_once(name, data) == parsed_twice(name, data), name
    once = best_cpu(runs, lambda: [parsed_once(n, d) for n, d in corpus])
    twice = best_cpu(runs, lambda: [parsed_twice(n, d) for n, d in corpus])
    return {"once": once * 1000 / len(corpus), "twice": twice * 1000 / len(corpus), "files": len(corpus)}


def run(report: Report) -> None:
    report.line(f"CPU ms per file, best of {RUNS}; load average {os.getloadavg()[0]:.1f} at the start")
    for suffix in FORMATS:
        figures = measure(suffix)
        label = f"{suffix} ({figures['files']:.0f} files)"
        once = figures["once"]
        report.figure(f"{label}: tables + self-evaluation check, parsed once", once, "ms CPU per file")
        report.figure(f"{label}: the same, parsed twice (before)", figures["twice"], "ms CPU per file")
        report.figure(f"{label}: once / twice", figures["once"] / figures["twice"], "x CPU")
