"""A workbook, PDF, Word document or HTML page is parsed once per file (`readers.detect_parsed`): the
target-table reader and the self-evaluation check read the same sheets, pages and tables, and what
either finds is what it found when each parsed the file on its own."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jixiao.readers import docx, html, pdf, xlsx
from jixiao.readers.detect import close_parsed, read_bytes, read_bytes_keeping_parsed
from jixiao.service.reading import audit_published, read_and_review

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SUFFIXES = ("xlsx", "pdf", "docx", "html")
# every published self-evaluation of the first set in a binary format, and a target-table document of each
SELFEVAL = sorted(p for s in SUFFIXES for p in CORPUS.glob(f"selfeval/*/document.{s}"))
TARGETS = [sorted(CORPUS.glob(f"publishers/*/document.{s}"))[0] for s in SUFFIXES]


def _id(path: Path) -> str:
    return str(path.relative_to(CORPUS))


def test_each_format_has_self_evaluations_and_target_tables() -> None:
    assert {p.suffix for p in SELFEVAL} == {p.suffix for p in TARGETS} == {f".{s}" for s in SUFFIXES}


@pytest.mark.parametrize("path", SELFEVAL + TARGETS, ids=_id)
def test_both_readers_find_from_the_shared_parse_what_they_found_parsing_alone(path: Path) -> None:
    data = path.read_bytes()
    tables, diagnostics, parsed = read_bytes_keeping_parsed(data, path.name)
    try:
        assert parsed is not None
        assert (tables, diagnostics) == read_bytes(data, path.name)
        shared = audit_published(data, path.name, parsed)
    finally:
        close_parsed(parsed)
    alone = audit_published(data, path.name)  # None: the check parses the bytes itself
    assert shared == alone
    if path in SELFEVAL:
        assert shared, "a published self-evaluation is audited"
    else:
        assert tables and not shared


def _counting(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str, key: Callable[..., Any]
) -> Counter[Any]:
    """Count the calls of ``module.name`` by ``key(*args)``; the real function still runs."""
    real = getattr(module, name)
    calls: Counter[Any] = Counter()

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[key(*args)] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


# the expensive stage of each format and what one call of it parses (a sheet, a page, the whole file)
STAGES: dict[str, tuple[Any, str, Callable[..., Any]]] = {
    ".xlsx": (xlsx, "sheet_grid", lambda sheet, name: name),
    ".pdf": (pdf, "cut_page", lambda page, number, *rest: number),
    ".docx": (docx, "_body", lambda xml: "document.xml"),
    ".html": (html, "parse_tables", lambda text: "page"),
}


@pytest.mark.parametrize("path", [*[p for p in SELFEVAL if p.suffix != ".docx"][:3], *TARGETS], ids=_id)
def test_read_and_review_parses_each_sheet_page_or_document_once(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module, name, key = STAGES[path.suffix]
    calls = _counting(monkeypatch, module, name, key)
    report = read_and_review(path.read_bytes(), path.name)
    assert report.tables or report.selfevaluations
    assert calls and set(calls.values()) == {1}, calls


@pytest.mark.parametrize(
    ("data", "name", "opener"),
    [
        (b"PK\x03\x04" + b"\x00" * 200, "坏.xlsx", "open_workbook"),
        (b"%PDF-1.7\n" + b"\x00" * 200, "坏.pdf", "open_pdf"),
    ],
)
def test_a_file_its_reader_cannot_open_is_refused_and_not_opened_again(
    data: bytes, name: str, opener: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = xlsx if opener == "open_workbook" else pdf
    calls = _counting(monkeypatch, module, opener, lambda *args: opener)
    report = read_and_review(data, name)
    assert not report.ok and not report.selfevaluations
    assert report.problems[0].source.file == name and "无法打开" in report.problems[0].message
    assert calls == {opener: 1}
