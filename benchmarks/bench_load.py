"""Load on the served app: `jixiao serve --workers 2` on loopback, hit by a small asyncio client.

- 100 concurrent anonymous keep-alive connections on the list, a table page, a search and
  ``/api/tables``: requests per second and p50/p95/p99 latency, errors counted;
- 20 logged-in 填报人 saving their own drafts at once: saves per second and latency;
- another user's table page, one request at a time, while a hostile upload (a zip bomb) is refused:
  its p95 against the same page's p95 with nothing else running.

Every phase is bounded in requests and seconds; the server listens on 127.0.0.1 only. Target on
2 cores (issue 10): ≥ 400 req/s on the list with p99 < 500 ms and no errors, and another user's page
p95 < 200 ms during a hostile upload. The client runs on the same cores as the server, so the
figures are a floor.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.corpus import corpus_tables
from benchmarks.report import Report

TABLES = 1_000  # published tables in the database
CONNECTIONS = 100
MAX_REQUESTS = 4_000  # per phase
MAX_SECONDS = 20.0  # per phase
SAVERS = 20
SAVES_EACH = 10
PASSWORD = "Bench-password-2025"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Connection:
    """One HTTP/1.1 keep-alive connection, just enough for GET and POST with a Content-Length."""

    def __init__(self, port: int, cookie: str = "") -> None:
        self.port = port
        self.cookie = cookie
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, body: bytes = b"", content_type: str = ""
    ) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if self.cookie:
            head += f"Cookie: {self.cookie}\r\n"
        if body or method == "POST":
            head += f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        headers: dict[str, str] = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            key, _, value = line.decode("latin-1").partition(":")
            headers[key.strip().lower()] = value.strip()
        if "content-length" in headers:
            payload = await self.reader.readexactly(int(headers["content-length"]))
        else:  # chunked
            payload = b""
            while size := int((await self.reader.readline()).strip() or b"0", 16):
                payload += await self.reader.readexactly(size)
                await self.reader.readline()
            await self.reader.readline()
        if headers.get("connection") == "close":
            await self.close()
        return int(status_line.split()[1]), payload

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def _percentiles(latencies: list[float]) -> tuple[float, float, float]:
    if len(latencies) < 2:
        value = latencies[0] if latencies else 0.0
        return value, value, value
    cuts = statistics.quantiles(latencies, n=100)
    return statistics.median(latencies), cuts[94], cuts[98]


async def _hammer(port: int, paths: list[str]) -> tuple[float, list[float], int]:
    """CONNECTIONS clients cycling through ``paths`` until MAX_REQUESTS or MAX_SECONDS."""
    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.perf_counter() + MAX_SECONDS

    async def client(index: int) -> None:
        nonlocal errors, sent
        connection = Connection(port)
        try:
            while sent < MAX_REQUESTS and time.perf_counter() < deadline:
                path = paths[(sent + index) % len(paths)]
                sent += 1
                started = time.perf_counter()
                try:
                    status, _ = await connection.request("GET", path)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    errors += 1
                    await connection.close()
                    continue
                latencies.append(time.perf_counter() - started)
                if status != 200:
                    errors += 1
        finally:
            await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(CONNECTIONS)))
    return time.perf_counter() - started, latencies, errors


async def _login(port: int, username: str) -> Connection:
    connection = Connection(port)
    # the CSRF cookie comes back in Set-Cookie: read it from the raw answer
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    raw = await reader.read()
    writer.close()
    csrf = re.search(rb"jixiao_csrf=([^;]+)", raw)
    assert csrf is not None
    token = csrf.group(1).decode()
    body = f"username={username}&password={PASSWORD}&csrf_token={token}&next=/".encode()
    connection.cookie = f"jixiao_csrf={token}"
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        f"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {connection.cookie}\r\nConnection: close\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    writer.write(head.encode() + body)
    raw = await reader.read()
    writer.close()
    session = re.search(rb"jixiao_session=([^;]+)", raw)
    assert session is not None, raw[:300]
    connection.cookie += f"; jixiao_session={session.group(1).decode()}"
    connection.token = token  # type: ignore[attr-defined]
    return connection


async def _saves(port: int, owned: dict[str, int]) -> tuple[float, list[float], int]:
    """Each 填报人 saves their own draft SAVES_EACH times (a changed annual goal)."""
    import json
    from urllib.parse import urlencode

    from tests.web.helpers import edit_form

    latencies: list[float] = []
    errors = 0

    async def saver(username: str, table_id: int) -> None:
        nonlocal errors
        connection = await _login(port, username)
        for round_ in range(SAVES_EACH):
            _, raw = await connection.request("GET", f"/api/tables/{table_id}")
            document = json.loads(raw)
            form = edit_form(document, goals_annual=f"{document['goals']['annual']} 第{round_}次")
            form["csrf_token"] = connection.token  # type: ignore[attr-defined]
            body = urlencode(form, doseq=True).encode()
            started = time.perf_counter()
            status, _ = await connection.request(
                "POST", f"/tables/{table_id}/edit", body, "application/x-www-form-urlencoded"
            )
            latencies.append(time.perf_counter() - started)
            if status != 303:
                errors += 1
        await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(saver(name, table_id) for name, table_id in owned.items()))
    return time.perf_counter() - started, latencies, errors


async def _page_while(port: int, path: str, attack: bool) -> list[float]:
    """Another user's page, one request at a time, for a few seconds (during a hostile upload or not)."""
    from tests.security.hostile import zip_bomb

    latencies: list[float] = []
    done = asyncio.Event()

    async def attacker() -> None:
        connection = await _login(port, "saver0")
        bomb = zip_bomb()
        boundary = "benchboundary"
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
                f"{connection.token}\r\n"  # type: ignore[attr-defined]
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="bomb.xlsx"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + bomb
            + f"\r\n--{boundary}--\r\n".encode()
        )
        for _ in range(3):
            status, _ = await connection.request(
                "POST", "/import", body, f"multipart/form-data; boundary={boundary}"
            )
            assert status == 400, status
        done.set()

    visitor = Connection(port)
    task = asyncio.create_task(attacker()) if attack else None
    deadline = time.perf_counter() + (MAX_SECONDS if attack else 3.0)
    while time.perf_counter() < deadline and not done.is_set() and len(latencies) < 2_000:
        started = time.perf_counter()
        await visitor.request("GET", path)
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(0.01)
    if task is not None:
        await task
    await visitor.close()
    return latencies


