"""The storage commands: db upgrade, import, user add/list/passwd, demo (without serving)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from argon2 import PasswordHasher
from typer.testing import CliRunner, Result

from jixiao.cli import app
from jixiao.store import accounts
from jixiao.store.db import alembic_config

runner = CliRunner()


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def test_db_upgrade_creates_the_database(tmp_path: Path) -> None:
    target = tmp_path / "new" / "jixiao.sqlite"
    result = runner.invoke(app, ["db", "upgrade", "--db", str(target), "--json"])
    assert result.exit_code == 0, result.output
    head = ScriptDirectory.from_config(alembic_config(str(target))).get_current_head()
    assert json.loads(result.stdout)["revision"] == head
    assert target.exists()


def test_import_twice_then_a_bad_file(db_url: str, seed_path: Path, tmp_path: Path) -> None:
    first = runner.invoke(app, ["import", str(seed_path), "--db", db_url, "--published", "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)[0] | {"file": "", "findings": 0, "sha256": ""} == {
        "file": "",
        "ok": True,
        "status": "imported",
        "reason": "",
        "sha256": "",
        "tables": 17,
        "created": 17,
        "updated": 0,
        "unchanged": 0,
        "findings": 0,
        "problems": [],
    }
    again = runner.invoke(app, ["import", str(seed_path), "--db", db_url])
    assert again.exit_code == 0 and "新建 0 张" in again.stdout and "未变 17 张" in again.stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    bad = runner.invoke(app, ["import", str(empty), str(seed_path), "--db", db_url])
    assert bad.exit_code == 1
    assert "empty.txt" in bad.output and "空" in bad.output and "Traceback" not in bad.output
    assert "未变 17 张" in bad.stdout  # the good file beside it is still imported


def _user(*args: str, password: str | None = None) -> Result:
    """`jixiao user …`, the password on standard input (never an argument)."""
    stdin = ["--password-stdin"] if password is not None else []
    return runner.invoke(
        app, ["user", *args, *stdin], input=f"{password}\n" if password is not None else None
    )


def test_users_add_list_passwd(sqlite_url: str) -> None:
    db = ["--db", sqlite_url]
    added = _user(
        "add", "zhang", "--role", "填报人", "--unit", "东莞市妇女联合会", *db, password="Blue-kite-481"
    )
    assert added.exit_code == 0, added.output
    departments = ["--department", "东莞市妇女联合会", "--department", "东莞市财政局"]
    reviewer = _user("add", "li", "--role", "reviewer", *departments, *db, password="Green-owl-582")
    assert reviewer.exit_code == 0, reviewer.output
    listed = json.loads(runner.invoke(app, ["user", "list", "--db", sqlite_url, "--json"]).stdout)
    assert [(u["username"], u["role"], u["unit"]) for u in listed] == [
        ("zhang", "filler", "东莞市妇女联合会"),
        ("li", "reviewer", None),
    ]
    assert listed[1]["departments"] == ["东莞市妇女联合会", "东莞市财政局"]
    duplicate = _user("add", "zhang", "--role", "admin", *db, password="Red-fox-7391")
    assert duplicate.exit_code == 1 and "已存在" in duplicate.output
    no_unit = _user("add", "wang", "--role", "filler", *db, password="Red-fox-7391")
    assert no_unit.exit_code == 1 and "单位" in no_unit.output
    bad_role = _user("add", "wang", "--role", "boss", *db, password="Red-fox-7391")
    assert bad_role.exit_code == 2
    short = _user("passwd", "zhang", *db, password="Sh0rt!")
    assert short.exit_code == 1 and "8" in short.output
    prompted = runner.invoke(app, ["user", "passwd", "zhang", *db], input="New-secret-1\nNew-secret-1\n")
    assert prompted.exit_code == 0, prompted.output
    assert "New-secret-1" not in prompted.output  # asked without echo
    from jixiao.service import Service

    token, user = Service(sqlite_url).login("zhang", "New-secret-1")
    assert token and user.unit == "东莞市妇女联合会"


def test_demo_prepares_database_and_users(tmp_path: Path, seed_path: Path) -> None:
    target = tmp_path / "demo.sqlite"
    result = runner.invoke(app, ["demo", str(seed_path), "--db", str(target), "--no-serve", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["created"] == 17
    assert {u["role"] for u in report["users"]} == {"填报人", "审核人", "管理员"}
    again = json.loads(
        runner.invoke(app, ["demo", str(seed_path), "--db", str(target), "--no-serve", "--json"]).stdout
    )
    assert again["created"] == 0 and again["unchanged"] == 17
