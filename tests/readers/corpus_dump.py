"""Every corpus document read, as one JSON text: `python -m tests.readers.corpus_dump`.

The seed and each ``tests/corpus/*/*/document.*`` (the publishers' layouts, the held-out sets, the
self-evaluations) go through `read_any`; the tables and diagnostics are written whole (every field,
Decimals as written), so two runs compare byte for byte. `test_compiled_reader` runs it once with the
compiled reader and once with ``JIXIAO_PURE=1``. The first line names the modules that ran compiled.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import jixiao
from jixiao.readers.detect import read_any

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def documents() -> list[Path]:
    return [CORPUS / "dongguan_fulian_2025.txt", *sorted(CORPUS.glob("*/*/document.*"))]


def main() -> int:
    out = sys.stdout
    read = [(path, read_any(path)) for path in documents()]
    out.write(json.dumps(jixiao.compiled_modules()) + "\n")
    for path, (tables, diagnostics) in read:
        record = {
            "document": str(path.relative_to(CORPUS)),
            "tables": [asdict(table) for table in tables],
            "diagnostics": [asdict(diagnostic) for diagnostic in diagnostics],
        }
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
