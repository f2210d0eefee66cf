"""Format detection by content, not by the file name."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from jixiao.formats.table_json import dumps_tables
from jixiao.model import Severity
from jixiao.readers.detect import Format, detect_format, read_any, read_bytes
from jixiao.writers.pdf import write_pdf
from jixiao.writers.xlsx import write_xlsx
from tests.seed import SEED_PATH, seed_tables


def _bytes_of(writer, tables) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    writer(tables, buffer)
    return buffer.getvalue()


def test_each_format_is_known_by_its_content_whatever_the_name(tmp_path: Path) -> None:
    tables = list(seed_tables()[:2])
    samples = {
        Format.XLSX: _bytes_of(write_xlsx, tables),
        Format.PDF: _bytes_of(write_pdf, tables),
        Format.JSON: dumps_tables(tables).encode(),
        Format.TEXT: SEED_PATH.read_bytes(),
    }
    for expected, data in samples.items():
        assert detect_format(data, "misleading.txt") is expected
        wrong_name = tmp_path / f"{expected.value}.dat"
        wrong_name.write_bytes(data)
        read, diagnostics = read_any(wrong_name)
        if expected is Format.TEXT:
            assert len(read) == 17
        else:
            assert read == tables, expected
        assert [d for d in diagnostics if d.severity is Severity.ERROR] == []


def test_unsupported_files_are_named_as_such() -> None:
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")  # a Word document with no body
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    for data, words in ((docx.getvalue(), "Word 文档"), (png, "OCR"), (b"\x00\x01\x02" * 100, "无法识别")):
        tables, (problem,) = read_bytes(data, "upload")
        assert tables == [] and words in problem.message


def test_a_large_text_cut_inside_a_character_is_still_text() -> None:
    from jixiao.readers.detect import Format, detect_format

    data = ("a" + "汉" * 40000).encode("utf-8")  # the 65,536th byte falls inside a character
    assert detect_format(data) is Format.TEXT
    json_data = ('[{"format": "jixiao.table/1", "x": "' + "汉" * 40000 + '"}]').encode("utf-8")
    assert detect_format(json_data) is Format.JSON
