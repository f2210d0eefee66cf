"""待办 through the facade: what waits for the caller after login, by `jixiao.permissions.waiting_for`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jixiao.permissions import waiting_for
from jixiao.service.base import ServiceBase
from jixiao.store import todo
from jixiao.workflow import Principal


@dataclass(frozen=True, slots=True)
class TodoGroup:
    """One kind of work: its key, title, what to do, and the tables (newest first)."""

    key: str
    title: str
    hint: str
    link: str  # where the work is done, after /tables/{id}
    items: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Todo:
    """Everything waiting for one user; ``count`` is shown in the header."""

    groups: list[TodoGroup]

    @property
    def count(self) -> int:
        """How many things wait, over every group."""
        return sum(len(g.items) for g in self.groups)


class TodoService(ServiceBase):
    """待办: what waits for whom."""

    def todo(self, who: Principal, today: date | None = None) -> Todo:
        """The caller's 待办: tables to fill or fix, to review, monitoring and self-evaluations due."""
        scope = waiting_for(who)
        year = (today or date.today()).year
        groups: list[TodoGroup] = []
        with self.engine.connect() as conn:
            if scope.fill is not None:
                rows = todo.to_fill(conn, scope.fill)
                returned = [r for r in rows if r["status"] == "returned"]
                drafts = [r for r in rows if r["status"] != "returned"]
                groups.append(
                    TodoGroup(
                        "returned",
                        "退回待修改",
                        "审核人退回了这些表，请按意见修改后重新提交",
                        "/edit",
                        returned,
                    )
                )
                groups.append(TodoGroup("drafts", "草稿待填报", "填完并处理审核发现后提交", "/edit", drafts))
            if scope.review is not None:
                rows = todo.to_review(conn, scope.review)
                groups.append(TodoGroup("review", "待审核", "已提交的表，请审核后通过或退回", "", rows))
            if scope.evaluation is not None:
                monitoring = todo.monitoring_due(conn, scope.evaluation, year)
                evaluation = todo.evaluation_due(conn, scope.evaluation, year - 1)
                groups.append(
                    TodoGroup(
                        "monitoring",
                        f"{year}年运行监控待填报",
                        "已批复的本年度表，请填报1–N月的执行和完成情况",
                        "/monitoring",
                        monitoring,
                    )
                )
                groups.append(
                    TodoGroup(
                        "evaluation",
                        f"{year - 1}年度自评待填报",
                        "上一年度已批复的表，请填报年度自评",
                        "/evaluation",
                        evaluation,
                    )
                )
        return Todo(groups)

    def todo_count(self, who: Principal, today: date | None = None) -> int:
        """How many things wait for the caller (0 for a visitor), for the header: the same number
        as ``todo(who).count``, counted by the database in one statement (no rows fetched)."""
        if who.anonymous:
            return 0
        scope = waiting_for(who)
        year = (today or date.today()).year
        queries = []
        if scope.fill is not None:
            queries.append(todo.to_fill_query(scope.fill))
        if scope.review is not None:
            queries.append(todo.to_review_query(scope.review))
        if scope.evaluation is not None:
            queries.append(todo.monitoring_due_query(scope.evaluation, year))
            queries.append(todo.evaluation_due_query(scope.evaluation, year - 1))
        with self.engine.connect() as conn:
            return todo.count_listed(conn, queries)
