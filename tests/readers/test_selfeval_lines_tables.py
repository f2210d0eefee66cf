"""Two published 自评表 on one page, copied one cell per line (empty cells leave no line): the second
table's rows are cut by its own columns, not by the indicator header of the table above it."""

from __future__ import annotations

from decimal import Decimal

from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import audit


def table(
    project: str, budget: str, executed: str, rate: str, rows: list[tuple[str, ...]], total: str
) -> str:
    """One central 10号 table as its cells, one per line: funds first, then the indicator block."""
    cells = [
        "项目支出绩效自评表", "（2020年度）", "项目名称", project, "主管部门", "某区文化和旅游局",
        "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", budget, budget, executed, "10", rate, "10",
        "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
    ]  # fmt: skip
    for row in rows:
        cells += row
    cells += ["总分", "100", total]
    return "\n".join(cells) + "\n"


FIRST = table(
    "戏曲进乡村经费",
    "40",
    "40",
    "100%",
    [
        ("产出指标", "数量指标", "送戏场次", "≥60场", "62场", "30", "30"),
        ("质量指标", "演出合格率", "100%", "100%", "30", "30"),
        ("满意度指标", "服务对象满意度指标", "观众满意度", "≥90%", "95%", "30", "30"),
    ],
    "100",
)
SECOND = table(
    "青年演员培训经费",
    "35",
    "35",
    "100%",
    [
        ("产出指标", "数量指标", "培训人次", "30人次", "30人次", "30", "30"),
        ("质量指标", "培训考核合格率", "100%", "100%", "30", "30"),
        ("满意度指标", "服务对象满意度指标", "参训演员满意度", "≥95%", "98%", "30", "30"),
    ],
    "100",
)


def test_the_second_table_on_a_page_is_cut_by_its_own_columns() -> None:
    first, second = read_published_text(FIRST + SECOND, "两张表.txt")
    assert (first.project, second.project) == ("戏曲进乡村经费", "青年演员培训经费")
    funds = [(f.budget, f.executed, f.weight, f.rate, f.score) for t in (first, second) for f in t.funds]
    assert funds == [
        (Decimal(40), Decimal(40), Decimal(10), Decimal(100), Decimal(10)),
        (Decimal(35), Decimal(35), Decimal(10), Decimal(100), Decimal(10)),
    ]
    for read in (first, second):
        assert [(i.weight, i.score) for i in read.indicators] == [(Decimal(30), Decimal(30))] * 3
    assert [(i.target, i.actual) for i in second.indicators] == [
        ("30人次", "30人次"),
        ("100%", "100%"),
        ("≥95%", "98%"),
    ]
    assert second.total == Decimal(100)
    assert "JX-A01" not in audit(second).codes()  # 10 + 90 = 100: nothing to contradict
