"""Worker processes that read and review files for a bulk import, each within the upload limits.

`ReaderPool` keeps ``jobs`` long-lived workers (`serve` in a fresh interpreter: nothing of the
parent is forked). Each file is sent with its bytes and read by
`read_and_review` under the same limits as an upload (`jixiao.service.sandbox`): before a file the
worker lowers its address-space ceiling (``RLIMIT_AS``) to ``parse_memory_bytes`` and its CPU-time
ceiling (``RLIMIT_CPU``) to what it has used plus ``parse_seconds``, and raises them again after
(an office file converted by LibreOffice gets the longer time and no memory cap, as on the web). The
parent stops a worker whose file takes longer than its wall-clock time. A worker that dies or is
stopped is replaced; its file comes back refused with a Chinese reason, the files queued behind it
go to the new worker. A worker whose memory grew past half the ceiling, or that read
`RECYCLE_AFTER` files, is retired once idle and replaced (parsers that leak stay bounded).

Every worker holds at most ``depth`` files (the one it reads and the next), so the parent never has
more than ``jobs × depth`` files in flight: memory stays flat whatever the batch.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import io
import operator
import os
import pickle
import queue
import resource
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

from jixiao import model
from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.limits import DEFAULT_LIMITS, LimitExceeded, UploadLimits
from jixiao.readers.text import FILE_PROBLEM
from jixiao.service.reading import FileReport
from jixiao.service.sandbox import MEMORY_MESSAGE, TIME_MESSAGE
from jixiao.store.document import dumps_and_hash
from jixiao.store.tables import Reviewed

RECYCLE_AFTER = 2_000
# the worker's entry: not ``-m`` (its functions would be pickled as ``__main__``'s)
WORKER_MAIN = "import sys; from jixiao.service.bulk_workers import serve; serve(*map(int, sys.argv[1:3]))"
STARTUP_SECONDS = 15.0  # a fresh worker's first file also waits for the interpreter to start
DIED_MESSAGE = "读取该文件的进程意外退出（文件可能异常或所需内存超限），已拒绝；其余文件照常导入"


@dataclass
class Task:
    """One file to read: its place in the batch, its label, bytes, and whether LibreOffice converts it."""

    index: int
    label: str
    data: bytes
    office: bool = False


def refused(label: str, message: str) -> FileReport:
    """A report of a file not read, with the Chinese reason."""
    return FileReport(
        file=label, problems=[Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(label))]
    )


def answer_report(label: str, kind: str, value: Any, limits: UploadLimits) -> FileReport:
    """The report of a worker's answer (`read_one`'s kind and value)."""
    if kind == "ok":
        report: FileReport = value
        return report
    if kind == "memory":
        return refused(label, MEMORY_MESSAGE.format(memory=limits.parse_memory_bytes // 2**20))
    if kind == "limit":
        return refused(label, str(value))
    return refused(label, f"读取文件时出错（{value}），已拒绝")


class FilePool(Protocol):
    """Where a bulk import's files are read: worker processes here, or a Dask cluster."""

    replaced: int

    @property
    def capacity(self) -> int:
        """How many files may be in flight at once."""

    def has_room(self) -> bool:
        """Whether another file may be submitted now."""

    def submit(self, task: Task) -> None:
        """Send a file to be read."""

    def results(self, timeout: float = 1.0) -> Iterator[tuple[int, FileReport]]:
        """The answers ready within ``timeout`` seconds: (task index, report)."""

    def cpu_seconds(self) -> float:
        """CPU time the readers used."""


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    inbox: Connection  # the parent reads the worker's answers here
    outbox: queue.Queue[bytes | None]  # a thread sends the tasks (a send never blocks the parent)
    tasks: deque[Task] = field(default_factory=deque)
    started: float = 0.0  # when the first of ``tasks`` began
    served: int = 0
    retiring: bool = False
    cpu: float = 0.0  # CPU seconds the worker has used, as it last said


