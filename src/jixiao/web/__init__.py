"""The web application: `create_app(settings)` builds a FastAPI app over one `Service`.

Pages are server-rendered Jinja2 in Chinese with HTMX for live parts and ECharts for charts (both
vendored under static/vendor); every page has a JSON twin under /api/. Handlers stay thin: they read
the request, call the service, and render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from jixiao.readers.limits import UploadLimits
from jixiao.service import Conflict, Forbidden, Invalid, NotFound, Service, ServiceError
from jixiao.web.guard import RequestGuard
from jixiao.web.security import CsrfError, LoginRequired, csrf_middleware
from jixiao.web.templating import make_templates
from jixiao.writers.fonts import MissingFontError

HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the app needs, passed in (never read at import time)."""

    database_url: str
    secure_cookies: bool = False  # set behind HTTPS
    limits: UploadLimits = field(default_factory=UploadLimits)  # uploads and request bodies
    migrate: bool = True

    @property
    def max_upload_bytes(self) -> int:
        return self.limits.max_bytes


_STATUS = {NotFound: 404, Forbidden: 403, Conflict: 409, Invalid: 400}


def create_app(settings: Settings) -> FastAPI:
    service = Service(settings.database_url)
    if settings.migrate:
        service.upgrade()
    app = FastAPI(
        title="jixiao 预算绩效目标管理",
        version="0.1.0",
        description="项目绩效目标表的填报、审核、公开与开放数据（jixiao.table/1）",
    )
    app.state.service = service
    app.state.settings = settings
    app.state.templates = make_templates(HERE / "templates")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.middleware("http")(csrf_middleware)
    app.add_middleware(RequestGuard, limits=settings.limits)  # outermost: before any body is read

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        status = next((code for kind, code in _STATUS.items() if isinstance(exc, kind)), 400)
        return error_response(request, status, exc.message)

    @app.exception_handler(MissingFontError)
    async def missing_font(request: Request, exc: MissingFontError) -> Response:
        return error_response(request, 503, exc.message)

    @app.exception_handler(CsrfError)
    async def csrf_error(request: Request, exc: CsrfError) -> Response:
        return error_response(request, 403, "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试")

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "请先登录"}, status_code=401)
        return Response(status_code=303, headers={"Location": f"/login?next={request.url.path}"})

    from jixiao.web import api, downloads, evaluation_pages, pages, workflow_pages

    # before the pages and the API: /tables/download.xlsx would otherwise match /tables/{table_id}
    app.include_router(downloads.router)
    app.include_router(downloads.api_router)
    app.include_router(pages.router)
    app.include_router(workflow_pages.router)
    app.include_router(api.router)
    app.include_router(evaluation_pages.router)
    return app


def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    from jixiao.web.pages import render

    if not hasattr(request.state, "csrf"):
        request.state.csrf = request.cookies.get("jixiao_csrf", "")
    page: HTMLResponse = render(request, "error.html", {"status": status, "message": message}, status)
    return page


__all__ = ["Settings", "create_app"]
