"""Bulk import: a collection of files read and reviewed in worker processes, stored by one writer.

`BulkService.import_collection` takes `CollectedFile`s one at a time (`jixiao.readers.collection`:
directories, zip archives, manifests), and for each:

1. a file refused before reading (missing, too big, unsafe archive member) is reported refused;
2. a file whose SHA-256 is already in ``imported_files`` is reported unchanged without being read
   (a re-run resumes where the last one stopped; renaming a file changes nothing);
3. any other file goes to a worker (`jixiao.service.bulk_workers.ReaderPool`, ``jobs`` processes,
   the upload limits in each); its report comes back and this process stores it through the same
   path as any import (`WorkflowService.store_report`: the permission checks, the rows, the audit
   log), with the file's hash in the same transaction.

The files ready in order are stored together, up to `BATCH_FILES` in one transaction (the readers
are kept busy between them); on SQLite the batch fills the full-text index by statement instead of a
trigger per row (`jixiao.store.search_batches`). If the store refuses any file of a batch (a table the
user may not import, a row the database rejects), the whole batch is rolled back and its files are
stored again one at a time, each in its own transaction as `import_bytes` stores it: the good ones
land, the bad one is refused with its own reason, and its hash is not recorded.

Files are stored in the order they were named, whatever order the workers finish in, so ``--jobs 2``
stores exactly what ``--jobs 1`` does; at most ``jobs × 4 + BATCH_FILES`` files are between reading
and storing, so memory stays flat. One bad file never stops the batch: a file the readers refuse, a
worker that dies, a table the user may not import, a row the database rejects — each is that file's
report, and the next file goes on. Only a database that stays busy (another import holding SQLite's
lock) stops it, with `BatchStopped`: the files stored so far stay stored and a re-run skips them.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from jixiao.model import Diagnostic, Severity
from jixiao.readers.collection import CollectedFile
from jixiao.readers.detect import Format, detect_format
from jixiao.readers.limits import DEFAULT_LIMITS, UploadLimits
from jixiao.readers.text import FILE_PROBLEM
from jixiao.service.bulk_workers import FilePool, ReaderPool, Task
from jixiao.service.errors import ServiceError
from jixiao.service.reading import FileReport
from jixiao.service.rule_profiles import batch_profiles
from jixiao.service.workflow import WorkflowService
from jixiao.store import imported_files
from jixiao.store.audit import chained_batch
from jixiao.store.db import BUSY_MESSAGE, DATABASE_ERRORS, is_database_busy
from jixiao.store.held_rows import held_rows
from jixiao.store.org_batches import batch_orgs
from jixiao.store.search_batches import deferred_search
from jixiao.workflow import Principal

Status = Literal["imported", "unchanged", "refused"]
STATUS_LABELS: dict[str, str] = {"imported": "已导入", "unchanged": "未变", "refused": "已拒绝"}
BUSY_RETRIES = 3
BATCH_FILES = 32  # files stored in one transaction by a bulk import
FULL_COLLECTION_FILES = 512  # files stored between two full runs of the garbage collector


# what makes a batch fall back to storing its files one by one
BATCH_REFUSALS: tuple[type[Exception], ...] = (ServiceError, *DATABASE_ERRORS)


class BatchStopped(ServiceError):
    """The database stayed busy: the batch stopped; what was stored stays stored."""


@dataclass
class FileOutcome:
    """What a bulk import did with one file."""

    file: str
    status: Status
    reason: str = ""  # why refused (Chinese), or why unchanged
    sha256: str = ""
    tables: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    findings: int = 0
    problems: list[Diagnostic] = field(default_factory=list)
    selfevaluations: int = 0  # published 自评表 stored from the file (recognised by content)
    inconsistent: int = 0  # of those, how many contradict their own numbers (自评结果不能自洽)

    @property
    def ok(self) -> bool:
        """Whether the file is stored (imported now or before)."""
        return self.status != "refused"


@dataclass
class BatchSummary:
    """Totals of a bulk import."""

    files: int = 0
    imported: int = 0
    unchanged: int = 0
    refused: int = 0
    tables: int = 0
    seconds: float = 0.0
    workers_replaced: int = 0
    writer_cpu_seconds: float = 0.0  # this process: listing, hashing, storing
    reader_cpu_seconds: float = 0.0  # the workers: reading and reviewing

    def add(self, outcome: FileOutcome) -> None:
        """Count one file's outcome."""
        self.files += 1
        self.tables += outcome.tables
        if outcome.status == "imported":
            self.imported += 1
        elif outcome.status == "unchanged":
            self.unchanged += 1
        else:
            self.refused += 1


