"""Limits on what a file may ask of the readers, checked before any parser sees it.

A hostile file is small on the wire and huge inside: a 1 MB workbook whose shared string unpacks to
1 GiB, a 2 MB workbook of ten million cells, a PDF of 100,000 pages or with one Flate stream of
1 GiB, JSON nested a million deep. Each check here reads the file's bytes with bounded memory
(zip entries and PDF streams are inflated in 1 MiB pieces and counted, never kept) and stops as
soon as a limit is passed, so refusing costs at most the limit's worth of inflating.

The limits are one record, `UploadLimits`, kept by the web app's settings and used by every reader
entry (`readers.detect.read_bytes`), so the import page and ``jixiao import`` refuse the same files
with the same Chinese message. Parsing itself runs in a worker process with a time and memory
ceiling (`jixiao.sandbox`): these checks refuse the known shapes early and clearly, the ceiling
catches the rest.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.text import FILE_PROBLEM

MiB = 1024 * 1024
_CHUNK = MiB


@dataclass(frozen=True, slots=True)
class UploadLimits:
    """How much one file may hold and cost; generous for real 绩效目标表, small for a bomb."""

    max_bytes: int = 20 * MiB  # the file as uploaded
    max_form_bytes: int = 4 * MiB  # any other request body (forms, JSON)
    max_unpacked_bytes: int = 256 * MiB  # all entries of a workbook (zip) together, inflated
    max_zip_entries: int = 2_000
    max_cells: int = 2_000_000  # cells in all sheets of a workbook
    max_pdf_pages: int = 2_000
    max_pdf_stream_bytes: int = 64 * MiB  # one PDF stream, inflated
    max_pdf_unpacked_bytes: int = 256 * MiB  # all PDF streams together, inflated
    max_json_depth: int = 64
    parse_seconds: float = 25.0  # the worker that parses one upload is stopped after this
    # a legacy office file (.doc, .wps, .et) is first converted by LibreOffice, which has its own
    # time limit and process group (readers/office.py): its worker gets longer and no address-space cap
    office_parse_seconds: float = 120.0
    parse_memory_bytes: int = 320 * MiB  # its address space (RLIMIT_AS), interpreter included
    staged_upload_seconds: int = 24 * 3600  # a previewed upload not confirmed by then is purged


DEFAULT_LIMITS = UploadLimits()


class LimitExceeded(Exception):
    """A file passed a limit; ``message`` is the Chinese reason."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _mb(size: int) -> str:
    return f"{size / MiB:,.0f} MB"


def size_message(name: str, size: int, limit: int) -> str:
    """The Chinese message for a file larger than the limit, sizes in MB."""
    return f"文件 {name} 太大（{size / MiB:.1f} MB），上限为 {_mb(limit)}"


REFUSED = "已拒绝读取"  # ends the message of a file refused before parsing (`refused`)


def refused(diagnostic: Diagnostic) -> bool:
    """True for the diagnostic of a file `check_bytes` refused: nothing else may parse it."""
    return diagnostic.code == FILE_PROBLEM and diagnostic.message.endswith(REFUSED)


def check_bytes(data: bytes, name: str, limits: UploadLimits = DEFAULT_LIMITS) -> Diagnostic | None:
    """Why this file must not be parsed (a diagnostic with a Chinese message), or None if it may be.

    Checks what the content asks of a parser (inflated size, entries, cells, pages, streams, nesting);
    the upload size itself is the upload's check (`check_upload`).
    """
    try:
        head = data[:2048]
        if b"%PDF-" in head[:1024]:
            check_pdf(data, limits)
        elif head.startswith(b"PK\x03\x04"):
            try:
                check_zip(data, limits)
            except _DAMAGED:
                return None  # a damaged archive: the workbook or docx reader says so
        elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
            check_json_depth(data, limits.max_json_depth)
    except LimitExceeded as exceeded:
        return Diagnostic(FILE_PROBLEM, Severity.ERROR, f"{exceeded.message}，{REFUSED}", SourceRef(name))
    return None


def check_upload(data: bytes, name: str, limits: UploadLimits = DEFAULT_LIMITS) -> Diagnostic | None:
    """`check_bytes` after the upload's own size."""
    if len(data) > limits.max_bytes:
        message = size_message(name, len(data), limits.max_bytes)
        return Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))
    return check_bytes(data, name, limits)


_DAMAGED = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    struct.error,
)

# ---- workbooks (zip) ---------------------------------------------------------------------------

# A cell in sheet XML (`<c r="A1">`, `<c>`, with a namespace prefix `<x:c `) or in ODS content.xml.
_CELL_MARKS = (b"<c ", b"<c>", b":c ", b"<table:table-cell")
_SHEET = re.compile(r"(^xl/worksheets/[^/]+\.xml$)|(^content\.xml$)")


