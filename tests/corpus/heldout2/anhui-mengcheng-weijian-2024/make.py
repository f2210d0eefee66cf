"""Builds document.pdf: a 蒙城县 budget-disclosure PDF page with prose and one 项目支出绩效目标申报表 (2024).

Stands for the 项目支出 part of the 2024 预算 disclosure of 蒙城县卫生健康委员会 (亳州市, 安徽): numbered prose
((1)项目概述 … (6)年度预算安排 … (7)绩效目标) then the 安徽 one-block 项目支出绩效目标申报表: '(2024 年度)',
项目名称, 主管部门及代码 (left empty) beside 实施单位, 项目属性 滚动项目 / 项目期 长期, 项目金额(万元) with
年度资金总额 and '其中:财政投款' (sic) given as 'N 万元' in the cell, 总体目标, then 绩效指标 merged down with
一级|二级|三级|指标值, values written with the full-width '≧'. Project, texts and values are our own.

Run: ``.venv/bin/python tests/corpus/heldout2/anhui-mengcheng-weijian-2024/make.py``
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

NAME = "家庭医生签约服务县级配套经费"
PROSE = [
    "2.“家庭医生签约服务县级配套经费”项目。",
    "(1)项目概述:对辖区居民开展家庭医生签约服务,重点人群签约服务县级配套补助。",
    "(2)项目立项依据:《关于推进家庭医生签约服务高质量发展的指导意见》,县级按规定比例承担配套资金。",
    "(3)实施主体:蒙城县卫生健康委员会。",
    "(4)起止时间:2024 年 1 月 1 日-2024 年 12 月 31 日。",
    "(5)项目内容:家庭医生签约服务县级配套经费。",
    "(6)年度预算安排:386.5 万元。",
    "(7)绩效目标:提高重点人群签约覆盖率和履约质量,改善群众就医获得感。",
]
TREE = [
    ("产出指标", [
        ("数量指标", [("重点人群家庭医生签约率", "≧75%"), ("签约居民年度健康评估人数", "≧52000 人")]),
        ("质量指标", [("签约服务履约率", "≧90%")]),
        ("时效指标", [("配套资金拨付时间", "2024 年 12 月底前")]),
        ("成本指标", [("签约服务县级配套标准", "≦6 元/人")]),
    ]),
    ("效益指标", [
        ("社会效益指标", [("基层首诊就诊比例", "逐步提高")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("签约居民满意度", "≧85%")]),
    ]),
]  # fmt: skip


def layout() -> list[list[C | str]]:
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows: list[list[C | str]] = [
        ["项目名称", C(NAME, 4)],
        ["主管部门及代码", "", "实施单位", C("卫健委", 2)],
        ["项目属性", "滚动项目", "项目期", C("长期", 2)],
        [C("项目金额(万元)", rs=3), "年度资金总额", C("386.5 万元", 3)],
        ["其中:财政投款", C("386.5 万元", 3)],
        ["其他资金", C("", 3)],
        [C("总体\n目标", rs=1), C("以老年人、慢性病患者、孕产妇、儿童等重点人群为主,提供签约服务和健康管理,做实做细家庭医生签约服务。", 4)],
        [C("绩效\n指标", rs=count + 1), "一级\n指标", "二级指标", "三级指标", "指标值"],
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
                row += [name, value]
                rows.append(row)
    return rows


def build() -> None:
    from weasyprint import HTML

    prose = "".join(f"<p>{html.escape(line)}</p>" for line in PROSE)
    page = f"""<html><head><meta charset="utf-8">
<meta name="dcterms.created" content="2024-01-01T09:00:00">
<style>
@page {{ size: A4; margin: 18mm; @bottom-center {{ content: "— " counter(page) " —"; }} }}
body {{ font-family: "Noto Serif CJK SC", "Noto Sans CJK SC"; font-size: 10.5pt; }}
p {{ text-indent: 2em; margin: 3pt 0; }}
p.t {{ text-align: center; text-indent: 0; font-weight: bold; }}
table {{ border-collapse: collapse; width: 100%; margin-top: 6pt; }}
td {{ border: 0.6pt solid black; padding: 2pt 3pt; vertical-align: middle; font-size: 9.5pt; }}
</style></head><body>{prose}
<p class="t">项目支出绩效目标申报表</p><p class="t">(2024 年度)</p>
<table>{table_html(layout())}</table></body></html>"""
    HTML(string=page).write_pdf(str(HERE / "document.pdf"))


if __name__ == "__main__":
    build()
