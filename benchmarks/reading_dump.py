"""Everything the readers make of the corpora, as JSON lines, to compare a change byte for byte.

`python -m benchmarks.reading_dump OUT` writes, one line per document: every corpus document
(`tests.readers.corpus_dump.documents`) read by `read_any` (tables and diagnostics, every field), then
the same file through the worker's `read_and_review` (its published self-evaluations' audit documents,
problems and findings), then the benchmark corpus (`benchmarks.corpus.build_corpus`) read by
`read_text`. Run it before and after a change to the readers and compare the files (``cmp``): a
speed-up must leave them identical.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tests.readers.corpus_dump import CORPUS, documents

from benchmarks.corpus import build_corpus
from jixiao.readers.detect import read_any
from jixiao.readers.text import read_text
from jixiao.service.reading import read_and_review


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, default=str) + "\n"


def _worker(path: Path) -> dict[str, Any]:
    report = read_and_review(path.read_bytes(), path.name)
    return {
        "selfevaluations": report.selfevaluations,
        "problems": [asdict(p) for p in report.problems],
        "findings": [[asdict(f) for f in found] for found in report.findings],
    }


def main(argv: list[str]) -> int:
    with open(argv[0], "w", encoding="utf-8") as out:
        for path in documents():
            tables, diagnostics = read_any(path)
            name = str(path.relative_to(CORPUS))
            out.write(_line({"document": name, "tables": [asdict(t) for t in tables]}))
            out.write(_line({"document": name, "diagnostics": [asdict(d) for d in diagnostics]}))
            out.write(_line({"document": name, "worker": _worker(path)}))
        for layout, text in build_corpus(int(argv[1]) if len(argv) > 1 else 3000).texts.items():
            tables, diagnostics = read_text(text, "corpus.txt")
            out.write(_line({"benchmark corpus": layout, "tables": [asdict(t) for t in tables]}))
            out.write(_line({"benchmark corpus": layout, "diagnostics": [asdict(d) for d in diagnostics]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