def _prepare(url: str) -> dict[str, int]:
    from jixiao.queries import TableQuery
    from jixiao.review import review_batch
    from jixiao.service import Service
    from jixiao.store.tables import Reviewed, import_tables
    from jixiao.workflow import Role, Status

    service = Service(url)
    service.upgrade()
    tables = list(corpus_tables(TABLES))
    reviews = [Reviewed(r.table, r.findings, r.outcome.value, r.reason) for r in review_batch(tables)]
    with service.engine.begin() as conn:
        import_tables(conn, reviews, Status.PUBLISHED, None, "bench.txt")
    unit = tables[0].project.unit
    drafts = [
        replace(table, project=replace(table.project, name=f"{table.project.name}（草稿{index}）", unit=unit))
        for index, table in enumerate(tables[:SAVERS])
    ]
    draft_reviews = [Reviewed(r.table, r.findings, r.outcome.value, r.reason) for r in review_batch(drafts)]
    with service.engine.begin() as conn:
        ids = import_tables(conn, draft_reviews, Status.DRAFT, None, "drafts.txt").table_ids
    service.refresh_statistics()
    owned: dict[str, int] = {}
    for index, table_id in enumerate(ids[:SAVERS]):
        name = f"saver{index}"
        service.add_user(name, PASSWORD, Role.FILLER, unit)
        owned[name] = table_id
    rows, _ = service.list_tables(service_principal(), TableQuery(status="published", per_page=1))
    owned["_published"] = rows[0].id
    return owned


def service_principal() -> Any:
    from jixiao.workflow import ANONYMOUS

    return ANONYMOUS


def _serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    jixiao = Path(sys.executable).with_name("jixiao")
    env = {**os.environ, "JIXIAO_DATABASE_URL": url}
    command = [str(jixiao), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                time.sleep(1.0)  # let every worker finish starting
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def _report(
    report: Report, name: str, seconds: float, latencies: list[float], errors: int, target: str = ""
) -> None:
    p50, p95, p99 = _percentiles(latencies)
    report.figure(f"{name} req/s", len(latencies) / seconds if seconds else 0.0, "req/s", target)
    report.line(f"{name}: {len(latencies)} requests, p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
                f"p99 {p99 * 1000:.0f} ms, errors {errors}")  # fmt: skip
    report.figure(f"{name} p99", p99 * 1000, "ms", "< 500" if target else "")
    report.figure(f"{name} errors", errors, "", "0" if target else "")


def run(report: Report, workers: int = 2) -> None:
    with tempfile.TemporaryDirectory(prefix="jixiao-load-") as directory:
        url = f"sqlite:///{Path(directory) / 'load.sqlite'}"
        owned = _prepare(url)
        published = owned.pop("_published")
        port = _free_port()
        server = _serve(url, port, workers)
        bounds = f"≤ {MAX_REQUESTS} requests or {MAX_SECONDS:.0f} s a phase"
        report.line(f"jixiao serve --workers {workers}, SQLite, {TABLES} published tables, {CONNECTIONS} "
                    f"connections, {bounds}; load average before: {os.getloadavg()[0]:.1f}")  # fmt: skip
        try:
            phases = {
                "list /tables": ["/tables"],
                "table page": [f"/tables/{published}"],
                "search /tables?q=": ["/tables?q=%E5%A6%87%E5%A5%B3", "/tables?q=%E6%9C%8D%E5%8A%A1"],
                "/api/tables": ["/api/tables"],
            }
            for name, paths in phases.items():
                seconds, latencies, errors = asyncio.run(_hammer(port, paths))
                _report(report, name, seconds, latencies, errors, "≥ 400" if name == "list /tables" else "")
            seconds, latencies, errors = asyncio.run(_saves(port, owned))
            _report(report, f"{SAVERS} users saving (saves/s)", seconds, latencies, errors)
            quiet = asyncio.run(_page_while(port, f"/tables/{published}", attack=False))
            loud = asyncio.run(_page_while(port, f"/tables/{published}", attack=True))
            report.figure("page p95, nothing else running", _percentiles(quiet)[1] * 1000, "ms")
            report.figure("page p95 while a zip bomb is refused", _percentiles(loud)[1] * 1000, "ms", "< 200")
        finally:
            server.terminate()
            server.wait(20)
