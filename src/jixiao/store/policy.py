"""The account policy (等保2.0 身份鉴别): password rules, login throttling, session lifetimes.

One frozen record, read from the environment by `AccountPolicy.from_environ` (``JIXIAO_…`` variables,
documented in docs/accounts-audit.md) or passed in by the web settings; the defaults are the values an
assessor expects for level 2. `check_password` says in Chinese why a password is refused.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib.resources import files


class PasswordRejected(ValueError):
    """A password the policy refuses; the message (Chinese) says why."""


@dataclass(frozen=True, slots=True)
class AccountPolicy:
    """The account rules: password strength, login throttling and lockout, session lifetimes."""

    password_min_length: int = 8
    password_min_classes: int = 3  # of: lower case, upper case, digits, other characters
    login_max_failures: int = 5  # per account before the first delay
    address_max_failures: int = 20  # per source address (an office behind one NAT address)
    lockout_seconds: int = 60  # the first delay; doubled at each further lockout …
    lockout_max_seconds: int = 30 * 60  # … up to this
    failure_memory_seconds: int = 60 * 60  # failures older than this (no new one since) are forgotten
    session_idle_minutes: int = 30
    session_hours: int = 8
    password_max_age_days: int = 90  # 等保2.0 二级: 定期更换; then every page asks for a new one (0: never)
    password_history: int = 5  # a new password may not be any of the last N (0: no check)
    password_change_after_reset: int = 1  # 1: a password an administrator set is changed at first login

    @property
    def session_idle(self) -> timedelta:
        """How long a session may stay unused before it ends."""
        return timedelta(minutes=self.session_idle_minutes)

    @property
    def session_lifetime(self) -> timedelta:
        """How long a session lasts at most, used or not."""
        return timedelta(hours=self.session_hours)

    def password_expired(self, changed_at: datetime | None, moment: datetime | None = None) -> bool:
        """Whether a password set at ``changed_at`` is past `password_max_age_days` (never when the
        limit is 0, or for a password whose setting time is unknown: set before jixiao recorded it)."""
        if self.password_max_age_days <= 0 or changed_at is None:
            return False
        if changed_at.tzinfo is None:
            changed_at = changed_at.replace(tzinfo=UTC)
        return (moment or datetime.now(UTC)) - changed_at > timedelta(days=self.password_max_age_days)

    def lockout(self, lockouts: int) -> timedelta:
        """The delay imposed by the ``lockouts``-th lockout in a row (1, 2, 3 …)."""
        seconds = self.lockout_seconds * 2 ** min(max(lockouts - 1, 0), 20)
        return timedelta(seconds=min(seconds, self.lockout_max_seconds))

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> AccountPolicy:
        """The defaults, overridden by ``JIXIAO_<FIELD NAME IN CAPITALS>`` where set (whole numbers)."""
        environ = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for item in fields(cls):
            raw = environ.get(f"JIXIAO_{item.name.upper()}")
            if raw is None or not raw.strip():
                continue
            try:
                values[item.name] = int(raw)
            except ValueError:
                raise ValueError(f"环境变量 JIXIAO_{item.name.upper()} 应为整数，而不是“{raw}”") from None
        policy = cls(**values)
        if policy.password_history < 0 or policy.password_history > 24:
            raise ValueError("JIXIAO_PASSWORD_HISTORY 应在 0 到 24 之间（0 表示不限制重复使用）")
        if policy.password_min_length < 8 or not 1 <= policy.password_min_classes <= 4:
            raise ValueError("密码策略不能低于等保2.0二级要求：长度至少 8，字符类别 1 至 4 种")
        return policy


DEFAULT_POLICY = AccountPolicy()

_CLASSES = (
    ("小写字母", re.compile(r"[a-z]")),
    ("大写字母", re.compile(r"[A-Z]")),
    ("数字", re.compile(r"[0-9]")),
    ("其他字符", re.compile(r"[^a-zA-Z0-9]")),
)
_TRAILING = re.compile(r"[\d\W_]+$")


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list (store/data/common-passwords.txt), lower case."""
    text = files("jixiao.store").joinpath("data/common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def check_password(password: str, username: str = "", policy: AccountPolicy = DEFAULT_POLICY) -> None:
    """Raise `PasswordRejected` unless the password is long enough, mixes enough kinds of character,
    does not contain the username and is not a common password (nor one with digits tacked on)."""
    if len(password) < policy.password_min_length:
        raise PasswordRejected(f"密码至少 {policy.password_min_length} 个字符")
    if len(password) > 256:
        raise PasswordRejected("密码不能超过 256 个字符")
    present = [name for name, pattern in _CLASSES if pattern.search(password)]
    if len(present) < policy.password_min_classes:
        raise PasswordRejected(
            f"密码须包含小写字母、大写字母、数字、其他字符中的至少 {policy.password_min_classes} 种"
            f"（现有：{'、'.join(present) or '无'}）"
        )
    lowered = password.lower()
    name = username.strip().lower()
    if len(name) >= 3 and (name in lowered or name[::-1] in lowered):
        raise PasswordRejected("密码不能包含用户名")
    base = _TRAILING.sub("", lowered)
    if lowered in common_passwords() or base in common_passwords() or len(set(lowered)) < 4:
        raise PasswordRejected("这是常见密码或其简单变形，容易被猜中，请换一个")
