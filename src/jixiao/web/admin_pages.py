"""Administration pages (管理员): users, units and departments, the rule profile of each year and the
audit log with filters, paging and CSV export; and every user's 待办.

Handlers stay thin: they read the form, call the service (which asks `jixiao.permissions`), and
render; a refused change comes back on the same page with the message beside its field.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from jixiao.service import TEMPLATE_NAME, Conflict, Invalid, InvalidInput, NotFound, audit_filter
from jixiao.service.admin import OUTCOME_LABELS, ROLE_LABELS
from jixiao.service.rule_profiles import (
    FLOOR_FIELD,
    GRADE_FIELDS,
    MONITORING_CHECKS,
    MONITORING_FIELDS,
    OUTCOME_FIELDS,
    REVIEW_BASES,
    RULES,
    SCORING_BASES,
    SEVERITY_LABELS,
    WEIGHT_FIELDS,
    form_values,
)
from jixiao.web.filenames import content_disposition
from jixiao.web.pages import render
from jixiao.web.security import check_csrf, require_admin, require_login, service_of
from jixiao.workflow import Principal

router = APIRouter(include_in_schema=False)


def _back(path: str, flash: str) -> Response:
    return RedirectResponse(f"{path}?{urlencode({'done': flash})}", status_code=303)


# ---- 待办 ------------------------------------------------------------------------------------------


@router.get("/todo", response_class=HTMLResponse)
def todo_page(request: Request, who: Principal = Depends(require_login)) -> HTMLResponse:
    """What waits for the caller: tables to fill or fix, to review, monitoring and 自评 due."""
    return render(request, "todo.html", {"todo": service_of(request).todo(who)})


# ---- the blank template ----------------------------------------------------------------------------


@router.get("/tables/new/template.xlsx")
def blank_template(request: Request, who: Principal = Depends(require_login)) -> Response:
    """The blank official 项目绩效目标表 (xlsx) to fill in Excel and import back."""
    data = service_of(request).blank_template(who)
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": content_disposition(TEMPLATE_NAME, "template.xlsx")},
    )


# ---- users ---------------------------------------------------------------------------------------


def _field_of(message: str) -> str:
    """Which field of the user form a refusal is about (its message names it)."""
    for word, field in (("密码", "password"), ("单位", "unit"), ("部门", "departments"), ("角色", "role")):
        if word in message:
            return field
    return "username"


def _users_page(request: Request, who: Principal, errors: dict[str, str] | None = None,
                typed: dict[str, str] | None = None, status: int = 200) -> HTMLResponse:  # fmt: skip
    service = service_of(request)
    context: dict[str, Any] = {
        "users": service.admin_users(who),
        "orgs": service.organisations(who),
        "roles": ROLE_LABELS,
        "errors": errors or {},
        "typed": typed or {},
        "done": request.query_params.get("done", ""),
        "tab": "users",
    }
    return render(request, "admin/users.html", context, status)


@router.get("/admin", response_class=HTMLResponse)
def admin_home(who: Principal = Depends(require_admin)) -> Response:
    """The administration starts at the users."""
    return RedirectResponse("/admin/users", status_code=303)


@router.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request, who: Principal = Depends(require_admin)) -> HTMLResponse:
    """Every user with role, unit, departments and state, and the form to add one."""
    return _users_page(request, who)


@router.post("/admin/users", dependencies=[Depends(check_csrf)])
def add_user(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "filler",
    unit: Annotated[str, Form()] = "",
    departments: Annotated[str, Form()] = "",
    who: Principal = Depends(require_admin),
) -> Response:
    """Add a user; a refusal comes back beside its field with everything else kept."""
    typed = {"username": username, "role": role, "unit": unit, "departments": departments}
    if not username.strip():
        return _users_page(request, who, {"username": "请填写用户名"}, typed, 400)
    try:
        service_of(request).admin_add_user(who, username, password, role, unit, _split(departments))
    except Invalid as why:
        return _users_page(request, who, {_field_of(why.message): why.message}, typed, 400)
    return _back("/admin/users", f"已添加用户 {username.strip()}：首次登录后须先修改这个密码")


def _split(text: str) -> list[str]:
    return [
        part for part in (p.strip() for p in text.replace("，", ",").replace("、", ",").split(",")) if part
    ]


@router.post("/admin/users/{username}/state", dependencies=[Depends(check_csrf)])
def user_state(request: Request, username: str, disabled: Annotated[str, Form()] = "",
               who: Principal = Depends(require_admin)) -> Response:  # fmt: skip
    """Disable (no login, sessions end) or enable a user."""
    stop = disabled == "1"
    try:
        service_of(request).admin_set_disabled(who, username, stop)
    except (Invalid, NotFound) as why:
        return _users_page(request, who, {f"row-{username}": why.message}, None, 400)
    return _back("/admin/users", f"已{'停用' if stop else '启用'}用户 {username}")


@router.post("/admin/users/{username}/password", dependencies=[Depends(check_csrf)])
def user_password(request: Request, username: str, password: Annotated[str, Form()] = "",
                  who: Principal = Depends(require_admin)) -> Response:  # fmt: skip
    """Set a new password for a user (their sessions end)."""
    try:
        service_of(request).admin_reset_password(who, username, password)
    except (Invalid, NotFound) as why:
        return _users_page(request, who, {f"password-{username}": why.message}, None, 400)
    done = f"已为 {username} 设置新密码，该用户的登录已全部退出；下次登录后须先改为自己的密码"
    return _back("/admin/users", done)


@router.post("/admin/users/{username}/role", dependencies=[Depends(check_csrf)])
def user_role(
    request: Request,
    username: str,
    role: Annotated[str, Form()] = "",
    unit: Annotated[str, Form()] = "",
    departments: Annotated[str, Form()] = "",
    who: Principal = Depends(require_admin),
) -> Response:
    """Change a user's role, unit and departments (effective on their next request)."""
    try:
        service_of(request).admin_set_role(who, username, role, unit, _split(departments))
    except (Invalid, NotFound) as why:
        return _users_page(request, who, {f"role-{username}": why.message}, None, 400)
    return _back("/admin/users", f"已修改 {username} 的角色、单位和部门")


