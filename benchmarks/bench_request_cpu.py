"""CPU per request of the public pages, in process: what a served request costs the server's cores,
whatever else the machine is doing (wall-clock requests per second mean little on shared cores).

The database of `bench_load` (1,000 published tables and 20 drafts, SQLite); the app called through
httpx's ASGI transport, no socket; for each of the list, a table page, a search and ``/api/tables``:
a few requests to warm up, then `ROUNDS` rounds of `REQUESTS` requests one after another, and the
least of the rounds' process CPU time (every thread: the app's thread pool included) divided by
their number — on shared cores other processes only ever add to it — and the SQL statements per
request. ``python -m benchmarks.bench_request_cpu --profile [path]`` prints cProfile's 25 costliest
functions for one path instead. Bounded: `REQUESTS` a path, `MAX_SECONDS` in all.
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
CACHE = Path(tempfile.gettempdir()) / "jixiao-bench-request-cpu.sqlite"


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


async def _measure(app: Any, path: str, count: int, deadline: float) -> tuple[float, int]:
    """CPU ms per request of ``path`` over ``count`` requests (fewer past the deadline), and how
    many requests were made."""
    import httpx

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
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
    app = _app(url)
    from jixiao.store.db import get_engine

    counter = StatementCounter(get_engine(url))
    deadline = time.monotonic() + MAX_SECONDS
    report.line(f"in process (httpx ASGI transport), the least of {ROUNDS} rounds of {REQUESTS} requests")
    for name, path in _paths(published).items():
        rounds = []
        for _ in range(ROUNDS):
            before = counter.count
            cpu, done = asyncio.run(_measure(app, path, REQUESTS, deadline))
            rounds.append((cpu, (counter.count - before) / (done + WARM_UP)))
        report.figure(f"{name}: CPU per request", min(r[0] for r in rounds), "ms")
        report.figure(f"{name}: SQL statements per request", rounds[0][1], "")
        report.figure(f"{name}: Python function calls per request", _calls_per_request(app, path), "")


def _calls_per_request(app: Any, path: str, count: int = 20) -> float:
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
        asyncio.run(_measure(app, path, count, time.monotonic() + MAX_SECONDS))
        profiler.disable()
    finally:
        anyio.to_thread.run_sync = original
    return float(pstats.Stats(profiler).total_calls) / (count + WARM_UP)  # type: ignore[attr-defined]


def profile(path: str | None) -> None:
    """cProfile's costliest functions over `REQUESTS` requests of ``path`` (the list by default)."""
    import anyio.to_thread

    async def inline(func: Any, *args: Any, **_: Any) -> Any:
        return func(*args)

    anyio.to_thread.run_sync = inline  # type: ignore[assignment]  # sync handlers in this thread, where the profiler looks
    url, published = _database()
    app = _app(url)
    target = path or "/tables"
    target = target.replace("{published}", str(published))
    asyncio.run(_measure(app, target, WARM_UP, time.monotonic() + 60))
    profiler = cProfile.Profile()
    profiler.enable()
    cpu, done = asyncio.run(_measure(app, target, REQUESTS, time.monotonic() + MAX_SECONDS))
    profiler.disable()
    print(f"{target}: {cpu:.2f} ms CPU a request over {done} requests (under the profiler)")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(70)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    if "--profile" in sys.argv:
        rest = [a for a in sys.argv[1:] if a != "--profile"]
        profile(rest[0] if rest else None)
    else:
        result = Report()
        result.section("request_cpu")
        run(result)
