"""How to call each route of the app for the authorization matrix (test_authorization_matrix.py).

Every route the FastAPI app serves has a `Call` here: the request to send for one persona and one
table (fresh for the routes that change things), so that what comes back depends on permissions
alone. The expected outcomes are data in the test; a route without a `Call` fails it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.web.helpers import PASSWORD, Browser, edit_form


@dataclass(frozen=True)
class Ctx:
    """What a call needs: the client of the persona, the table, its document, the service."""

    client: Browser
    table_id: int
    document: dict[str, Any]
    lock_version: int
    errors: list[int]  # ids of the table's 错误 findings (explained on submit)
    stage: Callable[[str, bytes], str] | None = None  # keep an upload for the persona (None: visitor)
    world: Any = None  # the test's World: its service, a library entry's code, a self-evaluation's id


@dataclass(frozen=True)
class Call:
    """One route's request: ``send(ctx)`` returns the response; ``fresh``: needs its own table;
    ``session``: ends or changes the persona's session (a fresh login is used)."""

    send: Callable[[Ctx], Any]
    fresh: bool = False
    session: bool = False


def _get(path: str) -> Callable[[Ctx], Any]:
    return lambda c: c.client.get(_fill(path, c), follow_redirects=False)


def _post(path: str, data: Callable[[Ctx], dict[str, Any]] | None = None) -> Callable[[Ctx], Any]:
    return lambda c: c.client.post(_fill(path, c), data(c) if data else {})


def _put(path: str, body: Any, method: str = "PUT") -> Callable[[Ctx], Any]:
    def send(c: Ctx) -> Any:
        headers = {"x-csrf-token": c.client.csrf(), "content-type": "application/json"}
        url = _fill(path, c)
        content = json.dumps(body(c) if callable(body) else body, ensure_ascii=False)
        return c.client.client.request(method, url, content=content, headers=headers, follow_redirects=False)

    return send


def _fill(path: str, c: Ctx) -> str:
    """``path`` with the table, library entry, self-evaluation and fresh library request filled in."""
    ids: dict[str, Any] = {"id": c.table_id}
    if "{code}" in path:
        ids["code"] = c.world.library_code
    if "{evaluation}" in path:
        ids["evaluation"] = c.world.evaluation_id
    if "{request}" in path:
        ids["request"] = c.world.library_request()
    if "{user}" in path:
        ids["user"] = c.world.throwaway_user()
    if "{org}" in path:
        ids["org"] = c.world.throwaway_org()
    if "{finding}" in path:
        ids["finding"] = c.world.first_finding(c.table_id)
    if "{comment}" in path:
        ids["comment"] = c.world.open_comment(c.table_id)
    if "{name}" in path:
        ids["name"] = c.world.fresh_name()
    return path.format(**ids)


def _edit(c: Ctx) -> dict[str, Any]:
    document = {**c.document, "lock_version": c.lock_version}
    return edit_form(document, goals_annual=c.document["goals"]["annual"] + "（调整）", reason="授权矩阵测试")


def _submit(c: Ctx) -> dict[str, Any]:
    return {f"explain-{number}": "授权矩阵测试的说明" for number in c.errors}


def _import_confirm(c: Ctx) -> Any:
    """Confirm an upload of the table with a changed goal, staged for the persona as the preview
    would have (the preview's own route is a row of its own)."""
    goals = {**c.document["goals"], "annual": c.document["goals"]["annual"] + "（导入）"}
    data = json.dumps({**c.document, "goals": goals}, ensure_ascii=False).encode()
    token = c.stage("table.json", data) if c.stage else "no-such-upload"
    return c.client.post(f"/import/{token}/confirm", {"reason": "授权矩阵测试"})


def _login(c: Ctx) -> Any:
    return c.client.post("/login", {"username": "nobody", "password": PASSWORD, "next": "/"})


def _password(c: Ctx) -> Any:
    return c.client.post("/account/password", {"current": "wrong", "new": "x", "confirm": "x"})


