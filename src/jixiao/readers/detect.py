"""Which reader a file needs, decided by its content (the file name only breaks a tie).

``read_any(path)`` is what commands and the import page call: text, workbooks (.xlsx, .xls,
.ods), PDFs and our own JSON all come back as ``(tables, diagnostics)``; a file of a kind we do
not read (a Word document, an image, an archive) gives one clear diagnostic.
"""

from __future__ import annotations

import io
import zipfile
from enum import StrEnum
from pathlib import Path

from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.readers.limits import DEFAULT_LIMITS, UploadLimits, check_bytes
from jixiao.readers.text import FILE_PROBLEM, decode, file_problem, read_text

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")


class Format(StrEnum):
    TEXT = "text"
    XLSX = "xlsx"  # any workbook calamine reads: xlsx, xlsm, xls, ods
    PDF = "pdf"
    JSON = "json"
    DOCX = "docx"
    IMAGE = "image"
    UNKNOWN = "unknown"


def detect_format(data: bytes, name: str | None = None) -> Format:
    """The format of a file's bytes: magic numbers first, then the inside of a zip, then text."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return Format.PDF
    if head.startswith(_CFB_MAGIC):
        return Format.XLSX  # a legacy .xls, or a password-protected .xlsx (the reader says which)
    if head.startswith(_ZIP_MAGIC):
        return _zip_format(data, name)
    if head.startswith(_IMAGE_MAGICS):
        return Format.IMAGE
    text = _decode_head(data)
    if text is None:
        return Format.UNKNOWN
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")) and "jixiao.table/" in text[:4096]:
        return Format.JSON
    return Format.TEXT


def _decode_head(data: bytes, size: int = 65536) -> str | None:
    """The text of the first ``size`` bytes; a cut through a multi-byte character is stepped back from."""
    if len(data) <= size:
        return decode(data)
    for end in range(size, size - 4, -1):
        text = decode(data[:end])
        if text is not None:
            return text
    return None


def _zip_format(data: bytes, name: str | None) -> Format:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        # A damaged zip: trust the name so the workbook reader can say it is damaged.
        suffix = Path(name or "").suffix.lower()
        return Format.XLSX if suffix in (".xlsx", ".xlsm", ".ods", "") else Format.UNKNOWN
    if "xl/workbook.xml" in names or ("content.xml" in names and "mimetype" in names):
        return Format.XLSX
    if "word/document.xml" in names:
        return Format.DOCX
    return Format.XLSX if Path(name or "").suffix.lower() in (".xlsx", ".xlsm") else Format.UNKNOWN


_UNSUPPORTED = {
    Format.DOCX: "Word 文档（.docx）暂不支持，请另存为 PDF 或 Excel 后导入",
    Format.IMAGE: "图片文件无法读取：本系统不支持 OCR 识别，请提供文字版 PDF、Excel 或文本",
    Format.UNKNOWN: "无法识别的文件格式（支持文本、Excel 工作簿、PDF 和 jixiao JSON）",
}


def read_bytes(
    data: bytes, file: str | None = None, limits: UploadLimits = DEFAULT_LIMITS
) -> tuple[list[Table], list[Diagnostic]]:
    """Read tables from a file's bytes (an upload), whatever the format; a file that would cost a
    parser more than ``limits`` allow (a zip or Flate bomb, too many cells or pages, JSON nested too
    deep) gives one diagnostic and is not parsed."""
    name = file or "<上传文件>"
    refused = check_bytes(data, name, limits)
    if refused is not None:
        return [], [refused]
    kind = detect_format(data, file)
    if kind is Format.PDF:
        from jixiao.readers.pdf import read_pdf_bytes

        return read_pdf_bytes(data, file)
    if kind is Format.XLSX:
        from jixiao.readers.xlsx import read_xlsx_bytes

        return read_xlsx_bytes(data, file)
    if kind is Format.JSON:
        return _read_json(data, name)
    if kind is Format.TEXT:
        text = decode(data)
        if text is not None:
            tables, diagnostics = read_text(text, file)
            if not tables and not diagnostics:
                message = "文件中没有找到项目绩效目标表"
                diagnostics = [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))]
            return tables, diagnostics
        kind = Format.UNKNOWN
    return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, _UNSUPPORTED[kind], SourceRef(name))]


def _read_json(data: bytes, name: str) -> tuple[list[Table], list[Diagnostic]]:
    from jixiao.formats.table_json_read import FormatError, loads_tables

    text = decode(data) or ""
    try:
        return loads_tables(text), []
    except FormatError as exc:
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, str(exc), SourceRef(name))]


def read_any(path: str | Path) -> tuple[list[Table], list[Diagnostic]]:
    """Read tables from a file of any supported format; never raises for a bad file."""
    p = Path(path)
    problem = file_problem(p)
    if problem is not None:
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, problem, SourceRef(str(path)))]
    try:
        data = p.read_bytes()
    except OSError as exc:
        message = f"无法读取文件：{exc.strerror}"
        return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(str(path)))]
    return read_bytes(data, str(path))
