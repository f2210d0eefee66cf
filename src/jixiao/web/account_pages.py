"""Login, logout, "log out everywhere" and the account page (a user changes their own password).

The login form answers every refusal with the same message (no hint which names exist); the
session cookie is HttpOnly, SameSite=Lax and Secure behind HTTPS, and lives no longer than the
session's absolute lifetime (the idle timeout is checked on the server).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from jixiao.service import Forbidden, Invalid
from jixiao.web.pages import render
from jixiao.web.security import (
    SESSION_COOKIE,
    check_csrf,
    client_address,
    current_principal,
    require_login,
    service_of,
)
from jixiao.workflow import Principal

router = APIRouter(include_in_schema=False)


def _safe_next(target: str) -> str:
    # only local paths: a crafted ?next= must not send users to another site
    return target if target.startswith("/") and not target.startswith("//") else "/"


def _set_session(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=request.app.state.settings.secure_cookies,
        max_age=service_of(request).account_policy.session_hours * 3600,
    )


def _policy_note(request: Request) -> str:
    policy = service_of(request).account_policy
    return (
        f"密码至少 {policy.password_min_length} 个字符，包含小写字母、大写字母、数字、其他字符中的至少 "
        f"{policy.password_min_classes} 种，不能包含用户名，不能是常见密码"
        + (f"，不能与最近 {policy.password_history} 次用过的密码相同。" if policy.password_history else "。")
    )


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    """The login form, returning to ``next`` after signing in."""
    return render(request, "login.html", {"next": next, "error": None})


@router.post("/login", dependencies=[Depends(check_csrf)])
async def login(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Sign in: set the session cookie and go to ``next``, or show the form again with the reason."""
    service = service_of(request)
    try:
        token, _ = await run_in_threadpool(service.login, username, password, client_address(request))
    except Forbidden as why:
        return render(request, "login.html", {"next": next, "error": why.message, "username": username}, 401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    _set_session(request, response, token)
    return response


@router.post("/logout", dependencies=[Depends(check_csrf)])
def logout(request: Request) -> Response:
    """Sign out of this session and go to the home page."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        service_of(request).logout(token, current_principal(request))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.post("/logout/everywhere", dependencies=[Depends(check_csrf)])
def logout_everywhere(request: Request, who: Principal = Depends(require_login)) -> Response:
    """End all of the caller's sessions on every device and go to the login page."""
    service_of(request).logout_everywhere(who)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, who: Principal = Depends(require_login)) -> HTMLResponse:
    """The account page: change one's password, log out everywhere."""
    return render(request, "account.html", {"error": None, "done": False, "policy": _policy_note(request)})


@router.post("/account/password", dependencies=[Depends(check_csrf)])
def change_password(
    request: Request,
    current: Annotated[str, Form()] = "",
    new: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
    who: Principal = Depends(require_login),
) -> Response:
    """Change one's own password after checking the current one and the confirmation."""
    context = {"done": False, "policy": _policy_note(request)}
    if new != confirm:
        return render(request, "account.html", {**context, "error": "两次输入的新密码不一致"}, 400)
    try:
        token = service_of(request).change_own_password(who, current, new)
    except Invalid as why:
        return render(request, "account.html", {**context, "error": why.message}, 400)
    # the page that says so is the new password's: no longer asking for a change
    request.state.principal = replace(who, password_expired=False, password_must_change=False)
    response = render(request, "account.html", {**context, "error": None, "done": True})
    _set_session(request, response, token)
    return response
