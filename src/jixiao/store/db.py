"""Engines and migrations: SQLite (WAL) by default, PostgreSQL through ``JIXIAO_DATABASE_URL``.

Engines are made on demand and cached per URL, never at import time. ``upgrade(url)`` runs the
Alembic migrations shipped inside the package (``store/alembic``), so an installed jixiao can create
or update its database without a checkout.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

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


def is_sqlite(url: str) -> bool:
    return normalise_url(url).startswith("sqlite")


BUSY_TIMEOUT_MS = 15_000
BUSY_MESSAGE = (
    f"数据库正忙：另一项导入或保存正在写入，等待 {BUSY_TIMEOUT_MS // 1000} 秒后仍未完成。请稍后重试；"
    "多人同时写入较多时，请改用 PostgreSQL（见 docs/deploy-postgresql.md）"
)


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
    from alembic.runtime.migration import MigrationContext

    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
