"""The seed document, shared by tests: 17 real tables published by 东莞市妇女联合会 for 2025."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jixiao.model import Table
from jixiao.readers.text import read_text

CORPUS = Path(__file__).parent / "corpus"
SEED_PATH = CORPUS / "dongguan_fulian_2025.txt"
SEED_FILE = "dongguan_fulian_2025.txt"


@cache
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@cache
def seed_tables() -> tuple[Table, ...]:
    tables, diagnostics = read_text(seed_text(), SEED_FILE)
    assert diagnostics == []
    return tuple(tables)
