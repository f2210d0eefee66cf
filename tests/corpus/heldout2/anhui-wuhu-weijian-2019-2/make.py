"""Builds document.docx: 芜湖市卫生健康委's 预算项目支出绩效目标申报明细表 (2019) as the Word form it is filled in.

Stands for the 申报明细表 the 芜湖市卫生健康委 published per project in 2019 (the web page is its text; see
heldout2/anhui-wuhu-weijian-2019): title with the project name, '(2019年度)', 申报单位名称:(盖章), then one
table: 项目名称; 项目类型 and 项目属性 as checkboxes; 起始日期/结束日期 in one merged cell; 项目总预算 beside
项目当年预算 (万元); a 资金来源 header row over its values; 同名项目上年预算额/执行数; one tall 项目绩效目标 cell;
the indicators with 一级 and 二级 merged down their rows. Project, texts and values are our own.

Run: ``.venv/bin/python tests/corpus/heldout2/anhui-wuhu-weijian-2019-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

NAME = "严重精神障碍患者管理治疗经费"
TREE = [
    ("产出指标", [
        ("数量指标", [("在册严重精神障碍患者随访人次", "≥36000人次"), ("免费服药患者人数", "≥1500人")]),
        ("质量指标", [("患者规范管理率", "≥85%")]),
        ("时效指标", [("患者应急处置响应时间", "≤2小时")]),
        ("成本指标", [("患者免费服药人均补助", "≤600元/人·年")]),
    ]),
    ("效益指标", [
        ("社会效益指标", [("患者肇事肇祸案(事)件发生率", "较上年下降")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("患者家属满意度", "≥85%")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C(NAME, 4)],
        ["项目类型", C("部门预算 ☑          切块预算 □", 4)],
        ["项目属性", C("延续项目 ☑          新增项目 □", 4)],
        [C("起始日期:2019年 1 月 1日     结束日期:2019 年 12 月31日", 5)],
        ["项目总预算(万元)", "48.00", C("项目当年预算(万元)", 2), "48.00"],
        [C("项目资金来源情况(万元)", rs=2), "其中:上级财政补助资金", C("其中:同级财政资金", 2), "其他"],
        ["12.00", C("36.00", 2), "0.00"],
        [C("同名项目上年预算额", 2), C("同名项目上年预算执行数", 3)],
        [C("45.00", 2), C("44.12", 3)],
        [
            "项目绩效目标(含项目概况、设立依据、必要性及预期目标)",
            C("项目概况:用于在册严重精神障碍患者随访管理、免费服药和应急处置。\n"
              "项目立项依据:《严重精神障碍管理治疗工作规范》等。\n"
              "预期目标:提高患者规范管理率,减少肇事肇祸案(事)件。", 4),
        ],
        ["一级指标", "二级指标", C("三级指标", 2), "指标值"],
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
                row += [C(name, 2), value]
                rows.append(row)
    return rows


if __name__ == "__main__":
    write_docx(
        [
            ("h", f"2019年度芜湖市{NAME}预算项目支出绩效目标申报明细表"),
            ("p", "(2019年度)"),
            ("p", "申报单位名称:(盖章)"),
            ("table", layout()),
            ("p", "填报人:              联系电话:              填报日期:2019年9月"),
        ],
        HERE / "document.docx",
    )
