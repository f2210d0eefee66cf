"""The audit log (等保2.0 安全审计): who did what, when, from where, with what outcome.

Every row carries the time, the user (and, from the command line, the operating-system user as
``actor``), the source address, the outcome (``success``, ``failure``, ``denied``) and a JSON detail
scrubbed of personal data (`scrub`). The log is append-only — database triggers refuse UPDATE and
DELETE (migration 0004) — and chained: row *n* stores ``row_hash = HMAC-SHA256(key, prev_hash,
content)`` where ``prev_hash`` is row *n−1*'s hash and the key, kept outside the database, is named
by the row's ``key_id`` (`jixiao.store.audit_key`; plain SHA-256 when no key is set). The one-row
``audit_chain`` table holds the head, so `jixiao.store.audit_chain.verify` finds a row altered,
deleted, reordered or cut off the end — and, with a key, rows rewritten and hashed again by someone
who can write to the database but has no key. The format of `row_hash` is frozen: changing it would
make every stored chain fail verification.

Where the source address and the operator come from: `context` (set per web request by a middleware,
and by the CLI for its whole run), so the service's methods need not pass them along.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, insert, select, update

from jixiao.store.audit_key import current_keys, sign
from jixiao.store.bulk_rows import insert_rows
from jixiao.store.schema import audit_chain, audit_log, users

GENESIS = "0" * 64
SUCCESS, FAILURE, DENIED = "success", "failure", "denied"
OUTCOME_LABELS = {SUCCESS: "成功", FAILURE: "失败", DENIED: "拒绝"}
OMITTED = "（个人信息，已略去）"

# Keys whose values are personal data or secrets: never written to the log, whatever the event.
PERSONAL_KEYS = frozenset(
    {"password", "password_hash", "token", "phone", "telephone", "mobile", "contact", "contact_name",
     "contact_phone", "filler", "filler_name", "preparer", "填表人", "联系人", "联系电话", "电话", "手机"}
)  # fmt: skip
# Mobile numbers (11 digits from 1[3-9]) and landlines with an area code (010-12345678, 0769-1234567).
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?!\d)")


@dataclass(frozen=True, slots=True)
class AuditContext:
    """Who acts and from where, recorded with each audit row."""

    actor: str | None = None  # the operating-system user when the CLI acts on the database
    address: str | None = None  # the client's address for a web request; "cli" for the command line


_NOWHERE = AuditContext()
_context: ContextVar[AuditContext] = ContextVar("jixiao_audit_context", default=_NOWHERE)


def set_context(actor: str | None = None, address: str | None = None) -> Token[AuditContext]:
    """Set the audit context of the current task; returns the token to reset it."""
    return _context.set(AuditContext(actor, address))


def reset_context(token: Token[AuditContext]) -> None:
    """Restore the audit context that was current before `set_context`."""
    _context.reset(token)


@contextmanager
def context(actor: str | None = None, address: str | None = None) -> Iterator[None]:
    """Act as ``actor`` from ``address`` for the audit rows written inside the block."""
    token = set_context(actor, address)
    try:
        yield
    finally:
        reset_context(token)


def current_context() -> AuditContext:
    """The audit context of the current task."""
    return _context.get()


_PERSONAL_PLACES = ("填表人", "联系人", "电话", "手机", "phone", "contact")


def _about_a_person(item: dict[Any, Any]) -> bool:
    """A change record ({"place"/"field": "填表人", "old": …, "new": …}) about personal data."""
    label = item.get("place") or item.get("field")
    return isinstance(label, str) and any(word in label.lower() for word in _PERSONAL_PLACES)


def scrub(value: Any) -> Any:
    """The value with personal data left out: keys in `PERSONAL_KEYS`, the old and new values of a
    change to a personal field (a table's 填表人 or phone), and phone numbers anywhere in text."""
    if isinstance(value, dict):
        personal = _about_a_person(value)
        return {
            k: OMITTED
            if str(k).lower() in PERSONAL_KEYS or (personal and k in ("old", "new", "value"))
            else scrub(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub(item) for item in value]
    if isinstance(value, str):
        return _PHONE.sub("***", value)
    return value


@lru_cache(maxsize=64)  # the rows of one action share their time stamp
def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def row_hash(prev_hash: str, row: dict[str, Any], secret: bytes | None = None) -> str:
    """The hash of one row's content chained to the previous row's hash, keyed with ``secret`` when
    given (format frozen)."""
    content = [
        row["seq"],
        _stamp(row["created_at"]),
        row["user_id"],
        row["actor"],
        row["address"],
        row["action"],
        row["entity"],
        row["entity_id"],
        row["outcome"],
        row["detail"],
    ]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return sign(secret, f"{prev_hash}\n{text}".encode())


def _lock_head(conn: Connection) -> tuple[int, str]:
    """The chain's head, locked until the transaction ends (a no-op UPDATE takes the row lock on
    PostgreSQL and the write lock on SQLite first), so concurrent writers chain one after another."""
    changed = conn.execute(
        update(audit_chain).where(audit_chain.c.id == 1).values(last_seq=audit_chain.c.last_seq)
    )
    if changed.rowcount != 1:  # a database made from schema.py rather than the migrations
        conn.execute(
            insert(audit_chain),
            [{"id": 1, "last_seq": 0, "last_hash": GENESIS, "anchor_seq": 0, "anchor_hash": GENESIS}],
        )
    head = conn.execute(select(audit_chain.c.last_seq, audit_chain.c.last_hash)).one()
    return int(head.last_seq), str(head.last_hash)


def record(
    conn: Connection,
    user_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: dict[str, Any],
    outcome: str = SUCCESS,
) -> None:
    """Write one audit row for an action on an entity, stamped now."""
    record_many(conn, user_id, action, entity, [(entity_id, detail)], datetime.now(UTC), outcome)


def record_many(
    conn: Connection,
    user_id: int | None,
    action: str,
    entity: str,
    items: Sequence[tuple[int | None, dict[str, Any]]],
    stamp: datetime,
    outcome: str = SUCCESS,
) -> None:
    """Append one row per item, chained, in the caller's transaction (inside `chained_batch`, at the
    batch's end)."""
    if not items:
        return
    where = current_context()
    keys = current_keys()
    batch = BATCH_HEAD in conn.info
    head: _BatchHead | None = conn.info.get(BATCH_HEAD)
    if head is None:
        seq, prev = _lock_head(conn)
    else:
        seq, prev = head.seq, head.prev
    rows = []
    for entity_id, detail in items:
        seq += 1
        row = {
            "seq": seq,
            "created_at": stamp,
            "user_id": user_id,
            "actor": where.actor,
            "address": where.address,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "outcome": outcome,
            "detail": json.dumps(scrub(detail), ensure_ascii=False, default=str, sort_keys=True),
        }
        row["prev_hash"] = prev
        row["key_id"] = keys.current_id
        row["row_hash"] = prev = row_hash(prev, row, keys.current)
        rows.append(row)
    if not batch:
        _append(conn, rows, seq, prev)
        return
    if head is None:
        head = conn.info[BATCH_HEAD] = _BatchHead(seq, prev)
    head.seq, head.prev = seq, prev
    head.rows += rows


def _append(conn: Connection, rows: list[dict[str, Any]], seq: int, last_hash: str) -> None:
    """Insert chained rows and move the head to the last of them."""
    insert_rows(conn, audit_log, rows)  # COPY on PostgreSQL, one prepared executemany elsewhere
    conn.execute(update(audit_chain).where(audit_chain.c.id == 1).values(last_seq=seq, last_hash=last_hash))


BATCH_HEAD = "jixiao_audit_batch"  # key in Connection.info while `chained_batch` keeps the head


@dataclass
class _BatchHead:
    """The chain's head as a batch moved it, and the rows it appended, not yet written."""

    seq: int
    prev: str
    rows: list[dict[str, Any]] = field(default_factory=list)


@contextmanager
def chained_batch(conn: Connection) -> Iterator[None]:
    """Inside a bulk import's transaction (several files in one): the chain's head is locked and read
    when the first row is appended, kept in memory as each file appends its rows, and written once at
    the end with one insert of all the rows — each file alone takes two statements to lock and read the
    head and two to write. The rows, their order and hashes are those of file by file. Nothing else
    reads the chain within the batch; if the block raises, nothing is written (the caller rolls back)."""
    conn.info[BATCH_HEAD] = None
    try:
        yield
        head: _BatchHead | None = conn.info.get(BATCH_HEAD)
        if head is not None:
            _append(conn, head.rows, head.seq, head.prev)
    finally:
        conn.info.pop(BATCH_HEAD, None)


def entries(
    conn: Connection, entity: str | None = None, entity_id: int | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """Newest first, with the user's name."""
    query = (
        select(audit_log, users.c.username)
        .outerjoin(users, users.c.id == audit_log.c.user_id)
        .order_by(audit_log.c.seq.desc())
        .limit(limit)
    )
    if entity is not None:
        query = query.where(audit_log.c.entity == entity)
    if entity_id is not None:
        query = query.where(audit_log.c.entity_id == entity_id)
    result = []
    for row in conn.execute(query):
        item = dict(row._mapping)
        item["detail"] = json.loads(item["detail"])
        result.append(item)
    return result
