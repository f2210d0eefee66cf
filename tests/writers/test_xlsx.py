"""The xlsx writer prints the official layout: merged tree cells, money format, print setup."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from jixiao.model import Goals, Indicator, Kind, Placeholder, Project, Table, Target
from jixiao.writers.xlsx import FLAT_SHEET, MONEY_FORMAT, write_xlsx


def _target(raw: str) -> Target:
    return Target(raw=raw, kind=Kind.QUALITATIVE)


def _indicator(level1: str, level2: str, name: str, value: str, weight: str | None = None) -> Indicator:
    return Indicator(
        level1, level2, name, _target(value), _target(value), weight=Decimal(weight) if weight else None
    )


def _table(name: str = "购买社工岗位服务经费", weights: bool = False) -> Table:
    w = "10" if weights else None
    return Table(
        project=Project(
            name=name,
            type="其他事业发展性支出",
            level="二级项目",
            department="东莞市妇女联合会",
            unit="东莞市妇女联合会",
            period_start=2021,
            period_end=2029,
            year=2025,
            budget=Decimal("2480691.00"),
        ),
        goals=Goals(period="目标1: 支援有困难及危机的家庭。", annual="开展个案57个。"),
        indicators=(
            _indicator("成本指标", "经济成本指标", "预算控制数", "≤2480691元", w),
            _indicator("产出指标", "数量指标", "咨询服务数(宗)", "1200个", w),
            _indicator("产出指标", "数量指标", "个案服务指标数", "110个", w),
            _indicator("产出指标", "质量指标", "社工证持有率", "100%", w),
            _indicator("满意度指标", "服务对象满意度指标", "用人单位满意度", "≥85%", w),
        ),
        placeholders=(Placeholder("成本指标", "社会成本指标"), Placeholder("效益指标", "经济效益指标")),
    )


def _column(sheet, letter: str) -> list[object]:  # type: ignore[no-untyped-def]
    return [sheet[f"{letter}{row}"].value for row in range(1, sheet.max_row + 1)]


def test_one_sheet_per_table_with_official_layout(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    write_xlsx([_table(), _table("购买白玉兰家庭服务项目")], out)
    book = load_workbook(out)
    assert book.sheetnames == ["1 购买社工岗位服务经费", "2 购买白玉兰家庭服务项目", FLAT_SHEET]
    sheet = book.worksheets[0]
    labels = _column(sheet, "A")
    assert labels[:9] == [
        "项目绩效目标表",
        "项目名称",
        "项目类型",
        "项目等级",
        "主管部门",
        "用款单位",
        "实施周期",
        "2025年预算金额(元)",
        "总体绩效目标",
    ]
    assert sheet["B8"].value == Decimal("2480691.00") or sheet["B8"].value == 2480691
    assert sheet["B8"].number_format == MONEY_FORMAT
    header = labels.index("绩效指标") + 1
    assert [sheet.cell(header, c).value for c in range(1, 7)] == [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "实施周期指标值",
        "年度指标值",
    ]
    # Placeholders sit in their catalogue place: 社会成本 after 经济成本, 经济效益 before 满意度.
    names = [(sheet.cell(r, 3).value, sheet.cell(r, 4).value) for r in range(header + 1, sheet.max_row + 1)]
    assert names == [
        ("经济成本指标", "预算控制数"),
        ("社会成本指标", None),
        ("数量指标", "咨询服务数(宗)"),
        (None, "个案服务指标数"),
        ("质量指标", "社工证持有率"),
        ("经济效益指标", None),
        ("服务对象满意度指标", "用人单位满意度"),
    ]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    first = header + 1
    assert f"B{first}:B{first + 1}" in merged  # 成本指标 over its two rows
    assert f"B{first + 2}:B{first + 4}" in merged  # 产出指标 over three
    assert f"C{first + 2}:C{first + 3}" in merged  # 数量指标 over two
    assert f"A{header + 1}:A{sheet.max_row}" in merged  # the 绩效指标 column down the whole tree
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.cell(first, 4).border.left.style == "thin"
    assert sheet.cell(first, 4).alignment.wrap_text


def test_all_tables_on_one_sheet_with_page_breaks(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    write_xlsx([_table(), _table("第二个项目"), _table("第三个项目")], out, one_sheet=True)
    book = load_workbook(out)
    assert book.sheetnames == ["绩效目标表", FLAT_SHEET]
    sheet = book.worksheets[0]
    assert _column(sheet, "A").count("项目绩效目标表") == 3
    assert len(sheet.row_breaks.brk) == 2


def test_weights_get_a_column_and_the_flat_sheet_lists_every_indicator(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    write_xlsx([_table(weights=True), _table("二")], out)
    book = load_workbook(out)
    sheet = book.worksheets[0]
    header = _column(sheet, "A").index("绩效指标") + 1
    assert sheet.cell(header, 7).value == "权重"
    assert sheet.cell(header + 1, 7).value == 10
    flat = book[FLAT_SHEET]
    assert flat.max_row == 2 + 10
    assert flat["H3"].value == "预算控制数"
    assert flat["B12"].value == "二"


def test_long_names_are_cut_to_excel_sheet_name_rules(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    long_name = "东莞市妇联广东省妇女维权与信息服务站[东莞站]项目/二期工程建设与运营管理经费"
    write_xlsx([_table(long_name), _table(long_name)], out)
    names = load_workbook(out).sheetnames
    assert len(set(names)) == 3
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
