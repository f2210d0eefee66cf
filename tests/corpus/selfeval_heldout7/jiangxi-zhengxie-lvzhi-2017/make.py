"""Builds document.pdf: a 2017 江西 项目支出绩效自评表 with a 评分标准 column, printed to PDF.

Stands for a real table seen in part (a document-site copy titled '项目支出绩效自评表2017', its text layer
only in pieces): a 江西 省政协 project table whose indicator block has the columns 一级指标 · 二级指标 ·
三级指标 · 分值 · 指标值 · 完成值 · 评分标准 · 得分, weights inside the 一级 and 二级 labels ('成本指标(5分)'),
scores written with '分' ('5分', '99.3 分'), a scoring rule in words on every row and a 注 under the table
(score capped at the weight; bands 100–80 % / 80–50 % / 50–0 %; B/A and A/B). What was seen of it is kept:
成本控制率 with the target '±10%' and the actual '达标' (a word) scored 5 of 5; 履职履责 30 points with
target and actual both '达标'; 群众满意度 98 % for 10; 总分 99.3. The other rows, the funds and all texts
are ours (the scoring rules and the 注 in our own words), set so that the printed figures add up to the real 99.3.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout7/jiangxi-zhengxie-lvzhi-2017/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "组织委员开展视察调研和专题协商,形成调研报告,保障委员依章程履职。"
DONE = "全年组织视察调研12次,形成调研报告12篇,其中10篇被有关部门采纳。"
COST = "成本控制率=(预算数-实际支出)÷预算数,在±10%以内得5分,±10%至15%得3分,±15%至20%得1分,超出±20%得0分"
NOTE = (
    "注:1.每项得分以该指标分值为上限。2.定性指标分达成、部分达成、未达成三档,分别在分值的100%-80%、80%-50%、"
    "50%-0%之间给分;定量指标达到指标值得满分,未达到的正向指标按B/A、反向指标按A/B乘以分值计分。"
)


def layout() -> list[list[C | str]]:
    return [
        ["项目名称", C("省政协委员视察调研经费", 7)],
        ["主管部门", C("江西省政协办公厅", 3), "实施单位", C("江西省政协办公厅", 3)],
        [C("项目资金\n(万元)", rs=3), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "60.00", "60.00", "55.80", "10", "93%", "9.3分"],
        ["其中:本年财政拨款", "60.00", "60.00", "55.80", "—", "93%", "—"],
        ["年度总体目标", C(GOAL, 3), "实际完成情况", C(DONE, 3)],
        ["一级指标", "二级指标", "三级指标", "分值", "指标值", "完成值", "评分标准", "得分"],
        [C("产出指标\n(50分)", rs=4), "数量指标\n(15分)", "组织委员视察调研次数", "15", "≥12次", "12次",
         "完成12次得15分,每少1次扣1分", "15分"],
        ["质量指标\n(15分)", "调研报告采纳率", "15", "≥80%", "83%", "采纳率80%以上得15分,每降5%扣1分", "15分"],
        ["时效指标\n(15分)", "视察调研按计划完成率", "15", "100%", "100%", "按计划完成得15分,每延误1次扣1分", "15分"],
        ["成本指标\n(5分)", "成本控制率", "5", "±10%", "达标", COST, "5分"],
        ["效益指标\n(30分)", "社会效益指标\n(30分)", "履职履责", "30", "达标", "达标",
         "依托委员视察调研,推动政协协商、监督、参政议政职能落实", "30分"],
        ["满意度指标\n(10分)", "服务对象满意度指标\n(10分)", "群众满意度", "10", "≥90%", "98%",
         "满意率达90%得满分,每低5个百分点扣1分", "10分"],
        [C("总分", 7), "99.3分"],
        [C(NOTE, 8)],
    ]


if __name__ == "__main__":
    write_pdf(layout(), HERE / "document.pdf", title=("项目支出绩效自评表", "(2017年度)"), landscape=True)
