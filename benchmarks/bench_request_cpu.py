"""CPU per request of the public pages, in process: what a served request costs the server's cores,
whatever else the machine is doing (wall-clock requests per second mean little on shared cores).

The database of `bench_load` (1,000 published tables and 20 drafts, SQLite); the app called through
httpx's ASGI transport, no socket; for each of the list, a table page, a search and ``/api/tables``:
a few requests to warm up, then `ROUNDS` rounds of `REQUESTS` requests one after another, and the
least of the rounds' process CPU time (every thread: the app's thread pool included) divided by
their number — on shared cores other processes only ever add to it — and the SQL statements per
request, for a visitor, a signed-in 填报人 and a 审核人 (``--persona 填报人`` for one only).
``python -m benchmarks.bench_request_cpu --profile [path] [--persona P]`` prints cProfile's 25
costliest functions for one path instead. Bounded: `REQUESTS` a path, `MAX_SECONDS` in all.
"""

from __future__ import annotations

import asyncio
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.report import Report

REQUESTS = 100  # a round
ROUNDS = 5  # the least CPU per request of these is reported: other processes only ever add to it
WARM_UP = 5
MAX_SECONDS = 120.0
CACHE = Path(tempfile.gettempdir()) / "jixiao-bench-request-cpu-personas.sqlite"


def _database() -> tuple[str, int]:
    """The URL of the load benchmark's database (made once, then reused from the temp folder,
    migrated first when migrations came since it was made)."""
    from benchmarks.bench_load import _prepare
    from jixiao.store.db import upgrade

    url = f"sqlite:///{CACHE}"
    marker = CACHE.with_suffix(".published")
    if CACHE.exists() and marker.exists():
        try:
            upgrade(url)
        except Exception:  # made by another branch's migrations: make it again
            marker.unlink()
    if not CACHE.exists() or not marker.exists():
        CACHE.unlink(missing_ok=True)
        owned = _prepare(url)
        marker.write_text(str(owned["_published"]))
    return url, int(marker.read_text())


def _paths(published: int) -> dict[str, str]:
    return {
        "list /tables": "/tables",
        "table page": f"/tables/{published}",
        "search /tables?q=": "/tables?q=%E5%A6%87%E5%A5%B3",
        "/api/tables": "/api/tables",
    }


