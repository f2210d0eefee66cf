"""The password policy and where passwords are set (issue 10: "passwords `password`, `12345678` and
username = password are accepted"; passwords on the command line; demo users anywhere)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.cli.store import DEMO_USERS
from jixiao.service import Forbidden, Invalid, Service
from jixiao.store.policy import AccountPolicy, PasswordRejected, check_password, common_passwords
from jixiao.workflow import Role

runner = CliRunner()

# (password, username, the refusal's words or None when accepted)
CASES = [
    ("password", "zhang", "至少 3 种"),
    ("12345678", "zhang", "至少 3 种"),
    ("Password1", "zhang", "常见密码"),
    ("P@ssw0rd", "zhang", "常见密码"),
    ("Admin@123", "zhang", "常见密码"),
    ("Admin@2025", "zhang", "常见密码"),  # a common word with digits tacked on
    ("Qwer1234!", "zhang", "常见密码"),
    ("zhang-2025", "zhang", "用户名"),
    ("Zhang#2025", "zhang", "用户名"),
    ("gnahz-2025X", "zhang", "用户名"),  # reversed
    ("Ab1!", "zhang", "至少 8 个字符"),
    ("Aaaa-1111", "zhang", "常见密码"),  # too few different characters
    ("abcdefgh", "zhang", "至少 3 种"),
    ("correct-horse-1", "zhang", None),
    ("Blue-kite-481", "zhang", None),
    ("绩效目标Ab12", "zhang", None),  # Chinese counts as "other characters"
    *[(password, username, None) for username, password, *_ in DEMO_USERS],
]


@pytest.mark.parametrize(("password", "username", "refusal"), CASES)
def test_policy(password: str, username: str, refusal: str | None) -> None:
    if refusal is None:
        check_password(password, username)
        return
    with pytest.raises(PasswordRejected, match=refusal):
        check_password(password, username)


def test_the_common_list_is_shipped_and_lower_case() -> None:
    common = common_passwords()
    assert {"123456", "password", "admin@123", "woaini1314"} <= common
    assert all(item == item.lower() for item in common)


def test_policy_from_the_environment() -> None:
    policy = AccountPolicy.from_environ(
        {"JIXIAO_PASSWORD_MIN_LENGTH": "12", "JIXIAO_SESSION_IDLE_MINUTES": "15"}
    )
    assert policy.password_min_length == 12 and policy.session_idle_minutes == 15
    with pytest.raises(PasswordRejected, match="至少 12 个字符"):
        check_password("Blue-kite-4", "zhang", policy)
    with pytest.raises(ValueError, match="等保"):
        AccountPolicy.from_environ({"JIXIAO_PASSWORD_MIN_LENGTH": "6"})
    with pytest.raises(ValueError, match="整数"):
        AccountPolicy.from_environ({"JIXIAO_LOGIN_MAX_FAILURES": "five"})


def test_every_way_of_setting_a_password_applies_the_policy(db_url: str) -> None:
    service = Service(db_url)
    with pytest.raises(Invalid, match="常见密码"):
        service.add_user("zhang", "Password1", Role.ADMIN)
    service.add_user("zhang", "Blue-kite-481", Role.ADMIN)
    with pytest.raises(Invalid, match="用户名"):
        service.set_password("zhang", "Zhang-2025!")
    _, user = service.login("zhang", "Blue-kite-481")
    with pytest.raises(Invalid, match="至少 3 种"):
        service.change_own_password(user.principal(), "Blue-kite-481", "12345678")


def test_cli_takes_passwords_only_from_stdin_or_a_prompt(sqlite_url: str) -> None:
    db = ["--db", sqlite_url]
    on_line = runner.invoke(app, ["user", "add", "zhang", "--role", "admin", "--password", "X", *db])
    assert on_line.exit_code == 2 and "No such option" in on_line.output
    weak = runner.invoke(
        app, ["user", "add", "zhang", "--role", "admin", "--password-stdin", *db], input="12345678\n"
    )
    assert weak.exit_code == 1 and "至少 3 种" in weak.output
    ok = runner.invoke(
        app, ["user", "add", "zhang", "--role", "admin", "--password-stdin", *db], input="Blue-kite-481\n"
    )
    assert ok.exit_code == 0, ok.output
    prompted = runner.invoke(app, ["user", "passwd", "zhang", *db], input="Green-owl-582\nGreen-owl-582\n")
    assert prompted.exit_code == 0 and "Green-owl-582" not in prompted.output
    typo = runner.invoke(app, ["user", "passwd", "zhang", *db], input="Green-owl-582\nGreen-owl-583\n" * 3)
    assert typo.exit_code != 0
    Service(sqlite_url).login("zhang", "Green-owl-582")


def test_demo_users_log_in_only_in_demo_mode(tmp_path: Path, seed_path: Path) -> None:
    target = tmp_path / "demo.sqlite"
    done = runner.invoke(app, ["demo", str(seed_path), "--db", str(target), "--no-serve", "--json"])
    assert done.exit_code == 0, done.output
    name, password = json.loads(done.stdout)["users"][2]["username"], DEMO_USERS[2][1]
    production = Service(str(target))
    production.demo_mode = False
    with pytest.raises(Forbidden):
        production.login(name, password)
    demo = Service(str(target))
    demo.demo_mode = True
    assert demo.login(name, password)[1].demo


def test_demo_refuses_a_database_with_real_users(tmp_path: Path, seed_path: Path) -> None:
    target = tmp_path / "real.sqlite"
    runner.invoke(app, ["db", "upgrade", "--db", str(target)])
    Service(str(target)).add_user("zhang", "Blue-kite-481", Role.ADMIN)
    refused = runner.invoke(app, ["demo", str(seed_path), "--db", str(target), "--no-serve"])
    assert refused.exit_code == 1 and "正式用户" in refused.output
    assert [u.username for u in Service(str(target)).users()] == ["zhang"]
