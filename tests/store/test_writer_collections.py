"""The bulk import's writer runs the cyclic garbage collector once per batch, not by allocation count,
and leaves it as it found it, whatever happens."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from jixiao.readers.collection import iter_files
from jixiao.service import Service, bulk
from jixiao.service.bulk import FileOutcome
from tests.store.test_held_rows import _collection


class _Stop(Exception):
    """Raised by the test's ``on_file`` to stop an import half-way."""


def test_the_collector_runs_per_batch_during_an_import_and_is_back_after_it(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "BATCH_FILES", 2)  # young generations collected every two files stored
    root = _collection(tmp_path / "收集", 4)
    service = Service(sqlite_url)
    enabled: list[bool] = []
    counts_before = gc.get_stats()[1]["collections"]

    def heard(outcome: FileOutcome) -> None:
        enabled.append(gc.isenabled())

    assert gc.isenabled()
    summary = service.import_collection(iter_files([root]), heard, jobs=1)
    assert summary.imported == 5 and enabled == [False] * 6
    assert gc.isenabled()
    assert gc.get_stats()[1]["collections"] > counts_before  # the young generations, after the batch

    def stop(outcome: FileOutcome) -> None:
        raise _Stop(outcome.file)

    with pytest.raises(_Stop):
        Service(sqlite_url).import_collection(iter_files([tmp_path / "收集"]), stop, jobs=1)
    assert gc.isenabled()
    gc.disable()
    try:  # a caller that had it off finds it off
        service.import_collection(iter_files([root]), heard, jobs=1)
        assert not gc.isenabled()
    finally:
        gc.enable()
