"""Passwords an administrator sets are the user's to replace, and old passwords stay retired
(等保2.0 二级 身份鉴别): a new user or a reset password is changed at first login, on the web and
after the command line's `user add` / `user passwd`; nobody may take back any of their last N
passwords (``JIXIAO_PASSWORD_HISTORY``, 5 by default), of which only argon2 hashes are kept. Every
step, refusals included, leaves an audit row."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.permissions import OPERATOR
from jixiao.service import Invalid, Service
from jixiao.store.db import get_engine
from jixiao.store.policy import AccountPolicy
from jixiao.store.schema import password_history, users
from jixiao.workflow import Role
from tests.web.helpers import PASSWORD

runner = CliRunner()
FIRST = "Admin-chosen-481"  # what the administrator typed
OWN = ["River-stone-2026", "Maple-leaf-3027", "Quiet-harbor-40", "Amber-field-512", "Silver-moon-619"]
MUST_CHANGE = "管理员设置"


def _audit(url: str, action: str, username: str) -> list[dict[str, Any]]:
    entries = Service(url).audit_entries(OPERATOR)
    return [e for e in entries if e["action"] == action and (e["detail"] or {}).get("username") == username]


def _held_at_the_account_page(browser: Any) -> None:
    for path in ("/", "/tables", "/todo"):
        answer = browser.get(path, follow_redirects=False)
        assert (answer.status_code, answer.headers.get("location")) == (303, "/account?expired=1"), path
    refused = browser.get("/api/tables")
    assert refused.status_code == 403 and MUST_CHANGE in refused.json()["error"]
    assert 'data-testid="must-change"' in browser.get("/account").text


def test_a_user_an_administrator_adds_sets_their_own_password_first(
    app_factory: Any, seeded_url: str
) -> None:
    admin = app_factory("guanli")
    form = {"username": "xinren", "password": FIRST, "role": "filler", "unit": "东莞市妇女联合会"}
    assert admin.post("/admin/users", form).status_code == 303
    newcomer = app_factory()
    assert newcomer.login("xinren", FIRST).status_code == 303
    _held_at_the_account_page(newcomer)

    again = newcomer.post("/account/password", {"current": FIRST, "new": FIRST, "confirm": FIRST})
    assert again.status_code == 400 and "最近 5 次" in again.text  # the administrator's is not kept
    done = newcomer.post("/account/password", {"current": FIRST, "new": OWN[0], "confirm": OWN[0]})
    assert done.status_code == 200 and 'data-testid="done"' in done.text
    assert 'data-testid="must-change"' not in done.text
    assert newcomer.get("/tables", follow_redirects=False).status_code == 200
    assert newcomer.get("/api/tables").status_code == 200

    added = _audit(seeded_url, "user_add", "xinren")
    assert added and added[0]["detail"]["must_change"] is True
    changes = _audit(seeded_url, "password", "xinren")
    assert [(e["outcome"], e["detail"].get("reason")) for e in changes] == [
        ("success", None),
        ("failure", "password_reused"),
    ]  # newest first
    assert changes[0]["detail"]["replaced_temporary"] is True


def test_a_reset_password_is_changed_at_the_next_login(app_factory: Any, seeded_url: str) -> None:
    admin, user = app_factory("guanli"), app_factory("tianbao")
    assert user.get("/tables", follow_redirects=False).status_code == 200
    assert admin.post("/admin/users/tianbao/password", {"password": FIRST}).status_code == 303
    assert user.get("/api/me").json()["username"] is None  # the reset ended the session
    assert user.login("tianbao", FIRST).status_code == 303
    _held_at_the_account_page(user)
    assert (
        user.post("/account/password", {"current": FIRST, "new": OWN[0], "confirm": OWN[0]}).status_code
        == 200
    )
    assert user.get("/todo", follow_redirects=False).status_code == 200
    reset = _audit(seeded_url, "password", "tianbao")[-1]
    assert reset["detail"]["must_change"] is True and reset["user_id"] is not None  # by the administrator
    assert app_factory("shenhe").get("/tables", follow_redirects=False).status_code == 200  # others not


def test_none_of_the_last_five_passwords_comes_back(seeded_url: str) -> None:
    service = Service(seeded_url)
    user = service.login("tianbao", PASSWORD)[1].principal()
    current = PASSWORD
    for new in OWN:  # PASSWORD, then five of their own
        service.change_own_password(user, current, new)
        current = new
    for old in OWN:  # the last five, the present one included
        with pytest.raises(Invalid, match="最近 5 次"):
            service.change_own_password(user, current, old)
    service.change_own_password(user, current, PASSWORD)  # the sixth back is free again
    assert service.login("tianbao", PASSWORD)

    with get_engine(seeded_url).connect() as conn:
        user_id = conn.execute(select(users.c.id).where(users.c.username == "tianbao")).scalar_one()
        kept = conn.execute(
            select(password_history.c.password_hash).where(password_history.c.user_id == user_id)
        ).scalars().all()  # fmt: skip
    assert len(kept) == 4  # with the present hash, the last five
    assert all(h.startswith("$argon2") for h in kept)
    assert not {PASSWORD, *OWN} & set(kept)
    refusals = [e for e in _audit(seeded_url, "password", "tianbao") if e["outcome"] == "failure"]
    assert len(refusals) == len(OWN) and all(e["detail"]["reason"] == "password_reused" for e in refusals)


def test_the_command_line_sets_a_password_the_user_replaces(sqlite_url: str) -> None:
    db = ["--db", sqlite_url]
    added = runner.invoke(
        app, ["user", "add", "zhang", "--role", "admin", "--password-stdin", *db], input=f"{FIRST}\n"
    )
    assert added.exit_code == 0 and "首次登录后须先修改" in added.output
    service = Service(sqlite_url)
    token, record = service.login("zhang", FIRST)
    assert service.principal_for(token).password_must_change
    service.change_own_password(record.principal(), FIRST, OWN[0])
    assert not service.principal_for(service.login("zhang", OWN[0])[0]).password_must_change

    reused = runner.invoke(app, ["user", "passwd", "zhang", "--password-stdin", *db], input=f"{FIRST}\n")
    assert reused.exit_code == 1 and "最近 5 次" in reused.output
    reset = runner.invoke(app, ["user", "passwd", "zhang", "--password-stdin", *db], input=f"{OWN[1]}\n")
    assert reset.exit_code == 0 and "下次登录后须先改为自己的密码" in reset.output
    assert service.principal_for(service.login("zhang", OWN[1])[0]).password_must_change
    entries = _audit(sqlite_url, "password", "zhang")
    assert [(e["outcome"], e["detail"].get("reason")) for e in entries[:2]] == [
        ("success", None),
        ("failure", "password_reused"),
    ]
    assert entries[0]["detail"]["must_change"] is True


def test_both_rules_are_settings(sqlite_url: str) -> None:
    policy = AccountPolicy.from_environ(
        {"JIXIAO_PASSWORD_HISTORY": "0", "JIXIAO_PASSWORD_CHANGE_AFTER_RESET": "0"}
    )
    service = Service(sqlite_url)
    service.account_policy = policy
    service.add_user("zhang", FIRST, Role.ADMIN, temporary=True)
    token, _ = service.login("zhang", FIRST)
    assert not service.principal_for(token).password_must_change
    service.set_password("zhang", FIRST, temporary=True)  # no history: the same one is allowed
    with pytest.raises(ValueError, match="0 到 24"):
        AccountPolicy.from_environ({"JIXIAO_PASSWORD_HISTORY": "-1"})