def check_zip(data: bytes, limits: UploadLimits = DEFAULT_LIMITS) -> None:
    """Entries, inflated size and cells of a zip (xlsx, ods); `LimitExceeded` at the first limit passed.

    Sizes are counted by inflating, not read from the headers, which a bomb may fill in as it likes.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # damaged: the workbook reader says so
    if len(entries) > limits.max_zip_entries:
        raise LimitExceeded(f"压缩包内文件过多（{len(entries):,} 个，上限 {limits.max_zip_entries:,} 个）")
    unpacked = 0
    cells = 0
    for entry in entries:
        sheet = bool(_SHEET.match(entry.filename))
        tail = b""
        for piece in _inflate_entry(data, archive, entry):
            unpacked += len(piece)
            if unpacked > limits.max_unpacked_bytes:
                raise LimitExceeded(
                    f"工作簿解压后超过 {_mb(limits.max_unpacked_bytes)}（疑似压缩炸弹或超大单元格）"
                )
            if sheet:
                # marks across two pieces: count in tail+piece, minus what the tail alone held
                window = tail + piece
                cells += sum(window.count(mark) - tail.count(mark) for mark in _CELL_MARKS)
                tail = piece[-16:]
                if cells > limits.max_cells:
                    raise LimitExceeded(f"工作簿单元格过多（超过 {limits.max_cells:,} 个）")


def _inflate_entry(data: bytes, archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> Iterator[bytes]:
    """The entry's content in pieces, inflated from its raw bytes (the declared size is not trusted)."""
    if entry.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
        try:
            with archive.open(entry) as stream:  # another method: zipfile's reader, bounded by pieces
                while piece := stream.read(_CHUNK):
                    yield piece
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
            return  # damaged or encrypted: the reader says so
        return
    start = entry.header_offset
    if data[start : start + 4] != b"PK\x03\x04":
        return
    if len(data) < start + 30:
        return  # damaged: the reader says so
    name_length, extra_length = struct.unpack("<HH", data[start + 26 : start + 30])
    begin = start + 30 + name_length + extra_length
    raw = memoryview(data)[begin : begin + entry.compress_size]
    if entry.compress_type == zipfile.ZIP_STORED:
        for offset in range(0, len(raw), _CHUNK):
            yield bytes(raw[offset : offset + _CHUNK])
        return
    yield from _inflate(raw, zlib.decompressobj(-zlib.MAX_WBITS))


def _inflate(raw: memoryview | bytes, inflater: zlib._Decompress) -> Iterator[bytes]:
    """Inflate ``raw`` 1 MiB of output at a time; stops quietly at damaged data."""
    pending: bytes | memoryview = raw
    try:
        while pending:
            piece = inflater.decompress(pending, _CHUNK)
            if piece:
                yield piece
            pending = inflater.unconsumed_tail
            if not piece and not pending:
                break
            if inflater.eof:
                break
    except zlib.error:
        return


# ---- PDF -----------------------------------------------------------------------------------------

_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_STREAM = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r)")


def check_pdf(data: bytes, limits: UploadLimits = DEFAULT_LIMITS) -> None:
    """Pages and inflated stream sizes of a PDF; `LimitExceeded` at the first limit passed.

    Page objects are counted in the file and inside compressed object streams; every stream that
    inflates is inflated in pieces and counted, so a Flate bomb is stopped at the stream limit.
    """
    pages = len(_PAGE.findall(data))
    if pages > limits.max_pdf_pages:
        raise LimitExceeded(_pages_message(pages, limits))
    unpacked = 0
    for match in _STREAM.finditer(data):
        begin = match.end()
        end = data.find(b"endstream", begin)
        if end < 0:
            end = len(data)
        if not data[begin : begin + 1] or data[begin] & 0x0F != 8:
            continue  # not zlib data (zlib's first byte names deflate): images, fonts, plain text
        stream = 0
        tail = b""
        for piece in _inflate(memoryview(data)[begin:end], zlib.decompressobj()):
            stream += len(piece)
            unpacked += len(piece)
            if stream > limits.max_pdf_stream_bytes:
                raise LimitExceeded(
                    f"PDF 中有一个数据流解压后超过 {_mb(limits.max_pdf_stream_bytes)}（疑似压缩炸弹）"
                )
            if unpacked > limits.max_pdf_unpacked_bytes:
                raise LimitExceeded(f"PDF 的数据流解压后合计超过 {_mb(limits.max_pdf_unpacked_bytes)}")
            window = tail + piece
            pages += len(_PAGE.findall(window)) - len(_PAGE.findall(tail))
            tail = piece[-32:]
            if pages > limits.max_pdf_pages:
                raise LimitExceeded(_pages_message(pages, limits))


def _pages_message(pages: int, limits: UploadLimits) -> str:
    return f"PDF 页数过多（至少 {pages:,} 页，上限 {limits.max_pdf_pages:,} 页）"


# ---- JSON ----------------------------------------------------------------------------------------

_JSON_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def check_json_depth(data: bytes, max_depth: int = DEFAULT_LIMITS.max_json_depth) -> None:
    """`LimitExceeded` when arrays and objects nest deeper than ``max_depth`` (strings are skipped)."""
    if data.count(b"[") + data.count(b"{") <= max_depth:
        return  # cannot nest deeper than it has brackets
    depth = 0
    for token in _JSON_TOKEN.finditer(data):
        mark = token.group()
        if mark in (b"[", b"{"):
            depth += 1
            if depth > max_depth:
                raise LimitExceeded(f"JSON 嵌套过深（超过 {max_depth} 层）")
        elif mark in (b"]", b"}"):
            depth -= 1
