"""`jixiao evaluation show|monitoring|load|load-monitoring` over a stored seed (SQLite)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.queries import TableQuery
from jixiao.service import Service
from jixiao.workflow import Principal, Role
from tests.web.evaluation.conftest import EXPECTED_TOTAL, PROJECT
from tests.web.evaluation.test_pages import _fill

ADMIN = Principal(user_id=None, username="", role=Role.ADMIN)


def _stored_seed(url: str, seed_path: Path) -> int:
    service = Service(url)
    assert service.import_path(seed_path).created == 17
    rows, _ = service.list_tables(ADMIN, TableQuery(q=PROJECT))
    return int(rows[0].id)


def test_load_a_filled_template_and_show_it(sqlite_url: str, seed_path: Path, tmp_path: Path) -> None:
    table_id = _stored_seed(sqlite_url, seed_path)
    runner = CliRunner()
    _, template = Service(sqlite_url).evaluation.template_xlsx(ADMIN, table_id)
    bad = tmp_path / "自评.xlsx"
    bad.write_bytes(_fill(template, executed=-3))
    refused = runner.invoke(app, ["evaluation", "load", str(table_id), str(bad), "--db", sqlite_url])
    assert refused.exit_code == 1
    assert "自评.xlsx!自评表!D" in refused.output and "不能为负数" in refused.output
    assert "未保存任何内容" in refused.output
    shown = runner.invoke(app, ["evaluation", "show", str(table_id), "--db", sqlite_url, "--json"])
    assert shown.exit_code == 0 and json.loads(shown.output)["stored"] is False

    good = tmp_path / "自评-好.xlsx"
    good.write_bytes(_fill(template))
    loaded = runner.invoke(app, ["evaluation", "load", str(table_id), str(good), "--db", sqlite_url])
    assert loaded.exit_code == 0, loaded.output
    assert f"= {EXPECTED_TOTAL}，等级“良”" in loaded.output
    shown = runner.invoke(app, ["evaluation", "show", str(table_id), "--db", sqlite_url])
    assert shown.exit_code == 0 and "得分 12×80/85=11.29" in shown.output
    body = json.loads(
        runner.invoke(app, ["evaluation", "show", str(table_id), "--db", sqlite_url, "--json"]).output
    )
    assert body["result"]["total"] == EXPECTED_TOTAL


def test_unknown_table_and_missing_file(sqlite_url: str, seed_path: Path, tmp_path: Path) -> None:
    _stored_seed(sqlite_url, seed_path)
    runner = CliRunner()
    missing = runner.invoke(app, ["evaluation", "show", "999", "--db", sqlite_url])
    assert missing.exit_code == 2 and "没有编号为 999 的表" in missing.output
    no_file = runner.invoke(app, ["evaluation", "load", "1", str(tmp_path / "无.xlsx"), "--db", sqlite_url])
    assert no_file.exit_code == 2 and "文件不存在" in no_file.output
    monitored = runner.invoke(app, ["evaluation", "monitoring", "1", "--db", sqlite_url])
    assert monitored.exit_code == 0 and "尚未保存" in monitored.output
