"""The audit chain is keyed (issue 10, 安全审计): someone who can write to the database but has no key
cannot rewrite a row and hash the chain again unseen; keys rotate without breaking the chain; and
`jixiao audit verify` names rows altered, deleted, reordered, unsigned or signed by an unknown key.

The attacker here has what a database administrator has: the triggers dropped, every row and the
chain's head writable, and this very code (`row_hash`) — only the key, kept in the environment of
the server, is missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, select, text, update
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.service import Service
from jixiao.store import audit
from jixiao.store.audit_chain import ChainReport, check_rows
from jixiao.store.audit_key import AuditKeyError, AuditKeys, configure, key_id
from jixiao.store.db import get_engine
from jixiao.store.schema import audit_chain, audit_log

runner = CliRunner()
KEY = "k" * 20 + "-server-secret-one-2026"
NEW_KEY = "n" * 20 + "-server-secret-two-2026"
GUESS = "g" * 40


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The server's key in the environment, as a deployment sets it (read again on first use)."""
    monkeypatch.setenv("JIXIAO_AUDIT_KEY", KEY)
    configure(None)
    yield
    configure(None)


def _write(url: str, count: int, who: str = "login") -> None:
    with get_engine(url).begin() as conn:
        audit.record_many(conn, None, who, "user", [(n, {"n": n}) for n in range(count)], datetime.now(UTC))


def _rows(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(audit_log).order_by(audit_log.c.seq))]


def _drop_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
        conn.execute(text("DROP TRIGGER audit_log_no_delete"))
    else:
        conn.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))


def _rewrite_and_rehash(url: str, seq: int, secret: bytes | None, key_name: str | None) -> None:
    """Change row ``seq``'s detail, then hash it and every later row again with ``secret`` (what the
    attacker has) naming ``key_name``, and move the chain's head along: a chain consistent to a
    reader without the server's key."""
    with get_engine(url).begin() as conn:
        _drop_triggers(conn)
        rows = _rows(conn)
        prev = next(r["prev_hash"] for r in rows if r["seq"] == seq)
        for row in rows:
            if row["seq"] < seq:
                continue
            if row["seq"] == seq:
                row["detail"] = json.dumps({"n": 999})
            row["prev_hash"], row["key_id"] = prev, key_name
            row["row_hash"] = prev = audit.row_hash(prev, row, secret)
            values = {k: row[k] for k in ("detail", "prev_hash", "key_id", "row_hash")}
            conn.execute(update(audit_log).where(audit_log.c.id == row["id"]).values(**values))
        conn.execute(update(audit_chain).where(audit_chain.c.id == 1).values(last_hash=prev))


def test_rows_are_signed_with_the_key_named_by_the_row(sqlite_url: str, keyed: None) -> None:
    _write(sqlite_url, 3)
    with get_engine(sqlite_url).connect() as conn:
        rows = _rows(conn)
    assert {r["key_id"] for r in rows} == {key_id(KEY.encode())}
    assert KEY not in json.dumps([{k: str(v) for k, v in r.items()} for r in rows])  # the key stays out
    report = Service(sqlite_url).audit_verify()
    assert report.ok and report.keyed and report.rows == 3


ATTACKS = [
    ("rehashed without the key", None, "keep", "被修改"),
    ("rehashed as unsigned rows", None, None, "没有密钥签名"),
    ("rehashed with a guessed key", GUESS.encode(), key_id(GUESS.encode()), "没有这把密钥"),
]


