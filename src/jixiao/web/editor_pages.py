"""The editor with live review: editing a stored table, a blank new one (/tables/new), or a copy of
another table for a new year (/tables/{id}/copy).

A save that fails shows the page again with everything as typed and each error beside its field;
nothing the user typed is replaced by stored values.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from jixiao.catalog import CENTRAL_2021
from jixiao.formats.places import finding_place
from jixiao.model import Diagnostic, Goals, Project, Table
from jixiao.permissions import may_edit_organisations
from jixiao.queries import TableRow
from jixiao.service import Conflict, Forbidden, Invalid
from jixiao.web.forms import FormErrors, FormValues, form_values, table_from_form, values_of_table
from jixiao.web.pages import render
from jixiao.web.security import check_csrf, current_principal, require_login, service_of
from jixiao.workflow import Principal, Role

router = APIRouter(include_in_schema=False)

LEVEL1_CHOICES = ("成本指标", "产出指标", "效益指标", "满意度指标")
LEVEL2_CHOICES = tuple(level2 for _, children in CENTRAL_2021.tree for level2 in children)


def finding_dict(d: Diagnostic, table: Table | None = None) -> dict[str, object]:
    """A finding as a dict for the editor's live check, placed by indicator or field, not by line
    (lines move while rows are added above)."""
    place = finding_place(table, d.source.line, d.indicator) if table is not None else ""
    return {
        "place": place,
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "indicator": d.indicator,
        "line": d.source.line,
        "basis": d.basis,
        "suggestion": d.suggestion,
    }


def _findings(table: Table | None, request: Request, table_id: int | None = None) -> dict[str, Any]:
    """The live panel: the findings of the table as typed, by its year's rule profile, with the
    reviewer's dismissals of the stored table (shown as dismissed, not counted)."""
    if table is None:
        return {"findings": [], "outcome": "", "reason": "", "dismissed_count": 0}
    live = service_of(request).live_review(current_principal(request), table, table_id)
    found = [finding_dict(d, table) | {"dismissed": dismissal} for d, _, dismissal in live.findings]
    return {
        "findings": found,
        "outcome": live.outcome,
        "reason": live.reason,
        "dismissed_count": sum(1 for f in found if f["dismissed"]),
    }


