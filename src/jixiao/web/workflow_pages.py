"""Pages for logged-in work: workflow actions, the queue, diff, import (the editor: editor_pages)."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from jixiao.service import Invalid, check_upload, read_upload
from jixiao.web.layout import official_rows
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


@router.get("/tables/{table_id}/compare", response_class=HTMLResponse)
def compare_page(
    request: Request, table_id: int, old: int = 0, new: int = 0, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """Side by side: a version against the one before it (the current one by default)."""
    service = service_of(request)
    view = service.table_view(who, table_id)
    new = new or view.row.current_version
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
    token = service.stage_upload(who, filename, data, limits.staged_upload_seconds)
    effects = service.import_effects(report, who)
    context = {"report": report, "error": None, "token": token, "filename": filename, "effects": effects}
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
    target = f"/tables/{report.table_ids[0]}" if len(report.table_ids) == 1 else "/tables"
    return RedirectResponse(f"{target}?imported={report.created + report.updated}", status_code=303)
