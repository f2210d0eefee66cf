"""`jixiao export`: any readable file to xlsx/pdf/json/csv; exit codes; nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.readers.detect import read_any
from tests.seed import SEED_PATH, seed_tables

runner = CliRunner()


def test_text_to_xlsx_to_pdf_to_json_keeps_every_table(tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "seed.xlsx", tmp_path / "seed.pdf"
    first = runner.invoke(app, ["export", str(SEED_PATH), "-o", str(xlsx)])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["export", str(xlsx), "-o", str(pdf), "--json"])
    assert second.exit_code == 0, second.output
    summary = json.loads(second.stdout)
    assert (summary["tables"], summary["indicators"], summary["diagnostics"]) == (17, 136, [])
    third = runner.invoke(app, ["export", str(pdf), "--format", "json"])
    assert third.exit_code == 0
    data = json.loads(third.stdout)
    assert len(data) == 17 and data[0]["project"]["budget"] == "2480691.00"
    tables, diagnostics = read_any(pdf)
    assert diagnostics == [] and tables == list(seed_tables())


def test_csv_goes_to_a_file_with_a_bom_for_excel(tmp_path: Path) -> None:
    out = tmp_path / "seed.csv"
    result = runner.invoke(app, ["export", str(SEED_PATH), "-o", str(out)])
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert len(raw.decode("utf-8-sig").splitlines()) == 1 + 136


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["export", str(SEED_PATH), "-f", "xlsx"]).exit_code == 2  # binary to stdout
    assert runner.invoke(app, ["export", str(SEED_PATH), "-o", str(tmp_path / "x.doc")]).exit_code == 2
    missing = runner.invoke(app, ["export", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.pdf")])
    assert missing.exit_code == 2 and "文件不存在" in missing.output


def test_nothing_readable_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("会议纪要：研究预算编制。\n", encoding="utf-8")
    target = tmp_path / "out.xlsx"
    result = runner.invoke(app, ["export", str(notes), "-o", str(target), "--json"])
    assert result.exit_code == 1
    assert not target.exists()
    assert "Traceback" not in result.output
    summary = json.loads(result.stdout)
    assert summary["tables"] == 0 and summary["diagnostics"][0]["code"] == "JX-R00"
    assert list(tmp_path.iterdir()) == [notes]  # no temporary file left behind
