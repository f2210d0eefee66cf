"""Issue 11, the classes heldout18 showed, read generally (tables of our own in the layouts of real
published tables; projects, names and values are ours):

1. a comparator column headed ``运算符`` in ASCII forms (``>=``, ``<=``, ``定性``) beside 指标值 and 计量单位:
   the comparator read from it, as from 比较符 or 计算符号 — on the header row or under a merged 指标值;
2. in text copied out of a PDF with single spaces between cells, a 二级 (or 一级) cell wrapped onto a
   line of its own under its row (``服务对象满意`` / ``度指标``): joined back into its cell where the two
   make a category the catalogue knows, never an indicator of its own.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Kind, Op
from jixiao.readers.text import read_text

OPERATOR_COLUMN = """某县人力资源和社会保障局2024年项目支出绩效目标表
项目名称 | 某县就业见习补贴项目 |
主管部门 | 某县人力资源和社会保障局 | 实施单位 | 某县就业服务中心 |
项目资金（万元） | 年度资金总额 | 80 |
年度目标 | 组织高校毕业生就业见习。 |
一级指标 | 二级指标 | 三级指标 | 运算符 | 指标值 | 计量单位 |
产出指标 | 数量指标 | 见习岗位数 | >= | 120 | 个 |
 | 时效指标 | 补贴发放时间 | <= | 20 | 工作日 |
效益指标 | 社会效益指标 | 见习留用情况 | 定性 | 稳步提高 | |
满意度指标 | 服务对象满意度指标 | 见习人员满意度 | = | 95 | % |
"""


def test_comparator_column_headed_yunsuanfu() -> None:
    tables, _ = read_text(OPERATOR_COLUMN, "op.txt")
    (table,) = tables
    got = [(i.name, i.annual.kind, i.annual.op, i.annual.value, i.annual.unit) for i in table.indicators]
    assert got == [
        ("见习岗位数", Kind.QUANTITATIVE, Op.GE, Decimal("120"), "个"),
        ("补贴发放时间", Kind.QUANTITATIVE, Op.LE, Decimal("20"), "工作日"),
        ("见习留用情况", Kind.QUALITATIVE, None, None, None),
        ("见习人员满意度", Kind.QUANTITATIVE, Op.EQ, Decimal("95"), "%"),
    ]


TWO_ROW_HEADER = """某县人力资源和社会保障局2024年项目支出绩效目标表
项目名称 | 某县就业见习补贴项目 |
主管部门 | 某县人力资源和社会保障局 | 实施单位 | 某县就业服务中心 |
项目资金（万元） | 年度资金总额 | 80 |
年度目标 | 组织高校毕业生就业见习。 |
一级指标 | 二级指标 | 三级指标 | 指标值 | | |
 | | | 运算符 | 目标值 | 计量单位 |
产出指标 | 数量指标 | 见习岗位数 | >= | 120 | 个 |
满意度指标 | 服务对象满意度指标 | 见习人员满意度 | = | 95 | % |
"""


def test_comparator_column_headed_yunsuanfu_under_a_merged_value_header() -> None:
    tables, _ = read_text(TWO_ROW_HEADER, "op2.txt")
    (table,) = tables
    assert [(i.name, i.annual.op, i.annual.value, i.annual.unit) for i in table.indicators] == [
        ("见习岗位数", Op.GE, Decimal("120"), "个"),
        ("见习人员满意度", Op.EQ, Decimal("95"), "%"),
    ]


PDF_COPY = """某县民政局2023年项目支出绩效目标表
单位：万元
项目名称 某县临时救助项目
主管部门 某县民政局 实施单位 某县社会救助中心
项目资金 年度资金总额 260.00
年度绩效目标 及时救助遭遇突发困难的群众。
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 临时救助人次 ≥900人次
质量指标 救助对象认定准确率 100%
效益指标 社会效 困难群众基本生活 得到保障
益指标
满意度指标 服务对象满意 受助群众满意度 ≥90%
度指标
第 1 页
"""


def test_category_tail_wrapped_under_its_row() -> None:
    tables, _ = read_text(PDF_COPY, "pdf.txt")
    (table,) = tables
    assert [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators] == [
        ("产出指标", "数量指标", "临时救助人次", "≥900人次"),
        ("产出指标", "质量指标", "救助对象认定准确率", "100%"),
        ("效益指标", "社会效益指标", "困难群众基本生活", "得到保障"),
        ("满意度指标", "服务对象满意度指标", "受助群众满意度", "≥90%"),
    ]


def test_short_line_completing_no_category_is_left_alone() -> None:
    text = PDF_COPY.replace("度指标\n", "度\n")  # ``服务对象满意度`` is no category: nothing joined
    tables, _ = read_text(text, "pdf.txt")
    (table,) = tables
    assert "服务对象满意度指标" not in [i.level2 for i in table.indicators]
