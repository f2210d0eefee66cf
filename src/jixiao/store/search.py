"""Substring search (project name or unit; indicator name or value) served by trigram indexes.

The meaning is always the plain ``LIKE '%text%'`` on the stored columns, on each database as that
database defines ``LIKE`` (SQLite ignores ASCII case, PostgreSQL does not). No B-tree serves a
substring, so migration 0003 adds a trigram index per database and the conditions here use it to find
*candidates*, then check the unchanged ``LIKE`` on them — the index can only make the search faster,
never change what it finds:

- SQLite: the FTS5 ``trigram`` tables ``perf_tables_search`` and ``indicators_search`` (external
  content, kept by triggers), asked for the text as a phrase (``MATCH '"…"'``: its trigrams in a row,
  any column, case folded — a superset of ``LIKE``). A trigram index knows nothing shorter than three
  characters (``妇女``; SQLite 3.40's FTS5 even answers such a ``LIKE`` with nothing at all), and a
  wildcard inside the text splits it into such pieces, so those searches skip the index and scan,
  as before.
- PostgreSQL: ``pg_trgm`` GIN indexes, which the planner picks for ``LIKE`` by itself; the indicator
  index is on one expression (name, period and annual values joined by spaces), written here exactly
  as in the migration. Without ``pg_trgm`` the same SQL runs, unindexed.

An indexed condition has the portable shape ``perf_tables.id IN (SELECT …)``, the subquery answered
from the trigram index; the outer query keeps its usual plan (a list read in index order, a count).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, column, literal_column, or_, select, table, text, union_all
from sqlalchemy.sql.elements import ColumnElement

from jixiao.store.partitions import is_partition
from jixiao.store.schema import indicators, orgs, perf_tables

SQLITE_SEARCH_TABLES = ("perf_tables_search", "indicators_search")
TRIGRAM_INDEXES = ("ix_perf_tables_name_trgm", "ix_indicators_text_trgm")
SHORTEST_INDEXED = 3  # a trigram index holds runs of three characters

_names_fts = table("perf_tables_search", column("rowid"), column("name"))
_indicators_fts = table(
    "indicators_search", column("rowid"), column("name"), column("period_raw"), column("annual_raw")
)


def include_name(name: str | None, type_: str, _parent_names: Any = None) -> bool:
    """For Alembic's comparison: leave out the search indexes, which schema.py does not describe."""
    if name is None:
        return True
    if type_ == "table" and is_partition(name):  # PostgreSQL's year partitions (jixiao.store.partitions)
        return False
    if type_ == "table":  # the FTS5 tables and their shadow tables (…_data, …_idx, …_docsize, …_config)
        return not any(name == t or name.startswith(f"{t}_") for t in SQLITE_SEARCH_TABLES)
    if type_ == "index":
        return name not in TRIGRAM_INDEXES
    return True


def indexable(text_: str) -> bool:
    """Whether a trigram index can find this text: three characters or more, no LIKE wildcard."""
    return len(text_) >= SHORTEST_INDEXED and "%" not in text_ and "_" not in text_


def _sqlite_fts(conn: Connection, name: str) -> bool:
    """Whether this is SQLite with the FTS5 table ``name`` (the migration skips it without FTS5)."""
    if conn.dialect.name != "sqlite":
        return False
    found = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": name}
    ).first()
    return found is not None


def _fts_match(fts: Any, words: str) -> ColumnElement[bool]:
    """``fts MATCH '"words"'``: a phrase of trigrams, i.e. the substring in any column, from the index
    alone (FTS5's own LIKE would read every candidate's text back from the content table)."""
    phrase = '"' + words.replace('"', '""') + '"'
    return literal_column(fts.name).op("MATCH")(phrase)


def name_or_unit_matches(conn: Connection, q: str, year: int | None = None) -> ColumnElement[bool]:
    """Tables whose project name or unit (用款单位) contains ``q``; with ``year``, the name's index is
    read for that year only (on PostgreSQL: that year's partition alone)."""
    pattern = f"%{q}%"
    by_name: ColumnElement[bool] = perf_tables.c.name.like(pattern)
    if indexable(q) and (conn.dialect.name == "postgresql" or _sqlite_fts(conn, _names_fts.name)):
        # an alias: a subquery on perf_tables itself would otherwise be correlated to the outer query
        named = perf_tables.alias("name_match")
        candidates = select(named.c.id).where(named.c.name.like(pattern))
        if year is not None:
            candidates = candidates.where(named.c.partition_year == year)
        if conn.dialect.name == "sqlite":
            fts = _names_fts
            candidates = candidates.where(named.c.id.in_(select(fts.c.rowid).where(_fts_match(fts, q))))
        by_name = perf_tables.c.id.in_(candidates)
    # The organisations are few: find the matching ones first, so that a search matching no unit (the
    # usual case) is the name's index alone, and one matching units is a plain unit_id IN (…).
    unit_ids = list(conn.execute(select(orgs.c.id).where(orgs.c.name.like(pattern))).scalars())
    return or_(by_name, perf_tables.c.unit_id.in_(unit_ids)) if unit_ids else by_name