def _render(
    request: Request,
    values: FormValues,
    table: Table | None,
    page: dict[str, Any],
    errors: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The editor page; ``page`` says which form it is (URLs, heading, status, lock version)."""
    if errors and not error:
        error = f"未保存：有 {len(errors)} 处需要改正（已在对应的栏目旁标出），您填写的内容都保留在下面。"
    context = {
        "v": values,
        "errors": errors or {},
        "error": error,
        "level1_choices": LEVEL1_CHOICES,
        "level2_choices": LEVEL2_CHOICES,
        **_findings(table, request, page.get("table_id")),
        **page,
    }
    return render(request, "edit.html", context, status_code)


# ---- editing a stored table ----------------------------------------------------------------------


def _edit_page(
    view: Any, lock_version: int, who: Principal, comments: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    table_id = view.row.id
    by_place: dict[str, list[dict[str, Any]]] = {}
    for item in comments or []:  # the reviewer's open comments, shown beside their rows
        by_place.setdefault(item["place"], []).append(item)
    return {
        "row_comments": by_place,
        "heading": view.table.project.name,
        "table_id": table_id,
        "action_url": f"/tables/{table_id}/edit",
        "check_url": f"/tables/{table_id}/check",
        "back_url": f"/tables/{table_id}",
        "status": view.row.status,
        "lock_version": lock_version,
        "adjusting": view.can_adjust,
        "unit_editable": False,
        "department_editable": may_edit_organisations(who),
        "source_id": None,
    }


def _with_unit(values: FormValues, unit: str | None) -> FormValues:
    values.fields["unit"] = values.fields.get("unit") or unit or ""
    return values


@router.get("/tables/{table_id:int}/edit", response_class=HTMLResponse)
def edit_page(request: Request, table_id: int, who: Principal = Depends(require_login)) -> HTMLResponse:
    """The editor of a stored table (its unit's draft or returned table, or a reviewer's adjustment)."""
    view = service_of(request).table_view(who, table_id)
    if not (view.can_edit or view.can_adjust):
        raise Forbidden("您无权修改这张表（只能修改本单位的草稿或退回的表）")
    comments = service_of(request).indicator_comments(who, table_id)
    page = _edit_page(view, view.row.lock_version, who, comments)
    return _render(request, values_of_table(view.table), view.table, page)


@router.post("/tables/{table_id:int}/edit", dependencies=[Depends(check_csrf)])
async def save_edit(request: Request, table_id: int, who: Principal = Depends(require_login)) -> Response:
    """Save an edited table as a new version, refusing a stale lock version or invalid input."""
    service = service_of(request)
    view = service.table_view(who, table_id)
    form = await request.form()
    lock = form.get("lock_version")
    reason = form.get("reason")
    expected = int(lock) if isinstance(lock, str) and lock.isdigit() else -1
    typed = _with_unit(form_values(form), view.table.project.unit)
    typed.fields["reason"] = reason if isinstance(reason, str) else ""
    page = _edit_page(view, expected, who, service.indicator_comments(who, table_id))
    try:
        table = table_from_form(form, view.table)
    except FormErrors as why:
        return _render(request, typed, None, page, why.errors, status_code=400)
    try:
        service.save(who, table_id, table, expected, reason if isinstance(reason, str) else None)
    except (Conflict, Invalid) as why:
        # Keep what the user typed on screen: nothing is lost, they can copy it over.
        status = 409 if isinstance(why, Conflict) else 400
        return _render(request, typed, table, page, error=why.message, status_code=status)
    return RedirectResponse(f"/tables/{table_id}?saved=1", status_code=303)


@router.post("/tables/{table_id:int}/check", response_class=HTMLResponse, dependencies=[Depends(check_csrf)])
async def live_check(
    request: Request, table_id: int, who: Principal = Depends(require_login)
) -> HTMLResponse:
    """HTMX: review the form as it stands and return the findings panel."""
    view = service_of(request).table_view(who, table_id)
    return _live(request, table_from_form, await request.form(), view.table, None, table_id)


def _live(
    request: Request, parse: Any, form: Any, base: Table, unit: str | None, table_id: int | None = None
) -> HTMLResponse:
    try:
        table = parse(form, base, unit, complete=False)
    except FormErrors as why:  # say what is wrong, and review the rest
        context = {"errors": why.errors, **_findings(why.table, request, table_id)}
        return render(request, "_live_findings.html", context)
    return render(request, "_live_findings.html", {"errors": {}, **_findings(table, request, table_id)})


# ---- new tables: blank, or a copy for a new year ------------------------------------------------


def blank_values(unit: str | None) -> FormValues:
    """The official form with nothing filled in: one row for every 一级/二级 pair of the catalogue."""
    empty = ("name", "type", "level", "department", "period_start", "period_end", "budget")
    fields = dict.fromkeys(empty, "")
    fields |= {"unit": unit or "", "year": str(date.today().year + 1), "goals_period": "", "goals_annual": ""}
    rows = [
        {"level1": level1, "level2": level2, "indicator": "", "period": "", "annual": ""}
        for level1, children in CENTRAL_2021.tree
        for level2 in children
    ]
    return FormValues(fields, rows)


BLANK = Table(project=Project(name=""), goals=Goals(), indicators=())


def _new_page(who: Principal, source: TableRow | None = None) -> dict[str, Any]:
    return {
        "heading": f"复制“{source.name}”到新年度" if source else "新建绩效目标表",
        "action_url": "/tables/new",
        "check_url": "/tables/new/check",
        "back_url": f"/tables/{source.id}" if source else "/tables",
        "status": None,
        "lock_version": None,
        "adjusting": False,
        "unit_editable": who.role is Role.ADMIN,
        "department_editable": may_edit_organisations(who),
        "source_id": source.id if source else None,
        "source": source,
    }


def _unit_for(who: Principal, form: Any) -> str:
    if who.role is Role.FILLER:
        return who.unit or ""
    typed = form.get("unit")
    return typed.strip() if isinstance(typed, str) else ""


@router.get("/tables/new", response_class=HTMLResponse)
def new_page(request: Request, who: Principal = Depends(require_login)) -> HTMLResponse:
    """A blank editor for a new 绩效目标表."""
    service_of(request).check_may_start(who)
    values = blank_values(who.unit)
    values.fields["department"] = who.department or ""  # a 填报人's, from the hierarchy (read-only)
    return _render(request, values, None, _new_page(who))


@router.get("/tables/{table_id:int}/copy", response_class=HTMLResponse)
def copy_page(request: Request, table_id: int, who: Principal = Depends(require_login)) -> HTMLResponse:
    """A new-table editor prefilled from a stored table for the next year."""
    service = service_of(request)
    table = service.copy_for_new_year(who, table_id)
    source = service.table_view(who, table_id).row
    return _render(request, values_of_table(table), table, _new_page(who, source))


@router.post("/tables/new", dependencies=[Depends(check_csrf)])
async def create(request: Request, who: Principal = Depends(require_login)) -> Response:
    """Create a new table from the editor's form, or show the form again with the problems."""
    service = service_of(request)
    service.check_may_start(who)
    form = await request.form()
    source_text = form.get("source_id")
    source_id = int(source_text) if isinstance(source_text, str) and source_text.isdigit() else None
    source = service.table_view(who, source_id).row if source_id else None
    unit = _unit_for(who, form)
    typed = _with_unit(form_values(form), unit)
    page = _new_page(who, source)
    try:
        table = table_from_form(form, BLANK, unit)
    except FormErrors as why:
        return _render(request, typed, None, page, why.errors, status_code=400)
    try:
        table_id = service.create_table(who, table, source_id)
    except (Conflict, Invalid) as why:
        status = 409 if isinstance(why, Conflict) else 400
        return _render(request, typed, table, page, error=why.message, status_code=status)
    return RedirectResponse(f"/tables/{table_id}?created=1", status_code=303)


@router.post("/tables/new/check", response_class=HTMLResponse, dependencies=[Depends(check_csrf)])
async def new_check(request: Request, who: Principal = Depends(require_login)) -> HTMLResponse:
    """The live check of the new-table form: findings as the user types."""
    form = await request.form()
    return _live(request, table_from_form, form, BLANK, _unit_for(who, form))
