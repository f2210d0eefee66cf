"""PDFs in: our own PDFs back exactly; scans, prose and broken files get a clear message."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw
from weasyprint import HTML

from jixiao.model import Severity, Table
from jixiao.readers.pdf import NO_TEXT_MESSAGE, join_wrapped, read_pdf_bytes, read_pdf_path
from jixiao.writers.pdf import render_html, write_pdf
from tests.seed import seed_tables


def test_seed_round_trips_through_the_pdf(tmp_path: Path) -> None:
    seed = list(seed_tables())
    out = tmp_path / "seed.pdf"
    write_pdf(seed, out)
    back, diagnostics = read_pdf_path(out)
    assert diagnostics == []
    assert back == seed
    # Places are pages and rows on the page.
    assert str(back[0].indicators[0].source).startswith(f"{out} 第2页第")  # page 1 is the title page


def test_weights_round_trip_through_the_pdf() -> None:
    seed = seed_tables()[:2]
    half = Decimal("0.5")
    weighted = [
        replace(t, indicators=tuple(replace(i, weight=Decimal(n) + half) for n, i in enumerate(t.indicators)))
        for t in seed
    ]
    buffer = io.BytesIO()
    write_pdf(weighted, buffer)
    back, diagnostics = read_pdf_bytes(buffer.getvalue(), "w.pdf")
    assert diagnostics == []
    assert back == weighted


def test_a_pdf_from_another_program_without_rules_is_read_as_text() -> None:
    """No drawn cell borders: the page's text lines are cut into cells at wide gaps."""
    table = seed_tables()[2]
    html = render_html([table]).replace("border: 0.6pt solid #000;", "border: none;")
    data = HTML(string=html.replace('content="jixiao"', 'content="other"')).write_pdf()
    (back,), diagnostics = read_pdf_bytes(data, "plain.pdf")
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    assert back.project == table.project
    assert [i.name for i in back.indicators][:3] == [i.name for i in table.indicators][:3]


def test_wrapped_cells_join_without_losing_text() -> None:
    wrapped = "单人单月专业服务时长差异\n率小于等于0"
    assert join_wrapped(wrapped, exact=False) == "单人单月专业服务时长差异率小于等于0"
    assert join_wrapped("目标1:\u00a0支援有困难\n及危机的家庭", exact=True) == "目标1: 支援有困难及危机的家庭"
    assert join_wrapped("Performance\nindicators", exact=False) == "Performance indicators"


def _only_error(result: tuple[list[Table], list]) -> str:  # type: ignore[type-arg]
    tables, diagnostics = result
    assert tables == []
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert len(errors) == 1
    return str(errors[0].message)


def test_a_scanned_pdf_says_ocr_is_not_supported() -> None:
    image = Image.new("RGB", (1200, 850), "white")
    draw = ImageDraw.Draw(image)
    for y in range(100, 800, 40):  # ruled lines as a scanned table would show them
        draw.line((50, y, 1150, y), fill="black", width=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=100)
    assert _only_error(read_pdf_bytes(buffer.getvalue(), "scan.pdf")) == NO_TEXT_MESSAGE


def test_a_pdf_without_a_table_says_so() -> None:
    prose = "<h1>会议纪要</h1><p>本次会议研究了 2025 年度部门预算编制工作，要求各单位按时报送。</p>"
    data = HTML(string=f"<html><body style='font-family: Noto Sans CJK SC'>{prose}</body></html>").write_pdf()
    assert "没有找到项目绩效目标表" in _only_error(read_pdf_bytes(data, "minutes.pdf"))


def test_broken_and_foreign_files_give_a_clear_message(tmp_path: Path) -> None:
    good = io.BytesIO()
    write_pdf(seed_tables()[:1], good)
    truncated = good.getvalue()[:2000]
    assert "损坏" in _only_error(read_pdf_bytes(truncated, "cut.pdf"))
    assert "不是 PDF" in _only_error(read_pdf_bytes("项目名称\t某项目".encode(), "t.pdf"))
    assert "文件不存在" in _only_error(read_pdf_path(tmp_path / "missing.pdf"))
