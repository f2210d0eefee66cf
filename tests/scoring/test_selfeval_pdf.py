"""The scored 自评表 as PDF: the layout's columns, the scores and their explanations, read back."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from jixiao.evaluation.layouts import LAYOUTS
from jixiao.evaluation.profiles import PROFILES
from jixiao.scoring import evaluate
from jixiao.writers.selfeval_pdf import render_selfeval_html, write_selfeval_pdf
from tests.scoring.worked_example import scored_example


def test_pdf_reads_back_with_total_grade_and_explanations(tmp_path: Path) -> None:
    evaluation, result = scored_example(tmp_path)
    path = tmp_path / "自评表.pdf"
    write_selfeval_pdf(evaluation, PROFILES["central"], result, path)
    with pdfplumber.open(path) as pdf:
        text = "".join((page.extract_text() or "") for page in pdf.pages).replace(" ", "")
    assert "项目支出绩效自评表（2025年度）" in text
    assert "90.32" in text and "自评结论：优" in text
    assert "7×52/57=6.39" in text and "10×93.5/95.4112=9.80" in text


@pytest.mark.parametrize("name", ["central", "sichuan", "hubei-2020"])
def test_html_has_exactly_the_layout_columns(tmp_path: Path, name: str) -> None:
    profile = PROFILES[name]
    evaluation, _ = scored_example(tmp_path)
    html = render_selfeval_html(evaluation, profile, evaluate(evaluation, profile))
    layout = LAYOUTS[profile.layout]
    headers = "".join(f"<th>{h}</th>" for h in layout.indicator_columns)
    assert headers in html
    assert "".join(f"<th>{h}</th>" for h in layout.funds_columns) in html
