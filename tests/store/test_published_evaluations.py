"""Published 自评表 stored and read back (issue 12 item 5), on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.permissions import OPERATOR
from jixiao.queries import TableQuery
from jixiao.service import Forbidden, Service
from jixiao.workflow import ANONYMOUS, Principal, Role
from tests.selfeval_samples import AGREES, SAMPLE


def _seed_table_id(service: Service) -> int:
    rows, _ = service.list_tables(OPERATOR, TableQuery(sort="name", descending=False, per_page=100))
    return int(next(row.id for row in rows if row.name == "购买社工岗位服务经费"))


def test_an_import_recognises_published_selfevaluations_and_stores_them_as_public(
    db_url: str, seed_path: Path
) -> None:
    service = Service(db_url)
    report = service.import_text(SAMPLE, "自评表.txt")
    assert report.ok and report.tables == [] and len(report.selfevaluation_ids) == 1
    assert report.created == 1
    again = service.import_text(SAMPLE, "自评表.txt")
    assert again.selfevaluation_ids == report.selfevaluation_ids and again.updated == 1
    service.import_text(AGREES, "另一份.txt")

    _rows, total = service.published_list()
    assert total == 2
    bad, count = service.published_list(inconsistent=True)
    assert count == 1 and bad[0]["project"] == "购买社工岗位服务经费"
    assert bad[0]["published_total"] == "100.00" and bad[0]["computed_total"] == "99.67"
    assert bad[0]["difference"] == "0.33" and bad[0]["inconsistent"]

    view = service.published_view(ANONYMOUS, report.selfevaluation_ids[0])
    assert [f["code"] for f in view.total["findings"]][:1] == ["JX-A01"]
    assert view.total["published"] == "100" and view.total["computed"] == "99.67"
    assert view.targets == []  # the target table is not stored yet: unlinked
    over = next(r for r in view.rows if r["name"] == "咨询服务数")
    assert [f["code"] for f in over["findings"]] == ["JX-A25"]  # 1500 of ≥1200 (1.25×), no reason
    assert "自评表.txt" in view.document["file"] and "/" not in view.document["file"]

    figures = service.published_dashboard()
    assert figures["total"] == 2 and figures["inconsistent"] == 1
    women = next(d for d in figures["full_marks_by_department"] if d["department"] == "东莞市妇女联合会")
    assert women == {"department": "东莞市妇女联合会", "total": 1, "full_marks": 1, "share": "100.0"}


def test_linked_to_the_target_table_of_the_same_project_unit_and_year_once_it_is_there(
    db_url: str, seed_path: Path
) -> None:
    service = Service(db_url)
    stored = service.import_text(SAMPLE, "自评表.txt").selfevaluation_ids[0]
    service.import_path(seed_path)  # drafts: a visitor sees no link, an administrator does
    table_id = _seed_table_id(service)
    assert service.published_view(ANONYMOUS, stored).targets == []
    assert [t["id"] for t in service.published_view(OPERATOR, stored).targets] == [table_id]
    beside = service.published_for_table(OPERATOR, table_id)
    assert [v.summary["id"] for v in beside] == [stored]


def test_only_administrators_store_published_selfevaluations(db_url: str) -> None:
    service = Service(db_url)
    filler = Principal(
        service.add_user("filler", "a-long-enough-password-1", Role.FILLER, "东莞市妇女联合会"),
        "filler",
        Role.FILLER,
        "东莞市妇女联合会",
    )
    with pytest.raises(Forbidden, match="管理员"):
        service.import_text(SAMPLE, "自评表.txt", who=filler)
    assert service.published_list()[1] == 0


def test_a_target_table_file_is_still_imported_as_target_tables(db_url: str, seed_path: Path) -> None:
    report = Service(db_url).import_path(seed_path)
    assert report.created == 17 and report.selfevaluations == []


def test_storing_is_written_to_the_audit_log(db_url: str) -> None:
    service = Service(db_url)
    stored = service.import_text(SAMPLE, "自评表.txt").selfevaluation_ids[0]
    rows = [r for r in service.audit_entries(OPERATOR) if r["entity"] == "published_evaluation"]
    assert [(r["action"], r["entity_id"]) for r in rows] == [("import", stored)]


def test_jixiao_import_tells_of_the_self_evaluations_it_stored(db_url: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from jixiao.cli import app

    (tmp_path / "自评表.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "另一份.txt").write_text(AGREES, encoding="utf-8")
    files = [str(tmp_path / "自评表.txt"), str(tmp_path / "另一份.txt")]
    result = CliRunner().invoke(app, ["import", *files, "--db", db_url, "-j", "1"])
    assert result.exit_code == 0, result.stdout
    assert "自评表.txt：已公开的自评表 1 份，其中自评结果不能自洽 1 份" in result.stdout
    assert "另一份.txt：已公开的自评表 1 份，其中自评结果不能自洽 0 份" in result.stdout