class StatementCounter:
    """Counts the SQL statements the engine runs."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: Any) -> None:
        self.count += 1


PERSONAS = {
    "访客": None,
    "填报人": "saver0",
    "审核人": "bench-reviewer",
}  # username signed in, None: a visitor
REVIEWER_PASSWORD = "Audit-load-2025x"


def _reviewer(url: str) -> None:
    """A 审核人 responsible for the department of the published tables (made once)."""
    from sqlalchemy import text

    from jixiao.service import Service
    from jixiao.workflow import Role

    service = Service(url)
    with service.engine.connect() as conn:
        if conn.execute(text("select 1 from users where username = 'bench-reviewer'")).first():
            return
        department = conn.execute(
            text(
                "select o.name from perf_tables t join orgs o on o.id = t.department_id "
                "group by o.name order by count(*) desc limit 1"
            )
        ).scalar_one()
    service.add_user("bench-reviewer", REVIEWER_PASSWORD, Role.REVIEWER, None, [department])


async def _sign_in(client: Any, username: str | None) -> None:
    if username is None:
        return
    from benchmarks.bench_load import PASSWORD

    password = REVIEWER_PASSWORD if username == "bench-reviewer" else PASSWORD
    await client.get("/login")
    form = {
        "username": username,
        "password": password,
        "csrf_token": client.cookies["jixiao_csrf"],
        "next": "/",
    }
    answer = await client.post("/login", data=form)
    assert answer.status_code == 303, (username, answer.status_code, answer.text[:300])


async def _measure(
    app: Any, path: str, count: int, deadline: float, username: str | None = None
) -> tuple[float, int]:
    """CPU ms per request of ``path`` over ``count`` requests (fewer past the deadline) by
    ``username`` signed in (a visitor if None), and how many requests were made."""
    import httpx

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        await _sign_in(client, username)
        for _ in range(WARM_UP):
            assert (await client.get(path)).status_code == 200, path
        start, done = time.process_time(), 0
        while done < count and time.monotonic() < deadline:
            response = await client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            done += 1
        return (time.process_time() - start) * 1000 / max(done, 1), done


def _app(url: str) -> Any:
    from jixiao.web import Settings, create_app

    return create_app(Settings(database_url=url, migrate=False))


def run(report: Report) -> None:
    url, published = _database()
    _reviewer(url)
    app = _app(url)
    from jixiao.store.db import get_engine

    counter = StatementCounter(get_engine(url))
    deadline = time.monotonic() + MAX_SECONDS
    report.line(f"in process (httpx ASGI transport), the least of {ROUNDS} rounds of {REQUESTS} requests")
    personas = [p for p in PERSONAS if not _only or p in _only]
    for persona in personas:
        username = PERSONAS[persona]
        for name, path in _paths(published).items():
            if username is not None and path.startswith("/api"):
                continue
            rounds = []
            for _ in range(ROUNDS):
                before = counter.count
                cpu, done = asyncio.run(_measure(app, path, REQUESTS, deadline, username))
                rounds.append((cpu, (counter.count - before) / (done + WARM_UP)))
            label = f"{persona} {name}"
            report.figure(f"{label}: CPU per request", min(r[0] for r in rounds), "ms")
            report.figure(f"{label}: SQL statements per request", rounds[0][1], "")
            calls = _calls_per_request(app, path, username=username)
            report.figure(f"{label}: Python function calls per request", calls, "")


_only: list[str] = []  # personas named with --persona (all when empty)


def _calls_per_request(app: Any, path: str, count: int = 20, username: str | None = None) -> float:
    """Python function calls per request (cProfile's count, handlers run in this thread): the same
    on every run, however busy the machine — the steady twin of the CPU figure."""
    import anyio.to_thread

    async def inline(func: Any, *args: Any, **_: Any) -> Any:
        return func(*args)

    original = anyio.to_thread.run_sync
    anyio.to_thread.run_sync = inline  # type: ignore[assignment]
    try:
        profiler = cProfile.Profile()
        profiler.enable()
        asyncio.run(_measure(app, path, count, time.monotonic() + MAX_SECONDS, username))
        profiler.disable()
    finally:
        anyio.to_thread.run_sync = original
    return float(pstats.Stats(profiler).total_calls) / (count + WARM_UP)  # type: ignore[attr-defined]


def profile(path: str | None, username: str | None = None) -> None:
    """cProfile's costliest functions over `REQUESTS` requests of ``path`` (the list by default) by
    ``username`` signed in (a visitor if None)."""
    import anyio.to_thread

    async def inline(func: Any, *args: Any, **_: Any) -> Any:
        return func(*args)

    anyio.to_thread.run_sync = inline  # type: ignore[assignment]  # sync handlers in this thread, where the profiler looks
    url, published = _database()
    _reviewer(url)
    app = _app(url)
    target = path or "/tables"
    target = target.replace("{published}", str(published))
    asyncio.run(_measure(app, target, WARM_UP, time.monotonic() + 60, username))
    profiler = cProfile.Profile()
    profiler.enable()
    cpu, done = asyncio.run(_measure(app, target, REQUESTS, time.monotonic() + MAX_SECONDS, username))
    profiler.disable()
    print(f"{target}: {cpu:.2f} ms CPU a request over {done} requests (under the profiler)")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(70)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def _persona_arguments(arguments: list[str]) -> tuple[list[str], list[str]]:
    """The personas named by ``--persona NAME`` (repeatable), and the other arguments."""
    named, rest, index = [], [], 0
    while index < len(arguments):
        if arguments[index] == "--persona" and index + 1 < len(arguments):
            named.append(arguments[index + 1])
            index += 2
        else:
            rest.append(arguments[index])
            index += 1
    return named, rest


if __name__ == "__main__":
    _only, _arguments = _persona_arguments(sys.argv[1:])
    if "--profile" in _arguments:
        rest = [a for a in _arguments if a != "--profile"]
        profile(rest[0] if rest else None, PERSONAS[_only[0]] if _only else None)
    else:
        result = Report()
        result.section("request_cpu")
        run(result)
