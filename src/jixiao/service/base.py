"""What every part of the facade shares: the engine, the short cache, and the visibility check."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Engine

from jixiao.permissions import can_view, sees_draft
from jixiao.permissions import visibility as visibility_of
from jixiao.queries import TableQuery, TableRow, Visibility
from jixiao.service.active_findings import settle
from jixiao.service.errors import Forbidden, NotFound
from jixiao.store import integrity, listing, partitions, stats
from jixiao.store.audit_key import current_keys
from jixiao.store.db import current_revision, get_engine, normalise_url, upgrade
from jixiao.store.integrity import IntegrityProblem
from jixiao.store.tables import Reviewed
from jixiao.workflow import Principal, Status, TableScope

CACHE_SECONDS = 30.0
MAX_CACHED = 1000  # cached figures and list totals; all dropped when there are more


def scope_of(row: TableRow) -> TableScope:
    """The organisations and working status of a table's row (as stored, or as `working_row` made it)."""
    if row.working:
        return TableScope(row.unit, row.department, Status(row.status), row.public)
    status = row.pending_status or row.status
    return TableScope(row.unit, row.department, Status(status), row.status == Status.PUBLISHED.value)


def working_row(who: Principal, row: TableRow) -> TableRow:
    """A stored table's row as ``who`` sees it. During a 目标调整 of a published table its owner,
    reviewers and administrators see the adjustment (its status and version, ``adjusting``); everyone
    else sees the published version, with nothing saying an adjustment is under way."""
    if row.working:
        return row
    scope = scope_of(row)
    if row.pending_status and row.pending_version and sees_draft(who, scope):
        return replace(
            row,
            status=row.pending_status,
            current_version=row.pending_version,
            published_version=row.current_version,
            adjusting=True,
            public=True,
            working=True,
        )
    return replace(row, public=scope.public, pending_status=None, pending_version=None, working=True)


class ServiceBase:
    """The database of one facade; the parts (tables, workflow, accounts) extend it."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        current_keys()  # a bad audit key setting stops here, not at the first audited action
        self.engine: Engine = get_engine(self.url)
        self._cache: dict[tuple[Any, ...], tuple[float, tuple[Any, ...], Any]] = {}

    def upgrade(self) -> None:
        """Create the database or migrate it to the newest schema; then settle the tables with
        dismissed findings (`jixiao.service.active_findings`), which 0012 cannot do in SQL alone."""
        upgrade(self.url)
        with self.engine.begin() as conn:
            settle(conn)

    def revision(self) -> str | None:
        """The database's schema revision (None before the first migration)."""
        return current_revision(self.url)

    def create_year_partitions(self, year: int) -> list[str]:
        """PostgreSQL: make ``year``'s partition of every fact table (that year's rows move out of the
        default partition); the partitions made. SQLite keeps plain tables: nothing to make, []."""
        with self.engine.begin() as conn:
            if not partitions.is_partitioned(conn):
                return []
            return partitions.create_year_partitions(conn, year)

    def check_integrity(self) -> list[IntegrityProblem]:
        """Rows whose references or keys the database does not check (on partitioned PostgreSQL: no
        foreign keys on the fact tables), found by `jixiao.store.integrity.check`; empty when sound."""
        with self.engine.connect() as conn:
            return integrity.check(conn)

    def change_counter(self) -> tuple[Any, ...]:
        """What moves whenever a table or a published self-evaluation is written, by any process
        (`stats.change_counter`): what the web keys its visitors' cached pages on."""
        with self.engine.connect() as conn:
            return stats.change_counter(conn)

    def visibility(self, who: Principal) -> Visibility:
        """Which tables ``who`` may see in lists and figures."""
        return visibility_of(who)

    def _visible_row(self, conn: Connection, who: Principal, table_id: int) -> TableRow:
        row = listing.get_table_row(conn, table_id)
        if row is None:
            raise NotFound(f"没有编号为 {table_id} 的表")
        if not can_view(who, scope_of(row)):
            if who.anonymous:
                raise NotFound(f"没有编号为 {table_id} 的表")  # do not reveal unpublished tables exist
            raise Forbidden("您无权查看这张表")
        return working_row(who, row)

    def _cached(self, kind: str, who: Principal, compute: Callable[[Connection, Visibility], Any]) -> Any:
        """Aggregates over every table, kept for `CACHE_SECONDS` while the tables are unchanged.

        Correct across processes (``jixiao serve --workers``): the entry is keyed on
        `stats.change_counter` (the newest ``updated_at`` and the highest id), which every import,
        save and workflow step moves, so a write made by another worker is seen at once. The time
        limit only bounds the rare write committed with an older time stamp than one already seen.
        """
        key = (kind, self.visibility(who))
        with self.engine.connect() as conn:
            version = stats.change_counter(conn)
            cached = self._cache.get(key)
            if cached is not None and cached[1] == version and time.monotonic() - cached[0] < CACHE_SECONDS:
                return cached[2]
            value = compute(conn, key[1])
        self._cache[key] = (time.monotonic(), version, value)
        return value

    def _list_page(self, conn: Connection, who: Principal, query: TableQuery) -> tuple[list[TableRow], int]:
        """`listing.list_tables`, the total kept (like `_cached`) while no table changed.

        Counting a list without free text reads every visible table's index entry (half a second with
        a million tables); its total changes only when a table does. Searches count their few matches.
        """
        visibility = self.visibility(who)
        if query.q or query.indicator:
            return listing.list_tables(conn, query, visibility)
        key = (
            "total",
            visibility,
            replace(query, page=1, sort="updated", descending=True, per_page=1, after=None),
        )
        version = stats.change_counter(conn)
        cached = self._cache.get(key)
        fresh = cached is not None and cached[1] == version and time.monotonic() - cached[0] < CACHE_SECONDS
        rows, total = listing.list_tables(
            conn, query, visibility, total=cached[2] if cached and fresh else None
        )
        if not fresh:
            if len(self._cache) > MAX_CACHED:
                self._cache.clear()
            self._cache[key] = (time.monotonic(), version, total)
        return rows, total

    def by_year_profile(self, reviews: Sequence[Reviewed]) -> list[Reviewed]:
        """Each review again by the rule profile of its table's year, where the administrator set one
        (`jixiao.service.rule_profiles`); the others as they are."""
        from jixiao.service.rule_profiles import by_year_profiles

        if not any(r.table.project.year is not None for r in reviews):
            return list(reviews)
        with self.engine.connect() as conn:
            return by_year_profiles(conn, reviews)
