"""Users, roles, passwords (argon2) and login sessions (等保2.0 身份鉴别).

Passwords follow `jixiao.store.policy`; failed logins are throttled by `jixiao.store.throttle`, and
every refusal — unknown name, wrong password, throttled, disabled, a demo user outside demo mode —
raises `LoginFailed` with one and the same message (`LOGIN_REFUSED`) after the same work, so the
answer does not tell which names exist; the real reason goes to the audit log only. Sessions end
after ``session_hours`` or ``session_idle_minutes`` without use, on logout, on "log out everywhere",
on a password change and when the user is disabled; only a hash of the session token is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, insert, select, update

from jixiao.store import throttle
from jixiao.store.orgs import department_of, subtree_names
from jixiao.store.policy import DEFAULT_POLICY, AccountPolicy, PasswordRejected, check_password
from jixiao.store.schema import orgs, password_history, reviewer_departments, sessions, users
from jixiao.store.tables import ensure_orgs
from jixiao.workflow import Principal, Role

LOGIN_REFUSED = "用户名或密码错误，或尝试过于频繁已被暂时限制。请核对后再试，多次失败后需等待几分钟。"
TOUCH_EVERY = timedelta(seconds=60)  # a session's last use is written at most this often

_hasher = PasswordHasher()


class AccountError(Exception):
    """A user-facing problem with an account (message in Chinese)."""


class LoginFailed(AccountError):
    """A refused login. ``str()`` is always `LOGIN_REFUSED`; ``reason`` is for the audit log only:
    ``unknown_user``, ``wrong_password``, ``throttled``, ``disabled`` or ``demo_user``."""

    def __init__(self, reason: str, user_id: int | None = None, locked: Sequence[str] = ()) -> None:
        super().__init__(LOGIN_REFUSED)
        self.reason = reason
        self.user_id = user_id
        self.locked = list(locked)  # "account" and/or "address" when this failure started a lockout


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A user account as stored: name, role, unit, departments, disabled and demo flags."""

    id: int
    username: str
    display_name: str
    role: Role
    unit: str | None
    departments: tuple[str, ...]
    disabled: bool = False
    demo: bool = False
    created_at: datetime | None = field(default=None, compare=False)
    scope: tuple[str, ...] = field(default=(), compare=False)  # a reviewer's subtree
    department: str | None = field(default=None, compare=False)  # a 填报人's unit's department
    password_changed_at: datetime | None = field(default=None, compare=False)
    password_must_change: bool = field(default=False, compare=False)  # set by an administrator

    def principal(self, password_expired: bool = False) -> Principal:
        """The user as a principal, for permission checks."""
        return Principal(
            user_id=self.id,
            username=self.username,
            role=self.role,
            unit=self.unit,
            departments=self.departments,
            scope=self.scope,
            department=self.department,
            password_expired=password_expired,
            password_must_change=self.password_must_change and not self.demo,
        )


def hash_password(password: str) -> str:
    """The Argon2 hash of a password."""
    return _hasher.hash(password)


def _checked(password: str, username: str, policy: AccountPolicy) -> str:
    try:
        check_password(password, username, policy)
    except PasswordRejected as why:
        raise AccountError(str(why)) from None
    return hash_password(password)


def _check_role(role: Role, unit: str | None, departments: Sequence[str]) -> None:
    if role is Role.FILLER and not (unit and unit.strip()):
        raise AccountError("填报人必须指定所属单位（--unit）")
    if role is Role.REVIEWER and not [d for d in departments if d.strip()]:
        raise AccountError("审核人必须指定负责的主管部门（--department）")


