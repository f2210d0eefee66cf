"""Builds document.xlsx: a 乌海 district 档案史志馆's 项目绩效目标表 exported from the budget system to Excel.

Stands for the 内蒙古 乌海 form of 2021 (see the set's README): 项目名称, 项目类别 '(31)部门预算项目', 归口科室,
主管部门 '(447)…(部门)' and 实施单位 '(447001)…' with their codes, 投入目标(万元) over 资金来源 | 年初安排金额(万元),
年度目标 as numbered targets, then under a tall 绩效指标(权重分值…) label the columns 一级 | 二级 | 三级 | 指标性质
| 指标方向 | 目标值 | 计量单位 | 分值 | 备注 with 一级 and 二级 on every row, the comparator in 指标方向, numbers
as numbers, and the deadlines as Excel date serials (44561 for 2021-12-31) in both 目标值 and 计量单位, as the
export writes them. Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout11/neimenggu-wuda-dangan-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

# 一级, 二级, 三级, 指标性质, 指标方向, 目标值, 计量单位, 分值
ROWS: list[tuple[str, str, str, str, str, int | float, int | str, int]] = [
    ("产出指标", "数量指标", "数字化扫描档案页数", "正向", "=", 120000, "页", 5),
    ("产出指标", "数量指标", "档案目录著录条数", "正向", "=", 30000, "条", 5),
    ("产出指标", "数量指标", "档案业务培训次数", "正向", "=", 2, "", 4),
    ("产出指标", "质量指标", "数字化成果抽检合格率", "正向", "=", 100, "%", 6),
    ("产出指标", "时效指标", "项目财政资金到位时间", "正向", "=", 44561, 44561, 6),
    ("产出指标", "时效指标", "数字化加工完成时间", "正向", "=", 44530, 44530, 6),
    ("产出指标", "成本指标", "每页扫描加工单价", "反向", "=", 0.4, "元/页", 6),
    ("产出指标", "成本指标", "年度预算总成本", "反向", "=", 12, "万元", 6),
    ("效益指标", "社会效益指标", "档案利用服务人次", "正向", "≥", 800, "人次", 15),
    ("效益指标", "可持续影响指标", "档案数字资源保存年限", "正向", "≥", 30, "年", 15),
    ("满意度指标", "服务对象满意度指标", "查档群众满意度", "正向", "≥", 90, "%", 10),
]


def layout() -> list[list[C | str | int | float]]:
    rows: list[list[C | str | int | float]] = [
        ["项目名称", C("馆藏档案数字化加工经费", 9)],
        ["项目类别", C("(31)部门预算项目", 9)],
        ["归口科室", C("(06)社会事业科", 9)],
        ["主管部门", C("(447)乌海市乌达区档案史志馆(部门)", 9)],
        ["实施单位", C("(447001)乌海市乌达区档案史志馆", 9)],
        [C("投入目标 (万元)", rs=4), C("资金来源", 4), C("年初安排金额(万元)", 5)],
        [C("资金总额", 4), C(12, 5)],
        [C("其中: 财政拨款数", 4), C(12, 5)],
        [C("其他资金", 4), C(0, 5)],
        [
            "年度目标",
            C(
                "推进馆藏档案数字化,达成以下目标: 目标1:扫描档案12万页,著录目录3万条 目标2:抽检合格率100% "
                "目标3:2021年11月30日前完成加工 目标4:年度预算总金额12万元 目标5:提升档案利用服务水平。",
                9,
            ),
        ],
        [
            C(
                "绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分)",
                rs=len(ROWS) + 1,
            ),
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标方向",
            "目标值",
            "计量单位",
            "分值",
            "备注",
        ],
    ]
    for row in ROWS:
        rows.append([*row, ""])
    return rows


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目绩效目标表", "(2021年)"), sheet="Sheet1")
