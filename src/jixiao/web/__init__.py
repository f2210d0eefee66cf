"""The web application: `create_app(settings)` builds a FastAPI app over one `Service`.

Pages are server-rendered Jinja2 in Chinese with HTMX for live parts and ECharts for charts (both
vendored under static/vendor); every page has a JSON twin under /api/. Handlers stay thin: they read
the request, call the service, and render.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from jixiao.service import (
    DATABASE_ERRORS,
    AccountPolicy,
    Conflict,
    Forbidden,
    Invalid,
    MissingFontError,
    NotFound,
    Service,
    ServiceError,
    UploadLimits,
    database_problem,
    default_url,
)
from jixiao.web.guard import RequestGuard
from jixiao.web.headers import SecurityHeaders
from jixiao.web.security import (
    CsrfError,
    LoginRequired,
    PasswordExpired,
    RequestContext,
    record_denial,
)
from jixiao.web.templating import make_templates
from jixiao.web.visitor_pages import VisitorPages, VisitorPagesFirst
from jixiao.workflow import Principal

HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the app needs, passed in (never read at import time)."""

    database_url: str
    secure_cookies: bool = False  # behind HTTPS: cookies only over TLS
    hsts_seconds: int = 0  # behind HTTPS: Strict-Transport-Security max-age (0: not sent)
    limits: UploadLimits = field(default_factory=UploadLimits)  # uploads and request bodies
    migrate: bool = True
    accounts: AccountPolicy | None = None  # passwords, lockout, sessions; default: from the environment
    demo: bool = False  # demo users (published passwords) may log in only when set (`jixiao demo`)

    @property
    def max_upload_bytes(self) -> int:
        """The largest upload accepted, in bytes."""
        return self.limits.max_bytes

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``JIXIAO_*`` variables (what `uvicorn --factory jixiao.web:create_app` and
        each ``jixiao serve --workers`` process use); see docs/web.md."""
        env = os.environ if environ is None else environ
        https = env.get("JIXIAO_HTTPS", "").lower() in ("1", "true", "yes")
        upload_mb = env.get("JIXIAO_MAX_UPLOAD_MB", "")
        limits = UploadLimits()
        if upload_mb.isdigit() and int(upload_mb) > 0:
            limits = replace(limits, max_bytes=int(upload_mb) * 1024 * 1024)
        hsts = env.get("JIXIAO_HSTS_SECONDS", "")
        return cls(
            database_url=env.get("JIXIAO_DATABASE_URL") or default_url(),
            secure_cookies=https,
            hsts_seconds=int(hsts) if hsts.isdigit() else (31536000 if https else 0),
            limits=limits,
            migrate=env.get("JIXIAO_MIGRATE", "1") != "0",
        )


_STATUS = {NotFound: 404, Forbidden: 403, Conflict: 409, Invalid: 400}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app over ``settings`` (from the environment when not given: `Settings.from_environment`)."""
    settings = settings or Settings.from_environment()
    service = Service(settings.database_url)
    service.account_policy = settings.accounts or AccountPolicy.from_environ()
    if settings.demo:  # else JIXIAO_DEMO decides (worker processes started by `jixiao demo`)
        service.demo_mode = True
    if settings.migrate:
        service.upgrade()
    app = FastAPI(
        title="jixiao 预算绩效目标管理",
        version="0.1.0",
        description="项目绩效目标表的填报、审核、公开与开放数据（jixiao.table/1）",
        docs_url=None,  # served below from the vendored Swagger UI, without inline script
        redoc_url=None,
    )
    app.state.service = service
    app.state.settings = settings
    app.state.templates = make_templates(HERE / "templates")
    app.state.visitor_pages = kept_pages = VisitorPages()  # a visitor's list, search, table pages
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(VisitorPagesFirst, pages=kept_pages)  # inside RequestContext: needs the CSRF token
    app.add_middleware(RequestContext, secure_cookies=settings.secure_cookies)
    app.add_middleware(RequestGuard, limits=settings.limits)  # before any body is read
    app.add_middleware(SecurityHeaders, hsts_seconds=settings.hsts_seconds)  # outermost

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(SWAGGER_PAGE)

    async def database_error(request: Request, exc: Exception) -> Response:
        # SQLite busy (503), or a page, year, id or month too large for the database (400)
        answer = database_problem(exc)
        if answer is None:
            raise exc
        return error_response(request, *answer)

    for kind in DATABASE_ERRORS:
        app.add_exception_handler(kind, database_error)

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        status = next((code for kind, code in _STATUS.items() if isinstance(exc, kind)), 400)
        if status == 403:
            await record_denial(request, exc.message)
        return error_response(request, status, exc.message)

    @app.exception_handler(MissingFontError)
    async def missing_font(request: Request, exc: MissingFontError) -> Response:
        return error_response(request, 503, exc.message)

    @app.exception_handler(CsrfError)
    async def csrf_error(request: Request, exc: CsrfError) -> Response:
        message = "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试"
        await record_denial(request, message)
        return error_response(request, 403, message)

    @app.exception_handler(PasswordExpired)
    async def password_expired(request: Request, exc: PasswordExpired) -> Response:
        who = getattr(request.state, "principal", None)
        if isinstance(who, Principal) and who.password_must_change:
            message = "您的密码是管理员设置的，请先修改为只有您自己知道的密码"
        else:
            days = service.account_policy.password_max_age_days
            message = f"您的密码已超过 {days} 天未更换，请先修改密码"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=403)
        return RedirectResponse("/account?expired=1", status_code=303)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "请先登录"}, status_code=401)
        return login_again(request)

    from jixiao.web import (
        account_pages,
        admin_api,
        admin_pages,
        api,
        downloads,
        editor_pages,
        evaluation_pages,
        library_pages,
        pages,
        published_pages,
        review_notes_pages,
        review_pages,
        workflow_pages,
    )

    # before the pages and the API: /tables/download.xlsx would otherwise match /tables/{table_id}
    app.include_router(downloads.router)
    app.include_router(editor_pages.router)  # /tables/new before /tables/{table_id}
    app.include_router(admin_pages.router)  # /tables/new/template.xlsx too
    app.include_router(downloads.api_router)
    app.include_router(pages.router)
    app.include_router(account_pages.router)
    app.include_router(review_pages.router)
    app.include_router(review_notes_pages.router)
    app.include_router(workflow_pages.router)
    app.include_router(api.router)
    app.include_router(admin_api.router)
    app.include_router(evaluation_pages.router)
    app.include_router(published_pages.router)
    app.include_router(published_pages.api_router)
    app.include_router(library_pages.router)
    app.include_router(library_pages.api)
    return app


