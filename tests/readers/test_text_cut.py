"""A text is cut into rows once per file: the table reader and the self-evaluation check share the cut
(`readers.text.TextCut`), and what either reads is what it read from its own cut before."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from jixiao.model import SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.detect import read_bytes, read_bytes_keeping_parsed
from jixiao.readers.selfeval_published import _SELFEVAL_WORDS, looks_published
from jixiao.readers.text import TextCut, decode, read_text, text_rows
from jixiao.service.reading import audit_published

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEXTS = [CORPUS / "dongguan_fulian_2025.txt", *sorted(CORPUS.glob("*/*/document.txt"))]
SELFEVAL_TEXTS = sorted(CORPUS.glob("selfeval*/*/document.txt"))


def test_the_corpus_has_texts_of_both_kinds() -> None:
    assert len(TEXTS) > 150 and len(SELFEVAL_TEXTS) > 20


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_the_shared_cut_reads_and_keeps_the_rows_of_a_cut_of_its_own(path: Path) -> None:
    text = decode(path.read_bytes())
    assert text is not None
    cut = TextCut(text, path.name)
    assert read_text(text, path.name, cut) == read_text(text, path.name)
    assert cut.rows() == list(text_rows(text, path.name))
    assert cut.rows() == list(text_rows(text, path.name))  # asked again: the same rows, not cut twice


def test_published_self_evaluations_are_audited_alike_from_the_shared_rows() -> None:
    audited = 0
    for path in SELFEVAL_TEXTS:
        data = path.read_bytes()
        tables, diagnostics, cut = read_bytes_keeping_parsed(data, path.name)
        assert (tables, diagnostics) == read_bytes(data, path.name)
        assert cut is not None
        audits = audit_published(data, path.name, cut)
        assert audits == audit_published(data, path.name), path
        audited += len(audits)
    assert audited >= len(SELFEVAL_TEXTS)  # most hold one, some several (a few none: too damaged)


def _looks_published_cell_by_cell(rows: list[Row]) -> bool:
    """The check as it was written before one normalisation of all cells: each cell on its own."""
    words = {unicodedata.normalize("NFKC", c).replace(" ", "").strip(" |") for r in rows for c in r.cells}
    joined = " ".join(words)
    return sum(1 for w in _SELFEVAL_WORDS if w in joined) >= 3 or "自评表" in joined


@pytest.mark.parametrize(
    "cells",
    [
        ("项目支出绩效自评表",),
        ("\u2f83评表",),  # ⾃ (Kangxi radical) is 自 in NFKC
        ("评表自评", "表自"),  # 自评表 across the two cells, whichever comes first: not found
        ("得\u3000分", "执行率", "实际完成值"),  # an ideographic space is dropped like a space
        ("｜得分｜", "ｅ\u0301", "\u0301执行率", "预算执行数"),  # full-width bars; a mark opening a cell
        ("年度指标值", "一级指标", "得分"),
        (),
    ],
)
def test_looks_published_is_the_cell_by_cell_check(cells: tuple[str, ...]) -> None:
    rows = [Row((cell,), SourceRef("表.txt", n)) for n, cell in enumerate(cells, 1)]
    assert looks_published(rows) == _looks_published_cell_by_cell(rows)


def test_looks_published_on_every_corpus_text_is_the_cell_by_cell_check() -> None:
    seen = set()
    for path in TEXTS:
        text = decode(path.read_bytes())
        assert text is not None
        rows = list(text_rows(text, path.name))
        seen.add(looks_published(rows))
        assert looks_published(rows) == _looks_published_cell_by_cell(rows), path
    assert seen == {True, False}
