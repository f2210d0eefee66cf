"""Fixtures of the store tests: an empty database (before any migration) on SQLite and PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (no migration yet), on SQLite and on PostgreSQL."""
    from sqlalchemy import create_engine

    from jixiao.store.db import dispose_engines

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.sqlite'}"
    else:
        cluster = request.getfixturevalue("postgres_cluster")
        name = f"empty_{os.getpid()}_{len(str(tmp_path))}_{abs(hash(str(tmp_path))) % 10**6}"
        admin = create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        admin.dispose()
        yield cluster.url(name)
    dispose_engines()


@pytest.fixture
def partitioned_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh migrated PostgreSQL database: its fact tables are partitioned by year (0012)."""
    from sqlalchemy import create_engine

    from jixiao.store.db import dispose_engines

    cluster = request.getfixturevalue("postgres_cluster")
    template = request.getfixturevalue("_pg_template")
    dispose_engines()  # a template with open connections cannot be copied
    name = f"part_{os.getpid()}_{abs(hash(request.node.nodeid)) % 10**8}"
    admin = create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    admin.dispose()
    yield cluster.url(name)
    dispose_engines()
