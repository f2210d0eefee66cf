"""Helpers for the web tests: a logged-in client that posts forms with the CSRF token, the editor's form."""

from __future__ import annotations

import html
import re
from typing import Any

from fastapi.testclient import TestClient

PASSWORD = "correct-horse-1"


class Browser:
    """A TestClient with helpers to log in and post forms with the CSRF token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def csrf(self) -> str:
        if "jixiao_csrf" not in self.client.cookies:
            self.client.get("/login")
        return str(self.client.cookies["jixiao_csrf"])

    def login(self, username: str, password: str = PASSWORD) -> Any:
        return self.client.post(
            "/login",
            data={"username": username, "password": password, "csrf_token": self.csrf(), "next": "/"},
            follow_redirects=False,
        )

    def post(self, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        return self.client.post(
            path, data={**(data or {}), "csrf_token": self.csrf()}, follow_redirects=False, **kwargs
        )

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(path, **kwargs)

    def dismiss(self, table_id: int, finding_id: int, reason: str, page: str | None = None) -> Any:
        """Dismiss a finding as the table page's form does (from ``page`` as the browser holds it, or
        the page fetched now): with the version, rule and place the page showed."""
        shown = self.get(f"/tables/{table_id}").text if page is None else page
        path = f"/tables/{table_id}/findings/{finding_id}/dismiss"
        return self.post(path, {**dismissal_fields(shown, path), "reason": reason})


def dismissal_fields(page: str, action: str) -> dict[str, str]:
    """The hidden fields of the form posting to ``action`` on ``page`` (none without that form)."""
    form = re.search(rf'<form method="post" action="{re.escape(action)}"[^>]*>(.*?)</form>', page, re.S)
    if form is None:
        return {}
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(1))
    return {name: html.unescape(value) for name, value in hidden if name != "csrf_token"}


def edit_form(document: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The editor's form fields for a §6 document, with some changed."""
    project = document["project"]
    form: dict[str, Any] = {
        "name": project["name"],
        "type": project["type"] or "",
        "level": project["level"] or "",
        "department": project["department"] or "",
        "period_start": str(project["period"]["start"] or ""),
        "period_end": str(project["period"]["end"] or ""),
        "year": str(project["year"] or ""),
        "budget": project["budget"] or "",
        "goals_period": document["goals"]["period"],
        "goals_annual": document["goals"]["annual"],
        "level1": [i["level1"] for i in document["indicators"]],
        "level2": [i["level2"] for i in document["indicators"]],
        "indicator": [i["name"] for i in document["indicators"]],
        "period": [i["period"]["raw"] for i in document["indicators"]],
        "annual": [i["annual"]["raw"] for i in document["indicators"]],
        "lock_version": str(document["lock_version"]),
    }
    form.update(changes)
    return form
