"""Issue 11, the failure classes heldout13 showed, read generally (documents of our own in the layouts
of real published tables and system exports; projects, names and values are ours):

1. a comparator held in a column of its own: a system export's ``计算符号`` column written in words
   (大于等于, 等于, 小于等于, 定性) before ``年度指标值 | 计量单位``, under a ``三级指标名称`` header;
2. values written in Chinese numerals with comparator words (``不少于一百二十件``, ``百分之百``,
   ``不低于百分之九十五``, ``不超过两千元/村``), while grades and phrases holding a numeral character stay
   qualitative;
3. 一级 and 二级 in ONE hyphen-joined column (``产出指标-数量指标``), after a 序号 column or not.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from jixiao.model import Kind, Op
from jixiao.readers.detect import read_any
from jixiao.readers.text import read_text
from jixiao.value_numerals import numeral_value
from jixiao.values import parse_target


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


# A county bureau's table copied from a web page, tab-separated, every value in words (layout of pages
# that write figures in Chinese numerals).
NUMERALS_IN_WORDS = """2021年项目支出绩效目标表
项目名称\t社区矫正教育帮扶经费
主管部门\t某县司法局\t实施单位\t某县司法局
年度资金总额（万元）\t24.6
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t开展集中教育次数\t不少于二十四次
产出指标\t质量指标\t社区矫正对象帮扶覆盖率\t百分之百
产出指标\t成本指标\t每人帮扶成本\t不超过一千五百元/人
效益指标\t社会效益指标\t矫正对象再犯罪率\t低于百分之一
满意度指标\t服务对象满意度指标\t矫正对象满意度\t不低于百分之九十
"""


def test_values_in_chinese_numerals_are_read_as_numbers_and_keep_their_text() -> None:
    (table,), _ = read_text(NUMERALS_IN_WORDS, "page.txt")
    read = {i.name: (i.annual.raw, i.annual.op, i.annual.value, i.annual.unit) for i in table.indicators}
    assert read == {
        "开展集中教育次数": ("不少于二十四次", Op.GE, Decimal("24"), "次"),
        "社区矫正对象帮扶覆盖率": ("百分之百", None, Decimal("100"), "%"),
        "每人帮扶成本": ("不超过一千五百元/人", Op.LE, Decimal("1500"), "元/人"),
        "矫正对象再犯罪率": ("低于百分之一", Op.LT, Decimal("1"), "%"),
        "矫正对象满意度": ("不低于百分之九十", Op.GE, Decimal("90"), "%"),
    }


@pytest.mark.parametrize(
    ("written", "number"),
    [("一百二十", 120), ("两千", 2000), ("百", 100), ("十二", 12), ("三万五千", 35000), ("一千零五", 1005)],
)
def test_a_chinese_numeral_gives_its_number(written: str, number: int) -> None:
    assert numeral_value(written) == number


@pytest.mark.parametrize("written", ["一流", "十佳", "统一标准", "三星级服务", "一一对应", "显著提升"])
def test_grades_and_phrases_holding_a_numeral_stay_qualitative(written: str) -> None:
    target = parse_target(written)
    assert (target.kind, target.value) == (Kind.QUALITATIVE, None)


# A county bureau's table (layout of forms with a joined 指标类别 column):
# 序号 | 指标类别 | 指标名称 | 目标值.
JOINED_LEVELS = """2024年项目支出绩效目标表
项目名称\t农村饮水安全维修养护\t预算年度\t2024
主管部门\t某县水利局\t资金总额（万元）\t36.00
序号\t指标类别\t指标名称\t目标值\t备注
1\t产出指标-数量指标\t维修供水工程处数\t≥25处\t
2\t产出指标-成本指标\t单处维修成本\t≤1.2万元\t
3\t效益指标-社会效益指标\t农村供水保障水平\t有效提升\t
4\t满意度指标-服务对象满意度指标\t受益群众满意度\t≥90%\t抽样
"""


@pytest.mark.parametrize("numbered", [True, False])
def test_levels_joined_by_a_hyphen_in_one_column_are_split_into_the_tree(numbered: bool) -> None:
    document = JOINED_LEVELS
    if not numbered:  # the same table without its 序号 column
        document = re.sub(r"(?m)^(?:序号|\d)\t", "", document)
    (table,), _ = read_text(document, "water.txt")
    read = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("产出指标", "数量指标", "维修供水工程处数", "≥25处"),
        ("产出指标", "成本指标", "单处维修成本", "≤1.2万元"),
        ("效益指标", "社会效益指标", "农村供水保障水平", "有效提升"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"),
    ]
