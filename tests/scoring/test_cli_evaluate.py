"""`jixiao evaluate-template` and `jixiao evaluate` end to end, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from openpyxl import load_workbook
from typer.testing import CliRunner

from jixiao.cli import app
from tests.scoring.worked_example import fill_template
from tests.seed import SEED_PATH

runner = CliRunner()


def make_template(tmp_path: Path, *extra: str) -> Path:
    path = tmp_path / "自评.xlsx"
    result = runner.invoke(
        app, ["evaluate-template", str(SEED_PATH), "--project", "白玉兰", "-o", str(path), *extra]
    )
    assert result.exit_code == 0, result.output
    return path


def test_template_needs_a_project_when_the_file_has_many_tables(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate-template", str(SEED_PATH), "-o", str(tmp_path / "t.xlsx")])
    assert result.exit_code == 2
    assert "--project" in result.output and "购买白玉兰家庭服务项目" in result.output
    assert not (tmp_path / "t.xlsx").exists()


def test_evaluate_prints_every_score_with_its_explanation(tmp_path: Path) -> None:
    path = make_template(tmp_path)
    fill_template(path)
    result = runner.invoke(app, ["evaluate", str(path), "--table", str(SEED_PATH)])
    assert result.exit_code == 0, result.output
    assert "7×52/57=6.39" in result.output
    assert "总分 = 预算执行得分9.80 + 指标得分80.52 = 90.32，等级“优”" in result.output


def test_evaluate_json_and_outputs(tmp_path: Path) -> None:
    path = make_template(tmp_path)
    fill_template(path)
    scored, report = tmp_path / "scored.xlsx", tmp_path / "报告.docx"
    args = ["evaluate", str(path), "--json", "-o", str(scored), "--report", str(report)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "jixiao.selfeval-result/1"
    assert (data["total"], data["grade"], data["budget"]["score"]) == ("90.32", "优", "9.80")
    assert [i["score"] for i in data["indicators"]][:4] == ["8.00", "7.00", "6.39", "7.00"]
    assert load_workbook(scored)["自评表"]["G6"].value == 9.8
    text = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert "总分90.32分，等级“优”" in text
    assert "2名社工年中离职" in text  # the unit's own reason, quoted
    assert "预算执行率98.00%" in text


def test_bad_input_is_named_by_cell_and_nothing_is_written(tmp_path: Path) -> None:
    path = make_template(tmp_path)
    fill_template(path)
    book = load_workbook(path)
    book["自评表"]["D7"] = "九十三万"
    book.save(path)
    scored = tmp_path / "scored.xlsx"
    result = runner.invoke(app, ["evaluate", str(path), "-o", str(scored)])
    assert result.exit_code == 1
    assert "自评.xlsx!自评表!D7" in result.output and "JX-U04" in result.output
    assert "Traceback" not in result.output
    assert not scored.exists()


def test_template_of_another_table_is_refused(tmp_path: Path) -> None:
    path = make_template(tmp_path)
    fill_template(path)
    other = tmp_path / "other.txt"
    other.write_text(
        SEED_PATH.read_text(encoding="utf-8").replace("购买白玉兰家庭服务项目", "别的项目"), "utf-8"
    )
    result = runner.invoke(app, ["evaluate", str(path), "--table", str(other)])
    assert result.exit_code == 1 and "JX-U02" in result.output


def test_profile_option_and_usage_errors(tmp_path: Path) -> None:
    path = make_template(tmp_path, "--profile", "sichuan")
    assert load_workbook(path)["自评表"]["A13"].value is not None
    assert runner.invoke(app, ["evaluate", str(tmp_path / "missing.xlsx")]).exit_code == 2
    bad = runner.invoke(app, ["evaluate", str(path), "--profile", "mars"])
    assert bad.exit_code == 2 and "未知的评分方案" in bad.output


def test_weights_not_adding_up_exit_one(tmp_path: Path) -> None:
    path = make_template(tmp_path)
    fill_template(path)
    book = load_workbook(path)
    book["自评表"]["F14"] = 20
    book.save(path)
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 1 and "JX-E09" in result.output


def test_a_template_given_as_the_table_file_is_a_usage_error(tmp_path: Path) -> None:
    path = make_template(tmp_path)
    result = runner.invoke(app, ["evaluate-template", str(path), "-o", str(tmp_path / "again.xlsx")])
    assert result.exit_code == 2 and "不是绩效目标表" in result.output


def test_template_from_an_exported_xlsx_table(tmp_path: Path) -> None:
    exported = tmp_path / "目标表.xlsx"
    assert runner.invoke(app, ["export", str(SEED_PATH), "-o", str(exported)]).exit_code == 0
    path = tmp_path / "自评.xlsx"
    result = runner.invoke(app, ["evaluate-template", str(exported), "--project", "白玉兰", "-o", str(path)])
    assert result.exit_code == 0, result.output
    fill_template(path)
    scored = runner.invoke(app, ["evaluate", str(path), "--json"])
    assert scored.exit_code == 0 and json.loads(scored.stdout)["total"] == "90.32"
