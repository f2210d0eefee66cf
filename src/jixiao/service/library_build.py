"""Building the stored 指标库 in bounded memory: the mining state lives in SQL, not in the process.

`StagedBuild.run` does in four passes what `jixiao.library.build_library` does in memory, with the
same results, holding at most a page of tables, a page of keys or a page of groups at a time (plus
the keys being grouped, and a year and a publisher number per table mined):

1. **mine** the published tables newer than the watermark page by page: each page's tables not mined
   before (by content fingerprint, `library_mined`) go through a fresh `Miner`, and its per-key
   statistics are appended as parts (`library_key_stats`, ``level2`` NULL); the page's links and
   project terms are written with it, in one transaction per page;
2. **merge** the parts of every key that got new ones into one row (its commonest 二级 set);
3. **group** the keys (`group_keys`, earlier groups kept) and store the groups (`library_groups`);
4. **entries**, group by group in pages: build each entry from its members' statistics, store it as a
   draft (approved entries only get new counts), its evidence and its peer records.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterable
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Engine

from jixiao.library.build import dominant_level2, keep_similarities
from jixiao.library.entries import Entry, build_entry
from jixiao.library.fields import fields_from_entry, fields_to_dict
from jixiao.library.grouping import Group, Member, group_keys
from jixiao.library.mining import KeyStats, Miner, TableRows, rows_from_document
from jixiao.library.normalise import forget_cached, normalise_name
from jixiao.library.peers import peer_record
from jixiao.library.projects import project_terms
from jixiao.library.serialize import entry_to_dict, stats_from_record, stats_record
from jixiao.store import library as store
from jixiao.store import library_projects as projects_store
from jixiao.store import library_staging as staging

Progress = Callable[[int], None]
MERGE_KEYS = 200  # keys merged per transaction: a common key has a part per page it was used on
CONFLICTS_SHOWN = 200  # placement conflicts listed in a build's summary (all are counted)


def mined_row(entry: Entry) -> dict[str, Any]:
    """What `store.save_mined` keeps of a mined entry: head columns and the governed fields."""
    fields = fields_from_entry(entry)
    return {
        "code": entry.code,
        "key": entry.key,
        "name": fields.name,
        "level1": fields.level1,
        "level2": fields.level2,
        "search_text": fields.search_text,
        "tables": entry.provenance.tables,
        "publishers": entry.provenance.publishers,
        "fields": json.dumps(fields_to_dict(fields), ensure_ascii=False),
    }


def terms_of(document: dict[str, Any]) -> set[str]:
    """A stored document's project terms (name, goal text, 项目类型, 主管部门)."""
    project = document.get("project") or {}
    goals = document.get("goals") or {}
    goal = f"{goals.get('annual') or ''} {goals.get('period') or ''}" if isinstance(goals, dict) else ""
    return project_terms(
        str(project.get("name") or ""),
        project.get("type"),
        goal,
        project.get("department") or project.get("unit"),
    )


