"""The 指标库 pages: browse and search, one entry (its evidence chart, text table and the tables using
it), requests and approvals; and their JSON twins under /api/library. Handlers stay thin: the
service decides who may do what (`jixiao.permissions`) and answers in Chinese."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from jixiao.permissions import may_request_library, may_see_library_requests
from jixiao.service import Invalid
from jixiao.web.filenames import content_disposition, file_name
from jixiao.web.pages import render
from jixiao.web.security import check_csrf, current_principal, require_login, service_of
from jixiao.workflow import Principal

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/library", tags=["指标库"])

PER_PAGE = 30
FORM_FIELDS = (
    "name", "synonyms", "level1", "level2", "explanation", "formula", "direction", "value_type", "unit",
    "scoring", "data_source", "accrual", "project_types", "functions", "keywords", "owner",
    "valid_from", "valid_to",
)  # fmt: skip
REFERENCE_FIELDS = ("op", "value", "basis", "year", "source")


def _listing(request: Request, q: str, status: str, level2: str, page: int) -> dict[str, Any]:
    return service_of(request).library_list(q, status, level2, page, PER_PAGE)


@router.get("/library", response_class=HTMLResponse)
def browse(
    request: Request, q: str = "", status: str = "", level2: str = "", page: int = 1,
    who: Principal = Depends(current_principal),
) -> HTMLResponse:  # fmt: skip
    """Browse and search the library (name, synonym, 二级, sector)."""
    found = _listing(request, q, status, level2, page)
    pages = max(1, -(-found["total"] // PER_PAGE))
    context = {"found": found, "q": q, "status": status, "level2": level2, "pages": pages}
    context["may_request"] = may_request_library(who)
    context["may_queue"] = may_see_library_requests(who) or not who.anonymous
    context["freshness"] = service_of(request).library_freshness()
    return render(request, "library.html", context)


@router.get("/library/requests", response_class=HTMLResponse)
def requests_page(
    request: Request, code: str = "", kind: str = "add", status: str = "open",
    who: Principal = Depends(require_login),
) -> HTMLResponse:  # fmt: skip
    """The approval queue (审核人, 管理员) or one's own requests (填报人), and the request form."""
    rows = service_of(request).library_requests(who, status)
    entry = service_of(request).library_entry(code) if code else None
    context: dict[str, Any] = {"rows": rows, "entry": entry}
    context["kind"] = kind if kind in ("add", "modify", "retire") else "add"
    context |= {
        "status": status,
        "may_request": may_request_library(who),
        "done": request.query_params.get("done"),
    }
    return render(request, "library_requests.html", context)


def _proposal(form: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        k: str(form.get(k) or "").strip() for k in FORM_FIELDS if str(form.get(k) or "").strip()
    }
    if str(form.get("entry_kind") or "") in ("共性", "个性"):
        fields["kind"] = str(form.get("entry_kind"))
    reference = {k: str(form.get(f"ref_{k}") or "").strip() for k in REFERENCE_FIELDS}
    if any(reference.values()):
        fields["reference"] = {k: v for k, v in reference.items() if v}
    return fields


@router.post("/library/requests", dependencies=[Depends(check_csrf)])
async def file_request(request: Request, who: Principal = Depends(require_login)) -> Response:
    """File an add / modify / retire request from the form."""
    form = await request.form()
    kind = str(form.get("kind") or "add")
    code = str(form.get("code") or "") or None
    try:
        made = service_of(request).library_request(
            who, kind, code, _proposal(form), str(form.get("reason") or "")
        )
    except Invalid as why:
        rows = service_of(request).library_requests(who, "open")
        context: dict[str, Any] = {"rows": rows, "entry": None, "kind": kind, "status": "open"}
        context["may_request"] = True
        context |= {"error": why.message, "done": None}
        return render(request, "library_requests.html", context, 400)
    return RedirectResponse(f"/library/requests?done=filed-{made['id']}", status_code=303)


@router.post("/library/requests/{request_id}/decide", dependencies=[Depends(check_csrf)])
def decide(
    request: Request, request_id: int, decision: Annotated[str, Form()] = "approve",
    comment: Annotated[str, Form()] = "", who: Principal = Depends(require_login),
) -> Response:  # fmt: skip
    """Approve or reject a request at its stage (部门审核, then 财政审定)."""
    done = service_of(request).library_decide(who, request_id, decision == "approve", comment)
    return RedirectResponse(f"/library/requests?done={done['status']}-{request_id}", status_code=303)


