"""Builds document.xlsx: a 湖北-style 项目支出绩效自评表 of a 荆州市沙市区 department as an Excel sheet.

Stands for the 湖北 self-evaluation form (预算执行 20 + 年度绩效目标 40 + 40; rules.md §6.8): one fund row
scored '20分*执行率', two 年度绩效目标 blocks each with its own header row, 年初目标值(A) / 实际完成值(B),
amounts and scores as Excel numbers, the printed rules in a 填报说明 row at the foot. No stored page held a
沙市区 table; rows and figures are ours. The printed figures add up (19 + 39.8 + 40 = 98.8), but a met row
(99 % of ≥99 %) is scored 20 × 99 % = 19.8 instead of 20, with no reason — the kind of error the real
黄冈 table in selfeval/ has.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout7/hubei-jingzhou-shashi-minzheng-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

NOTE = "填报说明:1.正向指标得分=权重×B/A,反向指标得分=权重×A/B,得分不超过权重;2.定性指标按100%-80%、80%-50%、50%-0%三档计分。"
HEAD = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "分值", "得分"]


def layout() -> list[list[C | str | int | float]]:
    return [
        ["项目名称", C("困难群众救助工作经费", 3), "主管部门", "荆州市沙市区民政局", "实施单位", "荆州市沙市区社会救助服务中心"],
        [C("预算执行情况(万元)(20分)", 2), "预算数(A)", C("执行数(B)", 2), "执行率(B/A)", C("得分(20分*执行率)", 2)],
        [C("年度财政资金总额", 2), 48, C(45.6, 2), "95%", C(19, 2)],
        [C("年度绩效目标1(40分)", rs=4), *HEAD],
        ["产出指标", "数量指标", "救助对象核查户数", "≥3200户", "3260户", 10, 10],
        ["产出指标", "质量指标", "救助资金发放准确率", "≥99%", "99%", 20, 19.8],
        ["产出指标", "时效指标", "救助资金按月发放率", "100%", "100%", 10, 10],
        [C("年度绩效目标2(40分)", rs=3), *HEAD],
        ["效益指标", "社会效益指标", "困难群众基本生活保障", "有效保障", "应保尽保,未发生因救助不到位引发的事件", 20, 20],
        ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "95%", 20, 20],
        [C("总分", 6), C(98.8, 2)],
        [C(NOTE, 8)],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "(2022年度)"))
