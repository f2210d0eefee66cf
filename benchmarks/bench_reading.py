"""Reading throughput on the 10,000-table corpus, against json.loads of the same tables' JSON.

Targets (issue 15, item 3): at most 2.5× the CPU time json.loads needs for the canonical JSON of the
same tables. Times are CPU time of this process (`time.process_time`, best of three), not wall time:
the machine is shared. When the optional compiled reader is built (`make compiled`), the same run
also measures the pure-Python reader in a child process (``JIXIAO_PURE=1``), each against its own
json.loads, so both ratios come from one run.

A second baseline is printed beside it: json.loads of the same JSON *and* the `Table` objects built from
it (`formats.table_json_read.table_from_dict`). Any reader that hands back the model pays at least that,
whatever it reads, so the ratio to it is the reader's own cost; the ratio of that baseline to json.loads
is the floor under the 2.5× target for a reader written in Python and returning the model.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

import jixiao
from benchmarks.corpus import build_corpus
from benchmarks.report import Report
from jixiao.formats.table_json import table_to_dict
from jixiao.formats.table_json_read import table_from_dict
from jixiao.readers.grid import iter_tables
from jixiao.readers.text import read_text, text_rows

ROOT = Path(__file__).resolve().parent.parent


def best_cpu(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def _model_from_json(canonical: str) -> list[object]:
    """The tables as model objects from their JSON: what any reader returning the model must build."""
    return [table_from_dict(data) for data in json.loads(canonical)]


def measure(n: int) -> dict[str, float]:
    """CPU seconds per layout (``read <layout>``), and in all: ``read``, ``json.loads`` and
    ``json.loads + model`` (the same JSON turned into `Table` objects: the floor under any reader
    that returns the model, whatever it reads)."""
    corpus = build_corpus(n)
    seconds = {"read": 0.0, "json.loads": 0.0, "json.loads + model": 0.0}
    for layout, text in corpus.texts.items():
        tables, diagnostics = read_text(text, "corpus.txt")
        assert len(tables) == corpus.counts[layout] and not diagnostics, (layout, diagnostics[:3])
        canonical = json.dumps([table_to_dict(t) for t in tables], ensure_ascii=False)
        read_s = best_cpu(3, partial(read_text, text, "corpus.txt"))
        seconds[f"read {layout}"] = read_s
        seconds["read"] += read_s
        seconds["json.loads"] += best_cpu(3, partial(json.loads, canonical))
        seconds["json.loads + model"] += best_cpu(3, partial(_model_from_json, canonical))
    return seconds


def _measure_pure(n: int) -> dict[str, float]:
    """`measure` in a child process that imports the readers from their sources."""
    env = {**os.environ, "JIXIAO_PURE": "1"}
    command = [sys.executable, "-m", "benchmarks.bench_reading", str(n)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-2000:]
    seconds: dict[str, float] = json.loads(done.stdout)
    return seconds


def run(report: Report, n: int = 10_000) -> None:
    corpus = build_corpus(n)
    report.line(f"corpus: {corpus.total} tables ({', '.join(f'{k} {v}' for k, v in corpus.counts.items())})")
    compiled = jixiao.compiled_modules()
    report.line(
        f"reader: compiled with mypyc ({len(compiled)} modules loaded as extensions)"
        if compiled
        else "reader: pure Python (no compiled build, or JIXIAO_PURE=1; `make compiled` builds one)"
    )
    seconds = measure(n)
    for layout in corpus.texts:
        report.figure(f"read {layout}", corpus.counts[layout] / seconds[f"read {layout}"], "tables/s CPU")
    report.figure("read all layouts", corpus.total / seconds["read"], "tables/s CPU")
    report.figure("json.loads same tables", corpus.total / seconds["json.loads"], "tables/s CPU")
    ratio = seconds["read"] / seconds["json.loads"]
    report.figure("read time / json.loads time", ratio, "x CPU", target="<= 2.5")
    floor = seconds["json.loads + model"] / seconds["json.loads"]
    report.figure("json.loads + building the model objects / json.loads time", floor, "x CPU")
    report.figure(
        "read time / (json.loads + building the model objects)",
        seconds["read"] / seconds["json.loads + model"],
        "x CPU",
    )
    if compiled:
        pure = _measure_pure(n)
        pure_ratio = pure["read"] / pure["json.loads"]
        report.figure("pure Python: read all layouts", corpus.total / pure["read"], "tables/s CPU")
        report.figure("pure Python: read time / json.loads time", pure_ratio, "x CPU", target="<= 2.5")
        report.figure("compiled reader speed-up over pure Python", pure["read"] / seconds["read"], "x")

    # Memory: streaming the tables one at a time keeps the peak flat whatever the input size.
    text = corpus.texts["tabs"]
    tracemalloc.start()
    for _ in iter_tables(text_rows(text, "corpus.txt"), "corpus.txt"):
        pass
    _, peak_stream = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report.figure("streaming peak memory (tabs, beyond the input text)", peak_stream / 2**20, "MiB")


if __name__ == "__main__":  # the pure-Python child of `run`: its CPU seconds as JSON
    print(json.dumps(measure(int(sys.argv[1]))))
