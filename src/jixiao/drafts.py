"""Starting a table on the web: a new draft for one's unit, blank or copied from another table.

A copy keeps every value of its source (a table of one's own unit or a published one) and records
where it came from in its first workflow event ("复制自 …"); the schema has no column for the link
yet, so "last year's table" is that note, not a key other features can join on.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from jixiao.model import Table
from jixiao.service import Conflict, Forbidden, Service, review
from jixiao.store import tables as repo
from jixiao.store.document import identity
from jixiao.store.schema import perf_tables
from jixiao.workflow import Action, Principal, Role, Status


def may_create(who: Principal) -> bool:
    """Fillers create tables for their own unit; administrators for any unit."""
    return who.role is Role.ADMIN or (who.role is Role.FILLER and bool(who.unit))


def check_may_create(who: Principal) -> None:
    if not may_create(who):
        raise Forbidden("只有填报人（为本单位）和管理员可以新建绩效目标表")


def copy_for_new_year(service: Service, who: Principal, source_id: int) -> Table:
    """The source table's content for the next year: values kept, 预算年度 + 1, one's own unit."""
    check_may_create(who)
    source = service.table_view(who, source_id).table  # 404/403 as for viewing it
    project = source.project
    unit = who.unit if who.role is Role.FILLER else project.unit
    year = project.year + 1 if project.year else None
    return replace(source, project=replace(project, unit=unit, year=year))


def create_table(service: Service, who: Principal, table: Table, source_id: int | None = None) -> int:
    """Store ``table`` as a new 草稿 of its unit; Conflict when the unit already has that project
    for that year (project name + unit + year name a table)."""
    check_may_create(who)
    if who.role is Role.FILLER and table.project.unit != who.unit:
        raise Forbidden(f"只能为本单位（{who.unit}）新建表")
    note = "新建"
    if source_id is not None:
        source = service.table_view(who, source_id).row
        note = f"复制自表 {source_id}：{source['name']}（{source['year'] or '年度未填'}年度）"
    with service.engine.begin() as conn:
        existing = conn.execute(
            select(perf_tables.c.id).where(perf_tables.c.identity == identity(table))
        ).scalar_one_or_none()
        if existing is not None:
            raise Conflict(
                f"本单位已有“{table.project.name}”{table.project.year or ''}年度的表（表 {existing}），"
                "请打开那张表修改，或改用其他项目名称或年度"
            )
        counts = repo.import_tables(conn, [review(table)], Status.DRAFT, who.user_id, note, Action.CREATE)
    service._cache.clear()  # the list's filter options and the dashboard count the new table
    return counts.table_ids[0]
