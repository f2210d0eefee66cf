"""Sessions end when they should (issue 10: "changing a password leaves old sessions valid; no idle
timeout; no way to disable a user or change a role"), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from jixiao.service import Invalid, Service
from jixiao.store.db import get_engine
from jixiao.store.schema import sessions, users
from jixiao.workflow import Role
from tests.web.helpers import PASSWORD

NEW_PASSWORD = "Fresh-river-93"


def _who(browser: Any) -> str | None:
    name: str | None = browser.get("/api/me").json()["username"]
    return name


def _age_sessions(url: str, **shift: timedelta) -> None:
    """Move tianbao's sessions back in time."""
    now = datetime.now(UTC)
    mine = select(users.c.id).where(users.c.username == "tianbao").scalar_subquery()
    with get_engine(url).begin() as conn:
        conn.execute(
            update(sessions)
            .where(sessions.c.user_id == mine)
            .values({column: now - delta for column, delta in shift.items()})
        )


# Each way a user's sessions end: (name, what happens, given the service and one of the browsers)
ENDINGS: list[tuple[str, Callable[[Service, Any], object]]] = [
    ("password set by the operator", lambda s, _: s.set_password("tianbao", NEW_PASSWORD)),
    ("user disabled", lambda s, _: s.set_user_disabled("tianbao", True)),
    ("operator logs the user out", lambda s, _: s.revoke_user_sessions("tianbao")),
    ("logout everywhere", lambda _, b: b.post("/logout/everywhere")),
    ("idle for 31 minutes", lambda s, _: _age_sessions(s.url, last_seen_at=timedelta(minutes=31))),
    ("older than 8 hours", lambda s, _: _age_sessions(s.url, expires_at=timedelta(seconds=1))),
]


@pytest.mark.parametrize("ending", ENDINGS, ids=[e[0] for e in ENDINGS])
def test_sessions_end(
    app_factory: Any, seeded_url: str, ending: tuple[str, Callable[[Service, Any], object]]
) -> None:
    first, second = app_factory("tianbao"), app_factory("tianbao")  # two devices
    bystander = app_factory("tianbao2")
    assert _who(first) == _who(second) == "tianbao"
    ending[1](Service(seeded_url), first)
    assert _who(first) is None and _who(second) is None
    assert _who(bystander) == "tianbao2"  # other users' sessions are untouched


def test_a_session_in_use_is_kept_alive(app_factory: Any, seeded_url: str) -> None:
    browser = app_factory("tianbao")
    _age_sessions(seeded_url, last_seen_at=timedelta(minutes=29))
    assert _who(browser) == "tianbao"  # the request records its use: the idle clock starts again
    with get_engine(seeded_url).connect() as conn:
        seen = conn.execute(
            select(sessions.c.last_seen_at).where(sessions.c.user_id.isnot(None))
        ).scalar_one()
    assert datetime.now(UTC) - seen < timedelta(minutes=1)


def test_disabled_user_cannot_log_in_until_enabled(app_factory: Any, seeded_url: str) -> None:
    service = Service(seeded_url)
    service.set_user_disabled("tianbao", True)
    assert app_factory().login("tianbao").status_code == 401
    assert next(u for u in service.users() if u.username == "tianbao").disabled
    service.set_user_disabled("tianbao", False)
    assert app_factory().login("tianbao").status_code == 303


def test_old_password_stops_working(app_factory: Any, seeded_url: str) -> None:
    Service(seeded_url).set_password("tianbao", NEW_PASSWORD)
    assert app_factory().login("tianbao").status_code == 401
    assert app_factory().login("tianbao", NEW_PASSWORD).status_code == 303


def test_role_change_takes_effect_on_the_next_request(app_factory: Any, seeded_url: str) -> None:
    filler = app_factory("tianbao")
    assert filler.get("/queue").status_code == 403
    user = Service(seeded_url).set_user_role("tianbao", Role.REVIEWER, None, ["东莞市妇女联合会"])
    assert user.role is Role.REVIEWER and user.unit is None and user.departments == ("东莞市妇女联合会",)
    assert filler.get("/queue").status_code == 200
    me = filler.get("/api/me").json()
    assert me["role"] == "reviewer" and me["departments"] == ["东莞市妇女联合会"]
    with pytest.raises(Invalid, match="主管部门"):
        Service(seeded_url).set_user_role("tianbao", Role.REVIEWER, None, [])


def test_user_changes_own_password_on_the_account_page(app_factory: Any, seeded_url: str) -> None:
    here, elsewhere = app_factory("tianbao"), app_factory("tianbao")
    assert "修改密码" in here.get("/account").text
    wrong = here.post(
        "/account/password", {"current": "Not-mine-42", "new": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert wrong.status_code == 400 and "当前密码不正确" in wrong.text
    weak = here.post("/account/password", {"current": PASSWORD, "new": "12345678", "confirm": "12345678"})
    assert weak.status_code == 400 and "至少 3 种" in weak.text
    mismatch = here.post("/account/password", {"current": PASSWORD, "new": NEW_PASSWORD, "confirm": "x"})
    assert mismatch.status_code == 400 and "不一致" in mismatch.text
    done = here.post("/account/password", {"current": PASSWORD, "new": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 200 and "密码已修改" in done.text
    assert _who(here) == "tianbao"  # this browser got a new session
    assert _who(elsewhere) is None  # every other one ended
    with get_engine(seeded_url).connect() as conn:
        assert conn.execute(select(func.count()).select_from(sessions)).scalar_one() == 1
    assert app_factory().login("tianbao", NEW_PASSWORD).status_code == 303


def test_anonymous_cannot_open_the_account_page(app_factory: Any) -> None:
    response = app_factory().get("/account", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_logout_deletes_the_session(app_factory: Any, seeded_url: str) -> None:
    browser = app_factory("tianbao")
    assert browser.post("/logout").status_code == 303
    with get_engine(seeded_url).connect() as conn:
        # 剩余信息保护: nothing of the session is kept (the other users never logged in here)
        assert conn.execute(select(func.count()).select_from(sessions)).scalar_one() == 0
