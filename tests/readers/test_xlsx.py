"""Workbooks in: our own layout back exactly, and the layouts units fill in, read by meaning."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.model import Kind, Op, Severity, Table
from jixiao.readers.xlsx import ENCRYPTED_MESSAGE, read_xlsx_bytes, read_xlsx_path
from jixiao.values import canonical_text
from jixiao.writers.xlsx import write_xlsx
from tests.seed import seed_tables


def _seed() -> list[Table]:
    return list(seed_tables())


@pytest.mark.parametrize("one_sheet", [False, True])
def test_seed_round_trips_through_our_layout(tmp_path: Path, one_sheet: bool) -> None:
    seed = _seed()
    out = tmp_path / "seed.xlsx"
    write_xlsx(seed, out, one_sheet=one_sheet)
    back, diagnostics = read_xlsx_path(out)
    assert diagnostics == []
    assert back == seed
    assert sum(len(t.indicators) for t in back) == 136
    assert str(back[0].project.budget) == "2480691.00"


def test_weights_round_trip(tmp_path: Path) -> None:
    from dataclasses import replace

    seed = _seed()[:2]
    weighted = [
        replace(t, indicators=tuple(replace(i, weight=Decimal(n + 5)) for n, i in enumerate(t.indicators)))
        for t in seed
    ]
    out = tmp_path / "w.xlsx"
    write_xlsx(weighted, out)
    back, diagnostics = read_xlsx_path(out)
    assert diagnostics == []
    assert back == weighted
    assert back[0].indicators[2].weight == Decimal(7)


def _project_block(ws: Worksheet, start: int, name: str, budget: float = 500000) -> int:
    """The project block as units lay it out: label in A, value merged over B:H."""
    rows = [
        ("项目名称", name),
        ("项目类型", "其他运转类（综合类）"),
        ("主管部门", "某市财政局"),
        ("实施单位", "某市财政局"),
        ("实施周期", "2024-2026年"),
        ("2025年度预算金额（万元）", budget / 10000),
        ("年度绩效目标", "完成全市预算绩效管理培训，覆盖率达到95%以上。"),
    ]
    for offset, (label, value) in enumerate(rows):
        r = start + offset
        ws.cell(r, 1, label)
        ws.cell(r, 2, value)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=8)
    return start + len(rows)


def test_split_value_columns_under_merged_headings(tmp_path: Path) -> None:
    """实施周期指标值 and 年度指标值 each over 指标性质 | 指标值 | 度量单位, two header rows."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "绩效目标"
    ws["A1"] = "项目支出绩效目标申报表"
    row = _project_block(ws, 2, "预算绩效管理培训")
    ws.cell(row, 1, "一级指标")
    ws.cell(row, 2, "二级指标")
    ws.cell(row, 3, "三级指标")
    ws.cell(row, 4, "实施周期指标值")
    ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=6)
    ws.cell(row, 7, "年度指标值")
    ws.merge_cells(start_row=row, start_column=7, end_row=row, end_column=9)
    for col, text in enumerate(["指标性质", "指标值", "度量单位"] * 2, start=4):
        ws.cell(row + 1, col, text)
    body = [
        ("产出指标", "数量指标", "培训人次", "≥", 3000, "人次", "≥", 1000, "人次"),
        (None, None, "培训场次", "=", 30, "场", "=", 10, "场"),
        (None, "质量指标", "培训覆盖率", "≥", 95, "%", "≥", 95, "%"),
        (None, "时效指标", "完成时间", "定性", "2026年12月", None, "定性", "2025年12月", None),
        ("成本指标", "经济成本指标", "人均培训成本", "≤", 210, "元/人/天", "≤", 210, "元/人/天"),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "≥", 90, "%", "≥", 90, "%"),
    ]
    for n, values in enumerate(body):
        for col, value in enumerate(values, start=1):
            ws.cell(row + 2 + n, col, value)
    ws.merge_cells(start_row=row + 2, start_column=1, end_row=row + 4, end_column=1)
    out = tmp_path / "split.xlsx"
    book.save(out)

    tables, diagnostics = read_xlsx_path(out)
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    (table,) = tables
    assert table.project.name == "预算绩效管理培训"
    assert table.project.budget == Decimal("500000")
    assert table.project.budget_unit == "万元"
    assert (table.project.period_start, table.project.period_end) == (2024, 2026)
    # the value as its 指标值 cell wrote it (raw), the 指标性质 and 度量单位 folded into its meaning
    got = [
        (i.level1, i.level2, i.name, canonical_text(i.period), canonical_text(i.annual))
        for i in table.indicators
    ]
    assert got == [
        ("产出指标", "数量指标", "培训人次", "≥3000人次", "≥1000人次"),
        ("产出指标", "数量指标", "培训场次", "=30场", "=10场"),
        ("产出指标", "质量指标", "培训覆盖率", "≥95%", "≥95%"),
        ("产出指标", "时效指标", "完成时间", "2026年12月", "2025年12月"),
        ("成本指标", "经济成本指标", "人均培训成本", "≤210元/人/天", "≤210元/人/天"),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "≥90%"),
    ]
    assert [(i.period.raw, i.annual.raw) for i in table.indicators[:2]] == [("3000", "1000"), ("30", "10")]
    coverage = table.indicators[2].annual
    assert (coverage.kind, coverage.op, coverage.value, coverage.unit) == (Kind.QUANTITATIVE, Op.GE, 95, "%")
    assert table.indicators[3].annual.kind is Kind.DEADLINE
    assert table.indicators[0].source.sheet == "绩效目标"
    assert table.indicators[0].source.cell == f"A{row + 2}"  # the row starts at its 一级 cell


