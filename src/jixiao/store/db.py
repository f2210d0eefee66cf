"""Engines and migrations: SQLite (WAL) by default, PostgreSQL through ``JIXIAO_DATABASE_URL``.

Engines are made on demand and cached per URL, never at import time. ``upgrade(url)`` runs the
Alembic migrations shipped inside the package (``store/alembic``), so an installed jixiao can create
or update its database without a checkout.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import StatementError

from jixiao.store.search_indexes import flush_pending_lists

DEFAULT_SQLITE = Path("var") / "jixiao.sqlite"
_engines: dict[str, Engine] = {}


def default_url() -> str:
    """``JIXIAO_DATABASE_URL`` if set, else the SQLite file var/jixiao.sqlite."""
    return os.environ.get("JIXIAO_DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"


def normalise_url(url: str) -> str:
    """Accept the usual spellings: ``postgres(ql)://`` means psycopg 3; a bare path means SQLite."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


# The errors the faces turn into a status and a message with `database_problem` (a StatementError
# wraps every driver error, and Python's OverflowError when a number does not fit a column).
DATABASE_ERRORS: tuple[type[Exception], ...] = (StatementError, OverflowError)


def is_sqlite(url: str) -> bool:
    """True for a SQLite database URL."""
    return normalise_url(url).startswith("sqlite")


BUSY_TIMEOUT_MS = 15_000
BUSY_MESSAGE = (
    f"数据库正忙：另一项导入或保存正在写入，等待 {BUSY_TIMEOUT_MS // 1000} 秒后仍未完成。请稍后重试；"
    "多人同时写入较多时，请改用 PostgreSQL（见 docs/deploy-postgresql.md）"
)


def database_problem(error: BaseException) -> tuple[int, str] | None:
    """For a database error a user caused or may retry, the HTTP status and the Chinese message to
    give instead of a traceback: SQLite busy (503), a number out of the database's range (400)."""
    if is_database_busy(error):
        return 503, BUSY_MESSAGE
    cause = getattr(error, "orig", error)
    if isinstance(cause, OverflowError) or "out of range" in str(cause).lower():
        return 400, "参数中的数字超出允许范围"
    return None


def is_database_busy(error: BaseException) -> bool:
    """True for SQLite's ``database is locked``/``busy``: another writer held the file too long."""
    text = str(getattr(error, "orig", error)).lower()
    return "database is locked" in text or "database is busy" in text


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the web server read while an import writes; foreign keys are off by default in SQLite.
    # SQLite has one writer at a time: a second one waits up to BUSY_TIMEOUT_MS
    # (JIXIAO_SQLITE_BUSY_MS), then gets "database is locked", which the edges turn into BUSY_MESSAGE.
    busy = os.environ.get("JIXIAO_SQLITE_BUSY_MS", "")
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(busy) if busy.isdigit() else BUSY_TIMEOUT_MS}")
    cursor.close()


def get_engine(url: str) -> Engine:
    """The cached engine for a URL (created the first time)."""
    url = normalise_url(url)
    engine = _engines.get(url)
    if engine is None:
        if url.startswith("sqlite"):
            path = url.removeprefix("sqlite:///")
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"check_same_thread": False})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)
        _engines[url] = engine
    return engine


def dispose_engines() -> None:
    """Close every cached engine (tests, and before copying a template database)."""
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()


def alembic_config(url: str) -> Any:
    """An Alembic configuration for the database at ``url``, using the packaged migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "alembic"))
    config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Create or migrate the database at ``url`` to ``revision``."""
    from alembic import command

    get_engine(url)  # creates the SQLite file's directory
    command.upgrade(alembic_config(url), revision)


def current_revision(url: str) -> str | None:
    """The database's current migration revision, or None if it has none."""
    from alembic.runtime.migration import MigrationContext

    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _statistics_outgrown(conn: Connection, threshold: int) -> bool:
    """True when SQLite's statistics counted less than half of today's tables (and ``threshold`` fewer).

    Statistics taken after the first file of a first import describe 17 tables; kept for the rest of a
    long import, they made SQLite scan every stored table and version for each file, so the writer's
    time per table grew with the database. Refreshing when the tables double costs O(n) in all.
    """
    counted = conn.execute(text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'perf_tables' LIMIT 1")).scalar()
    then = int(str(counted).split()[0]) if counted else 0
    now = conn.execute(text("SELECT coalesce(max(id), 0) FROM perf_tables")).scalar() or 0
    return int(now) >= 2 * then and int(now) - then >= threshold


def analyze(conn: Connection, changed: int, threshold: int) -> None:
    """Refresh the query planner's statistics (``ANALYZE``) after ``changed`` rows, if worth it.

    Without statistics SQLite may filter visitors' lists by status and then sort every row, instead
    of reading the (status, updated_at) index in order: ten times slower with 100,000 tables. A
    SQLite database that never had statistics gets them on the first import, however small.
    """
    if conn.dialect.name == "sqlite":
        has_statistics = conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first()
        if changed < threshold and has_statistics and not _statistics_outgrown(conn, threshold):
            return
    elif changed < threshold:
        return
    conn.execute(text("ANALYZE"))
    flush_pending_lists(conn)  # PostgreSQL: searches no longer read the import's pending entries