def create_user(
    conn: Connection,
    username: str,
    password: str,
    role: Role,
    unit: str | None = None,
    departments: Sequence[str] = (),
    display_name: str = "",
    policy: AccountPolicy = DEFAULT_POLICY,
    demo: bool = False,
    must_change: bool = False,
) -> int:
    """Create a user after checking name and password policy; the new id, `AccountError` if refused.
    ``must_change``: the password was set for the user, who must set their own at first login."""
    username = username.strip()
    if not username:
        raise AccountError("用户名不能为空")
    if len(username) > 80:
        raise AccountError("用户名不能超过 80 个字符")
    if conn.execute(select(users.c.id).where(users.c.username == username)).first():
        raise AccountError(f"用户名 {username} 已存在")
    _check_role(role, unit, departments)
    password_hash = _checked(password, username, policy)
    org_ids = ensure_orgs(conn, [unit, *departments])
    stamp = datetime.now(UTC)
    user_id = conn.execute(
        insert(users).returning(users.c.id),
        [
            {
                "username": username,
                "display_name": display_name or username,
                "password_hash": password_hash,
                "role": role.value,
                "unit_id": org_ids.get(unit.strip()) if unit and role is Role.FILLER else None,
                "created_at": stamp,
                "password_changed_at": stamp,
                "demo": demo,
                "password_must_change": must_change and not demo,
            }
        ],
    ).scalar_one()
    _set_departments(conn, int(user_id), departments if role is Role.REVIEWER else (), org_ids)
    return int(user_id)


def _set_departments(
    conn: Connection, user_id: int, departments: Sequence[str], org_ids: dict[str, int]
) -> None:
    conn.execute(delete(reviewer_departments).where(reviewer_departments.c.user_id == user_id))
    names = sorted({d.strip() for d in departments if d.strip()})
    if names:
        conn.execute(
            insert(reviewer_departments), [{"user_id": user_id, "org_id": org_ids[n]} for n in names]
        )


