"""Builds document.docx: a 黔西 (贵州) county-level 档案馆's target table in the ordinary provincial form.

The commonest form of 2021–2025 (the central 财预〔2021〕101号 项目支出绩效目标表 as provinces adopted it),
typed in Word: 项目名称 / 主管部门 / 实施单位, 项目资金（万元） merged down beside 年度资金总额 / 其中：财政拨款 /
其他资金, 年度目标, then 一级 | 二级 | 三级 | 指标值 with 一级 and 二级 merged down. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout14/guizhou-qianxi-dangan-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

GOAL = "完成馆藏纸质档案数字化扫描40万页,开展档案安全检查,提升档案利用服务水平。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("黔西市馆藏档案数字化加工项目", cs=3)],
    ["主管部门", "黔西市档案馆", "实施单位", "黔西市档案馆"],
    [C("项目资金\n（万元）", rs=3), "年度资金总额", C("48.60", cs=2)],
    ["其中：财政拨款", C("48.60", cs=2)],
    ["其他资金", C("0", cs=2)],
    ["年度目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), C("数量指标", rs=2), "档案数字化扫描页数", "≥40万页"],
    ["档案目录著录条数", "≥2.5万条"],
    ["质量指标", "数字化成果验收合格率", "≥98%"],
    ["时效指标", "项目完成时间", "2022年11月底前"],
    ["成本指标", "单页扫描加工成本", "≤1.1元/页"],
    [C("效益指标", rs=2), "社会效益指标", "档案查阅利用效率", "显著提高"],
    ["可持续影响指标", "档案资源长期安全保存", "持续保障"],
    ["满意度指标", "服务对象满意度指标", "查档群众满意度", "≥90%"],
]


def main() -> None:
    blocks: list[tuple[str, object]] = [
        ("p", "附件3"),
        ("h", "2022年项目支出绩效目标表"),
        ("p", "填报单位（盖章）：黔西市档案馆                                  单位：万元"),
        ("table", LAYOUT),
        ("p", "填表人：杨　帆        联系电话：0857-4000000        填报日期：2022年1月10日"),
    ]
    write_docx(blocks, HERE / "document.docx")


if __name__ == "__main__":
    main()
