"""Issue 11, the failure classes heldout13 showed, read generally (documents of our own in the layouts
of real published tables and system exports; projects, names and values are ours):

1. a comparator held in a column of its own: a system export's ``计算符号`` column written in words
   (大于等于, 等于, 小于等于, 定性) before ``年度指标值 | 计量单位``, under a ``三级指标名称`` header.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from jixiao.model import Kind, Op
from jixiao.readers.detect import read_any


def _xlsx(tmp_path: Path, rows: list[list[object]], name: str) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "绩效目标"
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


# A county bureau's export (layout of a 山西 performance-system export): levels on every row, the
# comparator as a word in its own column, numbers stored as numbers, the unit in the last column.
EXPORT_ROWS: list[list[object]] = [
    ["2022年项目支出绩效目标"],
    ["项目名称", "乡村道路养护补助", None, None, "预算年度", 2022],
    ["主管部门", "某县交通运输局", None, None, "年度资金总额(万元)", 320.5],
    ["一级指标", "二级指标", "三级指标名称", "计算符号", "年度指标值", "计量单位"],
    ["产出指标", "数量指标", "养护道路里程", "大于等于", 86.5, "公里"],
    ["产出指标", "质量指标", "养护验收合格率", "等于", 100, "%"],
    ["产出指标", "成本指标", "每公里养护成本", "小于等于", 3.2, "万元/公里"],
    ["效益指标", "社会效益指标", "群众出行条件", "定性", "明显改善", None],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "大于等于", 92, "%"],
]


def test_a_comparator_column_in_words_gives_each_value_its_comparator_and_unit(tmp_path: Path) -> None:
    (table,), _ = read_any(_xlsx(tmp_path, EXPORT_ROWS, "roads.xlsx"))
    read = {i.name: (i.annual.kind, i.annual.op, i.annual.value, i.annual.unit) for i in table.indicators}
    assert read == {
        "养护道路里程": (Kind.QUANTITATIVE, Op.GE, Decimal("86.5"), "公里"),
        "养护验收合格率": (Kind.QUANTITATIVE, Op.EQ, Decimal("100"), "%"),
        "每公里养护成本": (Kind.QUANTITATIVE, Op.LE, Decimal("3.2"), "万元/公里"),
        "群众出行条件": (Kind.QUALITATIVE, None, None, None),
        "沿线群众满意度": (Kind.QUANTITATIVE, Op.GE, Decimal("92"), "%"),
    }
    assert [i.level1 for i in table.indicators][:3] == ["产出指标"] * 3
