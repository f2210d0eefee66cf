"""Self-evaluation and monitoring throughput on the corpus, against json.loads of the results' JSON.

Every corpus table gets a filled self-evaluation (quantitative actuals at 90 % of target, qualitative
ones 达成 with full marks) and a 1–7月 monitoring snapshot. Scoring is pure Decimal arithmetic plus
the checks, so it should stay within a small multiple of merely parsing the result as JSON. The xlsx
template round trip is measured against openpyxl loading the same file (our overhead over the library).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from benchmarks.corpus import corpus_tables
from benchmarks.report import Report
from jixiao.evaluation.funds import FundsBlock
from jixiao.evaluation.monitoring import MonitoringLine, MonitoringSnapshot
from jixiao.evaluation.numbers import plain
from jixiao.evaluation.profiles import CENTRAL
from jixiao.evaluation.serialize import monitoring_to_dict, result_to_dict
from jixiao.model import Kind, Table
from jixiao.readers.selfeval_xlsx import read_selfeval_xlsx
from jixiao.scoring import EvaluationLine, SelfEvaluation, evaluate
from jixiao.scoring.monitoring import monitor
from jixiao.scoring.selfeval import evaluation_from_table
from jixiao.writers.selfeval_xlsx import write_selfeval_xlsx


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _filled(table: Table) -> SelfEvaluation:
    evaluation = evaluation_from_table(table, CENTRAL)
    lines = tuple(_fill(line) for line in evaluation.lines)
    funds = FundsBlock.simple(evaluation.funds.budget, evaluation.funds.budget * Decimal("0.95"))
    return replace(evaluation, lines=lines, funds=funds)


def _fill(line: EvaluationLine) -> EvaluationLine:
    value = line.target.value
    if line.target.kind is Kind.QUANTITATIVE and value is not None:
        return replace(line, actual=plain(value * Decimal("0.9")), reason="进度滞后")
    return replace(line, actual="达成年度指标", score=line.weight)


def _snapshot(evaluation: SelfEvaluation) -> MonitoringSnapshot:
    lines = tuple(
        MonitoringLine(x.level1, x.level2, x.name, x.target, x.actual if x.score is None else "达成")
        for x in evaluation.lines
    )
    return MonitoringSnapshot(
        evaluation.project, 7, evaluation.funds.budget, evaluation.funds.executed / 2, lines
    )


def run(report: Report, n: int = 3_000) -> None:
    evaluations = [_filled(t) for t in corpus_tables(n)]
    indicators = sum(len(e.lines) for e in evaluations)
    report.line(f"corpus: {len(evaluations)} self-evaluations, {indicators} indicators")

    results = [evaluate(e) for e in evaluations]
    result_json = json.dumps([result_to_dict(r) for r in results], ensure_ascii=False)
    score_s = _best_of(3, lambda: [evaluate(e) for e in evaluations])
    json_s = _best_of(3, lambda: json.loads(result_json))
    report.figure("self-evaluations scored", len(evaluations) / score_s, "tables/s", target=">= 2000")
    report.figure("indicators scored", indicators / score_s, "indicators/s")
    report.figure("score time / json.loads of the results", score_s / json_s, "x", target="<= 10")

    snapshots = [_snapshot(e) for e in evaluations]
    monitoring_json = json.dumps([monitoring_to_dict(monitor(s)) for s in snapshots], ensure_ascii=False)
    monitor_s = _best_of(3, lambda: [monitor(s) for s in snapshots])
    mjson_s = _best_of(3, lambda: json.loads(monitoring_json))
    report.figure("monitoring snapshots", len(snapshots) / monitor_s, "tables/s")
    report.figure("monitor time / json.loads of the results", monitor_s / mjson_s, "x", target="<= 10")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "自评.xlsx"
        write_selfeval_xlsx(evaluations[1], CENTRAL, path)
        upload_s = _best_of(5, lambda: evaluate(read_selfeval_xlsx(path).evaluation or evaluations[1]))
        openpyxl_s = _best_of(5, lambda: load_workbook(path, data_only=True))
        write_s = _best_of(5, lambda: write_selfeval_xlsx(evaluations[1], CENTRAL, path))
    report.figure("template upload read + score", upload_s * 1000, "ms")
    report.figure("upload time / openpyxl load of the same file", upload_s / openpyxl_s, "x", target="<= 2")
    report.figure("template write", write_s * 1000, "ms")
