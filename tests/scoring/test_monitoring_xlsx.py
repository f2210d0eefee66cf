"""The 监控表 template and `jixiao monitor`: lights from a filled template, bad cells named."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.evaluation.monitoring import Light
from jixiao.readers.monitoring_xlsx import read_monitoring_xlsx
from jixiao.scoring.monitoring import monitor
from tests.scoring.worked_example import fill_monitoring_template, monitoring_snapshot
from tests.seed import SEED_PATH

runner = CliRunner()


def template(tmp_path: Path, *extra: str) -> Path:
    path = tmp_path / "监控.xlsx"
    args = ["monitor-template", str(SEED_PATH), "--project", "白玉兰", "-o", str(path), *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return path


def test_template_round_trip_gives_the_worked_example(tmp_path: Path) -> None:
    path = template(tmp_path)
    sheet = load_workbook(path)["监控表"]
    assert sheet["D5"].value == "1-7月执行数" and sheet["C6"].value == 95.4112
    fill_monitoring_template(path)
    upload = read_monitoring_xlsx(path)
    assert upload.snapshot is not None and not upload.has_errors, upload.diagnostics
    from_file = monitor(upload.snapshot)
    expected = monitor(monitoring_snapshot())
    assert from_file.funds == expected.funds
    assert [lp.progress for lp in from_file.lines] == [lp.progress for lp in expected.lines]
    assert from_file.funds.light is Light.YELLOW and from_file.light is Light.YELLOW


def test_monitor_command_json_and_output(tmp_path: Path) -> None:
    path = template(tmp_path)
    fill_monitoring_template(path)
    lit = tmp_path / "lit.xlsx"
    result = runner.invoke(app, ["monitor", str(path), "--json", "-o", str(lit), "--table", str(SEED_PATH)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "jixiao.monitoring-result/1" and data["months"] == 7
    assert data["funds"]["index"] == "72.05" and data["funds"]["light"] == "yellow"
    lights = {i["name"]: i["light"] for i in data["indicators"]}
    assert lights["个案服务指标数"] == "yellow" and lights["预算控制数"] == "green"
    sheet = load_workbook(lit)["监控表"]
    assert sheet["H6"].value == "黄灯" and "进度指数" in sheet["H6"].comment.text


def test_bad_cells_are_named_and_nothing_written(tmp_path: Path) -> None:
    path = template(tmp_path, "--months", "6")
    fill_monitoring_template(path)
    book = load_workbook(path)
    book["监控表"]["D6"] = "四十万"
    book["监控表"]["G11"] = "大概能"
    book.save(path)
    lit = tmp_path / "lit.xlsx"
    result = runner.invoke(app, ["monitor", str(path), "-o", str(lit)])
    assert result.exit_code == 1
    assert "监控.xlsx!监控表!D6" in result.output and "监控.xlsx!监控表!G11" in result.output
    assert not lit.exists()


def test_missing_reason_for_doubtful_indicator_is_an_error(tmp_path: Path) -> None:
    path = template(tmp_path)
    fill_monitoring_template(path)
    book = load_workbook(path)
    book["监控表"]["H11"] = None
    book.save(path)
    result = runner.invoke(app, ["monitor", str(path)])
    assert result.exit_code == 1 and "JX-J04" in result.output


def test_execution_above_budget_and_other_table(tmp_path: Path) -> None:
    path = template(tmp_path)
    fill_monitoring_template(path)
    other = tmp_path / "other.txt"
    other.write_text(
        SEED_PATH.read_text(encoding="utf-8").replace("购买白玉兰家庭服务项目", "别的项目"), "utf-8"
    )
    assert "JX-U02" in runner.invoke(app, ["monitor", str(path), "--table", str(other)]).output
    book = load_workbook(path)
    book["监控表"]["D6"] = 120
    book.save(path)
    assert ("JX-U06", "D6") in [(d.code, d.source.cell) for d in read_monitoring_xlsx(path).diagnostics]
