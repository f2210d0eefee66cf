"""Builds document.docx: a 项目支出绩效自评表 of a 淮安市清江浦区 department as a Word document.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 江苏 district unit fills it in Word:
the units in the headers ('分值（分）', '得分（分）', '执行率（%）' with bare rates), a 自评等级 row under 总分
and the signatures line under the table. No stored page held a 清江浦区 table; rows and figures are ours.
Composed contradiction (of the kind issue 12 asks every audit to catch): the 总分 is 89.93 but the grade
printed under it is 优, which needs 90.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout9/jiangsu-huaian-qingjiangpu-minzheng-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

UNIT = "淮安市清江浦区民政局"
GOAL = "为辖区经济困难的高龄、失能老年人提供居家养老服务补贴，提高老年人居家生活质量。"
DONE = "全年为1420名老年人发放居家养老服务补贴，服务质量抽查合格率96%。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("居家养老服务补贴", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C("淮安市清江浦区养老服务指导中心", 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值（分）", "执行率（%）", "得分（分）"],
        ["年度资金总额", "320.00", "320.00", "256.00", "10", "80", "8"],
        ["其中：当年财政拨款", "320.00", "320.00", "256.00", "—", "80", "—"],
        ["上年结转资金", "", "", "", "—", "", "—"],
        ["其他资金", "", "", "", "—", "", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值（分）", "得分（分）", "偏差原因分析及改进措施"],
        [C("产出指标", rs=3), "数量指标", "享受居家养老服务补贴老年人数", "≥1500人", "1420人", "20", "18.93", "部分老人入住养老机构，转享机构养老补贴"],
        ["质量指标", "服务质量抽查合格率", "≥95%", "96%", "15", "15", ""],
        ["时效指标", "补贴资金按月拨付率", "100%", "100%", "15", "15", ""],
        [C("效益指标", rs=2), "社会效益指标", "老年人居家生活质量", "有效提高", "部分达成", "20", "13", "助餐服务覆盖不足，下年增设社区助餐点"],
        ["可持续影响指标", "居家养老服务网络", "持续完善", "达成年度指标", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "91%", "10", "10", ""],
        [C("总分", 6), "100", "89.93", ""],
        [C("自评等级", 2), C("优", 7)],
    ]


if __name__ == "__main__":
    write_docx(
        [
            ("h", "项目支出绩效自评表"),
            ("p", "（2022年度）"),
            ("table", layout()),
            ("p", "填报单位（盖章）：淮安市清江浦区民政局　　单位负责人：　　财务负责人：　　填报人："),
        ],
        HERE / "document.docx",
    )
