"""Shared fixtures: a throwaway PostgreSQL 15 cluster and `db_url` over SQLite and PostgreSQL.

The cluster is started once per test session with ``initdb``/``pg_ctl`` in a temporary directory,
listening on a free port of 127.0.0.1 only. PostgreSQL refuses to run as root, so when the suite runs
as root the cluster belongs to the ``postgres`` system user (Debian's package creates it) through
``runuser``. Locally a missing PostgreSQL skips the ``postgres`` tests with a reason; in CI
(``CI=true``) it fails them, so they are never silently left out.

Every test that asks for ``db_url`` gets a fresh, migrated database: for PostgreSQL a copy of a
template database migrated once per session (``CREATE DATABASE … TEMPLATE``), for SQLite a copy of
a migrated file.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_BIN_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin")
_counter = itertools.count()


@dataclass
class PostgresCluster:
    """A running throwaway cluster: its data dir, port, and the superuser that tests connect as."""

    base: Path
    port: int
    run_as: list[str]
    pg_ctl: str
    user: str = "jixiao"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, self.pg_ctl, "-D", str(self.base / "data"), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.base, ignore_errors=True)


def _find_pg_bin() -> Path | None:
    for directory in PG_BIN_DIRS:
        if Path(directory, "initdb").exists():
            return Path(directory)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_postgres() -> PostgresCluster:
    """Start a cluster or raise RuntimeError saying why it cannot be started here."""
    bin_dir = _find_pg_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL (initdb) is not installed")
    run_as: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="jixiao-pg-"))
    if os.geteuid() == 0:
        # postgres will not run as root: hand the directory to Debian's postgres user.
        if shutil.which("runuser") is None:
            raise RuntimeError("running as root and runuser is missing")
        run_as = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, user="postgres")
    port = _free_port()
    initdb = [
        *run_as,
        str(bin_dir / "initdb"),
        "-D",
        str(base / "data"),
        "-A",
        "trust",
        "-U",
        "jixiao",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
    ]
    done = subprocess.run(initdb, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    pg_ctl = str(bin_dir / "pg_ctl")
    start = [*run_as, pg_ctl, "-D", str(base / "data"), "-o", options, "-w", "-l", str(base / "log"), "start"]
    done = subprocess.run(start, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        log = (base / "log").read_text() if (base / "log").exists() else ""
        raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()} {log[-500:]}")
    return PostgresCluster(base=base, port=port, run_as=run_as, pg_ctl=pg_ctl)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    try:
        cluster = start_postgres()
    except RuntimeError as why:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL is required in CI: {why}")
        pytest.skip(f"PostgreSQL not available: {why}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def _pg_template(postgres_cluster: PostgresCluster) -> str:
    """A database migrated once; each test copies it."""
    from sqlalchemy import create_engine, text

    from jixiao.store.db import upgrade

    admin = create_engine(postgres_cluster.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE jixiao_template"))
    admin.dispose()
    upgrade(postgres_cluster.url("jixiao_template"))
    return "jixiao_template"


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from jixiao.store.db import dispose_engines, upgrade

    path = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite"
    upgrade(f"sqlite:///{path}")
    dispose_engines()  # closing the last connection folds the WAL into the file we copy
    return path


def _fresh_postgres(request: pytest.FixtureRequest) -> str:
    from sqlalchemy import create_engine, text

    from jixiao.store.db import dispose_engines

    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    template: str = request.getfixturevalue("_pg_template")
    dispose_engines()  # a template with open connections cannot be copied
    name = f"t{os.getpid()}_{next(_counter)}"
    admin = create_engine(cluster.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    admin.dispose()
    return cluster.url(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh migrated database URL, once on SQLite and once on PostgreSQL."""
    from jixiao.store.db import dispose_engines

    if request.param == "sqlite":
        template: Path = request.getfixturevalue("_sqlite_template")
        path = tmp_path / "jixiao.sqlite"
        shutil.copyfile(template, path)
        url = f"sqlite:///{path}"
    else:
        url = _fresh_postgres(request)
    yield url
    dispose_engines()


@pytest.fixture
def sqlite_url(tmp_path: Path, _sqlite_template: Path) -> Iterator[str]:
    """A fresh migrated SQLite database, for tests that need only one backend (or a second database
    beside ``db_url``: its file is another)."""
    from jixiao.store.db import dispose_engines

    path = tmp_path / "single.sqlite"
    shutil.copyfile(_sqlite_template, path)
    yield f"sqlite:///{path}"
    dispose_engines()


SEED = Path(__file__).parent / "corpus" / "dongguan_fulian_2025.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED
