"""Legacy office files through LibreOffice headless: .doc, .wps, .rtf, .odt, .et and Excel 2003 XML read
like the .docx/.xlsx they convert to; a missing LibreOffice, a hung one, or one that writes nothing
each give a clear message.

The conversions need ``soffice`` (Debian ``libreoffice-writer-nogui`` and ``libreoffice-calc-nogui``);
they are skipped only where it is absent, and CI (``CI=true``) installs it, so there a missing one fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from jixiao.model import Table
from jixiao.readers import office
from jixiao.readers.detect import Format, detect_format, read_any, read_bytes
from jixiao.readers.docx import read_docx_bytes
from jixiao.readers.xlsx import read_xlsx_bytes

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "publishers"
DISCLOSURE = CORPUS / "guangdong-dongguan-bumenyusuan-2025" / "document.docx"
WORKBOOK = CORPUS / "hunan-ningxiang-batang-2021-2" / "document.xlsx"
OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# CI installs LibreOffice (.ci/run), so there a missing one fails instead of skipping.
without_office = pytest.mark.skipif(
    OFFICE is None and os.environ.get("CI") != "true", reason="libreoffice is not installed"
)


def _save_as(source: Path, out_dir: Path, target: str) -> Path:
    """What a unit does: open the file in an office program and save it in an older format."""
    assert OFFICE is not None, "LibreOffice is required in CI"
    profile = (out_dir / "profile").as_uri()
    command = [OFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target]
    subprocess.run(
        [*command, "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=180
    )
    converted = out_dir / f"{source.stem}.{target.split(':')[0]}"
    assert converted.stat().st_size > 0
    return converted


def _shape(tables: list[Table]) -> list[tuple[object, ...]]:
    return [
        (
            t.project.name,
            t.project.budget,
            tuple((i.level1, i.level2, i.name, i.annual.raw) for i in t.indicators),
        )
        for t in tables
    ]


@pytest.mark.libreoffice
@without_office
@pytest.mark.parametrize("target", ["doc", "rtf", "odt"])
def test_word_documents_of_older_formats_read_as_their_docx(tmp_path: Path, target: str) -> None:
    converted = _save_as(DISCLOSURE, tmp_path, target)
    assert detect_format(converted.read_bytes()) is Format.DOC
    expected = _shape(read_docx_bytes(DISCLOSURE.read_bytes())[0])
    assert len(expected) == 2
    assert _shape(read_any(converted)[0]) == expected
    if target == "doc":  # WPS 文字 saves the same container under .wps
        wps = converted.with_suffix(".wps")
        converted.rename(wps)
        assert _shape(read_any(wps)[0]) == expected


@pytest.mark.libreoffice
@without_office
def test_a_legacy_workbook_under_the_wps_name_reads_as_its_xlsx(tmp_path: Path) -> None:
    converted = _save_as(WORKBOOK, tmp_path, "xls:MS Excel 97")
    expected = _shape(read_xlsx_bytes(WORKBOOK.read_bytes())[0])
    assert len(expected) == 1
    et = converted.with_suffix(".et")  # WPS 表格 .et: the same BIFF container, read by calamine directly
    converted.rename(et)
    assert _shape(read_any(et)[0]) == expected


SPREADSHEET_ML = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Worksheet ss:Name="绩效目标"><Table>
{rows}
</Table></Worksheet></Workbook>
"""


@pytest.mark.libreoffice
@without_office
def test_an_excel_2003_xml_workbook_is_converted_and_read(tmp_path: Path) -> None:
    """What some budget systems export under an .xls name: SpreadsheetML, converted by LibreOffice."""
    grid = [
        ["项目名称", "街道路灯维护"],
        ["预算金额(元)", "96,000.00"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值"],
        ["", "产出指标", "数量指标", "维护路灯数量", "≥1200盏"],
        ["", "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%"],
    ]
    rows = "\n".join(
        "<Row>" + "".join(f'<Cell><Data ss:Type="String">{text}</Data></Cell>' for text in row) + "</Row>"
        for row in grid
    )
    path = tmp_path / "导出.xls"
    path.write_text(SPREADSHEET_ML.replace("{rows}", rows), encoding="utf-8")
    assert detect_format(path.read_bytes()) is Format.LEGACY_SHEET
    (table,) = read_any(path)[0]
    assert table.project.name == "街道路灯维护"
    assert [(i.name, i.annual.raw) for i in table.indicators] == [
        ("维护路灯数量", "≥1200盏"),
        ("居民满意度", "≥90%"),
    ]


def _fake_doc() -> bytes:
    """The smallest thing detection takes for a Word 97 file: a CFB header and a WordDocument entry."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    name = "WordDocument".encode("utf-16-le") + b"\x00\x00"
    entry = name + b"\x00" * (64 - len(name)) + len(name).to_bytes(2, "little") + b"\x02" + b"\x00" * 61
    return header + entry


def test_without_libreoffice_the_message_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "office_program", lambda: None)
    data = _fake_doc()
    assert detect_format(data) is Format.DOC
    tables, (problem,) = read_bytes(data, "旧表.doc")
    assert tables == [] and str(problem.source) == "旧表.doc"
    assert "LibreOffice" in problem.message and "另存为 .docx" in problem.message
    tables, (problem,) = read_bytes(b"{\\rtf1\\ansi hello}", "表.rtf")
    assert "LibreOffice" in problem.message


def _fake_office(tmp_path: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(0o755)
    monkeypatch.setattr(office, "office_program", lambda: str(program))


def test_a_hung_conversion_is_killed_at_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_office(tmp_path, "sleep 60 & sleep 60", monkeypatch)
    start = time.monotonic()
    with pytest.raises(office.ConversionFailed, match="超过 1 秒"):
        office.convert(_fake_doc(), "docx", ".doc", timeout=1)
    assert time.monotonic() - start < 15


def test_a_conversion_that_writes_nothing_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_office(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 0", monkeypatch)
    tables, (problem,) = read_bytes(_fake_doc(), "坏.doc")
    assert tables == [] and "无法转换" in problem.message and "could not be loaded" in problem.message
