"""The JSON twins of the administration pages and of 待办 (under /api/, in the OpenAPI document)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Depends, Request

from jixiao.service import audit_filter
from jixiao.web.api import _jsonable
from jixiao.web.security import require_admin, require_login, service_of
from jixiao.workflow import Principal

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/todo", summary="待办：等待当前用户处理的表")
def todo(request: Request, who: Principal = Depends(require_login)) -> dict[str, Any]:
    """What waits for the caller, by kind, and how many in all."""
    found = service_of(request).todo(who)
    groups = [{**asdict(g), "count": len(g.items)} for g in found.groups]
    return {"count": found.count, "groups": _jsonable(groups)}


@router.get("/admin/users", summary="用户（管理员）")
def users(request: Request, who: Principal = Depends(require_admin)) -> dict[str, Any]:
    """Every user with role, unit, departments and whether disabled."""
    items = [
        {
            "username": u.username,
            "role": u.role.value,
            "unit": u.unit,
            "departments": list(u.departments),
            "disabled": u.disabled,
            "demo": u.demo,
        }
        for u in service_of(request).admin_users(who)
    ]
    return {"items": items}


@router.get("/admin/orgs", summary="单位与部门（管理员）")
def orgs(request: Request, who: Principal = Depends(require_admin)) -> dict[str, Any]:
    """Every 用款单位 and 主管部门 with the tables and users that name it."""
    return {"items": _jsonable(service_of(request).organisations(who))}


@router.get("/admin/profiles/{year}", summary="某年度的审核与评分配置（管理员）")
def profile(request: Request, year: int, who: Principal = Depends(require_admin)) -> dict[str, Any]:
    """The settings of ``year`` and whether they are the year's own (``own``: false means the defaults)."""
    settings, own = service_of(request).rule_profile(who, year)
    return {"year": year, "own": own, "settings": settings}


@router.get("/admin/audit", summary="审计日志查询（管理员）")
def audit(
    request: Request,
    user: str = "",
    action: str = "",
    outcome: str = "",
    since: str = "",
    until: str = "",
    page: int = 1,
    who: Principal = Depends(require_admin),
) -> dict[str, Any]:
    """One page (50 rows) of the audit log filtered as on the page, with Chinese action names."""
    result = service_of(request).audit_page(who, audit_filter(user, action, outcome, since, until), page)
    return {
        "items": _jsonable(result.entries),
        "total": result.total,
        "page": result.page,
        "pages": result.pages,
    }
