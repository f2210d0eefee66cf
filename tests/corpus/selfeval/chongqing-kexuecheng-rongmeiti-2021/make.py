"""Builds document.docx: a 重庆 部门整体绩效自评表 (2021) with a 得分系数 column, as the Word file it is.

Stands for the 部门整体绩效自评表 of the 融媒体中心 of 西部(重庆)科学城 for 2021 (a shared copy of the
.docx): 主管部门 and 自评总分(分) on the first row, a funds block 年初预算数 / 全年(调整)预算数 / 全年执行数 /
执行率(%) / 执行率权重 / 执行率得分(分), the three goal columns side by side, then a flat indicator list with
no 一级/二级 columns and ten columns: 指标名称 | 计量单位 | 指标性质 | 年初指标值 | 调整指标值 | 全年完成值 |
得分系数(%) | 指标权重(分) | 指标得分(分) | 是否核心指标 — three score-like columns, of which only the last
two are points. The real table gives every row 得分系数 100% and full marks, a 政府采购执行率 of 72.74%
against 100% among them; here the figures and texts are our own with the same kind of defect.

Run: ``.venv/bin/python tests/corpus/selfeval/chongqing-kexuecheng-rongmeiti-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

ROWS = [
    ("基础信息完善率", "%", "定量指标", "100%", "", "100%", "100%", "4", "4", "否"),
    ("预算完成率", "%", "定量指标", "≥70%", "", "76%", "100%", "4", "4", "是"),
    ("政府采购执行率", "%", "定量指标", "100%", "", "70.50%", "100%", "4", "4", "是"),
    ("管理制度健全性", "", "定性指标", "健全", "", "制度健全并严格执行", "100%", "8", "8", "否"),
    ("资金使用合规性", "", "定性指标", "合规", "", "未发现违规使用资金", "100%", "10", "10", "否"),
    ("组织宣传活动次数", "次", "定量指标", "≥40次", "", "43次", "100%", "15", "15", "是"),
    ("播发稿件数量", "篇", "定量指标", "≥2200篇", "", "2300篇", "100%", "15", "15", "是"),
    ("制作宣传品数量", "份", "定量指标", "≥15份", "", "16份", "100%", "10", "10", "否"),
    ("业务保障能力提升", "%", "定量指标", "≥90%", "", "95%", "100%", "10", "10", "否"),
    ("服务对象满意度", "%", "定量指标", "≥90%", "", "96%", "100%", "10", "10", "否"),
]
GOAL = "围绕科学城建设开展新闻宣传,保障中心人员和日常运转,承担区域新闻宣传管理和思想文化建设工作。"
DONE = "全年完成各项宣传任务,播发稿件2300篇,组织宣传活动43次,中心运转正常。"


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["主管部门", C("科学城宣传主管部门", 3), C("自评总分(分)", 2), "97.6", "部门联系人", "张某", "联系电话"],
        [C("部门预算执行情况(万元)", 3, rs=2), C("年初预算数", 2), "全年(调整)预算数", "全年执行数", "执行率(%)"]
        + ["执行率权重", "执行率得分(分)"],
        [C("1250.00", 2), "1380.00", "1048.80", "76%", "10", "7.6"],
        [C("当年绩效目标", rs=2), C("年初绩效目标", 3), C("全年(调整)绩效目标", 3), C("全年目标实际完成情况", 3)],
        [C(GOAL, 3), C(GOAL, 3), C(DONE, 3)],
        [C("绩效指标", rs=len(ROWS) + 1), "指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值"]
        + ["全年完成值", "得分系数(%)", "指标权重(分)", "指标得分(分)", "是否核心指标"],
    ]
    for row in ROWS:
        rows.append(list(row))
    return rows


if __name__ == "__main__":
    write_docx(
        [("h", "2021年度部门整体绩效自评表"), ("table", layout())],
        HERE / "document.docx",
        landscape=True,
    )
