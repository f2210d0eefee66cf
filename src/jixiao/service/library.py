"""The 指标库 over a database: build it from the stored tables, read it, suggest from it, review with it.

`build_library` mines the published tables not mined before (the watermark is the newest table
version mined), links their indicators to entries, stores mined entries as drafts (approved entries
keep their fields and only get new usage counts), replaces the evidence (provenance per entry and
the peer statistics per normalised name) and keeps the mining state in SQL for the next build — page
by page (`service.library_build`), so memory stays flat in the tables. Reading, suggesting and the
evidence rules read those stored rows; nothing is aggregated while a page or a review waits.
Governance is in `service.library_governance`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jixiao.library import normalise_name
from jixiao.library.fields import fields_from_dict
from jixiao.library.projects import (
    criteria,
    family_label,
    project_words,
    similarity,
    wanted_terms,
)
from jixiao.library.serialize import entry_from_dict
from jixiao.library.suggest import OP_SYMBOLS, Suggester, typical_value
from jixiao.model import Diagnostic, Table
from jixiao.permissions import may_build_library
from jixiao.review.peers import NOT_RUN, PeerSnapshot, peer_findings, peer_stat
from jixiao.review.report import finding_to_dict
from jixiao.service.base import ServiceBase
from jixiao.service.errors import Forbidden, NotFound
from jixiao.service.library_build import StagedBuild
from jixiao.store import audit
from jixiao.store import library as store
from jixiao.store import library_projects as projects_store
from jixiao.store import library_staging as staging
from jixiao.workflow import Principal

Progress = Callable[[int], None]
STATUS_LABELS = {"draft": "草稿", "active": "已审定", "retired": "已停用"}
OFFERED = ("active", "draft")  # retired entries are no longer offered
NOT_BUILT = "未做同行比较（JX-E01–E03）：指标库尚未构建（管理员运行 jixiao library build --db …）"
BUILD_COMMAND = "jixiao library build --db <数据库地址>"  # 管理员运行；只挖掘上次之后公开的表


def key_of(name: str) -> str:
    """The normalised key of an indicator name (how links and peer statistics are found)."""
    return normalise_name(name).key


class _Offer:
    """The suggester over the entries on offer, rebuilt when the library changes."""

    def __init__(self, stamp: tuple[Any, ...], suggester: Suggester) -> None:
        self.stamp = stamp
        self.suggester = suggester


class LibraryService(ServiceBase):
    """Build, read, suggest and review with the stored 指标库."""

    _offer: _Offer | None = None

    # ── build ──────────────────────────────────────────────────────────────────────────────────

    def build_library(self, who: Principal, progress: Progress | None = None) -> dict[str, Any]:
        """Mine the published tables not mined before; a summary of what was added."""
        if not may_build_library(who):
            raise Forbidden("只有管理员可以构建指标库")
        with self.engine.connect() as conn:
            watermark = store.load_state(conn, with_data=False)[0]
            if not store.published_since(conn, watermark, 1):
                last = store.last_summary(conn)
                if last is not None:  # nothing new since the last build: nothing to redo
                    nothing = {
                        "tables_added": 0,
                        "rows_added": 0,
                        "new_entries": 0,
                        "placement_conflicts": [],
                    }
                    return {**last, **nothing, "tables_skipped": 0}
            state = store.load_state(conn)[1]
        with self.engine.begin() as conn:
            if state:  # a packed state of an earlier version: mine every published table again
                staging.clear(conn)
                watermark = 0
        build = StagedBuild(self.engine, watermark, progress)
        summary = build.run()
        with self.engine.begin() as conn:
            counts = {k: summary[k] for k in ("tables", "rows", "entries", "merged_groups")}
            store.save_state(conn, build.reached, "", counts)
            audit.record(conn, who.user_id, "library_build", "library", None, {
                k: v for k, v in summary.items() if k != "placement_conflicts"
            })  # fmt: skip
        self._offer = None
        return summary

    def library_freshness(self) -> dict[str, Any]:
        """Whether tables were published since the last build (imports do not build: they mark the
        library stale, and this says so with the command that brings it up to date)."""
        with self.engine.connect() as conn:
            watermark = store.load_state(conn, with_data=False)[0]
            pending = store.unmined_count(conn, watermark)
            built = store.built_at(conn)
        if built is None:
            note = f"指标库尚未构建；有 {pending} 张已公开的表可挖掘。" if pending else "指标库尚未构建。"
        elif pending:
            note = f"指标库不是最新的：上次构建后又有 {pending} 张表公开，尚未纳入。"
        else:
            note = ""
        return {
            "built_at": built.isoformat() if built is not None else None,
            "pending_tables": pending,
            "stale": bool(pending),
            "note": note,
            "command": BUILD_COMMAND if pending else "",
        }

    # ── reading ────────────────────────────────────────────────────────────────────────────────

    def library_list(
        self, q: str = "", status: str = "", level2: str = "", page: int = 1, per_page: int = 50
    ) -> dict[str, Any]:
        """Entries (search by name, synonym, 二级, sector), the most used first; retired on request."""
        statuses = (status,) if status in STATUS_LABELS else OFFERED
        per_page = max(1, min(per_page, 500))
        with self.engine.connect() as conn:
            rows, total = store.list_heads(
                conn, q.strip()[:100], statuses, level2, per_page, (max(page, 1) - 1) * per_page
            )
            evidence = store.provenance_of(conn, [r["code"] for r in rows])
        items = [self._item(r, evidence.get(r["code"])) for r in rows]
        return {"total": total, "page": max(page, 1), "per_page": per_page, "entries": items}

    def _item(self, head: dict[str, Any], evidence: dict[str, Any] | None) -> dict[str, Any]:
        entry = entry_from_dict(evidence) if evidence else None
        return {
            "code": head["code"],
            "version": head["version"],
            "status": head["status"],
            "status_label": STATUS_LABELS.get(head["status"], head["status"]),
            "name": head["name"],
            "level1": head["level1"],
            "level2": head["level2"],
            "kind": head["kind"],
            "tables": head["tables"],
            "publishers": head["publishers"],
            "typical_value": typical_value(entry) if entry else "",
            "reason": _reason(entry) if entry else "",
        }

    def library_entry(self, code: str) -> dict[str, Any]:
        """One entry: its version in force, every version, its evidence and the tables using it."""
        with self.engine.connect() as conn:
            head = store.get_head(conn, code.strip().upper())
            if head is None:
                raise NotFound(f"指标库中没有编号为 {code} 的条目")
            versions = store.get_versions(conn, head["code"])
            evidence = store.get_provenance(conn, head["code"])
            tables, total = store.tables_using(conn, head["code"])
        current = next((v for v in versions if v["number"] == head["version"]), versions[0])
        return {
            **self._item(head, evidence),
            "fields": current["fields"],
            "labels": fields_from_dict(current["fields"]).labels(),
            "versions": [
                {"number": v["number"], "status": v["status"], "created_at": v["created_at"].isoformat(),
                 "by": v["username"], "request_id": v["request_id"], "fields": v["fields"]}
                for v in versions
            ],
            "provenance": (evidence or {}).get("provenance"),
            "placements": (evidence or {}).get("placements", []),
            "members": (evidence or {}).get("members", []),
            "tables_using": [{**t, "year": t["year"]} for t in tables],
            "tables_using_total": total,
        }  # fmt: skip

    # ── suggesting ─────────────────────────────────────────────────────────────────────────────

    def _suggester(self) -> Suggester:
        with self.engine.connect() as conn:
            stamp = store.offer_stamp(conn)
            offer = self._offer
            if offer is not None and offer.stamp == stamp:
                return offer.suggester
            rows = list(store.all_current(conn, OFFERED))
            evidence_by_code = store.provenance_of(conn, [row["code"] for row in rows])
        built = []
        for row in rows:
            fields = row["fields"]
            data = evidence_by_code.get(row["code"]) or {
                "code": row["code"], "key": row["key"], "name": row["name"], "members": [],
            }  # fmt: skip
            name = fields.get("name") or row["name"]
            synonyms = fields.get("synonyms") or []
            current = {"name": name, "status": row["status"], "version": row["version"], "synonyms": synonyms}
            built.append(entry_from_dict({**data, **current}))
        suggester = Suggester(built)
        self._offer = _Offer(stamp, suggester)
        return suggester

    def library_suggest(self, name: str, level2: str | None = None, limit: int = 10) -> list[dict[str, Any]]:
        """Entries on offer whose names resemble ``name`` (retired ones never), with the reason and the
        value peers set."""
        found = self._suggester().suggest(name[:200], level2, max(1, min(limit, 50)))
        return [_offer_item(s.entry, s.reason, s.score) for s in found]

    def library_recommend(
        self, project_name: str, limit: int = 12, project_type: str = "", goal: str = "", department: str = ""
    ) -> dict[str, Any]:
        """推荐指标: entries used by published projects like this one — by name, 项目类型, goal text and
        主管部门 (sector) — the most widely used first, each with why."""
        wanted = wanted_terms(project_name[:300], project_type[:120], goal[:2000], department[:200])
        family = family_label(project_name) if project_words(project_name) else (project_type or department)
        if not wanted:
            return {"family": family, "projects": 0, "basis": "", "entries": []}
        with self.engine.connect() as conn:
            found = projects_store.tables_with_terms(conn, wanted)
            scores = {t: similarity(wanted, shared) for t, (_, shared) in found.items()}
            best = max(scores.values(), default=0)
            floor = max(CLOSE_FLOOR, -(-best * 3 // 5))  # at least 3/5 of the closest project's score
            similar = sorted(
                (t for t, score in scores.items() if score >= floor), key=lambda t: (-scores[t], -t)
            )
            close = {t: found[t][0] for t in similar[:CLOSE_LIMIT]}  # the most similar: bounded work
            tables: dict[str, set[int]] = {}
            for table_id, code in projects_store.codes_of_tables(conn, list(close)):
                tables.setdefault(code, set()).add(table_id)
            ranked = sorted(tables, key=lambda c: (-len({close[t] for t in tables[c]}), -len(tables[c]), c))
            heads = store.heads_by_codes(conn, ranked[: limit * 3])
            evidence = store.provenance_of(conn, list(heads))
        shared_criteria = criteria(wanted, set().union(*(found[t][1] for t in close))) if close else []
        basis = f"按{'、'.join(shared_criteria)}找到 {len(similar)} 个相近的已公开项目" if close else ""
        if len(similar) > len(close):
            basis += f"（取最相近的 {len(close)} 个）"
        items = []
        for code in ranked:
            head = heads.get(code)
            if head is None or head["status"] not in OFFERED or code not in evidence:
                continue
            entry = entry_from_dict({**evidence[code], "name": head["name"]})
            used_by = len({close[t] for t in tables[code]})
            reason = f"{used_by} 个单位的 “{family}”类项目使用（{len(tables[code])} 张表）"
            d = entry.main_distribution
            if d is not None:
                about = "约 " if d.approximate else ""
                reason += f"，目标值中位数 {about}{OP_SYMBOLS.get(d.common_op, '')}{_num(d.median)}{d.unit}"
            items.append(_offer_item(entry, reason, float(used_by)))
            if len(items) >= limit:
                break
        return {"family": family, "projects": len(similar), "basis": basis, "entries": items}

    # ── reviewing with evidence ────────────────────────────────────────────────────────────────

    def peer_snapshot(self, tables: list[Table]) -> PeerSnapshot:
        """The stored peer statistics of these tables' indicators (one indexed lookup)."""
        keys = {key_of(i.name) for t in tables for i in t.indicators}
        with self.engine.connect() as conn:
            records = store.peers_for_keys(conn, [k for k in keys if k])
        return PeerSnapshot({k: peer_stat(r) for k, r in records.items()}, key_of)

    def peer_findings(self, table: Table) -> list[Diagnostic]:
        """The evidence rules' findings (JX-E…) for a table, against the stored peer statistics."""
        return peer_findings(table, self.peer_snapshot([table]))

    def peer_review(self, table: Table) -> dict[str, Any]:
        """The evidence rules' findings as the table page and an import's report show them: ``ran``
        False (and why) before the library was built, so silence is never mistaken for agreement."""
        with self.engine.connect() as conn:
            built = store.built_at(conn)
        if built is None:
            return {"ran": False, "note": NOT_BUILT, "findings": []}
        found = [finding_to_dict(f) for f in self.peer_findings(table)]
        note = f"已与指标库中的同行比较（{built:%Y-%m-%d} 构建）；同行少于 5 张表或 3 个单位的指标不比较。"
        return {"ran": True, "note": note, "findings": found}


CLOSE_LIMIT = 200  # similar projects whose indicators are counted (the most similar first)
CLOSE_FLOOR = 3  # a similar project shares at least a name word, or type and goal words, or the like


def _num(value: Any) -> str:
    from jixiao.values import number_text

    return number_text(value)


def _reason(entry: Any) -> str:
    from jixiao.library.suggest import reason

    return reason(entry)


def _offer_item(entry: Any, why: str, score: float) -> dict[str, Any]:
    d = entry.main_distribution
    return {
        "code": entry.code,
        "version": entry.version,
        "status": entry.status,
        "name": entry.name,
        "level1": entry.level1,
        "level2": entry.level2,
        "unit": entry.unit or "",
        "op": OP_SYMBOLS.get(d.common_op, "") if d is not None else "",
        "suggested_value": typical_value(entry),
        "reason": why,
        "score": score,
    }


__all__ = ["NOT_RUN", "STATUS_LABELS", "LibraryService", "key_of"]