XLSX = b"PK\x03\x04 not really a workbook"
STRONG = "Matrix-Test-2026!"  # passes the password policy
FULIAN = "东莞市妇女联合会"
SOURCE = "购买社工岗位服务经费"

# "METHOD path" as the app declares the route → how to call it
CALLS: dict[str, Call] = {
    "GET /docs": Call(_get("/docs")),
    "GET /tables/download.{fmt}": Call(_get("/tables/download.json")),
    "GET /tables/{table_id}/download.{fmt}": Call(_get("/tables/{id}/download.json")),
    "GET /tables/{table_id:int}/edit": Call(_get("/tables/{id}/edit")),
    "POST /tables/{table_id:int}/edit": Call(_post("/tables/{id}/edit", _edit), fresh=True),
    "POST /tables/{table_id:int}/check": Call(_post("/tables/{id}/check", _edit)),
    "GET /tables/new": Call(_get("/tables/new")),
    "GET /tables/{table_id:int}/copy": Call(_get("/tables/{id}/copy")),
    "POST /tables/new": Call(
        _post(
            "/tables/new",
            lambda c: {**_edit(c), "name": f"新建 {c.table_id}", "unit": c.document["project"]["unit"]},
        ),
        fresh=True,
    ),
    "POST /tables/new/check": Call(_post("/tables/new/check", _edit)),
    "GET /api/tables/export": Call(_get("/api/tables/export?format=json")),
    "GET /": Call(_get("/")),
    "GET /tables": Call(_get("/tables")),
    "GET /tables/{table_id}": Call(_get("/tables/{id}")),
    "GET /tables/{table_id}/document.json": Call(_get("/tables/{id}/document.json")),
    "GET /tables/{table_id}/document.csv": Call(_get("/tables/{id}/document.csv")),
    "GET /open-data": Call(_get("/open-data")),
    "GET /open-data/tables.json": Call(_get("/open-data/tables.json")),
    "GET /open-data/tables.csv": Call(_get("/open-data/tables.csv")),
    "GET /audit": Call(_get("/audit")),
    "GET /login": Call(_get("/login")),
    "POST /login": Call(_login),
    "POST /logout": Call(_post("/logout"), session=True),
    "POST /logout/everywhere": Call(_post("/logout/everywhere"), session=True),
    "GET /account": Call(_get("/account")),
    "POST /account/password": Call(_password, session=True),
    "POST /tables/{table_id}/submit": Call(_post("/tables/{id}/submit", _submit), fresh=True),
    "POST /tables/{table_id}/withdraw": Call(_post("/tables/{id}/withdraw"), fresh=True),
    "POST /tables/{table_id}/return": Call(
        _post("/tables/{id}/return", lambda c: {"comment": "请修改"}), fresh=True
    ),
    "POST /tables/{table_id}/approve": Call(
        _post("/tables/{id}/approve", lambda c: {"comment": "同意。"}), fresh=True
    ),
    "POST /tables/{table_id}/publish": Call(_post("/tables/{id}/publish"), fresh=True),
    "GET /queue": Call(_get("/queue")),
    "GET /tables/{table_id}/compare": Call(_get("/tables/{id}/compare")),
    "GET /import": Call(_get("/import")),
    "POST /import": Call(lambda c: c.client.post("/import", files={"file": ("a.txt", b"x", "text/plain")})),
    "POST /import/{token}/confirm": Call(_import_confirm, fresh=True),
    "GET /api/me": Call(_get("/api/me")),
    "GET /api/dashboard": Call(_get("/api/dashboard")),
    "GET /api/tables": Call(_get("/api/tables")),
    "GET /api/tables/{table_id}": Call(_get("/api/tables/{id}")),
    "GET /api/tables/{table_id}/compare": Call(_get("/api/tables/{id}/compare?old=1&new=1")),
    "GET /api/queue": Call(_get("/api/queue")),
    "GET /api/audit": Call(_get("/api/audit")),
    "GET /tables/{table_id}/monitoring": Call(_get("/tables/{id}/monitoring")),
    "POST /tables/{table_id}/monitoring/preview": Call(
        _post("/tables/{id}/monitoring/preview", lambda c: {"month": "6"})
    ),
    "POST /tables/{table_id}/monitoring": Call(
        _post("/tables/{id}/monitoring", lambda c: {"month": "6"}), fresh=True
    ),
    "POST /tables/{table_id}/monitoring/upload": Call(
        lambda c: c.client.post(f"/tables/{c.table_id}/monitoring/upload", files={"file": ("m.xlsx", XLSX)})
    ),
    "GET /tables/{table_id}/evaluation": Call(_get("/tables/{id}/evaluation")),
    "POST /tables/{table_id}/evaluation/preview": Call(_post("/tables/{id}/evaluation/preview")),
    "POST /tables/{table_id}/evaluation": Call(_post("/tables/{id}/evaluation"), fresh=True),
    "POST /tables/{table_id}/evaluation/adjust": Call(_post("/tables/{id}/evaluation/adjust"), fresh=True),
    "POST /tables/{table_id}/evaluation/upload": Call(
        lambda c: c.client.post(f"/tables/{c.table_id}/evaluation/upload", files={"file": ("e.xlsx", XLSX)})
    ),
    "GET /tables/{table_id}/evaluation/template.xlsx": Call(_get("/tables/{id}/evaluation/template.xlsx")),
    "GET /tables/{table_id}/evaluation/scored.xlsx": Call(_get("/tables/{id}/evaluation/scored.xlsx")),
    "GET /tables/{table_id}/evaluation/scored.pdf": Call(_get("/tables/{id}/evaluation/scored.pdf")),
    "GET /tables/{table_id}/monitoring/template.xlsx": Call(_get("/tables/{id}/monitoring/template.xlsx")),
    "GET /tables/{table_id}/monitoring/table.xlsx": Call(_get("/tables/{id}/monitoring/table.xlsx")),
    "GET /tables/{table_id}/evaluation/report.docx": Call(_get("/tables/{id}/evaluation/report.docx")),
    "GET /api/tables/{table_id}/monitoring": Call(_get("/api/tables/{id}/monitoring")),
    "PUT /api/tables/{table_id}/monitoring": Call(_put("/api/tables/{id}/monitoring", {}), fresh=True),
    "GET /api/tables/{table_id}/evaluation": Call(_get("/api/tables/{id}/evaluation")),
    "PUT /api/tables/{table_id}/evaluation": Call(_put("/api/tables/{id}/evaluation", {}), fresh=True),
    "PUT /api/tables/{table_id}/evaluation/adjustments": Call(
        _put("/api/tables/{id}/evaluation/adjustments", []), fresh=True
    ),
    # ── 待办, the blank template, administration (issue 13) ──
    "GET /todo": Call(_get("/todo")),
    "GET /api/todo": Call(_get("/api/todo")),
    "GET /tables/new/template.xlsx": Call(_get("/tables/new/template.xlsx")),
    "GET /admin": Call(_get("/admin")),
    "GET /admin/users": Call(_get("/admin/users")),
    "GET /admin/orgs": Call(_get("/admin/orgs")),
    "GET /admin/profiles": Call(_get("/admin/profiles")),
    "GET /admin/profiles/{year}": Call(_get("/admin/profiles/2025")),
    "GET /api/admin/users": Call(_get("/api/admin/users")),
    "GET /api/admin/orgs": Call(_get("/api/admin/orgs")),
    "GET /api/admin/profiles/{year}": Call(_get("/api/admin/profiles/2025")),
    "GET /api/admin/audit": Call(_get("/api/admin/audit")),
    "GET /audit.csv": Call(_get("/audit.csv")),
    "POST /admin/users": Call(
        _post(
            "/admin/users",
            lambda c: {
                "username": c.world.fresh_name(),
                "password": STRONG,
                "role": "filler",
                "unit": FULIAN,
            },
        )
    ),
    "POST /admin/users/{username}/state": Call(
        _post("/admin/users/{user}/state", lambda c: {"disabled": "1"})
    ),
    "POST /admin/users/{username}/password": Call(
        _post("/admin/users/{user}/password", lambda c: {"password": STRONG})
    ),
    "POST /admin/users/{username}/role": Call(
        _post("/admin/users/{user}/role", lambda c: {"role": "reviewer", "departments": FULIAN})
    ),
    "POST /admin/orgs": Call(_post("/admin/orgs", lambda c: {"name": f"测试单位{c.world.fresh_name()}"})),
    "POST /admin/orgs/{org_id}/rename": Call(
        _post("/admin/orgs/{org}/rename", lambda c: {"name": f"改名单位{c.world.fresh_name()}"})
    ),
    "POST /admin/profiles/{year}": Call(_post("/admin/profiles/2031")),
    # ── review notes across years (issue 15) ──
    "POST /tables/{table_id}/comments": Call(
        _post("/tables/{id}/comments", lambda c: c.world.comment_form(c.table_id)), fresh=True
    ),
    "POST /tables/{table_id}/comments/{comment_id}/resolve": Call(
        _post("/tables/{id}/comments/{comment}/resolve"), fresh=True
    ),
    "POST /tables/{table_id}/findings/{finding_id}/dismiss": Call(
        _post(
            "/tables/{id}/findings/{finding}/dismiss",
            lambda c: {"reason": "授权矩阵测试的理由", **c.world.finding_seen(c.table_id)},
        ),
        fresh=True,
    ),
    "POST /tables/{table_id}/link": Call(_post("/tables/{id}/link", lambda c: {"unlink": "1"}), fresh=True),
    "GET /tables/{table_id}/compare-year": Call(_get("/tables/{id}/compare-year")),
    "GET /api/tables/{table_id}/compare-year": Call(_get("/api/tables/{id}/compare-year")),
    "POST /api/tables/{table_id}/submit": Call(
        _put(
            "/api/tables/{id}/submit",
            lambda c: {"explanations": {str(n): "授权矩阵测试的说明" for n in c.errors}},
            "POST",
        ),
        fresh=True,
    ),
    # ── 指标库 (issue 14) ──
    "GET /library": Call(_get("/library")),
    "GET /library/{code}": Call(_get("/library/{code}")),
    "GET /library/requests": Call(_get("/library/requests")),
    "POST /library/requests": Call(
        _post(
            "/library/requests",
            lambda c: {"kind": "retire", "code": c.world.library_code, "reason": "授权矩阵测试"},
        )
    ),
    "POST /library/requests/{request_id}/decide": Call(
        _post("/library/requests/{request}/decide", lambda c: {"decision": "approve"})
    ),
    "GET /api/library": Call(_get("/api/library")),
    "GET /api/library/{code}": Call(_get("/api/library/{code}")),
    "GET /api/library/export.{fmt}": Call(_get("/api/library/export.csv")),
    "GET /api/library/suggest": Call(_get("/api/library/suggest?name=服务数")),
    "GET /api/library/recommend": Call(_get(f"/api/library/recommend?project={SOURCE}")),
    "GET /api/library/requests": Call(_get("/api/library/requests")),
    "POST /api/library/requests": Call(
        _put(
            "/api/library/requests",
            lambda c: {"kind": "retire", "code": c.world.library_code, "reason": "测试"},
            "POST",
        )
    ),
    "POST /api/library/requests/{request_id}/decision": Call(
        _put("/api/library/requests/{request}/decision", {"approve": True}, "POST")
    ),
    "GET /api/library/review/{table_id}": Call(_get("/api/library/review/{id}")),
    # ── published self-evaluations (issue 12) ──
    "GET /selfevaluations": Call(_get("/selfevaluations")),
    "GET /selfevaluations/{evaluation_id}": Call(_get("/selfevaluations/{evaluation}")),
    "GET /selfevaluations/{evaluation_id}/download.{kind}": Call(
        _get("/selfevaluations/{evaluation}/download.json")
    ),
    "GET /api/selfevaluations": Call(_get("/api/selfevaluations")),
    "GET /api/selfevaluations/{evaluation_id}": Call(_get("/api/selfevaluations/{evaluation}")),
}
