"""Builds document.docx: a 湘阴 county unit's 项目支出预算绩效目标申报表 as the Word file it fills in.

Stands for the form 湘阴县教育局 published (see ../hunan-xiangyin-jiaoyu-2022 for the page text): title and
'(2023年度)', 填报单位 as a paragraph, a 项目基本情况 block with checkbox glyphs, a 项目资金情况 block with
上年度安排资金 / 本年度申请资金 columns and a 合 计 row, a 支出明细预算 block, 长期 / 本年度绩效目标, then the
长期绩效指标 block and the 年度绩效指标 block (一级 merged down its group, 二级 | 指标内容 | 指标值 | 备注).
Project, texts and figures are our own.

Run: ``.venv/bin/python tests/corpus/heldout6/hunan-xiangyin-jiaoyu-2023-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

# (一级, 二级, 指标内容, 长期指标值, 年度指标值)
ROWS = [
    ("产出指标", "数量指标", "资助家庭经济困难幼儿人数", "≥3000人次", "1200人次"),
    ("产出指标", "质量指标", "资助对象认定准确率", "100%", "100%"),
    ("产出指标", "时效指标", "资助资金发放时间", "每学期结束前", "2023年12月底前"),
    ("产出指标", "成本指标", "资助标准", "1000元/生·年", "1000元/生·年"),
    ("效益指标", "社会效益指标", "家庭经济困难幼儿入园率", "≥98%", "≥98%"),
    ("满意度指标", "服务对象满意度指标", "受助幼儿家长满意度", "≥95%", "≥92%"),
]


def indicator_block(label: str, column: int) -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        [C(label, rs=len(ROWS) + 1), "一级指标", "二级指标", "指标内容", "指标值", "备注"],
    ]
    seen: set[str] = set()
    for row in ROWS:
        cells: list[C | str] = []
        if row[0] not in seen:
            seen.add(row[0])
            cells.append(C(row[0], rs=sum(1 for r in ROWS if r[0] == row[0])))
        cells += [row[1], row[2], row[column], ""]
        rows.append(cells)
    return rows


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        [C("项目基本情况", rs=5), "项目名称", C("学前教育幼儿资助", 4)],
        ["项目属性", C("新增项目□                       延续项目√", 4)],
        ["主管部门", "", "项目起止时间", C("2023.1—2023.12", 2)],
        ["项目负责人", "李卫东", "联系电话", C("139****5206", 2)],
        ["项目类型", C("1.基本建设类 □  2.行政事业类 □  3.其他专项类 √", 4)],
        ["项目概况", C("对在普惠性幼儿园就读的家庭经济困难幼儿、孤儿和残疾儿童给予保育教育费资助。", 5)],
        ["项目立项依据", C("湘财教﹝2022﹞11号", 5)],
        [C("项目资金情况", rs=6), C("项目资金申请(万元)", rs=6), "项 目", "上年度安排资金", C("本年度申请资金", 2)],
        ["合 计", "105", C("120", 2)],
        ["市级资金", "", C("", 2)],
        ["省级资金", "63", C("72", 2)],
        ["中央资金", "21", C("24", 2)],
        ["县级资金", "21", C("24", 2)],
        [C("支出明细预算(万元)", rs=2), "项 目", "上年度安排资金", "本年度申请资金", C("测算依据及说明", 2)],
        ["合 计", "105", "120", C("按1200人次、每生每年1000元测算", 2)],
        [C("项目年度绩效目标情况", rs=2), "长期绩效目标", C("建立健全学前教育资助制度,保障家庭经济困难幼儿接受普惠性学前教育。", 4)],
        ["本年度绩效目标", C("资助家庭经济困难幼儿1200人次,资助资金按时足额发放到位。", 4)],
    ]
    rows += indicator_block("长期绩效指标", 3)
    rows += indicator_block("年度绩效指标", 4)
    return rows


if __name__ == "__main__":
    write_docx(
        [
            ("h", "项目支出预算绩效目标申报表"),
            ("p", "(2023年度)"),
            ("p", " 填报单位:湘阴县教育局"),
            ("table", layout()),
            ("p", "填报人:周哲    单位负责人:李卫东    填报日期:2022年10月18日"),
        ],
        HERE / "document.docx",
    )
