"""Run every benchmark module and print its report lines (`make bench`).

A module `benchmarks/bench_<area>.py` defines `run(report: Report) -> None`; it measures its own
baseline in the same process and reports ratios against it, so numbers stay comparable from one
machine to another. `python -m benchmarks reading review` runs only the named areas; ``--full`` runs
the full sizes where a benchmark is quick by default (`bench_bulk`).
`python -m benchmarks fidelity [--json] [--quiet] [FOLDER]` scores reading against the corpus of real
layouts, document by document (`benchmarks/fidelity.py`); `python -m benchmarks selfeval_fidelity
--corpus FOLDER [--json]` scores published self-evaluations against one corpus's goldens;
`python -m benchmarks selfeval_forms` scores them written in every published form;
`python -m benchmarks variants` scores the exactly-read target tables rewritten in meaning-preserving
variants (`benchmarks/variants.py`). `python -m benchmarks fuzz [--seconds S] [--seed N]` reads damaged
and hostile corpus documents and measures growth with size (`benchmarks/fuzz_run.py`; not in the default
run).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time

import benchmarks
from benchmarks.report import Report


def main(argv: list[str]) -> int:
    if argv[:1] == ["fidelity"]:  # a score, not a timing: its own report, per document
        from benchmarks import fidelity

        return fidelity.main(argv[1:])
    if argv[:1] == ["selfeval_fidelity"] and "--corpus" in argv:  # one corpus, e.g. the held-out set
        from benchmarks import selfeval_fidelity

        return selfeval_fidelity.main(argv[1:])
    if argv[:1] == ["selfeval_forms"]:  # the corpus's self-evaluations written in every published form
        from benchmarks import selfeval_forms

        return selfeval_forms.main(argv[1:])
    if argv[:1] == ["variants"]:  # the exactly-read documents rewritten in meaning-preserving variants
        from benchmarks import variants

        return variants.main(argv[1:])
    if argv[:1] == ["fuzz"]:  # damaged and hostile corpus documents, growth with size: minutes, by hand
        from benchmarks import fuzz_run

        return fuzz_run.main(argv[1:])
    if argv[:1] == ["million"]:  # a million tables on PostgreSQL: long, run by hand (docs/scale.md)
        from benchmarks import million_pages

        return million_pages.main(argv[1:])
    if "--full" in argv:  # the issues' full sizes where a benchmark has a quick default (bench_bulk)
        os.environ["JIXIAO_BENCH_FULL"] = "1"
        argv = [a for a in argv if a != "--full"]
    wanted = set(argv)
    names = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))
    report = Report()
    for name in names:
        area = name.removeprefix("bench_")
        if wanted and area not in wanted:
            continue
        report.section(area)
        started = time.perf_counter()
        importlib.import_module(f"benchmarks.{name}").run(report)
        report.line(f"({area}: {time.perf_counter() - started:.1f} s in all)")
    report.write_json()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