def name_or_unit_candidates(conn: Connection, q: str, year: int | None = None) -> Select[Any] | None:
    """The ids of the tables whose project name or unit contains ``q``, as one SELECT for
    ``id IN (…)``; None when ``q`` is too short for the trigram index (use `name_or_unit_matches`).

    One IN over a UNION, rather than an OR of INs, lets PostgreSQL look the few matching ids up in
    each year partition's key instead of reading every partition with the subqueries hashed."""
    if not indexable(q) or not (conn.dialect.name == "postgresql" or _sqlite_fts(conn, _names_fts.name)):
        return None
    pattern = f"%{q}%"
    named = perf_tables.alias("name_match")
    candidates = select(named.c.id).where(named.c.name.like(pattern))
    if year is not None:
        candidates = candidates.where(named.c.partition_year == year)
    if conn.dialect.name == "sqlite":
        fts = _names_fts
        candidates = candidates.where(named.c.id.in_(select(fts.c.rowid).where(_fts_match(fts, q))))
    unit_ids = list(conn.execute(select(orgs.c.id).where(orgs.c.name.like(pattern))).scalars())
    if unit_ids:
        by_unit = perf_tables.alias("unit_match")
        in_units = select(by_unit.c.id).where(by_unit.c.unit_id.in_(unit_ids))
        if year is not None:
            in_units = in_units.where(by_unit.c.partition_year == year)
        return union_all(candidates, in_units).subquery("named").select()
    return candidates


def indicator_candidates(conn: Connection, words: str, levels: bool = False, year: int | None = None) -> Any:
    """The ids of the tables with an indicator containing ``words`` (as `indicator_matches`), as one
    SELECT for ``id IN (…)``."""
    selects = _indicator_selects(conn, words, levels, year)
    return union_all(*selects).subquery("indicated").select() if len(selects) > 1 else selects[0]


def indicator_matches(
    conn: Connection, words: str, levels: bool = False, year: int | None = None
) -> ColumnElement[bool]:
    """Tables with an indicator whose name, 实施周期指标值 or 年度指标值 contains ``words``; with
    ``levels``, also its 一级 or 二级 name, when ``words`` is part of a catalogue category name
    (``满意度``): those columns have no trigram index, so only such words look at them. With ``year``,
    only that year's indicators are read (on PostgreSQL: that year's partition alone)."""
    return or_(*(perf_tables.c.id.in_(found) for found in _indicator_selects(conn, words, levels, year)))


def _indicator_selects(conn: Connection, words: str, levels: bool, year: int | None) -> list[Select[Any]]:
    pattern = f"%{words}%"
    item = indicators.alias("indicator_match")
    exact = or_(item.c.name.like(pattern), item.c.period_raw.like(pattern), item.c.annual_raw.like(pattern))
    in_year = [item.c.partition_year == year] if year is not None else []
    matching = select(item.c.table_id).where(exact, *in_year)
    if indexable(words) and _sqlite_fts(conn, _indicators_fts.name):
        candidates = select(_indicators_fts.c.rowid).where(_fts_match(_indicators_fts, words))
        matching = matching.where(item.c.id.in_(candidates))
    elif indexable(words) and conn.dialect.name == "postgresql":
        space: ColumnElement[str] = literal_column("' '")
        joined = item.c.name.op("||")(space).op("||")(item.c.period_raw).op("||")(space)
        joined = joined.op("||")(item.c.annual_raw)
        matching = matching.where(joined.op("LIKE")(pattern))
    selects = [matching]
    if levels and names_a_category(words):
        selects.append(
            select(item.c.table_id).where(
                or_(item.c.level1.like(pattern), item.c.level2.like(pattern)), *in_year
            )
        )
    return selects


def names_a_category(words: str) -> bool:
    """Whether ``words`` is part of a 一级/二级 name of the catalogue (or of its usual spellings)."""
    from jixiao.catalog import ALL_CATEGORY_NAMES

    return bool(words) and any(words in name for name in ALL_CATEGORY_NAMES)


def matched_indicators(conn: Connection, table_ids: list[int], words: str) -> dict[int, list[str]]:
    """For a page of search results: the indicators of each table that contain ``words`` (in their
    name, 一级/二级 name or values), described for the list (``指标“学员满意度”``)."""
    if not table_ids or not words:
        return {}
    pattern = f"%{words}%"
    columns = (indicators.c.name, indicators.c.level1, indicators.c.level2)
    values = (indicators.c.period_raw, indicators.c.annual_raw)
    rows = conn.execute(
        select(indicators.c.table_id, *columns, indicators.c.annual_raw)
        .where(indicators.c.table_id.in_(table_ids), or_(*(c.like(pattern) for c in (*columns, *values))))
        .order_by(indicators.c.table_id, indicators.c.position)
    )
    found: dict[int, list[str]] = {}
    for row in rows:
        folded = words.casefold()
        if folded in row.name.casefold():
            note = f"三级指标“{row.name}”"
        elif folded in row.level2.casefold():
            note = f"二级指标“{row.level2}”"
        elif folded in row.level1.casefold():
            note = f"一级指标“{row.level1}”"
        else:
            note = f"指标值“{row.name}：{row.annual_raw}”"
        notes = found.setdefault(row.table_id, [])
        if note not in notes:
            notes.append(note)
    return found
