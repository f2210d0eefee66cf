"""What each mined table's project is about, for 推荐指标: its terms (name, goal, 项目类型, 主管部门), the
tables sharing terms with a project being drafted, and the entries those tables use — indexed lookups,
written by the build, read while a 填报人 waits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from jixiao.store.library import PUBLISHED, chunks
from jixiao.store.library_schema import library_links, library_project_terms
from jixiao.store.schema import perf_tables


def write_project_terms(conn: Connection, table_ids: Iterable[int], rows: Iterable[dict[str, Any]]) -> None:
    """Replace these tables' project terms (``{"term", "table_id"}`` rows)."""
    for chunk in chunks(sorted(set(table_ids))):
        conn.execute(delete(library_project_terms).where(library_project_terms.c.table_id.in_(chunk)))
    for chunk in chunks(rows):
        conn.execute(insert(library_project_terms), list(chunk))


def tables_with_terms(
    conn: Connection, terms: Iterable[str], per_term: int = 300
) -> dict[int, tuple[int | None, set[str]]]:
    """Published tables sharing any of ``terms`` (the newest ``per_term`` of each, by index): table id →
    (unit id, the terms it shares)."""
    shared: dict[int, set[str]] = {}
    for term in terms:
        query = (
            select(library_project_terms.c.table_id)
            .where(library_project_terms.c.term == term)
            .order_by(library_project_terms.c.table_id.desc())
            .limit(per_term)
        )
        for table_id in conn.execute(query).scalars().all():  # one fetch, not a row at a time
            shared.setdefault(int(table_id), set()).add(term)
    found: dict[int, tuple[int | None, set[str]]] = {}
    for chunk in chunks(list(shared)):
        query = select(perf_tables.c.id, perf_tables.c.unit_id).where(
            perf_tables.c.id.in_(chunk), perf_tables.c.status == PUBLISHED
        )
        for table_id, unit_id in conn.execute(query).all():
            found[int(table_id)] = (unit_id, shared[int(table_id)])
    return found


def codes_of_tables(conn: Connection, table_ids: Sequence[int]) -> list[tuple[int, str]]:
    """(table id, entry code) of every linked indicator of these tables."""
    found: list[tuple[int, str]] = []
    for chunk in chunks(list(table_ids)):
        query = select(library_links.c.table_id, library_links.c.code).where(
            library_links.c.table_id.in_(chunk), library_links.c.code.is_not(None)
        )
        found.extend((int(t), str(c)) for t, c in conn.execute(query).all())
    return found
