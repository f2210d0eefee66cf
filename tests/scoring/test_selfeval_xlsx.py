"""The 自评表 template: download pre-filled, fill in Excel, upload back, scored; bad input named by cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao.evaluation.layouts import LAYOUTS
from jixiao.evaluation.profiles import CENTRAL, PROFILES, Profile
from jixiao.readers.selfeval_xlsx import read_selfeval_xlsx
from jixiao.scoring import evaluate
from jixiao.scoring.selfeval import evaluation_from_table, table_key
from jixiao.writers.selfeval_xlsx import write_selfeval_xlsx
from tests.scoring.worked_example import fill_template, seed_project
from tests.seed import seed_tables

D = Decimal


def template(tmp_path: Path, profile: Profile = CENTRAL) -> Path:
    path = tmp_path / "自评.xlsx"
    write_selfeval_xlsx(evaluation_from_table(seed_project(), profile), profile, path)
    return path


def set_cell(path: Path, cell: str, value: object) -> None:
    workbook = load_workbook(path)
    workbook["自评表"][cell] = value
    workbook.save(path)


def codes_at(path: Path, expected_key: str | None = None) -> list[tuple[str, str]]:
    upload = read_selfeval_xlsx(path, expected_key)
    return [(d.code, d.source.cell or "") for d in upload.diagnostics]


def test_template_is_prefilled_with_annual_targets_and_weights(tmp_path: Path) -> None:
    sheet = load_workbook(template(tmp_path))["自评表"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "一级指标")
    assert rows[header] == LAYOUTS[CENTRAL.layout].indicator_columns
    first = rows[header + 1]
    assert first[2:4] == ("预算控制数", "≤954100元") and first[5] == 8
    assert sum(r[5] for r in rows[header + 1 : header + 11]) == 90
    assert sheet["B7"].value == pytest.approx(95.4112)  # 954,112.00 元 in 万元


def test_filled_template_is_scored_like_the_worked_example(tmp_path: Path) -> None:
    path = template(tmp_path)
    fill_template(path)
    upload = read_selfeval_xlsx(path, table_key(seed_project()))
    assert upload.diagnostics == () and upload.evaluation is not None
    result = evaluate(upload.evaluation, PROFILES[upload.profile])
    assert result.budget.value == D("9.80")
    scores = {s.line.name: s.score.value for s in result.lines}
    assert scores["个案服务指标数"] == D("6.39") and scores["社工证持有率"] == D("6.13")
    assert result.indicators_score == D("80.52") and result.total == D("90.32") and result.grade == "优"
    assert not result.has_errors


@pytest.mark.parametrize("profile_name", sorted(PROFILES))
def test_every_layout_round_trips(tmp_path: Path, profile_name: str) -> None:
    profile = PROFILES[profile_name]
    path = template(tmp_path, profile)
    upload = read_selfeval_xlsx(path)
    assert upload.evaluation is not None and upload.profile == profile_name
    written = evaluation_from_table(seed_project(), profile)
    assert [(x.name, x.target, x.weight) for x in upload.evaluation.lines] == [
        (x.name, x.target, x.weight) for x in written.lines
    ]
    sheet = load_workbook(path)["自评表"]
    headers = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    assert LAYOUTS[profile.layout].indicator_columns in [
        h[: len(LAYOUTS[profile.layout].indicator_columns)] for h in headers
    ]


def test_text_in_a_number_cell_names_the_cell(tmp_path: Path) -> None:
    path = template(tmp_path)
    fill_template(path)
    set_cell(path, "D7", "九十三万")
    set_cell(path, "F15", "七")
    found = codes_at(path)
    assert ("JX-U04", "D7") in found and ("JX-U04", "F15") in found
    message = next(d.message for d in read_selfeval_xlsx(path).diagnostics if d.source.cell == "D7")
    assert "九十三万" in message and "应为数字" in message


def test_negative_amount_and_execution_above_budget(tmp_path: Path) -> None:
    path = template(tmp_path)
    fill_template(path)
    set_cell(path, "D8", -1)
    assert ("JX-U04", "D8") in codes_at(path)
    fill_template(path, executed=D("99"))
    assert ("JX-U06", "D7") in codes_at(path)


def test_weights_not_adding_up_are_an_error_of_the_evaluation(tmp_path: Path) -> None:
    path = template(tmp_path)
    fill_template(path)
    set_cell(path, "F14", 20)
    upload = read_selfeval_xlsx(path)
    assert upload.evaluation is not None and not upload.has_errors
    result = evaluate(upload.evaluation)
    assert "JX-E09" in result.codes() and result.has_errors


def test_template_of_another_table_is_refused(tmp_path: Path) -> None:
    path = template(tmp_path)
    fill_template(path)
    other = next(t for t in seed_tables() if t.project.name != seed_project().project.name)
    upload = read_selfeval_xlsx(path, table_key(other))
    assert upload.evaluation is None and [d.code for d in upload.diagnostics] == ["JX-U02"]
    assert "另一张绩效目标表" in upload.diagnostics[0].message


def test_changed_target_is_refused(tmp_path: Path) -> None:
    path = template(tmp_path)
    fill_template(path)
    set_cell(path, "D17", "1场")
    assert ("JX-U03", "D17") in codes_at(path)


def test_a_file_that_is_not_a_template(tmp_path: Path) -> None:
    junk = tmp_path / "x.xlsx"
    junk.write_bytes(b"not a zip")
    assert [c for c, _ in codes_at(junk)] == ["JX-U01"]
    from openpyxl import Workbook

    plain_book = tmp_path / "plain.xlsx"
    Workbook().save(plain_book)
    upload = read_selfeval_xlsx(plain_book)
    assert upload.evaluation is None and "不是jixiao自评表模板" in upload.diagnostics[0].message


def test_scored_workbook_has_scores_comments_and_explanations(tmp_path: Path) -> None:
    path = template(tmp_path)
    fill_template(path)
    upload = read_selfeval_xlsx(path)
    assert upload.evaluation is not None
    result = evaluate(upload.evaluation)
    scored = tmp_path / "scored.xlsx"
    write_selfeval_xlsx(upload.evaluation, CENTRAL, scored, result)
    book = load_workbook(scored)
    sheet = book["自评表"]
    assert sheet["G16"].value == pytest.approx(6.39)
    assert "7×52/57=6.39" in sheet["G16"].comment.text
    assert sheet["G6"].value == pytest.approx(9.8)
    footer = next(r for r in sheet.iter_rows() if r[0].value == "总分")
    assert footer[6].value == pytest.approx(90.32) and footer[7].value == "自评结论：优"
    explanations = [r[3] for r in book["评分说明"].iter_rows(values_only=True)]
    assert any("10×93.5/95.4112=9.80" in str(e) for e in explanations)
    # The scored workbook reads back to the same evaluation (a stored result can be re-scored).
    again = read_selfeval_xlsx(scored)
    assert again.evaluation is not None and evaluate(again.evaluation).total == result.total
