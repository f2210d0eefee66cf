"""Which reader a file needs, decided by its content (the file name only breaks a tie).

``read_any(path)`` is what commands and the import page call: text, workbooks (.xlsx, .xls,
.ods), PDFs, HTML pages, Word documents (.docx), our own JSON, and — converted by LibreOffice
(`office`) — legacy .doc/.wps/.rtf/.odt and WPS .et or Excel 2003 XML workbooks, all come back as
``(tables, diagnostics)``; a file of a kind we do not read (an image, an archive) gives one clear
diagnostic.
"""

from __future__ import annotations

import io
import zipfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.readers.detect_parsed import Unreadable
from jixiao.readers.limits import DEFAULT_LIMITS, UploadLimits, check_bytes
from jixiao.readers.merged import read_span_tables
from jixiao.readers.text import FILE_PROBLEM, TextCut, decode, file_problem, read_text

if TYPE_CHECKING:
    from jixiao.readers.docx import WordDocument
    from jixiao.readers.html import HtmlPage
    from jixiao.readers.pdf import ParsedPdf
    from jixiao.readers.xlsx import ParsedWorkbook

    # what a format's reader parsed of a file, for every reader of it (`readers.detect_parsed`)
    ParsedBinary: TypeAlias = ParsedWorkbook | ParsedPdf | WordDocument | HtmlPage
    Parsed: TypeAlias = TextCut | ParsedBinary

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
# Stream names in a CFB container's directory (UTF-16): a Word or WPS 文字 document, not a workbook.
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
_RTF_MAGIC = b"{\\rtf"
_XML_SHEET = "urn:schemas-microsoft-com:office:spreadsheet"
_XML_WORD = "schemas.microsoft.com/office/word/2003/wordml"


class Format(StrEnum):
    """The file formats a reader exists for, as detected from the bytes and the name."""

    TEXT = "text"
    XLSX = "xlsx"  # any workbook calamine reads: xlsx, xlsm, xls, ods
    PDF = "pdf"
    JSON = "json"
    DOCX = "docx"
    HTML = "html"
    DOC = "doc"  # .doc, .wps, .rtf, .odt, Word 2003 XML: LibreOffice converts it to .docx
    LEGACY_SHEET = "legacy-sheet"  # WPS .et, Excel 2003 XML, a .xls calamine cannot open: → .xlsx
    IMAGE = "image"
    UNKNOWN = "unknown"


