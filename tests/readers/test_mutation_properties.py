"""Properties of every reader on damaged and arbitrary input (issue 11): no reader raises on arbitrary
text, HTML, workbook or Word bytes — a file is refused with a diagnostic, never with an exception — and
a damaged corpus document never yields an indicator whose place (line, sheet) is not in the input.

Each input is read through the public entry (`pipeline.read_bytes`, the call of ``jixiao parse``) and
through the self-evaluation reader the import calls (`read_published_bytes`); the damage is that of
`python -m benchmarks fuzz` (`benchmarks.fuzz_mutations`), drawn by hypothesis.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

from benchmarks.fuzz_mutations import HTML, MUST_REFUSE, TEXT, ZIP, Mutation
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from jixiao.model import Table
from jixiao.pipeline import read_bytes
from jixiao.readers.limits import refused
from jixiao.readers.selfeval_published import read_published_bytes
from jixiao.readers.text import decode

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# small documents of each kind, target tables and self-evaluations
TEXTS = (
    CORPUS / "heldout3" / "hunan-qidong-jikong-2024" / "document.txt",
    CORPUS / "selfeval" / "hubei-hbeu-xszz-2022" / "document.txt",
    CORPUS / "selfeval_heldout2" / "ningxia-yuanzhou-nongye-2022" / "document.txt",
    CORPUS / "selfeval_heldout2" / "hubei-caidian-yuanlin-2021" / "document.txt",
)
PAGES = (
    CORPUS / "heldout10" / "guizhou-qiannan-dizhen-2019" / "document.html",
    CORPUS / "selfeval" / "sichuan-daying-sifaju-2023-2" / "document.html",
)
WORKBOOKS = (
    CORPUS / "heldout10" / "zhejiang-liandu-qixiang-2024" / "document.xlsx",
    CORPUS / "selfeval" / "anhui-chizhou-tangxi-2022" / "document.xlsx",
)
# the mutations that make a file of a few MB or inflate one past the limits: read in the benchmark
_HEAVY = frozenset({"huge_cell", "deep_nesting", "repeat_row", "zip_bomb", "oversized_part", "many_entries"})

_WORDS = st.sampled_from(
    ["项目名称", "绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "效益指标",
     "满意度指标", "≥85%", "1200个", "分值", "得分", "全年预算数", "执行率", "100%", "项目总得分", "\t", "|"]
)  # fmt: skip
_CELL = st.one_of(st.text(max_size=12), _WORDS)
_GRID = st.lists(st.lists(_CELL, max_size=6), max_size=14)


def _read(data: bytes, name: str) -> list[Table]:
    tables, diagnostics = read_bytes(data, name)
    assert isinstance(diagnostics, list)
    read_published_bytes(data, name)
    return tables


def _mutations(kind: tuple[Mutation, ...]) -> st.SearchStrategy[Mutation]:
    return st.sampled_from([m for m in kind if m.name not in _HEAVY])


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["x.txt", "x.html", "x.xlsx", "x.docx", "x.pdf", "x"]))
def test_arbitrary_bytes_under_any_name_never_raise(data: bytes, name: str) -> None:
    _read(data, name)


@settings(max_examples=40, deadline=None)
@given(_GRID, st.sampled_from(["\t", "|", "", "  ", "</td><td>"]))
def test_arbitrary_text_and_html_never_raise(grid: list[list[str]], separator: str) -> None:
    text = "\n".join(separator.join(row) for row in grid)
    _read(text.encode(), "x.txt")
    page = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in grid)
    _read(f"<html><body><table>{page}</table></body></html>".encode(), "x.html")


# a workbook or Word document is written by openpyxl / python-docx for each example (tens of ms)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_GRID)
def test_arbitrary_workbooks_and_word_tables_never_raise(grid: list[list[str]]) -> None:
    clean = [["".join(ch for ch in cell if ch.isprintable()) for cell in row] for row in grid]
    book = Workbook()
    for row in clean:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    _read(out.getvalue(), "x.xlsx")
    document = Document()
    width = max((len(row) for row in clean), default=0)
    if clean and width:
        table = document.add_table(rows=len(clean), cols=width)
        for r, row in enumerate(clean):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    out = io.BytesIO()
    document.save(out)
    _read(out.getvalue(), "x.docx")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(WORKBOOKS), _mutations(ZIP), st.integers(min_value=0, max_value=2**32))
def test_a_damaged_workbook_never_raises_nor_places_an_indicator_outside_it(
    path: Path, mutation: Mutation, seed: int
) -> None:
    data = mutation.apply(path.read_bytes(), random.Random(seed))
    tables = _read(data, path.name)
    if not tables:
        return
    sheets = _sheet_names(data) or _sheet_names(path.read_bytes())
    for table in tables:
        assert all(i.source.sheet in sheets for i in table.indicators)


def _sheet_names(data: bytes) -> set[str]:
    """The workbook's sheets as openpyxl opens them; none where it cannot (a bad CRC, a name in the
    directory that differs from its header, a deflate stream that does not inflate, XML cut short)
    though the reader tolerated the damage: then the sheets are the undamaged document's."""
    try:
        return set(load_workbook(io.BytesIO(data), read_only=True).sheetnames)
    except (zipfile.BadZipFile, zlib.error, ParseError, OSError, ValueError, KeyError, EOFError):
        return set()


def _lines_hold(tables: list[Table], data: bytes) -> None:
    text = decode(data) or ""
    count = len(text.splitlines()) or 1
    for table in tables:
        for indicator in table.indicators:
            line = indicator.source.line
            assert line is None or 1 <= line <= count + 1, (indicator.name, line, count)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TEXTS), _mutations(TEXT), st.integers(min_value=0, max_value=2**32))
def test_a_damaged_text_never_raises_nor_places_an_indicator_outside_it(
    path: Path, mutation: Mutation, seed: int
) -> None:
    data = mutation.apply(path.read_bytes(), random.Random(seed))
    _lines_hold(_read(data, path.name), data)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(PAGES), _mutations(HTML), st.integers(min_value=0, max_value=2**32))
def test_a_damaged_page_never_raises_nor_places_an_indicator_outside_it(
    path: Path, mutation: Mutation, seed: int
) -> None:
    data = mutation.apply(path.read_bytes(), random.Random(seed))
    _lines_hold(_read(data, path.name), data)


def test_a_bomb_is_refused_and_deep_nesting_read_without_raising() -> None:
    """Heavy mutations with a fixed seed: a zip bomb and thousands of entries are refused by the
    limits before any parser; a page nested a hundred thousand deep is read (or not) without raising.
    The others (a huge cell, a row repeated thousands of times) are the benchmark's."""
    rng = random.Random(21)
    for mutation in (m for m in ZIP if m.name in MUST_REFUSE):
        tables, diagnostics = read_bytes(mutation.apply(WORKBOOKS[0].read_bytes(), rng), "x.xlsx")
        assert tables == [] and [refused(d) for d in diagnostics] == [True]
    nested = next(m for m in HTML if m.name == "deep_nesting").apply(PAGES[0].read_bytes(), rng)
    _read(nested, "x.html")
