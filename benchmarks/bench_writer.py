"""The bulk import's writer alone: CPU per table storing files already read, one file per transaction
against `BATCH_FILES` per transaction (issue 15).

The files (the bulk benchmark's corpus, 60 files of 17 tables) are read and reviewed beforehand and
kept as the workers send them (`bulk_workers.dumps`); a pool that answers at once hands them to
`BulkService.import_through`, so every batch is full and the figure is the writer's own CPU time
(unpickling the answers, planning, inserting, the audit chain), free of the readers and of the
machine's other load as far as CPU time is. Sizes alternate three times on fresh databases; the
best of each is kept. PostgreSQL's server-side CPU is not in these figures (the writer's process only).
"""

from __future__ import annotations

import gc
import pickle
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.bench_bulk import json_load_seconds, write_corpus
from benchmarks.report import Report
from jixiao.readers.collection import CollectedFile, iter_files
from jixiao.readers.limits import DEFAULT_LIMITS
from jixiao.service import Service, bulk
from jixiao.service.bulk_workers import Task, answer_report, dumps, read_one
from jixiao.service.reading import FileReport

TABLES = 1_020
ROUNDS = 3


class _AnsweredPool:
    """A `FilePool` whose files were read beforehand: every file submitted is answered at once."""

    replaced = 0

    def __init__(self, answers: dict[str, bytes]) -> None:
        self.answers = answers
        self.submitted: list[Task] = []

    @property
    def capacity(self) -> int:
        return 2 * bulk.BATCH_FILES

    def has_room(self) -> bool:
        return len(self.submitted) < self.capacity

    def submit(self, task: Task) -> None:
        self.submitted.append(task)

    def results(self, timeout: float = 1.0) -> Iterator[tuple[int, FileReport]]:
        answered, self.submitted = self.submitted, []
        for task in answered:
            kind, value, _, _ = pickle.loads(self.answers[task.label])
            yield task.index, answer_report(task.label, kind, value, DEFAULT_LIMITS)

    def cpu_seconds(self) -> float:
        return 0.0


def _store_cpu(url: str, files: list[CollectedFile], answers: dict[str, bytes], batch: int) -> float:
    """CPU seconds of storing every file with ``batch`` files per transaction."""
    chosen, bulk.BATCH_FILES = bulk.BATCH_FILES, batch
    try:
        service = Service(url)
        gc.collect()
        cpu = time.process_time()
        summary = service.import_through(_AnsweredPool(answers), iter(files), lambda _: None)
        spent = time.process_time() - cpu
    finally:
        bulk.BATCH_FILES = chosen
    assert summary.tables == TABLES and summary.refused == 0, summary
    return spent


def run(report: Report) -> None:
    from benchmarks.bench_store import _databases, _fresh
    from jixiao.store.db import dispose_engines

    with tempfile.TemporaryDirectory(prefix="jixiao-writer-") as workdir:
        root = Path(workdir)
        text_dir, json_dir = write_corpus(root / "corpus", TABLES)
        files = list(iter_files([text_dir]))
        answers = {}
        for item in files:
            kind, value, retire = read_one(item.label, item.data, DEFAULT_LIMITS, False, cap_memory=False)
            answers[item.label] = dumps((kind, value, retire, 0.0))
        _, baseline_cpu = json_load_seconds(json_dir)
        sizes = (1, bulk.BATCH_FILES)
        databases = _databases(root)
        try:
            for name, make, _ in databases:
                best = dict.fromkeys(sizes, float("inf"))
                for round_number in range(ROUNDS):
                    for batch in sizes:
                        url = _fresh(make, f"writer{batch}r{round_number}")
                        best[batch] = min(best[batch], _store_cpu(url, files, answers, batch))
                        dispose_engines()
                for batch in sizes:
                    report.figure(
                        f"{name} writer CPU per table, {batch} file(s) per transaction",
                        best[batch] / TABLES * 1000,
                        "ms",
                    )
                report.figure(
                    f"{name} writer CPU per table / json.load CPU per table",
                    best[bulk.BATCH_FILES] / baseline_cpu,
                    "x",
                )
        finally:
            dispose_engines()
            for _, _, cleanup in databases:
                if cleanup:
                    cleanup()
