"""Workflow actions with safeguards: submitting with a written explanation of each 错误 finding, and
撤回 (withdrawing a submission not yet reviewed). Approve and publish stay in workflow_pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from jixiao.service import Invalid
from jixiao.web.pages import table_page_context
from jixiao.web.security import check_csrf, require_login, service_of
from jixiao.workflow import Principal

router = APIRouter(include_in_schema=False)


@router.post("/tables/{table_id}/submit", dependencies=[Depends(check_csrf)])
async def submit(
    request: Request,
    table_id: int,
    comment: Annotated[str, Form()] = "",
    who: Principal = Depends(require_login),
) -> Response:
    """Submit a table for review, with a comment and explanations of its findings."""
    form = await request.form()
    explanations = {
        int(key.removeprefix("explain-")): value
        for key, value in form.items()
        if key.startswith("explain-") and key.removeprefix("explain-").isdigit() and isinstance(value, str)
    }
    service = service_of(request)
    try:
        service.submit_explained(who, table_id, explanations, comment)
    except Invalid as why:
        context = table_page_context(request, who, table_id)
        context |= {"submit_error": why.message, "explanations": explanations}
        page: HTMLResponse = request.app.state.templates.TemplateResponse(
            request, "table.html", context, status_code=400
        )
        return page
    return RedirectResponse(f"/tables/{table_id}?done=submit", status_code=303)


@router.post("/tables/{table_id}/withdraw", dependencies=[Depends(check_csrf)])
def withdraw(request: Request, table_id: int, who: Principal = Depends(require_login)) -> Response:
    """Take back a submission not yet reviewed."""
    service_of(request).withdraw(who, table_id)
    return RedirectResponse(f"/tables/{table_id}?done=withdraw", status_code=303)
