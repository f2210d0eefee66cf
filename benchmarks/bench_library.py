"""指标库 mining throughput and peak memory on generated corpora of 100,000 and 1,000,000 indicator rows.

The rows are generated from the real names of the seed and the corpus goldens: sector prefixes make
tens of thousands of distinct indicators (used with a Zipf-like frequency, as real ones are), and
each row is spelled one of the ways units write it (unit in brackets, ``指标1:`` prefix, full-width
forms, 的, an opening 开展), so normalisation and fuzzy grouping both have work to do.

Each measurement runs in its own process (so its peak resident memory is its own) over the same
generated stream: *generate* only consumes the stream; the *baseline* is plain exact-key grouping
(a dict counting raw names); *library* is `build_library` (normalise, mine statistics, block and
group with rapidfuzz, build entries). Figures: rows/s, the time ratio library/baseline net of
generation, and peak RSS (MB) against the baseline's. Targets: the ratio stays roughly the same from
100k to 1M rows (near-linear grouping), and memory grows far less than the rows do.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path

from benchmarks.report import Report
from jixiao.library import Suggester, build_library
from jixiao.library.mining import IndicatorRow, TableRows
from jixiao.model import Kind, Op, Target

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100_000, 1_000_000)
ROWS_PER_TABLE = 8
SECTORS = (
    "", "", "", "", "农村", "城市", "社区", "学校", "医疗", "养老", "妇女", "儿童", "残疾人", "困难群众",
    "退役军人", "乡村", "街道", "水利", "交通", "环卫", "林业", "农业", "教育", "文化", "体育", "旅游",
    "就业", "科技", "安全生产", "消防", "应急", "食品安全", "生态", "环保", "住房", "民政", "卫生",
    "法律援助", "社工", "志愿服务", "青少年", "老年人", "家庭", "企业", "园区", "港口", "市场", "统计",
    "财政", "审计", "档案",
)  # fmt: skip
LEVEL2 = ("数量指标", "质量指标", "时效指标", "经济成本指标", "社会效益指标", "可持续影响指标",
          "服务对象满意度指标")  # fmt: skip
FULL_WIDTH = str.maketrans("()%:1234567890", "（）％：１２３４５６７８９０")


@cache
def base_names() -> tuple[str, ...]:
    """Real indicator names: the seed's and the corpus goldens'."""
    names: Counter[str] = Counter()
    seed = (ROOT / "tests" / "corpus" / "dongguan_fulian_2025.json").read_text(encoding="utf-8")
    for table in json.loads(seed):
        names.update(i["name"] for i in table["indicators"] if i["name"])
    for path in sorted((ROOT / "tests" / "corpus" / "publishers").glob("*/expected.json")):
        for table in json.loads(path.read_text(encoding="utf-8")).get("tables") or []:
            names.update(i["name"] for i in table.get("indicators") or [] if i.get("name"))
    return tuple(name for name, _ in names.most_common())


def _spelling(name: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return name
    if roll < 0.65:
        return f"指标{rng.randint(1, 9)}:{name}"
    if roll < 0.75:
        return name.translate(FULL_WIDTH)
    if roll < 0.85:
        return f"{name}（{rng.choice(('个', '%', '人次', '次'))}）"
    if roll < 0.93 and len(name) > 3:
        return name[:2] + "的" + name[2:]
    return "开展" + name


def _target(rng: random.Random) -> Target:
    roll = rng.random()
    if roll < 0.45:
        value = Decimal(rng.choice((80, 85, 90, 95, 98, 100)))
        return Target(f"≥{value}%", Kind.QUANTITATIVE, Op.GE, value, "%")
    if roll < 0.8:
        value = Decimal(rng.randint(1, 500))
        return Target(f"{value}个", Kind.QUANTITATIVE, None, value, "个")
    if roll < 0.9:
        value = Decimal(rng.randint(1, 300) * 1000)
        return Target(f"≤{value}元", Kind.QUANTITATIVE, Op.LE, value, "元")
    return Target("良好", Kind.QUALITATIVE)


def generate(rows: int, seed: int = 14) -> Iterator[TableRows]:
    """``rows`` indicator rows in tables of `ROWS_PER_TABLE`, deterministically."""
    rng = random.Random(seed)
    names = base_names()
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(names))]
    for number in range(rows // ROWS_PER_TABLE):
        chosen = rng.choices(names, weights, k=ROWS_PER_TABLE)
        indicators = tuple(
            IndicatorRow(
                "产出指标",
                rng.choice(LEVEL2),
                _spelling(rng.choice(SECTORS) + name, rng),
                _target(rng),
                20 + i,
            )
            for i, name in enumerate(chosen)
        )
        yield TableRows(
            f"gen{number // 100}.txt:{number % 100 * 30 + 3}",
            f"单位{rng.randint(1, 5000)}",
            rng.randint(2019, 2025),
            f"{seed}-{number}",
            indicators,
            f"gen{number // 100}.txt",
        )


def _child(kind: str, rows: int) -> None:
    """One measurement in this process; prints seconds, peak RSS and a size figure as JSON."""
    base_names()
    started, cpu_started = time.perf_counter(), time.process_time()
    size = 0
    if kind == "generate":
        size = sum(len(t.rows) for t in generate(rows))
    elif kind == "baseline":
        counts: Counter[str] = Counter()
        for table in generate(rows):
            counts.update(row.name for row in table.rows)
        size = len(counts)
    else:
        library = build_library(generate(rows))
        size = len(library.entries)
        merged = sum(len(e.members) > 1 for e in library.entries)
        build_cpu = time.process_time() - cpu_started
        rng = random.Random(7)
        suggester = Suggester(library.entries)
        latencies, cpu_latencies = [], []
        for name in rng.sample(base_names(), 100):
            asked, cpu_asked = time.perf_counter(), time.process_time()
            suggester.suggest(name, "数量指标")
            latencies.append(time.perf_counter() - asked)
            cpu_latencies.append(time.process_time() - cpu_asked)
        latencies.sort()
        cpu_latencies.sort()
        print(json.dumps({"keys": len(library.stats), "merged": merged, "build_cpu": build_cpu,
                          "suggest_p95_ms": latencies[94] * 1000,
                          "suggest_cpu_p95_ms": cpu_latencies[94] * 1000}))  # fmt: skip
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "size": size}))


def _measure(kind: str, rows: int) -> list[dict[str, float]]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_library", kind, str(rows)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def run(report: Report, sizes: tuple[int, ...] = SIZES) -> None:
    report.line(f"names: {len(base_names())} real names × {len(SECTORS)} sector prefixes, 6 spellings")
    report.line("times are CPU seconds of each process (the machine is shared); wall time in brackets")
    for rows in sizes:
        [generated] = _measure("generate", rows)
        [baseline] = _measure("baseline", rows)
        extra, library = _measure("library", rows)
        label = f"{rows // 1000}k rows"
        library["cpu"] = extra["build_cpu"]  # without the suggestions timed after the build
        net_library = library["cpu"] - generated["cpu"]
        net_baseline = max(1e-9, baseline["cpu"] - generated["cpu"])
        report.line(
            f"{label}: {baseline['size']:,} distinct spellings → {extra['keys']:,} keys → "
            f"{library['size']:,} entries ({extra['merged']:,} merging several keys); "
            f"wall {library['seconds']:.1f} s library, {baseline['seconds']:.1f} s baseline"
        )
        report.figure(f"library build {label}", rows / library["cpu"], "rows/s")
        report.figure(f"exact-key grouping {label} (baseline)", rows / baseline["cpu"], "rows/s")
        report.figure(f"build time / baseline time {label}", library["cpu"] / baseline["cpu"], "x")
        report.figure(f"build / baseline net of generation {label}", net_library / net_baseline, "x")
        cpu_p95 = extra["suggest_cpu_p95_ms"]
        report.figure(f"suggest p95 {label} (100 names, CPU)", cpu_p95, "ms", target="< 100")
        report.figure(f"suggest p95 {label} (100 names, wall)", extra["suggest_p95_ms"], "ms")
        report.figure(f"peak RSS library {label}", library["peak_mb"], "MB")
        report.figure(f"peak RSS baseline {label}", baseline["peak_mb"], "MB")
        report.figure(f"peak RSS library / baseline {label}", library["peak_mb"] / baseline["peak_mb"], "x")


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]))
