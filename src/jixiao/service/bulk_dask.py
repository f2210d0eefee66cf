"""Bulk import past one machine: the files read and reviewed on a Dask cluster, stored by one writer.

`DaskReaderPool` answers the same calls as `jixiao.service.bulk_workers.ReaderPool` (``submit``,
``has_room``, ``results``, ``cpu_seconds``), so `BulkService.import_collection` runs the same loop
over it: files are stored in the order they were named, by the same import path, and a re-run skips
files already imported (by content hash) — the store is the same whether the files were read here
or on a cluster, and writing it twice changes nothing.

Each file is one Dask task (`read_on_worker`): the worker reads and reviews it within the upload
limits' CPU time (``RLIMIT_CPU``: a runaway parse ends that worker process) and sends back the
report in the compact pickle of the local pool. Memory is bounded by the worker's own
``memory_limit``, which its nanny enforces by restarting it. A worker that dies — killed, out of
memory, past its CPU time — is restarted by its nanny and the scheduler gives its files to another
worker; a file that kills ``allowed-failures`` workers in a row comes back refused with the reason,
and the batch goes on. A pool holds at most ``depth`` files per worker thread, so the writer's
memory stays flat whatever the batch.

``local:N`` starts a `distributed.LocalCluster` of N single-threaded worker processes on loopback;
any other address (``tcp://host:8786``) is an existing scheduler. dask.distributed is optional:
``pip install 'jixiao[cluster]'``.
"""

from __future__ import annotations

import contextlib
import pickle
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jixiao.readers.limits import DEFAULT_LIMITS, UploadLimits
from jixiao.service.bulk_workers import (
    DIED_MESSAGE,
    STARTUP_SECONDS,
    Task,
    _cpu_used,
    answer_report,
    dumps,
    read_one,
    refused,
)
from jixiao.service.errors import ServiceError
from jixiao.service.reading import FileReport
from jixiao.service.sandbox import TIME_MESSAGE

if TYPE_CHECKING:
    from distributed import Client, Future

MiB = 2**20
WORKER_MEMORY = 768 * MiB  # one local worker process: the interpreter, Dask, and one file being read
ALLOWED_FAILURES = 2  # workers a file may kill before it is refused (the scheduler's setting)
CONNECT_SECONDS = 30.0  # to reach a scheduler given by its address
INLINE_BYTES = 1 * MiB  # a bigger file is scattered to the cluster rather than sent inside its task
MISSING_MESSAGE = "未安装 dask.distributed，无法使用 --dask：请运行 pip install 'jixiao[cluster]'"
ADDRESS_MESSAGE = "Dask 地址“{address}”无效：应为 local:N（本机 N 个工作进程）或 tcp://主机:端口"
CONNECT_MESSAGE = "无法连接 Dask 调度器 {address}（{why}）"


def read_on_worker(label: str, data: bytes, limits: UploadLimits, office: bool) -> bytes:
    """The task run by a Dask worker: read and review one file; the answer pickled compactly."""
    from distributed import get_worker

    # the worker's own threads share this address space: its memory is bounded by the nanny instead
    kind, value, _retire = read_one(label, data, limits, office, cap_memory=False)
    return dumps((kind, value, _cpu_used(), get_worker().address))


@dataclass
class _Sent:
    task: Task
    at: float


