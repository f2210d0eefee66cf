"""Pages for logged-in work: the editor with live review, workflow actions, the queue, diff, import."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from jixiao.model import Table
from jixiao.service import (
    Conflict,
    Forbidden,
    Invalid,
    check_upload,
    read_upload,
    review,
)
from jixiao.web.forms import table_from_form
from jixiao.web.layout import official_rows
from jixiao.web.pages import render
from jixiao.web.security import check_csrf, require_login, service_of
from jixiao.workflow import Action, Principal

router = APIRouter(include_in_schema=False)

LEVEL1_CHOICES = ("成本指标", "产出指标", "效益指标", "满意度指标")


def _editor(
    request: Request,
    table_id: int,
    table: Table,
    lock_version: int,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    service = service_of(request)
    view = service.table_view(require_login(request), table_id)
    reviewed = review(table)
    findings = [_finding_dict(d) for d in reviewed.findings]
    return render(
        request,
        "edit.html",
        {
            "view": view,
            "t": table,
            "lock_version": lock_version,
            "findings": findings,
            "outcome": reviewed.outcome,
            "reason": reviewed.reason,
            "error": error,
            "level1_choices": LEVEL1_CHOICES,
            "adjusting": view.row["status"] in ("approved", "published"),
        },
        status_code,
    )


def _finding_dict(d: object) -> dict[str, object]:
    from jixiao.model import Diagnostic

    assert isinstance(d, Diagnostic)
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "indicator": d.indicator,
        "line": d.source.line,
        "basis": d.basis,
        "suggestion": d.suggestion,
    }


@router.get("/tables/{table_id}/edit", response_class=HTMLResponse)
def edit_page(request: Request, table_id: int, who: Principal = Depends(require_login)) -> HTMLResponse:
    view = service_of(request).table_view(who, table_id)
    if not (view.can_edit or view.can_adjust):
        raise Forbidden("您无权修改这张表（只能修改本单位的草稿或退回的表）")
    return _editor(request, table_id, view.table, view.row["lock_version"])


@router.post("/tables/{table_id}/edit", dependencies=[Depends(check_csrf)])
async def save_edit(request: Request, table_id: int, who: Principal = Depends(require_login)) -> Response:
    service = service_of(request)
    view = service.table_view(who, table_id)
    form = await request.form()
    lock = form.get("lock_version")
    reason = form.get("reason")
    try:
        table = table_from_form(form, view.table)
    except Invalid as why:
        return _editor(request, table_id, view.table, view.row["lock_version"], why.message, 400)
    expected = int(lock) if isinstance(lock, str) and lock.isdigit() else -1
    try:
        service.save(who, table_id, table, expected, reason if isinstance(reason, str) else None)
    except (Conflict, Invalid) as why:
        # Keep what the user typed on screen: nothing is lost, they can copy it over.
        status = 409 if isinstance(why, Conflict) else 400
        return _editor(request, table_id, table, expected, why.message, status)
    return RedirectResponse(f"/tables/{table_id}?saved=1", status_code=303)


@router.post("/tables/{table_id}/check", response_class=HTMLResponse, dependencies=[Depends(check_csrf)])
async def live_check(
    request: Request, table_id: int, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """HTMX: review the form as it stands and return the findings panel."""
    view = service_of(request).table_view(who, table_id)
    form = await request.form()
    try:
        table = table_from_form(form, view.table)
    except Invalid as why:
        return render(request, "_live_findings.html", {"findings": [], "error": why.message, "outcome": ""})
    reviewed = review(table)
    findings = [_finding_dict(d) for d in reviewed.findings]
    context = {"findings": findings, "error": None, "outcome": reviewed.outcome, "reason": reviewed.reason}
    return render(request, "_live_findings.html", context)


def _action_route(action: Action) -> None:
    async def handler(
        request: Request,
        table_id: int,
        comment: Annotated[str, Form()] = "",
        who: Principal = Depends(require_login),
    ) -> Response:
        service_of(request).act(who, table_id, action, comment)
        return RedirectResponse(f"/tables/{table_id}?done={action.value}", status_code=303)

    router.add_api_route(
        f"/tables/{{table_id}}/{action.value}",
        handler,
        methods=["POST"],
        dependencies=[Depends(check_csrf)],
        name=f"table_{action.value}",
    )


for _action in (Action.SUBMIT, Action.RETURN, Action.APPROVE, Action.PUBLISH):
    _action_route(_action)


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request, page: int = 1, who: Principal = Depends(require_login)) -> HTMLResponse:
    rows, total = service_of(request).queue(who, page=page)
    return render(request, "queue.html", {"rows": rows, "total": total})


@router.get("/tables/{table_id}/compare", response_class=HTMLResponse)
def compare_page(
    request: Request, table_id: int, old: int = 0, new: int = 0, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """Side by side: a version against the one before it (the current one by default)."""
    service = service_of(request)
    view = service.table_view(who, table_id)
    new = new or view.row["current_version"]
    old = old or max(new - 1, 1)
    changes = service.diff(who, table_id, old, new)
    old_table, new_table = service.version(who, table_id, old), service.version(who, table_id, new)
    old_rows, _ = official_rows(old_table, [])
    new_rows, _ = official_rows(new_table, [])
    changed_names = {change.place.split("／")[-1] for change in changes}
    context = {"view": view, "old": old, "new": new, "changes": changes, "changed_names": changed_names}
    context |= {"old_table": old_table, "new_table": new_table, "old_rows": old_rows, "new_rows": new_rows}
    return render(request, "compare.html", context)


# ---- import ------------------------------------------------------------------------------------


@router.get("/import", response_class=HTMLResponse)
def import_page(request: Request, who: Principal = Depends(require_login)) -> HTMLResponse:
    return render(request, "import.html", {"report": None, "error": None})


@router.post("/import", response_class=HTMLResponse, dependencies=[Depends(check_csrf)])
async def import_preview(
    request: Request, file: UploadFile, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """Read and review the upload, show the findings, and keep it until the user confirms."""
    limits = request.app.state.settings.limits
    filename = file.filename or "上传的文件"
    data = await file.read(limits.max_bytes + 1)  # one byte more than allowed is enough to refuse it
    try:
        check_upload(data, filename, limits.max_bytes)
    except Invalid as why:
        return render(request, "import.html", {"report": None, "error": why.message}, 400)
    # parsed in a worker process with a time and memory ceiling (a .doc/.wps is first converted by
    # LibreOffice there); this coroutine only waits
    report = await run_in_threadpool(read_upload, data, filename, limits)
    if not report.ok:
        message = "；".join(p.message for p in report.problems)
        context = {"report": report, "error": f"{filename}：{message}。未存储任何内容。"}
        return render(request, "import.html", context, 400)
    service = service_of(request)
    token = service.stage_upload(who, filename, data, limits.staged_upload_seconds)
    effects = service.import_effects(report)
    context = {"report": report, "error": None, "token": token, "filename": filename, "effects": effects}
    return render(request, "import.html", context)


@router.post("/import/{token}/confirm", dependencies=[Depends(check_csrf)])
def import_confirm(
    request: Request,
    token: str,
    published: Annotated[str, Form()] = "",
    who: Principal = Depends(require_login),
) -> Response:
    limits = request.app.state.settings.limits
    read = partial(read_upload, limits=limits)
    report = service_of(request).confirm_upload(
        who, token, bool(published), read=read, keep_seconds=limits.staged_upload_seconds
    )
    if not report.ok:
        raise Invalid("；".join(p.message for p in report.problems))
    target = f"/tables/{report.table_ids[0]}" if len(report.table_ids) == 1 else "/tables"
    return RedirectResponse(f"{target}?imported={report.created + report.updated}", status_code=303)
