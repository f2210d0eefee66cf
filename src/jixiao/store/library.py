"""The 指标库's rows: mining state and source, entries and their versions, evidence, links, requests.

The service holds the transactions; everything here takes a Connection. Approved versions are never
updated: `save_mined` rewrites only rows still in status ``draft`` (a mined draft nobody approved),
and a decision adds a version (`add_version`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update
from sqlalchemy.sql.elements import ColumnElement

from jixiao.store.library_schema import (
    library_heads,
    library_links,
    library_peers,
    library_provenance,
    library_requests,
    library_state,
    library_versions,
)
from jixiao.store.schema import orgs, perf_tables, table_versions, users

BATCH = 500
PUBLISHED = "published"


def now() -> datetime:
    """The current moment, UTC."""
    return datetime.now(UTC)


def chunks(items: Iterable[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    """Batches of at most ``size`` items, an iterator consumed as it goes (never listed whole)."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# ── mining ────────────────────────────────────────────────────────────────────────────────────────


def load_state(conn: Connection, with_data: bool = True) -> tuple[int, str | None]:
    """The newest table version mined so far and the mining state's JSON (None before a build, or
    when not asked for)."""
    columns = [library_state.c.watermark] + ([library_state.c.data] if with_data else [])
    row = conn.execute(select(*columns)).first()
    if row is None:
        return 0, None
    return int(row[0]), (str(row[1]) if with_data else None)


def save_state(conn: Connection, watermark: int, data: str, summary: dict[str, Any]) -> None:
    """Keep the mining state, how far it reaches and the build's counts."""
    text = json.dumps(summary, ensure_ascii=False)
    values = {"watermark": watermark, "data": data, "summary": text, "built_at": now()}
    if conn.execute(update(library_state).where(library_state.c.id == 1).values(**values)).rowcount == 0:
        conn.execute(insert(library_state).values(id=1, **values))


def last_summary(conn: Connection) -> dict[str, Any] | None:
    """The counts of the last build (None before the first)."""
    text = conn.execute(select(library_state.c.summary)).scalar()
    return json.loads(text) if text else None


def published_since(conn: Connection, after: int, limit: int = BATCH) -> list[tuple[int, int, str]]:
    """(version id, table id, document) of published tables whose current version is newer than
    ``after``, oldest first, at most ``limit`` (callers page on the version id)."""
    query = (
        select(table_versions.c.id, perf_tables.c.id.label("table_id"), table_versions.c.document)
        .select_from(
            perf_tables.join(
                table_versions,
                and_(
                    table_versions.c.table_id == perf_tables.c.id,
                    table_versions.c.number == perf_tables.c.current_version,
                ),
            )
        )
        .where(perf_tables.c.status == PUBLISHED, table_versions.c.id > after)
        .order_by(table_versions.c.id)
        .limit(limit)
    )
    return [(int(r.id), int(r.table_id), str(r.document)) for r in conn.execute(query)]


def unmined_count(conn: Connection, after: int, cap: int = 100_000) -> int:
    """How many published tables have a current version newer than ``after`` (at most ``cap``, so the
    count stays an index range scan however far behind the library is)."""
    newer = (
        select(perf_tables.c.id)
        .select_from(
            perf_tables.join(
                table_versions,
                and_(
                    table_versions.c.table_id == perf_tables.c.id,
                    table_versions.c.number == perf_tables.c.current_version,
                ),
            )
        )
        .where(perf_tables.c.status == PUBLISHED, table_versions.c.id > after)
        .limit(cap)
        .subquery()
    )
    return int(conn.execute(select(func.count()).select_from(newer)).scalar_one())


def built_at(conn: Connection) -> datetime | None:
    """When the library was last built (None before the first build)."""
    return conn.execute(select(library_state.c.built_at)).scalar()


