"""Repository functions for tables: import in bulk, list and filter, read, save versions.

Everything takes a SQLAlchemy ``Connection`` inside a transaction the caller owns (one per file on
import, one per request on the web), so a failure leaves nothing half-written. Inserts go as lists of
dicts through Core (``executemany``), never one ORM object at a time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from jixiao.model import Diagnostic, Severity, Table
from jixiao.store import document as doc
from jixiao.store.audit import record_many
from jixiao.store.bulk_rows import insert_rows
from jixiao.store.errors import Conflict
from jixiao.store.held_rows import hold_or_insert, insert_all, release_for
from jixiao.store.org_batches import region_codes, settled_orgs
from jixiao.store.orgs import place_new
from jixiao.store.schema import findings, indicators, orgs, perf_tables, table_versions, workflow_events
from jixiao.store.table_keys import (
    Keys,
    keys_of_tables,
    org_region_codes,
    sync_children,
    table_keys,
    with_keys,
)
from jixiao.workflow import Action, Status

_CHUNK = 500


def version_hash(number: Any) -> Any:
    """The content hash of the stored table's version ``number``, as a correlated subquery.

    A subquery, not a join: it can only run once per table found by identity. As a join, SQLite without
    statistics (a first import into a new database, which gets them only at its end) chose to scan
    every stored version for each file, so the writer's time per table grew with the database.
    """
    return (
        select(table_versions.c.content_hash)
        .where(table_versions.c.table_id == perf_tables.c.id, table_versions.c.number == number)
        .scalar_subquery()
        .label("content_hash")
    )


def now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def to_fen(amount: Decimal | None) -> int | None:
    """An amount in 元 as whole 分 (fen), as stored (None stays None)."""
    return None if amount is None else int((amount * 100).to_integral_value())


def from_fen(fen: int | None) -> Decimal | None:
    """Stored 分 (fen) back to 元 with two decimals (None stays None)."""
    return None if fen is None else (Decimal(fen) / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class Reviewed:
    """A table with what the review said: its findings and its outcome (优/良/中/差) with the reason."""

    table: Table
    findings: Sequence[Diagnostic] = ()
    outcome: str = ""
    reason: str = ""
    # the stored document and its hash (`document.dumps_and_hash`), when computed beforehand: a bulk
    # import's workers do it, so the one writer does not
    document: str = ""
    content_hash: str = ""

    def stored_text(self) -> tuple[str, str]:
        """The table's stored document and content hash (computed now unless given)."""
        if self.document and self.content_hash:
            return self.document, self.content_hash
        return doc.dumps_and_hash(self.table)


@dataclass(frozen=True, slots=True)
class FindingSummary:
    """What is stored about a table's review: outcome, counts of errors/warnings/infos, and risk."""

    outcome: str
    errors: int
    warnings: int
    infos: int
    risk: int


def summarise(found: Sequence[Diagnostic], budget: Decimal | None, outcome: str = "") -> FindingSummary:
    """Counts, the outcome (the worst severity if the review gave none), and risk = findings × budget."""
    errors = sum(1 for d in found if d.severity is Severity.ERROR)
    warnings = sum(1 for d in found if d.severity is Severity.WARNING)
    infos = sum(1 for d in found if d.severity is Severity.INFO)
    outcome = outcome or ("error" if errors else "warning" if warnings else "info" if infos else "ok")
    weight = 100 * errors + 10 * warnings + infos
    # Budget scales risk, but a table without a budget still ranks by its findings.
    risk = weight * max(int(budget or 0), 1)
    return FindingSummary(outcome, errors, warnings, infos, risk)


def ensure_orgs(conn: Connection, names: Iterable[str | None]) -> dict[str, int]:
    """Ids of the named organisations, creating the missing ones."""
    wanted = sorted({name.strip() for name in names if name and name.strip()})
    known: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        known.update({row.name: row.id for row in conn.execute(select(orgs).where(orgs.c.name.in_(chunk)))})
    missing = [{"name": name} for name in wanted if name not in known]
    if missing:
        conn.execute(insert(orgs), missing)
        for start in range(0, len(missing), _CHUNK):
            chunk = [m["name"] for m in missing[start : start + _CHUNK]]
            rows = conn.execute(select(orgs).where(orgs.c.name.in_(chunk)))
            known.update({row.name: row.id for row in rows})
    return known


