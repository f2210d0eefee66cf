"""`python -m benchmarks fuzz [--seconds S] [--seed N] [--count N] [--cap S] [--most N]
[--only mutants|growth] [--match TEXT] [--replay INDEX --out FILE] [--json]`: hostile and damaged
input within bounded time.

Every corpus document (target tables and self-evaluations; text, HTML, xlsx, docx, PDF) is damaged by
the mutations of `benchmarks.fuzz_mutations` and read through the public entry — the call the web
import and ``jixiao import`` make (`service.reading.read_and_review`) — and through the
self-evaluation reader that entry calls (`read_published_bytes`, whose failures the entry would
otherwise hide). Reported:

- a *crash*: any exception (a reader refuses a file with a diagnostic, never by raising);
- a *slow* read: a mutant past ``--cap`` CPU seconds (it is stopped at twice that);
- an *unrefused* bomb: a zip bomb or an archive of thousands of entries that was parsed at all;
- *super-linear growth* (`benchmarks.fuzz_growth`): a document's rows repeated 1×, 2×, 4×, 8× … until
  reads are long enough to time, the last two doublings costing far more than twice the time each.

The documents and mutations are drawn from ``random.Random(seed)``: the same seed and ``--count`` read
the same mutants; ``--seconds`` ends the run early on a slow machine (half of it for mutants, half for
growth). Not part of `make bench` (it takes minutes).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import signal
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType

from benchmarks.fuzz_growth import Growth, measure, super_linear
from benchmarks.fuzz_mutations import BY_SUFFIX, MUST_REFUSE, Mutation

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


@dataclass(frozen=True)
class Finding:
    """One mutant that crashed, ran too long, or was not refused."""

    kind: str  # crash | slow | unrefused
    document: str
    mutation: str
    index: int  # the mutant's number in the run: with the seed, enough to make it again
    detail: str


class _Stopped(Exception):
    """A read past twice the cap, stopped by the timer."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stopped


def documents(match: str = "") -> list[Path]:
    """Every corpus document whose kind has mutations (whose path holds ``match``), in a fixed order."""
    found = sorted(p for p in CORPUS.glob("*/*/document.*") if p.suffix in BY_SUFFIX)
    return [p for p in [CORPUS / "dongguan_fulian_2025.txt", *found] if match in str(p.relative_to(CORPUS))]


def _read(data: bytes, name: str) -> tuple[bool, str]:
    """Read as an upload is read; (whether a limit refused the file, the exception's trace or '')."""
    from jixiao.readers.limits import refused
    from jixiao.readers.selfeval_published import read_published_bytes
    from jixiao.service.reading import read_and_review

    try:
        report = read_and_review(data, name)
        read_published_bytes(data, name)
    except _Stopped:
        raise
    except Exception:  # the finding this benchmark looks for
        return False, traceback.format_exc(limit=-4)
    return any(refused(d) for d in report.problems), ""


def _timed(data: bytes, name: str, cap: float) -> tuple[float, bool, str]:
    """CPU seconds, refused, trace; a read past twice ``cap`` is stopped (and counted as 2 × cap)."""
    signal.signal(signal.SIGPROF, _stop)
    signal.setitimer(signal.ITIMER_PROF, cap * 2)
    started = time.process_time()
    try:
        refused, trace = _read(data, name)
    except _Stopped:
        return cap * 2, False, ""
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return time.process_time() - started, refused, trace


def mutants(seed: int, paths: list[Path]) -> Iterator[tuple[int, Path, Mutation, bytes]]:
    """Round after round over every document (in the seed's order), one random mutation each."""
    rng = random.Random(seed)
    order = list(paths)
    index = 0
    while True:
        rng.shuffle(order)
        for path in order:
            mutation = rng.choice(BY_SUFFIX[path.suffix])
            data = mutation.apply(path.read_bytes(), random.Random(rng.getrandbits(64)))
            yield index, path, mutation, data
            index += 1


