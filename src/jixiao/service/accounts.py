"""Accounts through the facade: users, passwords, logins, sessions, and the audit log's own
operations (verify, archive, recording refusals). The rules live in `jixiao.store.accounts`,
`jixiao.store.policy`, `jixiao.store.throttle` and `jixiao.store.audit`/`audit_chain`.

Every change and every refusal is written to the audit log in the same transaction, with the user,
the source address and the operating-system user of the CLI taken from `jixiao.store.audit.context`
(set by the faces through `set_audit_context`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from datetime import datetime
from typing import IO, Any

from jixiao.service.base import ServiceBase
from jixiao.service.errors import Forbidden, Invalid, NotFound, ServiceError
from jixiao.store import accounts, audit, audit_chain
from jixiao.store.accounts import UserRecord
from jixiao.store.audit import DENIED, FAILURE
from jixiao.store.audit import reset_context as reset_audit_context
from jixiao.store.audit import set_context as set_audit_context
from jixiao.store.audit_chain import verify_archive as verify_audit_archive
from jixiao.store.policy import AccountPolicy
from jixiao.workflow import ANONYMOUS, Principal, Role

__all__ = [
    "AccountPolicy",
    "AccountService",
    "reset_audit_context",
    "set_audit_context",
    "verify_audit_archive",
]


class AccountService(ServiceBase):
    """Users, logins and sessions, and the audit log's own operations; the policy comes from the
    environment unless set (the web settings)."""

    _account_policy: AccountPolicy | None = None
    _demo_mode: bool | None = None

    @property
    def account_policy(self) -> AccountPolicy:
        """The account policy (passwords, lockout, sessions), read from the environment on first use."""
        if self._account_policy is None:
            self._account_policy = AccountPolicy.from_environ()
        return self._account_policy

    @account_policy.setter
    def account_policy(self, policy: AccountPolicy) -> None:
        self._account_policy = policy

    @property
    def demo_mode(self) -> bool:
        """Whether demo users (whose passwords are published) may log in: ``jixiao demo``, or
        ``JIXIAO_DEMO=1``; never otherwise."""
        if self._demo_mode is None:
            return os.environ.get("JIXIAO_DEMO", "") == "1"
        return self._demo_mode

    @demo_mode.setter
    def demo_mode(self, value: bool) -> None:
        self._demo_mode = value

    # ---- users -------------------------------------------------------------------------------

    def add_user(
        self,
        username: str,
        password: str,
        role: Role,
        unit: str | None = None,
        departments: Sequence[str] = (),
        by: Principal | None = None,
        demo: bool = False,
        temporary: bool = False,
    ) -> int:
        """Create a user and audit it; returns the new user's id, `Invalid` with the reason if refused.
        ``temporary``: an administrator (or the CLI's operator) chose the password, so the user must
        set their own at first login (unless the policy's ``password_change_after_reset`` is 0)."""
        must_change = self._must_change(temporary, demo)
        try:
            with self.engine.begin() as conn:
                user_id = accounts.create_user(
                    conn, username, password, role, unit, departments, policy=self.account_policy,
                    demo=demo, must_change=must_change,
                )  # fmt: skip
                detail = {
                    "username": username.strip(),
                    "role": role.value,
                    "unit": unit,
                    "departments": list(departments),
                    "demo": demo,
                    "must_change": must_change,
                }
                audit.record(conn, by.user_id if by else None, "user_add", "user", user_id, detail)
                return user_id
        except accounts.AccountError as why:
            raise Invalid(str(why)) from None

    def users(self) -> list[UserRecord]:
        """Every user account, with role, unit and departments."""
        with self.engine.connect() as conn:
            return accounts.list_users(conn)

    def actor_labels(self) -> dict[int, str]:
        """「角色 用户名」 of every account by id: who did what on a table's page (one query, where
        `users` makes two a user for their departments and scope)."""
        with self.engine.connect() as conn:
            found = accounts.names_and_roles(conn)
        return {uid: f"{role.label} {username}" for uid, (username, role) in found.items()}

    def set_password(
        self, username: str, password: str, by: Principal | None = None, temporary: bool = False
    ) -> None:
        """Set a password (an administrator, the CLI); the user's sessions all end. ``temporary``: the
        user must set their own at the next login. A password among the user's last N is refused."""
        with self.engine.begin() as conn:
            try:
                user = accounts.set_password(
                    conn, username, password, self.account_policy, self._must_change(temporary)
                )
            except accounts.PasswordReused as why:
                target = accounts.get_user(conn, username)
                refused: dict[str, Any] = {"username": username.strip(), "reason": "password_reused"}
                audit.record(conn, by.user_id if by else None, "password", "user",
                             target.id if target else None, refused, FAILURE)  # fmt: skip
                failure: ServiceError = Invalid(str(why))
            except accounts.AccountError as why:
                raise Invalid(str(why)) from None
            else:
                must_change = self._must_change(temporary, user.demo)
                detail: dict[str, Any] = {"username": user.username, "must_change": must_change}
                audit.record(conn, by.user_id if by else None, "password", "user", user.id, detail)
                return
        raise failure

    def _must_change(self, temporary: bool, demo: bool = False) -> bool:
        return temporary and not demo and self.account_policy.password_change_after_reset > 0

    def change_own_password(self, who: Principal, current: str, new: str) -> str:
        """The user changes their password, proving the current one; every session ends and a new
        one is returned for this browser."""
        if who.anonymous or who.user_id is None:
            raise Forbidden("请先登录")
        with self.engine.begin() as conn:
            if not accounts.check_current_password(conn, who.user_id, current):
                audit.record(
                    conn,
                    who.user_id,
                    "password",
                    "user",
                    who.user_id,
                    {"username": who.username, "reason": "wrong_current_password"},
                    FAILURE,
                )
                failure: ServiceError = Invalid("当前密码不正确")
            else:
                try:
                    accounts.set_password(conn, who.username, new, self.account_policy)
                except accounts.PasswordReused as why:
                    refused: dict[str, Any] = {"username": who.username, "reason": "password_reused"}
                    audit.record(conn, who.user_id, "password", "user", who.user_id, refused, FAILURE)
                    failure = Invalid(str(why))
                except accounts.AccountError as why:
                    raise Invalid(str(why)) from None
                else:
                    done = {"username": who.username, "replaced_temporary": who.password_must_change}
                    audit.record(conn, who.user_id, "password", "user", who.user_id, done)
                    return accounts.open_session(conn, who.user_id, self.account_policy)
        raise failure

    def set_user_disabled(self, username: str, disabled: bool, by: Principal | None = None) -> None:
        """Disable (no login; every session ends) or enable a user."""
        if by is not None and by.username == username.strip() and disabled:
            raise Invalid("不能停用自己的账户")
        try:
            with self.engine.begin() as conn:
                user = accounts.set_disabled(conn, username, disabled)
                action = "user_disable" if disabled else "user_enable"
                audit.record(
                    conn, by.user_id if by else None, action, "user", user.id, {"username": user.username}
                )
        except accounts.AccountError as why:
            raise NotFound(str(why)) from None

    def set_user_role(
        self,
        username: str,
        role: Role,
        unit: str | None = None,
        departments: Sequence[str] = (),
        by: Principal | None = None,
    ) -> UserRecord:
        """Change a user's role, unit and departments; effective on their next request."""
        try:
            with self.engine.begin() as conn:
                before, after = accounts.set_role(conn, username, role, unit, departments)
                detail = {
                    "username": after.username,
                    "role": [before.role.value, after.role.value],
                    "unit": [before.unit, after.unit],
                    "departments": [list(before.departments), list(after.departments)],
                }
                audit.record(conn, by.user_id if by else None, "user_role", "user", after.id, detail)
                return after
        except accounts.AccountError as why:
            raise Invalid(str(why)) from None

    def revoke_user_sessions(self, username: str, by: Principal | None = None) -> int:
        """End every session of a user (a lost device); how many ended."""
        with self.engine.begin() as conn:
            user = accounts.get_user(conn, username)
            if user is None:
                raise NotFound(f"没有用户 {username}")
            count = accounts.revoke_sessions(conn, user.id)
            audit.record(conn, by.user_id if by else None, "logout_all", "user", user.id,
                         {"username": user.username, "sessions": count})  # fmt: skip
        return count

    # ---- logins and sessions -----------------------------------------------------------------

    def login(self, username: str, password: str, address: str | None = None) -> tuple[str, UserRecord]:
        """A session token for a right password. Any refusal is `Forbidden` with one message; the
        failure counts, the lockouts and the real reason are kept (audit log) even so."""
        address = address or audit.current_context().address
        with self.engine.begin() as conn:
            try:
                user = accounts.authenticate(
                    conn, username, password, address, self.account_policy, allow_demo=self.demo_mode
                )
            except accounts.LoginFailed as why:
                name = username.strip()
                detail: dict[str, Any] = {"reason": why.reason}
                if why.user_id is None:  # an unknown name is not kept (it may be a mistyped password)
                    detail["name_hash"] = hashlib.sha256(name.encode()).hexdigest()[:16]
                else:
                    detail["username"] = name
                audit.record(conn, why.user_id, "login", "user", why.user_id, detail, FAILURE)
                if why.locked:
                    audit.record(
                        conn,
                        why.user_id,
                        "lockout",
                        "user",
                        why.user_id,
                        {**detail, "locked": why.locked},
                        FAILURE,
                    )
                failure: ServiceError = Forbidden(str(why))
            else:
                token = accounts.open_session(conn, user.id, self.account_policy)
                audit.record(conn, user.id, "login", "user", user.id, {"username": user.username})
                return token, user
        raise failure

    def principal_for(self, token: str | None) -> Principal:
        """Who holds this session token: the user's principal, else the anonymous visitor."""
        if not token:
            return ANONYMOUS
        with self.engine.begin() as conn:
            user = accounts.session_user(conn, token, self.account_policy)
        if user is None:
            return ANONYMOUS
        expired = not user.demo and self.account_policy.password_expired(user.password_changed_at)
        return user.principal(password_expired=expired)

    def logout(self, token: str, who: Principal | None = None) -> None:
        """End this session; a signed-in user's logout is audited."""
        with self.engine.begin() as conn:
            accounts.close_session(conn, token)
            if who is not None and not who.anonymous:
                audit.record(conn, who.user_id, "logout", "user", who.user_id, {"username": who.username})

    def logout_everywhere(self, who: Principal) -> int:
        """End every session of the caller (on every device); how many ended."""
        if who.anonymous or who.user_id is None:
            return 0
        with self.engine.begin() as conn:
            count = accounts.revoke_sessions(conn, who.user_id)
            audit.record(
                conn,
                who.user_id,
                "logout_all",
                "user",
                who.user_id,
                {"username": who.username, "sessions": count},
            )
        return count

    # ---- audit -------------------------------------------------------------------------------

    def record_denial(self, who: Principal, target: str, message: str) -> None:
        """A refused request (HTTP 403, CSRF): who, what they asked for, why."""
        with self.engine.begin() as conn:
            audit.record(
                conn,
                who.user_id,
                "denied",
                "request",
                None,
                {"target": target[:300], "message": message},
                DENIED,
            )

    def audit_verify(self) -> audit_chain.ChainReport:
        """Verify the audit log's hash chain and report any broken links."""
        with self.engine.connect() as conn:
            return audit_chain.verify(conn)

    def audit_archive(self, before: datetime, out: IO[str]) -> int:
        """Move the rows older than ``before`` (≥ 180 days) to ``out``; the archive is itself audited."""
        try:
            with self.engine.begin() as conn:
                count = audit_chain.archive(conn, before, out)
                audit.record(
                    conn, None, "audit_archive", "audit", None, {"before": before.isoformat(), "rows": count}
                )
                return count
        except ValueError as why:
            raise Invalid(str(why)) from None
