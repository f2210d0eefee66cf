"""Accounts through the facade: users, passwords, sessions (the rules live in `jixiao.store.accounts`)."""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.service.base import ServiceBase
from jixiao.service.errors import Forbidden, Invalid, ServiceError
from jixiao.store import accounts, audit
from jixiao.store.accounts import UserRecord
from jixiao.workflow import ANONYMOUS, Principal, Role


class AccountService(ServiceBase):
    """Users and their sessions."""

    def add_user(
        self,
        username: str,
        password: str,
        role: Role,
        unit: str | None = None,
        departments: Sequence[str] = (),
        by: Principal | None = None,
    ) -> int:
        """Create a user (audited); Invalid with the reason for a taken name or a weak password."""
        try:
            with self.engine.begin() as conn:
                user_id = accounts.create_user(conn, username, password, role, unit, departments)
                audit.record(
                    conn,
                    by.user_id if by else None,
                    "user_add",
                    "user",
                    user_id,
                    {
                        "username": username,
                        "role": role.value,
                        "unit": unit,
                        "departments": list(departments),
                    },
                )
                return user_id
        except accounts.AccountError as why:
            raise Invalid(str(why)) from None

    def users(self) -> list[UserRecord]:
        """Every user."""
        with self.engine.connect() as conn:
            return accounts.list_users(conn)

    def set_password(self, username: str, password: str) -> None:
        """Give a user a new password (audited)."""
        try:
            with self.engine.begin() as conn:
                accounts.set_password(conn, username, password)
                audit.record(conn, None, "password", "user", None, {"username": username})
        except accounts.AccountError as why:
            raise Invalid(str(why)) from None

    def login(self, username: str, password: str) -> tuple[str, UserRecord]:
        """A session token for a right password; the failure count is kept even when login fails."""
        with self.engine.begin() as conn:
            try:
                user = accounts.authenticate(conn, username, password)
            except accounts.AccountError as why:
                failure: ServiceError = Forbidden(str(why))
            else:
                return accounts.open_session(conn, user.id), user
        raise failure

    def principal_for(self, token: str | None) -> Principal:
        """Who holds the session ``token`` (anonymous when none or expired)."""
        if not token:
            return ANONYMOUS
        with self.engine.connect() as conn:
            user = accounts.session_user(conn, token)
        return user.principal() if user else ANONYMOUS

    def logout(self, token: str) -> None:
        """End the session ``token``."""
        with self.engine.begin() as conn:
            accounts.close_session(conn, token)
