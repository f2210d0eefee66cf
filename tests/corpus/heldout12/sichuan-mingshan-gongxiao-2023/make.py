"""Builds document.xlsx: a 雅安 district 供销合作社联合社's 项目支出绩效目标表 in the 2023 template.

Stands for the template in which 成本指标 is a 一级 of its own (经济成本指标 / 社会成本指标 / 生态环境成本指标)
between 产出 and 效益 (see the set's README), every 二级 of the template listed even when unused, the unused
rows holding '/' in 三级, 指标性质 and 指标值; columns 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 权重(%),
一级 merged down, numbers as numbers; the project block with 资金总额 / 财政拨款 / 其他资金 in 元. Texts and
figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout12/sichuan-mingshan-gongxiao-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

Row = tuple[str, str, str, int | float | str, str, int | str]
# 一级 → [(二级, 三级, 指标性质, 指标值, 度量单位, 权重)]
TREE: list[tuple[str, list[Row]]] = [
    (
        "产出指标",
        [
            ("数量指标", "培育基层社及农民专业合作社数量", "≥", 12, "个", 10),
            ("数量指标", "开展农资配送服务村数", "≥", 45, "个", 10),
            ("质量指标", "农资产品抽检合格率", "＝", 100, "%", 10),
            ("时效指标", "项目完成及时率", "≥", 95, "%", 10),
        ],
    ),
    (
        "成本指标",
        [
            ("经济成本指标", "单个基层社培育补助", "≤", 3, "万元", 10),
            ("社会成本指标", "/", "/", "/", "/", "/"),
            ("生态环境成本指标", "/", "/", "/", "/", "/"),
        ],
    ),
    (
        "效益指标",
        [
            ("经济效益指标", "带动社员户均增收", "≥", 800, "元", 15),
            ("社会效益指标", "服务带动农户数", "≥", 3000, "户", 15),
            ("生态效益指标", "/", "/", "/", "/", "/"),
        ],
    ),
    ("满意度指标", [("服务对象满意度指标", "社员及农户满意度", "≥", 90, "%", 10)]),
]


def layout() -> list[list[C | str | int | float]]:
    rows: list[list[C | str | int | float]] = [
        ["项目名称", C("供销合作社综合改革及为农服务体系建设", 3), "项目类型", C("专项业务类", 2)],
        ["主管部门", C("雅安市名山区供销合作社联合社", 3), "实施单位", C("雅安市名山区供销合作社联合社", 2)],
        [C("项目资金(元)", rs=3), C("资金总额", 2), C(520000, 4)],
        [C("其中:财政拨款", 2), C(520000, 4)],
        [C("其他资金", 2), C(0, 4)],
        ["年度目标", C("培育基层供销社和农民专业合作社,完善农资配送网络,提升为农服务能力。", 6)],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)"],
    ]
    for first, items in TREE:
        for k, item in enumerate(items):
            head: list[C | str | int | float] = [C(first, rs=len(items))] if k == 0 else []
            rows.append([*head, *item])
    return rows


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("2023年项目支出绩效目标表",), sheet="绩效目标表")
