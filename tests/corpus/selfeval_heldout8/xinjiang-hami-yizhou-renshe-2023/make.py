"""Builds document.docx: a 项目支出绩效自评表 of a 哈密市伊州区 department split into two Word tables.

Stands for a self-evaluation whose parts are separate Word tables with numbered paragraphs between them:
'一、项目基本情况及资金执行' (项目名称, 主管部门, the fund rows with 分值 / 执行率 / 得分), then '二、绩效指标完成
情况' (一级 / 二级 / 三级 / 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因) with the 总分 as that table's last row,
then '三、自评结论' as a paragraph. No stored page held an 伊州区 table; rows and figures are ours. The table
agrees with itself; practice findings only: every row at full marks, and a count 1.54× its target with no
reason.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout8/xinjiang-hami-yizhou-renshe-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

UNIT = "哈密市伊州区人力资源和社会保障局"


def funds() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("职业技能提升培训补贴", 6)],
        [C("主管部门", 2), C(UNIT, 2), "实施单位", C("哈密市伊州区就业服务中心", 3)],
        [C("项目资金（万元）", 1, 4), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "90.00", "90.00", "88.20", "10", "98%", "9.8"],
        ["其中：当年财政拨款", "90.00", "90.00", "88.20", "—", "98%", "—"],
        ["上年结转资金", "", "", "", "—", "", "—"],
    ]


def indicators() -> list[list[C | str]]:
    return [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), "数量指标", "职业技能培训人次", "≥800人次", "1230人次", "20", "20", ""],
        ["质量指标", "培训合格率", "≥90%", "93%", "15", "15", ""],
        ["时效指标", "培训补贴发放及时率", "100%", "100%", "15", "15", ""],
        ["成本指标", "人均培训补贴标准", "≤1100元", "1050元", "10", "10", ""],
        ["效益指标", "社会效益指标", "参训人员培训后就业率", "≥60%", "64%", "20", "20", ""],
        ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "94%", "10", "10", ""],
        [C("总分", 5), "100", "99.8", ""],
    ]


if __name__ == "__main__":
    write_docx(
        [
            ("h", "项目支出绩效自评表"),
            ("p", "（2023年度）"),
            ("p", "一、项目基本情况及资金执行"),
            ("table", funds()),
            ("p", "二、绩效指标完成情况"),
            ("table", indicators()),
            ("p", "三、自评结论"),
            ("p", "该项目全年培训1230人次，补贴资金按时发放，自评得分99.8分，等级为优。"),
        ],
        HERE / "document.docx",
    )