def write_links(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Link these tables' indicators to normalised keys (a table's earlier links are replaced)."""
    for chunk in chunks(sorted({r["table_id"] for r in rows})):
        conn.execute(delete(library_links).where(library_links.c.table_id.in_(chunk)))
    for chunk in chunks(rows):
        conn.execute(insert(library_links), list(chunk))


def resolve_links(conn: Connection) -> None:
    """Give links without an entry the entry of their key and the version in force now."""
    code = select(library_peers.c.code).where(library_peers.c.key == library_links.c.key).scalar_subquery()
    conn.execute(update(library_links).where(library_links.c.code.is_(None)).values(code=code))
    version = (
        select(library_heads.c.version).where(library_heads.c.code == library_links.c.code).scalar_subquery()
    )
    conn.execute(
        update(library_links)
        .where(library_links.c.version.is_(None), library_links.c.code.is_not(None))
        .values(version=version)
    )


def save_mined(conn: Connection, mined: Iterable[dict[str, Any]]) -> int:
    """Store mined entries: new codes become drafts (version 1), drafts are refreshed, approved and
    retired entries only get their usage counts. Returns how many entries are new."""
    stamp, added = now(), 0
    for chunk in chunks(mined):
        codes = [m["code"] for m in chunk]
        status = dict(
            conn.execute(
                select(library_heads.c.code, library_heads.c.status).where(library_heads.c.code.in_(codes))
            ).all()
        )
        fresh = [m for m in chunk if m["code"] not in status]
        added += len(fresh)
        if fresh:
            conn.execute(
                insert(library_versions),
                [
                    {
                        "code": m["code"],
                        "number": 1,
                        "status": "draft",
                        "fields": m["fields"],
                        "created_at": stamp,
                    }
                    for m in fresh
                ],
            )
            conn.execute(insert(library_heads), [_head(m, 1, "draft", stamp) for m in fresh])
        for m in chunk:
            if m["code"] not in status:
                continue
            counts = {"tables": m["tables"], "publishers": m["publishers"]}
            if status[m["code"]] == "draft":
                conn.execute(
                    update(library_versions)
                    .where(library_versions.c.code == m["code"], library_versions.c.status == "draft")
                    .values(fields=m["fields"])
                )
                conn.execute(
                    update(library_heads)
                    .where(library_heads.c.code == m["code"])
                    .values(
                        **{
                            k: v
                            for k, v in _head(m, 1, "draft", stamp).items()
                            if k not in ("code", "version")
                        }
                    )
                )
            else:
                conn.execute(update(library_heads).where(library_heads.c.code == m["code"]).values(**counts))
    return added


def _head(m: dict[str, Any], version: int, status: str, stamp: datetime) -> dict[str, Any]:
    return {
        "code": m["code"],
        "version": version,
        "status": status,
        "name": m["name"][:300],
        "key": m["key"][:300],
        "level1": m["level1"][:60],
        "level2": m["level2"][:60],
        "kind": m.get("kind", "个性"),
        "search_text": m["search_text"],
        "tables": m["tables"],
        "publishers": m["publishers"],
        "updated_at": stamp,
    }


def clear_evidence(conn: Connection) -> None:
    """Delete every entry's evidence and every peer record (a build then adds them batch by batch)."""
    conn.execute(delete(library_provenance))
    conn.execute(delete(library_peers))


def add_evidence(
    conn: Connection, provenance: Iterable[tuple[str, str]], peers: Iterable[tuple[str, str, str]]
) -> None:
    """Add entries' evidence (code, JSON) and peer records (key, code, JSON)."""
    _insert_stream(conn, library_provenance, ({"code": c, "data": d} for c, d in provenance))
    _insert_stream(conn, library_peers, ({"key": k[:300], "code": c, "data": d} for k, c, d in peers))


