"""Issue 11, the failure classes heldout12 showed in the project block, values and invented indicators,
read generally (documents of our own in the layouts of real published tables; projects, names and values
are ours):

1. template rows with '/' in every cell (an unused 二级 of the form) are no indicators;
2. in a PDF's space-aligned text, a 一级 that filled its column runs into the 二级 beside it across one
   space (``满意度指标 服务对象满意``), the 二级 wrapping onto the next line (``度指标``): cut where the
   二级 column starts, then joined, never an indicator of its own.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from jixiao.model import Op
from jixiao.readers.detect import read_any
from jixiao.readers.templaterows import TEMPLATE_ROW
from jixiao.readers.text import read_text


def test_rows_with_a_slash_in_every_cell_are_template_rows(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "绩效目标表"
    rows: list[list[object]] = [
        ["2023年项目支出绩效目标表"],
        ["项目名称", "乡村文化站设备更新"],
        ["主管部门", "某县文化馆", "实施单位", "某县文化馆"],
        ["项目资金(元)", "资金总额", 180000],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)"],
        ["产出指标", "数量指标", "更新文化站数量", "≥", 9, "个", 40],
        ["成本指标", "经济成本指标", "单站更新成本", "≤", 2, "万元", 30],
        [None, "社会成本指标", "/", "/", "/", "/", "/"],
        [None, "生态环境成本指标", "－", "－", "－", "－", "－"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", 30],
    ]
    for row in rows:
        sheet.append(row)
    path = tmp_path / "culture.xlsx"
    book.save(path)
    (table,), diagnostics = read_any(path)
    names = [indicator.name for indicator in table.indicators]
    assert names == ["更新文化站数量", "单站更新成本", "群众满意度"]
    assert [(p.level1, p.level2) for p in table.placeholders] == [
        ("成本指标", "社会成本指标"),
        ("成本指标", "生态环境成本指标"),
    ]
    assert sum(d.code == TEMPLATE_ROW for d in diagnostics) == 2


# A county bureau's 目标表 taken out of a PDF as space-aligned text (layout of the 2018 Liaoning county
# forms): the 一级 '满意度指标' fills its column, so one space is left before the 二级, which wraps.
WRAPPED_AFTER_A_FULL_COLUMN = """                    2018年度项目支出绩效目标表
 项目名称          村屯绿化补植
 主管部门          某县林业局          实施单位      某县林业局
 项目资金          年度资金总额：     260,000.00
 一级指标   二级指标      三级指标                      指标值
 产出指标   数量指标      补植苗木株数                  不少于12000株
            质量指标      苗木成活率                    不低于85%
 效益指标   生态效益指标  绿化覆盖率                    不低于30%
 满意度指标 服务对象满意  村民满意度                    不低于90%
            度指标
 填表人：                  审核人：
"""


def test_a_category_run_into_the_next_column_is_cut_where_that_column_starts() -> None:
    (table,), _ = read_text(WRAPPED_AFTER_A_FULL_COLUMN, "wrapped.txt")
    last = table.indicators[-1]
    assert [indicator.name for indicator in table.indicators] == [
        "补植苗木株数",
        "苗木成活率",
        "绿化覆盖率",
        "村民满意度",
    ]
    assert (last.level1, last.level2) == ("满意度指标", "服务对象满意度指标")
    assert (last.annual.raw, last.annual.op, last.annual.value) == ("不低于90%", Op.GE, Decimal("90"))


def test_words_of_a_value_are_not_cut_at_a_column_start() -> None:
    one_space = WRAPPED_AFTER_A_FULL_COLUMN.replace("不少于12000株", "2018 年 11 月底前")
    (table,), _ = read_text(one_space, "date.txt")
    assert table.indicators[0].annual.raw == "2018 年 11 月底前"
