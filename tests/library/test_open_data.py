"""The 指标库 as open data, out and back in: a file exported as JSON, CSV or xlsx reads back unchanged;
an edited file files requests (新增 / 修改 / 停用) that change nothing until both approvals; a file that
is not the library's open data is refused naming the file and row."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.library.open_data import EXPORT_HEADER
from jixiao.permissions import OPERATOR
from jixiao.service import Invalid, Service
from jixiao.workflow import Principal, Role
from tests.web.helpers import PASSWORD


@pytest.fixture
def service(sqlite_url: str, seed_path: Path) -> Service:
    service = Service(sqlite_url)
    assert service.import_path(seed_path, published=True).created == 17
    service.build_library(OPERATOR)
    return service


def _admin(service: Service, name: str) -> Principal:
    return Principal(service.add_user(name, PASSWORD, Role.ADMIN), name, Role.ADMIN)


def _csv(service: Service) -> list[list[str]]:
    data, _ = service.library_export("csv")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _write(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _approve(service: Service, request_ids: list[int]) -> None:
    department, finance = _admin(service, "bumen"), _admin(service, "caizheng")
    for request_id in request_ids:
        service.library_decide(department, request_id, True)
        service.library_decide(finance, request_id, True)


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_an_export_reads_back_unchanged(service: Service, fmt: str) -> None:
    data, _ = service.library_export(fmt)
    done = service.library_import(_admin(service, "guanli"), data, f"指标库.{fmt}")
    assert done["entries"] == service.library_list(status="draft")["total"] > 80
    assert done["unchanged"] == done["entries"]
    assert done["requests"] == {"add": [], "modify": [], "retire": []}


def test_an_edited_file_files_requests_that_change_nothing_until_approved(service: Service) -> None:
    rows = _csv(service)
    column = {name: i for i, name in enumerate(rows[0])}
    edited, retired = rows[1], rows[2]
    formula = "=实际完成数/计划数×100%"  # text that a spreadsheet would take for a formula
    edited[column["指标解释"]] = "'" + formula  # as the export protects it
    retired[column["状态"]] = "retired"
    added = list(rows[3])
    added[column["编号"]], added[column["指标名称"]] = "", "家庭教育讲座场次"
    upload = _write([rows[0], edited, retired, added])
    guanli = _admin(service, "guanli")

    done = service.library_import(guanli, upload, "修订.csv")
    filed = done["requests"]
    assert [len(filed[k]) for k in ("add", "modify", "retire")] == [1, 1, 1] and done["unchanged"] == 0
    before = service.library_entry(edited[column["编号"]])
    assert before["version"] == 1 and before["fields"]["explanation"] != formula  # not yet
    requests = {r["id"]: r for r in service.library_requests(guanli)}
    assert all(
        requests[i]["reason"].startswith("开放数据导入：修订.csv:") for ids in filed.values() for i in ids
    )

    _approve(service, [i for ids in filed.values() for i in ids])
    after = service.library_entry(edited[column["编号"]])
    assert (after["version"], after["status"], after["fields"]["explanation"]) == (2, "active", formula)
    assert service.library_entry(retired[column["编号"]])["status"] == "retired"
    assert service.library_list(q="家庭教育讲座场次", status="active")["total"] == 1
    again = service.library_import(guanli, service.library_export("csv")[0], "再导出.csv")
    assert again["requests"] == {"add": [], "modify": [], "retire": []}  # the formula text came back as text


def test_files_that_are_not_the_librarys_open_data_are_refused(service: Service) -> None:
    guanli = _admin(service, "guanli")
    with pytest.raises(Invalid, match=re.escape("乱码.csv：第 1 行不是指标库的表头")):
        service.library_import(guanli, _write([["甲", "乙"], ["1", "2"]]), "乱码.csv")
    rows = _csv(service)
    rows[1][list(EXPORT_HEADER).index("方向")] = "向上"
    with pytest.raises(Invalid, match=re.escape("方向.csv:2：方向“向上”无效")):
        service.library_import(guanli, _write(rows[:2]), "方向.csv")
    with pytest.raises(Invalid, match=re.escape("不是 jixiao.library-entries/1")):
        service.library_import(guanli, json.dumps({"entries": []}).encode(), "x.json")
    with pytest.raises(Invalid, match="格式无法识别"):
        service.library_import(guanli, b"", "x.txt")
    visitor = Principal(None, "", None)
    with pytest.raises(Exception, match="无权"):
        service.library_import(visitor, b"", "x.csv")
    assert service.library_requests(guanli) == []  # nothing filed by a refused file


def test_command_line_export_then_import(service: Service, tmp_path: Path) -> None:
    url = str(service.url)
    out = tmp_path / "指标库.xlsx"
    runner = CliRunner()
    assert runner.invoke(app, ["library", "export", "--db", url, "-o", str(out)]).exit_code == 0
    result = runner.invoke(app, ["library", "import", str(out), "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    done = json.loads(result.output)
    assert done["unchanged"] == done["entries"] > 80
    bad = runner.invoke(app, ["library", "import", str(tmp_path / "none.csv"), "--db", url])
    assert bad.exit_code != 0 and "文件不存在" in bad.output
