"""The 指标库 in a database: building it from 10,000 and 100,000 stored tables, then suggestions.

`python -m benchmarks library_db` (or `python -m benchmarks.bench_library_db TABLES` for one size).
Each size gets a fresh SQLite file holding that many published tables of `ROWS_PER_TABLE` indicators,
generated from real names (`bench_library.generate`) and written straight into the store's tables (an
import would review every table, which is another benchmark's business). Then, in a process of its
own so that its peak resident memory is its own:

- `Service.build_library` — mine every stored table, link its indicators, store drafts, evidence and
  peer records, keep the mining state (CPU seconds, rows/s, peak RSS);
- the same again with nothing new (the incremental path: only the watermark is read);
- 100 `library_suggest` calls (names being typed) and 50 `library_recommend` calls (project names),
  p95 in ms after the first call (which loads the entries on offer once per build).

Targets: a suggestion answered in < 100 ms p95 at 100,000 tables; memory flat — peak RSS grows far
less than the tables do (the figures give both sizes and their ratio; we take ≤ 1.2×).

Last figures (docs/library.md, 2026-11-30, mining state in SQL): peak RSS 111 MB at 10k and 132 MB at
100k tables (1.195×; 230 → 514 MB, 2.2×, before); build 39 / 277 s CPU; at 100k suggest p95 16.7 ms
and recommend p95 99 ms CPU.
"""

from __future__ import annotations

import hashlib
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.bench_library import ROOT, ROWS_PER_TABLE, SECTORS, base_names, generate
from benchmarks.report import Report

SIZES = (10_000, 100_000)
FAMILIES = (
    "社工服务", "妇女儿童发展", "家庭教育指导", "农村道路建设", "校舍维修改造", "困难群众救助",
    "社区养老服务", "职业技能培训", "水利工程维护", "文化惠民活动",
)  # fmt: skip


def _target(target: Any) -> dict[str, Any]:
    op = target.op.value if target.op else None
    value = str(target.value) if target.value is not None else None
    return {"raw": target.raw, "kind": target.kind.value, "op": op, "value": value, "unit": target.unit}


def populate(url: str, tables: int) -> None:
    """Write ``tables`` published tables (documents and rows) straight into a migrated database."""
    from sqlalchemy import func, insert, select

    from jixiao.service import Service
    from jixiao.store.schema import orgs, perf_tables, table_versions

    service = Service(url)
    service.upgrade()
    rng = random.Random(3)
    now = datetime.now(UTC)
    with service.engine.begin() as conn:
        base = int(conn.execute(select(func.coalesce(func.max(orgs.c.id), 0))).scalar_one())
        department = base + 5001  # the migrations may have added organisations (a region) already
        conn.execute(
            insert(orgs),
            [
                {"id": base + i, "name": f"单位{i}", "kind": "unit", "parent_id": department}
                for i in range(1, 5001)
            ]
            + [{"id": department, "name": "主管部门", "kind": "department", "parent_id": None}],
        )
        batch_tables, batch_versions = [], []
        for number, rows in enumerate(generate(tables * ROWS_PER_TABLE), start=1):
            unit = base + int(rows.publisher.removeprefix("单位"))
            family = rng.choice(FAMILIES)
            name = f"{rows.year}年{rng.choice(SECTORS)}{family}项目{number}"
            indicators = [
                {"level1": r.level1, "level2": r.level2, "name": r.name, "period": _target(r.target),
                 "annual": _target(r.target)}
                for r in rows.rows
            ]  # fmt: skip
            sector = rng.choice(SECTORS)
            goal = f"开展{sector}{family}，服务{sector}群众，完成年度{family}任务。"
            document = {"format": "jixiao.table/1", "project": {"name": name, "unit": rows.publisher,
                        "department": "主管部门", "year": rows.year}, "goals": {"annual": goal, "period": ""},
                        "indicators": indicators}  # fmt: skip
            text = json.dumps(document, ensure_ascii=False)
            batch_tables.append({
                "id": number, "identity": hashlib.sha256(name.encode()).hexdigest(), "name": name,
                "unit_id": unit, "department_id": department, "year": rows.year, "status": "published",
                "current_version": 1, "lock_version": 1, "outcome": "良", "errors": 0, "warnings": 0,
                "infos": 0, "risk": 0, "created_at": now, "updated_at": now,
            })  # fmt: skip
            digest = hashlib.sha256(text.encode()).hexdigest()
            batch_versions.append(
                {"table_id": number, "number": 1, "document": text, "content_hash": digest, "created_at": now}
            )
            if len(batch_tables) >= 2000:
                conn.execute(insert(perf_tables), batch_tables)
                conn.execute(insert(table_versions), batch_versions)
                batch_tables, batch_versions = [], []
        if batch_tables:
            conn.execute(insert(perf_tables), batch_tables)
            conn.execute(insert(table_versions), batch_versions)


