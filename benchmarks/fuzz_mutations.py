"""Ways to damage a corpus document for `python -m benchmarks fuzz`: each a plain function
``(data, rng) -> bytes`` in a registry per kind of file, deterministic for a seeded `random.Random`.

Text and HTML are damaged as text (bytes flipped, lines deleted, repeated, shuffled, cell separators
swapped, a row repeated many times, a huge cell, the end cut off, elements nested very deep); a
workbook or Word document as a zip (the archive's bytes flipped or cut, one XML part damaged, a bomb
entry, an oversized part, thousands of entries); a PDF as bytes.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

Mutator = Callable[[bytes, random.Random], bytes]


@dataclass(frozen=True)
class Mutation:
    """One named way to damage a file."""

    name: str
    apply: Mutator


# ---- bytes (any file) ------------------------------------------------------------------------------


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    """A few bytes set to random values (a damaged download)."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    """The file cut off anywhere (an interrupted upload)."""
    return data[: rng.randrange(len(data) + 1)]


def duplicate_span(data: bytes, rng: random.Random) -> bytes:
    """A span of bytes written twice."""
    if not data:
        return data
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 4096))
    return data[:end] + data[start:end] + data[end:]


# ---- text and HTML ---------------------------------------------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def delete_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, max(1, len(lines) // 5))):
        if len(lines) > 1:
            del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, max(1, len(lines) // 5))):
        at = rng.randrange(len(lines))
        lines.insert(at, lines[at])
    return b"\n".join(lines)


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    """A window of lines in another order."""
    lines = _lines(data)
    start = rng.randrange(len(lines))
    window = lines[start : start + rng.randint(2, 20)]
    rng.shuffle(window)
    return b"\n".join([*lines[:start], *window, *lines[start + len(window) :]])


_SEPARATORS = (b"\t", b"|", b",", b"  ", b"\xef\xbd\x9c", b"</td><td>", b"")


def swap_separators(data: bytes, rng: random.Random) -> bytes:
    """Every cell separator of one kind written as another (tabs as ``|``, cells run together)."""
    present = [s for s in _SEPARATORS if s and s in data]
    if not present:
        return data
    old = rng.choice(present)
    return data.replace(old, rng.choice([s for s in _SEPARATORS if s != old]))


def repeat_row(data: bytes, rng: random.Random) -> bytes:
    """One line repeated hundreds of times (a runaway export)."""
    lines = _lines(data)
    at = rng.randrange(len(lines))
    return b"\n".join([*lines[:at], *[lines[at]] * rng.choice((100, 500, 2000)), *lines[at:]])


def huge_cell(data: bytes, rng: random.Random) -> bytes:
    """One cell of a hundred thousand characters: words, digits, or both run together."""
    piece = rng.choice(("绩效指标", "1200万株", "9", "≥85%", "产出指标(40分)", "a\t", "<b>"))
    cell = (piece * (rng.randint(20_000, 100_000) // len(piece) + 1)).encode()
    at = rng.randrange(len(data) + 1)
    return data[:at] + cell + data[at:]


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    """The text wrapped in tens of thousands of open elements (a parser's recursion)."""
    tag = rng.choice((b"div", b"table", b"td", b"span", b"b"))
    depth = rng.choice((1_000, 20_000, 100_000))
    at = rng.randrange(len(data) + 1)
    return data[:at] + (b"<" + tag + b">") * depth + data[at:] + (b"</" + tag + b">") * (depth // 2)


def bad_encoding(data: bytes, rng: random.Random) -> bytes:
    """The text in another encoding, or with a lone byte-order mark or NULs inside."""
    choice = rng.randrange(3)
    if choice == 0:
        try:
            return data.decode("utf-8").encode("gb18030")
        except UnicodeError:
            return data
    if choice == 1:
        return b"\xff\xfe" + data
    return data.replace(b"\n", b"\x00\n", rng.randint(1, 50))


TEXT = (
    Mutation("flip_bytes", flip_bytes),
    Mutation("truncate", truncate),
    Mutation("duplicate_span", duplicate_span),
    Mutation("delete_lines", delete_lines),
    Mutation("duplicate_lines", duplicate_lines),
    Mutation("shuffle_lines", shuffle_lines),
    Mutation("swap_separators", swap_separators),
    Mutation("repeat_row", repeat_row),
    Mutation("huge_cell", huge_cell),
    Mutation("bad_encoding", bad_encoding),
)
HTML = (*TEXT, Mutation("deep_nesting", deep_nesting))


# ---- workbooks and Word documents (zip) ---------------------------------------------------------


def _rezip(
    data: bytes, change: Callable[[str, bytes], bytes], extra: dict[str, bytes] | None = None
) -> bytes:
    """The archive written again with each entry's bytes passed through ``change``, plus ``extra``;
    an entry ``change`` gives as `BOMB` is written as 300 MB of zeros, inflated piece by piece."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in [*entries, *(extra or {}).items()]:
            changed = change(name, body)
            if changed is not BOMB:
                target.writestr(name, changed)
                continue
            with target.open(name, "w", force_zip64=True) as sink:
                sink.write(b"<a>")
                for _ in range(300):
                    sink.write(_ZEROS)
    return out.getvalue()


BOMB = b"<bomb/>"
_ZEROS = b"0" * (1024 * 1024)


def _main_part(name: str) -> bool:
    return name.startswith(("xl/worksheets/", "xl/sharedStrings", "word/document"))


def damage_part(data: bytes, rng: random.Random) -> bytes:
    """Bytes flipped inside the sheet, shared strings or document XML (the archive itself is sound)."""
    return _rezip(data, lambda name, body: flip_bytes(body, rng) if _main_part(name) else body)


def cut_part(data: bytes, rng: random.Random) -> bytes:
    """The sheet or document XML cut off in the middle."""
    return _rezip(data, lambda name, body: truncate(body, rng) if _main_part(name) else body)


def repeat_xml_rows(data: bytes, rng: random.Random) -> bytes:
    """One table row (``<row>``, ``<w:tr>``) of the XML repeated hundreds of times."""

    def change(name: str, body: bytes) -> bytes:
        if not _main_part(name):
            return body
        for open_tag, close_tag in ((b"<row ", b"</row>"), (b"<w:tr>", b"</w:tr>"), (b"<w:tr ", b"</w:tr>")):
            start = body.find(open_tag, len(body) // 3)
            end = body.find(close_tag, start)
            if start != -1 and end != -1:
                row = body[start : end + len(close_tag)]
                return body[:start] + row * rng.choice((50, 300)) + body[start:]
        return body

    return _rezip(data, change)


def zip_bomb(data: bytes, rng: random.Random) -> bytes:
    """A main part replaced by one that inflates to 300 MB (a zip bomb)."""
    return _rezip(data, lambda name, body: BOMB if _main_part(name) else body)


def oversized_part(data: bytes, rng: random.Random) -> bytes:
    """An extra part of 40 MB inside an otherwise sound archive."""
    return _rezip(data, lambda name, body: body, {"docProps/custom-huge.xml": b" " * (40 * 1024 * 1024)})


def many_entries(data: bytes, rng: random.Random) -> bytes:
    """Thousands of empty entries."""
    return _rezip(data, lambda name, body: body, {f"extra/{n}.xml": b"" for n in range(5000)})


ZIP = (
    Mutation("flip_bytes", flip_bytes),
    Mutation("truncate", truncate),
    Mutation("damage_part", damage_part),
    Mutation("cut_part", cut_part),
    Mutation("repeat_xml_rows", repeat_xml_rows),
    Mutation("zip_bomb", zip_bomb),
    Mutation("oversized_part", oversized_part),
    Mutation("many_entries", many_entries),
)
PDF = (
    Mutation("flip_bytes", flip_bytes),
    Mutation("truncate", truncate),
    Mutation("duplicate_span", duplicate_span),
)

BY_SUFFIX: dict[str, tuple[Mutation, ...]] = {
    ".txt": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xlsx": ZIP,
    ".docx": ZIP,
    ".pdf": PDF,
}
# mutations whose file must be refused before parsing (the limits), not merely read
MUST_REFUSE = frozenset({"zip_bomb", "many_entries"})
