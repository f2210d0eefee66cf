"""PostgreSQL's trigram GIN indexes kept quick to search: short pending lists, emptied after bulk loads.

A GIN index takes new entries into an unsorted *pending list* (``fastupdate``) and merges them into
the index only when the list passes ``gin_pending_list_limit`` (4 MB by default) or when (auto)vacuum
runs. Every search reads the whole pending list. With one trigram index per year partition, that is
up to 4 MB read per partition per search: measured with 300,000 tables right after the million
benchmark's bulk load, 7 to 13 ms per partition instead of 0.4 ms, and ten times slower searches
across all years (docs/scale.md §5).

So every partition's trigram index gets a short pending list (`PENDING_LIST_KB`, set by migration
0016 and on every partition made later), and a large import empties the lists when it ends
(`flush_pending_lists`, next to its ``ANALYZE``). Neither changes any search result.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

TRIGRAM_PARENTS = ("ix_perf_tables_name_trgm", "ix_indicators_text_trgm")  # as in migration 0003
PENDING_LIST_KB = 256


def trigram_partition_indexes(conn: Connection) -> list[str]:
    """The names of the trigram indexes of every local partition (foreign partitions have none)."""
    rows = conn.execute(
        text(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = ANY(:parents) ORDER BY c.relname"
        ),
        {"parents": list(TRIGRAM_PARENTS)},
    )
    return [str(name) for name in rows.scalars()]


def limit_pending_lists(conn: Connection) -> list[str]:
    """Give every partition's trigram index the short pending list; the indexes changed."""
    if conn.dialect.name != "postgresql":
        return []
    names = trigram_partition_indexes(conn)
    for name in names:  # names come from the catalogue, not from a caller
        conn.execute(text(f'ALTER INDEX "{name}" SET (gin_pending_list_limit = {PENDING_LIST_KB})'))
    return names


def flush_pending_lists(conn: Connection) -> int:
    """Merge every trigram index's pending list into the index; how many pages were merged."""
    if conn.dialect.name != "postgresql":
        return 0
    merged = 0
    for name in trigram_partition_indexes(conn):
        merged += int(
            conn.execute(
                text("SELECT gin_clean_pending_list(CAST(:i AS regclass))"), {"i": name}
            ).scalar_one()
        )
    return merged