class DaskReaderPool:
    """Files read by the workers of a Dask ``client``; results come back by task index."""

    def __init__(self, client: Client, limits: UploadLimits = DEFAULT_LIMITS, depth: int = 2) -> None:
        self.client = client
        self.limits = limits
        threads = sum(client.nthreads().values()) or 1
        self.capacity = threads * max(1, depth)
        self.sent: dict[Future, _Sent] = {}
        self.replaced = 0
        self._cpu_by_worker: dict[str, float] = {}
        self._workers = set(client.nthreads())

    def has_room(self) -> bool:
        """Whether another file may be submitted without growing the queue past its bound."""
        return len(self.sent) < self.capacity

    def in_flight(self) -> int:
        """Files submitted and not yet answered."""
        return len(self.sent)

    def submit(self, task: Task) -> None:
        """Send a file to the cluster (its bytes scattered first when it is big)."""
        data: Any = task.data
        if len(task.data) > INLINE_BYTES:
            data = self.client.scatter(task.data, hash=False)
        future = self.client.submit(
            read_on_worker,
            task.label,
            data,
            self.limits,
            task.office,
            pure=False,
            key=f"jixiao-read-{task.index}-{time.time_ns()}",
        )
        self.sent[future] = _Sent(task, time.monotonic())

    def results(self, timeout: float = 1.0) -> Iterator[tuple[int, FileReport]]:
        """Wait up to ``timeout`` seconds for answers; each is (task index, report)."""
        from distributed import wait

        if not self.sent:
            return
        with contextlib.suppress(TimeoutError):
            wait(list(self.sent), timeout=timeout, return_when="FIRST_COMPLETED")
        now = time.monotonic()
        for future, sent in list(self.sent.items()):
            if future.done():
                del self.sent[future]
                yield sent.task.index, self._answer(future, sent.task)
            elif now > sent.at + self._patience(sent.task):
                del self.sent[future]
                future.cancel()
                yield (
                    sent.task.index,
                    refused(sent.task.label, TIME_MESSAGE.format(seconds=self._seconds(sent.task))),
                )
        self._count_departures()

    def cpu_seconds(self) -> float:
        """CPU time the workers used (each worker's total as it last said)."""
        return sum(self._cpu_by_worker.values())

    def close(self) -> None:
        """Cancel whatever is still in flight."""
        for future in self.sent:
            future.cancel()
        self.sent.clear()

    def __enter__(self) -> DaskReaderPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- inside ----------------------------------------------------------------------------------

    def _seconds(self, task: Task) -> float:
        return self.limits.office_parse_seconds if task.office else self.limits.parse_seconds

    def _patience(self, task: Task) -> float:
        """How long a file may be in flight: queued behind others, and retried after dead workers."""
        return STARTUP_SECONDS + self._seconds(task) * self.capacity * (ALLOWED_FAILURES + 1)

    def _answer(self, future: Future, task: Task) -> FileReport:
        from distributed.scheduler import KilledWorker

        try:
            payload = future.result()
        except KilledWorker:
            return refused(task.label, DIED_MESSAGE)
        except Exception as error:  # the task failed on the worker: this file's problem, no traceback
            return refused(task.label, f"读取文件时出错（{type(error).__name__}），已拒绝")
        finally:
            future.release()
        kind, value, cpu, worker = pickle.loads(payload)
        self._cpu_by_worker[worker] = cpu
        return answer_report(task.label, kind, value, self.limits)

    def _count_departures(self) -> None:
        workers = set(self.client.nthreads())
        self.replaced += len(self._workers - workers)
        self._workers |= workers


@contextlib.contextmanager
def dask_pool(address: str, limits: UploadLimits = DEFAULT_LIMITS) -> Iterator[DaskReaderPool]:
    """A pool on the cluster at ``address`` (``local:N`` starts one here, on loopback)."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise ServiceError(MISSING_MESSAGE) from None
    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}):
        if address.startswith("local:"):
            count = address.removeprefix("local:")
            if not count.isdigit() or not 1 <= int(count) <= 64:
                raise ServiceError(ADDRESS_MESSAGE.format(address=address))
            cluster = LocalCluster(
                n_workers=int(count),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                memory_limit=WORKER_MEMORY,
            )
            with cluster, Client(cluster) as client:
                yield DaskReaderPool(client, limits)
            return
        if not address.startswith(("tcp://", "tls://")):
            raise ServiceError(ADDRESS_MESSAGE.format(address=address))
        try:
            client = Client(address, timeout=CONNECT_SECONDS)
        except OSError as why:
            raise ServiceError(CONNECT_MESSAGE.format(address=address, why=why)) from None
        with client:
            yield DaskReaderPool(client, limits)


__all__ = ["DaskReaderPool", "dask_pool", "read_on_worker"]