def run_mutants(
    seed: int, count: int, seconds: float, cap: float, match: str = ""
) -> tuple[int, list[Finding], Counter[str]]:
    """Read up to ``count`` mutants within ``seconds``; how many were read, the findings, per mutation."""
    findings: list[Finding] = []
    tried: Counter[str] = Counter()
    deadline = time.monotonic() + seconds
    done = 0
    for index, path, mutation, data in mutants(seed, documents(match)):
        if index >= count or time.monotonic() > deadline:
            break
        name = f"{path.parent.name}{path.suffix}"
        spent, refused, trace = _timed(data, name, cap)
        done += 1
        tried[mutation.name] += 1
        where = str(path.relative_to(CORPUS))
        if trace:
            findings.append(Finding("crash", where, mutation.name, index, trace.strip().splitlines()[-1]))
        elif spent > cap:
            findings.append(Finding("slow", where, mutation.name, index, f"{spent:.1f} s CPU"))
        elif mutation.name in MUST_REFUSE and not refused:
            findings.append(Finding("unrefused", where, mutation.name, index, "parsed, not refused"))
    return done, findings, tried


def run_growth(seed: int, seconds: float, cap: float, most: int, match: str = "") -> list[Growth]:
    """Growth of every text and HTML document (in the seed's order) until ``seconds`` are spent."""
    paths = [p for p in documents(match) if p.suffix in (".txt", ".html", ".htm")]
    random.Random(seed).shuffle(paths)
    deadline = time.monotonic() + seconds
    measured = []

    def cpu(data: bytes, name: str) -> float:
        return _timed(data, name, cap)[0]

    for path in paths:
        if time.monotonic() > deadline:
            break
        name = f"{path.parent.name}{path.suffix}"
        where = str(path.relative_to(CORPUS))
        growth = measure(where, path.read_bytes(), path.suffix, cpu, name, most, 0.3, cap)
        if growth is not None:
            measured.append(growth)
    return measured


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks fuzz")
    parser.add_argument("--seconds", type=float, default=300.0, help="time budget in all")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=2000, help="at most this many mutants")
    parser.add_argument("--cap", type=float, default=10.0, help="CPU seconds a read may take")
    parser.add_argument("--most", type=int, default=512, help="the rows repeated at most this many times")
    parser.add_argument("--only", choices=("mutants", "growth"))
    parser.add_argument("--match", default="", help="only the documents whose corpus path holds this")
    parser.add_argument("--replay", type=int, metavar="INDEX", help="write mutant INDEX to --out and stop")
    parser.add_argument("--out", type=Path, default=Path("fuzz-mutant.bin"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # a damaged PDF's every bad operator, else
    if args.replay is not None:  # one mutant, to read again by hand: `jixiao parse`
        for index, path, mutation, data in mutants(args.seed, documents(args.match)):
            if index == args.replay:
                args.out.write_bytes(data)
                print(f"#{index} {mutation.name} of {path.relative_to(CORPUS)} → {args.out}")
                return 0
    share = args.seconds if args.only else args.seconds / 2
    done, findings, tried = 0, list[Finding](), Counter[str]()
    if args.only != "growth":
        done, findings, tried = run_mutants(args.seed, args.count, share, args.cap, args.match)
    growth = run_growth(args.seed, share, args.cap, args.most, args.match) if args.only != "mutants" else []
    flagged = [g for g in growth if super_linear(g)]
    if args.json:
        print(json.dumps({
            "mutants": done, "per_mutation": dict(tried), "findings": [asdict(f) for f in findings],
            "growth": [{**asdict(g), "exponent": g.exponent} for g in growth],
            "super_linear": [g.document for g in flagged],
        }, ensure_ascii=False, indent=1))  # fmt: skip
        return 1 if findings or flagged else 0
    print(
        f"mutants read: {done} (seed {args.seed}); " + ", ".join(f"{k} {v}" for k, v in sorted(tried.items()))
    )
    kinds = Counter(f.kind for f in findings)
    print("findings: " + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none"))
    for f in findings:
        print(f"  {f.kind:9} #{f.index:<5} {f.mutation:16} {f.document}: {f.detail}")
    print(f"growth measured: {len(growth)} documents, rows repeated 1× … {args.most}×")
    for g in sorted(growth, key=lambda g: -g.exponent)[:8]:
        times = " ".join(f"{n}×{s:.2f}" for n, s in zip(g.sizes, g.seconds, strict=True))
        mark = "SUPER-LINEAR" if g in flagged else ""
        print(f"  exponent {g.exponent:5.2f}  last ×{g.last_ratio:5.2f}  [{times}] s  {g.document} {mark}")
    print(f"super-linear: {len(flagged)}")
    return 1 if findings or flagged else 0
