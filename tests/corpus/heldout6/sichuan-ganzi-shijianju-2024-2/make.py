"""Builds document.xlsx: a 甘孜州 unit's 绩效目标表 as the xlsx the 州 portal previews.

Stands for the form 甘孜藏族自治州市场监督管理局 published (see ../sichuan-ganzi-shijianju-2024 for the page
text): a title row, label/value pairs two to a row (单位信息 / 项目名称, 主管部门 / 项目经办人, 预算执行率权重 /
项目经办人电话), 整体目标, then the columns 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 权重(%) with 一级
written on every row, 指标性质 empty on quantitative rows and '定性' with '高中低' on qualitative ones. Here the
项目名称 and 经办人 are filled in. Project, texts and figures are our own.

Run: ``.venv/bin/python tests/corpus/heldout6/sichuan-ganzi-shijianju-2024-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

# (一级, 二级, 三级, 指标性质, 指标值, 度量单位, 权重)
ROWS: list[tuple[str, str, str, str, str | int, str, int]] = [
    ("产出指标", "数量指标", "完成食品安全监督抽检", "", 1200, "批次", 15),
    ("产出指标", "数量指标", "覆盖县(市)", "", 18, "个", 10),
    ("产出指标", "质量指标", "不合格食品核查处置率", "", 100, "%", 10),
    ("产出指标", "时效指标", "抽检信息公布时限", "", 20, "个工作日", 5),
    ("产出指标", "成本指标", "单批次检验费用", "", 950, "元/批次", 10),
    ("效益指标", "社会效益指标", "食品安全风险防控水平", "定性", "高中低", "", 15),
    ("效益指标", "可持续影响指标", "食品安全抽检制度化常态化", "定性", "高中低", "", 10),
    ("满意度指标", "服务对象满意度指标", "群众对食品安全满意度", "", 85, "%", 5),
]


def layout() -> list[list[C | str | int]]:
    rows: list[list[C | str | int]] = [
        ["单位信息:", C("324001-甘孜藏族自治州市场监督管理局机关", 3), "项目名称:", C("食品安全监督抽检经费", 2)],
        ["主管部门:", C("324-甘孜州市场监督管理部门", 3), "项目经办人:", C("泽仁卓玛", 2)],
        ["预算执行率权重(%):", C("10", 3), "项目经办人电话:", C("0836-2826115", 2)],
        [
            "整体目标:",
            C("按照州级食品安全抽检计划,完成全州18个县(市)食品安全监督抽检1200批次,及时核查处置不合格食品并公布抽检信息。", 6),
        ],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)"],
    ]
    rows += [list(row) for row in ROWS]
    return rows


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=["绩效目标表"])
