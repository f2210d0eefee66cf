"""What every part of the facade shares: the engine, the short cache, and the visibility check."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine

from jixiao.permissions import can_view
from jixiao.permissions import visibility as visibility_of
from jixiao.queries import Visibility
from jixiao.service.errors import Forbidden, NotFound
from jixiao.store import listing
from jixiao.store.db import current_revision, get_engine, normalise_url, upgrade
from jixiao.workflow import Principal, Status, TableScope

CACHE_SECONDS = 30.0


def scope_of(row: dict[str, Any]) -> TableScope:
    """The organisations and status of a stored table's row, as permissions see them."""
    return TableScope(unit=row["unit"], department=row["department"], status=Status(row["status"]))


class ServiceBase:
    """The database of one facade; the parts (tables, workflow, accounts) extend it."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine: Engine = get_engine(self.url)
        self._cache: dict[tuple[str, Visibility], tuple[float, Any]] = {}

    def upgrade(self) -> None:
        """Create the database or migrate it to the newest schema."""
        upgrade(self.url)

    def revision(self) -> str | None:
        """The database's schema revision (None before the first migration)."""
        return current_revision(self.url)

    def visibility(self, who: Principal) -> Visibility:
        """Which tables ``who`` may see in lists and figures."""
        return visibility_of(who)

    def _visible_row(self, conn: Connection, who: Principal, table_id: int) -> dict[str, Any]:
        row = listing.get_table_row(conn, table_id)
        if row is None:
            raise NotFound(f"没有编号为 {table_id} 的表")
        if not can_view(who, scope_of(row)):
            if who.anonymous:
                raise NotFound(f"没有编号为 {table_id} 的表")  # do not reveal unpublished tables exist
            raise Forbidden("您无权查看这张表")
        return row

    def _cached(self, kind: str, who: Principal, compute: Callable[[Connection, Visibility], Any]) -> Any:
        """Aggregates over every table, kept for `CACHE_SECONDS` and dropped on any write made here.

        Writes by another process show up at the latest after `CACHE_SECONDS`.
        """
        key = (kind, self.visibility(who))
        cached = self._cache.get(key)
        if cached is not None and time.monotonic() - cached[0] < CACHE_SECONDS:
            return cached[1]
        with self.engine.connect() as conn:
            value = compute(conn, key[1])
        self._cache[key] = (time.monotonic(), value)
        return value
