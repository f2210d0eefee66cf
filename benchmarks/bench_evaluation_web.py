"""Monitoring and self-evaluation in the stored system: saving entries, their JSON twins, the dashboard.

Baselines measured in the same run: scoring the same entries with the pure scoring core (so the ratio
is what reading the payload, permissions, one transaction and the rows cost on top), the existing
table API (``GET /api/tables/{id}``) for the evaluation API, and the existing dashboard figures for
the lights-and-grades query. SQLite in a temporary directory (the default deployment).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks.corpus import corpus_tables
from benchmarks.report import Report
from jixiao.evaluation.numbers import plain
from jixiao.evaluation.profiles import CENTRAL
from jixiao.model import Kind, Table
from jixiao.queries import TableQuery
from jixiao.scoring import evaluate
from jixiao.service import Service
from jixiao.service.evaluation_input import read_evaluation
from jixiao.store import tables as repo
from jixiao.store.db import dispose_engines
from jixiao.workflow import Principal, Role, Status


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _payload(table: Table) -> dict[str, Any]:
    """A filled 自评: quantitative actuals at 90 % of target, qualitative ones 达成 with 80 % of weight."""
    budget = (table.project.budget or Decimal(0)) / Decimal(10000)
    blank = read_evaluation(table, {}, CENTRAL).evaluation
    items = []
    for line in blank.lines:
        weight = line.weight or Decimal(0)
        if line.target.kind is Kind.QUANTITATIVE and line.target.value is not None:
            items.append({"actual": plain(line.target.value * Decimal("0.9")), "weight": plain(weight),
                          "reason": "进度滞后"})  # fmt: skip
        else:
            score = plain(weight * Decimal("0.8"))
            items.append({"actual": "达成年度指标", "weight": plain(weight), "score": score,
                          "reason": "部分环节延后"})  # fmt: skip
    funds = [{"label": "当年财政拨款", "initial": plain(budget), "budget": plain(budget),
              "executed": plain(budget * Decimal("0.95"))}]  # fmt: skip
    return {"profile": "central", "funds": funds, "indicators": items}


def _monitoring(table: Table) -> dict[str, Any]:
    """1–7月: half the money spent, quantitative indicators at half their target, the rest 部分达成."""
    budget = (table.project.budget or Decimal(0)) / Decimal(10000)
    items = []
    for indicator in table.annual_indicators:
        value = indicator.annual.value
        quantitative = indicator.annual.kind is Kind.QUANTITATIVE and value is not None
        items.append({"current": plain(value / 2) if quantitative and value is not None else "部分达成"})
    funds = [{"label": "当年财政拨款", "initial": plain(budget), "budget": plain(budget),
              "executed": plain(budget / 2)}]  # fmt: skip
    return {"months": "7", "funds": funds, "indicators": items}


def run(report: Report, n: int = 400) -> None:
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as directory:
        url = f"sqlite:///{Path(directory) / 'bench.sqlite'}"
        service = Service(url)
        service.upgrade()
        admin = Principal(service.add_user("bench", "bench-password-1", Role.ADMIN), "bench", Role.ADMIN)
        tables = [t for t in corpus_tables(n) if t.project.year and t.annual_indicators]
        with service.engine.begin() as conn:
            repo.import_tables(conn, [repo.Reviewed(t) for t in tables], Status.DRAFT)
        _, total = service.list_tables(admin, TableQuery(per_page=1))
        ids: list[int] = []
        page = 1
        while len(ids) < total:
            rows, _ = service.list_tables(admin, TableQuery(per_page=200, page=page, sort="name"))
            ids += [row.id for row in rows]
            page += 1
        stored = [service.evaluation.evaluation(admin, table_id).table for table_id in ids]
        payloads = [_payload(t) for t in stored]
        report.line(f"{len(ids)} stored tables, {sum(len(p['indicators']) for p in payloads)} indicators")

        core_s = _timed(
            lambda: [
                evaluate(read_evaluation(t, p, CENTRAL).evaluation)
                for t, p in zip(stored, payloads, strict=True)
            ]
        )
        save_s = _timed(
            lambda: [
                service.evaluation.save_evaluation(admin, i, p) for i, p in zip(ids, payloads, strict=True)
            ]
        )
        report.figure(
            "self-evaluations saved (read, check, score, store in one transaction)",
            len(ids) / save_s,
            "tables/s",
        )
        report.figure("save / scoring core alone", save_s / core_s, "x", target="<= 20")
        monitorings = [_monitoring(t) for t in stored]
        monitor_s = _timed(
            lambda: [
                service.evaluation.save_monitoring(admin, i, m) for i, m in zip(ids, monitorings, strict=True)
            ]
        )
        report.figure("1–7月 monitoring snapshots saved", len(ids) / monitor_s, "tables/s")

        from fastapi.testclient import TestClient

        from jixiao.web import Settings, create_app

        app = create_app(Settings(database_url=url, migrate=False))
        sample = ids[:: max(len(ids) // 50, 1)]
        with TestClient(app) as client:
            app.state.service.principal_for = lambda token: admin  # measure the pages, not the login
            for path in (f"/api/tables/{sample[0]}", f"/api/tables/{sample[0]}/evaluation"):
                assert client.get(path).status_code == 200, path
            table_s = _timed(lambda: [client.get(f"/api/tables/{i}") for i in sample])
            evaluation_s = _timed(lambda: [client.get(f"/api/tables/{i}/evaluation") for i in sample])
            page_s = _timed(lambda: [client.get(f"/tables/{i}/evaluation") for i in sample])
        report.figure(
            "GET /api/tables/{id}/evaluation", evaluation_s / len(sample) * 1000, "ms", target="<= 50"
        )
        report.figure("evaluation API / table API", evaluation_s / table_s, "x")
        report.figure("GET /tables/{id}/evaluation (page)", page_s / len(sample) * 1000, "ms")

        with service.engine.connect() as conn:
            from jixiao.store import stats

            figures_s = _timed(lambda: stats.dashboard(conn, service.visibility(admin)))
        lights_s = _timed(lambda: service.evaluation.dashboard(admin))
        report.figure("dashboard lights+grades query", lights_s * 1000, "ms")
        report.figure("lights+grades / existing dashboard figures", lights_s / figures_s, "x")
        dispose_engines()
