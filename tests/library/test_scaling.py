"""The database build at two small sizes, as CI's check of the 100,000-table benchmark's claims
(`python -m benchmarks library_db`, docs/library.md): four times the tables cost at most about four
times the work per row mined (never more per row), and the memory the build allocates follows the
number of distinct indicators (entries), not the number of tables.

Tables are written straight into the store by the benchmark's own generator (real indicator names,
5,000 publishers); peak memory is Python's allocations during the build (tracemalloc), work is counted
in the library's modules (`tests.work`: their loops, the calls of their functions — the key pairs
grouping compares among them — and their regexes), never timed, so the figures do not depend on what
else the machine runs. The CPU time itself is the benchmark's.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from benchmarks.bench_library_db import populate

from jixiao.library import build, entries, grouping, mining, normalise, sketch
from jixiao.permissions import OPERATOR
from jixiao.service import Service, library_build
from tests.work import count_work

_LIBRARY = (build, entries, grouping, library_build, mining, normalise, sketch)

SMALL, LARGE = 150, 600


def _build(folder: Path, tables: int) -> tuple[int, int, int, float]:
    """(rows, entries, work, peak MB) of building the library from ``tables`` stored tables."""
    url = f"sqlite:///{folder / f'scale{tables}.sqlite'}"
    populate(url, tables)
    service = Service(url)
    tracemalloc.start()
    try:
        summary, work = count_work(_LIBRARY, lambda: service.build_library(OPERATOR))
        peak = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
        service.engine.dispose()
    return summary["rows"], summary["entries"], work, peak


def test_work_per_row_and_memory_per_entry_stay_flat(tmp_path: Path) -> None:
    rows_s, entries_s, work_s, peak_s = _build(tmp_path, SMALL)
    rows_l, entries_l, work_l, peak_l = _build(tmp_path, LARGE)
    assert rows_l == 4 * rows_s
    assert entries_s < entries_l < 4 * entries_s  # names repeat: fewer new entries than new tables
    assert (work_l / rows_l) < 1.5 * (work_s / rows_s), (work_s, work_l)
    assert (peak_l / entries_l) < 1.5 * (peak_s / entries_s), (peak_s, peak_l)
    assert peak_l < 4 * peak_s
