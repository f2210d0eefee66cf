"""Word documents: gridSpan/vMerge on the grid, tables in content controls and cells, a disclosure
document's target tables among its prose and funds tables, and broken or hostile files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.model import Diagnostic, Severity, Table
from jixiao.readers import docx as docx_reader
from jixiao.readers.detect import Format, detect_format, read_any, read_bytes
from jixiao.readers.docx import parse_tables, read_docx_bytes
from jixiao.readers.text import FILE_PROBLEM

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def tc(text: str = "", span: int = 1, merge: str | None = None) -> str:
    props = (f"<w:gridSpan w:val='{span}'/>" if span > 1 else "") + (
        "<w:vMerge/>" if merge == "continue" else "<w:vMerge w:val='restart'/>" if merge else ""
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"


def tr(*cells: str, before: int = 0) -> str:
    props = f"<w:trPr><w:gridBefore w:val='{before}'/></w:trPr>" if before else ""
    return f"<w:tr>{props}{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


def docx(body: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


TARGET = tbl(
    tr(tc("项目名称"), tc("河道保洁服务", span=4)),
    tr(tc("主管部门"), tc("示范区水务局", span=4)),
    tr(tc("预算金额(元)"), tc("380,000.00", span=4)),
    tr(tc("绩效指标", merge="restart"), tc("一级指标"), tc("二级指标"), tc("三级指标"), tc("年度指标值")),
    tr(
        tc(merge="continue"),
        tc("产出指标", merge="restart"),
        tc("数量指标"),
        tc("保洁河道长度"),
        tc("≥42公里"),
    ),
    tr(tc(merge="continue"), tc(merge="continue"), tc("质量指标"), tc("水面漂浮物清除率"), tc("≥95%")),
    tr(tc(merge="continue"), tc("满意度指标"), tc("服务对象满意度指标"), tc("沿岸居民满意度"), tc("≥90%")),
)


def _ok(tables: list[Table], diagnostics: list[Diagnostic]) -> list[Table]:
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    return tables


def test_grid_span_and_vertical_merges_are_laid_out_on_the_grid() -> None:
    (table,) = _ok(*read_docx_bytes(docx(TARGET), "a.docx"))
    assert (table.project.name, table.project.department, table.project.budget) == (
        "河道保洁服务",
        "示范区水务局",
        380000,
    )
    assert [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators] == [
        ("产出指标", "数量指标", "保洁河道长度", "≥42公里"),
        ("产出指标", "质量指标", "水面漂浮物清除率", "≥95%"),
        ("满意度指标", "服务对象满意度指标", "沿岸居民满意度", "≥90%"),
    ]
    assert str(table.indicators[1].source) == "a.docx!表1!C6"


def test_grid_before_leaves_empty_places_and_content_controls_are_looked_into() -> None:
    body = (
        "<w:sdt><w:sdtContent>" + tbl(tr(tc("a"), tc("b")), tr(tc("c"), before=1)) + "</w:sdtContent></w:sdt>"
    )
    (table,) = parse_tables(docx(body).split(b"PK")[0] or _xml(body))
    assert [[c.text for c in row] for row in table.rows] == [["a", "b"], ["", "c"]]


def _xml(body: str) -> bytes:
    return f"<w:document {NS}><w:body>{body}</w:body></w:document>".encode()


def test_a_table_nested_in_a_cell_is_read_as_a_table_of_its_own() -> None:
    outer = tbl(tr(f"<w:tc>{p('封面')}{TARGET}{p('')}</w:tc>"))
    (table,) = _ok(*read_docx_bytes(docx(outer)))
    assert len(table.indicators) == 3


def test_line_breaks_tabs_and_tracked_changes() -> None:
    run = (
        "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs></w:pPr>"
        "<w:r><w:t>目标1</w:t><w:br/><w:t>目标2</w:t><w:tab/><w:t>完</w:t></w:r>"
        "<w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins><w:r><w:t>加</w:t></w:r></w:ins></w:p>"
    )
    (table,) = parse_tables(_xml(tbl(tr(f"<w:tc>{run}</w:tc>"))))
    assert table.rows[0][0].text == "目标1\n目标2 完加"


def test_a_disclosure_document_yields_its_target_tables_and_skips_funds(tmp_path: Path) -> None:
    funds = tbl(tr(tc("项目名称"), tc("预算金额（元）")), tr(tc("河道保洁服务"), tc("380,000.00")))
    second = TARGET.replace("河道保洁服务", "绿地养护").replace("380,000.00", "120,000.00")
    body = p("2025年部门预算公开说明") + p("一、部门职责……" * 20) + funds
    body += p("项目绩效目标表") + TARGET + p("项目绩效目标表") + second + p("四、名词解释")
    path = tmp_path / "公开.docx"
    path.write_bytes(docx(body))
    assert detect_format(path.read_bytes()) is Format.DOCX
    tables = _ok(*read_any(path))
    assert [t.project.name for t in tables] == ["河道保洁服务", "绿地养护"]
    assert [t.project.budget for t in tables] == [380000, 120000]


def test_a_document_without_target_tables_says_so() -> None:
    tables, (problem,) = read_docx_bytes(docx(p("只有文字")), "prose.docx")
    assert tables == [] and problem.code == FILE_PROBLEM
    assert "Word 文档中没有找到项目绩效目标表" in problem.message and str(problem.source) == "prose.docx"


def test_damaged_and_disguised_files_give_one_chinese_diagnostic() -> None:
    good = docx(TARGET)
    for data in (good[: len(good) // 2], b"PK\x03\x04" + b"\x00" * 100):
        tables, (problem,) = read_docx_bytes(data, "bad.docx")
        assert tables == [] and "Word 文档" in problem.message
    broken = docx(TARGET.replace("</w:tbl>", "</w:tb>"))
    tables, (problem,) = read_docx_bytes(broken, "broken.docx")
    assert "损坏" in problem.message


def test_entities_are_not_expanded() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        f"<w:document {NS}><w:body>" + tbl(tr(tc("&d;&d;&d;&d;"))) + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", bomb)
    tables, diagnostics = read_docx_bytes(buffer.getvalue())
    assert tables == [] and len(diagnostics) == 1


def _bomb(megabytes: int) -> bytes:
    """A package whose document.xml is ``megabytes`` MB of spaces: small on disk."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package,
        package.open("word/document.xml", "w", force_zip64=True) as part,
    ):
        chunk = b" " * (1 << 20)
        for _ in range(megabytes):
            part.write(chunk)
    return buffer.getvalue()


