"""Builds document.docx: a 武汉 district's 项目支出绩效自评表 for two projects of its 楚剧团 (2020, Word).

Stands for the .docx 新洲区文化和旅游局 published with one central 附件1 table per project: '(2020 年度)',
项目名称, 主管部门 and 实施单位 (the two filled the wrong way round), 项目资金(万元) with 年初预算数 /
全年预算数 / 全年执行 / 分值 / 执行率 / 得分 (the 年初预算数 of the total row left empty), 年度总体目标,
then 绩效指标 with five rows of 20 points each under the 10-point budget row, template rows '指标2:'
left empty, and 总分 100 with the sum of the indicator scores only. Projects and numbers are ours; the
defects are the real table's kind.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout2/hubei-xinzhou-wenlv-2020/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

HEAD = ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分", "偏差原因分析\n及改进措施"]


def table(name: str, funds: tuple[str, str, str], goal: str, rows: list[list[str]], total: str) -> list[list[C | str]]:
    budget, executed, _ = funds
    layout: list[list[C | str]] = [
        ["项目名称", C(name, 7)],
        ["主管部门", C("新洲区楚剧团", 3), "实施单位", C("新洲区文化和旅游局机关", 3)],
        [C("项目资金\n(万元)", rs=4), "", "年初预算数", "全年预算数", "全年执行", "分值", "执行率", "得分"],
        ["年度资金总额", "", budget, executed, "10", "100%", "10"],
        ["其中:当年财政拨款", budget, budget, executed, "", "100%", ""],
        ["上年结转资金", "", "", "", "", "", ""],
        [C("年度\n总体\n目标", rs=2), C("预期目标", 4), C("实际完成情况", 3)],
        [C(goal, 4), C("已完成", 3)],
        [C("绩\n效\n指\n标", rs=len(rows) + 1), *HEAD[:7]],
    ]
    for row in rows:
        layout.append(list(row[:7]))
    layout.append([C("总分", 5), "100", total, ""])
    return layout


P1 = [
    ["产出指标", "数量指标", "更新舞台灯具", "40件", "40件", "20", "20"],
    ["", "", "更新音响设备", "12套", "12套", "20", "20"],
    ["", "质量指标", "设备验收合格", "合格", "合格", "20", "20"],
    ["", "", "指标2:", "", "", "", ""],
    ["", "时效指标", "指标1:", "", "", "", ""],
    ["", "成本指标", "单件设备成本", "≤0.5万元", "0.5万元", "20", "18"],
    ["效益指标", "社会效益指标", "指标1:", "", "", "", ""],
    ["满意度指标", "服务对象满意度指标", "演职人员满意度", "100%", "100%", "20", "20"],
]
P2 = [
    ["产出指标", "数量指标", "青年演员培训人次", "30人次", "30人次", "25", "25"],
    ["", "", "送省市院团跟团培训批次", "3批次", "3批次", "25", "25"],
    ["", "质量指标", "培训考核合格率", "100%", "100%", "25", "25"],
    ["", "时效指标", "指标1:", "", "", "", ""],
    ["满意度指标", "服务对象满意度指标", "参训演员满意度", "≥95%", "98%", "25", "25"],
]


if __name__ == "__main__":
    write_docx(
        [
            ("h", "项目支出绩效自评表"),
            ("p", "(2020 年度)"),
            ("table", table("舞台灯光音响更新专项经费", ("25", "25", ""), "更新剧团老化、损坏的舞台灯光和音响设备,保障全年演出。", P1, "98")),
            ("p", ""),
            ("h", "项目支出绩效自评表"),
            ("p", "(2020 年度)"),
            ("table", table("青年演员培训经费", ("35", "35", ""), "请省市专家驻团授课,选送青年演员到省市院团跟团培训。", P2, "100")),
        ],
        HERE / "document.docx",
    )
