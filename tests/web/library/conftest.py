"""An app over a database holding the seed as published tables, its library built, and the named users."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from jixiao.permissions import OPERATOR
from jixiao.service import Service
from jixiao.web import Settings, create_app
from tests.web.conftest import USERS
from tests.web.helpers import PASSWORD, Browser


@pytest.fixture
def library_url(db_url: str, seed_path: Path) -> str:
    """The seed published, the users of tests/web, and the library built from the seed."""
    service = Service(db_url)
    assert service.import_path(seed_path, published=True).created == 17
    for name, (role, unit, departments) in USERS.items():
        service.add_user(name, PASSWORD, role, unit, departments)
    service.build_library(OPERATOR)
    return db_url


@pytest.fixture
def library_app(library_url: str) -> Iterator[Any]:
    app = create_app(Settings(database_url=library_url))
    clients: list[TestClient] = []

    def make(username: str | None = None) -> Browser:
        client = TestClient(app)
        clients.append(client)
        browser = Browser(client)
        if username:
            assert browser.login(username).status_code == 303
        return browser

    yield make
    for client in clients:
        client.close()
