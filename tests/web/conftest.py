"""Web fixtures: an app over a fresh database holding the seed as drafts, and named users of each role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from jixiao.service import Service
from jixiao.store import accounts
from jixiao.web import Settings, create_app
from jixiao.workflow import Role
from tests.web.helpers import PASSWORD, Browser

FULIAN = "东莞市妇女联合会"
OTHER = "东莞市科学技术局"

# name → (role, unit, departments)
USERS: dict[str, tuple[Role, str | None, tuple[str, ...]]] = {
    "tianbao": (Role.FILLER, FULIAN, ()),
    "tianbao2": (Role.FILLER, FULIAN, ()),
    "outsider": (Role.FILLER, OTHER, ()),
    "shenhe": (Role.REVIEWER, None, (FULIAN,)),
    "othereviewer": (Role.REVIEWER, None, (OTHER,)),
    "guanli": (Role.ADMIN, None, ()),
}


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    # argon2's default cost is right for production and needlessly slow for dozens of test logins
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def seeded_url(db_url: str, seed_path: Path) -> str:
    """The seed imported as drafts, plus the named users."""
    service = Service(db_url)
    report = service.import_path(seed_path, published=False)
    assert report.ok and report.created == 17
    for name, (role, unit, departments) in USERS.items():
        service.add_user(name, PASSWORD, role, unit, departments)
    return db_url


@pytest.fixture
def app_factory(seeded_url: str) -> Iterator[Any]:
    app = create_app(Settings(database_url=seeded_url))
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
