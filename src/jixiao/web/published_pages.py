"""Published 自评表 on the web (issue 12): the list (with 自评结果不能自洽), one page each, downloads,
and their JSON twins under /api. Public pages: these are published documents; which target tables
they link to depends on who asks (the service's visibility rules).
"""

from __future__ import annotations

import mimetypes
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from jixiao.service import NotFound
from jixiao.web.filenames import content_disposition, file_name
from jixiao.web.pages import render
from jixiao.web.security import current_principal, service_of
from jixiao.workflow import Principal

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"])

PER_PAGE = 20
KINDS = {"xlsx", "pdf", "json", "csv"}


def _listing(request: Request, inconsistent: str, department: str, page: int) -> dict[str, Any]:
    only = inconsistent in ("1", "true", "yes")
    service = service_of(request)
    rows, total = service.published_list(only, department.strip(), max(page, 1), PER_PAGE)
    return {
        "items": rows,
        "total": total,
        "page": max(page, 1),
        "per_page": PER_PAGE,
        "inconsistent": only,
        "department": department.strip(),
        "figures": service.published_dashboard(),
    }


@router.get("/selfevaluations", response_class=HTMLResponse)
def published_list(
    request: Request, inconsistent: str = "", department: str = "", page: int = 1
) -> HTMLResponse:
    """The list of stored published self-evaluations; ``inconsistent=1``: only those not adding up."""
    context = _listing(request, inconsistent, department, page)
    context["pages"] = max((context["total"] + PER_PAGE - 1) // PER_PAGE, 1)
    return render(request, "published/list.html", context)


@router.get("/selfevaluations/{evaluation_id}", response_class=HTMLResponse)
def published_page(
    request: Request, evaluation_id: int, who: Principal = Depends(current_principal)
) -> HTMLResponse:
    """One stored published self-evaluation: each printed row beside its recomputed score and findings."""
    view = service_of(request).published_view(who, evaluation_id)
    return render(request, "published/page.html", {"v": view})


@router.get("/selfevaluations/{evaluation_id}/download.{kind}")
def published_download(
    request: Request, evaluation_id: int, kind: str, who: Principal = Depends(current_principal)
) -> Response:
    """One stored self-evaluation as xlsx, PDF, JSON or CSV, published and recomputed side by side."""
    if kind not in KINDS:
        raise NotFound(f"不支持的下载格式“{kind}”：可选 xlsx、pdf、json、csv")
    data, name = service_of(request).published_file(who, evaluation_id, kind)
    media = {
        "csv": "text/csv; charset=utf-8",
        "json": "application/json",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }.get(kind) or (mimetypes.types_map.get(f".{kind}") or "application/octet-stream")
    safe = file_name(name.rsplit(".", 1)[0], kind)
    disposition = content_disposition(safe, f"selfevaluation-{evaluation_id}.{kind}")
    return Response(data, media_type=media, headers={"Content-Disposition": disposition})


@api_router.get("/selfevaluations", summary="已公开的自评表（发布分与重算分，inconsistent=1 只列不能自洽的）")
def published_list_api(
    request: Request, inconsistent: str = "", department: str = "", page: int = 1
) -> dict[str, Any]:
    """The JSON twin of /selfevaluations: a page of summaries, the total and the dashboard figures."""
    return _listing(request, inconsistent, department, page)


@api_router.get("/selfevaluations/{evaluation_id}", summary="一份已公开的自评表：发布、重算与发现的问题")
def published_api(
    request: Request, evaluation_id: int, who: Principal = Depends(current_principal)
) -> dict[str, Any]:
    """The JSON twin of one self-evaluation's page: summary, rows with both scores and their findings."""
    view = service_of(request).published_view(who, evaluation_id)
    return {
        **view.summary,
        "funds": view.funds,
        "rows": view.rows,
        "total_row": view.total,
        "general": view.general,
        "targets": [{"id": t["id"], "name": t["name"], "status": t["status"]} for t in view.targets],
        "document": view.document,
    }
