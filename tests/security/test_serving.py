"""Serving safely: security headers and a CSP the templates keep, /docs offline, numbers out of range
never a 500, the public API without comments, user ids or server paths, settings from the
environment for ``uvicorn --factory`` and workers, a cache correct across workers, and SQLite's
``database is locked`` turned into a Chinese message."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from jixiao.cli import app as cli
from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.store.db import BUSY_MESSAGE, dispose_engines
from jixiao.web import Settings, create_app
from jixiao.workflow import ANONYMOUS, Action

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "jixiao" / "web" / "templates"
HUGE = "9" * 30


def test_every_response_carries_the_security_headers(app_factory: Any) -> None:
    visitor = app_factory()
    for path in ("/", "/tables", "/api/tables", "/static/app.css", "/nowhere"):
        headers = visitor.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp and headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
        assert "strict-transport-security" not in headers  # not behind TLS unless the settings say so


def test_behind_tls_cookies_are_secure_and_hsts_is_sent(seeded_url: str) -> None:
    app = create_app(Settings(database_url=seeded_url, secure_cookies=True, hsts_seconds=31536000))
    with TestClient(app, base_url="https://testserver") as client:
        response = client.get("/login")
        assert response.headers["strict-transport-security"].startswith("max-age=31536000")
        assert "secure" in response.headers["set-cookie"].lower()


def test_templates_hold_no_inline_script_style_or_handler() -> None:
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for script in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in script or 'type="application/json"' in script, (template.name, script)
        assert "<style" not in text and " style=" not in text, template.name
        assert not re.search(r"\son[a-z]+\s*=", text), template.name
        assert "javascript:" not in text, template.name


def test_docs_work_offline_from_the_vendored_swagger_ui(app_factory: Any) -> None:
    visitor = app_factory()
    page = visitor.get("/docs").text
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(source.startswith("/static/") for source in sources), sources
    for source in sources:
        assert visitor.get(source).status_code == 200, source
    assert visitor.get("/openapi.json").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        f"/tables/{HUGE}",
        f"/api/tables/{HUGE}",
        f"/tables?year={HUGE}",
        f"/api/tables?page={HUGE}",
        f"/tables?page={HUGE}",
        f"/api/tables?per_page={HUGE}",
        f"/tables/{HUGE}/download.xlsx",
        f"/api/tables/1/compare?old={HUGE}&new=1",
        f"/tables/1/monitoring?months={HUGE}",
        f"/api/tables/1/monitoring?months={HUGE}",
        f"/queue?page={HUGE}",
        f"/tables/{HUGE}/evaluation",
    ],
)
def test_numbers_out_of_range_are_never_a_500(app_factory: Any, path: str) -> None:
    admin = app_factory("guanli")
    response = admin.get(path, follow_redirects=False)
    assert response.status_code in (200, 400, 404, 422), (path, response.status_code, response.text[:300])


def test_the_public_api_shows_no_comments_user_ids_or_paths(db_url: str, seed_path: Path) -> None:
    service = Service(db_url)
    report = service.import_path(seed_path.resolve(), published=True)  # an absolute server path
    table_id = report.table_ids[0]
    client = TestClient(create_app(Settings(database_url=db_url)))
    document = client.get(f"/api/tables/{table_id}").json()
    assert document["events"] and all(
        e["comment"] is None and e["user_id"] is None for e in document["events"]
    )
    assert all(v["created_by"] is None and v["reason"] is None for v in document["versions"])
    listed = client.get("/api/tables").json()["items"]
    text = str(document) + str(listed)
    assert str(seed_path.resolve().parent) not in text and "'file': 'dongguan_fulian_2025.txt'" in text
    client.close()


def test_settings_come_from_the_environment_for_the_factory(
    seeded_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIXIAO_DATABASE_URL", seeded_url)
    monkeypatch.setenv("JIXIAO_HTTPS", "1")
    monkeypatch.setenv("JIXIAO_MAX_UPLOAD_MB", "5")
    settings = Settings.from_environment()
    assert settings.secure_cookies and settings.hsts_seconds > 0 and settings.max_upload_bytes == 5 << 20
    with TestClient(create_app(), base_url="https://testserver") as client:  # what uvicorn --factory calls
        assert client.get("/api/tables").json()["total"] == 0  # the seed is drafts: nothing public


def test_the_dashboard_cache_sees_a_write_made_by_another_worker(seeded_url: str) -> None:
    first, second = Service(seeded_url), Service(seeded_url)  # two processes' services
    admin = next(u for u in first.users() if u.username == "guanli").principal()
    before = first.dashboard(ANONYMOUS)
    table_id = first.list_tables(admin, TableQuery())[0][0].id
    for action in (Action.SUBMIT, Action.APPROVE, Action.PUBLISH):
        second.act(admin, table_id, action)
    after = first.dashboard(ANONYMOUS)  # no wait: the change counter moved
    assert after != before


def test_a_locked_sqlite_database_gives_a_chinese_message(
    tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIXIAO_SQLITE_BUSY_MS", "200")
    dispose_engines()
    path = tmp_path / "busy.sqlite"
    Service(str(path)).upgrade()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another import holding the write lock
    try:
        result = CliRunner().invoke(cli, ["import", str(seed_path), "--db", str(path)])
        assert result.exit_code == 1 and "数据库正忙" in result.output, result.output
        assert "Traceback" not in result.output
    finally:
        holder.rollback()
        holder.close()
        dispose_engines()
    assert "PostgreSQL" in BUSY_MESSAGE


def test_a_save_while_another_writer_holds_sqlite_is_a_503_in_chinese(
    app_factory: Any, seeded_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not seeded_url.startswith("sqlite"):
        pytest.skip("PostgreSQL has row locks, not one writer per file")
    from tests.web.helpers import edit_form

    filler = app_factory("tianbao")
    table_id = filler.get("/api/tables").json()["items"][0]["id"]
    document = filler.get(f"/api/tables/{table_id}").json()
    monkeypatch.setenv("JIXIAO_SQLITE_BUSY_MS", "200")
    dispose_engines()  # new connections wait 200 ms, not 15 s
    holder = sqlite3.connect(seeded_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # an import holding the write lock
    try:
        response = filler.post(f"/tables/{table_id}/edit", edit_form(document, goals_annual="改了"))
    finally:
        holder.rollback()
        holder.close()
    assert response.status_code == 503 and "数据库正忙" in response.text