def detect_format(data: bytes, name: str | None = None) -> Format:
    """The format of a file's bytes: magic numbers first, then the inside of a zip, then text."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return Format.PDF
    if head.startswith(_CFB_MAGIC):
        return _cfb_format(data)
    if head.startswith(_ZIP_MAGIC):
        return _zip_format(data, name)
    if head.startswith(_IMAGE_MAGICS):
        return Format.IMAGE
    if head.lstrip().startswith(_RTF_MAGIC):
        return Format.DOC
    text = _decode_head(data)
    if text is None:
        return Format.UNKNOWN
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")) and "jixiao.table/" in text[:4096]:
        return Format.JSON
    if stripped.startswith("<?xml") and _XML_SHEET in text[:4096]:
        return Format.LEGACY_SHEET
    if stripped.startswith("<?xml") and _XML_WORD in text[:4096]:
        return Format.DOC
    from jixiao.readers.html import looks_like_html

    if looks_like_html(text):
        return Format.HTML
    return Format.TEXT


def _cfb_format(data: bytes) -> Format:
    """A CFB (OLE2) container: a Word/WPS 文字 document, or a workbook (.xls, WPS .et, encrypted .xlsx)."""
    from jixiao.readers.xlsx import is_encrypted_office_file

    if is_encrypted_office_file(data[: 1 << 20]):
        return Format.XLSX  # the workbook reader says it is password-protected
    if _has_stream(data, _WORD_STREAM) and not any(_has_stream(data, s) for s in _WORKBOOK_STREAMS):
        return Format.DOC
    return Format.XLSX


def _has_stream(data: bytes, name: bytes) -> bool:
    """True when a CFB directory entry (128 bytes, after the 512-byte header) holds that stream name."""
    entry = name + b"\x00\x00"
    at = data.find(entry)
    while at != -1:
        length = int.from_bytes(data[at + 64 : at + 66], "little") if at + 66 <= len(data) else 0
        if at >= 512 and (at - 512) % 128 == 0 and length == len(entry):
            return True
        at = data.find(entry, at + 1)
    return False


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
    except Exception:  # BadZipFile, NotImplementedError (an unknown zip version), OSError…: damaged
        # A damaged zip: trust the name so the workbook reader can say it is damaged.
        suffix = Path(name or "").suffix.lower()
        return Format.XLSX if suffix in (".xlsx", ".xlsm", ".ods", "") else Format.UNKNOWN
    if "content.xml" in names and "mimetype" in names:
        return _opendocument_format(data)
    if "xl/workbook.xml" in names:
        return Format.XLSX
    if "word/document.xml" in names:
        return Format.DOCX
    return Format.XLSX if Path(name or "").suffix.lower() in (".xlsx", ".xlsm") else Format.UNKNOWN


def _opendocument_format(data: bytes) -> Format:
    """An OpenDocument package: a spreadsheet (.ods, read by calamine) or a text (.odt, converted)."""
    try:
        mimetype = zipfile.ZipFile(io.BytesIO(data)).read("mimetype")[:100]
    except Exception:  # damaged: the workbook reader says so
        return Format.XLSX
    return Format.DOC if b"opendocument.text" in mimetype else Format.XLSX


_CONVERTED = {
    # format → (what the file is called in messages, what LibreOffice makes of it, the suffix it gets)
    Format.DOC: ("Word 97-2003/WPS 文字文档（.doc/.wps/.rtf/.odt）", "docx", None),
    Format.LEGACY_SHEET: ("WPS 表格或 Excel 2003 XML 工作簿（.et/.xml）", "xlsx", ".xml"),
}

_UNSUPPORTED = {
    Format.IMAGE: "图片文件无法读取：本系统不支持 OCR 识别，请提供文字版 PDF、Excel 或文本",
    Format.UNKNOWN: "无法识别的文件格式（支持文本、网页、Word、Excel 工作簿、PDF 和 jixiao JSON）",
}


def read_bytes(
    data: bytes, file: str | None = None, limits: UploadLimits = DEFAULT_LIMITS
) -> tuple[list[Table], list[Diagnostic]]:
    """Read tables from a file's bytes (an upload), whatever the format; a file that would cost a
    parser more than ``limits`` allow (a zip or Flate bomb, too many cells or pages, JSON nested too
    deep) gives one diagnostic and is not parsed."""
    tables, diagnostics, parsed = _read_bytes(data, file, limits, keep_rows=False)
    close_parsed(parsed)
    return tables, diagnostics


def read_bytes_keeping_parsed(
    data: bytes, file: str | None = None, limits: UploadLimits = DEFAULT_LIMITS
) -> tuple[list[Table], list[Diagnostic], Parsed | None]:
    """`read_bytes`, and what the format's reader parsed (`readers.detect_parsed`: a text's rows as
    cut, a workbook's sheets, a PDF's pages, a Word document's or a page's tables), so that another
    reader of the same file (the self-evaluation check) need not parse it again; None for a file
    refused, not parsed, or read otherwise (JSON, a converted legacy document). The caller closes it
    (`close_parsed`)."""
    return _read_bytes(data, file, limits, keep_rows=True)


def _read_bytes(
    data: bytes, file: str | None, limits: UploadLimits, keep_rows: bool
) -> tuple[list[Table], list[Diagnostic], Parsed | None]:
    name = file or "<上传文件>"
    refused = check_bytes(data, name, limits)
    if refused is not None:
        return [], [refused], None
    kind = detect_format(data, file)
    if kind is Format.TEXT:
        text = decode(data)
        if text is not None:
            cut = TextCut(text, file) if keep_rows else None
            tables, diagnostics = read_text(text, file, cut)
            if not tables and not diagnostics:
                message = "文件中没有找到项目绩效目标表"
                diagnostics = [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))]
            return tables, diagnostics, cut
        kind = Format.UNKNOWN
    if kind in PARSED_ONCE:
        return _read_parsed(data, file, kind)
    tables, diagnostics = _read_by_format(data, file, kind)
    return tables, diagnostics, None


PARSED_ONCE = (Format.PDF, Format.XLSX, Format.DOCX, Format.HTML)  # those `open_parsed` opens


def open_parsed(data: bytes, file: str | None, kind: Format) -> ParsedBinary:
    """A workbook, PDF, Word document or HTML page (``kind``, told by `detect_format`) opened and
    parsed by its format's reader; `Unreadable` saying why it cannot be."""
    from jixiao.readers import docx, html, pdf, xlsx

    if kind is Format.PDF:
        return pdf.open_pdf(data, file)
    if kind is Format.XLSX:
        return xlsx.open_workbook(data)
    if kind is Format.DOCX:
        return docx.open_document(data)
    if kind is Format.HTML:
        return html.open_page(data)
    raise ValueError(f"no parsed form for {kind}")