@router.get("/library/{code}", response_class=HTMLResponse)
def entry_page(request: Request, code: str, who: Principal = Depends(current_principal)) -> HTMLResponse:
    """One entry: fields in force, versions, evidence (chart and text table), tables using it."""
    entry = service_of(request).library_entry(code)
    chart = json.loads(json.dumps({"provenance": entry["provenance"] or {}}, default=str))
    context = {"entry": entry, "chart_data": chart, "may_request": may_request_library(who)}
    return render(request, "library_entry.html", context)


# ── JSON twins ───────────────────────────────────────────────────────────────────────────────────


@api.get("", summary="指标库条目（搜索：名称、写法、二级、行业）")
def api_list(
    request: Request, q: str = "", status: str = "", level2: str = "", page: int = 1
) -> dict[str, Any]:
    """Entries on offer (or in one status), the most used first, and whether the library is up to date."""
    return {
        **_listing(request, q, status, level2, page),
        "freshness": service_of(request).library_freshness(),
    }


@api.get("/suggest", summary="按正在填写的指标名称推荐条目")
def api_suggest(request: Request, name: str = "", level2: str = "", limit: int = 10) -> dict[str, Any]:
    """Entries resembling a typed name, with the reason, unit and suggested value (retired never)."""
    return {"entries": service_of(request).library_suggest(name, level2 or None, limit)}


@api.get("/recommend", summary="为项目推荐同类项目使用的指标")
def api_recommend(
    request: Request, project: str = "", type: str = "", goal: str = "", department: str = "", limit: int = 12
) -> dict[str, Any]:
    """Entries used by projects like this one (name, 项目类型, goal text, 主管部门), each with why."""
    return service_of(request).library_recommend(project, limit, type, goal, department)


@api.get("/export.{fmt}", summary="指标库开放数据（json、csv、xlsx）")
def api_export(request: Request, fmt: str, status: str = "") -> Response:
    """The whole library as open data; text is written as text."""
    data, media = service_of(request).library_export(fmt, status)
    name = content_disposition(file_name("绩效指标库", fmt), f"jixiao-library.{fmt}")
    headers = {"Content-Disposition": name}
    return Response(data, media_type=media, headers=headers)


@api.get("/requests", summary="指标库申请（审批队列或本人的申请）")
def api_requests(
    request: Request, status: str = "open", who: Principal = Depends(require_login)
) -> dict[str, Any]:
    """Requests the caller may decide on, or their own."""
    return {"requests": service_of(request).library_requests(who, status)}


@api.post("/requests", summary="提出新增、修改或停用申请", dependencies=[Depends(check_csrf)])
async def api_file(request: Request, who: Principal = Depends(require_login)) -> dict[str, Any]:
    """Body: ``{"kind": "add|modify|retire", "code": …, "fields": {…}, "reason": …}``."""
    try:
        body = await request.json()
    except ValueError:
        raise Invalid("请求内容不是有效的 JSON") from None
    if not isinstance(body, dict):
        raise Invalid("请求内容应为 JSON 对象")
    kind, reason = str(body.get("kind") or ""), str(body.get("reason") or "")
    return service_of(request).library_request(who, kind, body.get("code"), body.get("fields") or {}, reason)


@api.post("/requests/{request_id}/decision", summary="审批申请", dependencies=[Depends(check_csrf)])
async def api_decide(
    request: Request, request_id: int, who: Principal = Depends(require_login)
) -> dict[str, Any]:
    """Body: ``{"approve": true|false, "comment": …}``."""
    try:
        body = await request.json()
    except ValueError:
        raise Invalid("请求内容不是有效的 JSON") from None
    if not isinstance(body, dict) or not isinstance(body.get("approve"), bool):
        raise Invalid("请用 approve: true 或 false 表示批准或退回")
    return service_of(request).library_decide(
        who, request_id, body["approve"], str(body.get("comment") or "")
    )


@api.get("/review/{table_id}", summary="同行比较：一张已存储的表与指标库中同行的目标（JX-E01–E03）")
def api_peer_review(
    request: Request, table_id: int, who: Principal = Depends(current_principal)
) -> dict[str, Any]:
    """The evidence rules' findings for a stored table the caller may see, each naming the peers."""
    service = service_of(request)
    _, table = service.current_table(who, table_id)
    findings = [
        {"code": f.code, "severity": f.severity.value, "message": f.message, "indicator": f.indicator,
         "line": f.source.line, "basis": f.basis, "suggestion": f.suggestion}
        for f in service.peer_findings(table)
    ]  # fmt: skip
    return {"table_id": table_id, "findings": findings}


@api.get("/{code}", summary="一个条目：现行版本、历次版本、来源证据、使用它的表")
def api_entry(request: Request, code: str) -> dict[str, Any]:
    """One entry with its evidence and the published tables using it."""
    entry: dict[str, Any] = json.loads(json.dumps(service_of(request).library_entry(code), default=str))
    return entry
