"""Checking the audit log's hash chain, and archiving rows past the retention period.

`verify` walks the rows in ``seq`` order from the anchor (the last archived row, or the genesis hash)
and names every row whose content no longer matches its keyed hash (or whose key is unknown, or
that lacks a signature once a key is in use), every gap (rows deleted), every broken link, rows out
of order and a cut-off end (the head in ``audit_chain`` ahead of the last row). `archive` writes the rows
older than a date (at least `RETENTION_DAYS` old) to a JSON-lines file, then moves the anchor to the
last of them and deletes them — the only DELETE the triggers allow — so the rows left still verify,
and the file verifies on its own (`verify_archive`) from the anchor it records.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import IO, Any

from sqlalchemy import Connection, delete, func, select, update

from jixiao.store.audit import GENESIS, _lock_head, row_hash
from jixiao.store.audit_key import AuditKeys, current_keys
from jixiao.store.schema import audit_chain, audit_log

RETENTION_DAYS = 180  # 等保2.0: audit records kept at least six months (the triggers enforce it too)
ARCHIVE_FORMAT = "jixiao.audit-archive/1"
_BATCH = 2000


@dataclass
class Problem:
    """One break found in the audit chain: its sequence number, row and message."""

    seq: int
    row_id: int | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        """The problem as a JSON-ready dict."""
        return {"seq": self.seq, "id": self.row_id, "message": self.message}


@dataclass
class ChainReport:
    """The result of verifying the audit chain: rows seen, sequence range, head, anchor and problems."""

    rows: int = 0
    first_seq: int | None = None
    last_seq: int | None = None
    head_seq: int = 0
    head_hash: str = GENESIS
    anchor_seq: int = 0
    problems: list[Problem] = field(default_factory=list)
    keyed: bool = False  # a signing key is configured
    unkeyed_rows: int = 0  # rows chained without a key (written before a key was set)
    last_unkeyed_seq: int = 0

    @property
    def ok(self) -> bool:
        """True when the chain has no problems."""
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        return {
            "ok": self.ok,
            "rows": self.rows,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "anchor_seq": self.anchor_seq,
            "head_seq": self.head_seq,
            "head_hash": self.head_hash,
            "keyed": self.keyed,
            "unkeyed_rows": self.unkeyed_rows,
            "last_unkeyed_seq": self.last_unkeyed_seq,
            "problems": [p.as_dict() for p in self.problems],
        }


def _head(conn: Connection) -> tuple[int, str, int, str]:
    row = conn.execute(select(audit_chain).where(audit_chain.c.id == 1)).first()
    if row is None:
        return 0, GENESIS, 0, GENESIS
    return int(row.last_seq), str(row.last_hash), int(row.anchor_seq), str(row.anchor_hash)


def _rows(conn: Connection) -> Iterator[dict[str, Any]]:
    after = -1
    while True:
        batch = conn.execute(
            select(audit_log).where(audit_log.c.seq > after).order_by(audit_log.c.seq).limit(_BATCH)
        ).all()
        for row in batch:
            yield dict(row._mapping)
        if len(batch) < _BATCH:
            return
        after = batch[-1].seq


def check_rows(
    rows: Iterable[dict[str, Any]],
    anchor_seq: int,
    anchor_hash: str,
    report: ChainReport,
    keys: AuditKeys | None = None,
) -> None:
    """Walk ``rows`` (in seq order) from the anchor, adding what is wrong to ``report``."""
    keys = current_keys() if keys is None else keys
    report.keyed = keys.current is not None
    seq, prev = anchor_seq, anchor_hash
    for row in rows:
        report.rows += 1
        report.first_seq = row["seq"] if report.first_seq is None else report.first_seq
        report.last_seq = row["seq"]
        if row["seq"] <= seq:  # an archive file's lines moved about
            message = f"第 {row['seq']} 条出现在第 {seq} 条之后：记录顺序被打乱"
            report.problems.append(Problem(row["seq"], row["id"], message))
        elif row["seq"] != seq + 1:
            missing = f"第 {seq + 1} 条" if row["seq"] == seq + 2 else f"第 {seq + 1}–{row['seq'] - 1} 条"
            report.problems.append(Problem(row["seq"], row["id"], f"{missing}记录缺失（被删除）"))
        elif row["prev_hash"] != prev:
            report.problems.append(
                Problem(row["seq"], row["id"], f"第 {row['seq']} 条的前序哈希不符：第 {seq} 条被修改或替换")
            )
        problem = _signature_problem(row, keys, report)
        if problem:
            report.problems.append(Problem(row["seq"], row["id"], problem))
        seq, prev = row["seq"], row["row_hash"]


def _signature_problem(row: dict[str, Any], keys: AuditKeys, report: ChainReport) -> str | None:
    """What is wrong with one row's own hash (its key, its content), or None."""
    where = f"第 {row['seq']} 条（id {row['id']}）"
    name = row.get("key_id")
    if name is None:
        report.unkeyed_rows += 1
        report.last_unkeyed_seq = row["seq"]
        if keys.current is not None and row["seq"] > keys.unkeyed_until:
            return (
                f"{where}没有密钥签名，而它晚于启用审计密钥前的最后一条（第 {keys.unkeyed_until} 条，"
                "JIXIAO_AUDIT_UNKEYED_UNTIL）：被改写或伪造"
            )
        secret = None
    else:
        found = keys.known.get(name)
        if found is None:
            return (
                f"{where}由密钥 {name} 签名，但 JIXIAO_AUDIT_KEY 与 JIXIAO_AUDIT_OLD_KEYS 中没有这把密钥："
                "无法校验（轮换密钥时请把旧密钥放入 JIXIAO_AUDIT_OLD_KEYS）"
            )
        secret = found
    if row_hash(row["prev_hash"], row, secret) != row["row_hash"]:
        return f"{where}的内容与其哈希不符：被修改"
    return None


