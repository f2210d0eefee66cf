"""The 指标库 in the database (SQLite and PostgreSQL): built from stored tables, incrementally,
governed by two approvals, versioned, audited, exported; the evidence rules read its peer records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from jixiao.readers.text import read_text
from jixiao.service import Forbidden, Invalid, Service
from jixiao.store.db import get_engine
from jixiao.store.library_schema import library_links, library_versions
from jixiao.store.schema import audit_log
from jixiao.workflow import Principal, Role
from tests.web.helpers import PASSWORD

FULIAN = "东莞市妇女联合会"


def _users(service: Service) -> dict[str, Principal]:
    people = {
        "tianbao": (Role.FILLER, FULIAN, ()),
        "shenhe": (Role.REVIEWER, None, (FULIAN,)),
        "guanli": (Role.ADMIN, None, ()),
        "guanli2": (Role.ADMIN, None, ()),
        "guanli3": (Role.ADMIN, None, ()),
        "othereviewer": (Role.REVIEWER, None, ("东莞市科学技术局",)),
    }
    found = {}
    for name, (role, unit, departments) in people.items():
        user_id = service.add_user(name, PASSWORD, role, unit, departments)
        found[name] = Principal(user_id, name, role, unit, departments)
    return found


@pytest.fixture
def built(db_url: str, seed_path: Path) -> tuple[Service, dict[str, Any]]:
    service = Service(db_url)
    assert service.import_path(seed_path, published=True).created == 17
    people = _users(service)
    summary = service.build_library(people["guanli"])
    return service, {"summary": summary, **people}


def test_build_from_the_database_and_again_incrementally(built: tuple[Service, dict[str, Any]]) -> None:
    service, ctx = built
    summary = ctx["summary"]
    assert summary["tables_added"] == 17 and summary["rows_added"] == 136
    assert summary["entries"] == summary["new_entries"] > 80
    listed = service.library_list(per_page=500)
    assert listed["total"] == summary["entries"]
    assert all(e["status"] == "draft" for e in listed["entries"])  # mined entries start as drafts
    again = service.build_library(ctx["guanli"])
    assert again["tables_added"] == 0 and again["new_entries"] == 0
    with get_engine(service.url).connect() as conn:
        links = conn.execute(select(library_links.c.code, library_links.c.version)).all()
        assert len(links) == 136 and all(code and version == 1 for code, version in links)
        actions = {r.action for r in conn.execute(select(audit_log.c.action))}
    assert "library_build" in actions


def test_entry_page_data_search_and_tables_using(built: tuple[Service, dict[str, Any]]) -> None:
    service, _ = built
    found = service.library_list(q="满意度")
    assert found["total"] >= 3 and all("满意" in e["name"] + e["level2"] for e in found["entries"])
    code = found["entries"][0]["code"]
    entry = service.library_entry(code)
    assert entry["provenance"]["tables"] == len(entry["tables_using"]) == entry["tables_using_total"] > 0
    assert entry["versions"][0]["status"] == "draft" and entry["fields"]["origin"] == "挖掘"
    with pytest.raises(Exception, match="没有编号"):
        service.library_entry("ZB-NOTHING")


def test_suggest_and_recommend_with_reasons(built: tuple[Service, dict[str, Any]]) -> None:
    service, _ = built
    offered = service.library_suggest("满意度")
    assert offered and "满意" in offered[0]["name"] and "个单位的" in offered[0]["reason"]
    recommended = service.library_recommend("2026年购买社工岗位服务经费")
    assert recommended["projects"] >= 1 and recommended["entries"]
    first = recommended["entries"][0]
    assert "“社工岗位”类项目使用" in first["reason"] and first["name"]


def test_two_level_approval_versions_and_audit(built: tuple[Service, dict[str, Any]]) -> None:
    service, ctx = built
    filler, reviewer, admin, admin2 = (ctx[n] for n in ("tianbao", "shenhe", "guanli", "guanli2"))
    request = service.library_request(filler, "add", None, {
        "name": "家庭教育讲座场次", "level1": "产出指标", "level2": "数量指标", "unit": "场",
        "direction": "positive", "value_type": "count",
        "reference": {"op": ">=", "value": "12", "basis": "计划标准"},
    }, "本单位新开展的家庭教育项目")  # fmt: skip
    assert request["status"] == "pending" and request["department"] == FULIAN
    with pytest.raises(Forbidden):
        service.library_decide(ctx["othereviewer"], request["id"], True)  # not theirs
    with pytest.raises(Forbidden):
        service.library_decide(filler, request["id"], True)  # not one's own
    assert service.library_decide(reviewer, request["id"], True)["status"] == "department"
    done = service.library_decide(admin, request["id"], True, "同意")
    assert done["status"] == "approved" and done["version"] == 1 and done["code"].startswith("ZB-")
    with pytest.raises(Invalid):
        service.library_decide(admin2, request["id"], True)
    entry = service.library_entry(done["code"])
    assert entry["status"] == "active" and entry["fields"]["reference"]["value"] == "12"
    # a modification is a new version; the approved one stays as it was
    change = service.library_request(admin, "modify", done["code"], {"explanation": "全年举办的讲座场次"})
    assert change["department"] is None
    service.library_decide(admin2, change["id"], True)
    with pytest.raises(Forbidden):
        service.library_decide(admin2, change["id"], True)  # two people
    with pytest.raises(Forbidden):
        service.library_decide(admin, change["id"], True)  # not one's own
    entry = service.library_entry(done["code"])
    assert entry["version"] == 1  # still waiting for 财政
    with get_engine(service.url).connect() as conn:
        actions = [
            r.action
            for r in conn.execute(select(audit_log.c.action).where(audit_log.c.entity == "library_request"))
        ]
    assert actions.count("library_request") == 2 and actions.count("library_approve") == 3


def test_retired_entry_is_not_offered_but_tables_keep_their_link(
    built: tuple[Service, dict[str, Any]],
) -> None:
    service, ctx = built
    reviewer, admin = ctx["shenhe"], ctx["guanli"]
    target = service.library_suggest("服务对象满意度")[0]
    request = service.library_request(reviewer, "retire", target["code"], {}, "改用统一的满意度指标")
    with pytest.raises(Forbidden):
        service.library_decide(reviewer, request["id"], True)  # not one's own
    service.library_decide(admin, request["id"], True)
    ctx2 = service.library_requests(admin)
    assert [r["id"] for r in ctx2 if r["status"] == "department"] == [request["id"]]
    guanli2 = ctx["guanli2"]
    service.library_decide(guanli2, request["id"], True)
    entry = service.library_entry(target["code"])
    assert entry["status"] == "retired" and entry["version"] == 2 and entry["fields"]["valid_to"]
    assert [v["number"] for v in entry["versions"]] == [2, 1]
    assert entry["tables_using_total"] > 0 and {t["version"] for t in entry["tables_using"]} == {1}
    assert target["code"] not in {s["code"] for s in service.library_suggest("服务对象满意度", limit=50)}
    assert target["code"] not in {
        e["code"] for e in service.library_list(q="满意度", per_page=500)["entries"]
    }
    assert service.library_list(status="retired")["total"] == 1
    with get_engine(service.url).connect() as conn:
        statuses = [
            r.status
            for r in conn.execute(
                select(library_versions.c.status).where(library_versions.c.code == target["code"])
            )
        ]
    assert sorted(statuses) == ["draft", "retired"]


def test_export_as_open_data_text_as_text(built: tuple[Service, dict[str, Any]]) -> None:
    service, ctx = built
    request = service.library_request(ctx["guanli"], "add", None, {"name": '=HYPERLINK("x")培训人数'})
    service.library_decide(ctx["guanli2"], request["id"], True)
    service.library_decide(ctx["guanli3"], request["id"], True)
    data, media = service.library_export("json")
    assert media == "application/json" and json.loads(data)["entries"]
    text, _ = service.library_export("csv")
    rows = list(csv.reader(io.StringIO(text.decode("utf-8").lstrip("\ufeff"))))
    assert rows[0][0] == "编号" and len(rows) > 80
    book, _ = service.library_export("xlsx")
    sheet = load_workbook(io.BytesIO(book)).active
    assert sheet is not None and sheet.cell(1, 4).value == "指标名称"
    with pytest.raises(Invalid, match="导出格式"):
        service.library_export("pdf")


def test_peer_findings_read_the_stored_snapshot(built: tuple[Service, dict[str, Any]]) -> None:
    service, _ = built
    text = Path(__file__).resolve().parent.parent / "corpus" / "dongguan_fulian_2025.txt"
    tables, _ = read_text(text.read_text(encoding="utf-8"), "seed.txt")
    snapshot = service.peer_snapshot(tables[:1])
    assert snapshot.stats  # the seed's own indicators have peer records
    assert service.peer_findings(tables[0]) == []  # one publisher: too few peers, silent


def test_approved_versions_cannot_be_changed_in_the_database(built: tuple[Service, dict[str, Any]]) -> None:
    from sqlalchemy import delete, update
    from sqlalchemy.exc import DatabaseError

    service, ctx = built
    request = service.library_request(ctx["guanli"], "add", None, {"name": "家庭教育讲座场次"})
    service.library_decide(ctx["guanli2"], request["id"], True)
    code = service.library_decide(ctx["guanli3"], request["id"], True)["code"]
    approved = library_versions.c.code == code
    for statement in (
        update(library_versions).where(approved).values(fields="{}"),
        delete(library_versions).where(approved),
    ):
        with (
            pytest.raises(DatabaseError, match="已审定的指标库版本不能修改"),
            get_engine(service.url).begin() as conn,
        ):
            conn.execute(statement)
    draft = library_versions.c.status == "draft"
    with get_engine(service.url).begin() as conn:  # mined drafts are rewritten by each build
        assert conn.execute(update(library_versions).where(draft).values(request_id=None)).rowcount > 0
