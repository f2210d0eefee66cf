"""The PDF writer: official layout, embedded CJK font, page numbers, a title page for a set."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from jixiao.writers.pdf import render_html, write_pdf
from tests.seed import seed_tables


def _text_of(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_one_table_has_no_title_page_and_numbered_pages() -> None:
    buffer = io.BytesIO()
    write_pdf(seed_tables()[:1], buffer)
    pages = _text_of(buffer.getvalue())
    assert pages[0].splitlines()[0] == "项目绩效目标表"
    assert "购买社工岗位服务经费" in pages[0]
    assert "2,480,691.00" in pages[0]
    total = len(pages)
    assert all(f"第 {n} 页，共 {total} 页" in page for n, page in enumerate(pages, start=1))


def test_the_font_is_an_embedded_noto_cjk() -> None:
    buffer = io.BytesIO()
    write_pdf(seed_tables()[:1], buffer)
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
        fonts = {char["fontname"] for char in pdf.pages[0].chars}
        assert pdf.metadata["Creator"] == "jixiao"
    # Subset-embedded (``ABCDEF+`` prefix) Noto Sans CJK, regular and bold.
    assert fonts and all("+Noto-Sans-CJK-SC" in font for font in fonts)


def test_a_set_opens_with_a_title_page_listing_its_tables(tmp_path: Path) -> None:
    tables = seed_tables()
    out = tmp_path / "set.pdf"
    write_pdf(tables, out)
    pages = _text_of(out.read_bytes())
    cover = pages[0]
    assert "2025年项目绩效目标" in cover
    assert "东莞市妇女联合会" in cover
    assert "共 17 个项目" in cover
    assert all(t.project.name in cover for t in tables[:5])
    assert "第 1 页" not in cover  # the title page carries no page number
    assert sum(page.count("项目绩效目标表") for page in pages[1:]) == 17
    assert "项目绩效目标表" in pages[1]  # the list fits on the title page


def test_html_escapes_what_units_type() -> None:
    from dataclasses import replace

    table = seed_tables()[0]
    table = replace(table, project=replace(table.project, name="<script>alert(1)</script>项目"))
    html = render_html([table])
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pages_render_to_images(tmp_path: Path) -> None:
    pdf = tmp_path / "one.pdf"
    write_pdf(seed_tables()[:1], pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert images and all(image.stat().st_size > 5000 for image in images)
