"""Every route × persona × table status, and what comes back, as data (issue 10).

The routes are read from the FastAPI app itself: a route added without a line in `EXPECTED` (and a
way to call it in `tests.security.authz_cases.CALLS`) fails `test_every_route_is_in_the_table`.
Personas: the visitor, a 填报人 of the table's unit and of another unit, a 审核人 of the table's
department and of another department, an administrator. Statuses: 草稿 d, 已提交 s, 已通过 a, 已公开 p,
and 调整中 j (a published table whose 目标调整 waits for review).

Each cell is one letter: ``o`` done (2xx, or a redirect elsewhere than the login page), ``x`` let
through and refused for its input or state (400, 409, 422: the authorization passed), ``f`` 403,
``l`` sent to log in (a redirect to /login, or 401 from the API), ``n`` 404 (a visitor is not told
an unpublished table exists). Routes without a table have one letter per persona.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from jixiao.permissions import OPERATOR
from jixiao.queries import TableQuery
from jixiao.service import Forbidden, Service
from jixiao.store import accounts
from jixiao.web import Settings, create_app
from jixiao.workflow import Action, Role
from tests.security.authz_cases import CALLS, Ctx
from tests.web.helpers import PASSWORD, Browser

FULIAN = "东莞市妇女联合会"
OTHER = "东莞市科学技术局"
SOURCE = "购买社工岗位服务经费"
PERSONAS = ("visitor", "owner", "other_filler", "reviewer", "other_reviewer", "admin")
STATUSES = "dsapj"
USERS = {
    "owner": (Role.FILLER, FULIAN, ()),
    "other_filler": (Role.FILLER, OTHER, ()),
    "reviewer": (Role.REVIEWER, None, (FULIAN,)),
    "other_reviewer": (Role.REVIEWER, None, (OTHER,)),
    "admin": (Role.ADMIN, None, ()),
}

# METHOD path                                      | visitor owner other_filler reviewer other_reviewer admin
# (d s a p j). Worth knowing: a 填报人 of another unit and a 审核人 of another department see only the
# published (p) and adjusting (j) tables, whose published version they get; monitoring and
# self-evaluation are the unit's and its department's only, in every status; the scored
# self-evaluation files and the reviewer's 扣减 answer 404 to those allowed while no self-evaluation
# is stored; POST /login is a failed login (401) for everyone, and "log out everywhere" ends on the
# login page; 撤回 is for a submitted table (an adjustment under review included), 409 otherwise.
# Administration (/admin, /api/admin, the audit log) is the administrator's alone; the 指标库 and
# published 自评表 are public, requests need a login, and a library request filed by the unit is
# decided first by its own department's 审核人; a reviewer comments on and dismisses findings of a
# table with the unit or in review (d, s, j), and resolving a comment that is not there (outside
# review none is made) is refused for its state; the link to last year's table is the unit's.
EXPECTED = """
GET /                                               | o o o o o o
GET /account                                        | l o o o o o
GET /admin                                          | l f f f f o
GET /admin/orgs                                     | l f f f f o
GET /admin/profiles                                 | l f f f f o
GET /admin/profiles/{year}                          | l f f f f o
GET /admin/users                                    | l f f f f o
GET /api/admin/audit                                | l f f f f o
GET /api/admin/orgs                                 | l f f f f o
GET /api/admin/profiles/{year}                      | l f f f f o
GET /api/admin/users                                | l f f f f o
GET /api/audit                                      | l f f f f o
GET /api/dashboard                                  | o o o o o o
GET /api/library                                    | o o o o o o
GET /api/library/export.{fmt}                       | o o o o o o
GET /api/library/recommend                          | o o o o o o
GET /api/library/requests                           | l o o o o o
GET /api/library/review/{table_id}                  | nnnoo ooooo fffoo ooooo fffoo ooooo
GET /api/library/suggest                            | o o o o o o
GET /api/library/{code}                             | o o o o o o
GET /api/me                                         | o o o o o o
GET /api/queue                                      | l f f o o o
GET /api/selfevaluations                            | o o o o o o
GET /api/selfevaluations/{evaluation_id}            | o o o o o o
GET /api/tables                                     | o o o o o o
GET /api/tables/export                              | o o o o o o
GET /api/tables/{table_id}                          | nnnoo ooooo fffoo ooooo fffoo ooooo
GET /api/tables/{table_id}/compare                  | lllll ooooo fffoo ooooo fffoo ooooo
GET /api/tables/{table_id}/compare-year             | lllll ooooo fffoo ooooo fffoo ooooo
GET /api/tables/{table_id}/evaluation               | lllll ooooo fffff ooooo fffff ooooo
GET /api/tables/{table_id}/monitoring               | lllll ooooo fffff ooooo fffff ooooo
GET /api/todo                                       | l o o o o o
GET /audit                                          | l f f f f o
GET /audit.csv                                      | l f f f f o
GET /docs                                           | o o o o o o
GET /import                                         | l o o o o o
GET /library                                        | o o o o o o
GET /library/requests                               | l o o o o o
GET /library/{code}                                 | o o o o o o
GET /login                                          | o o o o o o
GET /open-data                                      | o o o o o o
GET /open-data/tables.csv                           | o o o o o o
GET /open-data/tables.json                          | o o o o o o
GET /queue                                          | l f f o o o
GET /selfevaluations                                | o o o o o o
GET /selfevaluations/{evaluation_id}                | o o o o o o
GET /selfevaluations/{evaluation_id}/download.{kind}| o o o o o o
GET /tables                                         | o o o o o o
GET /tables/download.{fmt}                          | o o o o o o
GET /tables/new                                     | l o o f f o
GET /tables/new/template.xlsx                       | l o o f f o
GET /tables/{table_id:int}/copy                     | lllll ooooo fffoo fffff fffff ooooo
GET /tables/{table_id:int}/edit                     | lllll ofoof fffff fffff fffff ofoof
GET /tables/{table_id}                              | nnnoo ooooo fffoo ooooo fffoo ooooo
GET /tables/{table_id}/compare                      | lllll ooooo fffoo ooooo fffoo ooooo
GET /tables/{table_id}/compare-year                 | lllll ooooo fffoo ooooo fffoo ooooo
GET /tables/{table_id}/document.csv                 | nnnoo ooooo fffoo ooooo fffoo ooooo
GET /tables/{table_id}/document.json                | nnnoo ooooo fffoo ooooo fffoo ooooo
GET /tables/{table_id}/download.{fmt}               | nnnoo ooooo fffoo ooooo fffoo ooooo
GET /tables/{table_id}/evaluation                   | lllll ooooo fffff ooooo fffff ooooo
GET /tables/{table_id}/evaluation/report.docx       | lllll nnnnn fffff nnnnn fffff nnnnn
GET /tables/{table_id}/evaluation/scored.pdf        | lllll nnnnn fffff nnnnn fffff nnnnn
GET /tables/{table_id}/evaluation/scored.xlsx       | lllll nnnnn fffff nnnnn fffff nnnnn
GET /tables/{table_id}/evaluation/template.xlsx     | lllll ooooo fffff ooooo fffff ooooo
GET /tables/{table_id}/monitoring                   | lllll ooooo fffff ooooo fffff ooooo
GET /tables/{table_id}/monitoring/table.xlsx        | lllll nnnnn fffff nnnnn fffff nnnnn
GET /tables/{table_id}/monitoring/template.xlsx     | lllll ooooo fffff ooooo fffff ooooo
GET /todo                                           | l o o o o o
POST /account/password                              | l x x x x x
POST /admin/orgs                                    | l f f f f o
POST /admin/orgs/{org_id}/rename                    | l f f f f o
POST /admin/profiles/{year}                         | l f f f f x
POST /admin/users                                   | l f f f f o
POST /admin/users/{username}/password               | l f f f f o
POST /admin/users/{username}/role                   | l f f f f o
POST /admin/users/{username}/state                  | l f f f f o
POST /api/library/requests                          | l o o o o o
POST /api/library/requests/{request_id}/decision    | l f f o f o
POST /api/tables/{table_id}/submit                  | lllll offff fffff fffff fffff offff
POST /import                                        | l x x x x x
POST /import/{token}/confirm                        | lllll ooooo fffff fffff fffff ooooo
POST /library/requests                              | l o o o o o
POST /library/requests/{request_id}/decide          | l f f o f o
POST /login                                         | l l l l l l
POST /logout                                        | l o o o o o
POST /logout/everywhere                             | l l l l l l
POST /tables/new                                    | l o o f f o
POST /tables/new/check                              | l o o o o o
POST /tables/{table_id:int}/check                   | lllll ooooo fffoo ooooo fffoo ooooo
POST /tables/{table_id:int}/edit                    | lllll ofoof fffff fffff fffff ofoof
POST /tables/{table_id}/approve                     | lllll fffff fffff foffo fffff foffo
POST /tables/{table_id}/comments                    | lllll fffff fffff ooffo fffff ooffo
POST /tables/{table_id}/comments/{comment_id}/resolve| lllll ooxxo fffff ooxxo fffff ooxxo
POST /tables/{table_id}/evaluation                  | lllll ooooo fffff fffff fffff ooooo
POST /tables/{table_id}/evaluation/adjust           | lllll fffff fffff nnnnn fffff nnnnn
POST /tables/{table_id}/evaluation/preview          | lllll ooooo fffff ooooo fffff ooooo
POST /tables/{table_id}/evaluation/upload           | lllll xxxxx fffff fffff fffff xxxxx
POST /tables/{table_id}/findings/{finding_id}/dismiss| lllll fffff fffff ooffo fffff ooffo
POST /tables/{table_id}/link                        | lllll ooooo fffff fffff fffff ooooo
POST /tables/{table_id}/monitoring                  | lllll ooooo fffff fffff fffff ooooo
POST /tables/{table_id}/monitoring/preview          | lllll ooooo fffff ooooo fffff ooooo
POST /tables/{table_id}/monitoring/upload           | lllll xxxxx fffff fffff fffff xxxxx
POST /tables/{table_id}/publish                     | lllll fffff fffff ffoff fffff ffoff
POST /tables/{table_id}/return                      | lllll fffff fffff foffo fffff foffo
POST /tables/{table_id}/submit                      | lllll offff fffff fffff fffff offff
POST /tables/{table_id}/withdraw                    | lllll xoxxo fffff fffff fffff xoxxo
PUT /api/tables/{table_id}/evaluation               | lllll ooooo fffff fffff fffff ooooo
PUT /api/tables/{table_id}/evaluation/adjustments   | lllll fffff fffff nnnnn fffff nnnnn
PUT /api/tables/{table_id}/monitoring               | lllll ooooo fffff fffff fffff ooooo
"""


def app_routes(app: Any) -> set[str]:
    """Every "METHOD path" the app serves (routers included), but the static files and the schema."""
    found: set[str] = set()

    def walk(routes: list[Any]) -> None:
        for route in routes:
            if hasattr(route, "original_router"):  # FastAPI ≥ 0.165 keeps included routers whole
                walk(route.original_router.routes)
            elif isinstance(route, APIRoute):
                found.update(f"{method} {route.path}" for method in route.methods or () if method != "HEAD")

    walk(app.routes)
    return found


def outcome(response: Any) -> str:
    """The letter of a response (see the module's docstring)."""
    code = response.status_code
    location = response.headers.get("location", "")
    if code == 401 or (300 <= code < 400 and location.startswith("/login")):
        return "l"
    if code == 403:
        return "f"
    if code == 404:
        return "n"
    if code in (400, 409, 413, 422):
        return "x"
    assert code < 400, (code, response.text[-300:])
    return "o"


def expected() -> dict[str, dict[str, str]]:
    """`EXPECTED` as {route: {persona: letters}}."""
    table: dict[str, dict[str, str]] = {}
    for line in EXPECTED.strip().splitlines():
        route, cells = line.split("|")
        table[route.strip()] = dict(zip(PERSONAS, cells.split(), strict=True))
    return table


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


class World:
    """The database, the app, a logged-in client per persona, and tables in each status."""

    def __init__(self, url: str, seed: Path, folder: Path) -> None:
        self.service = Service(url)
        self.service.import_path(seed, published=True)  # the library is mined from published tables
        self.service.build_library(OPERATOR)
        self.library_code = str(self.service.library_list("", "", "", 1, 1)["entries"][0]["code"])
        for name, (role, unit, departments) in USERS.items():
            self.service.add_user(name, PASSWORD, role, unit, departments)
        self.evaluation_id = self._store_self_evaluation(folder)
        self.app = create_app(Settings(database_url=url))
        self.clients: list[TestClient] = []
        self.browsers = {persona: self.client(persona) for persona in PERSONAS}
        source_id = int(self.service.list_tables(OPERATOR, TableQuery(q=SOURCE))[0][0].id)
        self.source = self.service.table_view(OPERATOR, source_id).table
        self.count = 0
        self.seen: dict[tuple[str, str], str] = {}
        self.shared = {status: self.table(status) for status in STATUSES}

    def _store_self_evaluation(self, folder: Path) -> int:
        """A published 自评表 of 东莞市妇女联合会 stored as the import page would."""
        from tests.selfeval_samples import SAMPLE

        path = folder / "自评表.txt"
        path.write_text(SAMPLE, encoding="utf-8")
        return int(self.service.import_path(path).selfevaluation_ids[0])

    def fresh_name(self) -> str:
        self.count += 1
        return f"matrix{self.count}"

    def principal(self, persona: str) -> Any:
        return next(u for u in self.service.users() if u.username == persona).principal()

    def library_request(self) -> int:
        """A new request to retire the library entry, filed by the 填报人 of 东莞市妇女联合会."""
        made = self.service.library_request(self.principal("owner"), "retire", self.library_code, {}, "测试")
        return int(made["id"])

    def throwaway_user(self) -> str:
        name = self.fresh_name()
        self.service.add_user(name, PASSWORD, Role.FILLER, FULIAN, ())
        return name

    def throwaway_org(self) -> int:
        return self.service.add_organisation(OPERATOR, f"临时单位{self.fresh_name()}")

    def first_finding(self, table_id: int) -> int:
        return int(self.service.table_view(OPERATOR, table_id).findings[0].id)

    def finding_seen(self, table_id: int) -> dict[str, Any]:
        """The version, rule and place of the first finding, as the table page's dismiss form sends."""
        view = self.service.table_view(OPERATOR, table_id)
        first = view.findings[0]
        return {"version": view.row.current_version, "code": first.code, "place": first.place}

    def comment_form(self, table_id: int) -> dict[str, str]:
        first = self.service.table_view(OPERATOR, table_id).table.indicators[0]
        return {"level1": first.level1, "level2": first.level2, "name": first.name, "body": "请补充依据"}

    def open_comment(self, table_id: int) -> int:
        """A reviewer's open comment on the table's first indicator (none outside review: a made-up id)."""
        form = self.comment_form(table_id)
        place = (form["level1"], form["level2"], form["name"])
        try:
            return self.service.comment_indicator(self.principal("reviewer"), table_id, place, "请补充依据")
        except Forbidden:  # not under review: there is no comment to resolve
            return 999_999

    def client(self, persona: str) -> Browser:
        client = TestClient(self.app)
        self.clients.append(client)
        browser = Browser(client)
        if persona != "visitor":
            assert browser.login(persona).status_code == 303
        return browser

    def table(self, status: str) -> int:
        """A new table of 东莞市妇女联合会 in ``status``."""
        self.count += 1
        project = replace(self.source.project, name=f"{SOURCE}（矩阵 {self.count}）")
        table_id = self.service.create_table(OPERATOR, replace(self.source, project=project))
        steps = {"d": [], "s": [Action.SUBMIT], "a": [Action.SUBMIT, Action.APPROVE]}
        for action in steps.get(status, [Action.SUBMIT, Action.APPROVE, Action.PUBLISH]):
            self.service.act(OPERATOR, table_id, action)
        if status == "j":
            view = self.service.table_view(OPERATOR, table_id)
            self.service.save(OPERATOR, table_id, view.table, view.row.lock_version, reason="调整")
        return table_id

    def context(self, persona: str, browser: Browser, table_id: int) -> Ctx:
        view = self.service.table_view(OPERATOR, table_id)
        item = self.service.table_item(OPERATOR, table_id)
        errors = [f.id for f in view.findings if f.severity == "error"]
        stage = None
        if persona != "visitor":
            user = next(u for u in self.service.users() if u.username == persona)
            stage = partial(self.service.stage_upload, user.principal())
        return Ctx(browser, table_id, item, int(view.row.lock_version), errors, stage, self)

    def close(self) -> None:
        for client in self.clients:
            client.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, _sqlite_template: Path) -> Iterator[World]:
    import shutil

    from jixiao.store.db import dispose_engines

    folder = tmp_path_factory.mktemp("matrix")
    path = folder / "jixiao.sqlite"
    shutil.copyfile(_sqlite_template, path)
    seed = Path(__file__).parents[1] / "corpus" / "dongguan_fulian_2025.txt"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        built = World(f"sqlite:///{path}", seed, folder)
        yield built
    built.close()
    dispose_engines()