class StagedBuild:
    """One build of the stored library from the tables published after ``watermark``."""

    def __init__(self, engine: Engine, watermark: int, progress: Progress | None = None) -> None:
        self.engine = engine
        self.reached = watermark
        self.progress = progress
        self.tables_added = self.tables_skipped = self.rows_added = 0

    def run(self) -> dict[str, Any]:
        """All four passes; the summary of what was built (the watermark reached is `reached`)."""
        self._mine()
        forget_cached()
        self._merge()
        before = self._group()
        forget_cached()
        with self.engine.begin() as conn:
            summary = self._entries(conn)
            tables, rows = staging.totals(conn)
            store.resolve_links(conn)
        return {
            "tables_added": self.tables_added,
            "tables_skipped": self.tables_skipped,
            "rows_added": self.rows_added,
            "tables": tables,
            "rows": rows,
            **summary,
            "entries_before": before,
        }

    # ── 1. mine ────────────────────────────────────────────────────────────────────────────────

    def _mine(self) -> None:
        with self.engine.connect() as conn:
            ordinal = staging.next_ordinal(conn)
        while True:
            with self.engine.begin() as conn:
                page = store.published_since(conn, self.reached)
                if not page:
                    return
                ordinal = self._mine_page(conn, page, ordinal)
            self.reached = page[-1][0]

    def _mine_page(self, conn: Connection, page: list[tuple[int, int, str]], ordinal: int) -> int:
        links: list[dict[str, Any]] = []
        terms: list[dict[str, Any]] = []
        tables: list[TableRows] = []
        for _, table_id, text in page:
            document = {**json.loads(text), "id": table_id}
            terms.extend({"term": t, "table_id": table_id} for t in terms_of(document))
            for position, item in enumerate(document.get("indicators") or []):
                key = normalise_name(str(item.get("name") or "")).key
                if key:
                    links.append({"table_id": table_id, "position": position, "key": key[:300]})
            tables.append(rows_from_document(document))
        miner = Miner(
            staging.known_fingerprints(conn, (t.fingerprint for t in tables)), first_ordinal=ordinal
        )
        mined: list[dict[str, Any]] = []
        for table in tables:
            if miner.add(table):
                year = miner.table_years[-1]
                number = ordinal + len(mined)
                mined.append({"ordinal": number, "fingerprint": table.fingerprint, "year": year,
                              "publisher": table.publisher})  # fmt: skip
            if self.progress is not None:
                self.progress(1)
        staging.add_mined(conn, mined)
        staging.add_key_parts(conn, _parts(miner.stats.values()))
        store.write_links(conn, links)
        projects_store.write_project_terms(conn, (table_id for _, table_id, _ in page), terms)
        self.tables_added += miner.tables_added
        self.tables_skipped += miner.tables_skipped
        self.rows_added += miner.rows_added
        return ordinal + len(mined)

    # ── 2. merge ───────────────────────────────────────────────────────────────────────────────

    def _merge(self) -> None:
        after = ""
        while True:
            with self.engine.begin() as conn:
                keys = staging.uncompacted_keys(conn, after, MERGE_KEYS)
                if not keys:
                    return
                merged = []
                for key, parts in groupby(staging.key_parts(conn, keys), key=itemgetter(0)):
                    total: KeyStats | None = None
                    for _, _, data, tables in parts:
                        stats = stats_from_record(data, tables)
                        if total is None:
                            total = stats
                        else:
                            total.merge(stats)
                    assert total is not None  # groupby yields no empty group
                    data, tables = stats_record(total)
                    merged.append({"key": key, "level2": dominant_level2(total), "rows": total.rows,
                                   "data": data, "tables": tables})  # fmt: skip
                staging.replace_keys(conn, merged)
            after = keys[-1]

    # ── 3. group ───────────────────────────────────────────────────────────────────────────────

    def _group(self) -> int:
        """Group the keys (earlier groups kept); the number of groups before."""
        level2_of: dict[str, str] = {}
        weight: dict[str, int] = {}
        existing: dict[str, str] = {}
        before: dict[str, Member] = {}
        with self.engine.connect() as conn:
            for key, level2, rows in staging.key_weights(conn):
                level2_of[key] = level2
                weight[key] = rows
            for key, group_key, similarity, how in staging.earlier_groups(conn):
                existing[key] = group_key
                before[key] = Member(key, similarity, how)
        groups = group_keys(level2_of.keys(), level2_of, weight, existing or None)
        if existing:
            groups = keep_similarities(groups, before)
        del level2_of, weight, before
        with self.engine.begin() as conn:
            staging.replace_groups(conn, _group_rows(groups))
        return len(set(existing.values()))

    # ── 4. entries ─────────────────────────────────────────────────────────────────────────────

    def _entries(self, conn: Connection) -> dict[str, Any]:
        years, publishers = _table_facts(conn)
        store.clear_evidence(conn)
        entries = added = merged_groups = conflicts_total = 0
        conflicts: list[dict[str, Any]] = []
        after: str | None = None
        while rows := staging.group_page(conn, after):
            built: list[Entry] = []
            peers: list[tuple[str, str, str]] = []
            for group_key, members in groupby(rows, key=itemgetter(0)):
                entry, record = _entry(group_key, list(members), years, publishers)
                if entry is None:
                    continue
                built.append(entry)
                text = json.dumps(record, ensure_ascii=False)
                peers.extend((m.key, entry.code, text) for m in entry.members)
            added += store.save_mined(conn, (mined_row(e) for e in built))
            provenance = ((e.code, json.dumps(entry_to_dict(e), ensure_ascii=False)) for e in built)
            store.add_evidence(conn, provenance, peers)
            entries += len(built)
            merged_groups += sum(1 for e in built if len(e.members) > 1)
            for e in built:
                if not e.placement_conflict:
                    continue
                conflicts_total += 1
                if len(conflicts) < CONFLICTS_SHOWN:
                    placements = [[p.level1, p.level2, p.count] for p in e.placements]
                    conflicts.append({"code": e.code, "name": e.name, "placements": placements})
            after = str(rows[-1][0])
        return {
            "entries": entries,
            "new_entries": added,
            "merged_groups": merged_groups,
            "placement_conflicts": conflicts,
            "placement_conflicts_total": conflicts_total,
        }


def _parts(stats: Iterable[KeyStats]) -> Iterable[dict[str, Any]]:
    for item in stats:
        data, tables = stats_record(item)
        yield {"key": item.key, "rows": item.rows, "data": data, "tables": tables}


def _group_rows(groups: Iterable[Group]) -> Iterable[dict[str, Any]]:
    for group in groups:
        for position, m in enumerate(group.members):
            yield {"key": m.key, "group_key": group.key, "position": position,
                   "similarity": m.similarity, "how": m.how}  # fmt: skip


def _table_facts(conn: Connection) -> tuple[array[int], array[int]]:
    """Each mined table's year (0: none) and publisher number (0: nobody named), by ordinal."""
    years, publishers = array("H"), array("I")
    numbers: dict[str, int] = {"": 0}
    for ordinal, year, publisher in staging.mined_tables(conn):
        while len(years) < ordinal:  # no gaps are written; kept aligned whatever happens
            years.append(0)
            publishers.append(0)
        years.append(year if 0 < year < 65536 else 0)
        publishers.append(numbers.setdefault(publisher, len(numbers)))
    return years, publishers


def _entry(
    group_key: str, members: list[tuple[Any, ...]], years: array[int], publishers: array[int]
) -> tuple[Entry | None, dict[str, Any]]:
    """The entry of one stored group and its peer record (None when no member has statistics)."""
    stats = {
        key: stats_from_record(data, tables) for _, key, _, _, _, data, tables in members if data is not None
    }
    if not stats:
        return None, {}
    group = Group(group_key, tuple(Member(key, float(sim), how) for _, key, sim, how, *_ in members))
    entry = build_entry(group, stats, years, publishers)
    return entry, peer_record(entry, stats)