# ---- units and departments -----------------------------------------------------------------------


def _orgs_page(request: Request, who: Principal, errors: dict[str, str] | None = None,
               typed: str = "", status: int = 200) -> HTMLResponse:  # fmt: skip
    context = {
        "orgs": service_of(request).organisations(who),
        "errors": errors or {},
        "typed": typed,
        "done": request.query_params.get("done", ""),
        "tab": "orgs",
    }
    return render(request, "admin/orgs.html", context, status)


@router.get("/admin/orgs", response_class=HTMLResponse)
def orgs_page(request: Request, who: Principal = Depends(require_admin)) -> HTMLResponse:
    """Every 用款单位 and 主管部门 with the tables and users that name it."""
    return _orgs_page(request, who)


@router.post("/admin/orgs", dependencies=[Depends(check_csrf)])
def add_org(request: Request, name: Annotated[str, Form()] = "",
            who: Principal = Depends(require_admin)) -> Response:  # fmt: skip
    """Add a 用款单位 or 主管部门."""
    try:
        service_of(request).add_organisation(who, name)
    except (Invalid, Conflict) as why:
        return _orgs_page(request, who, {"name": why.message}, name, 400)
    return _back("/admin/orgs", f"已添加“{' '.join(name.split())}”")


@router.post("/admin/orgs/{org_id}/rename", dependencies=[Depends(check_csrf)])
def rename_org(request: Request, org_id: int, name: Annotated[str, Form()] = "",
               who: Principal = Depends(require_admin)) -> Response:  # fmt: skip
    """Rename a 用款单位 or 主管部门."""
    try:
        service_of(request).rename_organisation(who, org_id, name)
    except (Invalid, Conflict, NotFound) as why:
        return _orgs_page(request, who, {f"org-{org_id}": why.message}, "", 400)
    return _back("/admin/orgs", f"已改名为“{' '.join(name.split())}”")


# ---- rule profiles -------------------------------------------------------------------------------


