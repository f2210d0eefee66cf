"""Builds document.pdf: a 湖北-style 项目支出绩效自评表 of a 咸宁市咸安区 department, printed to PDF (landscape).

Stands for the 湖北 self-evaluation form (预算执行 20 + 年度绩效目标 40 + 40; rules.md §6.8) as a district
unit prints it: one fund row scored '20分*执行率', two 年度绩效目标 blocks each under its own header row with
年初目标值(A) / 实际完成值(B) and no reason column, the rules in a 填报说明 row at the foot. The other corpora
hold this form as text, Word and Excel; this one is a PDF. No stored page held a 咸安区 table; rows and
figures are ours. The defect is composed after a kind seen in a real table of a publisher already in the
corpus (a quantitative target answered with the word '完成' and given full marks).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout9/hubei-xianning-xianan-shuili-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

NOTE = "填报说明:1.正向指标得分=权重×B/A,反向指标得分=权重×A/B,得分不超过权重;2.定性指标按100%-80%、80%-50%、50%-0%三档计分。"
HEAD = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "分值", "得分"]


def layout() -> list[list[C | str]]:
    return [
        ["项目名称", C("中小河流治理工程维护经费", 3), "主管部门", "咸宁市咸安区水利和湖泊局", "实施单位", "咸宁市咸安区河道堤防管理所"],
        [C("预算执行情况(万元)(20分)", 2), "预算数(A)", C("执行数(B)", 2), "执行率(B/A)", C("得分(20分*执行率)", 2)],
        [C("年度财政资金总额", 2), "60", C("57", 2), "95%", C("19", 2)],
        [C("年度绩效目标1(40分)", rs=4), *HEAD],
        ["产出指标", "数量指标", "河道清障长度", "≥30公里", "完成", "10", "10"],
        ["产出指标", "质量指标", "堤防巡查覆盖率", "100%", "100%", "15", "15"],
        ["产出指标", "时效指标", "汛前维护完成时限", "5月底前", "5月20日完成", "15", "15"],
        [C("年度绩效目标2(40分)", rs=3), *HEAD],
        ["效益指标", "社会效益指标", "沿河群众防洪安全", "有效保障", "汛期未发生溃堤险情", "20", "20"],
        ["满意度指标", "服务对象满意度指标", "沿河群众满意度", "≥90%", "93%", "20", "20"],
        [C("总分", 6), C("99", 2)],
        [C(NOTE, 8)],
    ]


if __name__ == "__main__":
    write_pdf(layout(), HERE / "document.pdf", title=("项目支出绩效自评表", "(2021年度)"), landscape=True)
