"""The central 项目支出绩效目标申报表 as a department fills it in (xlsx, docx, PDF).

Stands for the form 财政部 prescribes for 中央部门 (财预〔2015〕88号 附件, kept as the form the
财预〔2021〕101号 核心绩效指标 guide is filled into): 主管部门及代码 / 实施单位, 项目属性 / 项目期,
项目资金 with 中期资金总额 and 年度资金总额 each split into 其中：财政拨款 / 其他资金, 总体目标 as
中期目标 beside 年度目标, and the indicators in two blocks side by side — 中期 on the left, 年度 on
the right, each with its 二级/三级/指标值 — under one 一级 column merged tall. 成本指标 sits under
产出指标 as in the old catalogue. Names, goals and values are our own.

Run: ``.venv/bin/python tests/corpus/publishers/zhongyang-caizhengbu-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _build import C, build  # noqa: E402

# (二级, [(三级, 中期指标值, 年度指标值)]) per 一级
TREE = [
    ("产出指标", [
        ("数量指标", [("抽查基层统计调查单位数", "≥1800家", "≥600家"),
                      ("编印数据质量核查报告", "=3份", "=1份")]),
        ("质量指标", [("抽查样本差错率", "≤2%", "≤2%")]),
        ("时效指标", [("核查结果按期报送率", "=100%", "=100%")]),
        ("成本指标", [("单家核查平均成本", "≤0.8万元/家", "≤0.8万元/家")]),
    ]),
    ("效益指标", [
        ("经济效益指标", [("节约重复调查经费", "≥300万元", "≥100万元")]),
        ("社会效益指标", [("源头数据准确性", "明显提升", "有所提升")]),
        ("生态效益指标", [("电子化填报替代纸质报表比例", "≥90%", "≥80%")]),
        ("可持续影响指标", [("数据质量核查机制", "长期有效", "长期有效")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("被抽查单位对核查工作的满意度", "≥90%", "≥90%")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("全国基层统计数据质量抽查核查", 7)],
        ["主管部门及代码", C("[156]国家示范数据局", 3), "实施单位", C("国家示范数据局数据质量中心", 3)],
        ["项目属性", C("延续项目", 3), "项目期", C("2024-2026年", 3)],
        [C("项目资金\n（万元）", rs=3), "中期资金总额：", C(1500, 2), "年度资金总额：", C(500, 3)],
        ["其中：财政拨款", C(1500, 2), "其中：财政拨款", C(500, 3)],
        ["其他资金", C(0, 2), "其他资金", C(0, 3)],
        [C("总体目标", rs=2), C("中期目标（2024年—2026年）", 4), C("年度目标", 3)],
        [
            C(
                "目标1：三年内完成对全国1800家基层统计调查单位的数据质量抽查。\n"
                "目标2：建立常态化的数据质量核查机制，源头数据差错率控制在2%以内。",
                4,
            ),
            C("目标1：完成600家基层统计调查单位的现场抽查。\n目标2：形成年度数据质量核查报告1份。", 3),
        ],
    ]
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    header = ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"]
    rows.append([C("绩效指标", rs=count + 1), *header])
    for level1, groups in TREE:
        first_of_level1 = True
        for level2, items in groups:
            for i, (name, medium, annual) in enumerate(items):
                row: list[C | str] = []
                if first_of_level1:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first_of_level1 = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [name, medium]
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [name, annual]
                rows.append(row)
    return rows


if __name__ == "__main__":
    build(HERE, layout(), ["项目支出绩效目标申报表", "（2024年度）"], landscape=True)
