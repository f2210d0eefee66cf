"""`jixiao parse` and `jixiao show` as a user runs them: exit codes and one-line messages."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from tests.seed import SEED_PATH, seed_text

runner = CliRunner()


def test_parse_prints_open_data_json() -> None:
    result = runner.invoke(app, ["parse", str(SEED_PATH)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 17 and sum(len(t["indicators"]) for t in data) == 136


def test_parse_reads_standard_input_and_writes_csv(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["parse", "-", "--format", "csv", "-o", str(out)], input=seed_text())
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8-sig").count("\n") == 137


def test_parse_text_format_reads_back(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(SEED_PATH), "--format", "text"])
    printed = tmp_path / "printed.txt"
    printed.write_text(result.stdout, encoding="utf-8")
    again = runner.invoke(app, ["parse", str(printed), "--json"])
    assert json.loads(again.stdout)[0]["project"]["name"] == "购买社工岗位服务经费"


def test_missing_file_is_a_usage_error_with_one_line() -> None:
    result = runner.invoke(app, ["parse", "no-such-file.txt"])
    assert result.exit_code == 2
    assert "no-such-file.txt: 错误：文件不存在" in result.output
    assert "Traceback" not in result.output


def test_binary_and_empty_files_exit_1_with_a_clear_message(tmp_path: Path) -> None:
    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    for path, message in ((binary, "无法识别的文件格式"), (empty, "文件是空的")):
        result = runner.invoke(app, ["parse", str(path)])
        assert result.exit_code == 1
        assert message in result.output and "Traceback" not in result.output


def test_gbk_input_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(seed_text().encode("gbk"))
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 17


def test_show_prints_trees_and_diagnostics_as_file_line(tmp_path: Path) -> None:
    damaged = tmp_path / "d.txt"
    damaged.write_text(seed_text().replace("≥4000人", "约4000人"), encoding="utf-8")
    result = runner.invoke(app, ["show", str(damaged)])
    assert result.exit_code == 0
    assert "购买社工岗位服务经费" in result.stdout and "咨询服务数(宗)" in result.stdout
    assert f"{damaged}:88: JX-R02 警告" in result.output


def test_show_json_and_summary() -> None:
    result = runner.invoke(app, ["show", str(SEED_PATH), "--json"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)["tables"]) == 17
    summary = runner.invoke(app, ["show", str(SEED_PATH), "--summary"])
    assert "共 17 个表格，136 个指标" in summary.output
