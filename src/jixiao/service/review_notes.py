"""A project across years and review with safeguards: last year's table of the same project (linked
by 复制到新年度, by hand, or matched by unit and project name), the comparisons a reviewer needs (the
version handed in against the last approved one; this year against last year), a reviewer's comment
on one indicator, and a finding dismissed with a reason.

Every step asks `jixiao.permissions` and leaves a line in the table's 流转记录 and in the audit log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from jixiao.diff import Change, Segment, diff_tables, project_key, text_diff
from jixiao.formats.places import TABLE_LEVEL, indicator_place
from jixiao.model import Table
from jixiao.permissions import Right, can_view, may_note
from jixiao.queries import EventRow, TableRow, VersionRow, as_dict
from jixiao.service.active_findings import LiveReview, live_review, settle, working_findings
from jixiao.service.base import scope_of
from jixiao.service.errors import Conflict, Forbidden, Invalid, NotFound
from jixiao.service.reading import review
from jixiao.service.tables import TableService
from jixiao.store import audit, listing, review_notes
from jixiao.store.document import table_from_dict
from jixiao.store.errors import Conflict as StoreConflict
from jixiao.workflow import NOTES, Action, Principal, Status

MAX_NOTE = 2000  # characters of a comment or a reason
LINK_WORDS = {"copy": "复制到新年度时关联", "manual": "手工关联", "auto": "按单位和项目名称自动匹配"}
APPROVED = frozenset({Status.APPROVED.value, Status.PUBLISHED.value})
NOTE_ACTIONS = frozenset(action.value for action in NOTES)  # they record the status, never move it


@dataclass(frozen=True, slots=True)
class SeenFinding:
    """A finding as the page that dismisses it showed it: the table's version then, the rule's code
    and the place. A dismissal carries it, so a page opened before the table changed (a 目标调整
    started, the draft saved again) cannot dismiss another finding that now has the same number."""

    version: int
    code: str
    place: str


STALE_FINDING = (
    "表已被修改（现为第 {version} 版），您看到的这条审核发现已不是当前这一条；请刷新页面后重新核对再驳回"
)


@dataclass
class Comparison:
    """Two tables (or two versions of one) side by side, with what changed and the goals as text diffs."""

    title: str
    old_label: str
    new_label: str
    old: Table
    new: Table
    changes: list[Change]
    goals: list[tuple[str, list[Segment]]] = field(default_factory=list)
    old_link: str = ""  # the page of the older table, when it is another table


def compare_tables(
    title: str, labels: tuple[str, str], old: Table, new: Table, old_link: str = ""
) -> Comparison:
    """What changed from ``old`` to ``new``, with character diffs of both goal texts."""
    goals = [
        ("实施周期总目标", text_diff(old.goals.period, new.goals.period)),
        ("年度目标", text_diff(old.goals.annual, new.goals.annual)),
    ]
    return Comparison(title, *labels, old, new, diff_tables(old, new), goals, old_link)


def _version_at(versions: Sequence[VersionRow], moment: datetime) -> int | None:
    """The version that was current at ``moment``."""
    numbers = [v.number for v in versions if v.created_at <= moment]
    return max(numbers) if numbers else None


def review_base(
    versions: Sequence[VersionRow], events: Sequence[EventRow], current: int
) -> tuple[int, str] | None:
    """The version to compare the current one with, and its label: the last approved version (an
    approval, or a table imported as published) older than the current one; else the version handed
    in for review before this one; else None — two draft saves are not a review's comparison."""
    for wanted, word in (
        (APPROVED, "上次通过审核的版本"),
        (frozenset({Status.SUBMITTED.value}), "上次提交审核的版本"),
    ):
        moments = [e.created_at for e in events if e.to_status in wanted and e.action not in NOTE_ACTIONS]
        numbers = [n for n in (_version_at(versions, m) for m in moments) if n is not None and n < current]
        if numbers:
            return max(numbers), word
    return None


