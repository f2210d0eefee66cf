"""Passwords are changed periodically (等保2.0 二级 身份鉴别: 身份鉴别信息……定期更换): past
`password_max_age_days` (90 by default, ``JIXIAO_PASSWORD_MAX_AGE_DAYS``) every page but the account
page sends the user to change it, the API refuses in Chinese, and a new password lets them back in.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import update

from jixiao.store.db import get_engine
from jixiao.store.policy import AccountPolicy
from jixiao.store.schema import users
from tests.web.helpers import PASSWORD

NEW = "Spring-lake-2027"


def _age(url: str, username: str, days: int) -> None:
    moment = datetime.now(UTC) - timedelta(days=days)
    with get_engine(url).begin() as conn:
        conn.execute(update(users).where(users.c.username == username).values(password_changed_at=moment))


def test_an_old_password_sends_every_page_to_the_account_page(app_factory: Any, seeded_url: str) -> None:
    _age(seeded_url, "tianbao", 91)
    browser = app_factory("tianbao")  # the login itself succeeds
    for path in ("/", "/tables", "/todo", "/import"):
        response = browser.get(path, follow_redirects=False)
        assert (response.status_code, response.headers.get("location")) == (303, "/account?expired=1"), path
    refused = browser.get("/api/tables")
    assert refused.status_code == 403 and "90 天未更换" in refused.json()["error"]
    page = browser.get("/account?expired=1")
    assert page.status_code == 200 and 'data-testid="expired"' in page.text

    changed = browser.post("/account/password", {"current": PASSWORD, "new": NEW, "confirm": NEW})
    assert changed.status_code == 200 and 'data-testid="done"' in changed.text
    assert browser.get("/tables", follow_redirects=False).status_code == 200
    assert browser.get("/api/tables").status_code == 200


def test_a_recent_password_and_other_users_are_not_held_up(app_factory: Any, seeded_url: str) -> None:
    _age(seeded_url, "tianbao", 89)
    _age(seeded_url, "shenhe", 400)
    assert app_factory("tianbao").get("/tables", follow_redirects=False).status_code == 200
    assert app_factory("guanli").get("/tables", follow_redirects=False).status_code == 200
    assert app_factory("shenhe").get("/tables", follow_redirects=False).status_code == 303


def test_the_age_is_a_setting_and_zero_turns_it_off() -> None:
    long_ago = datetime.now(UTC) - timedelta(days=1000)
    assert AccountPolicy().password_expired(long_ago)
    assert not AccountPolicy.from_environ({"JIXIAO_PASSWORD_MAX_AGE_DAYS": "0"}).password_expired(long_ago)
    assert not AccountPolicy.from_environ({"JIXIAO_PASSWORD_MAX_AGE_DAYS": "1200"}).password_expired(long_ago)
    assert not AccountPolicy().password_expired(None)  # set before jixiao recorded when
