"""Bulk import and parse of a corpus in files (issue 15): end-to-end rate and flat memory.

The corpus: the seed's 17 tables varied (benchmarks/corpus.py) and written 17 to a text file, the
three layouts in turn — what a publisher's folder looks like. The baseline, in the same run:
``json.load`` of the same tables' open-data JSON, one file per text file (best of three).

- ``jixiao import DIR --jobs 2`` (read + review in workers, stored by one writer) into a fresh SQLite
  database and a fresh database of a throwaway PostgreSQL, run as a command; the time is the batch's
  own (its ``--json`` summary: migration and interpreter start left out). Target: within 8× of the
  baseline. Peak memory: the largest resident size of the command and its workers together, sampled
  every 20 ms from /proc, at two corpus sizes; target: equal ± 20 %.
- ``jixiao import DIR --dask local:2`` of the smaller corpus: the same pipeline on a two-worker Dask
  `LocalCluster`, against two local jobs (what the cluster's scheduling and transfers cost).
- ``jixiao parse DIR -o /dev/null`` (JSON Lines): peak resident size at two sizes; target ≤ 1.2×.

Quick by default (2,000 and 6,000 tables to import, 600 and 6,000 to parse) so `make bench` stays
short; ``python -m benchmarks bulk --full`` (or ``JIXIAO_BENCH_FULL=1``) runs the issue's sizes:
10,000 and 30,000 tables to import, 3,000 and 30,000 to parse. ``JIXIAO_BENCH_DATABASES=postgresql``
(or ``sqlite``) imports into that database only; the one-job and Dask runs use the first kept.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.corpus import LAYOUTS, in_layout, seed_blocks, vary
from benchmarks.report import Report
from jixiao.formats.table_json import table_to_dict
from jixiao.readers.text import read_text

PER_FILE = 17
QUICK = {"import": (2_000, 6_000), "parse": (600, 6_000)}
FULL = {"import": (10_000, 30_000), "parse": (3_000, 30_000)}


def write_corpus(folder: Path, n: int, with_json: bool = True) -> tuple[Path, Path]:
    """``n`` tables in text files of `PER_FILE` under ``folder/text`` (in subfolders of 100 files), and
    the same tables' JSON under ``folder/json``; returns the two folders."""
    blocks = seed_blocks()
    text_dir, json_dir = folder / "text", folder / "json"
    for number, start in enumerate(range(0, n, PER_FILE)):
        layout = LAYOUTS[number % len(LAYOUTS)]
        parts = [
            in_layout(vary(blocks[k % len(blocks)], k), layout)
            for k in range(start, min(n, start + PER_FILE))
        ]
        text = "\n\n".join(parts) + "\n"
        sub = f"{number // 100:03d}"
        (text_dir / sub).mkdir(parents=True, exist_ok=True)
        (text_dir / sub / f"表{number:05d}.txt").write_text(text, encoding="utf-8")
        if with_json:
            tables, _ = read_text(text, f"表{number:05d}.txt")
            (json_dir / sub).mkdir(parents=True, exist_ok=True)
            documents = [table_to_dict(t) for t in tables]
            (json_dir / sub / f"表{number:05d}.json").write_text(json.dumps(documents, ensure_ascii=False))
    return text_dir, json_dir


def json_load_seconds(json_dir: Path) -> tuple[float, float]:
    """Best of three: ``json.load`` of every JSON file of the corpus, (wall seconds, CPU seconds)."""
    files = sorted(json_dir.rglob("*.json"))
    best, best_cpu = float("inf"), float("inf")
    for _ in range(3):
        started, cpu = time.perf_counter(), time.process_time()
        for path in files:
            with path.open(encoding="utf-8") as handle:
                json.load(handle)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best, best_cpu


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm", encoding="ascii") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                pending += [int(child) for child in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run_measured(command: list[str], timeout: float = 3600) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run a command; its result and the peak resident size of its process tree in MiB."""
    peak = 0
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not finished.is_set():
            peak = max(peak, _tree_rss(process.pid))
            finished.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    finally:
        finished.set()
        sampler.join()
        if process.poll() is None:
            process.kill()
            process.wait()
    done = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    return done, peak / 2**20


def _jixiao(*args: str) -> list[str]:
    return [sys.executable, "-c", "from jixiao.cli import main; main()", *args]


def _summary(stderr: str) -> dict[str, float]:
    for line in reversed(stderr.splitlines()):
        if line.startswith('{"summary"'):
            summary: dict[str, float] = json.loads(line)["summary"]
            return summary
    raise RuntimeError(f"jixiao import gave no summary: {stderr[-2000:]}")


def import_run(
    folder: Path, url: str, jobs: int = 2, dask: str | None = None
) -> tuple[dict[str, float], float]:
    """``jixiao import`` of a folder into a migrated database: its summary and peak memory (MiB)."""
    subprocess.run(_jixiao("db", "upgrade", "--db", url, "--json"), check=True, capture_output=True)
    where = ["--dask", dask] if dask else ["--jobs", str(jobs)]
    done, peak = run_measured(_jixiao("import", str(folder), "--db", url, "--json", *where))
    if done.returncode != 0:
        raise RuntimeError(f"jixiao import failed: {done.stderr[-2000:]}")
    return _summary(done.stderr), peak


