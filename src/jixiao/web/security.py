"""Login sessions (cookie), the current principal, and CSRF protection for every form.

CSRF uses a double-submit token: a random ``jixiao_csrf`` cookie (SameSite=Strict) that every form
repeats in a hidden ``csrf_token`` field, or HTMX in the ``X-CSRF-Token`` header. Another site can
make a browser send the cookie but cannot read it to put it in the form.
"""

from __future__ import annotations

import re
import secrets

from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jixiao.service import Service, reset_audit_context, set_audit_context
from jixiao.workflow import Principal

SESSION_COOKIE = "jixiao_session"
CSRF_COOKIE = "jixiao_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class CsrfError(Exception):
    """A write request without a valid CSRF token."""

    pass


class LoginRequired(Exception):
    """A page needs a signed-in user and the caller has no session."""

    pass


class PasswordExpired(Exception):
    """The caller's password is past the policy's age: only the account page (to change it) and
    logging out answer until it is changed."""

    pass


# what a user whose password is past its age may still reach
PASSWORD_PATHS = frozenset({"/account", "/account/password", "/login", "/logout", "/logout/everywhere"})


class RequestContext:
    """What every request gets before the routes see it, as a plain ASGI middleware (Starlette's
    ``BaseHTTPMiddleware`` runs each request through extra tasks and streams and cost the list a
    third of its throughput):

    - a CSRF token: the browser's ``jixiao_csrf`` cookie, or a fresh one set on the response, exposed
      to the page as ``request.state.csrf``;
    - the audit context: every audit row written while answering carries the client's address;
    - a monitoring or self-evaluation file handed out is recorded as an export of non-public data.
    """

    def __init__(self, app: ASGIApp, secure_cookies: bool = False) -> None:
        self.app = app
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one request inside its CSRF token and audit context."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        token = request.cookies.get(CSRF_COOKIE)
        fresh = not token or len(token) < 20
        csrf = secrets.token_urlsafe(24) if fresh else str(token)
        request.state.csrf = csrf
        status: list[int] = []

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
                if fresh:
                    message = {**message, "headers": [*message.get("headers", []), self._cookie(csrf)]}
            await send(message)

        context = set_audit_context(address=client_address(request))
        try:
            await self.app(scope, receive, sending)
            found = _EVALUATION_FILE.match(request.url.path)
            if found and request.method == "GET" and status == [200]:
                who = await run_in_threadpool(current_principal, request)
                exported = [(int(found[1]), "evaluation")]
                await run_in_threadpool(
                    service_of(request).record_export, who, found[2], exported, request.url.path
                )
        finally:
            reset_audit_context(context)

    def _cookie(self, csrf: str) -> tuple[bytes, bytes]:
        carrier = Response()
        carrier.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=self.secure_cookies)
        return next((k, v) for k, v in carrier.raw_headers if k == b"set-cookie")


async def check_csrf(request: Request) -> None:
    """Dependency for every POST: the form field or header must repeat the cookie."""
    cookie = request.cookies.get(CSRF_COOKIE)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not cookie or not sent or not secrets.compare_digest(cookie, sent):
        raise CsrfError


def client_address(request: Request) -> str | None:
    """The client's address as the server sees it (behind a proxy: run uvicorn with
    ``--proxy-headers --forwarded-allow-ips`` so that this is the real client, not the proxy)."""
    return request.client.host if request.client else None


# Monitoring and self-evaluation files: never public (their pages need a login), so every download
# is an export of non-public data. The table downloads record theirs in the service.
_EVALUATION_FILE = re.compile(r"^/tables/(\d+)/(?:evaluation|monitoring)/[\w.-]+\.(xlsx|pdf|docx)$")


async def record_denial(request: Request, message: str) -> None:
    """A refused request (403) into the audit log: who, which method and path, why."""
    who = await run_in_threadpool(current_principal, request)
    target = f"{request.method} {request.url.path}"
    await run_in_threadpool(service_of(request).record_denial, who, target, message)


def service_of(request: Request) -> Service:
    """The application's service."""
    service: Service = request.app.state.service
    return service


def current_principal(request: Request) -> Principal:
    """Who is asking (anonymous without a live session); cached on the request."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    principal = service_of(request).principal_for(request.cookies.get(SESSION_COOKIE))
    request.state.principal = principal
    must_change = principal.password_expired or principal.password_must_change
    if must_change and request.url.path not in PASSWORD_PATHS:
        raise PasswordExpired  # once: the error page that follows gets the cached principal
    return principal


def require_login(request: Request) -> Principal:
    """The signed-in caller; `LoginRequired` for a visitor."""
    principal = current_principal(request)
    if principal.anonymous:
        raise LoginRequired
    return principal


def require_admin(request: Request) -> Principal:
    """The signed-in caller if an administrator; `Forbidden` otherwise."""
    from jixiao.permissions import may_administer
    from jixiao.service import Forbidden

    principal = require_login(request)
    if not may_administer(principal):
        raise Forbidden("只有管理员可以访问此页面")
    return principal
