"""JSON twins of the pages under /api/, built from the same service calls (documented in /openapi.json)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from jixiao.queries import FindingRow, TableQuery, as_dict, parse_cursor
from jixiao.web.pages import table_query
from jixiao.web.security import check_csrf, current_principal, require_admin, require_login, service_of
from jixiao.web.visitor_pages import visitor_page
from jixiao.workflow import Action, Principal

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/me", summary="当前用户")
def me(who: Principal = Depends(current_principal)) -> dict[str, Any]:
    """The caller: username, role, unit and departments (all empty for a visitor)."""
    return {
        "username": who.username or None,
        "role": who.role.value if who.role else None,
        "unit": who.unit,
        "departments": list(who.departments),
    }


@router.get("/dashboard", summary="概览：状态、预算、问题统计")
def dashboard(request: Request, who: Principal = Depends(current_principal)) -> dict[str, Any]:
    """The dashboard figures of the tables the caller may see."""
    figures: dict[str, Any] = _jsonable(service_of(request).dashboard(who))
    return figures


@router.get("/tables", summary="表的列表（jixiao.table/1 加 id、status、outcome）")
def tables(
    request: Request,
    query: TableQuery = Depends(table_query),
    after: Annotated[
        str, Query(description="上一页返回的 next：按更新时间（默认排序）接着读下一页，不再跳过前面的行")
    ] = "",
    who: Principal = Depends(current_principal),
) -> Response:
    """One page of the tables the caller may see, as jixiao.table/1 documents with id, status and outcome;
    ``next`` (present while a full page in the default order may have a successor) reads on from this
    page: keyset paging, as fast on page 5,000 as on page 1. A visitor's page is made once for each
    state of the store (`jixiao.web.visitor_pages`)."""
    cursor = parse_cursor(after) if after else None
    if after and cursor is None:
        raise HTTPException(status_code=400, detail=f"after 参数不是上一页返回的 next：{after[:40]}")

    def make() -> Response:
        items, total, following = service_of(request).documents_page(who, replace(query, after=cursor))
        page = {"items": items, "total": total, "page": query.page, "per_page": query.per_page}
        return JSONResponse(jsonable_encoder(page if following is None else {**page, "next": following}))

    return visitor_page(request, who, make)


@router.get("/tables/{table_id}", summary="一张表及其审核发现")
def table(request: Request, table_id: int, who: Principal = Depends(current_principal)) -> dict[str, Any]:
    """One table as its jixiao.table/1 document, with status, outcome, version and review findings."""
    view = service_of(request).table_view(who, table_id)
    return {
        **view.document,
        "id": table_id,
        "status": view.row.status,
        "outcome": view.row.outcome,
        "outcome_reason": view.row.outcome_reason,
        "version": view.row.current_version,
        "lock_version": view.row.lock_version,
        "findings": [_finding(f) for f in view.findings],
        "versions": _jsonable([as_dict(v) for v in view.versions]),
        "events": _jsonable([as_dict(e) for e in view.events]),
        "can_edit": view.can_edit,
        "actions": [a.value for a in view.actions],
        "comments": _jsonable(service_of(request).indicator_comments(who, table_id)),
        "previous": _previous(
            service_of(request).previous_table(who, table_id) if not who.anonymous else None
        ),
    }


@router.get("/tables/{table_id}/compare", summary="与上一版对比（或两个指定版本的差异）")
def compare(
    request: Request, table_id: int, old: int = 0, new: int = 0, who: Principal = Depends(require_login)
) -> dict[str, Any]:
    """The changes between two versions of a table; without ``old`` and ``new``, between the last
    approved version (or, never approved, the one handed in before) and the current one."""
    service = service_of(request)
    if old or new:
        new = new or int(service.table_view(who, table_id).row.current_version)
        changes = service.diff(who, table_id, old or max(new - 1, 1), new)
        return {"old": old or max(new - 1, 1), "new": new, "changes": [_change(c) for c in changes]}
    return _comparison(service.compare_for_review(who, table_id))


@router.get("/tables/{table_id}/compare-year", summary="与上年对比")
def compare_year(request: Request, table_id: int, who: Principal = Depends(require_login)) -> dict[str, Any]:
    """This table against last year's table of the same project (null parts when there is none)."""
    return _comparison(service_of(request).compare_with_last_year(who, table_id))


def _previous(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """Last year's table of the project: id, name, year and how it was linked (copy, manual, auto)."""
    return None if row is None else {key: row[key] for key in ("id", "name", "year", "how")}


def _change(c: Any) -> dict[str, str]:
    return {"kind": c.kind, "place": c.place, "old": c.old, "new": c.new}


def _comparison(comparison: Any) -> dict[str, Any]:
    if comparison is None:
        return {"old": None, "new": None, "changes": []}
    return {
        "old": comparison.old_label,
        "new": comparison.new_label,
        "changes": [_change(c) for c in comparison.changes],
        "goals": {label: [[s.kind, s.text] for s in segments] for label, segments in comparison.goals},
    }


@router.get("/queue", summary="审核队列（按风险排序）")
def queue(request: Request, page: int = 1, who: Principal = Depends(require_login)) -> dict[str, Any]:
    """One page of the caller's review queue."""
    rows, total = service_of(request).queue(who, page=page)
    return {"items": _jsonable([as_dict(row) for row in rows]), "total": total}


@router.get("/audit", summary="审计日志（管理员）")
def audit(request: Request, who: Principal = Depends(require_admin)) -> dict[str, Any]:
    """The audit log entries (administrators only)."""
    return {"items": _jsonable(service_of(request).audit_entries(who))}


def _finding(row: FindingRow) -> dict[str, Any]:
    keys = ("id", "code", "severity", "message", "indicator", "place", "line", "basis", "suggestion")
    found = {key: getattr(row, key) for key in keys}
    dismissed = row.dismissed
    found["dismissed"] = (
        None if not dismissed else _jsonable({k: dismissed[k] for k in ("reason", "created_at")})
    )
    return found


class Submission(BaseModel):
    """A submission: a comment, and an explanation of each 错误 finding (finding id → text)."""

    comment: str = ""
    explanations: dict[int, str] = Field(default_factory=dict)


@router.post(
    "/tables/{table_id}/submit",
    dependencies=[Depends(check_csrf)],
    summary="提交审核（有“错误”级发现时须逐条说明，或由审核人驳回）",
)
def submit(
    request: Request, table_id: int, body: Submission, who: Principal = Depends(require_login)
) -> dict[str, Any]:
    """Submit a table for review, as the web form does: refused (400) while a 错误 finding is neither
    fixed, dismissed by the reviewer, nor explained. Send the CSRF token in ``X-CSRF-Token``."""
    status = service_of(request).act(who, table_id, Action.SUBMIT, body.comment, body.explanations)
    return {"id": table_id, "status": status.value}


def _jsonable(value: Any) -> Any:
    """Decimals as strings and times as ISO text, as the open data contract wants."""
    from datetime import datetime
    from decimal import Decimal

    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return value.isoformat()
    return value