def _cpu_figures(report: Report, label: str, summary: dict[str, float], n: int, baseline_cpu: float) -> None:
    """CPU per table of the writer and the readers, and what they imply on two idle cores.

    On a loaded machine the wall time mostly measures the other processes; CPU time does not. Two
    idle cores would take at least max(writer, (writer + readers) / 2) seconds."""
    writer, readers = summary["writer_cpu_seconds"], summary["reader_cpu_seconds"]
    report.figure(f"{label} writer CPU per table", writer / n * 1000, "ms")
    report.figure(f"{label} readers' CPU per table (both workers)", readers / n * 1000, "ms")
    report.figure(f"json.load CPU per table (baseline, {n:,})", baseline_cpu / n * 1000, "ms")
    projected = max(writer, (writer + readers) / 2)
    report.figure(
        f"{label} CPU-projected time on 2 idle cores / json.load CPU", projected / baseline_cpu, "x"
    )


def _full(argv: list[str] | None = None) -> bool:
    return os.environ.get("JIXIAO_BENCH_FULL") == "1" or "--full" in (argv or sys.argv)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(f"stopped by signal {signum}")


def run(report: Report) -> None:
    from benchmarks.bench_store import _databases, _fresh
    from jixiao.store.db import dispose_engines

    signal.signal(signal.SIGTERM, _stop)  # a stopped run still stops its PostgreSQL and removes its files
    sizes = FULL if _full() else QUICK
    report.line(
        f"sizes: import {sizes['import']}, parse {sizes['parse']} ({'full' if _full() else 'quick; --full'})"
    )
    with tempfile.TemporaryDirectory(prefix="jixiao-bulk-") as workdir:
        root = Path(workdir)
        corpora = {}
        for n in sorted({*sizes["import"], *sizes["parse"]}):
            started = time.perf_counter()
            corpora[n] = write_corpus(root / f"c{n}", n, with_json=n in sizes["import"])
            report.line(
                f"corpus of {n:,} tables written in {time.perf_counter() - started:.0f} s (not timed)"
            )
        databases = _databases(root)
        wanted = os.environ.get("JIXIAO_BENCH_DATABASES", "")  # e.g. "postgresql": only that one
        skipped = [d for d in databases if wanted and d[0] not in wanted.split(",")]
        databases = [d for d in databases if d not in skipped]
        for _, _, cleanup in skipped:
            if cleanup:
                cleanup()
        try:
            for name, make, _ in databases:
                peaks = []
                for n in sizes["import"]:
                    text_dir, json_dir = corpora[n]
                    baseline, baseline_cpu = json_load_seconds(json_dir)
                    load_before = os.getloadavg()[0]
                    summary, peak = import_run(text_dir, make(f"bulk{n}"))
                    report.line(
                        f"{name} import {n:,}: load average {load_before:.1f} before, "
                        f"{os.getloadavg()[0]:.1f} after (CPU figures are this process tree's own)"
                    )
                    peaks.append(peak)
                    assert summary["tables"] == n and summary["refused"] == 0, summary
                    report.figure(f"{name} import {n:,} tables, 2 jobs", n / summary["seconds"], "tables/s")
                    report.figure(f"json.load of the same {n:,} tables (baseline)", n / baseline, "tables/s")
                    report.figure(
                        f"{name} import {n:,} time / json.load time",
                        summary["seconds"] / baseline,
                        "x",
                        target="<= 8",
                    )
                    _cpu_figures(report, f"{name} import {n:,}", summary, n, baseline_cpu)
                    report.figure(f"{name} import {n:,} peak memory (command + workers)", peak, "MiB")
                small, large = sizes["import"]
                report.figure(
                    f"{name} import peak memory {large:,} / {small:,}",
                    peaks[1] / peaks[0],
                    "x",
                    target="1 ± 0.2",
                )
                dispose_engines()
            text_dir, _ = corpora[sizes["parse"][0]]  # the smaller corpus: one job is for comparison only
            one, _ = import_run(text_dir, _fresh(databases[0][1], "jobs1"), jobs=1)
            two, _ = import_run(text_dir, _fresh(databases[0][1], "jobs2"), jobs=2)
            label = f"{databases[0][0]} import {sizes['parse'][0]:,} tables"
            report.figure(f"{label}, 1 job", one["tables_per_second"], "tables/s")
            report.figure(f"{label}, 2 jobs", two["tables_per_second"], "tables/s")
            on_dask, _ = import_run(text_dir, _fresh(databases[0][1], "dask2"), dask="local:2")
            assert on_dask["tables"] == two["tables"] and on_dask["refused"] == 0, on_dask
            dask_rate = on_dask["tables_per_second"]
            report.figure(f"{label}, Dask LocalCluster of 2 workers", dask_rate, "tables/s")
            report.figure(
                f"{label}: Dask time / 2 local jobs' time", on_dask["seconds"] / two["seconds"], "x"
            )
        finally:
            dispose_engines()
            for _, _, cleanup in databases:
                if cleanup:
                    cleanup()
        parse_peaks = []
        for n in sizes["parse"]:
            text_dir, _ = corpora[n]
            started = time.perf_counter()
            done, peak = run_measured(_jixiao("parse", str(text_dir), "-o", os.devnull))
            elapsed = time.perf_counter() - started
            assert done.returncode == 0, done.stderr[-2000:]
            parse_peaks.append(peak)
            report.figure(f"parse {n:,} tables to JSON Lines, peak memory", peak, "MiB")
            report.figure(f"parse {n:,} tables (command, start included)", n / elapsed, "tables/s")
        small, large = sizes["parse"]
        report.figure(
            f"parse peak memory {large:,} / {small:,}", parse_peaks[1] / parse_peaks[0], "x", target="<= 1.2"
        )
