"""The official templates and disclosure documents of tests/corpus/publishers, in every format they were
built in (xlsx, docx, PDF, HTML), read against their hand-written goldens.

What the format readers owe is checked strictly: every format of a form gives the same reading, the
target tables are found (funds and layout tables skipped), with their names. The full golden — years
from titles, budgets from 年度资金总额, one value column as the annual value, side-by-side 中期/年度
blocks, the name standing in a 二级指标 column — needs the reader core's next steps (issue 11 items 2–4)
and is marked xfail with what is missing, so it turns green as the core learns it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from jixiao.model import Table, Target
from jixiao.readers.detect import read_any

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "publishers"

# folder → (document formats, what the core still misses for the full golden)
FOLDERS = {
    "zhongyang-caizhengbu-2021": (
        ("xlsx", "docx", "pdf"),
        "",
    ),  # read whole: side-by-side 中期/年度 blocks, 年度资金总额 and 中期资金总额, year from the title
    "hunan-ningxiang-batang-2021-2": (
        ("xlsx", "docx", "pdf"),
        "",
    ),  # read whole since issue 11's stacked blocks
    "guangxi-caizheng-2021": (
        ("html", "xlsx", "docx", "pdf"),
        "",
    ),  # read whole: the name in the 二级指标 column, 投入/过程 as 一级, 指标内容 as text, 起止时间 到
    "shaanxi-jiaxian-2016": (
        ("xlsx", "docx", "pdf"),
        "stacked 长期/年度 blocks, 指标内容 column, 服务对象满意度指标 over two columns, '……' rows",
    ),
    "guangdong-dongguan-bumenyusuan-2025": (("docx",), ""),  # a 三级 named like a category: read
    "chongqing-dazu-zhen-2024": (
        ("html",),
        "",
    ),  # read whole: the title in a <p> beside the table, inside the page's layout table
}
CASES = [(folder, fmt) for folder, (formats, _) in FOLDERS.items() for fmt in formats]


def _golden(folder: str) -> dict[str, Any]:
    golden: dict[str, Any] = json.loads((CORPUS / folder / "expected.json").read_text(encoding="utf-8"))
    return golden


def _read(folder: str, fmt: str) -> list[Table]:
    tables, _ = read_any(CORPUS / folder / f"document.{fmt}")
    return tables


def _amount(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _target_mismatches(where: str, got: Target, want: dict[str, Any] | None) -> list[str]:
    if want is None:
        return [f"{where}: expected none, read {got.raw!r}"] if got.raw else []
    found: dict[str, Any] = {"raw": got.raw, "kind": str(got.kind)}
    wanted: dict[str, Any] = {"raw": want["raw"], "kind": want["kind"]}
    if want["kind"] == "quantitative":
        found |= {"op": str(got.op) if got.op else None, "value": got.value, "unit": got.unit or None}
        wanted |= {"op": want["op"], "value": _amount(want["value"]), "unit": want["unit"]}
    return [f"{where}: {key} {found[key]!r} ≠ {wanted[key]!r}" for key in wanted if found[key] != wanted[key]]


def mismatches(tables: list[Table], golden: dict[str, Any]) -> list[str]:
    """Every difference between what was read and the golden, in words (empty when they agree)."""
    wanted = golden["tables"]
    problems = [] if len(tables) == len(wanted) else [f"{len(tables)} tables read, {len(wanted)} expected"]
    for table, want in zip(tables, wanted, strict=False):
        project = table.project
        fields = {
            "name": (project.name, want["name"]),
            "year": (project.year, want["year"]),
            "department": (project.department, want["department"]),
            "unit": (project.unit, want["unit"]),
            "budget": (project.budget, _amount(want["budget"])),
            "budget_unit": (project.budget_unit if project.budget is not None else None, want["budget_unit"]),
            "total_funds": (getattr(project, "total_funds", None), _amount(want["total_funds"])),
        }
        if want["period"] is not None:
            fields["period"] = ((project.period_start, project.period_end), tuple(want["period"].values()))
        problems += [
            f"{want['name']}: {k} {got!r} ≠ {exp!r}" for k, (got, exp) in fields.items() if got != exp
        ]
        by_name = {i.name: i for i in table.indicators}
        names = {i["name"] for i in want["indicators"]}
        problems += [f"{want['name']}: invented indicator {n!r}" for n in by_name if n not in names]
        for item in want["indicators"]:
            indicator = by_name.get(item["name"])
            where = f"{want['name']}/{item['name']}"
            if indicator is None:
                problems.append(f"{where}: not found")
                continue
            levels = (indicator.level1, indicator.level2 or None)
            if levels != (item["level1"], item["level2"]):
                problems.append(f"{where}: levels {levels} ≠ {(item['level1'], item['level2'])}")
            problems += _target_mismatches(f"{where} annual", indicator.annual, item["annual"])
            if item["period"] is not None:
                problems += _target_mismatches(f"{where} period", indicator.period, item["period"])
    return problems


@pytest.mark.parametrize(("folder", "fmt"), CASES)
def test_the_target_tables_are_found_with_their_names(folder: str, fmt: str) -> None:
    golden = _golden(folder)
    assert golden["kind"] == "target"
    names = [t.project.name for t in _read(folder, fmt)]
    assert names == [t["name"] for t in golden["tables"]]


@pytest.mark.parametrize("folder", [f for f, (formats, _) in FOLDERS.items() if len(formats) > 1])
def test_every_format_of_a_form_reads_the_same(folder: str) -> None:
    """The xlsx, docx, PDF (and HTML) of one form give the same tables, whatever the core makes of them."""
    formats, _ = FOLDERS[folder]

    def shape(tables: list[Table]) -> list[tuple[object, ...]]:
        return [
            (
                t.project.name,
                t.project.budget,
                t.project.department,
                t.project.unit,
                *((i.level1, i.level2, i.name, i.period.raw, i.annual.raw) for i in t.indicators),
            )
            for t in tables
        ]

    readings = {fmt: shape(_read(folder, fmt)) for fmt in formats}
    first = readings[formats[0]]
    for fmt in formats[1:]:
        assert readings[fmt] == first, fmt


def test_the_disclosure_document_reads_its_second_table_exactly() -> None:
    folder = "guangdong-dongguan-bumenyusuan-2025"
    golden = _golden(folder)
    second = dict(golden, tables=golden["tables"][1:])
    assert mismatches(_read(folder, "docx")[1:], second) == []


@pytest.mark.parametrize(
    ("folder", "fmt"),
    [
        pytest.param(f, fmt, marks=pytest.mark.xfail(reason=f"core: {FOLDERS[f][1]}", strict=False))
        if FOLDERS[f][1]
        else pytest.param(f, fmt)
        for f, fmt in CASES
    ],
)
def test_the_whole_golden(folder: str, fmt: str) -> None:
    assert mismatches(_read(folder, fmt), _golden(folder)) == []