SWAGGER_UI = "/static/vendor/swagger-ui-5.35.0"
SWAGGER_PAGE = f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>jixiao 接口文档</title>
<link rel="stylesheet" href="{SWAGGER_UI}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="{SWAGGER_UI}/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script></body></html>
"""


def login_again(request: Request) -> Response:
    """Where a request without a live session goes: HTMX gets a notice for the panel it updates
    (not the login page inside it); a page or form goes to the login page, told when a session
    expired, and comes back to the same page (whose typed text the browser kept)."""
    from urllib.parse import quote

    from jixiao.web.security import SESSION_COOKIE

    expired = SESSION_COOKIE in request.cookies
    back = request.headers.get("hx-current-url", "") if request.headers.get("hx-request") else ""
    path = request.url.path
    if back:
        path = "/" + back.split("/", 3)[3] if back.count("/") >= 3 else "/"
    target = f"/login?next={quote(path, safe='/')}" + ("&expired=1" if expired else "")
    if request.headers.get("hx-request"):
        from jixiao.web.pages import render

        if not hasattr(request.state, "csrf"):
            request.state.csrf = request.cookies.get("jixiao_csrf", "")
        page: Response = render(request, "_session_expired.html", {"login_url": target}, 401)
        return page
    return Response(status_code=303, headers={"Location": target})


def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    from jixiao.web.pages import render

    if not hasattr(request.state, "csrf"):
        request.state.csrf = request.cookies.get("jixiao_csrf", "")
    page: HTMLResponse = render(request, "error.html", {"status": status, "message": message}, status)
    return page


__all__ = ["Settings", "create_app"]
