"""Backup and restore of the whole database: SQLite through its online backup API, PostgreSQL through
``pg_dump``/``pg_restore`` (custom format).

A backup is taken while the application runs: SQLite's backup API copies a consistent snapshot page
by page while readers and writers go on; ``pg_dump`` reads one snapshot in a repeatable-read
transaction. Restore replaces the target database's content with the backup's. Passwords never go
on a command line: the PostgreSQL tools get the connection from ``PG*`` environment variables.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from jixiao.store.db import dispose_engines, is_sqlite, normalise_url

PG_BIN_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin")


class BackupError(Exception):
    """Backup or restore failed; ``message`` is Chinese and says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class BackupResult:
    """A finished backup: the database (URL without password), the file, its size and how it was made."""

    database: str  # the URL without its password
    file: Path
    size: int
    kind: str  # "sqlite" or "pg_dump"


def _sqlite_path(url: str) -> Path:
    path = normalise_url(url).removeprefix("sqlite:///")
    if not path or path == ":memory:":
        raise BackupError("内存数据库无法备份或恢复")
    return Path(path)


def _safe(url: str) -> str:
    return make_url(normalise_url(url)).render_as_string(hide_password=True)


def backup(url: str, destination: Path) -> BackupResult:
    """Write a backup of the database at ``url`` to ``destination`` (replaced if present)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(f".{destination.name}.partial")
    partial.unlink(missing_ok=True)
    if is_sqlite(url):
        source_path = _sqlite_path(url)
        if not source_path.exists():
            raise BackupError(f"数据库文件不存在：{source_path}")
        source = sqlite3.connect(source_path)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)  # the online backup API: a consistent copy while others write
            if target.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise BackupError("备份文件的完整性检查未通过")
        finally:
            target.close()
            source.close()
        kind = "sqlite"
    else:
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={partial}"], url, "pg_dump")
        kind = "pg_dump"
    os.replace(partial, destination)
    return BackupResult(_safe(url), destination, destination.stat().st_size, kind)


def restore(url: str, source: Path) -> None:
    """Replace the content of the database at ``url`` with the backup ``source``."""
    if not source.is_file():
        raise BackupError(f"备份文件不存在：{source}")
    dispose_engines()  # no pooled connection may keep the old content
    if is_sqlite(url):
        with source.open("rb") as head:
            if head.read(16) != b"SQLite format 3\x00":
                raise BackupError(f"{source} 不是 SQLite 备份文件（PostgreSQL 的备份请恢复到 PostgreSQL）")
        target_path = _sqlite_path(url)
        target_path.parent.mkdir(parents=True, exist_ok=True)
        backup_db = sqlite3.connect(source)
        target = sqlite3.connect(target_path)
        try:
            backup_db.backup(target)
        finally:
            target.close()
            backup_db.close()
        return
    with source.open("rb") as head:
        if head.read(5) != b"PGDMP":
            raise BackupError(f"{source} 不是 pg_dump 备份文件（custom 格式）")
    command = [
        _tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        str(source),
    ]
    _run(command, url, "pg_restore", database_option=True)


def _tool(name: str) -> str:
    for directory in PG_BIN_DIRS:
        candidate = Path(directory, name)
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"找不到 {name}：请安装 PostgreSQL 客户端（sudo apt-get install postgresql-client-15）"
        )
    return found


def _run(command: list[str], url: str, tool: str, database_option: bool = False) -> None:
    parsed = make_url(normalise_url(url))
    env = {**os.environ}
    for variable, value in (
        ("PGHOST", parsed.host),
        ("PGPORT", parsed.port),
        ("PGUSER", parsed.username),
        ("PGPASSWORD", parsed.password),
        ("PGDATABASE", parsed.database),
    ):
        if value is not None:
            env[variable] = str(value)
    if database_option:
        command = [*command[:-1], f"--dbname={parsed.database}", command[-1]]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BackupError(f"{tool} 失败：{detail[-1] if detail else done.returncode}")
