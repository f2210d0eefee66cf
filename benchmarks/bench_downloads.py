"""Downloads from the web application: the list's filtered set as Excel, PDF and JSON, over HTTP.

Baseline measured in the same run: `export_bytes` on the same tables already in memory (for JSON,
`json.dumps` of the same documents), so the ratio is what the download path adds — the query with
its permissions, decoding the stored documents back into tables, and the HTTP response. SQLite in
a temporary directory (the default deployment); Excel at its limit (1,000 tables), PDF on 50.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.corpus import corpus_tables
from benchmarks.report import Report
from jixiao.formats.files import ExportFormat
from jixiao.model import Table
from jixiao.queries import TableQuery
from jixiao.service import EXPORT_LIMITS, Service
from jixiao.store import tables as repo
from jixiao.store.db import dispose_engines
from jixiao.workflow import Principal, Role, Status
from jixiao.writers.export import export_bytes

PASSWORD = "bench-password-1"


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


Stored = tuple[str, list[Table], list[dict[str, object]]]


def _store(directory: str, name: str, tables: list[Table]) -> Stored:
    """A database holding ``tables``; the stored tables and API items in the list's order."""
    url = f"sqlite:///{Path(directory) / name}"
    service = Service(url)
    service.upgrade()
    admin = Principal(service.add_user("bench", PASSWORD, Role.ADMIN), "bench", Role.ADMIN)
    with service.engine.begin() as conn:
        repo.import_tables(conn, [repo.Reviewed(t) for t in tables], Status.DRAFT)
    stored = service.export_tables(admin, TableQuery(), "xlsx")
    items = list(service.export_documents(admin, TableQuery()))
    return url, stored, items


def _downloads(report: Report, directory: str, fmt: ExportFormat, tables: list[Table]) -> None:
    from fastapi.testclient import TestClient

    from jixiao.web import Settings, create_app
    from jixiao.web.security import SESSION_COOKIE

    label = fmt.value
    url, stored, items = _store(directory, f"{label}.sqlite", tables)
    client = TestClient(create_app(Settings(database_url=url)))
    token, _ = Service(url).login("bench", PASSWORD)
    client.cookies.set(SESSION_COOKIE, token)

    def download(path: str) -> None:
        response = client.get(path)
        assert response.status_code == 200, response.text

    cover = True if fmt is ExportFormat.PDF else None
    export_bytes(stored[:2], fmt, cover=cover)  # warm up (fonts, templates) before either timing
    baseline_s = _timed(lambda: export_bytes(stored, fmt, cover=cover))
    web_s = _timed(lambda: download(f"/tables/download.{label}"))
    report.line(f"{len(stored)} tables, {sum(len(t.indicators) for t in stored)} indicators")
    report.figure(f"{label}_download_{len(stored)}_s", web_s, "s")
    report.figure(f"{label}_export_bytes_in_memory_s", baseline_s, "s")
    report.figure(f"{label}_download_over_export_bytes", web_s / baseline_s, "×", "≤ 1.3")
    if fmt is ExportFormat.XLSX:
        # JSON: the streamed download (database pages + HTTP) against dumping the same items in memory
        dumps_s = _timed(lambda: json.dumps(items, ensure_ascii=False))
        json_s = _timed(lambda: download("/tables/download.json"))
        report.figure(f"json_download_{len(stored)}_s", json_s, "s")
        report.figure("json_download_over_json_dumps", json_s / dumps_s, "×")
    client.close()
    dispose_engines()


def run(report: Report, n_xlsx: int = EXPORT_LIMITS["xlsx"], n_pdf: int = 50) -> None:
    corpus = list(corpus_tables(n_xlsx))[:n_xlsx]
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as directory:
        _downloads(report, directory, ExportFormat.XLSX, corpus)
        _downloads(report, directory, ExportFormat.PDF, corpus[:n_pdf])
