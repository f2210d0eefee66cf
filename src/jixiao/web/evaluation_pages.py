"""运行监控 and 单位自评 pages of a table (with live lights and scores over HTMX) and their JSON twins.

Handlers are thin: the form becomes the same payload the JSON API takes, and `Service.evaluation`
reads, checks, scores and stores it. Unusable input is shown back with every problem named and
nothing stored.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Depends, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from jixiao.service import (
    LIKELIHOODS,
    PROFILES,
    EvaluationView,
    InvalidInput,
    MonitoringView,
    evaluation_json,
    monitoring_json,
)
from jixiao.web.pages import render
from jixiao.web.security import check_csrf, require_login, service_of
from jixiao.workflow import Principal

router = APIRouter()
_ROW_FIELD = re.compile(r"^(funds|indicators|adjust)-(\d{1,4})-(\w+)$")
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LIGHT_LABELS = {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}


def payload_from_form(form: FormData) -> dict[str, Any]:
    """Form fields (``funds-0-budget``, ``indicators-3-actual``…) → the JSON API's payload."""
    payload: dict[str, Any] = {}
    rows: dict[str, dict[int, dict[str, str]]] = {"funds": {}, "indicators": {}, "adjust": {}}
    for key, value in form.multi_items():
        if not isinstance(value, str):
            continue
        match = _ROW_FIELD.match(key)
        if match:
            rows[match[1]].setdefault(int(match[2]), {})[match[3]] = value
        elif key != "csrf_token":
            payload[key] = value
    for group in ("funds", "indicators"):
        payload[group] = [rows[group][i] for i in sorted(rows[group])]
    payload["adjustments"] = [{"index": str(i), **rows["adjust"][i]} for i in sorted(rows["adjust"])]
    return payload


def _download(filename: str, data: bytes, media_type: str, name: str = "") -> Response:
    """The file under a name that says what it is: 自评表-3.pdf → 项目名称_2025_自评表.pdf."""
    if name:
        stem, _, extension = filename.rpartition(".")
        filename = f"{name}_{re.sub(r'-[0-9]+(?=-|$)', '', stem, count=1)}.{extension}"
    # RFC 5987: the Chinese file name survives in every browser
    disposition = (
        f"attachment; filename=\"download.{filename.rsplit('.', 1)[-1]}\"; filename*=UTF-8''{quote(filename)}"
    )
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})


def _name(request: Request, who: Principal, table_id: int) -> str:
    """项目名称_年度, safe as a file name (the same stem as the table's Excel download)."""
    from jixiao.web.filenames import file_name

    row, _ = service_of(request).current_table(who, table_id)
    stem = f"{row.name}_{row.year}" if row.year else row.name
    return file_name(stem, "x")[:-2]


# ---- 运行监控 --------------------------------------------------------------------------------------


def _monitoring_context(view: MonitoringView, **extra: Any) -> dict[str, Any]:
    return {
        "view": view,
        "t": view.table,
        "p": view.payload,
        "result": view.result,
        "problems": {p.field: p.message for p in view.problems},
        "likelihoods": list(LIKELIHOODS),
        "profiles": PROFILES,
        "light_labels": LIGHT_LABELS,
        **extra,
    }