def verify(conn: Connection) -> ChainReport:
    """The whole chain in the database, from the anchor to the head."""
    head_seq, head_hash, anchor_seq, anchor_hash = _head(conn)
    report = ChainReport(head_seq=head_seq, head_hash=head_hash, anchor_seq=anchor_seq)
    check_rows(_rows(conn), anchor_seq, anchor_hash, report)
    last = report.last_seq or anchor_seq
    if last < head_seq:
        report.problems.append(
            Problem(
                last + 1,
                None,
                f"第 {last + 1}–{head_seq} 条记录缺失：日志末尾被截去（链头记录到第 {head_seq} 条）",
            )
        )
    elif last > head_seq:
        report.problems.append(Problem(last, None, f"链头只记录到第 {head_seq} 条，之后的记录未经正常写入"))
    elif report.rows and _last_hash(conn) != head_hash:
        report.problems.append(Problem(last, None, f"第 {last} 条的哈希与链头不符：被替换"))
    return report


def _last_hash(conn: Connection) -> str:
    return str(conn.execute(select(audit_log.c.row_hash).order_by(audit_log.c.seq.desc()).limit(1)).scalar())


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.astimezone(UTC).isoformat() if isinstance(v, datetime) else v) for k, v in row.items()}


def archive(conn: Connection, before: datetime, out: IO[str], now: datetime | None = None) -> int:
    """Write the rows older than ``before`` (the oldest first) to ``out`` and remove them from the
    database, leaving their last hash as the anchor. Refuses a date inside the retention period or a
    chain that does not verify (an archive must not launder tampering). Returns the number of rows."""
    now = now or datetime.now(UTC)
    if before > now - timedelta(days=RETENTION_DAYS):
        latest = now - timedelta(days=RETENTION_DAYS)
        raise ValueError(f"审计记录至少保留 {RETENTION_DAYS} 天：只能归档 {latest:%Y-%m-%d} 之前的记录")
    _lock_head(conn)
    report = verify(conn)
    if not report.ok:
        raise ValueError(
            f"审计日志校验未通过，不能归档：{report.problems[0].message}（先运行 jixiao audit verify）"
        )
    newer = conn.execute(select(func.min(audit_log.c.seq)).where(audit_log.c.created_at >= before)).scalar()
    limit = (int(newer) - 1) if newer is not None else report.head_seq
    _, _, anchor_seq, anchor_hash = _head(conn)
    if limit <= anchor_seq:
        return 0
    header = {
        "format": ARCHIVE_FORMAT,
        "anchor_seq": anchor_seq,
        "anchor_hash": anchor_hash,
        "before": before.astimezone(UTC).isoformat(),
        "archived_at": now.astimezone(UTC).isoformat(),
    }
    out.write(json.dumps(header, ensure_ascii=False) + "\n")
    count, last_hash = 0, anchor_hash
    for row in _rows(conn):
        if row["seq"] > limit:
            break
        out.write(json.dumps(_jsonable(row), ensure_ascii=False) + "\n")
        count, last_hash = count + 1, row["row_hash"]
    out.flush()
    with contextlib.suppress(AttributeError, OSError, io.UnsupportedOperation):
        os.fsync(out.fileno())  # on disk before the rows leave the database
    conn.execute(
        update(audit_chain)
        .where(audit_chain.c.id == 1)
        .values(anchor_seq=limit, anchor_hash=last_hash, archived_before=before)
    )
    conn.execute(delete(audit_log).where(audit_log.c.seq <= limit))
    return count


def verify_archive(lines: Iterable[str]) -> ChainReport:
    """An archive file checked on its own, from the anchor its first line records."""
    iterator = iter(lines)
    header = json.loads(next(iterator))
    if header.get("format") != ARCHIVE_FORMAT:
        raise ValueError(f"不是 jixiao 审计归档文件（应为 {ARCHIVE_FORMAT}）")
    report = ChainReport(anchor_seq=header["anchor_seq"])

    def rows() -> Iterator[dict[str, Any]]:
        for line in iterator:
            if line.strip():
                row = json.loads(line)
                row["created_at"] = datetime.fromisoformat(row["created_at"])
                yield row

    check_rows(rows(), header["anchor_seq"], header["anchor_hash"], report)
    report.head_seq = report.last_seq or header["anchor_seq"]
    return report
