"""Hostile files, built in a second from compressed pieces repeated (never the gigabytes themselves).

Deflate output after a full flush depends only on what follows it, so the compressed form of a
block of 64 MiB can be repeated to make a stream that inflates to any multiple of it; the zip is
written by hand around such raw streams.
"""

from __future__ import annotations

import struct
import zlib

MiB = 1024 * 1024
GiB = 1024 * MiB
_BLOCK = 16 * MiB


def _deflated(prefix: bytes, block: bytes, repeat: int, suffix: bytes) -> tuple[bytes, int]:
    """Raw deflate of prefix + block×repeat + suffix, and the inflated size."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(suffix) + compressor.flush(zlib.Z_FINISH)
    return head + piece * repeat + tail, len(prefix) + len(block) * repeat + len(suffix)


def _zip(entries: list[tuple[str, bytes, int]]) -> bytes:
    """A zip of (name, raw deflate, inflated size) entries; the CRC is left 0, as a bomb may."""
    out = bytearray()
    central = bytearray()
    for name, raw, size in entries:
        encoded = name.encode()
        offset = len(out)
        fields = (20, 0, 8, 0, 0, 0, len(raw), min(size, 0xFFFFFFFF), len(encoded), 0)
        out += b"PK\x03\x04" + struct.pack("<HHHHHIIIHH", *fields) + encoded + raw
        central += (
            b"PK\x01\x02"
            + struct.pack("<HHHHHHIIIHHHHHII", 20, 20, 0, 8, 0, 0, 0, *fields[6:9], 0, 0, 0, 0, 0, offset)
            + encoded
        )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + end)


def _small(name: str, text: str) -> tuple[str, bytes, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = text.encode()
    return name, compressor.compress(data) + compressor.flush(), len(data)


_WORKBOOK = [
    _small("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
    _small(
        "xl/workbook.xml", '<?xml version="1.0"?><workbook><sheets><sheet name="表1"/></sheets></workbook>'
    ),
]


def xlsx_with_huge_string(size: int = GiB) -> bytes:
    """A workbook of about 1 MB whose one shared string inflates to ``size`` bytes."""
    raw, inflated = _deflated(b"<sst><si><t>", b"A" * _BLOCK, size // _BLOCK, b"</t></si></sst>")
    return _zip([*_WORKBOOK, ("xl/sharedStrings.xml", raw, inflated)])


def xlsx_with_many_cells(cells: int = 10_000_000) -> bytes:
    """A workbook of a few MB holding ``cells`` number cells (rows of 1,000)."""
    row = b"<row>" + b"<c><v>1</v></c>" * 1000 + b"</row>"
    block = row * 1000
    raw, inflated = _deflated(
        b"<worksheet><sheetData>", block, cells // 1_000_000, b"</sheetData></worksheet>"
    )
    return _zip([*_WORKBOOK, ("xl/worksheets/sheet1.xml", raw, inflated)])


def zip_bomb(size: int = 2 * GiB) -> bytes:
    """A workbook-shaped zip whose sheet inflates to ``size`` bytes while its header says 1 KB."""
    raw, _ = _deflated(b"<worksheet>", b" " * _BLOCK, size // _BLOCK, b"</worksheet>")
    return _zip([*_WORKBOOK, ("xl/worksheets/sheet1.xml", raw, 1024)])


def pdf_with_pages(pages: int = 100_000) -> bytes:
    """A PDF of ``pages`` empty pages (about 6 MB)."""
    parts = [b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"]
    kids = b" ".join(b"%d 0 R" % (3 + n) for n in range(pages))
    parts.append(b"2 0 obj <</Type /Pages /Count %d /Kids [%s]>> endobj\n" % (pages, kids))
    page = b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10]>>"
    parts.extend(b"%d 0 obj %s endobj\n" % (3 + n, page) for n in range(pages))
    parts.append(b"trailer <</Root 1 0 R>>\n%%EOF\n")
    return b"".join(parts)


def pdf_with_flate_bomb(size: int = GiB) -> bytes:
    """A one-page PDF whose content stream inflates to ``size`` bytes."""
    raw, _ = _deflated(b"", b"0 0 m\n" * (_BLOCK // 6), size // _BLOCK, b"")
    stream = b"\x78\xda" + raw + b"\x00\x00\x00\x00"  # zlib header, deflate, a (wrong) checksum
    return (
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Count 1 /Kids [3 0 R]>> endobj\n"
        b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R>> endobj\n"
        + b"4 0 obj <</Length %d /Filter /FlateDecode>>\nstream\n" % len(stream)
        + stream
        + b"\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )


def nested_json(depth: int = 100_000) -> bytes:
    """A jixiao JSON document whose tables nest ``depth`` arrays deep."""
    return b'{"format": "jixiao.table/1", "tables": ' + b"[" * depth + b"]" * depth + b"}"


# ---- for the worker-ceiling tests (run in the worker, so they must live in an importable module) ----


def allocate(size: int) -> int:
    """Hold ``size`` bytes (the worker's address-space ceiling stops it first)."""
    block = bytearray(size)
    return len(block)


def spin(seconds: float) -> int:
    """Compute for ``seconds`` (the worker's time ceiling stops it first)."""
    import time

    end = time.monotonic() + seconds
    count = 0
    while time.monotonic() < end:
        count += 1
    return count
