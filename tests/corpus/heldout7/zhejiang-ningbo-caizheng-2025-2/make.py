"""Builds document.xlsx: a 宁波 中央对地方转移支付区域绩效目标表 as the xlsx attached to a 下达 notice.

Stands for the form 宁波市财政局 published with its 2025 transfer notices (see ../zhejiang-ningbo-caizheng-2025
for the page text): title rows '附件2' / the table title / '(2025年度)', then 项目名称, 中央主管部门,
地方主管部门, a 资金情况(万元) block merged down 年度金额 / 其中:中央补助 / 地方资金, 年度目标, and the
indicator block 一级 | 二级 | 三级 | 指标值 with 一级 and 二级 merged down their groups and the left column
'绩效指标' merged down the whole block. Fund, texts and figures are our own.

Run: ``.venv/bin/python tests/corpus/heldout7/zhejiang-ningbo-caizheng-2025-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

# (一级, 二级, 三级, 指标值)
ROWS = [
    ("产出指标", "数量指标", "适龄儿童国家免疫规划疫苗接种率", "≥90%"),
    ("产出指标", "数量指标", "7岁以下儿童健康管理率", "≥85%"),
    ("产出指标", "数量指标", "65岁及以上老年人城乡社区规范健康管理服务率", "≥62%"),
    ("产出指标", "质量指标", "高血压患者基层规范管理服务率", "≥65%"),
    ("效益指标", "社会效益指标", "居民健康素养水平", "不断提高"),
    ("满意度指标", "服务对象满意度指标", "居民对基本公共卫生服务满意度", "≥85%"),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("基本公共卫生服务补助资金", 4)],
        ["中央主管部门", C("国家卫生健康委", 4)],
        ["地方主管部门", C("宁波市卫生健康委员会", 4)],
        [C("资金情况(万元)", rs=3), "年度金额:", C("5230", 3)],
        ["其中:中央补助", C("1046", 3)],
        ["地方资金", C("4184", 3)],
        [
            "年度目标",
            C("目标1:为城乡居民免费提供国家基本公共卫生服务项目。目标2:重点人群健康管理率稳步提高。", 4),
        ],
    ]
    block: list[list[C | str]] = [["一级指标", "二级指标", "三级指标", "指标值"]]
    done: set[tuple[str, ...]] = set()
    for level1, level2, name, value in ROWS:
        cells: list[C | str] = []
        if (level1,) not in done:
            done.add((level1,))
            cells.append(C(level1, rs=sum(1 for r in ROWS if r[0] == level1)))
        if (level1, level2) not in done:
            done.add((level1, level2))
            cells.append(C(level2, rs=sum(1 for r in ROWS if r[:2] == (level1, level2))))
        cells += [name, value]
        block.append(cells)
    block[0].insert(0, C("绩效指标", rs=len(block)))
    return rows + block


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=["附件2", "中央对地方转移支付区域绩效目标表", "(2025年度)"])