def default_jobs() -> int:
    """As many workers as this process may use cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _outcome_of(report: FileReport, digest: str) -> FileOutcome:
    reason = "；".join(p.message for p in report.problems)
    if not report.ok:
        return FileOutcome(report.file, "refused", reason, digest, problems=list(report.problems))
    stored = report.created + report.updated
    inconsistent = sum(
        1 for d in report.selfevaluations if any(x.get("kind") == "arithmetic" for x in d["diagnostics"])
    )
    return FileOutcome(
        report.file,
        "imported" if stored else "unchanged",
        "" if stored else "文件中的表与已存储的相同",
        digest,
        len(report.tables),
        report.created,
        report.updated,
        report.unchanged,
        report.finding_count,
        selfevaluations=len(report.selfevaluations),
        inconsistent=inconsistent,
    )


def _refusal(label: str, message: str, digest: str = "") -> FileOutcome:
    problem = Diagnostic(FILE_PROBLEM, Severity.ERROR, message)
    return FileOutcome(label, "refused", message, digest, problems=[problem])


class _Intake:
    """The files between the source and the writer: taken in order, read by the pool, answered.

    At most ``window`` files are taken and not yet stored, so memory stays flat; the answers are
    handed to the writer in the order the files were named, whatever order the readers finish in."""

    def __init__(self, service: BulkService, pool: FilePool, source: Iterator[CollectedFile]) -> None:
        self.service, self.pool, self.source = service, pool, source
        self.window = 2 * pool.capacity + BATCH_FILES
        self.labels: dict[int, tuple[str, str]] = {}  # index → (label, digest) of files sent to a reader
        self.done: dict[int, FileOutcome | FileReport] = {}
        self.exhausted = False
        self.taken = self.committed = 0

    def feed(self, timeout: float) -> None:
        """Send files to the readers while there is room, then collect what they answered within
        ``timeout`` seconds."""
        while not self.exhausted and self.taken - self.committed < self.window and self.pool.has_room():
            item = next(self.source, None)
            if item is None:
                self.exhausted = True
                break
            outcome, digest = self.service._before_reading(item)
            if outcome is not None:
                self.done[self.taken] = outcome
            else:
                office = detect_format(item.data, item.label) in (Format.DOC, Format.LEGACY_SHEET)
                self.labels[self.taken] = (item.label, digest)
                self.pool.submit(Task(self.taken, item.label, item.data, office))
            self.taken += 1
        for index, report in self.pool.results(timeout=timeout):
            self.done[index] = report

    def ready_in_order(self) -> int:
        """How many files from the next one to store are answered, up to a batch."""
        ready = 0
        while self.committed + ready in self.done and ready < BATCH_FILES:
            ready += 1
        return ready

    def all_ready(self) -> bool:
        """Whether every file left is answered (no more will come)."""
        return self.exhausted and self.committed + self.ready_in_order() == self.taken

    def full(self) -> bool:
        """Whether no more files may be taken until some are stored."""
        return self.taken - self.committed >= self.window or not self.pool.has_room()

    def take(self, count: int) -> list[tuple[FileOutcome | FileReport, str, str]]:
        """The next ``count`` answers in order, each with its label and digest (empty when not read)."""
        run = []
        for index in range(self.committed, self.committed + count):
            label, digest = self.labels.pop(index, ("", ""))
            run.append((self.done.pop(index), label, digest))
        self.committed += count
        return run

    def finished(self) -> bool:
        """Whether every file is stored or reported."""
        return self.exhausted and self.committed == self.taken


@contextmanager
def _collected_per_batch() -> Iterator[Callable[[int], None]]:
    """The cyclic garbage collector run by files stored instead of by allocation count: a batch's
    reports are tens of thousands of records, and the automatic collections scanning them again and
    again took a fifth of the writer's CPU (`python -m benchmarks writer`). Refcounting frees almost
    everything; what is cyclic is collected every `BATCH_FILES` files stored (the young generations)
    and in full every `FULL_COLLECTION_FILES`, so memory stays flat. The yielded function hears how
    many files a batch stored. The collector is as it was afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    stored = [0, 0]  # files since the last young collection, since the last full one

    def batch_done(files: int) -> None:
        stored[0] += files
        stored[1] += files
        if stored[1] >= FULL_COLLECTION_FILES:
            gc.collect()
            stored[:] = [0, 0]
        elif stored[0] >= BATCH_FILES:
            gc.collect(1)
            stored[0] = 0

    try:
        yield batch_done
    finally:
        if was_enabled:
            gc.enable()


