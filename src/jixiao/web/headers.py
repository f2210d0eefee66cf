"""Security headers on every response (a pure ASGI layer), and the cookie/HSTS switches for TLS.

The Content-Security-Policy allows scripts and styles from this site only: no inline script, no
inline style element, no ``javascript:`` link (the templates keep data in ``<script
type="application/json">`` blocks and behaviour in static files). Pages may not be framed by other
sites (clickjacking), content types are not sniffed, and the referrer never leaves the site. HSTS is
sent only when the settings say the app is served over HTTPS (behind a TLS proxy).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


def security_headers(hsts_seconds: int = 0) -> list[tuple[bytes, bytes]]:
    """The security headers of every response (CSP, framing, sniffing…), HSTS if ``hsts_seconds`` > 0."""
    headers = [
        (b"content-security-policy", CSP.encode()),
        (b"x-frame-options", b"DENY"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    ]
    if hsts_seconds > 0:
        headers.append((b"strict-transport-security", f"max-age={hsts_seconds}; includeSubDomains".encode()))
    return headers


class SecurityHeaders:
    """Adds `security_headers` to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp, hsts_seconds: int = 0) -> None:
        self.app = app
        self.headers = security_headers(hsts_seconds)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add the security headers a response does not set itself."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {key.lower() for key, _ in message.get("headers", [])}
                extra = [(key, value) for key, value in self.headers if key not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)
