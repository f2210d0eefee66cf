"""Users, roles, passwords (argon2), login sessions with expiry, and lockout after failed logins."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, insert, select, update

from jixiao.store.schema import orgs, reviewer_departments, sessions, users
from jixiao.store.tables import ensure_orgs
from jixiao.workflow import Principal, Role

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=8)

_hasher = PasswordHasher()


class AccountError(Exception):
    """A user-facing problem with an account (message in Chinese)."""


@dataclass(frozen=True, slots=True)
class UserRecord:
    id: int
    username: str
    display_name: str
    role: Role
    unit: str | None
    departments: tuple[str, ...]
    locked_until: datetime | None

    def principal(self) -> Principal:
        return Principal(
            user_id=self.id,
            username=self.username,
            role=self.role,
            unit=self.unit,
            departments=self.departments,
        )


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _check_password_strength(password: str) -> None:
    if len(password) < 8:
        raise AccountError("密码至少 8 个字符")


def create_user(
    conn: Connection,
    username: str,
    password: str,
    role: Role,
    unit: str | None = None,
    departments: Sequence[str] = (),
    display_name: str = "",
) -> int:
    username = username.strip()
    if not username:
        raise AccountError("用户名不能为空")
    if conn.execute(select(users.c.id).where(users.c.username == username)).first():
        raise AccountError(f"用户名 {username} 已存在")
    if role is Role.FILLER and not unit:
        raise AccountError("填报人必须指定所属单位（--unit）")
    if role is Role.REVIEWER and not departments:
        raise AccountError("审核人必须指定负责的主管部门（--department）")
    _check_password_strength(password)
    org_ids = ensure_orgs(conn, [unit, *departments])
    user_id = conn.execute(
        insert(users).returning(users.c.id),
        [
            {
                "username": username,
                "display_name": display_name or username,
                "password_hash": hash_password(password),
                "role": role.value,
                "unit_id": org_ids.get(unit.strip()) if unit else None,
                "failed_logins": 0,
                "created_at": datetime.now(UTC),
            }
        ],
    ).scalar_one()
    if departments:
        conn.execute(
            insert(reviewer_departments),
            [{"user_id": user_id, "org_id": org_ids[d.strip()]} for d in departments if d.strip()],
        )
    return int(user_id)


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
            locked_until=row.locked_until,
        )
        for row in rows
    ]


def list_users(conn: Connection) -> list[UserRecord]:
    return _records(conn)


def get_user(conn: Connection, username: str) -> UserRecord | None:
    found = _records(conn, users.c.username == username)
    return found[0] if found else None


def set_password(conn: Connection, username: str, password: str) -> None:
    _check_password_strength(password)
    changed = conn.execute(
        update(users)
        .where(users.c.username == username)
        .values(password_hash=hash_password(password), failed_logins=0, locked_until=None)
    )
    if changed.rowcount != 1:
        raise AccountError(f"没有用户 {username}")


def authenticate(
    conn: Connection, username: str, password: str, moment: datetime | None = None
) -> UserRecord:
    """The user if the password is right; counts failures and locks the account after too many."""
    moment = moment or datetime.now(UTC)
    row = conn.execute(select(users).where(users.c.username == username.strip())).first()
    generic = AccountError("用户名或密码错误")
    if row is None:
        _hasher.hash(password)  # spend the same time as a real check, so names cannot be probed
        raise generic
    if row.locked_until is not None and row.locked_until > moment:
        raise AccountError(f"登录失败次数过多，账户已锁定至 {row.locked_until:%H:%M}（UTC），请稍后再试")
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        failures = row.failed_logins + 1
        locked = moment + LOCKOUT if failures >= MAX_FAILED_LOGINS else None
        conn.execute(
            update(users)
            .where(users.c.id == row.id)
            .values(failed_logins=0 if locked else failures, locked_until=locked)
        )
        if locked:
            raise AccountError(f"连续 {MAX_FAILED_LOGINS} 次密码错误，账户已锁定 15 分钟") from None
        raise generic from None
    conn.execute(update(users).where(users.c.id == row.id).values(failed_logins=0, locked_until=None))
    record = get_user(conn, row.username)
    assert record is not None
    return record


def _token_hash(token: str) -> str:
    # Only a hash is stored: a leaked database does not hand out live sessions.
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(conn: Connection, user_id: int, lifetime: timedelta = SESSION_LIFETIME) -> str:
    token = secrets.token_urlsafe(32)
    stamp = datetime.now(UTC)
    conn.execute(
        insert(sessions),
        [
            {
                "token_hash": _token_hash(token),
                "user_id": user_id,
                "expires_at": stamp + lifetime,
                "created_at": stamp,
            }
        ],
    )
    return token


def session_user(conn: Connection, token: str, moment: datetime | None = None) -> UserRecord | None:
    """The user of a live session, or None if the token is unknown or expired."""
    moment = moment or datetime.now(UTC)
    row = conn.execute(
        select(sessions.c.user_id, sessions.c.expires_at).where(sessions.c.token_hash == _token_hash(token))
    ).first()
    if row is None or row.expires_at <= moment:
        return None
    found = _records(conn, users.c.id == row.user_id)
    return found[0] if found else None


def close_session(conn: Connection, token: str) -> None:
    conn.execute(delete(sessions).where(sessions.c.token_hash == _token_hash(token)))
