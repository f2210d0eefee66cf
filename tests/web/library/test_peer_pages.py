"""同行比较 (JX-E01–E03) where people see a review: the table page and an import's preview, from the
peer statistics stored by the last build; and /library saying when imports have left it behind.

Six units' tables in the seed's text format are imported as published and mined; a unit then
imports a table whose 学员满意度 is ≥60% where those peers set ≥85–95%.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from jixiao.permissions import OPERATOR
from jixiao.service import Service
from jixiao.web import Settings, create_app
from jixiao.workflow import Role
from tests.review.tabletext import table
from tests.review.test_peers import PEER_ROWS, SATISFACTION, _peer_table
from tests.web.helpers import PASSWORD, Browser

UNIT = "东莞市妇女联合会"
LOW = table(PEER_ROWS.replace(SATISFACTION, "学员满意度 | ≥60% | ≥60%"))  # the unit's own table


@pytest.fixture
def peers_url(sqlite_url: str, tmp_path: Path) -> str:
    """Six other units' tables published; the filler of 妇联 and an administrator."""
    service = Service(sqlite_url)
    for n, value in enumerate(("85", "90", "95", "90", "88", "92")):
        path = tmp_path / f"peer{n}.txt"
        path.write_text(_peer_table(f"东莞市第{n}单位", value), encoding="utf-8")
        assert service.import_path(path, published=True).created == 1
    service.add_user("tianbao", PASSWORD, Role.FILLER, UNIT)
    service.add_user("guanli", PASSWORD, Role.ADMIN)
    return sqlite_url


@pytest.fixture
def browse(peers_url: str) -> Iterator[Any]:
    clients: list[TestClient] = []

    def make(username: str | None = None) -> Browser:
        client = TestClient(create_app(Settings(database_url=peers_url)))
        clients.append(client)
        browser = Browser(client)
        if username:
            assert browser.login(username).status_code == 303
        return browser

    yield make
    for client in clients:
        client.close()


def _upload(browser: Browser) -> Any:
    return browser.post("/import", files={"file": ("妇联.txt", LOW.encode("utf-8"), "text/plain")})


def test_before_a_build_the_pages_say_the_comparison_did_not_run(browse: Any, peers_url: str) -> None:
    visitor = browse()
    listing = visitor.get("/library")
    assert "指标库尚未构建；有 6 张已公开的表可挖掘" in listing.text
    assert "jixiao library build --db" in listing.text
    table_id = visitor.get("/api/tables?per_page=1").json()["items"][0]["id"]
    page = visitor.get(f"/tables/{table_id}")
    assert 'data-testid="peer-review"' in page.text and "指标库尚未构建" in page.text
    assert 'data-testid="peer-finding"' not in page.text


def test_table_page_and_import_preview_show_peer_findings(browse: Any, peers_url: str) -> None:
    service = Service(peers_url)
    service.build_library(OPERATOR)
    filler = browse("tianbao")
    assert 'data-testid="library-stale"' not in filler.get("/library").text  # up to date

    preview = _upload(filler)
    assert preview.status_code == 200 and 'data-testid="confirm"' in preview.text
    block = preview.text.split('data-testid="peer-review"', 1)[1]
    assert 'data-code="JX-E01"' in block and "6 个单位的 6 张表" in block and "中位数 ≥90%" in block
    assert 'data-code="JX-E02"' not in block and 'data-code="JX-E03"' not in block

    token = preview.text.split('action="/import/', 1)[1].split("/confirm", 1)[0]
    stored = filler.post(f"/import/{token}/confirm", {})
    assert stored.status_code == 303
    page = filler.get(stored.headers["location"])
    section = page.text.split('id="peer-review"', 1)[1].split("</section>", 1)[0]
    assert section.count('data-testid="peer-finding"') == 1
    assert 'data-code="JX-E01"' in section and "学员满意度" in section and "85–95%" in section

    # a peer's own table agrees with its peers: the section says the comparison ran, and is quiet
    peer_id = next(t["id"] for t in service.library_entry(_satisfaction(service))["tables_using"])
    quiet = filler.get(f"/tables/{peer_id}").text.split('id="peer-review"', 1)[1].split("</section>", 1)[0]
    assert 'data-testid="peer-none"' in quiet and "已与指标库中的同行比较" in quiet


def test_library_says_when_imports_left_it_behind(browse: Any, peers_url: str, tmp_path: Path) -> None:
    service = Service(peers_url)
    service.build_library(OPERATOR)
    admin = browse("guanli")
    path = tmp_path / "late.txt"
    path.write_text(_peer_table("东莞市第9单位", "91"), encoding="utf-8")
    assert service.import_path(path, published=True).created == 1  # an import does not build
    note = admin.get("/library").text
    assert "上次构建后又有 1 张表公开，尚未纳入" in note and "jixiao library build --db" in note
    assert admin.get("/api/library").json()["freshness"]["pending_tables"] == 1
    service.build_library(OPERATOR)  # only the new table is mined
    assert admin.get("/api/library").json()["freshness"] == {
        "built_at": admin.get("/api/library").json()["freshness"]["built_at"],
        "pending_tables": 0,
        "stale": False,
        "note": "",
        "command": "",
    }


def _satisfaction(service: Service) -> str:
    return str(service.library_suggest("学员满意度")[0]["code"])
