"""Imports ask `jixiao.permissions` like every other path: the holes the import path had are closed."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.permissions import OPERATOR
from jixiao.queries import TableQuery
from jixiao.service import Forbidden, Invalid, Service
from jixiao.workflow import ANONYMOUS, Action, Principal, Role, Status

UNIT = DEPARTMENT = "东莞市妇女联合会"
PASSWORD = "a-long-enough-password-1"


def _people(service: Service) -> tuple[Principal, Principal, Principal]:
    """The unit's 填报人, its department's 审核人, and a 审核人 of another department."""
    owner = Principal(service.add_user("owner", PASSWORD, Role.FILLER, UNIT), "owner", Role.FILLER, UNIT)
    reviewer = Principal(
        service.add_user("rev", PASSWORD, Role.REVIEWER, None, [DEPARTMENT]),
        "rev",
        Role.REVIEWER,
        departments=(DEPARTMENT,),
    )
    other = Principal(
        service.add_user("other", PASSWORD, Role.REVIEWER, None, ["别的部门"]),
        "other",
        Role.REVIEWER,
        departments=("别的部门",),
    )
    return owner, reviewer, other


def _changed(seed_path: Path) -> bytes:
    return seed_path.read_text().replace("1200个\t1200个", "1300个\t1300个", 1).encode()


def _first_id(service: Service) -> int:
    rows, _ = service.list_tables(OPERATOR, TableQuery(sort="name", descending=False, per_page=100))
    return int(next(row.id for row in rows if row.name == "购买社工岗位服务经费"))


def test_a_reviewer_of_another_department_cannot_import_over_a_published_table(
    sqlite_url: str, seed_path: Path
) -> None:
    service = Service(sqlite_url)
    service.import_path(seed_path, published=True)
    _, _, other_reviewer = _people(service)
    with pytest.raises(Forbidden):
        service.import_bytes(_changed(seed_path), "changed.txt", who=other_reviewer)
    table_id = _first_id(service)
    assert service.table_view(ANONYMOUS, table_id).row.current_version == 1


def test_a_filler_cannot_turn_an_approved_table_back_into_a_draft_by_importing(
    sqlite_url: str, seed_path: Path
) -> None:
    service = Service(sqlite_url)
    service.import_path(seed_path)
    owner, reviewer, _ = _people(service)
    table_id = _first_id(service)
    service.act(owner, table_id, Action.SUBMIT)
    service.act(reviewer, table_id, Action.APPROVE)
    with pytest.raises(Invalid, match="目标调整"):  # without a reason: nothing stored
        service.import_bytes(_changed(seed_path), "changed.txt", who=owner)
    view = service.table_view(owner, table_id)
    assert (view.row.status, view.row.current_version) == (Status.APPROVED.value, 1)
    service.import_bytes(_changed(seed_path), "changed.txt", who=owner, reason="咨询量增加")
    view = service.table_view(owner, table_id)  # a 目标调整 back to review, never a draft
    assert (view.row.status, view.row.current_version) == (Status.SUBMITTED.value, 2)


def test_the_owner_may_still_import_over_their_drafts(sqlite_url: str, seed_path: Path) -> None:
    service = Service(sqlite_url)
    service.import_path(seed_path)
    owner, _, _ = _people(service)
    report = service.import_bytes(_changed(seed_path), "changed.txt", who=owner)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 16)
