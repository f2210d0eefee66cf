"""The audit log (issue 10: "records no logins, failed logins, lockouts, denials or exports, has no
source address or outcome, can be updated/deleted by the app's own database role, and has no
retention"): events written, append-only, tamper detected, archived, no personal data."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select, text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.service import Service
from jixiao.store import audit
from jixiao.store.audit_chain import verify_archive
from jixiao.store.db import get_engine, upgrade
from jixiao.store.schema import audit_log
from jixiao.workflow import Role
from tests.web.helpers import PASSWORD

runner = CliRunner()


def _rows(url: str) -> list[dict[str, Any]]:
    with get_engine(url).connect() as conn:
        rows = conn.execute(select(audit_log).order_by(audit_log.c.seq)).all()
    return [{**row._mapping, "detail": json.loads(row.detail)} for row in rows]


def _first_draft(browser: Any) -> int:
    table_id: int = browser.get("/api/tables?status=draft&per_page=1").json()["items"][0]["id"]
    return table_id


def _lock(app_factory: Any) -> None:
    browser = app_factory()
    for _ in range(5):
        browser.login("tianbao", "Wrong-pass-1")


def _change_password(app_factory: Any) -> None:
    app_factory("tianbao").post(
        "/account/password", {"current": PASSWORD, "new": "Fresh-river-93", "confirm": "Fresh-river-93"}
    )


# event → (what to do in the web app, the row expected: action, outcome, whose, detail keys)
EVENTS: dict[str, tuple[Callable[[Any], Any], str, str, str | None, set[str]]] = {
    "login": (lambda f: f("tianbao"), "login", "success", "tianbao", {"username"}),
    "failed login": (
        lambda f: f().login("tianbao", "Wrong-pass-1"),
        "login",
        "failure",
        "tianbao",
        {"reason"},
    ),
    "unknown user": (lambda f: f().login("ghost", "Wrong-pass-1"), "login", "failure", None, {"name_hash"}),
    "lockout": (_lock, "lockout", "failure", "tianbao", {"locked"}),
    "permission denied": (lambda f: f("tianbao").get("/audit"), "denied", "denied", "tianbao", {"target"}),
    "csrf refused": (
        lambda f: f("tianbao").client.post("/logout", data={"csrf_token": "x" * 30}),
        "denied",
        "denied",
        "tianbao",
        {"target"},
    ),
    "export of a draft": (
        lambda f: (b := f("guanli")).get(f"/tables/{_first_draft(b)}/download.xlsx"),
        "export",
        "success",
        "guanli",
        {"tables", "format"},
    ),
    "set export of drafts": (
        lambda f: f("shenhe").get("/api/tables/export?format=json&status=draft"),
        "export",
        "success",
        "shenhe",
        {"tables", "count"},
    ),
    "monitoring file": (
        lambda f: (b := f("guanli")).get(f"/tables/{_first_draft(b)}/monitoring/template.xlsx"),
        "export",
        "success",
        "guanli",
        {"tables", "format"},
    ),
    "logout": (lambda f: f("tianbao").post("/logout"), "logout", "success", "tianbao", {"username"}),
    "logout everywhere": (
        lambda f: f("tianbao").post("/logout/everywhere"),
        "logout_all",
        "success",
        "tianbao",
        {"sessions"},
    ),
    "own password changed": (_change_password, "password", "success", "tianbao", {"username"}),
}


@pytest.mark.parametrize("event", list(EVENTS))
def test_each_event_is_audited_with_time_user_address_outcome(
    app_factory: Any, seeded_url: str, event: str
) -> None:
    act, action, outcome, whose, keys = EVENTS[event]
    before = len(_rows(seeded_url))
    act(app_factory)
    found = [row for row in _rows(seeded_url)[before:] if row["action"] == action]
    assert found, f"no {action} row for {event}"
    row = found[-1]
    users = {u.id: u.username for u in Service(seeded_url).users()}
    assert row["outcome"] == outcome
    assert users.get(row["user_id"]) == whose
    assert row["address"] == "testclient"
    assert datetime.now(UTC) - row["created_at"] < timedelta(minutes=1)
    assert keys <= set(row["detail"])
    assert "Wrong-pass-1" not in json.dumps(row["detail"]) and PASSWORD not in json.dumps(row["detail"])
    assert "ghost" not in json.dumps(row["detail"])  # an unknown name is only hashed


def test_public_downloads_are_not_logged(app_factory: Any, seeded_url: str) -> None:
    admin = app_factory("guanli")
    table_id = _first_draft(admin)
    admin.post(f"/tables/{table_id}/submit")
    app_factory("shenhe").post(f"/tables/{table_id}/approve")
    admin.post(f"/tables/{table_id}/publish")
    before = len(_rows(seeded_url))
    assert app_factory().get(f"/tables/{table_id}/download.json").status_code == 200
    assert [row["action"] for row in _rows(seeded_url)[before:]] == []


def test_cli_records_the_operating_system_user(sqlite_url: str) -> None:
    done = runner.invoke(
        app,
        ["user", "add", "zhang", "--role", "admin", "--password-stdin", "--db", sqlite_url],
        input="Blue-kite-481\n",
    )
    assert done.exit_code == 0, done.output
    changes = [
        ["user", "role", "zhang", "--role", "filler", "--unit", "某单位"],
        ["user", "disable", "zhang"],
        ["user", "enable", "zhang"],
        ["user", "logout", "zhang"],
    ]
    for args in changes:
        assert runner.invoke(app, [*args, "--db", sqlite_url]).exit_code == 0
    rows = _rows(sqlite_url)
    assert [r["action"] for r in rows] == [
        "user_add",
        "user_role",
        "user_disable",
        "user_enable",
        "logout_all",
    ]
    assert {(r["actor"], r["address"], r["user_id"]) for r in rows} == {(getpass.getuser(), "cli", None)}
    assert rows[1]["detail"]["role"] == ["admin", "filler"]
    assert audit.current_context() == audit.AuditContext()  # the command's context ended with it


def _statements(conn: Connection, *sql: str) -> None:
    for statement in sql:
        conn.execute(text(statement))


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET action = 'nothing'", "DELETE FROM audit_log", "DELETE FROM audit_chain"],
)
def test_the_log_is_append_only(seeded_url: str, statement: str) -> None:
    rows = _rows(seeded_url)
    assert rows
    if "audit_chain" in statement:  # the head may change, but verify then names the difference
        with get_engine(seeded_url).begin() as conn:
            conn.execute(text(statement))
        assert not Service(seeded_url).audit_verify().ok
        return
    with pytest.raises(DBAPIError, match="只能追加"), get_engine(seeded_url).begin() as conn:
        conn.execute(text(statement))
    assert _rows(seeded_url) == rows
    if seeded_url.startswith("postgresql"):
        with pytest.raises(DBAPIError, match="只能追加"), get_engine(seeded_url).begin() as conn:
            conn.execute(text("TRUNCATE audit_log"))


def _drop_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        _statements(conn, "DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete")
    else:
        _statements(conn, "DROP TRIGGER audit_log_append_only ON audit_log")


# tampering done with the triggers dropped (a database superuser): (name, SQL, seq named, words)
TAMPERING = [
    ("altered row", "UPDATE audit_log SET detail = '{}' WHERE seq = 3", 3, "被修改"),
    ("deleted row", "DELETE FROM audit_log WHERE seq = 3", 4, "缺失"),
    ("cut-off end", "DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)", None, "截去"),
    (
        "rehashed row",
        "UPDATE audit_log SET detail = '{}', row_hash = prev_hash WHERE seq = 3",
        4,
        "第 3 条被修改",
    ),
]


@pytest.mark.parametrize(("case", "sql", "seq", "words"), TAMPERING, ids=[t[0] for t in TAMPERING])
def test_tampering_is_detected(seeded_url: str, case: str, sql: str, seq: int | None, words: str) -> None:
    service = Service(seeded_url)
    assert service.audit_verify().ok and len(_rows(seeded_url)) > 5
    with get_engine(seeded_url).begin() as conn:
        _drop_triggers(conn)
        conn.execute(text(sql))
    report = service.audit_verify()
    assert not report.ok
    assert any(words in p.message and (seq is None or p.seq == seq) for p in report.problems), report.problems
    shown = runner.invoke(app, ["audit", "verify", "--db", seeded_url, "--json"])
    assert shown.exit_code == 1 and json.loads(shown.stdout)["ok"] is False


def _write(url: str, days_ago: int, count: int) -> None:
    stamp = datetime.now(UTC) - timedelta(days=days_ago)
    with get_engine(url).begin() as conn:
        audit.record_many(conn, None, "login", "user", [(n, {"n": n}) for n in range(count)], stamp)


def test_archive_moves_old_rows_and_keeps_the_chain(db_url: str, tmp_path: Path) -> None:
    service = Service(db_url)
    _write(db_url, 400, 4)
    _write(db_url, 200, 3)
    _write(db_url, 10, 2)
    recent = (datetime.now(UTC) - timedelta(days=100)).strftime("%Y-%m-%d")
    refused = runner.invoke(
        app, ["audit", "archive", "--before", recent, "-o", str(tmp_path / "a"), "--db", db_url]
    )
    assert refused.exit_code == 1 and "180" in refused.output and not (tmp_path / "a").exists()
    before = (datetime.now(UTC) - timedelta(days=190)).strftime("%Y-%m-%d")
    target = tmp_path / "audit-archive.jsonl"
    done = runner.invoke(
        app, ["audit", "archive", "--before", before, "-o", str(target), "--db", db_url, "--json"]
    )
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["archived"] == 7
    left = _rows(db_url)
    assert [r["seq"] for r in left] == [8, 9, 10]  # the two recent rows and the archive's own record
    assert left[-1]["action"] == "audit_archive"
    assert service.audit_verify().ok
    with target.open(encoding="utf-8") as lines:
        archived = verify_archive(lines)
    assert archived.ok and archived.rows == 7
    assert runner.invoke(app, ["audit", "verify", "--archive", str(target)]).exit_code == 0
    # the archived file is tamper-evident too
    written = target.read_text(encoding="utf-8").splitlines()
    assert '\\"n\\": 2' in written[3]
    written[3] = written[3].replace('\\"n\\": 2', '\\"n\\": 9')
    target.write_text("\n".join(written) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["audit", "verify", "--archive", str(target)]).exit_code == 1
    # rows within the retention period cannot be deleted even by the archive's way in
    with pytest.raises(DBAPIError, match="只能追加"), get_engine(db_url).begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 8"))


def test_rows_written_before_the_chain_are_chained_by_the_migration(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    upgrade(url, "0003_search")
    with get_engine(url).begin() as conn:
        for n in range(3):
            conn.execute(
                text(
                    "INSERT INTO audit_log (user_id, action, entity, entity_id, detail, created_at) VALUES "
                    f"(NULL, 'edit', 'table', {n}, '{{\"n\": {n}}}', '2026-01-0{n + 1} 08:00:00.000000')"
                )
            )
    upgrade(url)
    report = Service(url).audit_verify()
    assert report.ok and report.rows == 3 and report.head_seq == 3


def test_personal_data_never_reaches_the_log(db_url: str) -> None:
    service = Service(db_url)
    service.add_user("zhang", "Blue-kite-481", Role.ADMIN)
    with get_engine(db_url).begin() as conn:
        audit.record(
            conn,
            None,
            "edit",
            "table",
            1,
            {
                "changes": [
                    {"kind": "changed", "place": "填表人", "old": "张三", "new": "李四"},
                    {"kind": "changed", "place": "联系电话", "old": "0769-22001234", "new": "13812345678"},
                    {"kind": "changed", "place": "项目概况", "old": "", "new": "咨询电话13812345678"},
                ],
                "contact": {"name": "王五"},
            },
        )
    stored = json.dumps(_rows(db_url)[-1]["detail"], ensure_ascii=False)
    for secret in ("13812345678", "0769-22001234", "Blue-kite-481", "张三", "李四", "王五"):
        assert secret not in stored
    assert audit.OMITTED in stored and "咨询电话***" in stored
    assert Service(db_url).audit_verify().ok


def test_application_logs_hold_no_passwords_or_names(
    app_factory: Any, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    browser = app_factory()
    browser.login("ghost-user", "Secret-typed-1")
    browser.login("tianbao", "Secret-typed-2")
    app_factory("tianbao").post(
        "/account/password", {"current": PASSWORD, "new": "Fresh-river-93", "confirm": "Fresh-river-93"}
    )
    for secret in ("Secret-typed-1", "Secret-typed-2", "Fresh-river-93", PASSWORD, "ghost-user"):
        assert secret not in caplog.text


def test_concurrent_writers_keep_one_chain(db_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from jixiao.workflow import ANONYMOUS

    service = Service(db_url)

    def deny(n: int) -> None:
        for k in range(8):
            service.record_denial(ANONYMOUS, f"GET /thread/{n}/{k}", "并发测试")

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(deny, range(6)))
    report = service.audit_verify()
    assert report.ok, report.problems
    assert report.rows == 48 and report.head_seq == 48