def _insert_stream(conn: Connection, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            conn.execute(insert(table), batch)
            batch = []
    if batch:
        conn.execute(insert(table), batch)


# ── reading entries ───────────────────────────────────────────────────────────────────────────────


def list_heads(
    conn: Connection,
    q: str = "",
    statuses: Sequence[str] = ("draft", "active"),
    level2: str = "",
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Entries in the given statuses matching a search (name, synonym, 二级, sector), most used first."""
    conditions: list[ColumnElement[bool]] = [library_heads.c.status.in_(list(statuses))]
    for word in q.split():
        conditions.append(library_heads.c.search_text.contains(word, autoescape=True))
    if level2:
        conditions.append(library_heads.c.level2 == level2)
    total = conn.execute(select(func.count()).select_from(library_heads).where(*conditions)).scalar_one()
    rows = conn.execute(
        select(library_heads)
        .where(*conditions)
        .order_by(library_heads.c.tables.desc(), library_heads.c.code)
        .limit(limit)
        .offset(offset)
    )
    return [dict(r._mapping) for r in rows], int(total)


def get_head(conn: Connection, code: str) -> dict[str, Any] | None:
    """One entry's head row."""
    row = conn.execute(select(library_heads).where(library_heads.c.code == code)).first()
    return dict(row._mapping) if row is not None else None


def heads_by_codes(conn: Connection, codes: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Head rows by code."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(list(codes)):
        for row in conn.execute(select(library_heads).where(library_heads.c.code.in_(chunk))):
            found[row.code] = dict(row._mapping)
    return found


def get_versions(conn: Connection, code: str) -> list[dict[str, Any]]:
    """Every version of an entry, the newest first, with who made it."""
    rows = conn.execute(
        select(library_versions, users.c.username)
        .select_from(library_versions.outerjoin(users, users.c.id == library_versions.c.created_by))
        .where(library_versions.c.code == code)
        .order_by(library_versions.c.number.desc())
    )
    return [{**dict(r._mapping), "fields": json.loads(r.fields)} for r in rows]


def get_provenance(conn: Connection, code: str) -> dict[str, Any] | None:
    """The mined evidence of an entry."""
    data = conn.execute(select(library_provenance.c.data).where(library_provenance.c.code == code)).scalar()
    return json.loads(data) if data else None


def provenance_of(conn: Connection, codes: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The mined evidence of several entries."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(list(codes)):
        query = select(library_provenance).where(library_provenance.c.code.in_(chunk))
        found.update({r.code: json.loads(r.data) for r in conn.execute(query)})
    return found


def peers_for_keys(conn: Connection, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Stored peer records by normalised key (one indexed lookup per batch of keys)."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(sorted(set(keys))):
        query = select(library_peers.c.key, library_peers.c.data).where(library_peers.c.key.in_(chunk))
        found.update({r.key: json.loads(r.data) for r in conn.execute(query)})
    return found


def tables_using(conn: Connection, code: str, limit: int = 100) -> tuple[list[dict[str, Any]], int]:
    """Published tables with an indicator linked to the entry, and the version each link points to."""
    unit = orgs.alias("unit")
    base = (
        select(
            perf_tables.c.id,
            perf_tables.c.name,
            perf_tables.c.year,
            unit.c.name.label("unit"),
            library_links.c.version,
            func.count().label("indicators"),
        )
        .select_from(
            library_links.join(perf_tables, perf_tables.c.id == library_links.c.table_id).outerjoin(
                unit, unit.c.id == perf_tables.c.unit_id
            )
        )
        .where(library_links.c.code == code, perf_tables.c.status == PUBLISHED)
        .group_by(
            perf_tables.c.id, perf_tables.c.name, perf_tables.c.year, unit.c.name, library_links.c.version
        )
    )
    total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    rows = conn.execute(base.order_by(perf_tables.c.year.desc(), perf_tables.c.id).limit(limit))
    return [dict(r._mapping) for r in rows], int(total)


def all_current(conn: Connection, statuses: Sequence[str]) -> Iterator[dict[str, Any]]:
    """Every entry in these statuses with the fields of its version in force, by code (streamed)."""
    after = ""
    while True:
        rows = conn.execute(
            select(library_heads, library_versions.c.fields)
            .select_from(
                library_heads.join(
                    library_versions,
                    and_(
                        library_versions.c.code == library_heads.c.code,
                        library_versions.c.number == library_heads.c.version,
                    ),
                )
            )
            .where(library_heads.c.status.in_(list(statuses)), library_heads.c.code > after)
            .order_by(library_heads.c.code)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        for r in rows:
            yield {**dict(r._mapping), "fields": json.loads(r.fields)}
        after = rows[-1].code


# ── governance ────────────────────────────────────────────────────────────────────────────────────


def add_version(
    conn: Connection,
    code: str,
    status: str,
    fields: dict[str, Any],
    search: dict[str, Any],
    user_id: int | None,
    request_id: int | None,
) -> int:
    """A new version of an entry (never an update of an earlier one); the head points to it."""
    number = (
        int(
            conn.execute(
                select(func.coalesce(func.max(library_versions.c.number), 0)).where(
                    library_versions.c.code == code
                )
            ).scalar_one()
        )
        + 1
    )
    stamp = now()
    conn.execute(
        insert(library_versions).values(
            code=code,
            number=number,
            status="retired" if status == "retired" else "approved",
            fields=json.dumps(fields, ensure_ascii=False),
            request_id=request_id,
            created_by=user_id,
            created_at=stamp,
        )
    )
    head = {**search, "code": code, "version": number, "status": status, "updated_at": stamp}
    if conn.execute(update(library_heads).where(library_heads.c.code == code).values(**head)).rowcount == 0:
        conn.execute(insert(library_heads).values(tables=0, publishers=0, **head))
    return number


def add_request(conn: Connection, values: dict[str, Any]) -> int:
    """Store a new request (status pending); its id."""
    result = conn.execute(insert(library_requests).values(status="pending", requested_at=now(), **values))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def get_request(conn: Connection, request_id: int) -> dict[str, Any] | None:
    """One request with its proposed fields."""
    row = conn.execute(select(library_requests).where(library_requests.c.id == request_id)).first()
    return {**dict(row._mapping), "fields": json.loads(row.fields)} if row is not None else None


def list_requests(
    conn: Connection, statuses: Sequence[str], requested_by: int | None = None
) -> list[dict[str, Any]]:
    """Requests in these statuses (only one user's when ``requested_by``), the oldest first."""
    requester = users.alias("requester")
    query = (
        select(library_requests, requester.c.username.label("requester"))
        .select_from(library_requests.outerjoin(requester, requester.c.id == library_requests.c.requested_by))
        .where(library_requests.c.status.in_(list(statuses)))
        .order_by(library_requests.c.id)
        .limit(500)
    )
    if requested_by is not None:
        query = query.where(library_requests.c.requested_by == requested_by)
    return [{**dict(r._mapping), "fields": json.loads(r.fields)} for r in conn.execute(query)]


def move_request(conn: Connection, request_id: int, expected: str, values: dict[str, Any]) -> bool:
    """Move a request on from ``expected`` (False: someone else moved it first)."""
    result = conn.execute(
        update(library_requests)
        .where(library_requests.c.id == request_id, library_requests.c.status == expected)
        .values(**values)
    )
    return result.rowcount == 1


def department_of_unit(conn: Connection, unit: str) -> str | None:
    """The 主管部门 of a 用款单位, as its newest stored table names it."""
    unit_org = orgs.alias("u")
    department = orgs.alias("d")
    return conn.execute(
        select(department.c.name)
        .select_from(
            perf_tables.join(unit_org, unit_org.c.id == perf_tables.c.unit_id).join(
                department, department.c.id == perf_tables.c.department_id
            )
        )
        .where(unit_org.c.name == unit)
        .order_by(perf_tables.c.id.desc())
        .limit(1)
    ).scalar()


def offer_stamp(conn: Connection) -> tuple[Any, ...]:
    """What changes whenever the entries on offer change: their count and newest change, the build."""
    heads = conn.execute(select(func.count(), func.max(library_heads.c.updated_at))).one()
    built = conn.execute(select(library_state.c.built_at)).scalar()
    return (int(heads[0]), heads[1], built)