@pytest.mark.parametrize(("case", "secret", "name", "words"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_a_chain_hashed_again_without_the_key_is_detected(
    db_url: str, keyed: None, case: str, secret: bytes | None, name: str | None, words: str
) -> None:
    _write(db_url, 6)
    service = Service(db_url)
    assert service.audit_verify().ok
    _rewrite_and_rehash(db_url, 3, secret, key_id(KEY.encode()) if name == "keep" else name)
    report = service.audit_verify()
    assert not report.ok
    assert report.problems[0].seq == 3 and words in report.problems[0].message, report.problems
    shown = runner.invoke(app, ["audit", "verify", "--db", db_url])
    assert shown.exit_code == 1 and words in shown.output


def test_the_same_rewrite_passes_an_unkeyed_chain(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Why the key: without one, the rewrite above leaves a chain that verifies (and verify says so)."""
    monkeypatch.delenv("JIXIAO_AUDIT_KEY", raising=False)
    configure(None)
    _write(sqlite_url, 6)
    _rewrite_and_rehash(sqlite_url, 3, None, None)
    assert Service(sqlite_url).audit_verify().ok
    shown = runner.invoke(app, ["audit", "verify", "--db", sqlite_url])
    assert shown.exit_code == 0 and "未配置审计密钥" in shown.output


def test_deleted_and_reordered_rows_are_named(sqlite_url: str, keyed: None) -> None:
    _write(sqlite_url, 6)
    with get_engine(sqlite_url).begin() as conn:
        _drop_triggers(conn)
        conn.execute(text("DELETE FROM audit_log WHERE seq = 2"))
        # rows 4 and 5 swap places: each row takes the other's sequence number
        conn.execute(text("UPDATE audit_log SET seq = -4 WHERE seq = 4"))
        conn.execute(text("UPDATE audit_log SET seq = 4 WHERE seq = 5"))
        conn.execute(text("UPDATE audit_log SET seq = 5 WHERE seq = -4"))
    problems = Service(sqlite_url).audit_verify().problems
    messages = {p.seq: p.message for p in problems}
    assert "第 2 条记录缺失（被删除）" in messages[3]
    assert {4, 5} <= set(messages) and "被修改" in messages[4] + messages[5]


def test_lines_of_an_archive_moved_about_are_named(sqlite_url: str, keyed: None) -> None:
    _write(sqlite_url, 4)
    with get_engine(sqlite_url).connect() as conn:
        rows = _rows(conn)
    rows[1], rows[2] = rows[2], rows[1]
    report = ChainReport()
    check_rows(rows, 0, audit.GENESIS, report)
    assert any("顺序被打乱" in p.message for p in report.problems), report.problems


def test_keys_rotate_without_breaking_the_chain(
    sqlite_url: str, keyed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(sqlite_url, 3)
    monkeypatch.setenv("JIXIAO_AUDIT_KEY", NEW_KEY)
    monkeypatch.setenv("JIXIAO_AUDIT_OLD_KEYS", KEY)
    configure(None)
    _write(sqlite_url, 2)
    report = Service(sqlite_url).audit_verify()
    assert report.ok and report.rows == 5
    with get_engine(sqlite_url).connect() as conn:
        names = [r["key_id"] for r in _rows(conn)]
    assert names == [key_id(KEY.encode())] * 3 + [key_id(NEW_KEY.encode())] * 2
    monkeypatch.delenv("JIXIAO_AUDIT_OLD_KEYS")  # the old key lost: its rows cannot be verified
    configure(None)
    problems = Service(sqlite_url).audit_verify().problems
    assert [p.seq for p in problems] == [1, 2, 3] and "JIXIAO_AUDIT_OLD_KEYS" in problems[0].message


def test_rows_from_before_the_key_verify_up_to_the_named_row(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JIXIAO_AUDIT_KEY", raising=False)
    configure(None)
    _write(sqlite_url, 3)
    monkeypatch.setenv("JIXIAO_AUDIT_KEY", KEY)
    configure(None)
    _write(sqlite_url, 2)
    refused = Service(sqlite_url).audit_verify()
    assert [p.seq for p in refused.problems] == [1, 2, 3]  # unsigned rows are forgeries unless named
    monkeypatch.setenv("JIXIAO_AUDIT_UNKEYED_UNTIL", "3")
    configure(None)
    report = Service(sqlite_url).audit_verify()
    assert report.ok and report.unkeyed_rows == 3 and report.last_unkeyed_seq == 3
    shown = runner.invoke(app, ["audit", "verify", "--db", sqlite_url])
    assert shown.exit_code == 0 and "最后一条：第 3 条" in shown.output


@pytest.mark.parametrize(
    ("environ", "words"),
    [
        ({"JIXIAO_AUDIT_KEY": "short"}, "至少 32 个字符"),
        ({"JIXIAO_AUDIT_KEY_FILE": "/nonexistent/jixiao-audit.key"}, "无法读取审计密钥文件"),
        ({"JIXIAO_AUDIT_KEY": KEY, "JIXIAO_AUDIT_UNKEYED_UNTIL": "3a"}, "应为记录序号"),
    ],
)
def test_a_bad_key_setting_is_refused_in_chinese(environ: dict[str, str], words: str) -> None:
    with pytest.raises(AuditKeyError, match=words):
        AuditKeys.from_environ(environ)
