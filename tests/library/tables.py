"""Test tables for the library, written in the seed's text format (rows with `` | `` between cells)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jixiao.library import Library, TableRows, build_library, rows_from_document, rows_from_table
from jixiao.readers.text import read_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FIRST_ROW = 15  # the line of the first indicator row of `table()`


def cells(text: str) -> str:
    lines = text.strip("\n").split("\n")
    return "\n".join("\t".join(c.strip() for c in line.split("|")) for line in lines)


def table(
    rows: str, *, name: str = "妇女干部培训经费", unit: str = "东莞市妇女联合会", year: int = 2025
) -> str:
    header = f"""项目绩效目标表

项目名称 | {name}
项目类型 | 其他特定目标类（部门职能类）
项目等级 | 二级项目
主管部门 | {unit}
用款单位 | {unit}
实施周期 | 起始年度 | {year} | 到期年度 | {year}
{year}年预算金额(元) | 100,000.00
总体绩效目标 | 实施周期总目标
 | 做好项目。
 | {year}年度目标
 | 做好项目。
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 实施周期指标值 | 年度指标值
"""
    return cells(header) + "\n" + cells(rows) + "\n"


def read(text: str, file: str = "t.txt") -> list[TableRows]:
    tables, diagnostics = read_text(text, file)
    assert tables, diagnostics
    return [rows_from_table(t) for t in tables]


def mine(*texts: str, previous: Library | None = None) -> Library:
    rows = [r for n, text in enumerate(texts) for r in read(text, f"t{n + 1}.txt")]
    return build_library(rows, previous)


def corpus_documents() -> Iterator[dict[str, Any]]:
    """The corpus's hand-written goldens (expected.json) as stored documents: realistic names, places
    and values from many publishers, independent of how far the readers have come."""
    for path in sorted((CORPUS / "publishers").glob("*/expected.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("kind") != "target":
            continue
        publisher = data.get("stands_for", {}).get("publisher", "")
        for number, item in enumerate(data.get("tables") or [], start=1):
            yield {
                "id": f"{path.parent.name}#{number}",
                "project": {
                    "name": item.get("name"),
                    "unit": item.get("unit") or item.get("department") or publisher,
                    "department": item.get("department"),
                    "year": item.get("year"),
                },
                "indicators": item.get("indicators") or [],
            }


def corpus_rows() -> list[TableRows]:
    return [rows_from_document(d) for d in corpus_documents()]
