"""Builds document.docx: the 湖南 预算14表 (部门整体支出绩效目标表) of a county 林业局 as a Word file (2025).

Stands for the class of hunan-anhua-shijianju-2025 as the department's own Word attachment: the title and
预算14表 as paragraphs, then one table — 部门名称, 年度预算申请(万元) with 资金总额 and the 按收入性质/按支出性质
parts written 'label:amount' in cells, 部门职能职责概述, 整体绩效目标, and the indicator block with
部门整体支出年度绩效指标 merged down the left of 一级 | 二级 | 三级 | 指标值及单位. Texts and values are our own.

Run: ``.venv/bin/python tests/corpus/publishers/hunan-xinhua-linye-2025-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _build import C, write_docx  # noqa: E402

TREE = [
    ("产出指标", [
        ("数量指标", [("森林防火巡护里程", "≥9000公里"), ("完成人工造林面积", "≥3200亩")]),
        ("质量指标", [("造林成活率", "≥85%")]),
        ("时效指标", [("森林火情处置及时率", "100%")]),
        ("成本指标", [("公用经费控制", "不超年初预算")]),
    ]),
    ("效益指标", [
        ("生态效益指标", [("森林覆盖率", "≥76.5%")]),
        ("可持续影响指标", [("林长制责任体系", "持续巩固")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("林农满意度", "≥90%")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        [C("部门名称", 2), C("新化县林业局", 4)],
        [C("年度预算申请(万元)", 2, 3), "资金总额:2,418.60", "按收入性质分:2,418.60", C("按支出性质分:2,418.60", 2)],
        ["", "其中:一般公共预算:2,296.60", C("其中:基本支出:1,502.40", 2)],
        ["", "其他资金:122.00", C("项目支出:916.20", 2)],
        [C("部门职能职责概述", 2), C("负责全县林业资源保护和发展,组织森林防火、造林绿化和林业有害生物防治,监督管理林地和野生动植物资源。", 4)],
        [C("整体绩效目标", 2), C("保障机关正常运转,完成年度造林绿化和森林防火任务,森林资源持续增长,生态环境稳步改善。", 4)],
    ]
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    header: list[C | str] = [C("部门整体支出年度绩效指标", 1, count + 1), "一级指标", "二级指标", C("三级指标", 2), "指标值及单位"]
    rows.append(header)
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, (name, value) in enumerate(items):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, 1, sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, 1, len(items)))
                row += [C(name, 2), value]
                rows.append(row)
    return rows


if __name__ == "__main__":
    write_docx(
        [("p", "预算14表"), ("h", "2025年部门整体支出绩效目标表"), ("p", "填报单位:(盖章)"), ("table", layout())],
        HERE / "document.docx",
    )
