"""Starting and handing in tables on the web: new drafts (blank or copied for a new year), submitting
with an explanation of each 错误 finding, 撤回, and what the list says each search result matched.

A copy keeps every value of its source (a table of one's own unit or a published one), records where
it came from in its first workflow event ("复制自 …") and links the new table to its source as last
year's table of the same project (`jixiao.service.review_notes`). The explanations
travel with the submission (the comment of its workflow event, one line per finding), so the
reviewer reads them in the 流转记录 and at the top of the table page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from jixiao.model import Table
from jixiao.permissions import can_act, may_start_table, organisations_for
from jixiao.queries import FindingRow, TableRow
from jixiao.service.base import scope_of
from jixiao.service.errors import Conflict, Forbidden
from jixiao.service.findings import open_errors
from jixiao.service.reading import review
from jixiao.service.tables import TableService
from jixiao.service.workflow import WorkflowService
from jixiao.store import audit, listing, review_notes, search
from jixiao.store import tables as repo
from jixiao.store.errors import Conflict as StoreConflict
from jixiao.workflow import Action, Principal, Role, Status

MAX_NOTES = 3  # indicators named per search result; the table page shows them all


class DraftService(TableService, WorkflowService):
    """New tables, safeguarded submission and withdrawal, and search notes."""

    # ---- new tables ----------------------------------------------------------------------------

    def check_may_start(self, who: Principal) -> None:
        """Raise `Forbidden` unless the caller may start a new 绩效目标表 (a 填报人 or an administrator)."""
        if not may_start_table(who):
            raise Forbidden("只有填报人（为本单位）和管理员可以新建绩效目标表")

    def copy_for_new_year(self, who: Principal, source_id: int) -> Table:
        """The source table's content for the next year: values kept, 预算年度 + 1, one's own unit."""
        self.check_may_start(who)
        source = self.table_view(who, source_id).table  # 404/403 as for viewing it
        project = source.project
        unit, department = organisations_for(who, project.unit, project.department)
        year = project.year + 1 if project.year else None
        return replace(source, project=replace(project, unit=unit, department=department, year=year))

    def create_table(self, who: Principal, table: Table, source_id: int | None = None) -> int:
        """Store ``table`` as a new 草稿 of its unit; Conflict when the unit already has that project
        for that year (project name + unit + year name a table)."""
        self.check_may_start(who)
        if who.role is Role.FILLER and table.project.unit != who.unit:
            raise Forbidden(f"只能为本单位（{who.unit}）新建表")
        unit, department = organisations_for(who, table.project.unit, table.project.department)
        table = replace(table, project=replace(table.project, unit=unit, department=department))
        note = "新建"
        if source_id is not None:
            source = self.table_view(who, source_id).row
            note = f"复制自表 {source_id}：{source.name}（{source.year or '年度未填'}年度）"
        with self.engine.begin() as conn:
            existing = listing.table_id_of(conn, table)
            if existing is not None:
                raise Conflict(
                    f"本单位已有“{table.project.name}”{table.project.year or ''}年度的表（表 {existing}），"
                    "请打开那张表修改，或改用其他项目名称或年度"
                )
            counts = repo.import_tables(
                conn, self.by_year_profile([review(table)]), Status.DRAFT, who.user_id, note, Action.CREATE
            )
            if source_id is not None:
                review_notes.set_link(conn, counts.table_ids[0], source_id, "copy", who.user_id)
        self._cache.clear()  # the list's filter options and the dashboard count the new table
        return counts.table_ids[0]

    # ---- submitting and withdrawing ------------------------------------------------------------

    def errors_to_explain(self, who: Principal, table_id: int) -> list[FindingRow]:
        """The stored 错误 findings not dismissed, each needing a word from the unit before submitting."""
        return open_errors(self.table_view(who, table_id).findings)

    def submit_explained(
        self, who: Principal, table_id: int, explanations: Mapping[int, str], comment: str = ""
    ) -> Status:
        """Submit; Invalid naming the findings still unexplained when the table has 错误 findings."""
        return self.act(who, table_id, Action.SUBMIT, comment, explanations)

    def may_withdraw(self, who: Principal, row: TableRow) -> bool:
        """The unit's 填报人 (or an administrator) while the table waits for review."""
        return can_act(who, scope_of(row), Action.WITHDRAW)

    def withdraw(self, who: Principal, table_id: int) -> None:
        """撤回: a submitted table goes back to 草稿, before a reviewer has acted on it."""
        row = self.table_view(who, table_id).row
        if not self.may_withdraw(who, row):
            if not self.may_withdraw(who, replace(row, status=Status.SUBMITTED.value)):
                raise Forbidden("只有本单位的填报人可以撤回这张表")  # whatever its status
            raise Conflict("只有“已提交”且尚未审核的表可以撤回")
        with self.engine.begin() as conn:
            fresh = self._visible_row(conn, who, table_id)
            try:
                if not self.may_withdraw(who, fresh):
                    raise StoreConflict(table_id)
                self._move(conn, who, fresh, Action.WITHDRAW, Status.DRAFT, None)
            except StoreConflict:
                raise Conflict("这张表的状态刚被审核人改变，不能再撤回，请刷新后查看") from None
            detail = {"status": [Status.SUBMITTED.value, Status.DRAFT.value]}
            audit.record(conn, who.user_id, Action.WITHDRAW.value, "table", table_id, detail)
        self._cache.clear()  # the dashboard counts statuses

    # ---- what a search matched -------------------------------------------------------------------

    def why_matched(self, rows: Sequence[TableRow], q: str, indicator: str = "") -> dict[int, str]:
        """``{table id: "项目名称、三级指标“…”"}`` for the rows of one list page: one search box looks
        in names, units and indicators, so each result says which of them matched."""
        if not rows or not (q or indicator):
            return {}
        ids = [row.id for row in rows]
        with self.engine.connect() as conn:
            by_q = search.matched_indicators(conn, ids, q) if q else {}
            by_indicator = search.matched_indicators(conn, ids, indicator) if indicator else {}
        notes: dict[int, str] = {}
        for row in rows:
            parts: list[str] = []
            if q and q.casefold() in (row.name or "").casefold():
                parts.append("项目名称")
            if q and q.casefold() in (row.unit or "").casefold():
                parts.append("用款单位")
            found = list(dict.fromkeys([*by_q.get(row.id, []), *by_indicator.get(row.id, [])]))
            parts.extend(found[:MAX_NOTES])
            if len(found) > MAX_NOTES:
                parts.append(f"等 {len(found)} 项")
            if parts:
                notes[row.id] = "、".join(parts)
        return notes
