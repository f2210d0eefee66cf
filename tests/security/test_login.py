"""Login throttling and username enumeration (issue 10: "5 failed logins every 15 min keep any account
locked forever, and the lockout message confirms which usernames exist").

The timing tests drive `accounts.authenticate` with an explicit clock; the others go through the
service and the web form, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from jixiao.service import Forbidden, Service
from jixiao.store import accounts
from jixiao.store.db import get_engine
from jixiao.store.policy import AccountPolicy
from jixiao.workflow import Role
from tests.web.helpers import PASSWORD, Browser

POLICY = AccountPolicy()  # 5 failures, then 1, 2, 4 … minutes, at most 30
T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
ATTACKER, OWNER = "203.0.113.9", "198.51.100.7"


@pytest.fixture
def service(db_url: str) -> Service:
    service = Service(db_url)
    service.add_user("tianbao", PASSWORD, Role.FILLER, "东莞市妇女联合会")
    service.add_user("guanli", PASSWORD, Role.ADMIN)
    return service


def _try(service: Service, name: str, password: str, address: str, at: datetime) -> str:
    """One attempt at a given time: "ok", or the refusal's reason (as the audit log would record)."""
    with get_engine(service.url).begin() as conn:
        try:
            accounts.authenticate(conn, name, password, address, POLICY, moment=at)
        except accounts.LoginFailed as why:
            assert str(why) == accounts.LOGIN_REFUSED
            failure = why.reason
        else:
            return "ok"
    return failure


def test_growing_delay_from_the_guessing_address(service: Service) -> None:
    for minute in range(5):
        assert _try(service, "guanli", "wrong", ATTACKER, T0 + timedelta(seconds=minute)) == "wrong_password"
    # locked for 1 minute: even the right password is refused, unchecked, from this address
    assert _try(service, "guanli", PASSWORD, ATTACKER, T0 + timedelta(seconds=30)) == "throttled"
    # refused attempts do not extend the lock: it ends on time
    after = T0 + timedelta(seconds=4 + 61)
    assert _try(service, "guanli", "wrong", ATTACKER, after) == "wrong_password"  # locks again: 2 min
    assert _try(service, "guanli", PASSWORD, ATTACKER, after + timedelta(seconds=90)) == "throttled"
    delays, moment = [], after
    for _ in range(6):  # each further failure locks for twice as long, capped at 30 minutes
        with get_engine(service.url).connect() as conn:
            from jixiao.store import throttle

            keys = throttle.Keys.of("guanli", ATTACKER)
            until = throttle.refused_until(conn, keys, POLICY, moment)
        assert until is not None
        delays.append(round((until - moment).total_seconds() / 60))
        moment = until + timedelta(seconds=1)
        assert _try(service, "guanli", "wrong", ATTACKER, moment) == "wrong_password"
    assert delays == [2, 4, 8, 16, 30, 30]


def test_the_owner_at_another_address_is_not_locked_out(service: Service) -> None:
    for second in range(5):
        _try(service, "guanli", "wrong", ATTACKER, T0 + timedelta(seconds=second))
    assert _try(service, "guanli", PASSWORD, ATTACKER, T0 + timedelta(seconds=10)) == "throttled"
    assert _try(service, "guanli", PASSWORD, OWNER, T0 + timedelta(seconds=11)) == "ok"
    # the owner's success clears the account's count: the attacker starts over (5 more guesses, slowly)
    assert _try(service, "guanli", "wrong", ATTACKER, T0 + timedelta(minutes=2)) == "wrong_password"


def test_a_guesser_with_many_addresses_gets_one_guess_each_while_locked(service: Service) -> None:
    for second in range(5):
        _try(service, "guanli", "wrong", ATTACKER, T0 + timedelta(seconds=second))
    others = [f"192.0.2.{n}" for n in range(1, 4)]
    for n, address in enumerate(others):
        assert _try(service, "guanli", "wrong", address, T0 + timedelta(seconds=10 + n)) == "wrong_password"
        assert _try(service, "guanli", "wrong", address, T0 + timedelta(seconds=20 + n)) == "throttled"


def test_an_address_guessing_many_names_is_slowed(service: Service) -> None:
    for n in range(POLICY.address_max_failures):
        assert _try(service, f"name{n}", "wrong", ATTACKER, T0 + timedelta(seconds=n)) == "unknown_user"
    assert _try(service, "tianbao", PASSWORD, ATTACKER, T0 + timedelta(seconds=30)) == "throttled"
    assert _try(service, "tianbao", PASSWORD, OWNER, T0 + timedelta(seconds=31)) == "ok"
    assert _try(service, "tianbao", PASSWORD, ATTACKER, T0 + timedelta(minutes=2)) == "ok"


def test_failures_are_forgotten_after_a_quiet_hour(service: Service) -> None:
    for second in range(4):
        _try(service, "guanli", "wrong", ATTACKER, T0 + timedelta(seconds=second))
    later = T0 + timedelta(hours=1, minutes=1)
    for second in range(4):  # four more do not lock: the first four are forgotten
        assert (
            _try(service, "guanli", "wrong", ATTACKER, later + timedelta(seconds=second)) == "wrong_password"
        )
    assert _try(service, "guanli", PASSWORD, ATTACKER, later + timedelta(seconds=10)) == "ok"


# The answer to every failed login, whatever the reason: (name, password, how the account is set up)
REFUSALS = [
    ("unknown user", "nobody", PASSWORD, None),
    ("wrong password", "tianbao", "Wrong-pass-1", None),
    ("locked account", "tianbao", PASSWORD, "lock"),
    ("locked unknown user", "nobody", PASSWORD, "lock"),
    ("disabled user", "tianbao", PASSWORD, "disable"),
]


@pytest.mark.parametrize(("case", "name", "password", "setup"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_every_refusal_looks_the_same(
    app_factory: Any, seeded_url: str, case: str, name: str, password: str, setup: str | None
) -> None:
    browser = app_factory()
    if setup == "lock":
        for _ in range(5):
            browser.login(name, "Wrong-pass-1")
    elif setup == "disable":
        Service(seeded_url).set_user_disabled(name, True)
    answer = browser.login(name, password)
    assert answer.status_code == 401
    assert accounts.LOGIN_REFUSED in answer.text
    for telling in ("锁定至", "不存在", "已停用", "连续"):
        assert telling not in answer.text, case
    assert browser.get("/api/me").json()["username"] is None


def test_web_login_from_another_address_while_the_account_is_locked(app_factory: Any) -> None:
    guesser = app_factory()
    for _ in range(6):
        assert guesser.login("guanli", "Wrong-pass-1").status_code == 401
    assert guesser.login("guanli").status_code == 401
    app = guesser.client.app
    with TestClient(app, client=(OWNER, 50000)) as client:
        owner = Browser(client)
        assert owner.login("guanli").status_code == 303
        assert owner.get("/api/me").json()["username"] == "guanli"


def test_service_login_refusal_is_one_forbidden_message(service: Service) -> None:
    with pytest.raises(Forbidden) as unknown:
        service.login("nobody", PASSWORD, ATTACKER)
    with pytest.raises(Forbidden) as wrong:
        service.login("tianbao", "Wrong-pass-1", ATTACKER)
    assert unknown.value.message == wrong.value.message == accounts.LOGIN_REFUSED
