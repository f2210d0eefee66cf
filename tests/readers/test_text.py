"""The text reader on the seed: golden JSON, the three layouts, and the quirks of product.md §4."""

from __future__ import annotations

import json
import os
from decimal import Decimal

import pytest

from jixiao.formats.table_json import table_to_dict
from jixiao.model import Indicator, Kind, Op, Severity, Table
from jixiao.readers.text import read_path, read_text
from tests.seed import CORPUS, SEED_FILE, seed_tables, seed_text

GOLDEN = CORPUS / "dongguan_fulian_2025.json"


def as_pipes(text: str) -> str:
    """The seed as flattened HTML gives it: cells between | bars."""
    return "\n".join(
        "| " + " | ".join(line.split("\t")) + " |" if line.strip() else line for line in text.splitlines()
    )


def as_lines(text: str) -> str:
    """The seed as text extracted from a PDF gives it: each non-empty cell on its own line."""
    return "\n".join(cell for line in text.splitlines() for cell in line.split("\t") if cell.strip())


def test_seed_matches_the_golden_json() -> None:
    """17 tables and 136 indicators, field by field (update with JIXIAO_UPDATE_GOLDEN=1, then review)."""
    actual = [table_to_dict(t) for t in seed_tables()]
    if os.environ.get("JIXIAO_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert actual == json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(actual) == 17
    assert sum(len(t["indicators"]) for t in actual) == 136


@pytest.mark.parametrize("variant", [as_pipes, as_lines], ids=["pipes", "one-cell-per-line"])
def test_other_layouts_read_the_same_tables(variant: object) -> None:
    assert callable(variant)
    tables, diagnostics = read_text(variant(seed_text()), SEED_FILE)
    assert diagnostics == []
    assert tuple(tables) == seed_tables()


def test_gbk_file_is_detected_and_read(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    path = tmp_path / "gbk.txt"
    path.write_bytes(seed_text().encode("gbk"))
    tables, diagnostics = read_path(path)
    assert diagnostics == []
    assert tuple(tables) == seed_tables()


def by_line(line: int) -> Indicator:
    return next(i for t in seed_tables() for i in t.indicators if i.source.line == line)


def test_second_level_name_in_the_first_level_column_is_placed_by_meaning() -> None:
    """Line 26: 时效指标 stands in the 一级 column and the indicator's name in the 二级 column."""
    ind = by_line(26)
    assert (ind.level1, ind.level2, ind.name) == ("产出指标", "时效指标", "单人单月专业服务时长差异率")
    assert ind.layout.role_of("时效指标") == "一级指标"  # type: ignore[union-attr]
    assert ind.annual.op is Op.LE and ind.annual.value == Decimal(0)
    assert ind.annual.subject == "单人单月专业服务时长差异率"


def test_trailing_row_outside_the_tree_belongs_to_the_last_category() -> None:
    ind = by_line(31)
    assert (ind.level1, ind.level2, ind.name) == ("满意度指标", "服务对象满意度", "服务对象满意度(%)")
    assert ind.layout.role_of("服务对象满意度(%)") == "绩效指标"  # type: ignore[union-attr]


def test_rows_shifted_by_an_empty_cell_are_read_by_meaning() -> None:
    ind = by_line(20)
    assert ind.name == "咨询服务数(宗)"
    assert ind.period.raw == "1200个" and ind.annual.raw == "1200个"


def test_first_level_name_in_column_zero() -> None:
    ind = by_line(90)
    assert (ind.level1, ind.level2, ind.name) == ("满意度指标", "服务对象满意度", "服务使用者满意度")


def test_second_level_name_in_column_zero_and_value_with_subject() -> None:
    ind = by_line(455)
    assert (ind.level1, ind.level2, ind.name) == ("效益指标", "社会效益", "法治宣传服务覆盖程度")
    assert (ind.period.op, ind.period.value, ind.period.unit) == (Op.GE, Decimal(65400), "人次")
    assert ind.annual.value == Decimal(21800)


def test_unit_taken_from_the_name_when_the_value_has_none() -> None:
    ind = by_line(448)
    assert ind.name == "咨询服务数（宗）"
    assert (ind.period.value, ind.period.unit, ind.period.unit_from_name) == (Decimal(1080), "宗", True)


def test_period_range_and_annual_deadline() -> None:
    ind = by_line(453)
    assert ind.period.kind is Kind.RANGE and (ind.period.value, ind.period.upper) == (
        Decimal(2023),
        Decimal(2025),
    )
    assert ind.annual.kind is Kind.DEADLINE and ind.annual.value == Decimal(2025)


def test_project_block_and_budget() -> None:
    first = seed_tables()[0].project
    assert first.name == "购买社工岗位服务经费"
    assert (first.period_start, first.period_end, first.year) == (2021, 2029, 2025)
    assert first.budget == Decimal("2480691.00") and first.budget_unit == "元"
    assert first.line_of("budget") == 11
    assert seed_tables()[2].project.open_ended


def test_html_is_removed_from_goal_texts() -> None:
    goals = seed_tables()[15].goals
    assert "<p>" not in goals.period and "</p>" not in goals.annual
    assert goals.annual.startswith("目标1：服务不少于20个以上不重复的“妇女之家”；")


def test_placeholder_categories_are_not_indicators() -> None:
    table = seed_tables()[0]
    assert [(p.level1, p.level2) for p in table.placeholders] == [
        ("成本指标", "社会成本指标"),
        ("成本指标", "生态环境成本指标"),
        ("效益指标", "经济效益"),
        ("效益指标", "生态效益"),
    ]
    assert all(i.name for i in table.indicators)


def test_text_before_between_and_after_tables_is_skipped() -> None:
    parts = seed_text().split("项目绩效目标表")
    noisy = (
        "东莞市妇女联合会2025年部门预算\n附件：项目绩效目标表如下。\n"
        + "项目绩效目标表".join(parts[:3])
        + "\n以下为第二部分说明文字，与表格无关，仅供阅读参考，不属于任何表格的内容。\n项目绩效目标表"
        + parts[3]
        + "\n注：本表由单位填报，财政部门审核。\n"
    )
    for text in (noisy, as_lines(noisy), as_pipes(noisy)):
        tables, diagnostics = read_text(text)
        assert [t.project.name for t in tables] == [t.project.name for t in seed_tables()[:3]]
        assert tuple(tables) == seed_tables()[:3], diagnostics


def test_wrapped_labels_in_pdf_text_are_joined() -> None:
    text = as_lines(seed_text()).replace("2025年预算金额(元)", "2025年预算金\n额(元)", 1)
    tables, diagnostics = read_text(text)
    assert diagnostics == []
    assert tables[0].project.budget == Decimal("2480691.00")


def test_unreadable_value_becomes_unknown_with_a_diagnostic() -> None:
    text = seed_text().replace("1200个\t1200个", "约1200个\t1200个", 1)
    tables, diagnostics = read_text(text, "x.txt")
    assert [(d.code, d.source.line, d.severity) for d in diagnostics] == [("JX-R02", 20, Severity.WARNING)]
    assert "约" in diagnostics[0].message
    assert by_name(tables, "咨询服务数(宗)").period.kind is Kind.UNKNOWN


def by_name(tables: list[Table], name: str) -> Indicator:
    return next(i for t in tables for i in t.indicators if i.name == name)


def test_table_without_a_project_name_is_reported_not_invented() -> None:
    text = seed_text().replace("项目名称\t购买社工岗位服务经费", "项目名称\t", 1)
    tables, diagnostics = read_text(text, "x.txt")
    assert len(tables) == 16
    assert [(d.code, d.severity) for d in diagnostics] == [("JX-R01", Severity.ERROR)]


def test_bad_budget_amount_is_an_error_with_its_line() -> None:
    text = seed_text().replace("2,480,691.00", "二百四十八万", 1)
    tables, diagnostics = read_text(text, "x.txt")
    assert tables[0].project.budget is None
    assert [(d.code, d.source.line) for d in diagnostics] == [("JX-R05", 11)]


def test_amounts_in_wan_yuan_are_stored_in_yuan() -> None:
    text = seed_text().replace("2025年预算金额(元)\t2,480,691.00", "2025年预算金额(万元)\t248.0691", 1)
    tables, _ = read_text(text)
    assert tables[0].project.budget == Decimal("2480691") and tables[0].project.budget_unit == "万元"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "文件是空的"),
        (b"\x00\x01\x02\x03binary\x00", "不是文本文件"),
        (b"just some words\n", "没有找到"),
    ],
)
def test_unreadable_files_give_one_clear_message(tmp_path: object, content: bytes, message: str) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    path = tmp_path / "f.txt"
    path.write_bytes(content)
    tables, diagnostics = read_path(path)
    assert tables == [] and len(diagnostics) == 1
    assert message in diagnostics[0].message and diagnostics[0].code == "JX-R00"