def test_weight_column_and_one_value_column(tmp_path: Path) -> None:
    """One header row: 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 权重 (an annual form)."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Sheet1"
    row = _project_block(ws, 1, "社区矫正经费")
    headers = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重（%）"]
    for col, text in enumerate(headers, start=1):
        ws.cell(row, col, text)
    body = [
        ("产出指标", "数量指标", "走访人数", "≥", 120, "人", 20),
        (None, "质量指标", "走访记录完整率", "=", 100, "%", 20),
        (None, "时效指标", "按时完成率", "≥", 95, "%", 10),
        ("效益指标", "社会效益指标", "再犯罪率", "≤", 0.5, "%", 30),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", "二十"),
    ]
    for n, values in enumerate(body):
        for col, value in enumerate(values, start=1):
            ws.cell(row + 1 + n, col, value)
    buffer = io.BytesIO()
    book.save(buffer)

    tables, diagnostics = read_xlsx_bytes(buffer.getvalue(), "weights.xlsx")
    (table,) = tables
    got = [(i.name, i.period.raw, i.annual.raw, canonical_text(i.annual), i.weight) for i in table.indicators]
    assert got == [
        ("走访人数", "", "120", "≥120人", Decimal(20)),
        ("走访记录完整率", "", "100", "=100%", Decimal(20)),
        ("按时完成率", "", "95", "≥95%", Decimal(10)),
        ("再犯罪率", "", "0.5", "≤0.5%", Decimal(30)),
        ("群众满意度", "", "90", "≥90%", None),
    ]
    assert table.indicators[3].annual.value == Decimal("0.5")
    bad = [d for d in diagnostics if d.code == "JX-R20"]
    assert len(bad) == 1 and str(bad[0].source) == f"weights.xlsx!Sheet1!G{row + 5}"


def test_two_tables_on_one_sheet(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    row = 1
    for name, count in (("第一个项目", 3), ("第二个项目", 2)):
        ws.cell(row, 1, "项目绩效目标表")
        row = _project_block(ws, row + 1, name)
        for col, text in enumerate(["一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"], 1):
            ws.cell(row, col, text)
        for n in range(count):
            ws.cell(row + 1 + n, 1, "产出指标" if n == 0 else None)
            ws.cell(row + 1 + n, 2, "数量指标" if n == 0 else None)
            ws.cell(row + 1 + n, 3, f"{name}指标{n + 1}")
            ws.cell(row + 1 + n, 4, f"{(n + 1) * 10}个")
            ws.cell(row + 1 + n, 5, f"{n + 1}个")
        row += count + 3  # a gap, as people leave one
    out = tmp_path / "two.xlsx"
    book.save(out)

    tables, diagnostics = read_xlsx_path(out)
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    assert [t.project.name for t in tables] == ["第一个项目", "第二个项目"]
    assert [len(t.indicators) for t in tables] == [3, 2]
    assert tables[1].indicators[1].name == "第二个项目指标2"
    assert tables[1].indicators[1].period.value == Decimal(20)
    assert tables[0].project.budget == Decimal("500000")


def test_unreadable_value_is_reported_with_its_cell(tmp_path: Path) -> None:
    seed = _seed()[:1]
    out = tmp_path / "v.xlsx"
    write_xlsx(seed, out)
    from openpyxl import load_workbook

    book = load_workbook(out)
    ws = book.worksheets[0]
    target = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == "个案服务指标数")
    ws.cell(target, 5, "约110个")
    book.save(out)
    _, diagnostics = read_xlsx_path(out)
    (unknown,) = [d for d in diagnostics if d.code == "JX-R02"]
    assert str(unknown.source) == f"{out}!{ws.title}!E{target}"


def _only_error(result: tuple[list[Table], list]) -> str:  # type: ignore[type-arg]
    tables, diagnostics = result
    assert tables == []
    (problem,) = diagnostics
    assert problem.severity is Severity.ERROR
    return str(problem.message)


def test_corrupt_workbook_gives_a_clear_message(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    write_xlsx(_seed()[:1], good)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[:3000])
    assert "已损坏" in _only_error(read_xlsx_path(broken))
    # A valid zip without a workbook inside.
    fake = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert "已损坏" in _only_error(read_xlsx_path(fake))
    text = tmp_path / "text.xlsx"
    text.write_text("项目名称\t某项目\n", encoding="utf-8")
    assert "不是 Excel 工作簿" in _only_error(read_xlsx_path(text))
    assert "文件不存在" in _only_error(read_xlsx_path(tmp_path / "missing.xlsx"))


def test_password_protected_workbook_gives_a_clear_message(tmp_path: Path) -> None:
    msoffcrypto = pytest.importorskip("msoffcrypto", reason="dev dependency msoffcrypto-tool")
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = tmp_path / "plain.xlsx"
    write_xlsx(_seed()[:1], plain)
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as sink:
        OOXMLFile(source).encrypt("secret", sink)
    assert locked.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # a real OLE/CFB encrypted container
    del msoffcrypto
    assert _only_error(read_xlsx_path(locked)) == ENCRYPTED_MESSAGE


def test_a_workbook_without_tables_says_so(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws["A1"] = "会议纪要"
    out = tmp_path / "empty.xlsx"
    book.save(out)
    assert "没有找到项目绩效目标表" in _only_error(read_xlsx_path(out))


def test_percentages_typed_into_cells_read_as_percentages(tmp_path: Path) -> None:
    """``95%`` typed into Excel is stored as 0.95 with a percent format: it must not become 0.95."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    row = _project_block(ws, 1, "满意度调查")
    for col, text in enumerate(["一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"], start=1):
        ws.cell(row, col, text)
    values = [("质量指标", "验收合格率", 1, 1), (None, "覆盖率", 0.95, 0.9), ("数量指标", "调查次数", 4, 2)]
    for n, (level2, name, period, annual) in enumerate(values, start=1):
        ws.cell(row + n, 1, "产出指标" if n == 1 else None)
        ws.cell(row + n, 2, level2)
        ws.cell(row + n, 3, name)
        for col, value in ((4, period), (5, annual)):
            cell = ws.cell(row + n, col, value)
            if level2 != "数量指标":
                cell.number_format = "0%"
    out = tmp_path / "pct.xlsx"
    book.save(out)
    (table,), _ = read_xlsx_path(out)
    got = [(i.name, i.period.raw, i.annual.raw) for i in table.indicators]
    assert got == [("验收合格率", "100%", "100%"), ("覆盖率", "95%", "90%"), ("调查次数", "4", "2")]
    assert table.indicators[1].annual.unit == "%"
