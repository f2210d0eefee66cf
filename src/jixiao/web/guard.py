"""Request bodies are judged before they are read: size, sender and JSON nesting (a pure ASGI layer).

- Every write except ``POST /login`` needs a session: a request without the session cookie is
  answered (login page or 401) before one byte of its body is read, so an anonymous 1 GiB upload
  costs the server nothing.
- A body longer than the limit is refused with 413 from its ``Content-Length`` alone, and a body
  sent without one (chunked) is counted as it streams in and cut off at the limit. Uploads
  (``/import``, ``…/upload``) may be as large as `UploadLimits.max_bytes` plus the form's envelope;
  any other body `UploadLimits.max_form_bytes`.
- A JSON body nested deeper than `UploadLimits.max_json_depth` is refused with 400 before the
  framework's parser (which would fail with a recursion error, a 500) sees it.
"""

from __future__ import annotations

import contextlib
import json
from http.cookies import SimpleCookie
from urllib.parse import quote, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jixiao.service import LimitExceeded, UploadLimits, check_json_depth

SESSION_COOKIE = "jixiao_session"
_WRITES = {"POST", "PUT", "PATCH", "DELETE"}
_ANONYMOUS_WRITES = {"/login"}
_ENVELOPE = 64 * 1024  # multipart boundaries, the CSRF field, the file name


class BodyTooLarge(Exception):
    pass


def is_upload(path: str) -> bool:
    """True for the paths that take a file upload (a larger body is allowed)."""
    return path == "/import" or path.endswith("/upload")


class RequestGuard:
    """The ASGI middleware; ``limits`` come from the app's settings."""

    def __init__(self, app: ASGIApp, limits: UploadLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Send a write without a session to the login page, refuse bodies over the limit, else pass it on."""
        if scope["type"] != "http" or scope["method"] not in _WRITES:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        if path not in _ANONYMOUS_WRITES and not _has_session(headers.get("cookie", "")):
            await _login_first(scope, send, headers)
            return
        limit = self.limits.max_bytes + _ENVELOPE if is_upload(path) else self.limits.max_form_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _too_large(scope, send, limit)
            return
        if headers.get("content-type", "").split(";")[0].strip().endswith("json"):
            await self._json(scope, receive, send, limit)
            return
        counted = 0
        started = refused = False

        async def counting_receive() -> Message:
            # Past the limit, answer 413 at once and stop the app reading; whatever the app then
            # answers (FastAPI turns the exception into a 400) is dropped.
            nonlocal counted, refused
            message = await receive()
            if message["type"] == "http.request":
                counted += len(message.get("body", b""))
                if counted > limit and not refused:
                    refused = True
                    if not started:
                        await _too_large(scope, send, limit)
                    raise BodyTooLarge
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        with contextlib.suppress(BodyTooLarge):
            await self.app(scope, counting_receive, watching_send)

    async def _json(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        """Read a JSON body (bounded), check its nesting, then hand it on whole."""
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            body += message.get("body", b"")
            if len(body) > limit:
                await _too_large(scope, send, limit)
                return
            if not message.get("more_body", False):
                break
        try:
            check_json_depth(bytes(body), self.limits.max_json_depth)
        except LimitExceeded as exceeded:
            await _answer(scope, send, 400, exceeded.message)
            return
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)


def _has_session(cookie_header: str) -> bool:
    if SESSION_COOKIE not in cookie_header:
        return False
    cookies: SimpleCookie = SimpleCookie()
    try:
        cookies.load(cookie_header)
    except Exception:  # a malformed Cookie header: no session in it
        return False
    morsel = cookies.get(SESSION_COOKIE)
    return bool(morsel and morsel.value)


async def _login_first(scope: Scope, send: Send, headers: dict[str, str]) -> None:
    path: str = scope["path"]
    if path.startswith("/api/"):
        await _answer(scope, send, 401, "请先登录")
        return
    # back to the page the form was on (the browser kept its typed text), never to another site
    location = "/login"
    back = _same_site_path(headers.get("hx-current-url") or headers.get("referer") or "")
    if back:
        location += "?next=" + quote(back, safe="/")
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode("ascii")),
                (b"content-length", b"0"),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


def _same_site_path(url: str) -> str:
    """The path and query of a page URL (``http://host/tables/5/edit`` → ``/tables/5/edit``), or ''."""
    parts = urlsplit(url)
    path = parts.path or ""
    if not path.startswith("/") or path.startswith("//") or path.startswith("/login"):
        return ""
    return path + (f"?{parts.query}" if parts.query else "")


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    size = f"{limit / 1024 / 1024:.0f} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
    message = f"上传的内容太大，已拒绝（上限约 {size}）；请检查文件，或拆分后再上传"
    await _answer(scope, send, 413, message)


async def _answer(scope: Scope, send: Send, status: int, message: str) -> None:
    """A short Chinese answer: JSON under /api/, a plain page elsewhere. The connection is closed,
    so a body left unread is never drained."""
    if str(scope["path"]).startswith("/api/"):
        body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
        media = b"application/json"
    else:
        page = (
            '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>无法处理</title>'
            f'<p>{message}</p><p><a href="/">返回首页</a></p></html>'
        )
        body = page.encode("utf-8")
        media = b"text/html; charset=utf-8"
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", media),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


__all__ = ["RequestGuard", "is_upload"]
