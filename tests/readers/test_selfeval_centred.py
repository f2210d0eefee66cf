"""A 自评表 PDF flattened to text by pdfplumber, its cells centred in their rows: a header cell or a name
wrapped onto two lines prints its first line above its row and its second below. They are put back
only where the pieces make a column name the reader knows, or a name where a row's labels are followed
at once by its target; anything else is left as it was."""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_centred import join_centred
from jixiao.readers.selfeval_published import read_published_text
from jixiao.readers.text import text_rows

# Our own 村道 project in the central 10号 form as pdfplumber flattens it (A4 landscape, 7 pt).
FLATTENED = """项目支出绩效自评表
(2022年度)
项目名称 村道日常养护
主管部门 某镇人民政府 实施单位 某镇人民政府
全年预算 执行
项目资金 (万元) 年初预算数 全年执行数 分值 得分
数 率
年度资金总额 50 50 45 10 90% 9
其中:当年财政拨款 50 50 45 — —
年度指标 偏差原因分析及改
绩效指标 一级指标 二级指标 三级指标 实际完成值 分值 得分
值 进措施
产出指标(50分) 数量指标 养护村道里程 ≥40公里 40公里 30 30
质量指标 路况优良率 ≥80% 82% 20 20
因养护不到位引发的交
效益指标(30分) 社会效益指标 0起 0起 30 30
通事故
满意度指标(10分) 服务对象满意度指标 沿线群众满意度 ≥90% 88% 10 8 个别路段雨后积水
总分 100 97
"""


def test_centred_header_cells_go_back_to_their_columns() -> None:
    (table,) = read_published_text(FLATTENED, "村道.txt")
    (total, _) = table.funds
    assert (total.initial, total.budget, total.executed) == (Decimal(50), Decimal(50), Decimal(45))
    assert (total.weight, total.rate, total.score) == (Decimal(10), Decimal(90), Decimal(9))
    assert table.budget_score == Decimal(9) and table.total == Decimal(97)


def test_a_centred_name_goes_back_between_its_labels_and_its_target() -> None:
    (table,) = read_published_text(FLATTENED, "村道.txt")
    rows = [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    assert rows == [
        ("养护村道里程", "≥40公里", "40公里", Decimal(30), Decimal(30)),
        ("路况优良率", "≥80%", "82%", Decimal(20), Decimal(20)),
        ("因养护不到位引发的交通事故", "0起", "0起", Decimal(30), Decimal(30)),
        ("沿线群众满意度", "≥90%", "88%", Decimal(10), Decimal(8)),
    ]
    assert table.indicators[3].reason == "个别路段雨后积水"


def _cells(text: str) -> list[tuple[str, ...]]:
    return [row.cells for row in join_centred(list(text_rows(text, "村道.txt")))]


def test_pieces_that_make_no_column_name_are_left_as_they_were() -> None:
    text = FLATTENED.replace("全年预算 执行\n", "全年预算 备注\n")  # 备注率 is no column: nothing joined
    assert ("全年预算", "备注") in _cells(text) and ("数", "率") in _cells(text)
    assert ("全年预算", "执行") not in _cells(FLATTENED)  # the same lines, joined where they make names


def test_a_lone_line_before_a_row_that_names_itself_is_not_taken_for_its_name() -> None:
    text = FLATTENED.replace("效益指标(30分) 社会效益指标 0起", "效益指标(30分) 社会效益指标 事故起数 0起")
    assert ("因养护不到位引发的交",) in _cells(text) and ("通事故",) in _cells(text)
