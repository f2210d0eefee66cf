"""Pages for logged-in work: workflow actions, the queue, import (the editor: editor_pages; comparisons
and review notes: review_notes_pages)."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from jixiao.service import Invalid, check_upload, read_upload
from jixiao.web.pages import render
from jixiao.web.security import check_csrf, require_login, service_of
from jixiao.workflow import Action, Principal

router = APIRouter(include_in_schema=False)


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


for _action in (Action.RETURN, Action.APPROVE, Action.PUBLISH):  # submit: review_pages
    _action_route(_action)


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request, page: int = 1, who: Principal = Depends(require_login)) -> HTMLResponse:
    """The caller's review queue page."""
    rows, total = service_of(request).queue(who, page=page)
    return render(request, "queue.html", {"rows": rows, "total": total})


# ---- import ------------------------------------------------------------------------------------


@router.get("/import", response_class=HTMLResponse)
def import_page(request: Request, who: Principal = Depends(require_login)) -> HTMLResponse:
    """The import page: upload a file of 绩效目标表."""
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
    report = service.preview_by_year_profile(report)  # as the import will store it
    token = service.stage_upload(who, filename, data, limits.staged_upload_seconds)
    effects = service.import_effects(report, who)
    context = {"report": report, "error": None, "token": token, "filename": filename, "effects": effects}
    context["peer_reviews"] = [{"project": t.project.name, **service.peer_review(t)} for t in report.tables]
    return render(request, "import.html", context)


@router.post("/import/{token}/confirm", dependencies=[Depends(check_csrf)])
def import_confirm(
    request: Request,
    token: str,
    published: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    who: Principal = Depends(require_login),
) -> Response:
    """Import a previewed upload once the user confirms (optionally as published); tables already
    submitted, approved or published become a 目标调整 with the ``reason`` given in the preview."""
    limits = request.app.state.settings.limits
    read = partial(read_upload, limits=limits)
    report = service_of(request).confirm_upload(
        who, token, bool(published), read=read, keep_seconds=limits.staged_upload_seconds, reason=reason
    )
    if not report.ok:
        raise Invalid("；".join(p.message for p in report.problems))
    if report.selfevaluation_ids:  # published 自评表, recognised by content
        ids = report.selfevaluation_ids
        return RedirectResponse(
            f"/selfevaluations/{ids[0]}" if len(ids) == 1 else "/selfevaluations", status_code=303
        )
    target = f"/tables/{report.table_ids[0]}" if len(report.table_ids) == 1 else "/tables"
    return RedirectResponse(f"{target}?imported={report.created + report.updated}", status_code=303)
