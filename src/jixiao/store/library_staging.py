"""The 指标库's mining state in SQL (migration 0018): tables mined, per-key statistics, groups.

A build never holds the whole state: it appends one statistics part per key and page
(`add_key_parts`), merges the parts of the keys that got new ones (`uncompacted_keys`, `key_parts`,
`replace_keys`), groups the keys (`key_weights`, `replace_groups`) and builds the entries group by
group (`group_page`). Everything is read in pages on an ordered key, so each call holds at most a
page. The service holds the transactions; everything here takes a Connection.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from jixiao.store.library import chunks
from jixiao.store.library_schema import library_groups, library_key_stats, library_mined

PAGE = 500


def clear(conn: Connection) -> None:
    """Forget every table mined, every key and every group (the next build starts again)."""
    for table in (library_groups, library_key_stats, library_mined):
        conn.execute(delete(table))


def next_ordinal(conn: Connection) -> int:
    """The ordinal the next table mined gets (the number of tables mined so far)."""
    return int(conn.execute(select(func.coalesce(func.max(library_mined.c.ordinal) + 1, 0))).scalar_one())


def known_fingerprints(conn: Connection, fingerprints: Iterable[str]) -> set[str]:
    """Which of these table fingerprints were mined before."""
    found: set[str] = set()
    for chunk in chunks(sorted(set(fingerprints))):
        query = select(library_mined.c.fingerprint).where(library_mined.c.fingerprint.in_(chunk))
        found.update(conn.execute(query).scalars())
    return found


def add_mined(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Record tables mined: ``ordinal``, ``fingerprint``, ``year`` (0: none), ``publisher``."""
    for chunk in chunks(rows):
        conn.execute(insert(library_mined), list(chunk))


def mined_tables(conn: Connection) -> Iterator[tuple[int, int, str]]:
    """(ordinal, year, publisher) of every table mined, in ordinal order, page by page."""
    after = -1
    while True:
        rows = conn.execute(
            select(library_mined.c.ordinal, library_mined.c.year, library_mined.c.publisher)
            .where(library_mined.c.ordinal > after)
            .order_by(library_mined.c.ordinal)
            .limit(PAGE * 10)
        ).all()
        if not rows:
            return
        for ordinal, year, publisher in rows:
            yield int(ordinal), int(year), str(publisher)
        after = int(rows[-1][0])


def add_key_parts(conn: Connection, parts: Iterable[dict[str, Any]]) -> None:
    """Append statistics parts (``key``, ``rows``, ``data``, ``tables``), not yet merged."""
    for chunk in chunks(({**p, "level2": None} for p in parts), PAGE):
        conn.execute(insert(library_key_stats), list(chunk))


def uncompacted_keys(conn: Connection, after: str, limit: int = PAGE) -> list[str]:
    """Keys with parts not merged yet, after ``after`` in key order, at most ``limit``."""
    query = (
        select(library_key_stats.c.key)
        .where(library_key_stats.c.level2.is_(None), library_key_stats.c.key > after)
        .group_by(library_key_stats.c.key)
        .order_by(library_key_stats.c.key)
        .limit(limit)
    )
    return [str(k) for k in conn.execute(query).scalars()]


def key_parts(conn: Connection, keys: Sequence[str]) -> list[tuple[str, int, str, bytes]]:
    """(key, rows, data, tables) of every part of these keys, in the order they were written."""
    query = (
        select(
            library_key_stats.c.key,
            library_key_stats.c.rows,
            library_key_stats.c.data,
            library_key_stats.c.tables,
        )
        .where(library_key_stats.c.key.in_(list(keys)))
        .order_by(library_key_stats.c.key, library_key_stats.c.id)
    )
    return [(str(k), int(n), str(d), bytes(t)) for k, n, d, t in conn.execute(query)]


def replace_keys(conn: Connection, merged: Sequence[dict[str, Any]]) -> None:
    """Replace every part of these keys by one merged row (``key``, ``level2``, ``rows``, ``data``,
    ``tables``)."""
    keys = [m["key"] for m in merged]
    for chunk in chunks(keys):
        conn.execute(delete(library_key_stats).where(library_key_stats.c.key.in_(chunk)))
    for chunk in chunks(merged, PAGE):
        conn.execute(insert(library_key_stats), list(chunk))


def key_weights(conn: Connection) -> Iterator[tuple[str, str, int]]:
    """(key, commonest 二级, rows) of every merged key, in key order, page by page."""
    after = ""
    first = True
    while True:
        condition = library_key_stats.c.level2.is_not(None)
        query = select(library_key_stats.c.key, library_key_stats.c.level2, library_key_stats.c.rows)
        if not first:
            query = query.where(library_key_stats.c.key > after)
        rows = conn.execute(query.where(condition).order_by(library_key_stats.c.key).limit(PAGE * 10)).all()
        if not rows:
            return
        for key, level2, n in rows:
            yield str(key), str(level2), int(n)
        after, first = str(rows[-1][0]), False


def totals(conn: Connection) -> tuple[int, int]:
    """(tables mined, indicator rows mined)."""
    tables = conn.execute(select(func.count()).select_from(library_mined)).scalar_one()
    rows = conn.execute(select(func.coalesce(func.sum(library_key_stats.c.rows), 0))).scalar_one()
    return int(tables), int(rows)


def earlier_groups(conn: Connection) -> Iterator[tuple[str, str, float, str]]:
    """(key, group key, similarity, how) of every key grouped by the last build, page by page."""
    after = ""
    first = True
    while True:
        query = select(
            library_groups.c.key,
            library_groups.c.group_key,
            library_groups.c.similarity,
            library_groups.c.how,
        )
        if not first:
            query = query.where(library_groups.c.key > after)
        rows = conn.execute(query.order_by(library_groups.c.key).limit(PAGE * 10)).all()
        if not rows:
            return
        for key, group_key, similarity, how in rows:
            yield str(key), str(group_key), float(similarity), str(how)
        after, first = str(rows[-1][0]), False


def replace_groups(conn: Connection, members: Iterable[dict[str, Any]]) -> None:
    """Replace the groups: one row per key (``key``, ``group_key``, ``position``, ``similarity``, ``how``)."""
    conn.execute(delete(library_groups))
    for chunk in chunks(members, PAGE * 4):
        conn.execute(insert(library_groups), list(chunk))


def group_page(conn: Connection, after: str | None, limit: int = PAGE) -> list[tuple[Any, ...]]:
    """Members of the next ``limit`` groups after group key ``after`` (None: from the start), each
    with its statistics when it has any: (group key, key, similarity, how, rows, data, tables), in
    group and member order."""
    groups = select(library_groups.c.group_key).group_by(library_groups.c.group_key)
    if after is not None:
        groups = groups.where(library_groups.c.group_key > after)
    wanted = [
        str(g) for g in conn.execute(groups.order_by(library_groups.c.group_key).limit(limit)).scalars()
    ]
    if not wanted:
        return []
    query = (
        select(
            library_groups.c.group_key,
            library_groups.c.key,
            library_groups.c.similarity,
            library_groups.c.how,
            library_key_stats.c.rows,
            library_key_stats.c.data,
            library_key_stats.c.tables,
        )
        .select_from(
            library_groups.outerjoin(library_key_stats, library_key_stats.c.key == library_groups.c.key)
        )
        .where(library_groups.c.group_key.in_(wanted))
        .order_by(library_groups.c.group_key, library_groups.c.position)
    )
    return [tuple(r) for r in conn.execute(query)]
