"""JSON twins of the pages under /api/, built from the same service calls (documented in /openapi.json)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from jixiao.queries import FindingRow, TableQuery, as_dict
from jixiao.web.pages import table_query
from jixiao.web.security import current_principal, require_admin, require_login, service_of
from jixiao.workflow import Principal

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
    request: Request, query: TableQuery = Depends(table_query), who: Principal = Depends(current_principal)
) -> dict[str, Any]:
    """One page of the tables the caller may see, as jixiao.table/1 documents with id, status and outcome."""
    items, total = service_of(request).list_documents(who, query)
    return {"items": items, "total": total, "page": query.page, "per_page": query.per_page}


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
    }


@router.get("/tables/{table_id}/compare", summary="两个版本的差异")
def compare(
    request: Request, table_id: int, old: int, new: int, who: Principal = Depends(require_login)
) -> dict[str, Any]:
    """The changes between two versions of a table."""
    changes = service_of(request).diff(who, table_id, old, new)
    return {
        "old": old,
        "new": new,
        "changes": [{"kind": c.kind, "place": c.place, "old": c.old, "new": c.new} for c in changes],
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
    return {
        key: getattr(row, key)
        for key in ("code", "severity", "message", "indicator", "line", "basis", "suggestion")
    }


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
