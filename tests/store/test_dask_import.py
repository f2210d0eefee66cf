"""`jixiao import --dask`: the same pipeline on a two-worker Dask `LocalCluster`, on loopback.

What the cluster stores must be what the local worker processes store (ids, time stamps and the audit
chain aside), on SQLite and PostgreSQL; a re-run stores nothing twice; a worker killed in the middle
loses no file.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from jixiao.pipeline import iter_files
from jixiao.readers.limits import DEFAULT_LIMITS
from jixiao.service import Service, ServiceError, bulk_dask
from jixiao.service.bulk import FileOutcome
from jixiao.service.bulk_dask import DaskReaderPool, dask_pool
from jixiao.service.bulk_workers import Task
from tests.store.test_bulk_import import _collection, _files, _import, _stored

pytest.importorskip("distributed")
pytestmark = pytest.mark.dask

PUBLISHERS = Path(__file__).parents[1] / "corpus" / "publishers"


def _mixed_collection(root: Path) -> Path:
    """The seed in six text files and an empty one, plus one published document of each other format."""
    _collection(root)
    for suffix in ("xlsx", "docx", "html", "pdf"):
        source = sorted(PUBLISHERS.glob(f"*/document.{suffix}"))[0]
        shutil.copy(source, root / f"{source.parent.name}.{suffix}")
    return root


def _into(url: str, root: Path, dask: str | None = None) -> list[FileOutcome]:
    outcomes: list[FileOutcome] = []
    Service(url).import_collection(iter_files([root]), outcomes.append, jobs=1, published=True, dask=dask)
    return outcomes


def test_the_dask_run_stores_what_the_local_run_stores_and_a_rerun_nothing(
    db_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    local_url = sqlite_url
    root = _mixed_collection(tmp_path / "收集")
    local = _into(local_url, root)
    on_cluster = _into(db_url, root, dask="local:2")
    assert [(o.file, o.status, o.tables) for o in on_cluster] == [(o.file, o.status, o.tables) for o in local]
    assert sum(o.tables for o in on_cluster) > 17  # the seed's 17 and the other formats' tables
    stored = _stored(db_url)
    assert stored == _stored(local_url) and stored["findings"]

    again = _into(db_url, root, dask="local:2")
    assert {o.status for o in again} == {"unchanged", "refused"}  # the empty file stays refused
    assert _stored(db_url) == stored


class _KillingPool(DaskReaderPool):
    """A pool that kills one worker process (SIGKILL) as soon as it has files in flight."""

    killed = False

    def submit(self, task: Task) -> None:
        super().submit(task)
        if not self.killed and self.in_flight() >= 3:
            pids = self.client.run(os.getpid)
            os.kill(next(iter(pids.values())), signal.SIGKILL)
            self.killed = True


def test_a_killed_worker_is_restarted_and_loses_no_file(db_url: str, sqlite_url: str, tmp_path: Path) -> None:
    if "postgresql" in db_url:
        pytest.skip("the worker's death is the same whatever the database: once, on SQLite")
    root = _mixed_collection(tmp_path / "收集")
    local = _into(sqlite_url, root)
    service = Service(db_url)
    outcomes: list[FileOutcome] = []
    with dask_pool("local:2", DEFAULT_LIMITS) as pool:
        killing = _KillingPool(pool.client, DEFAULT_LIMITS)
        service.import_through(killing, iter_files([root]), outcomes.append, published=True)
        assert killing.killed
        pool.client.wait_for_workers(2, timeout=60)  # the nanny started another
    assert [(o.file, o.status, o.tables) for o in outcomes] == [(o.file, o.status, o.tables) for o in local]
    assert _stored(db_url) == _stored(sqlite_url)


def test_the_cli_reads_on_a_cluster_and_names_a_bad_address(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _collection(tmp_path / "收集")
    result = _import(str(root), "--db", sqlite_url, "--dask", "local:1")
    assert result.exit_code == 1, result.output  # the empty file is refused; the rest imported
    assert sum(f["created"] for f in _files(result)) == 17
    bad = _import(str(root), "--db", sqlite_url, "--dask", "somewhere")
    assert bad.exit_code == 1 and "Dask 地址“somewhere”无效" in bad.output
    assert "Traceback" not in bad.output
    monkeypatch.setattr(bulk_dask, "CONNECT_SECONDS", 2.0)
    with pytest.raises(ServiceError, match="无法连接 Dask 调度器"):
        Service(sqlite_url).import_collection(iter_files([root]), print, dask="tcp://127.0.0.1:9")
