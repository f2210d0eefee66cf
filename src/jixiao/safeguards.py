"""Workflow safeguards: a table with 错误 findings is submitted only with a written explanation of
each, and a submission not yet reviewed may be withdrawn (撤回) by its unit.

The explanations travel with the submission (the comment of its workflow event, one line per
finding), so the reviewer reads them in the 流转记录 and beside the findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jixiao.service import Conflict, Forbidden, Invalid, Service
from jixiao.store import audit
from jixiao.store import tables as repo
from jixiao.workflow import Action, Principal, Status, TableScope, can_act

EXPLANATION_HEAD = "提交说明（对审核发现的错误）："


def errors_to_explain(service: Service, who: Principal, table_id: int) -> list[dict[str, object]]:
    """The stored 错误 findings of the table, each needing a word from the unit before submitting."""
    return [f for f in service.table_view(who, table_id).findings if f["severity"] == "error"]


def submit(
    service: Service, who: Principal, table_id: int, explanations: Mapping[int, str], comment: str = ""
) -> Status:
    """Submit; Invalid naming the findings still unexplained when the table has 错误 findings."""
    view = service.table_view(who, table_id)
    if Action.SUBMIT not in view.actions:  # the same refusal as without findings
        status = Status(view.row["status"]).label
        raise Forbidden(f"当前状态（{status}）下，您不能执行“{Action.SUBMIT.label}”")
    errors = [f for f in view.findings if f["severity"] == "error"]
    missing = [f for f in errors if not explanations.get(int(str(f["id"])), "").strip()]
    if missing:
        names = "、".join(f"{f['code']}（{f['indicator'] or '表级'}）" for f in missing[:5])
        raise Invalid(
            f"这张表有 {len(errors)} 条“错误”级审核发现。请先改正，或逐条写明不改的理由再提交；"
            f"尚未说明：{names}"
        )
    lines = [
        f"· {f['code']} {f['indicator'] or '表级'}：{f['message']} —— 说明：{explanations[int(str(f['id']))].strip()}"  # noqa: E501
        for f in errors
    ]
    text = "\n".join(part for part in (comment.strip(), EXPLANATION_HEAD if lines else "", *lines) if part)
    return service.act(who, table_id, Action.SUBMIT, text)


def may_withdraw(who: Principal, row: Mapping[str, Any]) -> bool:
    """The unit's 填报人 (or an administrator) while the table waits for review."""
    scope = TableScope(unit=row["unit"], department=row["department"], status=Status(row["status"]))
    return can_act(who, scope, Action.WITHDRAW)


def withdraw(service: Service, who: Principal, table_id: int) -> None:
    """撤回: a submitted table goes back to 草稿, before a reviewer has acted on it."""
    row = service.table_view(who, table_id).row
    if not may_withdraw(who, row):
        if row["status"] != Status.SUBMITTED.value:
            raise Conflict("只有“已提交”且尚未审核的表可以撤回")
        raise Forbidden("只有本单位的填报人可以撤回这张表")
    with service.engine.begin() as conn:
        try:
            repo.set_status(
                conn, table_id, Action.WITHDRAW, Status.SUBMITTED, Status.DRAFT, who.user_id, None
            )
        except repo.ConflictError:
            raise Conflict("这张表的状态刚被审核人改变，不能再撤回，请刷新后查看") from None
        audit.record(
            conn, who.user_id, Action.WITHDRAW.value, "table", table_id, {"status": ["submitted", "draft"]}
        )
    service._cache.clear()  # the dashboard counts statuses