def _p95(values: list[float]) -> float:
    values.sort()
    return values[int(len(values) * 0.95) - 1] * 1000


def _child(url: str) -> None:
    """Build, build again, suggest, recommend; print the figures as JSON."""
    from jixiao.permissions import OPERATOR
    from jixiao.service import Service

    service = Service(url)
    cpu = time.process_time()
    wall = time.perf_counter()
    summary = service.build_library(OPERATOR)
    build_cpu, build_wall = time.process_time() - cpu, time.perf_counter() - wall
    build_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu = time.process_time()
    again = service.build_library(OPERATOR)
    again_cpu = time.process_time() - cpu
    rng = random.Random(7)
    service.library_suggest("满意度")  # loads the entries on offer (once per build)
    suggest, suggest_cpu = [], []
    for name in rng.sample(base_names(), 100):
        asked, cpu_asked = time.perf_counter(), time.process_time()
        service.library_suggest(name[:6], "数量指标")
        suggest.append(time.perf_counter() - asked)
        suggest_cpu.append(time.process_time() - cpu_asked)
    recommend, recommend_cpu = [], []
    for _ in range(50):
        asked, cpu_asked = time.perf_counter(), time.process_time()
        sector, family = rng.choice(SECTORS), rng.choice(FAMILIES)
        service.library_recommend(f"2026年{sector}{family}项目", goal=f"开展{family}，服务{sector}群众")
        recommend.append(time.perf_counter() - asked)
        recommend_cpu.append(time.process_time() - cpu_asked)
    print(json.dumps({
        "tables": summary["tables"], "rows": summary["rows"], "entries": summary["entries"],
        "build_cpu": build_cpu, "build_wall": build_wall, "build_peak_mb": build_peak,
        "again_added": again["tables_added"], "again_cpu": again_cpu,
        "suggest_p95_ms": _p95(suggest), "suggest_cpu_p95_ms": _p95(suggest_cpu),
        "recommend_p95_ms": _p95(recommend), "recommend_cpu_p95_ms": _p95(recommend_cpu),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))  # fmt: skip


def measure(tables: int) -> dict[str, float]:
    """Populate a fresh database with ``tables`` tables and measure in a child process."""
    with tempfile.TemporaryDirectory(prefix="jixiao-libdb-") as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        started = time.perf_counter()
        populate(url, tables)
        populated = time.perf_counter() - started
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_library_db", "child", url],
            cwd=ROOT, capture_output=True, text=True, check=False, timeout=7200,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"the measuring process failed:\n{done.stderr[-4000:]}")
        figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
        figures["populate_s"] = populated
        return figures


def run(report: Report, sizes: tuple[int, ...] = SIZES) -> None:
    report.line("SQLite; tables written straight into the store; CPU seconds of the measuring process")
    peaks = []
    for tables in sizes:
        f = measure(tables)
        label = f"{tables // 1000}k tables"
        report.line(
            f"{label}: {int(f['rows']):,} indicator rows → {int(f['entries']):,} entries; "
            f"build {f['build_cpu']:.0f} s CPU ({f['build_wall']:.0f} s wall); "
            f"again with nothing new {f['again_cpu']:.1f} s, {int(f['again_added'])} added"
        )
        report.figure(f"library build from the database {label}", f["rows"] / f["build_cpu"], "rows/s")
        report.figure(f"suggest p95 {label} (100 names, wall)", f["suggest_p95_ms"], "ms", target="< 100")
        report.figure(f"suggest p95 {label} (100 names, CPU)", f["suggest_cpu_p95_ms"], "ms")
        report.figure(f"recommend p95 {label} (50 projects, wall)", f["recommend_p95_ms"], "ms")
        report.figure(f"recommend p95 {label} (50 projects, CPU)", f["recommend_cpu_p95_ms"], "ms")
        report.figure(f"peak RSS build {label}", f["build_peak_mb"], "MB")
        peaks.append((tables, f["build_peak_mb"]))
    if len(peaks) == 2:
        (small, small_mb), (large, large_mb) = peaks
        report.figure(f"peak RSS {large // small}× tables", large_mb / small_mb, "x", target="≤ 1.2")


if __name__ == "__main__":
    if sys.argv[1] == "child":
        _child(sys.argv[2])
    else:
        result = Report()
        result.section("library_db")
        run(result, (int(sys.argv[1]),))
