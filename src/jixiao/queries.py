"""What callers ask the store for, in plain data: the list's filters, sort keys, who sees what, rows.

Pure: no SQL. The store maps each sort key to its column privately (`jixiao.store.listing`); the
faces build a `TableQuery` from a query string or command-line options and get rows back as frozen
records, never database rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

# The orders the list offers, by name: 更新时间, 项目名称, 预算金额, 年度, 风险 (findings × budget), 错误数.
SORT_KEYS = ("updated", "name", "budget", "year", "risk", "errors")
OUTCOMES = ("优", "良", "中", "差")
SEVERITIES = ("info", "warning", "error")
MAX_PER_PAGE = 200


@dataclass(frozen=True, slots=True)
class TableQuery:
    """The list's filters, its order (a name from `SORT_KEYS`) and one page."""

    q: str = ""  # project name or unit (and, with ``everywhere``, indicators too)
    indicator: str = ""  # indicator name or value (see jixiao.store.search)
    everywhere: bool = False  # q also searches indicators; both search 一级/二级 names as well
    year: int | None = None
    unit: str = ""
    project_type: str = ""
    status: str = ""
    outcome: str = ""
    severity: str = ""
    sort: str = "updated"
    descending: bool = True
    page: int = 1
    per_page: int = 20
    # keyset paging (the API's ``after``): the page after this row (updated_at, id) of the default
    # order, newest first; ``page`` is then ignored. See `page_cursor`.
    after: tuple[datetime, int] | None = None


@dataclass(frozen=True, slots=True)
class Visibility:
    """Which tables a caller may see: all, or those of some units/departments (plus, if ``published``,
    every published table). Decided by `jixiao.permissions.visibility`."""

    everything: bool = False
    units: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    published: bool = True


T = TypeVar("T")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def page_cursor(updated_at: datetime, table_id: int) -> str:
    """The keyset cursor of a list row (``1764500000123456-42``: microseconds since 1970 UTC, id),
    for the next page of the default order; digits and a hyphen, safe in a query string."""
    return f"{(updated_at.astimezone(UTC) - _EPOCH) // _MICROSECOND}-{table_id}"


def parse_cursor(text: str) -> tuple[datetime, int] | None:
    """The (updated_at, id) of a cursor made by `page_cursor`; None if ``text`` is not one."""
    micros, _, table_id = text.strip().partition("-")
    if not (micros.isdigit() and table_id.isdigit()):
        return None
    return _EPOCH + int(micros) * _MICROSECOND, int(table_id)


def uses_keyset(query: TableQuery) -> bool:
    """Whether ``query`` pages by its cursor: only the default order (newest change first) has one."""
    return query.after is not None and query.sort == "updated" and query.descending


def every_page(fetch: Callable[[TableQuery], list[T]], query: TableQuery, batch: int = 500) -> Iterator[T]:
    """Every item of every page of ``query``, fetched ``batch`` at a time (the one paging loop)."""
    page = 1
    while True:
        items = fetch(replace(query, page=page, per_page=batch))
        yield from items
        if len(items) < batch:
            return
        page += 1


@dataclass(frozen=True, slots=True)
class TableRow:
    """One stored table as the list shows it: names, status, review summary, lock and time."""

    id: int
    name: str
    project_type: str | None
    year: int | None
    budget: Decimal | None  # 元
    status: str
    outcome: str
    outcome_reason: str | None
    errors: int
    warnings: int
    infos: int
    risk: int  # findings × budget, the queue's sort key
    current_version: int
    lock_version: int
    updated_at: datetime
    unit: str | None
    department: str | None
    # A 目标调整 of a published table (jixiao.store.adjustments): as stored, the adjustment's newest
    # version and status; once the service has made the row for a caller (``working``), ``status`` and
    # ``current_version`` are what that caller sees: the adjustment's (``adjusting``) for its owner,
    # reviewers and administrators, the published version's for everyone else.
    pending_version: int | None = None
    pending_status: str | None = None
    working: bool = False
    public: bool = False  # a published version exists (and stays public during an adjustment)
    adjusting: bool = False
    published_version: int | None = None


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One stored review finding of a table."""

    id: int
    table_id: int
    code: str
    severity: str  # info, warning, error
    message: str
    indicator: str | None
    line: int | None
    basis: str | None
    suggestion: str | None
    place: str = ""  # where, in 一级／二级／三级 words or a field's name (jixiao.formats.places)
    dismissed: dict[str, Any] | None = None  # the reviewer's dismissal (reason, who, when), if any


@dataclass(frozen=True, slots=True)
class VersionRow:
    """One version of a table: its number, the 目标调整 reason, who made it and when."""

    number: int
    reason: str | None
    created_by: int | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class EventRow:
    """One workflow event of a table (submit, return, approve…): from and to which status, by whom."""

    id: int
    table_id: int
    action: str
    from_status: str | None
    to_status: str
    user_id: int | None
    comment: str | None
    created_at: datetime


def as_dict(row: TableRow | FindingRow | VersionRow | EventRow) -> dict[str, Any]:
    """A row record as a plain dict (for JSON and CSV)."""
    return asdict(row)