class ReviewNotesService(TableService):
    """Links across years, comparisons, indicator comments and dismissed findings."""

    # ---- a project across years ----------------------------------------------------------------

    def _previous(self, conn: Connection, who: Principal, row: TableRow) -> dict[str, Any] | None:
        link = review_notes.get_link(conn, row.id)
        if link is not None:
            if link["previous_id"] is None:
                return None  # unlinked by hand: no automatic match either
            previous = listing.get_table_row(conn, link["previous_id"])
            how = link["how"]
        else:
            key = project_key(row.name)
            candidates = review_notes.same_unit_tables(conn, row.unit, row.year, exact_year=True)
            matches = [c for c in candidates if project_key(c.name) == key]
            previous, how = (matches[0] if matches else None), "auto"
        if previous is None or not can_view(who, scope_of(previous)):
            return None
        return {**as_dict(previous), "how": how, "how_label": LINK_WORDS[how]}

    def previous_table(self, who: Principal, table_id: int) -> dict[str, Any] | None:
        """Last year's table of the same project as ``who`` may see it (its list row, with ``how``
        it is linked: copy, manual or auto), or None."""
        with self.engine.connect() as conn:
            return self._previous(conn, who, self._visible_row(conn, who, table_id))

    def link_choices(self, who: Principal, table_id: int) -> list[TableRow]:
        """The tables of earlier years of the same unit that ``who`` may link this one to."""
        with self.engine.connect() as conn:
            row = self._visible_row(conn, who, table_id)
            if not may_note(who, scope_of(row), Right.LINK):
                return []
            rows = review_notes.same_unit_tables(conn, row.unit, row.year)
        return [r for r in rows if r.id != table_id and can_view(who, scope_of(r))]

    def link_previous(self, who: Principal, table_id: int, previous_id: int | None) -> None:
        """Link the table to last year's table of its project by hand, or unlink it (None)."""
        with self.engine.begin() as conn:
            row = self._visible_row(conn, who, table_id)
            if not may_note(who, scope_of(row), Right.LINK):
                raise Forbidden("只有本单位的填报人可以关联或取消关联上年的表")
            detail: dict[str, Any] = {"previous": previous_id}
            if previous_id is None:
                note = "取消与上年表的关联"
            else:
                previous = listing.get_table_row(conn, previous_id)
                if previous is None or not can_view(who, scope_of(previous)):
                    raise NotFound(f"没有编号为 {previous_id} 的表，或您无权查看它")
                if previous_id == table_id:
                    raise Invalid("不能把一张表关联到它自己")
                if row.year is not None and (previous.year is None or previous.year >= row.year):
                    chosen = previous.year or "年度未填"
                    raise Invalid(f"上年的表应早于本表的预算年度（{row.year}年），所选的表是 {chosen}年度")
                note = f"关联上年表 {previous_id}：{previous.name}（{previous.year}年度）"
                detail["name"] = previous.name
            review_notes.set_link(
                conn, table_id, previous_id, "manual" if previous_id else "none", who.user_id
            )
            review_notes.note_event(conn, table_id, Action.LINK, Status(row.status), who.user_id, note)
            audit.record(conn, who.user_id, "link" if previous_id else "unlink", "table", table_id, detail)

    # ---- comparisons ---------------------------------------------------------------------------

    def compare_for_review(self, who: Principal, table_id: int) -> Comparison | None:
        """The current version against the last approved one (or, never approved, the one handed in
        before); None when there is no such version."""
        view = self.table_view(who, table_id)
        current = int(view.row.current_version)
        base = review_base(view.versions, view.events, current)
        if base is None:
            return None
        number, word = base
        old = self.version(who, table_id, number)
        now_word = "提交审核的版本" if view.row.status == Status.SUBMITTED.value else "当前版本"
        labels = (f"{word}（第 {number} 版）", f"{now_word}（第 {current} 版）")
        return compare_tables("与上一版对比", labels, old, view.table)

    def compare_with_last_year(self, who: Principal, table_id: int) -> Comparison | None:
        """This table against last year's table of the same project; None without one."""
        previous = self.previous_table(who, table_id)
        if previous is None:
            return None
        table = self.table_view(who, table_id).table
        old = self.version(who, previous["id"], previous["current_version"])
        labels = (
            f"上年（{previous['year'] or '年度未填'}年度）",
            f"本年（{table.project.year or '年度未填'}年度）",
        )
        return compare_tables("与上年对比", labels, old, table, f"/tables/{previous['id']}")

    # ---- comments on one indicator -------------------------------------------------------------

    def comment_indicator(self, who: Principal, table_id: int, place: tuple[str, str, str], body: str) -> int:
        """A reviewer's comment on the indicator at ``place`` (一级, 二级, 三级); returns its id."""
        body = body.strip()
        if not body:
            raise Invalid("请填写对这项指标的意见")
        if len(body) > MAX_NOTE:
            raise Invalid(f"意见最多 {MAX_NOTE} 字")
        with self.engine.begin() as conn:
            row = self._visible_row(conn, who, table_id)
            if not may_note(who, scope_of(row), Right.COMMENT):
                raise Forbidden("只有本部门的审核人可以在审核期间对指标提意见")
            table = table_from_dict(listing.get_document(conn, table_id) or {})
            if not any((i.level1, i.level2, i.name) == place for i in table.indicators):
                raise NotFound("这张表中没有这项指标（可能刚被修改），请刷新后再试")
            comment_id = review_notes.add_comment(conn, table_id, place, body, who.user_id)
            where = indicator_place(*place)
            status = Status(row.status)
            review_notes.note_event(conn, table_id, Action.COMMENT, status, who.user_id, f"{where}：{body}")
            detail = {"comment": comment_id, "place": where, "body": body}
            audit.record(conn, who.user_id, Action.COMMENT.value, "table", table_id, detail)
        return comment_id

    def indicator_comments(
        self, who: Principal, table_id: int, open_only: bool = True
    ) -> list[dict[str, Any]]:
        """The comments on the table's indicators (``place`` added) for those who work on it; [] for
        others: review notes are not public."""
        with self.engine.connect() as conn:
            row = self._visible_row(conn, who, table_id)
            if not may_note(who, scope_of(row), Right.RESOLVE):
                return []
            found = review_notes.comments(conn, table_id, open_only)
        return [{**c, "place": indicator_place(c["level1"], c["level2"], c["name"])} for c in found]

    def resolve_comment(self, who: Principal, table_id: int, comment_id: int) -> None:
        """Mark a comment resolved (the unit after fixing the row, or the reviewer)."""
        with self.engine.begin() as conn:
            row = self._visible_row(conn, who, table_id)
            if not may_note(who, scope_of(row), Right.RESOLVE):
                raise Forbidden("只有本单位的填报人和本部门的审核人可以处理指标意见")
            try:
                done = review_notes.resolve_comment(conn, table_id, comment_id, who.user_id)
            except StoreConflict:
                raise Conflict("这条意见已处理或不存在，请刷新后查看") from None
            where = indicator_place(done["level1"], done["level2"], done["name"])
            status = Status(row.status)
            review_notes.note_event(
                conn, table_id, Action.RESOLVE, status, who.user_id, f"{where}：{done['body']}"
            )
            audit.record(conn, who.user_id, Action.RESOLVE.value, "table", table_id, {"comment": comment_id})

    # ---- dismissing a finding ------------------------------------------------------------------

    def live_review(self, who: Principal, table: Table, table_id: int | None = None) -> LiveReview:
        """The editor's live review of ``table`` as typed, by its year's profile; for a stored table
        ``who`` works on, the reviewer's dismissals applied (shown as dismissed, left out of the outcome)."""
        reviewed = self.by_year_profile([review(table)])[0]
        with self.engine.connect() as conn:
            if table_id is not None:
                row = self._visible_row(conn, who, table_id)
                if not may_note(who, scope_of(row), Right.RESOLVE):
                    table_id = None  # dismissals are review notes: for those who work on the table
            return live_review(conn, table_id, reviewed)

    def dismiss_finding(
        self, who: Principal, table_id: int, finding_id: int, reason: str, seen: SeenFinding
    ) -> None:
        """A reviewer dismisses a finding with a reason: shown as dismissed, kept in the audit log,
        and no longer blocking submission — in this version and every later one where the same rule
        finds the same place. ``seen`` is the finding as the reviewer's page showed it: `Conflict`
        when the table's version or that finding's rule and place are no longer the same."""
        reason = reason.strip()
        if not reason:
            raise Invalid("请写明驳回这条审核发现的理由")
        if len(reason) > MAX_NOTE:
            raise Invalid(f"理由最多 {MAX_NOTE} 字")
        with self.engine.begin() as conn:
            row = self._visible_row(conn, who, table_id)
            if not may_note(who, scope_of(row), Right.DISMISS):
                raise Forbidden("只有本部门的审核人可以在审核期间驳回审核发现")
            found = working_findings(conn, table_id, row.adjusting, row.current_version)
            finding = next((f for f in found if f.id == finding_id), None)
            if finding is None:
                raise NotFound("没有这条审核发现（表可能刚被修改），请刷新后再试")
            place = finding.place or TABLE_LEVEL
            if (row.current_version, finding.code, place) != (
                seen.version,
                seen.code,
                seen.place or TABLE_LEVEL,
            ):
                raise Conflict(STALE_FINDING.format(version=row.current_version))
            try:
                review_notes.dismiss(
                    conn, table_id, finding.code, place, finding.message, reason, who.user_id,
                    row.current_version,
                )  # fmt: skip
            except StoreConflict:
                raise Conflict("这条审核发现已被驳回") from None
            text = f"{finding.code} {place}：{finding.message} —— 理由：{reason}"
            review_notes.note_event(conn, table_id, Action.DISMISS, Status(row.status), who.user_id, text)
            detail = {
                "code": finding.code,
                "place": place,
                "message": finding.message,
                "reason": reason,
            }
            audit.record(conn, who.user_id, Action.DISMISS.value, "table", table_id, detail)
            settle(conn, [table_id])  # the dismissed finding leaves the counts and the outcome
        self._cache.clear()
