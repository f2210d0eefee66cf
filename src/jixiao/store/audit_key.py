"""The secret key of the audit chain (等保2.0 安全审计: records protected from alteration).

A plain hash chain stops nobody who can write to the database: they change a row and compute every
later hash again. With a key the chain is an HMAC-SHA256 chain: without the key nobody can make a
row that verifies. The key lives outside the database — in the environment or a file only the
server's account can read — and each row records which key signed it (``key_id``, a digest that
names the key without revealing it), so keys can be rotated:

- ``JIXIAO_AUDIT_KEY`` (or ``JIXIAO_AUDIT_KEY_FILE``): the key new rows are signed with, at least
  32 characters (``python -c "import secrets; print(secrets.token_urlsafe(48))"``).
- ``JIXIAO_AUDIT_OLD_KEYS`` (or ``JIXIAO_AUDIT_OLD_KEYS_FILE``, one a line): former keys, comma
  separated, kept only to verify the rows they signed. Rotation: put the current key here, set a new
  ``JIXIAO_AUDIT_KEY``, restart; the chain goes on unbroken across the change.
- ``JIXIAO_AUDIT_UNKEYED_UNTIL``: the last sequence number written before a key was set (``jixiao
  audit verify`` prints it). With a key set, a row without a signature after it is a forgery.

Without a key the log is still chained (and `jixiao audit verify` says that it is not keyed).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

MIN_KEY_LENGTH = 32


class AuditKeyError(ValueError):
    """A key setting that cannot be used (too short, unreadable file, not a number)."""


def key_id(secret: bytes) -> str:
    """The public name of a key: 16 hex digits of a digest of it (reveals nothing of the key)."""
    return hashlib.sha256(b"jixiao-audit-key\n" + secret).hexdigest()[:16]


@dataclass(frozen=True)
class AuditKeys:
    """The signing key (None: rows are chained without a key), every key that may verify a row, and
    the last row written before keys were used."""

    current: bytes | None = None
    known: Mapping[str, bytes] = field(default_factory=dict)
    unkeyed_until: int = 0

    @property
    def current_id(self) -> str | None:
        """The public name of the signing key (None without one)."""
        return None if self.current is None else key_id(self.current)

    @classmethod
    def of(cls, current: str | None, old: tuple[str, ...] = (), unkeyed_until: int = 0) -> AuditKeys:
        """Keys from their text (each at least `MIN_KEY_LENGTH` characters)."""
        secrets = [s for s in (current, *old) if s is not None]
        for secret in secrets:
            if len(secret) < MIN_KEY_LENGTH:
                raise AuditKeyError(f"审计密钥至少 {MIN_KEY_LENGTH} 个字符（现为 {len(secret)} 个）")
        encoded = [s.encode() for s in secrets]
        return cls(
            current.encode() if current is not None else None,
            {key_id(secret): secret for secret in encoded},
            unkeyed_until,
        )

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> AuditKeys:
        """The keys the environment names (see the module's docstring)."""
        env = os.environ if environ is None else environ
        current = env.get("JIXIAO_AUDIT_KEY") or _read(env.get("JIXIAO_AUDIT_KEY_FILE"))
        old_text = env.get("JIXIAO_AUDIT_OLD_KEYS", "").replace("\n", ",")
        old_text += "," + (_read(env.get("JIXIAO_AUDIT_OLD_KEYS_FILE")) or "").replace("\n", ",")
        old = tuple(part.strip() for part in old_text.split(",") if part.strip())
        until_text = env.get("JIXIAO_AUDIT_UNKEYED_UNTIL", "0").strip() or "0"
        if not until_text.isdigit():
            raise AuditKeyError(f"JIXIAO_AUDIT_UNKEYED_UNTIL 应为记录序号（整数），现为“{until_text}”")
        return cls.of(current or None, old, int(until_text))


def sign(secret: bytes | None, message: bytes) -> str:
    """HMAC-SHA256 of ``message`` under ``secret``; the plain SHA-256 without a key."""
    if secret is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def _read(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as why:
        raise AuditKeyError(f"无法读取审计密钥文件 {path}：{why.strerror}") from None


_keys: AuditKeys | None = None


def current_keys() -> AuditKeys:
    """The keys of this process, read from the environment on first use."""
    global _keys
    if _keys is None:
        _keys = AuditKeys.from_environ()
    return _keys


def configure(keys: AuditKeys | None) -> None:
    """Use ``keys`` from now on (None: read the environment again on next use)."""
    global _keys
    _keys = keys