def _departments_of(conn: Connection, user_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    if not user_ids:
        return {}
    rows = conn.execute(
        select(reviewer_departments.c.user_id, orgs.c.name)
        .join(orgs, orgs.c.id == reviewer_departments.c.org_id)
        .where(reviewer_departments.c.user_id.in_(list(user_ids)))
        .order_by(orgs.c.name)
    )
    found: dict[int, list[str]] = {}
    for row in rows:
        found.setdefault(row.user_id, []).append(row.name)
    return {key: tuple(value) for key, value in found.items()}


def _records(conn: Connection, where: Any = None) -> list[UserRecord]:
    query = (
        select(users, orgs.c.name.label("unit"))
        .outerjoin(orgs, orgs.c.id == users.c.unit_id)
        .order_by(users.c.id)
    )
    if where is not None:
        query = query.where(where)
    rows = conn.execute(query).all()
    departments = _departments_of(conn, [row.id for row in rows])
    return [
        UserRecord(
            id=row.id,
            username=row.username,
            display_name=row.display_name,
            role=Role(row.role),
            unit=row.unit,
            departments=departments.get(row.id, ()),
            disabled=row.disabled_at is not None,
            demo=bool(row.demo),
            created_at=row.created_at,
            scope=subtree_names(conn, departments.get(row.id, ())) if row.role == Role.REVIEWER.value else (),
            department=department_of(conn, row.unit) if row.role == Role.FILLER.value else None,
            password_changed_at=row.password_changed_at,
            password_must_change=bool(row.password_must_change),
        )
        for row in rows
    ]


def names_and_roles(conn: Connection) -> dict[int, tuple[str, Role]]:
    """Every account's username and role by id, in one query (no units, departments nor scopes)."""
    rows = conn.execute(select(users.c.id, users.c.username, users.c.role))
    return {row.id: (row.username, Role(row.role)) for row in rows}


def list_users(conn: Connection) -> list[UserRecord]:
    """All user accounts."""
    return _records(conn)


def get_user(conn: Connection, username: str) -> UserRecord | None:
    """The user of that name (surrounding spaces ignored), or None."""
    found = _records(conn, users.c.username == username.strip())
    return found[0] if found else None


def _require(conn: Connection, username: str) -> UserRecord:
    user = get_user(conn, username)
    if user is None:
        raise AccountError(f"没有用户 {username}")
    return user


def set_password(
    conn: Connection,
    username: str,
    password: str,
    policy: AccountPolicy = DEFAULT_POLICY,
    must_change: bool = False,
) -> UserRecord:
    """A new password; every session of the user ends (whoever had it can no longer use it).

    Refused (`PasswordReused`) when it is the present password or one of the user's earlier ones
    within the last `AccountPolicy.password_history` (demo users, whose passwords are published and
    set again by ``jixiao demo``, excepted). The present hash joins the history, which keeps no more
    than it needs. ``must_change``: set for the user (an administrator's reset), who must set their
    own at the next login; a user's own change clears it."""
    user = _require(conn, username)
    new_hash = _checked(password, user.username, policy)
    remembered = max(policy.password_history, 0)
    if remembered and not user.demo:
        if any(_matches(old, password) for old in _recent_hashes(conn, user.id, remembered)):
            raise PasswordReused(remembered)
        _retire_present_hash(conn, user.id, remembered - 1)
    conn.execute(
        update(users)
        .where(users.c.id == user.id)
        .values(
            password_hash=new_hash,
            password_changed_at=datetime.now(UTC),
            password_must_change=must_change and not user.demo,
        )
    )
    revoke_sessions(conn, user.id)
    return user


class PasswordReused(AccountError):
    """A new password that is the present one or one of the last N (message in Chinese)."""

    def __init__(self, remembered: int) -> None:
        super().__init__(f"新密码不能与最近 {remembered} 次使用过的密码相同，请换一个")
        self.remembered = remembered


def _matches(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def _recent_hashes(conn: Connection, user_id: int, remembered: int) -> list[str]:
    """The present hash and the newest ``remembered - 1`` earlier ones: the last ``remembered``."""
    present = conn.execute(select(users.c.password_hash).where(users.c.id == user_id)).scalar_one()
    earlier = conn.execute(
        select(password_history.c.password_hash)
        .where(password_history.c.user_id == user_id)
        .order_by(password_history.c.id.desc())
        .limit(max(remembered - 1, 0))
    ).scalars()
    return [present, *earlier][:remembered]


def _retire_present_hash(conn: Connection, user_id: int, keep: int) -> None:
    """Move the present hash into the history and drop all but the newest ``keep`` there."""
    if keep <= 0:
        conn.execute(delete(password_history).where(password_history.c.user_id == user_id))
        return
    present = conn.execute(select(users.c.password_hash).where(users.c.id == user_id)).scalar_one()
    conn.execute(
        insert(password_history),
        [{"user_id": user_id, "password_hash": present, "retired_at": datetime.now(UTC)}],
    )
    kept = select(password_history.c.id).where(password_history.c.user_id == user_id)
    newest = kept.order_by(password_history.c.id.desc()).limit(keep).scalar_subquery()
    conn.execute(
        delete(password_history).where(
            password_history.c.user_id == user_id, password_history.c.id.not_in(newest)
        )
    )


def set_disabled(conn: Connection, username: str, disabled: bool) -> UserRecord:
    """Disable (no login, every session ended) or enable a user."""
    user = _require(conn, username)
    conn.execute(
        update(users).where(users.c.id == user.id).values(disabled_at=datetime.now(UTC) if disabled else None)
    )
    if disabled:
        revoke_sessions(conn, user.id)
    return user


def set_role(
    conn: Connection, username: str, role: Role, unit: str | None, departments: Sequence[str]
) -> tuple[UserRecord, UserRecord]:
    """Change a user's role, unit (填报人) and departments (审核人); the old and new records. Takes
    effect on the user's next request (sessions read the account every time)."""
    before = _require(conn, username)
    _check_role(role, unit, departments)
    org_ids = ensure_orgs(conn, [unit, *departments])
    conn.execute(
        update(users)
        .where(users.c.id == before.id)
        .values(role=role.value, unit_id=org_ids.get(unit.strip()) if unit and role is Role.FILLER else None)
    )
    _set_departments(conn, before.id, departments if role is Role.REVIEWER else (), org_ids)
    after = _require(conn, username)
    return before, after


def check_current_password(conn: Connection, user_id: int, password: str) -> bool:
    """True if the password matches the user's stored hash."""
    row = conn.execute(select(users.c.password_hash).where(users.c.id == user_id)).first()
    return row is not None and _matches(row.password_hash, password)


def authenticate(
    conn: Connection,
    username: str,
    password: str,
    address: str | None = None,
    policy: AccountPolicy = DEFAULT_POLICY,
    allow_demo: bool = True,
    moment: datetime | None = None,
) -> UserRecord:
    """The user if the password is right and the login allowed; else `LoginFailed` (one message)."""
    moment = moment or datetime.now(UTC)
    name = username.strip()[:200]
    keys = throttle.Keys.of(name, address)
    row = conn.execute(select(users).where(users.c.username == name)).first() if name else None
    if throttle.refused_until(conn, keys, policy, moment) is not None:
        _hasher.hash(password)  # the same work as a real check: the answer's timing tells nothing
        raise LoginFailed("throttled", row.id if row else None)
    if row is None:
        _hasher.hash(password)
        raise LoginFailed("unknown_user", None, throttle.fail(conn, keys, policy, moment))
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise LoginFailed("wrong_password", row.id, throttle.fail(conn, keys, policy, moment)) from None
    if row.disabled_at is not None:
        raise LoginFailed("disabled", row.id)
    if row.demo and not allow_demo:
        raise LoginFailed("demo_user", row.id)
    throttle.succeed(conn, keys)
    if _hasher.check_needs_rehash(row.password_hash):
        conn.execute(update(users).where(users.c.id == row.id).values(password_hash=hash_password(password)))
    found = _records(conn, users.c.id == row.id)
    return found[0]


def _token_hash(token: str) -> str:
    # Only a hash is stored: a leaked database does not hand out live sessions.
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(conn: Connection, user_id: int, policy: AccountPolicy = DEFAULT_POLICY) -> str:
    """Open a session and return its token (only its hash is stored); expired sessions are purged."""
    token = secrets.token_urlsafe(32)
    stamp = datetime.now(UTC)
    conn.execute(delete(sessions).where(sessions.c.expires_at <= stamp))  # nothing kept past its use
    throttle.forget_old(conn, policy, stamp)
    conn.execute(
        insert(sessions),
        [
            {
                "token_hash": _token_hash(token),
                "user_id": user_id,
                "expires_at": stamp + policy.session_lifetime,
                "created_at": stamp,
                "last_seen_at": stamp,
            }
        ],
    )
    return token


def session_user(
    conn: Connection, token: str, policy: AccountPolicy = DEFAULT_POLICY, moment: datetime | None = None
) -> UserRecord | None:
    """The user of a live session, or None if the token is unknown, expired, idle too long, or its
    user disabled. An ended session is deleted; a live one's last use is recorded."""
    moment = moment or datetime.now(UTC)
    digest = _token_hash(token)
    row = conn.execute(select(sessions).where(sessions.c.token_hash == digest)).first()
    if row is None:
        return None
    last = row.last_seen_at or row.created_at
    if row.expires_at <= moment or last + policy.session_idle <= moment:
        conn.execute(delete(sessions).where(sessions.c.token_hash == digest))
        return None
    found = _records(conn, users.c.id == row.user_id)
    if not found or found[0].disabled:
        return None
    if moment - last >= TOUCH_EVERY:
        conn.execute(update(sessions).where(sessions.c.token_hash == digest).values(last_seen_at=moment))
    return found[0]


def close_session(conn: Connection, token: str) -> None:
    """End the session of this token."""
    conn.execute(delete(sessions).where(sessions.c.token_hash == _token_hash(token)))


def revoke_sessions(conn: Connection, user_id: int) -> int:
    """End every session of a user (log out everywhere); how many there were."""
    return int(conn.execute(delete(sessions).where(sessions.c.user_id == user_id)).rowcount or 0)