def observe(world: World, route: str, persona: str) -> str:
    """The letters ``persona`` gets from ``route`` over the five statuses (one letter: no table)."""
    key = (route, persona)
    if key in world.seen:
        return world.seen[key]
    call = CALLS[route]
    letters = ""
    for status in STATUSES if "{table_id" in route or "{token}" in route else "p":
        browser = world.client(persona) if call.session else world.browsers[persona]
        table_id = world.table(status) if call.fresh else world.shared[status]
        letters += outcome(call.send(world.context(persona, browser, table_id)))
        if call.session:  # "log out everywhere" ends the shared client's session too: log in again
            world.browsers[persona] = world.client(persona)
    world.seen[key] = letters
    return letters


def test_every_route_is_in_the_table(world: World) -> None:
    routes = app_routes(world.app)
    assert routes == set(CALLS), "a route without a way to call it in authz_cases.CALLS"
    assert routes == set(expected()), "a route without its expected outcomes in EXPECTED"


@pytest.mark.parametrize("route", sorted(expected()))
def test_route_persona_status(world: World, route: str) -> None:
    want = expected()[route]
    got = {persona: observe(world, route, persona) for persona in PERSONAS}
    assert got == want


def test_print_the_observed_table(world: World) -> None:
    """With JIXIAO_AUTHZ_CALIBRATE=1: print what every route answers, in `EXPECTED`'s layout."""
    if not os.environ.get("JIXIAO_AUTHZ_CALIBRATE"):
        pytest.skip("only when calibrating the table (JIXIAO_AUTHZ_CALIBRATE=1)")
    for route in sorted(app_routes(world.app)):
        cells = " ".join(observe(world, route, persona) for persona in PERSONAS)
        print(f"{route:<56}| {cells}")