def _profile_context(request: Request, who: Principal, year: int) -> dict[str, Any]:
    return {
        "year": year,
        "years": service_of(request).rule_profile_years(who),
        "rules": RULES,
        "review_bases": REVIEW_BASES,
        "scoring_bases": SCORING_BASES,
        "severities": SEVERITY_LABELS,
        "floor_field": FLOOR_FIELD,
        "outcome_fields": OUTCOME_FIELDS,
        "weight_fields": WEIGHT_FIELDS,
        "grade_fields": GRADE_FIELDS,
        "monitoring_fields": MONITORING_FIELDS,
        "monitoring_checks": MONITORING_CHECKS,
        "done": request.query_params.get("done", ""),
        "tab": "profiles",
    }


@router.get("/admin/profiles", response_class=HTMLResponse)
def profiles_page(request: Request, year: str = "", who: Principal = Depends(require_admin)) -> Response:
    """The years with their own profile; a year chosen opens its form."""
    if year.strip():
        if not year.strip().isdigit():
            context = {**_profile_context(request, who, 0), "year_error": f"年度应是四位数字，“{year}”不是"}
            return render(request, "admin/profiles.html", context, 400)
        return RedirectResponse(f"/admin/profiles/{int(year)}", status_code=303)
    return render(request, "admin/profiles.html", _profile_context(request, who, 0))


@router.get("/admin/profiles/{year}", response_class=HTMLResponse)
def profile_page(request: Request, year: int, who: Principal = Depends(require_admin)) -> HTMLResponse:
    """The rule profile of one year (the defaults until an administrator saves the year's own)."""
    settings, own = service_of(request).rule_profile(who, year)
    context = {**_profile_context(request, who, year), "v": form_values(settings), "own": own, "errors": {}}
    return render(request, "admin/profile.html", context)


@router.post("/admin/profiles/{year}", dependencies=[Depends(check_csrf)])
async def save_profile(request: Request, year: int, who: Principal = Depends(require_admin)) -> Response:
    """Save the year's profile and review that year's tables again; bad fields come back marked."""
    form = {k: str(v) for k, v in (await request.form()).items() if k != "csrf_token"}
    service = service_of(request)
    try:
        applied = service.set_rule_profile(who, year, form)
    except InvalidInput as why:
        errors = {p.field: p.message for p in why.problems}
        context = {**_profile_context(request, who, year), "v": form, "own": True, "errors": errors}
        return render(request, "admin/profile.html", {**context, "error": why.message}, 400)
    return _back(f"/admin/profiles/{year}", applied.message(year))


# ---- the audit log -------------------------------------------------------------------------------


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    user: str = "",
    action: str = "",
    outcome: str = "",
    since: str = "",
    until: str = "",
    page: int = 1,
    who: Principal = Depends(require_admin),
) -> HTMLResponse:
    """The audit log, readable: Chinese action names, who, what, when, from where, the outcome;
    filtered by user, action, outcome and date, 50 rows a page, exported as CSV."""
    chosen = {"user": user, "action": action, "outcome": outcome, "since": since, "until": until}
    context: dict[str, Any] = {"chosen": chosen, "outcomes": OUTCOME_LABELS, "tab": "audit", "error": ""}
    try:
        found = audit_filter(user, action, outcome, since, until)
    except Invalid as why:
        found, context["error"] = audit_filter(user, action, outcome), why.message
    result = service_of(request).audit_page(who, found, page)
    query = urlencode({k: v for k, v in chosen.items() if v})
    context.update(result=result, query=query, csv_url=f"/audit.csv?{query}" if query else "/audit.csv")
    return render(request, "audit.html", context, 400 if context["error"] else 200)


@router.get("/audit.csv")
def audit_csv(
    request: Request,
    user: str = "",
    action: str = "",
    outcome: str = "",
    since: str = "",
    until: str = "",
    who: Principal = Depends(require_admin),
) -> Response:
    """The filtered audit log as CSV (the export itself goes into the audit log)."""
    text = service_of(request).audit_csv(who, audit_filter(user, action, outcome, since, until))
    name = quote("审计日志.csv")
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f"attachment; filename=\"audit.csv\"; filename*=UTF-8''{name}"},
    )