@router.get("/tables/{table_id}/monitoring", response_class=HTMLResponse, include_in_schema=False)
def monitoring_page(
    request: Request, table_id: int, months: int | None = None, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """The 运行监控 page of a table, for ``months`` or the latest report."""
    view = service_of(request).evaluation.monitoring(who, table_id, months)
    return render(request, "evaluation/monitoring.html", _monitoring_context(view))


@router.post(
    "/tables/{table_id}/monitoring/preview",
    response_class=HTMLResponse,
    dependencies=[Depends(check_csrf)],
    include_in_schema=False,
)
async def monitoring_preview(
    request: Request, table_id: int, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """The live result of the monitoring form as the user types (not saved)."""
    payload = payload_from_form(await request.form())
    view = service_of(request).evaluation.preview_monitoring(who, table_id, payload)
    return render(request, "evaluation/_monitoring_live.html", _monitoring_context(view, oob=True))


@router.post("/tables/{table_id}/monitoring", dependencies=[Depends(check_csrf)], include_in_schema=False)
async def monitoring_save(
    request: Request, table_id: int, who: Principal = Depends(require_login)
) -> Response:
    """Save the monitoring form, or show it again with the problems."""
    payload = payload_from_form(await request.form())
    service = service_of(request).evaluation
    try:
        view = service.save_monitoring(who, table_id, payload)
    except InvalidInput as why:
        view = service.preview_monitoring(who, table_id, payload)
        context = _monitoring_context(view, error=why.message, problem_list=why.problems)
        return render(request, "evaluation/monitoring.html", context, 400)
    return RedirectResponse(
        f"/tables/{table_id}/monitoring?months={view.result.months}&saved=1", status_code=303
    )


@router.post(
    "/tables/{table_id}/monitoring/upload", dependencies=[Depends(check_csrf)], include_in_schema=False
)
async def monitoring_upload(
    request: Request, table_id: int, file: UploadFile, who: Principal = Depends(require_login)
) -> Response:
    """Read and save an uploaded 监控表 workbook, or show the page with its problems."""
    service = service_of(request).evaluation
    limit = request.app.state.settings.max_upload_bytes
    data = await file.read(limit + 1)  # one byte more than allowed is enough to refuse it
    try:
        view = service.upload_monitoring_xlsx(who, table_id, data, file.filename or "监控表.xlsx", limit)
    except InvalidInput as why:
        view = service.monitoring(who, table_id)
        context = _monitoring_context(view, error=why.message, problem_list=why.problems)
        return render(request, "evaluation/monitoring.html", context, 400)
    return RedirectResponse(
        f"/tables/{table_id}/monitoring?months={view.result.months}&saved=1", status_code=303
    )


# ---- 单位自评 --------------------------------------------------------------------------------------


def _evaluation_context(view: EvaluationView, **extra: Any) -> dict[str, Any]:
    scores = {id(s.line): s.score for s in view.result.lines}
    return {
        "view": view,
        "t": view.table,
        "p": view.payload,
        "result": view.result,
        "scores": [scores.get(id(line)) for line in view.evaluation.lines],
        "problems": {p.field: p.message for p in view.problems},
        "profiles": PROFILES,
        **extra,
    }


@router.get("/tables/{table_id}/evaluation", response_class=HTMLResponse, include_in_schema=False)
def evaluation_page(
    request: Request, table_id: int, profile: str | None = None, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """The 自评 page of a table, scored by the chosen profile."""
    view = service_of(request).evaluation.evaluation(who, table_id, profile)
    return render(request, "evaluation/evaluation.html", _evaluation_context(view))


@router.post(
    "/tables/{table_id}/evaluation/preview",
    response_class=HTMLResponse,
    dependencies=[Depends(check_csrf)],
    include_in_schema=False,
)
async def evaluation_preview(
    request: Request, table_id: int, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """The live score of the 自评 form as the user types (not saved)."""
    payload = payload_from_form(await request.form())
    view = service_of(request).evaluation.preview_evaluation(who, table_id, payload)
    return render(request, "evaluation/_evaluation_live.html", _evaluation_context(view, oob=True))


@router.post("/tables/{table_id}/evaluation", dependencies=[Depends(check_csrf)], include_in_schema=False)
async def evaluation_save(
    request: Request, table_id: int, who: Principal = Depends(require_login)
) -> Response:
    """Save the 自评 form, or show it again with the problems."""
    payload = payload_from_form(await request.form())
    service = service_of(request).evaluation
    try:
        service.save_evaluation(who, table_id, payload)
    except InvalidInput as why:
        view = service.preview_evaluation(who, table_id, payload)
        context = _evaluation_context(view, error=why.message, problem_list=why.problems)
        return render(request, "evaluation/evaluation.html", context, 400)
    return RedirectResponse(f"/tables/{table_id}/evaluation?saved=1", status_code=303)


@router.post(
    "/tables/{table_id}/evaluation/adjust", dependencies=[Depends(check_csrf)], include_in_schema=False
)
async def evaluation_adjust(
    request: Request, table_id: int, who: Principal = Depends(require_login)
) -> Response:
    """Save a reviewer's score reductions with their reasons."""
    payload = payload_from_form(await request.form())
    service = service_of(request).evaluation
    try:
        service.save_adjustments(who, table_id, payload["adjustments"])
    except InvalidInput as why:
        view = service.evaluation(who, table_id)
        context = _evaluation_context(view, error=why.message, problem_list=why.problems)
        return render(request, "evaluation/evaluation.html", context, 400)
    return RedirectResponse(f"/tables/{table_id}/evaluation?adjusted=1", status_code=303)


@router.post(
    "/tables/{table_id}/evaluation/upload", dependencies=[Depends(check_csrf)], include_in_schema=False
)
async def evaluation_upload(
    request: Request, table_id: int, file: UploadFile, who: Principal = Depends(require_login)
) -> Response:
    """Read and save an uploaded 自评表 workbook, or show the page with its problems."""
    service = service_of(request).evaluation
    limit = request.app.state.settings.max_upload_bytes
    data = await file.read(limit + 1)  # one byte more than allowed is enough to refuse it
    try:
        service.upload_evaluation_xlsx(who, table_id, data, file.filename or "自评表.xlsx", limit)
    except InvalidInput as why:
        view = service.evaluation(who, table_id)
        context = _evaluation_context(view, error=why.message, problem_list=why.problems)
        return render(request, "evaluation/evaluation.html", context, 400)
    return RedirectResponse(f"/tables/{table_id}/evaluation?uploaded=1", status_code=303)


@router.get("/tables/{table_id}/evaluation/template.xlsx", include_in_schema=False)
def evaluation_template(request: Request, table_id: int, who: Principal = Depends(require_login)) -> Response:
    """Download the blank 自评表 template workbook of a table."""
    return _download(
        *service_of(request).evaluation.template_xlsx(who, table_id), _XLSX, _name(request, who, table_id)
    )


@router.get("/tables/{table_id}/evaluation/scored.xlsx", include_in_schema=False)
def evaluation_scored(request: Request, table_id: int, who: Principal = Depends(require_login)) -> Response:
    """Download the scored 自评表 as a workbook."""
    return _download(
        *service_of(request).evaluation.scored_xlsx(who, table_id), _XLSX, _name(request, who, table_id)
    )


@router.get("/tables/{table_id}/evaluation/scored.pdf", include_in_schema=False)
def evaluation_pdf(request: Request, table_id: int, who: Principal = Depends(require_login)) -> Response:
    """Download the scored 自评表 as a PDF."""
    return _download(
        *service_of(request).evaluation.scored_pdf(who, table_id),
        "application/pdf",
        _name(request, who, table_id),
    )


@router.get("/tables/{table_id}/monitoring/template.xlsx", include_in_schema=False)
def monitoring_template(
    request: Request, table_id: int, months: int | None = None, who: Principal = Depends(require_login)
) -> Response:
    """Download the 监控表 template workbook of a table, to fill in."""
    return _download(
        *service_of(request).evaluation.monitoring_xlsx(who, table_id, months, False),
        _XLSX,
        _name(request, who, table_id),
    )


@router.get("/tables/{table_id}/monitoring/table.xlsx", include_in_schema=False)
def monitoring_table(
    request: Request, table_id: int, months: int | None = None, who: Principal = Depends(require_login)
) -> Response:
    """Download the filled 监控表 of a table as a workbook."""
    return _download(
        *service_of(request).evaluation.monitoring_xlsx(who, table_id, months, True),
        _XLSX,
        _name(request, who, table_id),
    )


@router.get("/tables/{table_id}/evaluation/report.docx", include_in_schema=False)
def evaluation_report(request: Request, table_id: int, who: Principal = Depends(require_login)) -> Response:
    """Download the 自评报告 of a table as a Word document."""
    return _download(
        *service_of(request).evaluation.report_docx(who, table_id), _DOCX, _name(request, who, table_id)
    )


# ---- JSON twins ----------------------------------------------------------------------------------


def _invalid_json(why: InvalidInput) -> Response:
    body = {
        "error": why.message,
        "problems": [{"field": p.field, "message": p.message} for p in why.problems],
    }
    return Response(json.dumps(body, ensure_ascii=False), status_code=400, media_type="application/json")


@router.get(
    "/api/tables/{table_id}/monitoring", tags=["api"], summary="运行监控（1–N月）：填报内容与红黄绿灯"
)
def api_monitoring(
    request: Request, table_id: int, months: int | None = None, who: Principal = Depends(require_login)
) -> dict[str, Any]:
    """The 运行监控 report of a table as JSON."""
    return monitoring_json(service_of(request).evaluation.monitoring(who, table_id, months))


@router.put(
    "/api/tables/{table_id}/monitoring",
    tags=["api"],
    dependencies=[Depends(check_csrf)],
    summary="保存运行监控（本单位填报人）",
)
def api_monitoring_put(
    request: Request,
    table_id: int,
    payload: dict[str, Any] = Body(...),
    who: Principal = Depends(require_login),
) -> Any:
    """Save a 运行监控 report sent as JSON; the problems as JSON when refused."""
    try:
        return monitoring_json(service_of(request).evaluation.save_monitoring(who, table_id, payload))
    except InvalidInput as why:
        return _invalid_json(why)


@router.get("/api/tables/{table_id}/evaluation", tags=["api"], summary="单位自评：填报内容、得分与等级")
def api_evaluation(
    request: Request, table_id: int, who: Principal = Depends(require_login)
) -> dict[str, Any]:
    """The 自评 of a table, scored, as JSON."""
    return evaluation_json(service_of(request).evaluation.evaluation(who, table_id))


@router.put(
    "/api/tables/{table_id}/evaluation",
    tags=["api"],
    dependencies=[Depends(check_csrf)],
    summary="保存单位自评（本单位填报人）",
)
def api_evaluation_put(
    request: Request,
    table_id: int,
    payload: dict[str, Any] = Body(...),
    who: Principal = Depends(require_login),
) -> Any:
    """Save a 自评 sent as JSON; the problems as JSON when refused."""
    try:
        return evaluation_json(service_of(request).evaluation.save_evaluation(who, table_id, payload))
    except InvalidInput as why:
        return _invalid_json(why)


@router.put(
    "/api/tables/{table_id}/evaluation/adjustments",
    tags=["api"],
    dependencies=[Depends(check_csrf)],
    summary="审核人扣减得分（须写明理由）",
)
def api_adjustments_put(
    request: Request,
    table_id: int,
    items: list[dict[str, Any]] = Body(...),
    who: Principal = Depends(require_login),
) -> Any:
    """Save a reviewer's score reductions sent as JSON; the problems as JSON when refused."""
    try:
        return evaluation_json(service_of(request).evaluation.save_adjustments(who, table_id, items))
    except InvalidInput as why:
        return _invalid_json(why)
