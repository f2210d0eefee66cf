"""Pages a visitor sees, made once for each state of the store and answered from memory after that.

A visitor's list, search, table page and ``/api/tables`` depend only on the query, the published
tables and the published self-evaluations, so they are the same for every visitor until a table or
a self-evaluation is written. Each answer is kept under its path and query string, with
`Service.change_counter` at the time (which every import, save and workflow step moves, in any
worker process) and the time; it is used again while the counter is the same and it is younger
than `MAX_AGE` seconds (the bound for a write stamped with an older time than one already seen, as
for the service's own caches).

Only for the visitor: a signed-in user's pages are never kept nor served from here, so one user's
view cannot reach another. The one per-request part of a visitor's page, the CSRF token, is
rendered as `SLOT` (random for each process, so no stored text can contain it) and put back,
escaped as the template escapes it, for each request.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from markupsafe import escape
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from jixiao.permissions import shares_public_view
from jixiao.web.security import SESSION_COOKIE
from jixiao.workflow import Principal

MAX_AGE = 30.0  # seconds
MAX_PAGES = 512  # kept answers per process; the least recently used goes first
MAX_WAIT = 0.5  # seconds a visitor waits for another's making of the same page before making it too
SLOT = f"csrf-slot-{secrets.token_hex(16)}"


@dataclass(frozen=True, slots=True)
class KeptAnswer:
    """One answer as it was sent, with the store's change counter and the time it was made."""

    counter: tuple[Any, ...]
    made_at: float
    status_code: int
    media_type: str | None
    body: bytes


class VisitorPages:
    """The kept answers of one process (bounded, thread-safe: routes run in a thread pool)."""

    def __init__(self, max_pages: int = MAX_PAGES, max_age: float = MAX_AGE) -> None:
        self.max_pages = max_pages
        self.max_age = max_age
        self._kept: OrderedDict[tuple[str, str], KeptAnswer] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[tuple[str, str], threading.Lock] = {}  # one maker per page at a time
        self.hits = 0
        self.misses = 0

    def answer(self, request: Request, who: Principal, make: Callable[[], Response]) -> Response:
        """The kept answer to this request if still good, else ``make()``'s (kept when it is a
        visitor's 200). A signed-in user always gets ``make()``'s, never kept."""
        if not shares_public_view(who):
            return make()
        counter = request.app.state.service.change_counter()
        key = (request.url.path, request.url.query)
        if (kept := self._good(key, counter)) is not None:
            return _with_token(kept, request)
        # Many visitors asking for the same page at once (a cold start, the moment after a write):
        # one makes it, the others wait for it instead of all making it (the load's p99 tail).
        # The wait is bounded: a page that cannot be kept (an error) never queues its askers for long.
        with self._lock:
            making = self._making.setdefault(key, threading.Lock())
        first = making.acquire(timeout=MAX_WAIT)
        try:
            if (kept := self._good(key, counter)) is not None:
                return _with_token(kept, request)
            return self._make(request, key, counter, make)
        finally:
            if first:
                making.release()
                with self._lock:
                    if self._making.get(key) is making:
                        del self._making[key]

    def _good(self, key: tuple[str, str], counter: tuple[Any, ...]) -> KeptAnswer | None:
        """The kept answer under ``key`` if made at this state of the store and young enough."""
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and kept.counter == counter and self._young(kept):
                self._kept.move_to_end(key)
                self.hits += 1
                return kept
            return None

    def _make(
        self, request: Request, key: tuple[str, str], counter: tuple[Any, ...], make: Callable[[], Response]
    ) -> Response:
        with self._lock:
            self.misses += 1
        token = request.state.csrf
        request.state.csrf = SLOT  # the page is made with the slot in the token's places …
        try:
            made = make()
        finally:
            request.state.csrf = token
        if made.status_code != 200:
            return _with_token(_kept_of(made, counter), request)
        kept = _kept_of(made, counter)
        with self._lock:
            self._kept[key] = kept
            self._kept.move_to_end(key)
            while len(self._kept) > self.max_pages:
                self._kept.popitem(last=False)
        return _with_token(kept, request)  # … and each visitor gets their own token there

    def kept_answer(self, request: Request) -> Response | None:
        """The kept answer to a visitor's request if it is still good, else None (nothing made)."""
        key = (request.url.path, request.url.query)
        with self._lock:
            if key not in self._kept:
                return None
        kept = self._good(key, request.app.state.service.change_counter())
        return None if kept is None else _with_token(kept, request)

    def clear(self) -> None:
        """Forget every kept answer."""
        with self._lock:
            self._kept.clear()

    def _young(self, kept: KeptAnswer) -> bool:
        return time.monotonic() - kept.made_at < self.max_age


def _kept_of(made: Response, counter: tuple[Any, ...]) -> KeptAnswer:
    return KeptAnswer(counter, time.monotonic(), made.status_code, made.media_type, bytes(made.body))


def _with_token(kept: KeptAnswer, request: Request) -> Response:
    token = str(escape(request.state.csrf)).encode()
    return Response(kept.body.replace(SLOT.encode(), token), kept.status_code, media_type=kept.media_type)


class VisitorPagesFirst:
    """ASGI middleware (inside the CSRF one): a GET without a session cookie — a visitor for sure —
    whose answer is kept and still good is sent before routing, so it costs no query-string parsing
    nor dependency solving; anything else goes on to the app, which makes and keeps it."""

    def __init__(self, app: ASGIApp, pages: VisitorPages) -> None:
        self.app = app
        self.pages = pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer from the kept pages when possible."""
        if scope["type"] == "http" and scope["method"] == "GET":
            request = Request(scope)
            if SESSION_COOKIE not in request.cookies:
                kept = await run_in_threadpool(self.pages.kept_answer, request)
                if kept is not None:
                    await kept(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def visitor_page(request: Request, who: Principal, make: Callable[[], Response]) -> Response:
    """``make()``'s answer, or the same answer kept for visitors (`VisitorPages.answer`)."""
    pages: VisitorPages = request.app.state.visitor_pages
    return pages.answer(request, who, make)


__all__ = ["MAX_AGE", "SLOT", "KeptAnswer", "VisitorPages", "VisitorPagesFirst", "visitor_page"]