class ReaderPool:
    """``jobs`` worker processes reading files within ``limits``; results come back by task index."""

    def __init__(self, jobs: int, limits: UploadLimits = DEFAULT_LIMITS, depth: int = 2) -> None:
        self.jobs = max(1, jobs)
        self.limits = limits
        self.depth = max(1, depth)
        self.waiting: deque[Task] = deque()  # submitted, or handed back by a worker that died
        self.workers: list[_Worker] = []  # started with the first file: a batch of skipped files needs none
        self.replaced = 0
        self._cpu_of_stopped = 0.0

    # ---- the parent's side ---------------------------------------------------------------------

    @property
    def capacity(self) -> int:
        """How many files may be in flight at once."""
        return self.jobs * self.depth

    def in_flight(self) -> int:
        """Files submitted and not yet answered."""
        return len(self.waiting) + sum(len(w.tasks) for w in self.workers)

    def has_room(self) -> bool:
        """Whether another file may be submitted without growing the queues past their bound."""
        return self.in_flight() < self.capacity

    def submit(self, task: Task) -> None:
        """Queue a file for the next free worker."""
        self.waiting.append(task)
        self._dispatch()

    def results(self, timeout: float = 1.0) -> Iterator[tuple[int, FileReport]]:
        """Wait up to ``timeout`` seconds for answers; each is (task index, report)."""
        self._dispatch()
        busy = [w for w in self.workers if w.tasks]
        if not busy:
            return
        now = time.monotonic()
        deadline = min(self._deadline(w) for w in busy)
        ready = wait([w.inbox for w in busy], timeout=max(0.0, min(timeout, deadline - now)))
        for worker in busy:
            if worker.inbox in ready:
                yield from self._answer(worker)
            elif time.monotonic() > self._deadline(worker):
                task = worker.tasks.popleft()
                self._replace(worker)
                yield task.index, refused(task.label, TIME_MESSAGE.format(seconds=self._seconds(task)))
        self._dispatch()

    def cpu_seconds(self) -> float:
        """CPU time the workers used reading (as they reported it after each file)."""
        return self._cpu_of_stopped + sum(w.cpu for w in self.workers)

    def close(self) -> None:
        """Stop every worker (their pending files are dropped)."""
        for worker in self.workers:
            self._stop(worker, graceful=not worker.tasks)
        self.workers = []

    def __enter__(self) -> ReaderPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- inside ----------------------------------------------------------------------------------

    def _deadline(self, worker: _Worker) -> float:
        startup = STARTUP_SECONDS if worker.served == 0 else 0.0
        return worker.started + startup + self._seconds(worker.tasks[0])

    def _seconds(self, task: Task) -> float:
        return self.limits.office_parse_seconds if task.office else self.limits.parse_seconds

    def _answer(self, worker: _Worker) -> Iterator[tuple[int, FileReport]]:
        try:
            payload = worker.inbox.recv_bytes()
            kind, value, retire, worker.cpu = pickle.loads(payload)
        except (EOFError, OSError, pickle.UnpicklingError, ValueError):
            task = worker.tasks.popleft()
            code = worker.process.poll()
            if code is None:
                worker.process.kill()
                code = worker.process.wait()
            self._replace(worker)
            limit = (
                TIME_MESSAGE.format(seconds=self._seconds(task)) if code == -signal.SIGXCPU else DIED_MESSAGE
            )
            yield task.index, refused(task.label, limit)
            return
        task = worker.tasks.popleft()
        worker.started = time.monotonic()
        worker.served += 1
        worker.retiring = worker.retiring or retire or worker.served >= RECYCLE_AFTER
        yield task.index, answer_report(task.label, kind, value, self.limits)
        if worker.retiring and not worker.tasks:
            self._replace(worker, graceful=True)

    def _dispatch(self) -> None:
        if self.waiting and not self.workers:
            self.workers = [self._start() for _ in range(self.jobs)]
        for worker in self.workers:
            while self.waiting and len(worker.tasks) < self.depth and not worker.retiring:
                task = self.waiting.popleft()
                if not worker.tasks:
                    worker.started = time.monotonic()
                worker.tasks.append(task)
                worker.outbox.put(pickle.dumps((task.label, task.data, self.limits, task.office)))

    def _replace(self, worker: _Worker, graceful: bool = False) -> None:
        """Stop a worker, hand its queued files back, and start another in its place."""
        self.waiting.extendleft(reversed(worker.tasks))
        worker.tasks.clear()
        self._stop(worker, graceful)
        self.workers[self.workers.index(worker)] = self._start()
        self.replaced += 1

    def _start(self) -> _Worker:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        process = subprocess.Popen(
            [sys.executable, "-c", WORKER_MAIN, str(to_child_r), str(from_child_w)],
            pass_fds=(to_child_r, from_child_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        outbox: queue.Queue[bytes | None] = queue.Queue()
        sender = Connection(to_child_w, readable=False)
        threading.Thread(target=_send_all, args=(sender, outbox), daemon=True).start()
        return _Worker(process, Connection(from_child_r, writable=False), outbox)

    def _stop(self, worker: _Worker, graceful: bool = True) -> None:
        """End a worker: an idle one ends by itself when its pipe closes; a busy one is killed."""
        self._cpu_of_stopped += worker.cpu
        worker.cpu = 0.0
        worker.outbox.put(None)  # the sender thread closes the pipe
        if graceful and worker.process.poll() is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.process.wait(timeout=0.2)
        if worker.process.poll() is None:
            worker.process.kill()
            worker.process.wait()
        worker.inbox.close()


def _send_all(connection: Connection, outbox: queue.Queue[bytes | None]) -> None:
    """The sender thread of one worker: write each task, close the pipe at the end (None)."""
    try:
        while (payload := outbox.get()) is not None:
            connection.send_bytes(payload)
    except OSError:
        pass  # the worker was stopped: its tasks are handed back by the parent
    finally:
        connection.close()


# ---- the worker's side ------------------------------------------------------------------------------


def _fields_of(cls: type) -> tuple[str, ...]:
    return tuple(item.name for item in dataclasses.fields(cls))


_FIELDS: dict[type, tuple[str, ...]] = {
    cls: _fields_of(cls)
    for cls in [*vars(model).values(), Reviewed]
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and hasattr(cls, "__slots__")
}


def _values_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A record's field values as one tuple (``attrgetter`` of one name gives the value alone)."""
    getter = operator.attrgetter(*names)
    if len(names) > 1:
        return getter

    def one(record: Any) -> tuple[Any, ...]:
        return (getter(record),)

    return one


_VALUES = {cls: _values_getter(names) for cls, names in _FIELDS.items()}


def _reduce(record: Any) -> tuple[Any, ...]:
    """A record as its class and field values: unpickling calls the class with them, and each model
    class's ``__init__`` (a dataclass's generated one, or `SourceRef`'s slot setters) is the quickest
    way to a frozen record — the one writer rebuilds every record the workers send."""
    cls = type(record)
    return cls, _VALUES[cls](record)


# Slotted dataclasses pickle through `dataclasses.fields` per object: several times slower than this.
_DISPATCH = {**copyreg.dispatch_table, **dict.fromkeys(_FIELDS, _reduce)}


def dumps(value: Any) -> bytes:
    """Pickle a worker's answer, the model's records in their compact form."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(value)
    return buffer.getvalue()


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _with_document(entry: Reviewed) -> Reviewed:
    """The review with its stored document and hash, made here rather than by the one writer."""
    document, digest = dumps_and_hash(entry.table)
    return dataclasses.replace(entry, document=document, content_hash=digest)


def read_one(
    label: str, data: bytes, limits: UploadLimits, office: bool, cap_memory: bool = True
) -> tuple[str, Any, bool]:
    """Read and review one file within the limits; (kind, value, whether to retire afterwards).
    ``cap_memory`` lowers the address-space ceiling while reading (not for an office file, nor in a
    process whose other threads share that address space)."""
    from jixiao.service.reading import read_and_review

    _, hard_memory = resource.getrlimit(resource.RLIMIT_AS)
    _, hard_cpu = resource.getrlimit(resource.RLIMIT_CPU)
    seconds = limits.office_parse_seconds if office else limits.parse_seconds
    cpu = int(_cpu_used() + seconds) + 2
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard_cpu))
        if cap_memory and not office:
            resource.setrlimit(resource.RLIMIT_AS, (limits.parse_memory_bytes, hard_memory))
        report = read_and_review(data, label, limits)
        report.reviews = [_with_document(entry) for entry in report.reviews]
        outcome: tuple[str, Any] = ("ok", report)
    except MemoryError:
        outcome = ("memory", None)
    except LimitExceeded as exceeded:
        outcome = ("limit", exceeded.message)
    except Exception as error:  # a reader's bug: reported for this file, without a traceback
        outcome = ("error", f"{type(error).__name__}: {error}"[:300])
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (hard_memory, hard_memory))
        resource.setrlimit(resource.RLIMIT_CPU, (hard_cpu, hard_cpu))
    retire = outcome[0] == "memory" or _address_space() > limits.parse_memory_bytes // 2
    return outcome[0], outcome[1], retire


def serve(inbox_fd: int, outbox_fd: int) -> None:
    """The worker: answer each task from the parent until its pipe closes."""
    inbox = Connection(inbox_fd, writable=False)
    outbox = Connection(outbox_fd, readable=False)
    while True:
        try:
            label, data, limits, office = pickle.loads(inbox.recv_bytes())
        except EOFError:
            return
        kind, value, retire = read_one(label, data, limits, office)
        try:
            payload = dumps((kind, value, retire, _cpu_used()))
        except Exception as error:  # an answer that does not pickle is this file's problem
            payload = dumps(("error", f"{type(error).__name__}", True, _cpu_used()))
        outbox.send_bytes(payload)
