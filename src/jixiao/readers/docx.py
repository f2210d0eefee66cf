"""Word documents (.docx) → tables: every target table of a form or of a whole disclosure document.

``word/document.xml`` is read directly (lxml, entities and network off): the body's tables in
document order, each ``<w:tc>`` with its ``gridSpan`` (merged across) and ``vMerge`` (merged
down: a continuation is an empty cell, as in a workbook), ``gridBefore``/``gridAfter`` as empty
places, a table nested in a cell read as a table of its own, content controls (``<w:sdt>``) and
tracked insertions looked into. Paragraphs outside tables are not read, except the short lines just
above a table naming it (``2023年项目支出绩效目标表``, ``单位：万元``). `merged` chooses the target
tables (a funds table is skipped) and hands them to the reader core.

A damaged file, a legacy .doc saved under a .docx name, or an oversized (zip bomb) document gives
one diagnostic with the file, never an exception.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.readers.detect_parsed import Unreadable
from jixiao.readers.merged import MAX_CELLS, SpanCell, SpanTable, TooLarge, read_span_tables
from jixiao.readers.text import FILE_PROBLEM, file_problem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_XML_BYTES = 64 * 1024 * 1024  # document.xml uncompressed: real disclosures are a few MB
MAX_TABLE_DEPTH = 20
_CONTAINERS = frozenset((f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}smartTag"))


def _problem(name: str, message: str) -> tuple[list[Table], list[Diagnostic]]:
    return [], [Diagnostic(FILE_PROBLEM, Severity.ERROR, message, SourceRef(name))]


def read_docx_path(path: str | Path) -> tuple[list[Table], list[Diagnostic]]:
    """Read the target tables of a Word document on disk; an unreadable file gives one diagnostic."""
    p = Path(path)
    problem = file_problem(p)
    if problem is not None:
        return _problem(str(path), problem)
    return read_docx_bytes(p.read_bytes(), str(path))


def read_docx_bytes(data: bytes, file: str | None = None) -> tuple[list[Table], list[Diagnostic]]:
    """Read the target tables of a Word document held in memory."""
    try:
        document = open_document(data)
    except Unreadable as exc:
        return _problem(file or "<Word 文档>", str(exc))
    return read_span_tables(document.tables, file, "Word 文档")


def open_document(data: bytes) -> WordDocument:
    """The document's body parsed once, its tables read; `Unreadable` saying why when the file is not
    a .docx, is damaged, or too large."""
    try:
        xml = document_xml(data)
    except TooLarge as exc:
        raise Unreadable(f"Word 文档过大，拒绝读取：{exc}") from exc
    except KeyError as exc:
        raise Unreadable("无法打开 Word 文档：压缩包中没有 word/document.xml，不是 .docx 文件") from exc
    except Exception as exc:  # zipfile and zlib raise several types for damaged files; all mean the same
        raise Unreadable(f"无法打开 Word 文档：文件已损坏或不是 .docx 文件（{_short(exc)}）") from exc
    try:
        return WordDocument(xml)
    except TooLarge as exc:
        raise Unreadable(f"Word 文档过大或结构异常，拒绝读取：{exc}") from exc
    except Exception as exc:  # lxml raises several types for broken XML; all mean the same here
        raise Unreadable(f"Word 文档内容已损坏，无法读取（{_short(exc)}）") from exc


class WordDocument:
    """A Word document's body parsed once (lxml): its tables (`tables`) for the target-table reader
    and the self-evaluation check, and the lines after its last table (`notes`) for the latter."""

    def __init__(self, xml: bytes) -> None:
        self._body = _body(xml)
        self.tables = _body_tables(self._body)

    def notes(self) -> list[str]:
        """The body's text lines after its last table (a 注 under a 自评表: the stated group weights)."""
        return _lines_after_tables(self._body)


def _short(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:120]


