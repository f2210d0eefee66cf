"""Builds document.docx: the 绩效目标表 a city sends with its 公立医院改革与高质量发展示范项目 bid (三亚市, 2023).

Stands for the Word table 三亚市 published for the central 示范项目: a first row '申报城市:海南省三亚市'
over the whole width, then label/value rows 项目名称, 中央主管部门, 省级财政部门, 省级卫生健康部门, the funds
row 项目资金(万元) with 申请中央补助资金(万元) / 地方资金(万元) / 其他(万元) side by side, 总体目标 as
numbered milestones for 2023, 2024 and 2025, then 绩效指标 with 一级|二级|三级|指标值 (one value column
for the whole programme). No year in any label or title. Figures, texts and indicators are our own.

Run: ``.venv/bin/python tests/corpus/heldout3/hainan-sanya-weijian-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

GOAL = (
    "1.2023年底,组建城市医疗集团并明确各级医疗机构功能定位,初步建立分级诊疗格局。"
    "2.2024年底,医保支付、财政补偿、人事薪酬等改革取得突破,市级公立医院能力明显提升。"
    "3.2025年底,公立医院进入高质量发展阶段,特色专科建设成效显著,群众就医满意度持续提高。"
)
TREE = [
    ("产出指标", [
        ("数量指标", [("紧密型城市医疗集团建设数量", "≥2个"), ("专科联盟数量", "≥3个")]),
        ("质量指标", [("三级公立医院绩效考核等级", "逐年提升"), ("公立医院平均住院日", "≤8天")]),
        ("时效指标", [("示范项目建设任务完成时间", "2025年底前")]),
    ]),
    ("效益指标", [
        ("社会效益指标", [("市域内住院量占比", "≥90%")]),
        ("可持续影响指标", [("公立医院高质量发展体制机制", "基本建立")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("门诊患者满意度", "≥90%"), ("住院患者满意度", "≥92%")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str]]:
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows: list[list[C | str]] = [
        [C("申报城市:海南省三亚市", 7)],
        [C("项目名称", 2), C("公立医院改革与高质量发展示范项目", 5)],
        [C("中央主管部门", 2), C("财政部、国家卫生健康委", 5)],
        [C("省级财政部门", 2), C("海南省财政厅", 5)],
        [C("省级卫生健康部门", 2), C("海南省卫生健康委", 5)],
        [C("项目资金(万元)", 2), "128600", "申请中央补助资金(万元)", "50000", "地方资金(万元)", "46000"],
        [C("其他(万元)", 2), C("32600", 5)],
        [C("总体目标", 2), C(GOAL, 5)],
        [C("绩效指标", rs=count + 1), "一级指标", "二级指标", C("三级指标", 3), "指标值"],
    ]
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, (name, value) in enumerate(items):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [C(name, 3), value]
                rows.append(row)
    return rows


if __name__ == "__main__":
    write_docx([("h", "绩效目标表"), ("table", layout())], HERE / "document.docx")