def test_a_huge_document_is_refused_without_inflating_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A zip bomb and a table of too many cells are refused; the limits are lowered so the test is
    quick. The work is counted, not timed: the bytes inflated and the cells' text read stay within
    the limits however large the document."""
    monkeypatch.setattr(docx_reader, "MAX_XML_BYTES", 4 << 20)
    monkeypatch.setattr(docx_reader, "MAX_CELLS", 20_000)
    inflated: list[int] = []
    real_read = zipfile.ZipExtFile.read

    def counting_read(part: zipfile.ZipExtFile, n: int | None = -1) -> bytes:
        data = real_read(part, n)
        inflated.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)
    for megabytes in (6, 12, 24):
        data = _bomb(megabytes)
        assert len(data) < 1 << 20  # a zip bomb: small on disk
        inflated.clear()
        tables, (problem,) = read_bytes(data, "bomb.docx")
        assert tables == [] and "过大" in problem.message
        assert sum(inflated) <= docx_reader.MAX_XML_BYTES + 1
    cells_read: list[object] = []

    def counting_text(paragraph: object) -> str:
        cells_read.append(paragraph)
        return real_text(paragraph)

    real_text = docx_reader.paragraph_text
    monkeypatch.setattr(docx_reader, "paragraph_text", counting_text)
    for rows in (201, 402):
        cells_read.clear()
        many = tbl(*(tr(*(tc("格") for _ in range(100))) for _ in range(rows)))
        tables, (problem,) = read_docx_bytes(docx(many), "many.docx")
        assert len(cells_read) <= 20_000  # the lowered MAX_CELLS
        assert tables == [] and "单元格超过" in problem.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_as_a_docx_never_raise(data: bytes) -> None:
    tables, diagnostics = read_docx_bytes(data)
    assert tables == [] and len(diagnostics) == 1
    read_bytes(b"PK\x03\x04" + data, "x.docx")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10_000), st.binary(min_size=1, max_size=64))
def test_a_docx_with_damaged_bytes_never_raises(at: int, junk: bytes) -> None:
    good = docx(TARGET)
    at %= len(good)
    tables, diagnostics = read_bytes(good[:at] + junk + good[at + len(junk) :], "x.docx")
    assert isinstance(tables, list) and isinstance(diagnostics, list)


_XML_PIECES = st.sampled_from(
    ["<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", p("项目名称"), p("一级指标"),
     p("产出指标"), tc("x", span=3), tc(merge="continue"), "<w:gridSpan w:val='-5'/>",
     "<w:gridSpan w:val='x'/>", "<w:p>", "</w:p>", "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>",
     "&amp;", "<"]
)  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_XML_PIECES, max_size=40))
def test_arbitrary_document_xml_never_raises(pieces: list[str]) -> None:
    tables, diagnostics = read_docx_bytes(docx("".join(pieces)))
    assert isinstance(tables, list) and isinstance(diagnostics, list)
