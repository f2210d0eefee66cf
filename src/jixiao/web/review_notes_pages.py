"""Review notes on the table page: a reviewer's comment on one indicator (and resolving it), a finding
dismissed with a reason, the link to last year's table, and the two comparisons (与上一版对比 against
the last approved version, 与上年对比 against last year's table of the same project).

A note refused for its input (an empty comment or reason) brings the table page back with the message
beside the field it concerns and the text as typed.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from jixiao.service import Comparison, Conflict, Invalid, SeenFinding, compare_tables
from jixiao.web.layout import official_rows
from jixiao.web.pages import render, table_page_context
from jixiao.web.security import check_csrf, require_login, service_of
from jixiao.workflow import Principal

router = APIRouter(include_in_schema=False)


def _again(
    request: Request, who: Principal, table_id: int, extra: dict[str, Any], status: int = 400
) -> HTMLResponse:
    """The table page once more, with a note's problem beside its field (status 400, or 409 when
    the table changed under the page)."""
    return render(request, "table.html", table_page_context(request, who, table_id) | extra, status)


@router.post("/tables/{table_id}/comments", dependencies=[Depends(check_csrf)])
def comment(
    request: Request,
    table_id: int,
    level1: Annotated[str, Form()] = "",
    level2: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
    who: Principal = Depends(require_login),
) -> Response:
    """A reviewer's comment on one indicator row."""
    try:
        service_of(request).comment_indicator(who, table_id, (level1, level2, name), body)
    except Invalid as why:
        problem = {"place": f"{level1}／{level2}／{name}", "message": why.message, "body": body}
        return _again(request, who, table_id, {"comment_problem": problem})
    return RedirectResponse(f"/tables/{table_id}?done=comment#comments", status_code=303)


@router.post("/tables/{table_id}/comments/{comment_id}/resolve", dependencies=[Depends(check_csrf)])
def resolve(
    request: Request, table_id: int, comment_id: int, who: Principal = Depends(require_login)
) -> Response:
    """Mark a comment on an indicator resolved."""
    service_of(request).resolve_comment(who, table_id, comment_id)
    return RedirectResponse(f"/tables/{table_id}?done=resolve#comments", status_code=303)


@router.post("/tables/{table_id}/findings/{finding_id}/dismiss", dependencies=[Depends(check_csrf)])
def dismiss(
    request: Request,
    table_id: int,
    finding_id: int,
    reason: Annotated[str, Form()] = "",
    version: Annotated[int, Form(ge=1, le=2**31 - 1)] = 0,
    code: Annotated[str, Form(max_length=40)] = "",
    place: Annotated[str, Form(max_length=400)] = "",
    who: Principal = Depends(require_login),
) -> Response:
    """A reviewer dismisses a finding with a reason; the form carries the version, rule and place
    the page showed, and a page older than the table's present state is refused (409)."""
    seen = SeenFinding(version, code, place)
    try:
        service_of(request).dismiss_finding(who, table_id, finding_id, reason, seen)
    except (Invalid, Conflict) as why:
        problem = {"id": finding_id, "message": why.message, "reason": reason}
        status = 409 if isinstance(why, Conflict) else 400
        return _again(request, who, table_id, {"dismiss_problem": problem}, status)
    return RedirectResponse(f"/tables/{table_id}?done=dismiss#findings", status_code=303)


@router.post("/tables/{table_id}/link", dependencies=[Depends(check_csrf)])
def link(
    request: Request,
    table_id: int,
    previous_id: Annotated[str, Form()] = "",
    unlink: Annotated[str, Form()] = "",
    who: Principal = Depends(require_login),
) -> Response:
    """Link the table to last year's table of its project by hand, or unlink it."""
    service = service_of(request)
    if unlink:
        service.link_previous(who, table_id, None)
        return RedirectResponse(f"/tables/{table_id}?done=unlink#years", status_code=303)
    if not previous_id.isdigit():
        return _again(request, who, table_id, {"link_problem": "请选择上年的表"})
    try:
        service.link_previous(who, table_id, int(previous_id))
    except Invalid as why:
        return _again(request, who, table_id, {"link_problem": why.message})
    return RedirectResponse(f"/tables/{table_id}?done=link#years", status_code=303)


def _compare_page(
    request: Request, table_id: int, who: Principal, comparison: Comparison | None
) -> HTMLResponse:
    service = service_of(request)
    view = service.table_view(who, table_id)
    context: dict[str, Any] = {"view": view, "comparison": comparison}
    if comparison is not None:
        changed = {change.place.split("／")[-1] for change in comparison.changes}
        context |= {
            "changed_names": changed,
            "old_rows": official_rows(comparison.old, [])[0],
            "new_rows": official_rows(comparison.new, [])[0],
        }
    return render(request, "compare.html", context)


@router.get("/tables/{table_id}/compare", response_class=HTMLResponse)
def compare_page(
    request: Request, table_id: int, old: int = 0, new: int = 0, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """与上一版对比: the version handed in against the last approved one; or two versions named by
    ``old`` and ``new`` (from the version history)."""
    service = service_of(request)
    if old or new:
        view = service.table_view(who, table_id)
        new = new or view.row.current_version
        old = old or max(new - 1, 1)
        labels = (f"第 {old} 版", f"第 {new} 版")
        versions = (service.version(who, table_id, old), service.version(who, table_id, new))
        return _compare_page(request, table_id, who, compare_tables("版本对比", labels, *versions))
    return _compare_page(request, table_id, who, service.compare_for_review(who, table_id))


@router.get("/tables/{table_id}/compare-year", response_class=HTMLResponse)
def compare_year_page(
    request: Request, table_id: int, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """与上年对比: this table against last year's table of the same project."""
    comparison = service_of(request).compare_with_last_year(who, table_id)
    page = _compare_page(request, table_id, who, comparison)
    return page
