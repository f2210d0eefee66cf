"""Formula injection: table text written into xlsx and CSV stays text, numbers stay numbers."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao.readers.text import read_text
from jixiao.writers.cell_text import csv_cell
from jixiao.writers.csv import write_csv
from jixiao.writers.xlsx import write_xlsx

FORMULAS = ('=HYPERLINK("http://example.invalid/","点击")', "=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", "\t=1")


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_text_is_neutralised_in_csv(text: str) -> None:
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("number", ["-5%", "-3", "+10", "-0.5", "1,000", "-1,200.50", "-.5"])
def test_numbers_keep_their_sign_in_csv(number: str) -> None:
    assert csv_cell(number) == number


def _seed_tables(seed_path: Path, text: str) -> list:  # type: ignore[type-arg]
    tables = read_text(seed_path.read_text(encoding="utf-8"), file=seed_path.name)[0][:2]
    first = tables[0]
    project = replace(first.project, name=text, type=text)
    indicator = replace(first.indicators[0], name=text)
    return [replace(first, project=project, indicators=(indicator, *first.indicators[1:])), tables[1]]


@pytest.mark.parametrize("text", FORMULAS[:3])
def test_xlsx_writes_table_text_as_text(seed_path: Path, tmp_path: Path, text: str) -> None:
    target = tmp_path / "out.xlsx"
    write_xlsx(_seed_tables(seed_path, text), target)
    workbook = load_workbook(target)
    cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row if c.value == text]
    assert cells, "the text was not written at all"
    assert all(c.data_type == "s" for c in cells), [(c.coordinate, c.data_type) for c in cells]
    # and nothing in the workbook is a formula
    assert not [c for s in workbook.worksheets for r in s.iter_rows() for c in r if c.data_type == "f"]


def test_csv_writer_neutralises_table_text(seed_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(write_csv(_seed_tables(seed_path, "=1+1")))))
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    assert "'=1+1" in rows[1]


def test_selfeval_template_keeps_its_own_formulas_and_writes_table_text_as_text(tmp_path: Path) -> None:
    from jixiao.evaluation.profiles import CENTRAL
    from jixiao.scoring.selfeval import evaluation_from_table
    from jixiao.writers.selfeval_xlsx import write_selfeval_xlsx
    from tests.scoring.worked_example import seed_project

    table = seed_project()
    hostile = replace(table, project=replace(table.project, name="=1+1"))
    path = tmp_path / "自评.xlsx"
    write_selfeval_xlsx(evaluation_from_table(hostile, CENTRAL), CENTRAL, path)
    sheet = load_workbook(path)["自评表"]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert [c.data_type for c in cells if c.value == "=1+1"] == ["s"]
    # the funds total row's sums are the template's own formulas and stay live
    assert any(c.data_type == "f" and str(c.value).startswith("=SUM(") for c in cells)
