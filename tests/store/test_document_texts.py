"""The stored text and content hash of a table come from one encoding, and are exactly those of two
(`json.dumps` of the document, and of the document without sources and lines), whatever its text."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from jixiao.model import Reading, SourceRef, Table
from jixiao.readers.detect import read_bytes
from jixiao.store import document
from jixiao.store.document import dumps_and_hash, table_to_dict


def _two_encodings(table: Table) -> tuple[str, str]:
    """The stored text and hash as the document module has always made them."""
    full = table_to_dict(table)
    hashed: dict[str, Any] = {**full, "goals": dict(full["goals"])}
    hashed["indicators"] = [{k: v for k, v in i.items() if k != "source"} for i in full["indicators"]]
    hashed["placeholders"] = [{k: v for k, v in p.items() if k != "source"} for p in full["placeholders"]]
    hashed.pop("source")
    hashed["goals"].pop("period_line", None)
    hashed["goals"].pop("annual_line", None)
    text = json.dumps(hashed, ensure_ascii=False, sort_keys=True)
    return json.dumps(full, ensure_ascii=False, sort_keys=True), hashlib.sha256(text.encode()).hexdigest()


def _tables(seed_path: Path) -> list[Table]:
    return list(read_bytes(seed_path.read_bytes(), str(seed_path))[0])


def test_the_seeds_tables_stored_text_and_hash_are_those_of_two_encodings(seed_path: Path) -> None:
    tables = _tables(seed_path)
    assert len(tables) == 17
    for table in tables:
        assert document._texts_at_once(table_to_dict(table)) is not None  # the one-encoding way
        assert dumps_and_hash(table) == _two_encodings(table)
        assert dumps_and_hash(table)[1] == document.content_hash(table)


@pytest.mark.parametrize(
    "text",
    [
        "\x00jixiao-cut-0\x00",  # a marker as a whole string
        'x", "source": "\x00jixiao-cut-1\x00',
        "\x00jixiao-separator\x00",
        "\x00",
    ],
)
def test_text_that_looks_like_a_marker_still_gives_the_same_text_and_hash(seed_path: Path, text: str) -> None:
    table = _tables(seed_path)[0]
    odd = replace(
        table,
        project=replace(table.project, name=text),
        source=replace(table.source, file=text),
        reading=Reading(inferred=(text, "\x00jixiao-separator\x00")),
        indicators=(replace(table.indicators[0], source=SourceRef(text, 3)), *table.indicators[1:]),
    )
    assert dumps_and_hash(odd) == _two_encodings(odd)