def close_parsed(parsed: Parsed | None) -> None:
    """Let go of what a parsed file still holds open (a PDF's document); nothing for the others."""
    from jixiao.readers.pdf import ParsedPdf

    if isinstance(parsed, ParsedPdf):
        parsed.close()


def _read_parsed(
    data: bytes, file: str | None, kind: Format
) -> tuple[list[Table], list[Diagnostic], Parsed | None]:
    """A workbook, PDF, Word document or HTML page parsed once by its format's reader and read from
    that; a file the reader cannot open gives its one diagnostic (a legacy workbook is converted)."""
    from jixiao.readers.docx import WordDocument
    from jixiao.readers.pdf import ParsedPdf, read_parsed_pdf
    from jixiao.readers.xlsx import ParsedWorkbook, read_parsed_workbook

    try:
        parsed = open_parsed(data, file, kind)
    except Unreadable as exc:
        refused = Diagnostic(FILE_PROBLEM, Severity.ERROR, str(exc), SourceRef(file or "<上传文件>"))
        return (
            (*_legacy_workbook(data, file, refused), None) if kind is Format.XLSX else ([], [refused], None)
        )
    if isinstance(parsed, ParsedPdf):
        return (*read_parsed_pdf(parsed, file), parsed)
    if isinstance(parsed, ParsedWorkbook):
        return (*read_parsed_workbook(parsed, file), parsed)
    what = "Word 文档" if isinstance(parsed, WordDocument) else "网页"
    return (*read_span_tables(parsed.tables, file, what), parsed)


def _read_by_format(data: bytes, file: str | None, kind: Format) -> tuple[list[Table], list[Diagnostic]]:
    """A file other than text, a workbook, a PDF, a Word document or a page, by its reader; one
    diagnostic for a kind no reader reads."""
    name = file or "<上传文件>"
    if kind in _CONVERTED:
        from jixiao.readers.office import read_converted

        what, target, suffix = _CONVERTED[kind]
        if kind is Format.DOC and data.startswith(_CFB_MAGIC):
            suffix = ".doc"
        elif kind is Format.DOC and data.startswith(_ZIP_MAGIC):
            suffix = ".odt"
        elif kind is Format.DOC:
            suffix = ".rtf" if data.lstrip().startswith(_RTF_MAGIC) else ".xml"
        return read_converted(data, file, what, target, suffix)
    if kind is Format.JSON:
        return _read_json(data, name)
    return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, _UNSUPPORTED[kind], SourceRef(name))]


def _legacy_workbook(
    data: bytes, file: str | None, refused: Diagnostic
) -> tuple[list[Table], list[Diagnostic]]:
    """A workbook calamine cannot open: a legacy one (a WPS .et) through LibreOffice when it is
    installed, else the reason it could not be opened."""
    if data.startswith(_CFB_MAGIC) and refused.message.startswith("无法打开工作簿"):  # not a password
        from jixiao.readers.office import office_program, read_converted

        if office_program() is not None:
            converted = read_converted(data, file, "旧版工作簿（.xls/.et）", "xlsx", ".xls")
            if converted[0]:
                return converted
    return [], [refused]


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
