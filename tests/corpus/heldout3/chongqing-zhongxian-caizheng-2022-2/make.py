"""Builds document.xlsx: the 区域绩效目标表 a 重庆 county finance bureau attaches to a transfer notice (2022).

Stands for the table 忠县财政局 published with its 2022 notice (page text in
heldout3/chongqing-zhongxian-caizheng-2022), as the Excel attachment: the fund block as label/value
rows (资金名称, 中央主管部门, 省级财政部门, 省级主管部门, 区县财政部门, 区县主管部门), 资金情况 merged over
three rows with 年度金额(万元) / 其中:中央补助(万元) / 地方资金(万元), 年度目标, then the header
一级指标|二级指标|三级指标|单位|指标值 and 绩效指标 merged down the left of every indicator row. Values
are numbers where Excel holds them as numbers (268). Fund, texts and values are our own.

Run: ``.venv/bin/python tests/corpus/heldout3/chongqing-zhongxian-caizheng-2022-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

TREE = [
    ("产出指标", [
        ("数量指标", [("能繁母猪存栏量稳定率", "%", "≥95%"), ("生猪出栏量", "万头", "≥62万头")]),
        ("质量指标", [("奖励资金用于生猪产业发展比例", "%", "100%")]),
        ("时效指标", [("奖励资金拨付及时率", "%", "≥95%")]),
    ]),
    ("效益指标", [
        ("经济效益指标", [("生猪产业产值增长率", "%", "≥3%")]),
        ("可持续影响指标", [("生猪稳产保供长效机制", "/", "逐步建立")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("生猪养殖场户满意度", "%", "≥90%")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str | int | float]]:
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows: list[list[C | str | int | float]] = [
        [C("资金名称", 2), C("生猪(牛羊)调出大县奖励资金", 4)],
        [C("中央主管部门", 2), C("财政部、农业农村部", 4)],
        [C("省级财政部门", 2), C("重庆市财政局", 4)],
        [C("省级主管部门", 2), C("重庆市农业农村委员会", 4)],
        [C("区县财政部门", 2), C("忠县财政局", 4)],
        [C("区县主管部门", 2), C("忠县农业农村委员会", 4)],
        [C("资金情况", 2, 3), C("年度金额(万元):", 2), C(415, 2)],
        [C("其中:中央补助(万元)", 2), C(415, 2)],
        [C("地方资金(万元)", 2), C("", 2)],
        [C("年度目标", 2), C("到2022年底,全县生猪生产稳定发展,能繁母猪存栏保持在正常保有量合理区间,生猪出栏62万头以上,奖励资金全部用于生猪产业发展。", 4)],
        [C("绩效指标", rs=count + 1), "一级指标", "二级指标", "三级指标", "单位", "指标值"],
    ]
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, (name, unit, value) in enumerate(items):
                row: list[C | str | int | float] = []
                if first:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [name, unit, value]
                rows.append(row)
    return rows


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=["附件", "生猪(牛羊)调出大县奖励资金区域绩效目标表"])
