"""Login throttling that slows a password guesser without locking the real user out for good.

Failures are counted under three keys, each a hash (the attempted name is not kept): the account name
(known or not, alike), the source address, and the pair (account, address). After
``login_max_failures`` failures of an account (``address_max_failures`` of an address) the key is
locked for ``lockout_seconds``, then every further failure locks it again for twice as long, up to
``lockout_max_seconds``; a quiet ``failure_memory_seconds`` forgets it all. Attempts refused while a
key is locked are not counted, so retrying cannot keep a lock going.

An attempt is refused unchecked when its address is locked, or when its account is locked and this
address has failed for this account: the addresses that caused an account's lock are shut out, while
its owner at another address can still log in (and a guesser with many addresses gets one guess per
address per lock). A successful login clears the account's and its pairs' counts; an address's count
only fades with time, or a guesser would clear it by logging into an account of his own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, insert, select, update

from jixiao.store.policy import AccountPolicy
from jixiao.store.schema import login_throttle


def _key(kind: str, *parts: str) -> str:
    return hashlib.sha256("\0".join((kind, *parts)).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Keys:
    """The three throttle keys of a login attempt: the account, the address, and the pair."""

    account: str
    address: str
    pair: str

    @classmethod
    def of(cls, username: str, address: str | None) -> Keys:
        """The hashed keys for a username and a client address (``unknown`` when none)."""
        where = address or "unknown"
        return cls(_key("account", username), _key("address", where), _key("pair", username, where))


@dataclass(frozen=True, slots=True)
class State:
    """One throttle key's recent failures, lockouts in a row, and when its lockout ends."""

    failures: int = 0
    lockouts: int = 0
    locked_until: datetime | None = None

    def locked(self, moment: datetime) -> bool:
        """True while a lockout runs at ``moment``."""
        return self.locked_until is not None and self.locked_until > moment


def _states(conn: Connection, keys: Keys, policy: AccountPolicy, moment: datetime) -> dict[str, State]:
    forget = moment - timedelta(seconds=policy.failure_memory_seconds)
    rows = conn.execute(
        select(login_throttle).where(login_throttle.c.key.in_([keys.account, keys.address, keys.pair]))
    )
    return {
        row.key: State(row.failures, row.lockouts, row.locked_until)
        for row in rows
        if row.last_failure_at > forget or (row.locked_until is not None and row.locked_until > moment)
    }


def refused_until(conn: Connection, keys: Keys, policy: AccountPolicy, moment: datetime) -> datetime | None:
    """When the attempt may be made, if it must be refused now without checking the password."""
    states = _states(conn, keys, policy, moment)
    address = states.get(keys.address, State())
    if address.locked(moment):
        return address.locked_until
    account = states.get(keys.account, State())
    if account.locked(moment) and states.get(keys.pair, State()).failures > 0:
        return account.locked_until
    return None


def fail(conn: Connection, keys: Keys, policy: AccountPolicy, moment: datetime) -> list[str]:
    """Count a wrong password; the kinds of key ("account", "address") this failure locked."""
    states = _states(conn, keys, policy, moment)
    locked = []
    for kind, key, limit in (
        ("account", keys.account, policy.login_max_failures),
        ("address", keys.address, policy.address_max_failures),
        ("pair", keys.pair, policy.login_max_failures),
    ):
        old = states.get(key)
        state = old or State()
        failures, lockouts, until = state.failures + 1, state.lockouts, state.locked_until
        if failures >= limit:
            lockouts += 1
            until = moment + policy.lockout(lockouts)
            failures = limit - 1  # the next failure after this lock ends locks again, for longer
            locked.append(kind)
        values = {
            "failures": failures,
            "lockouts": lockouts,
            "locked_until": until,
            "last_failure_at": moment,
        }
        if conn.execute(update(login_throttle).where(login_throttle.c.key == key).values(values)).rowcount:
            continue
        conn.execute(insert(login_throttle), [{"key": key, **values}])
    return [kind for kind in locked if kind != "pair"]


def succeed(conn: Connection, keys: Keys) -> None:
    """The account's owner got in: forget its failures and its pair with this address."""
    conn.execute(delete(login_throttle).where(login_throttle.c.key.in_([keys.account, keys.pair])))


def forget_old(conn: Connection, policy: AccountPolicy, moment: datetime) -> None:
    """Drop rows nobody needs any more (剩余信息保护: nothing kept beyond its use)."""
    forget = moment - timedelta(seconds=max(policy.failure_memory_seconds, policy.lockout_max_seconds))
    conn.execute(
        delete(login_throttle).where(
            login_throttle.c.last_failure_at < forget,
            (login_throttle.c.locked_until.is_(None)) | (login_throttle.c.locked_until < moment),
        )
    )
