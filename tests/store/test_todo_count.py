"""The header's 待办 badge (`Service.todo_count`, counted by the database) is the number the 待办 page
lists (`Service.todo(...).count`), for every kind of work and role, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.workflow import ANONYMOUS, Action, Principal, Role

UNIT = DEPARTMENT = "东莞市妇女联合会"
PASSWORD = "a-long-enough-password-1"


def _person(
    service: Service, name: str, role: Role, unit: str | None, departments: tuple[str, ...]
) -> Principal:
    uid = service.add_user(name, PASSWORD, role, unit, list(departments))
    return Principal(uid, name, role, unit, departments)


def _same(service: Service, who: Principal, today: date) -> int:
    listed = service.todo(who, today).count
    assert service.todo_count(who, today) == listed, who.username
    return listed


def test_the_badge_counts_what_the_todo_page_lists(db_url: str, seed_path: Path) -> None:
    service = Service(db_url)
    service.import_path(seed_path)
    owner = _person(service, "owner", Role.FILLER, UNIT, ())
    reviewer = _person(service, "reviewer", Role.REVIEWER, None, (DEPARTMENT,))
    stranger = _person(service, "stranger", Role.FILLER, "别的单位", ())
    admin = _person(service, "admin", Role.ADMIN, None, ())
    rows, _ = service.list_tables(owner, TableQuery(per_page=5))
    assert rows, "the seed has tables of the owner's unit"
    year = int(rows[0].year or date.today().year)
    this_year, next_year = date(year, 6, 30), date(year + 1, 3, 1)
    drafts = _same(service, owner, this_year)
    assert drafts >= len(rows)
    assert _same(service, reviewer, this_year) == 0 and _same(service, stranger, this_year) == 0
    first = int(rows[0].id)
    service.act(owner, first, Action.SUBMIT)
    assert _same(service, reviewer, this_year) == 1 and _same(service, admin, this_year) == 1
    service.act(reviewer, first, Action.APPROVE)
    assert _same(service, owner, this_year) == drafts  # one draft fewer, its monitoring due
    assert _same(service, owner, next_year) == drafts  # … and the next year its 自评
    assert service.todo_count(ANONYMOUS) == 0