def _indicator_rows(table_id: int, table: Table) -> list[dict[str, Any]]:
    return [
        {
            "table_id": table_id,
            "position": position,
            "level1": item.level1,
            "level2": item.level2,
            "name": item.name,
            "period_raw": item.period.raw,
            "annual_raw": item.annual.raw,
            "line": item.source.line,
        }
        for position, item in enumerate(table.indicators)
    ]


def _finding_rows(table_id: int, found: Sequence[Diagnostic]) -> list[dict[str, Any]]:
    return [
        {
            "table_id": table_id,
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            "indicator": d.indicator,
            "line": d.source.line,
            "basis": d.basis,
            "suggestion": d.suggestion,
        }
        for d in found
    ]


def _table_fields(reviewed: Reviewed, org_ids: dict[str, int], codes: dict[int, str]) -> dict[str, Any]:
    """The perf_tables columns of a reviewed table, its keys (region code, partition year) included;
    ``codes``: the organisations' region codes (`org_region_codes`)."""
    table = reviewed.table
    project = table.project
    summary = summarise(reviewed.findings, project.budget, reviewed.outcome)
    fields = {
        "name": project.name,
        "project_type": project.type,
        "unit_id": org_ids.get((project.unit or "").strip()),
        "department_id": org_ids.get((project.department or "").strip()),
        "year": project.year,
        "budget_fen": to_fen(project.budget),
        "outcome": summary.outcome,
        "outcome_reason": reviewed.reason or None,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "infos": summary.infos,
        "risk": summary.risk,
    }
    return {**fields, **table_keys(fields, codes)}