class BulkService(WorkflowService):
    """Import collections of files with worker processes (the facade's `import_collection`)."""

    def import_collection(
        self,
        files: Iterable[CollectedFile],
        on_file: Callable[[FileOutcome], None],
        jobs: int | None = None,
        published: bool = False,
        who: Principal | None = None,
        limits: UploadLimits = DEFAULT_LIMITS,
        reason: str | None = None,
        dask: str | None = None,
    ) -> BatchSummary:
        """Read, review and store every file; ``on_file`` hears of each, in the order given.
        ``reason`` is the 目标调整 reason for tables the files change that are already submitted,
        approved or published (without one such a file is refused, and the batch goes on).
        ``dask`` reads on a Dask cluster instead of local worker processes (`jixiao.service.bulk_dask`:
        ``local:N`` or a scheduler's address); what is stored is the same."""
        if dask is None:
            with ReaderPool(jobs or default_jobs(), limits) as pool:
                return self.import_through(pool, files, on_file, published, who, reason)
        from jixiao.service.bulk_dask import dask_pool

        with dask_pool(dask, limits) as cluster_pool:
            return self.import_through(cluster_pool, files, on_file, published, who, reason)

    def import_through(
        self,
        pool: FilePool,
        files: Iterable[CollectedFile],
        on_file: Callable[[FileOutcome], None],
        published: bool = False,
        who: Principal | None = None,
        reason: str | None = None,
    ) -> BatchSummary:
        """The import loop over any pool of readers: files in order, stored by this one writer."""
        summary = BatchSummary()
        started, cpu = time.perf_counter(), time.process_time()
        with _collected_per_batch() as batch_done:
            changed = self._import_loop(
                _Intake(self, pool, iter(files)), summary, on_file, published, who, reason, batch_done
            )
        summary.workers_replaced = pool.replaced
        summary.reader_cpu_seconds = pool.cpu_seconds()
        if changed:
            self.refresh_statistics(changed)
        summary.seconds = time.perf_counter() - started
        summary.writer_cpu_seconds = time.process_time() - cpu
        return summary

    def _import_loop(
        self,
        intake: _Intake,
        summary: BatchSummary,
        on_file: Callable[[FileOutcome], None],
        published: bool,
        who: Principal | None,
        reason: str | None,
        batch_done: Callable[[int], None],
    ) -> int:
        """Store the intake's files batch by batch as they are answered; how many tables changed."""
        changed = 0
        while True:
            intake.feed(0.5)
            ready = intake.ready_in_order()
            if ready == BATCH_FILES or (ready and (intake.all_ready() or intake.full())):
                changed += self._store_run(intake, ready, summary, on_file, published, who, reason)
                batch_done(ready)  # the run's reports are garbage by now: the collector skips them
            if intake.finished():
                return changed

    def _store_run(
        self,
        intake: _Intake,
        count: int,
        summary: BatchSummary,
        on_file: Callable[[FileOutcome], None],
        published: bool,
        who: Principal | None,
        reason: str | None,
    ) -> int:
        """Store the intake's next ``count`` answers in one batch; how many tables changed."""
        changed = 0
        run = intake.take(count)
        to_store = [(answer, label, sha) for answer, label, sha in run if isinstance(answer, FileReport)]
        stored = iter(self._store_batch(to_store, published, who, reason, between=lambda: intake.feed(0)))
        for answer, _, _ in run:
            outcome = next(stored) if isinstance(answer, FileReport) else answer
            changed += outcome.created + outcome.updated
            summary.add(outcome)
            on_file(outcome)
        return changed

    def _before_reading(self, item: CollectedFile) -> tuple[FileOutcome | None, str]:
        """The file's hash, and its outcome if it needs no worker: refused before reading, or stored."""
        if item.problem is not None:
            return _refusal(item.label, item.problem), ""
        digest = hashlib.sha256(item.data).hexdigest()
        with self.engine.connect() as conn:
            known = imported_files.find(conn, digest)
        if known is None:
            return None, digest
        same = "" if known.file == item.label else f"（与已导入的 {known.file} 内容相同）"
        skipped = FileOutcome(
            item.label,
            "unchanged",
            f"文件内容未变，已跳过{same}",
            digest,
            known.tables,
            unchanged=known.tables,
        )
        return skipped, digest

    def _store_batch(
        self,
        batch: list[tuple[FileReport, str, str]],
        published: bool,
        who: Principal | None,
        reason: str | None,
        between: Callable[[], None] = lambda: None,
    ) -> list[FileOutcome]:
        """Store read files (report, label, digest) in one transaction with their hashes, as each would
        be stored alone. If any of them is refused or rejected, nothing of the batch is kept and each
        file is stored alone (`_store`), so the others still land and the bad one has its own reason.
        ``between`` runs after each file (the loop keeps the readers busy meanwhile)."""
        readable = [entry for entry in batch if entry[0].ok]
        if len(readable) > 1:
            try:
                named = [
                    name
                    for report, _, _ in readable
                    for entry in report.reviews
                    for name in (entry.table.project.unit, entry.table.project.department)
                ]
                with (
                    self.engine.begin() as conn,
                    deferred_search(conn),
                    held_rows(conn),
                    chained_batch(conn),
                    batch_orgs(conn, named),
                    batch_profiles(conn),
                ):
                    user = who.user_id if who else None
                    for report, label, _ in readable:
                        self.store_report(conn, report, label, published, who, reason)
                        between()
                    # read by other connections only (`_before_reading`): recorded when the batch ends
                    recorded = [(sha, label, len(report.tables), user) for report, label, sha in readable]
                    imported_files.record_many(conn, recorded)
            except BATCH_REFUSALS:
                for report, _, _ in readable:
                    report.created = report.updated = report.unchanged = 0
                    report.table_ids, report.selfevaluation_ids = [], []
            else:
                self._cache.clear()
                self.refresh_statistics(
                    sum(r.created + r.updated for r, _, _ in readable if not r.selfevaluations)
                )
                return [_outcome_of(report, digest) for report, _, digest in batch]
        return [self._store(report, label, digest, published, who, reason) for report, label, digest in batch]

    def _store(
        self,
        report: FileReport,
        label: str,
        digest: str,
        published: bool,
        who: Principal | None,
        reason: str | None = None,
    ) -> FileOutcome:
        """Store one worker's report through the import path every import takes, then its hash."""

        def already_read(_data: bytes, _file: str) -> FileReport:
            return report

        for attempt in range(BUSY_RETRIES + 1):
            try:
                stored = self.import_bytes(b"", label, published, who, read=already_read, reason=reason)
                if stored.ok:
                    with self.engine.begin() as conn:
                        user = who.user_id if who else None
                        imported_files.record(conn, digest, label, len(stored.tables), user)
                return _outcome_of(stored, digest)
            except ServiceError as refusal:  # not allowed: this file is refused, the batch goes on
                return _refusal(label, refusal.message, digest)
            except DATABASE_ERRORS as why:
                if not is_database_busy(why):
                    return _refusal(
                        label, f"数据库拒绝存储这个文件（{type(why).__name__}），未导入任何内容", digest
                    )
                if attempt == BUSY_RETRIES:
                    raise BatchStopped(
                        f"{label}：{BUSY_MESSAGE}（批量导入已停止；已导入的文件保留，重新运行会跳过它们）"
                    ) from None
                time.sleep(1.0 + attempt)
        raise AssertionError("unreachable")  # pragma: no cover


__all__ = ["STATUS_LABELS", "BatchStopped", "BatchSummary", "BulkService", "FileOutcome", "default_jobs"]
