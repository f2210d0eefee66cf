"""/docs renders from the vendored Swagger UI under the CSP, with no network, in a real Chromium;
and `jixiao serve --workers 2` serves through the import-string factory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from jixiao.web import Settings, create_app
from tests.web.live import chromium, serve


@pytest.mark.browser
def test_swagger_ui_renders_offline_under_the_csp(sqlite_url: str) -> None:
    violations: list[str] = []
    with serve(create_app(Settings(database_url=sqlite_url))) as base, chromium() as browser:
        context = browser.new_context(base_url=base)
        outside: list[str] = []

        def only_this_site(route: Any) -> None:
            if route.request.url.startswith(base):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", only_this_site)
        page = context.new_page()
        page.on(
            "console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None
        )
        page.goto("/docs")
        page.wait_for_selector("text=jixiao 预算绩效目标管理", timeout=20_000)
        assert page.locator(".opblock").count() > 5  # the operations are listed
        context.close()
    assert not violations, violations
    assert not outside, outside  # nothing fetched from another host


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_with_two_workers_builds_the_app_from_the_environment(sqlite_url: str) -> None:
    port = _free_port()
    jixiao = Path(sys.executable).with_name("jixiao")
    command = [str(jixiao), "serve", "--db", sqlite_url, "--port", str(port), "--workers", "2"]
    env = {key: value for key, value in os.environ.items() if not key.startswith("JIXIAO_")}
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        answers: list[Any] = []
        while time.monotonic() < deadline and len(answers) < 10:
            try:
                answers.append(httpx.get(f"http://127.0.0.1:{port}/api/tables", timeout=10).json())
            except httpx.HTTPError:
                time.sleep(0.3)
        assert len(answers) == 10 and all(a["total"] == 0 for a in answers)
    finally:
        server.terminate()
        server.wait(20)