@dataclass
class ImportCounts:
    """What an import did: tables created, updated and unchanged, and their ids."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    table_ids: list[int] = field(default_factory=list)
    created_ids: set[int] = field(default_factory=set)  # of ``table_ids``, the tables created


def import_tables(
    conn: Connection,
    entries: Sequence[Reviewed],
    status: Status,
    user_id: int | None = None,
    file: str | None = None,
    action: Action = Action.IMPORT,
    unstored: Collection[str] = frozenset(),
) -> ImportCounts:
    """Store reviewed tables: new ones are created, changed ones get a new version, equal ones are left.

    The work goes in chunks of `IMPORT_CHUNK` tables, so the rows built in memory stay bounded however
    large the file; all chunks share the caller's transaction. ``unstored`` are identities the caller
    found not stored earlier in this transaction (an import's plan): they are not looked up again.
    """
    counts = ImportCounts()
    last: dict[str, int] = {}
    for index, entry in enumerate(entries):  # the same table twice in one file: the later one wins
        last[doc.identity(entry.table)] = index
    keep = sorted(last.values())
    for start in range(0, len(keep), IMPORT_CHUNK):
        chunk = [entries[i] for i in keep[start : start + IMPORT_CHUNK]]
        part = _import_chunk(conn, chunk, status, user_id, file, action, unstored)
        counts.created += part.created
        counts.updated += part.updated
        counts.unchanged += part.unchanged
        counts.table_ids += part.table_ids
        counts.created_ids |= part.created_ids
    return counts


IMPORT_CHUNK = 1000


def _insert_new_tables(conn: Connection, keys: list[str], rows: list[dict[str, Any]]) -> list[int]:
    """Insert new tables' rows in one batch; their ids, in the order of ``keys``.

    The ids are read back by identity (unique) rather than by ``RETURNING`` in parameter order: without
    an insert sentinel SQLite sends such an insert one row at a time, a statement per table. The rows
    go in as the other rows of a file do (`insert_rows`: ``COPY`` on PostgreSQL)."""
    insert_rows(conn, perf_tables, rows)
    ids: dict[str, int] = {}
    for start in range(0, len(keys), _CHUNK):
        query = select(perf_tables.c.identity, perf_tables.c.id).where(
            perf_tables.c.identity.in_(keys[start : start + _CHUNK])
        )
        ids.update({identity: table_id for identity, table_id in conn.execute(query)})
    return [ids[key] for key in keys]


def _import_chunk(
    conn: Connection,
    entries: Sequence[Reviewed],
    status: Status,
    user_id: int | None,
    file: str | None,
    action: Action = Action.IMPORT,
    unstored: Collection[str] = frozenset(),
) -> ImportCounts:
    counts = ImportCounts()
    latest = {doc.identity(entry.table): (entry, *entry.stored_text()) for entry in entries}
    if not latest:
        return counts
    pairs = [(e.table.project.unit, e.table.project.department) for e, _, _ in latest.values()]
    names = [unit for unit, _ in pairs] + [department for _, department in pairs]
    settled = settled_orgs(conn, names)  # a bulk import's batch: placed ones read once per batch
    if settled is None:
        org_ids = ensure_orgs(conn, names)
        place_new(conn, pairs, org_ids)
        codes = region_codes(conn, org_ids)
    else:
        org_ids, codes = settled
    existing: dict[str, Any] = {}
    keys = list(latest)
    release_for(conn, keys)  # a table created earlier in this batch: its version's hash is read below
    looked_up = [key for key in keys if key not in unstored]
    for start in range(0, len(looked_up), _CHUNK):
        query = select(
            perf_tables.c.id,
            perf_tables.c.identity,
            perf_tables.c.current_version,
            perf_tables.c.pending_version,
            perf_tables.c.region_code,
            perf_tables.c.partition_year,
            version_hash(perf_tables.c.current_version),
        ).where(perf_tables.c.identity.in_(looked_up[start : start + _CHUNK]))
        existing.update({row.identity: row for row in conn.execute(query)})
    stamp = now()
    new_keys = [key for key in keys if key not in existing]
    changed_keys = [key for key in keys if key in existing and existing[key].content_hash != latest[key][2]]
    counts.unchanged = len(keys) - len(new_keys) - len(changed_keys)
    version_rows: list[dict[str, Any]] = []
    indicator_rows: list[dict[str, Any]] = []
    finding_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    keys_by_id: dict[int, Keys] = {}
    if new_keys:
        rows = [
            {
                **_table_fields(latest[key][0], org_ids, codes),
                "identity": key,
                "status": status.value,
                "current_version": 1,
                "lock_version": 1,
                "created_at": stamp,
                "updated_at": stamp,
            }
            for key in new_keys
        ]
        ids = _insert_new_tables(conn, new_keys, rows)
        for key, row, table_id in zip(new_keys, rows, ids, strict=True):
            entry, text, digest = latest[key]
            keys_by_id[table_id] = (row["region_code"], row["partition_year"])
            version_rows.append(_version_row(table_id, 1, text, digest, user_id, stamp, None))
            indicator_rows += _indicator_rows(table_id, entry.table)
            finding_rows += _finding_rows(table_id, entry.findings)
            event_rows.append(_event_row(table_id, action, None, status, user_id, file, stamp))
            counts.table_ids.append(table_id)
        counts.created = len(new_keys)
        counts.created_ids.update(ids)
    if changed_keys:
        updates = []
        moved: list[int] = []  # tables whose region or year changed: their older rows follow
        for key in changed_keys:
            entry, text, digest = latest[key]
            row = existing[key]
            number = max(row.current_version, row.pending_version or 0) + 1
            fields = _table_fields(entry, org_ids, codes)
            keys_by_id[row.id] = (fields["region_code"], fields["partition_year"])
            if keys_by_id[row.id] != (row.region_code, row.partition_year):
                moved.append(row.id)
            updates.append(
                {
                    **fields,
                    "b_id": row.id,
                    "status": status.value,
                    "current_version": number,
                    "pending_version": None,  # replacing the table ends an adjustment under way
                    "pending_status": None,
                    "updated_at": stamp,
                }
            )
            version_rows.append(_version_row(row.id, number, text, digest, user_id, stamp, None))
            indicator_rows += _indicator_rows(row.id, entry.table)
            finding_rows += _finding_rows(row.id, entry.findings)
            event_rows.append(_event_row(row.id, action, None, status, user_id, file, stamp))
            counts.table_ids.append(row.id)
        changed_ids = [existing[key].id for key in changed_keys]
        conn.execute(
            update(perf_tables)
            .where(perf_tables.c.id == bindparam("b_id"))
            .values({name: bindparam(name) for name in updates[0] if name != "b_id"})
            .values(lock_version=perf_tables.c.lock_version + 1),
            updates,
        )
        sync_children(conn, moved)
        for start in range(0, len(changed_ids), _CHUNK):
            chunk = changed_ids[start : start + _CHUNK]
            conn.execute(delete(indicators).where(indicators.c.table_id.in_(chunk)))
            conn.execute(delete(findings).where(findings.c.table_id.in_(chunk)))
        counts.updated = len(changed_keys)
    fact_rows = [
        (target, rows_of if target is workflow_events else with_keys(rows_of, keys_by_id))
        for rows_of, target in (
            (version_rows, table_versions),
            (indicator_rows, indicators),
            (finding_rows, findings),
            (event_rows, workflow_events),
        )
    ]
    if changed_keys:
        insert_all(conn, fact_rows)
    else:  # only new tables: a bulk import holds their rows until its batch ends (COPY on PostgreSQL)
        hold_or_insert(conn, fact_rows, new_keys)
    if counts.table_ids:
        record_many(
            conn,
            user_id,
            action.value,
            "table",
            [(table_id, {"file": file, "status": status.value}) for table_id in counts.table_ids],
            stamp,
        )
    return counts


def _version_row(
    table_id: int,
    number: int,
    document: str,
    digest: str,
    user_id: int | None,
    stamp: datetime,
    reason: str | None,
) -> dict[str, Any]:
    return {
        "table_id": table_id,
        "number": number,
        "document": document,
        "content_hash": digest,
        "reason": reason,
        "created_by": user_id,
        "created_at": stamp,
    }


def _event_row(
    table_id: int,
    action: Action,
    from_status: Status | None,
    to_status: Status,
    user_id: int | None,
    comment: str | None,
    stamp: datetime,
) -> dict[str, Any]:
    return {
        "table_id": table_id,
        "action": action.value,
        "from_status": from_status.value if from_status else None,
        "to_status": to_status.value,
        "user_id": user_id,
        "comment": comment,
        "created_at": stamp,
    }


def save_version(
    conn: Connection,
    table_id: int,
    reviewed: Reviewed,
    expected_lock: int,
    user_id: int | None,
    status: Status,
    reason: str | None = None,
) -> int:
    """Store an edited table as a new version, if nobody saved it since ``expected_lock``.

    Raises Conflict otherwise, and the caller's transaction stores nothing. Returns the new
    lock version.
    """
    stamp = now()
    table, found = reviewed.table, reviewed.findings
    org_ids = ensure_orgs(conn, [table.project.unit, table.project.department])
    place_new(conn, [(table.project.unit, table.project.department)], org_ids)
    fields = _table_fields(reviewed, org_ids, org_region_codes(conn, org_ids.values()))
    before = keys_of_tables(conn, [table_id]).get(table_id)
    bumped = conn.execute(
        update(perf_tables)
        .where(perf_tables.c.id == table_id, perf_tables.c.lock_version == expected_lock)
        .values(
            **fields,
            status=status.value,
            current_version=perf_tables.c.current_version + 1,
            lock_version=perf_tables.c.lock_version + 1,
            updated_at=stamp,
        )
        .returning(perf_tables.c.current_version, perf_tables.c.lock_version)
    ).first()
    if bumped is None:
        raise Conflict(table_id)
    number, lock = bumped
    keys = {table_id: (fields["region_code"], fields["partition_year"])}
    if before != keys[table_id]:
        sync_children(conn, [table_id])
    text, digest = doc.dumps_and_hash(table)
    version = _version_row(table_id, number, text, digest, user_id, stamp, reason)
    conn.execute(insert(table_versions), with_keys([version], keys))
    conn.execute(delete(indicators).where(indicators.c.table_id == table_id))
    conn.execute(delete(findings).where(findings.c.table_id == table_id))
    if table.indicators:
        insert_rows(conn, indicators, with_keys(_indicator_rows(table_id, table), keys))
    if found:
        conn.execute(insert(findings), with_keys(_finding_rows(table_id, found), keys))
    return int(lock)


def set_status(
    conn: Connection,
    table_id: int,
    action: Action,
    from_status: Status,
    to_status: Status,
    user_id: int | None,
    comment: str | None,
) -> None:
    """Move a table along the workflow; only if it still has ``from_status`` (two reviewers racing)."""
    stamp = now()
    moved = conn.execute(
        update(perf_tables)
        .where(perf_tables.c.id == table_id, perf_tables.c.status == from_status.value)
        .values(status=to_status.value, lock_version=perf_tables.c.lock_version + 1, updated_at=stamp)
    )
    if moved.rowcount != 1:
        raise Conflict(table_id)
    conn.execute(
        insert(workflow_events),
        [_event_row(table_id, action, from_status, to_status, user_id, comment, stamp)],
    )
