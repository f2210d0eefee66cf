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


def test_a_units_set_exported_from_the_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'j.sqlite'}"
    imported = runner.invoke(app, ["import", str(SEED_PATH), "--db", url, "--published", "--json"])
    assert imported.exit_code == 0, imported.output
    out = tmp_path / "set.pdf"
    result = runner.invoke(
        app, ["export", "--db", url, "--unit", "东莞市妇女联合会", "--year", "2025", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    tables, diagnostics = read_any(out)
    assert diagnostics == []
    by_name = {t.project.name: t for t in tables}
    assert len(tables) == 17 and all(by_name[t.project.name] == t for t in seed_tables())
    assert [t.project.name for t in tables] == sorted(by_name)  # a set is listed by project name
    none = runner.invoke(app, ["export", "--db", url, "--year", "2024", "-o", str(tmp_path / "none.pdf")])
    assert none.exit_code == 1 and not (tmp_path / "none.pdf").exists()
    both = runner.invoke(app, ["export", str(SEED_PATH), "--db", url, "-o", str(tmp_path / "x.pdf")])
    assert both.exit_code == 2


def test_stored_tables_export_as_the_web_download_does(tmp_path: Path) -> None:
    """`export --db` JSON/CSV is the open data of stored tables: the list download's objects (with
    id and status) and its CSV columns, not the file-reading CSV with source files and lines."""
    url = f"sqlite:///{tmp_path / 'j.sqlite'}"
    assert runner.invoke(app, ["import", str(SEED_PATH), "--db", url, "--published"]).exit_code == 0
    as_json = runner.invoke(app, ["export", "--db", url, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    items = json.loads(as_json.stdout)
    assert len(items) == 17 and {item["status"] for item in items} == {"published"}
    assert all(isinstance(item["id"], int) and item["project"]["name"] for item in items)
    out = tmp_path / "set.csv"
    as_csv = runner.invoke(app, ["export", "--db", url, "--year", "2025", "-o", str(out)])
    assert as_csv.exit_code == 0, as_csv.output
    header = out.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header[:3] == ["表编号", "项目名称", "项目类型"] and "file" not in header
    none = runner.invoke(app, ["export", "--db", url, "--year", "1999", "-o", str(tmp_path / "none.csv")])
    assert none.exit_code != 0 and not (tmp_path / "none.csv").exists()