def document_xml(data: bytes) -> bytes:
    """The main part of the package, read with a size cap (a zip bomb is refused, not inflated)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo("word/document.xml")
        if info.file_size > MAX_XML_BYTES:
            raise TooLarge(f"正文 {info.file_size // 1048576} MB，上限 {MAX_XML_BYTES // 1048576} MB")
        with package.open(info) as part:
            xml = part.read(MAX_XML_BYTES + 1)
    if len(xml) > MAX_XML_BYTES:
        raise TooLarge(f"正文超过 {MAX_XML_BYTES // 1048576} MB")
    return xml


def parse_tables(xml: bytes) -> list[SpanTable]:
    """Every table of the body in document order (a nested table after the one holding it)."""
    return _body_tables(_body(xml))


def _body(xml: bytes) -> Any:
    """The ``w:body`` element of ``document.xml`` (entities and network off); ValueError without one."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    body = etree.fromstring(xml, parser).find(f"{W}body")
    if body is None:
        raise ValueError("没有 w:body")
    return body


def _body_tables(body: Any) -> list[SpanTable]:
    tables: list[SpanTable] = []
    above: list[str] = []
    for kind, element in _blocks(body):
        if kind == "p":
            text = paragraph_text(element).strip()
            if text:
                above.append(" ".join(text.split()))
                del above[:-8]
        else:
            _table(element, above, tables, [0], 1)
            above = []
    return tables


def _blocks(container: Any) -> Iterator[tuple[str, Any]]:
    """The paragraphs and tables of a container in order, looking through content controls."""
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            yield "p", child
        elif tag == f"{W}tbl":
            yield "tbl", child
        elif tag in _CONTAINERS:
            yield from _blocks(child)


def _table(element: Any, above: list[str], tables: list[SpanTable], count: list[int], depth: int) -> None:
    if depth > MAX_TABLE_DEPTH:
        raise TooLarge(f"表格嵌套超过 {MAX_TABLE_DEPTH} 层")
    table = SpanTable(above=list(above))
    tables.append(table)
    nested: list[Any] = []
    for tr in _children(element, f"{W}tr"):
        row: list[SpanCell] = []
        props = tr.find(f"{W}trPr")
        before = _int_val(props, "gridBefore") if props is not None else 0
        if before:
            row.append(SpanCell("", 1, before))
        for tc in _children(tr, f"{W}tc"):
            count[0] += 1
            if count[0] > MAX_CELLS:
                raise TooLarge(f"表格单元格超过 {MAX_CELLS} 个")
            cell_props = tc.find(f"{W}tcPr")
            span = _int_val(cell_props, "gridSpan") if cell_props is not None else 0
            merge = cell_props.find(f"{W}vMerge") if cell_props is not None else None
            continued = merge is not None and merge.get(f"{W}val", "continue") != "restart"
            lines: list[str] = []
            for kind, block in _blocks(tc):
                if kind == "p":
                    lines.extend(" ".join(line.split()) for line in paragraph_text(block).split("\n"))
                else:
                    nested.append(block)
            text = "" if continued else "\n".join(line for line in lines if line)
            row.append(SpanCell(text, 1, max(1, span)))
        table.rows.append(row)
    for block in nested:
        _table(block, [], tables, count, depth + 1)


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Direct children with the tag, looking through content controls (a row or cell in a ``w:sdt``)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _int_val(props: Any, name: str) -> int:
    node = props.find(f"{W}{name}") if props is not None else None
    if node is None:
        return 0
    try:
        return max(0, min(int(node.get(f"{W}val", "1")), 1000))
    except ValueError:
        return 0


def paragraph_text(paragraph: Any) -> str:
    """A paragraph's text: runs, tabs as spaces, line breaks kept; deleted text and fallbacks skipped."""
    parts: list[str] = []
    for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
        tag = node.tag
        if node.getparent().tag != f"{W}r" or _in_fallback(node, paragraph):
            continue  # a tab stop in the paragraph's properties, or a text box's duplicate
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append(" ")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _in_fallback(node: Any, stop: Any) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in (_MC_FALLBACK, f"{W}txbxContent"):
            return True
        parent = parent.getparent()
    return False


def _lines_after_tables(body: Any) -> list[str]:
    lines: list[str] = []
    for kind, element in _blocks(body):
        if kind != "p":
            lines = []
            continue
        text = " ".join(paragraph_text(element).split())
        if text:
            lines.append(text)
    return lines[-8:]
